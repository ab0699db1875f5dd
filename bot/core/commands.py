"""The slash commands: /start, /topics, /sos, /mydata, … each answered inside the person's
transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

import dialogues
from bot.core import words
from bot.core.buttons import Go
from bot.core.callback_data import option
from bot.core.country_picker import country_picker
from bot.core.delete_typed import Reading
from bot.core.effects import Effects
from bot.core.own_data import Privacy
from bot.core.ports import CheckinMenus
from bot.core.questions import AskedDelete, Moved
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.messages import Reply

Command = Callable[[Turn], Awaitable[list[Reply]]]


class Commands:
    """The command table; `run` answers one command (an unknown one says so)."""

    def __init__(
        self,
        *,
        questions: Questions,
        effects: Effects,
        privacy: Privacy,
        checkins: CheckinMenus,
    ) -> None:
        self._questions = questions
        self._effects = effects
        self._privacy = privacy
        self._checkins = checkins
        self._table: Mapping[str, Command] = {
            "start": self._start,
            "topics": self._topics,
            "help": self._help,
            "sos": questions.sos,
            "toolbox": self._toolbox,
            "wins": self._wins,
            "plan": self._plan,
            "country": self._country,
            "checkin": checkins.settings,
            "progress": checkins.progress,
            "keep": self._keep,
            "mydata": self._my_data,
            "delete": self._ask_delete,
            "stop": self._stop,
        }

    async def run(self, turn: Turn, name: str) -> list[Reply]:
        command = self._table.get(name.lower())
        return await command(turn) if command else [Reply(words.UNKNOWN_COMMAND)]

    async def _start(self, turn: Turn) -> list[Reply]:
        return await turn.go(turn, dialogues.TOPICS if turn.person.consented else "welcome")

    async def _topics(self, turn: Turn) -> list[Reply]:
        return await turn.go(turn, dialogues.TOPICS)

    async def _toolbox(self, turn: Turn) -> list[Reply]:
        return await turn.go(turn, "toolbox:show")

    async def _wins(self, turn: Turn) -> list[Reply]:
        return await self._effects.show(turn, "wins")

    async def _plan(self, turn: Turn) -> list[Reply]:
        return await turn.go(turn, "safety_plan:show")

    async def _help(self, turn: Turn) -> list[Reply]:
        return [Reply(words.HELP, options=(option(Go("topics"), words.SHOW_TOPICS),))]

    async def _country(self, turn: Turn) -> list[Reply]:
        self._questions.ask_country(turn)
        return [country_picker(page=0)]

    async def _keep(self, turn: Turn) -> list[Reply]:
        """Saving turned on later: asked, never assumed; said plainly when it is on already."""
        if turn.person.consented:
            return [Reply(words.KEEP_ALREADY_ON)]
        return await turn.go(turn, "welcome:keep_later")

    async def _my_data(self, turn: Turn) -> list[Reply]:
        return await self._privacy.my_data(turn.person, now=turn.incoming.now)

    async def _ask_delete(self, turn: Turn) -> list[Reply]:
        self._questions.ask(turn, AskedDelete())  # only the very next step can say yes
        return [self._privacy.delete_question()]

    async def delete_typed(self, turn: Turn, said: Reading) -> list[Reply]:
        """/delete in words (bot/core/delete_typed.py): the question, its answer typed, or
        whether it was done."""
        asked = isinstance(turn.person.question, AskedDelete)
        if said == "ask":
            return await self._ask_delete(turn)
        self._questions.step(turn, Moved(turn.incoming.now))  # the question is answered
        if said == "check":
            return [Reply(words.DELETE_CHECK)]
        return await self._privacy.answer_delete(turn.person, erase=said == "erase", asked=asked)

    async def _stop(self, turn: Turn) -> list[Reply]:
        await turn.person.stop_reminders()
        turn.person.flow_state = None
        return [Reply(words.STOPPED)]
