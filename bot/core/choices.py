"""The core's own buttons, answered: ids that start with "!" (flows never use it).

`!go:TARGET` starts a flow, `!resume` goes back to where the person was,
`!sos:more` / `!sos:talk` follow a crisis reply, `!country…` picks a country,
`!delete:yes|no` answers the erase question, `!asked:yes|no|skip` answers "are you
thinking about suicide?", `!checkin…` belongs to bot/checkins/screens.py.
"""

from __future__ import annotations

import dialogues
import safety
from bot.core import words
from bot.core.country_picker import country_picker
from bot.core.own_data import Privacy
from bot.core.ports import CheckinMenus
from bot.core.questions import DELETE_ASKED, KEEP_TALKING, MORE_HELP, SAFE_ASKED, Questions
from bot.core.turn import Turn
from bot.messages import Reply


class Choices:
    """Answers a tap on one of the core's own buttons."""

    def __init__(self, *, questions: Questions, privacy: Privacy, checkins: CheckinMenus) -> None:
        self._questions = questions
        self._privacy = privacy
        self._checkins = checkins

    async def choose(self, turn: Turn, choice: str, *, awaiting: str | None) -> list[Reply]:
        """A core ("!") button; `awaiting` is what the person's last screen asked for."""
        questions = self._questions
        if choice.startswith("!go:"):
            return await turn.go(turn, choice.removeprefix("!go:"))
        if choice == "!resume":
            return await turn.resume(turn)
        if awaiting == SAFE_ASKED and (choice == MORE_HELP or choice.startswith("!country")):
            turn.person.awaiting = SAFE_ASKED  # still unanswered above these
        if choice == MORE_HELP:
            return [questions.more_help(questions.country(turn.person))]
        if choice == KEEP_TALKING:
            return await questions.keep_talking(turn)
        if choice.startswith("!country"):
            return await self._country(turn, choice)
        if choice.startswith("!asked:"):
            return await questions.answer_about_suicide(turn, choice.removeprefix("!asked:"))
        if choice.startswith("!delete:"):
            asked = awaiting == DELETE_ASKED
            return await self._privacy.answer_delete(turn.person, choice, asked=asked)
        if choice.startswith("!checkin"):
            return await self._checkins.choose(turn, choice)
        return [Reply(words.STALE_BUTTON), *await turn.go(turn, dialogues.TOPICS)]

    async def _country(self, turn: Turn, choice: str) -> list[Reply]:
        _, _, value = choice.partition(":")
        if value.startswith("page"):
            return [country_picker(page=int(value.removeprefix("page") or 0))]
        if value == "none":
            turn.person.country = None
            return [Reply(words.COUNTRY_INTERNATIONAL), *await turn.resume(turn)]
        name = safety.country_name(value)
        if name is None:
            return [country_picker(page=0)]
        turn.person.country = value
        chosen = Reply(words.COUNTRY_SET.format(name=name))
        if turn.person.awaiting == SAFE_ASKED:  # chosen under the crisis lines: theirs, now
            return [chosen, self._questions.crisis_reply(value, None, resumable=False)]
        return [chosen, *await turn.resume(turn)]
