"""The core's own questions and the safety replies around them.

Besides the flows, the core asks a few questions of its own: "are you thinking about
suicide?" (after worried words that could hide it) and "are you safe right now?" (with the
crisis lines). What is open is kept in the person's `awaiting`; a typed answer is read by
bot/core/yes_no.py. This is the home of the core's question state (issue 19 makes it a
pure, typed state machine here).
"""

from __future__ import annotations

from datetime import datetime

import safety
from bot.core import words
from bot.core.buttons import Asked, CountryPage, Go, KeepTalking, MoreHelp, Resume
from bot.core.callback_data import encode, option
from bot.core.ports import PersonState
from bot.core.turn import Turn
from bot.core.yes_no import Said, read
from bot.messages import Option, Reply, ReplyKind

# `awaiting` while the erase question is open: "Yes, erase everything" counts only as the
# answer to the question just asked, never from an older message's keyboard.
DELETE_ASKED = "delete"
# The button that shows more crisis lines and ways to get help (after a crisis reply).
MORE_HELP = encode(MoreHelp())
# "Keep talking with me" on a crisis reply.
KEEP_TALKING = encode(KeepTalking())
MORE_HELP_OPTION = option(MoreHelp(), words.MORE_WAYS_TO_GET_HELP)
# `awaiting` while a question of the core's own is open, so that a typed answer is read as
# one (bot/core/yes_no.py): "are you thinking about suicide?" (asked once more if the reply is
# no answer: SUICIDE_ASKED_AGAIN), and "are you safe right now?" (crisis lines, /sos).
SUICIDE_ASKED = "suicide"
SUICIDE_ASKED_AGAIN = "suicide:again"
# Answered no (or rather not say) just now: worried words straight after are not met with
# the question again (they get the coping buttons); after any other step, they are.
SUICIDE_ANSWERED = "suicide:answered"
SAFE_ASKED = "safe"
QUESTIONS = frozenset({SUICIDE_ASKED, SUICIDE_ASKED_AGAIN, SAFE_ASKED})
# "Yes" to "are you thinking about suicide?": answered with the crisis lines at once, like /sos.
ASKED_YES = encode(Asked("yes"))
# What a "yes" tells us: thoughts of suicide, with no plan or danger stated.
SAID_YES = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"ideation"}),
    matched=(),
    about_someone_else=False,
    immediate=False,
)
# A typed answer to "are you thinking about suicide?": an unsure one counts as a yes.
_ABOUT_SUICIDE = {
    Said.YES: "yes",
    Said.UNSURE: "yes",
    Said.NO: "no",
    Said.FINE: "no",
    Said.RATHER_NOT_SAY: "skip",
}
# ... and to "are you safe right now?": an unsure one counts as not safe, and so does a no
# that goes on ("no, i feel so alone").
_NOT_SAFE = frozenset({Said.NO, Said.UNSURE, Said.NO_AND_MORE})
# What a "no" to "are you safe right now?" tells us: danger that may be immediate.
NOT_SAFE = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"danger"}),
    matched=(),
    about_someone_else=False,
    immediate=True,
)

class Questions:
    """Crisis, concern and not-safe replies, and the answers to the core's own questions."""

    def __init__(self, *, default_country: str | None) -> None:
        self._default_country = default_country

    def country(self, person: PersonState) -> str | None:
        return person.country or self._default_country

    async def crisis(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        """The crisis reply; or, to a person who has just said they are not safe ("no, i
        want to die" to "are you safe right now?"), the emergency number first."""
        turn.person.count_anonymously("crisis", now=turn.incoming.now)
        resumable = turn.person.flow_state is not None
        country, now = self.country(turn.person), turn.incoming.now
        if risk.about_someone_else:
            if turn.person.awaiting in QUESTIONS:
                turn.person.awaiting = None  # asked of the writer; the lines are for them now
            return [self.crisis_reply(country, risk, resumable=resumable, now=now)]
        not_safe = _says_not_safe(turn.person.awaiting, turn.incoming.text, risk)
        turn.person.awaiting = SAFE_ASKED  # both replies ask it, or mean it
        if not_safe:
            return [self.not_safe_reply(country, resumable=resumable, now=now)]
        return [self.crisis_reply(country, risk, resumable=resumable, now=now)]

    def crisis_reply(
        self,
        country: str | None,
        risk: safety.Assessment | None,
        *,
        resumable: bool,
        now: datetime | None = None,
    ) -> Reply:
        """The crisis lines for a country, open ones first at `now`, with ways to keep talking."""
        someone_else = risk.about_someone_else if risk else False
        text = safety.crisis_reply(
            country,
            about_someone_else=someone_else,
            immediate=risk.immediate if risk else True,
            abuse=bool(risk and "abuse" in risk.kinds),
            now=now,
        )
        options = _lines_options(someone_else=someone_else, resumable=resumable)
        return Reply(text, options=options, kind=ReplyKind.CRISIS)

    def not_safe_reply(
        self, country: str | None, *, resumable: bool, now: datetime | None = None
    ) -> Reply:
        """For "no, I'm not safe": the emergency number first, then a line and support."""
        options = _lines_options(someone_else=False, resumable=resumable)
        text = safety.not_safe_reply(country, now=now)
        return Reply(text, options=options, kind=ReplyKind.CRISIS)

    def more_help(self, country: str | None, *, now: datetime | None = None) -> Reply:
        """Every line and service for a country ("More ways to get help"), open ones first."""
        return Reply(safety.more_options(country, now=now), kind=ReplyKind.CRISIS)

    async def concern(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        """A warm reply with ways to cope; when the words could hide thoughts of suicide,
        it asks about them straight out instead (once: not again while unanswered)."""
        turn.person.count_anonymously("concern", now=turn.incoming.now)
        text = safety.concern_reply(self.country(turn.person), now=turn.incoming.now)
        awaiting = turn.person.awaiting
        if awaiting in (SUICIDE_ASKED, SUICIDE_ASKED_AGAIN):
            # Asked and not answered: not asked again. An answer still counts, but words
            # that are none are not met with the question once more (their buttons are gone).
            turn.person.awaiting = SUICIDE_ASKED_AGAIN
        elif risk.unsure_about_suicide and awaiting not in (SAFE_ASKED, SUICIDE_ANSWERED):
            # (not just after the lines, nor straight after an answer)
            turn.person.awaiting = SUICIDE_ASKED
            return [Reply(text, kind=ReplyKind.CONCERN), _suicide_question()]
        return [Reply(text, options=_coping_options(turn.person), kind=ReplyKind.CONCERN)]

    def unsupported(self, turn: Turn) -> list[Reply]:
        """A sticker, a voice note: text only, please; and "are you safe?" asked again if
        it is open (someone who cannot type may try their voice first)."""
        if turn.person.awaiting == SAFE_ASKED:
            return [Reply(words.UNSUPPORTED_SAFE)]
        return [Reply(words.UNSUPPORTED)]

    async def answer_about_suicide(self, turn: Turn, answer: str) -> list[Reply]:
        """The answer to "are you thinking about suicide?": a yes gets the crisis lines; a
        no, or rather not say, gets ways to cope with the lines a tap away."""
        if answer == "yes":
            return await self.crisis(turn, SAID_YES)
        text = words.ASKED_NO if answer == "no" else words.ASKED_NOT_SAYING
        turn.person.awaiting = SUICIDE_ANSWERED
        return [Reply(text, options=_coping_options(turn.person))]

    async def answer(self, turn: Turn, text: str) -> list[Reply] | None:
        """`text` as the answer to the question the core asked last, if one is open and
        `text` answers it (bot/core/yes_no.py); else None, and nothing changes."""
        question = turn.person.awaiting
        said = read(text) if question in QUESTIONS else None
        if question == SAFE_ASKED and said in _NOT_SAFE:
            return await self.crisis(turn, NOT_SAFE)  # and "are you safe?" stays open
        if question == SAFE_ASKED and said is not None:
            turn.person.awaiting = None
            safe = said is not Said.RATHER_NOT_SAY
            text = words.SAFE_NOW if safe else words.STAY
            return [Reply(text, options=_stay_options(turn.person))]
        answer = _ABOUT_SUICIDE.get(said) if said is not None else None
        if answer is None:
            return None
        turn.person.awaiting = None
        return await self.answer_about_suicide(turn, answer)

    async def sos(self, turn: Turn) -> list[Reply]:
        resumable = turn.person.flow_state is not None
        turn.person.awaiting = SAFE_ASKED
        country = self.country(turn.person)
        return [self.crisis_reply(country, None, resumable=resumable, now=turn.incoming.now)]

    async def keep_talking(self, turn: Turn) -> list[Reply]:
        """"Keep talking with me" under the crisis lines: "are you safe right now?" again."""
        turn.person.awaiting = SAFE_ASKED
        return [Reply(words.STAY, options=_stay_options(turn.person))]

    def owns(self, awaiting: str) -> bool:
        """Whether `awaiting` is one of these questions (else a screen's, e.g. a check-in's)."""
        return awaiting in QUESTIONS or awaiting == SUICIDE_ANSWERED

    def typed(self, turn: Turn, awaiting: str) -> list[Reply] | None:
        """Typed text that `answer()` could not read while one of these questions was open:
        "are you thinking about suicide?" is asked once more; else None (handle the text as
        if nothing had been asked)."""
        if awaiting == SUICIDE_ASKED:
            turn.person.awaiting = SUICIDE_ASKED_AGAIN
            return [_suicide_question(again=True)]
        return None


def _says_not_safe(question: str | None, text: str | None, risk: safety.Assessment) -> bool:
    """Whether a crisis message says the writer is not safe: "i'm not safe" while one of
    the core's questions is open, or a no ("no, i want to die") to "are you safe?"."""
    if question not in QUESTIONS:
        return False
    if "danger" in risk.kinds:
        return True
    return question == SAFE_ASKED and text is not None and read(text) in _NOT_SAFE


def _lines_options(*, someone_else: bool, resumable: bool) -> tuple[Option, ...]:
    """The buttons under crisis lines: ways to keep talking and to more help."""
    options = [option(KeepTalking(), words.KEEP_TALKING), MORE_HELP_OPTION]
    if someone_else:
        options.insert(0, option(Go("someone_else"), words.HOW_TO_HELP_THEM))
    else:
        options.append(option(Go("safety_plan:show"), words.MY_SAFETY_PLAN))
    options.append(option(CountryPage(0), words.CHOOSE_MY_COUNTRY))
    if resumable:
        options.append(option(Resume(), words.GO_BACK))
    return tuple(options)


def _suicide_question(again: bool = False) -> Reply:
    options = [
        option(Asked("yes"), words.YES),
        option(Asked("no"), words.NO),
        option(Asked("skip"), words.RATHER_NOT_SAY),
    ]
    if again:  # they may want help more than a question
        options.append(option(MoreHelp(), words.CRISIS_LINES))
    text = words.ASK_AGAIN if again else words.ASK_ABOUT_SUICIDE
    return Reply(text, options=tuple(options), kind=ReplyKind.CONCERN)


def _coping_options(person: PersonState) -> tuple[Option, ...]:
    options = [
        option(Go("urges:now"), words.URGE_RIGHT_NOW),
        option(Go("realistic_expectations:lapse"), words.DID_IT_AGAIN),
        option(Go("toolbox:show"), words.MY_TOOLBOX),
        option(MoreHelp(), words.CRISIS_LINES),
    ]
    if person.flow_state is not None:
        options.append(option(Resume(), words.CARRY_ON_WHERE_WE_WERE))
    return tuple(options)


def _stay_options(person: PersonState) -> tuple[Option, ...]:
    options = [
        option(Go("urges:now"), words.RIDE_OUT_AN_URGE),
        option(Go("safety_plan:show"), words.MY_SAFETY_PLAN),
        option(Go("toolbox:show"), words.MY_TOOLBOX),
        MORE_HELP_OPTION,
    ]
    if person.flow_state is not None:
        options.append(option(Resume(), words.GO_BACK))
    return tuple(options)


