"""The core's own buttons, answered (bot/core/buttons.py says which there are)."""

from __future__ import annotations

from typing import assert_never

import dialogues
import safety
from bot.core import countries, repeats, words
from bot.core.buttons import (
    Asked,
    CheckinBetter,
    CheckinChangeZone,
    CheckinConsent,
    CheckinCountryZones,
    CheckinFrequency,
    CheckinHowOften,
    CheckinOff,
    CheckinPause,
    CheckinPeriod,
    CheckinProgress,
    CheckinRegion,
    CheckinRegions,
    CheckinSettings,
    CheckinSnooze,
    CheckinTime,
    CheckinUnpause,
    CheckinWeekday,
    CheckinZone,
    Country,
    CountryPage,
    Erase,
    Go,
    KeepTalking,
    MoreHelp,
    Resume,
)
from bot.core.buttons import Button as AnyButton
from bot.core.country_picker import country_picker
from bot.core.own_data import Privacy
from bot.core.ports import CheckinMenus
from bot.core.questions import AskedDelete, AskedSafe, Question, episode_at
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.messages import Reply


class Choices:
    """Answers a tap on one of the core's own buttons."""

    def __init__(self, *, questions: Questions, privacy: Privacy, checkins: CheckinMenus) -> None:
        self._questions = questions
        self._privacy = privacy
        self._checkins = checkins

    async def choose(self, turn: Turn, button: AnyButton, *, question: Question) -> list[Reply]:
        """A core button; `question` is what the person's last screen asked ("are you safe
        right now?" stays open above the lines and the country picker: the Companion)."""
        questions, person = self._questions, turn.person
        match button:
            case Go(target=target):
                return await turn.go(turn, target)
            case Resume():
                return await turn.resume(turn)
            case MoreHelp():
                return [questions.more_help(questions.country(person), now=turn.incoming.now)]
            case KeepTalking():
                return await questions.keep_talking(turn)
            case CountryPage(page=page):
                questions.ask_country(turn)
                return [country_picker(page=page)]
            case Country(code=code):
                return await self.country(turn, code)
            case Asked(answer=answer):
                return await questions.answer_about_suicide(turn, answer)
            case Erase(erase=erase):
                asked = isinstance(question, AskedDelete)
                return await self._privacy.answer_delete(person, erase=erase, asked=asked)
            case (
                CheckinSettings()
                | CheckinConsent()
                | CheckinHowOften()
                | CheckinWeekday()
                | CheckinFrequency()
                | CheckinPeriod()
                | CheckinTime()
                | CheckinCountryZones()
                | CheckinRegions()
                | CheckinRegion()
                | CheckinZone()
                | CheckinChangeZone()
                | CheckinPause()
                | CheckinUnpause()
                | CheckinSnooze()
                | CheckinOff()
                | CheckinProgress()
                | CheckinBetter()
            ):
                return await self._checkins.choose(turn, button)
            case _:
                assert_never(button)

    async def refused(self, turn: Turn) -> list[Reply]:
        """A core id that is none of the buttons (forged, or from a version long gone)."""
        return [Reply(words.STALE_BUTTON), *await turn.go(turn, dialogues.TOPICS)]

    async def country(self, turn: Turn, code: str | None) -> list[Reply]:
        """A country chosen, by a tap or typed ("i live in ireland"); None: "Somewhere
        else", answered with the international options it promises, never nothing, as is
        a country the directory has no lines for ("Peru": bot/core/countries.py, rule 6)."""
        if code is None or code == countries.SOMEWHERE_ELSE:
            # kept, so that a deployment's default country never comes back in its place
            code, chosen = countries.SOMEWHERE_ELSE, Reply(words.COUNTRY_INTERNATIONAL)
        elif not countries.has_lines(code):  # "Peru": a country, and its international lines
            name = countries.name(code)
            if name is None:
                return [country_picker(page=0)]
            chosen = Reply(words.COUNTRY_NO_LINES.format(name=name))
        else:
            name = safety.country_name(code) or code
            said = words.COUNTRY_ALREADY if turn.person.country == code else words.COUNTRY_SET
            chosen = Reply(said.format(name=name))
        turn.person.country = code
        now = turn.incoming.now
        after_lines = episode_at(turn.person.episode, now).lines_shown
        if isinstance(turn.person.question, AskedSafe) or after_lines:
            # chosen under the crisis lines, or typed after them in this episode: theirs, now
            self._questions.ask(turn, AskedSafe())
            return [chosen, self._questions.crisis_reply(code, None, resumable=False, now=now)]
        if not countries.has_lines(code) or repeats.lines_lately(turn.person.episode.said, now):
            # "Somewhere else" or a country with no lines of its own, or typed just after a
            # flow's lines ("we live in canada"): those lines, all of them
            return [chosen, self._questions.more_help(code, now=now), *await turn.resume(turn)]
        return [chosen, *await turn.resume(turn)]
