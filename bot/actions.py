"""What the core does besides running flows: crisis and concern replies, the flows'
actions (save, show, schedule, …), and the buttons the core itself offers.

Core buttons carry ids that start with "!" (flows never use it):
`!go:TARGET` starts a flow, `!resume` goes back to where the person was,
`!sos:more` / `!sos:talk` follow a crisis reply, `!country…` picks a country,
`!delete:yes|no` answers the erase question, `!asked:yes|no|skip` answers "are you
thinking about suicide?", `!checkin…` belongs to bot/checkins.py.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

import dialogues
import safety
from bot import texts
from bot.answers import Said, read
from bot.countries import country_picker
from bot.messages import Incoming, Option, Reply, ReplyKind
from bot.privacy import Privacy
from bot.store import PersonRecord

log = logging.getLogger(__name__)

# `awaiting` while the erase question is open: "Yes, erase everything" counts only as the
# answer to the question just asked, never from an older message's keyboard.
DELETE_ASKED = "delete"
# The button that shows more crisis lines and ways to get help (after a crisis reply).
MORE_HELP = "!sos:more"
# "Keep talking with me" on a crisis reply.
KEEP_TALKING = "!sos:talk"
MORE_HELP_OPTION = Option(MORE_HELP, "More ways to get help")
# `awaiting` while a question of the core's own is open, so that a typed answer is read as
# one (bot/answers.py): "are you thinking about suicide?" (asked once more if the reply is
# no answer: SUICIDE_ASKED_AGAIN), and "are you safe right now?" (crisis lines, /sos).
SUICIDE_ASKED = "suicide"
SUICIDE_ASKED_AGAIN = "suicide:again"
# Answered no (or rather not say) just now: worried words straight after are not met with
# the question again (they get the coping buttons); after any other step, they are.
SUICIDE_ANSWERED = "suicide:answered"
SAFE_ASKED = "safe"
QUESTIONS = frozenset({SUICIDE_ASKED, SUICIDE_ASKED_AGAIN, SAFE_ASKED})
# "Yes" to "are you thinking about suicide?": answered with the crisis lines at once, like /sos.
ASKED_YES = "!asked:yes"
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

Go = Callable[["Turn", str], Awaitable[list[Reply]]]
Resume = Callable[["Turn"], Awaitable[list[Reply]]]
Menu = Callable[["Turn"], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Turn:
    """One thing a person did, with their open record and ways back into the flows."""

    person: PersonRecord
    incoming: Incoming
    go: Go
    resume: Resume


class CheckinMenus(Protocol):
    """The check-in screens: settings and the progress picture (see bot/checkins.py)."""

    async def settings(self, turn: Turn) -> list[Reply]: ...

    async def choose(self, turn: Turn, choice: str) -> list[Reply]: ...

    async def progress(self, turn: Turn) -> list[Reply]: ...

    async def typed(self, turn: Turn, awaiting: str, text: str) -> list[Reply]: ...


class Actions:
    """Carries out what the flows and the core ask for, inside the person's transaction."""

    def __init__(
        self,
        *,
        fields: Mapping[str, dialogues.FieldSpec],
        default_country: str | None,
        privacy: Privacy,
        checkins: CheckinMenus,
    ) -> None:
        self._fields = fields
        self._default_country = default_country
        self._privacy = privacy
        self._checkins = checkins

    async def facts(self, turn: Turn) -> dialogues.Facts:
        person = turn.person
        kept = await person.kept()
        return dialogues.Facts(
            flags={
                "consent": person.consented,
                "country_set": person.country is not None,
                "checkins_on": kept.checkins_on,
            },
            counts=kept.counts,
        )

    def country(self, person: PersonRecord) -> str | None:
        return person.country or self._default_country

    # Safety replies -------------------------------------------------------------

    async def crisis(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        """The crisis reply; or, to a person who has just said they are not safe ("no, i
        want to die" to "are you safe right now?"), the emergency number first."""
        turn.person.count_anonymously("crisis", now=turn.incoming.now)
        resumable = turn.person.flow_state is not None
        country = self.country(turn.person)
        if risk.about_someone_else:
            if turn.person.awaiting in QUESTIONS:
                turn.person.awaiting = None  # asked of the writer; the lines are for them now
            return [self.crisis_reply(country, risk, resumable=resumable, now=turn.incoming.now)]
        not_safe = _says_not_safe(turn.person.awaiting, turn.incoming.text, risk)
        turn.person.awaiting = SAFE_ASKED  # both replies ask it, or mean it
        now = turn.incoming.now
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
            return [Reply(texts.UNSUPPORTED_SAFE)]
        return [Reply(texts.UNSUPPORTED)]

    async def answer_about_suicide(self, turn: Turn, answer: str) -> list[Reply]:
        """The answer to "are you thinking about suicide?": a yes gets the crisis lines; a
        no, or rather not say, gets ways to cope with the lines a tap away."""
        if answer == "yes":
            return await self.crisis(turn, SAID_YES)
        text = texts.ASKED_NO if answer == "no" else texts.ASKED_NOT_SAYING
        turn.person.awaiting = SUICIDE_ANSWERED
        return [Reply(text, options=_coping_options(turn.person))]

    async def answer(self, turn: Turn, text: str) -> list[Reply] | None:
        """`text` as the answer to the question the core asked last, if one is open and
        `text` answers it (bot/answers.py); else None, and nothing changes."""
        question = turn.person.awaiting
        said = read(text) if question in QUESTIONS else None
        if question == SAFE_ASKED and said in _NOT_SAFE:
            return await self.crisis(turn, NOT_SAFE)  # and "are you safe?" stays open
        if question == SAFE_ASKED and said is not None:
            turn.person.awaiting = None
            safe = said is not Said.RATHER_NOT_SAY
            text = texts.SAFE_NOW if safe else texts.STAY
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

    # Core buttons ---------------------------------------------------------------

    async def core_choice(self, turn: Turn, choice: str, *, awaiting: str | None) -> list[Reply]:
        """A core ("!") button; `awaiting` is what the person's last screen asked for."""
        if choice.startswith("!go:"):
            return await turn.go(turn, choice.removeprefix("!go:"))
        if choice == "!resume":
            return await turn.resume(turn)
        if awaiting == SAFE_ASKED and (choice == MORE_HELP or choice.startswith("!country")):
            turn.person.awaiting = SAFE_ASKED  # still unanswered above these
        if choice == MORE_HELP:
            return [self.more_help(self.country(turn.person), now=turn.incoming.now)]
        if choice == KEEP_TALKING:
            turn.person.awaiting = SAFE_ASKED  # "Are you safe right now?" again
            return [Reply(texts.STAY, options=_stay_options(turn.person))]
        if choice.startswith("!country"):
            return await self._country(turn, choice)
        if choice.startswith("!asked:"):
            return await self.answer_about_suicide(turn, choice.removeprefix("!asked:"))
        if choice.startswith("!delete:"):
            asked = awaiting == DELETE_ASKED
            return await self._privacy.answer_delete(turn.person, choice, asked=asked)
        if choice.startswith("!checkin"):
            return await self._checkins.choose(turn, choice)
        return [Reply(texts.STALE_BUTTON), *await turn.go(turn, dialogues.TOPICS)]

    async def typed(self, turn: Turn, awaiting: str, text: str) -> list[Reply] | None:
        """Text typed where a core screen asked for something and `answer()` could not
        read it: a check-in time or place; "are you thinking about suicide?" is asked once
        more. None: handle the text as if nothing had been asked."""
        if awaiting == SUICIDE_ASKED:
            turn.person.awaiting = SUICIDE_ASKED_AGAIN
            return [_suicide_question(again=True)]
        if awaiting in QUESTIONS or awaiting == SUICIDE_ANSWERED:
            return None
        return await self._checkins.typed(turn, awaiting, text)

    async def ask_country(self, turn: Turn) -> list[Reply]:
        return [country_picker(page=0)]

    async def _country(self, turn: Turn, choice: str) -> list[Reply]:
        _, _, value = choice.partition(":")
        if value.startswith("page"):
            return [country_picker(page=int(value.removeprefix("page") or 0))]
        if value == "none":
            turn.person.country = None
            return [Reply(texts.COUNTRY_INTERNATIONAL), *await turn.resume(turn)]
        name = safety.country_name(value)
        if name is None:
            return [country_picker(page=0)]
        turn.person.country = value
        chosen = Reply(texts.COUNTRY_SET.format(name=name))
        if turn.person.awaiting == SAFE_ASKED:  # chosen under the crisis lines: theirs, now
            now = turn.incoming.now
            return [chosen, self.crisis_reply(value, None, resumable=False, now=now)]
        return [chosen, *await turn.resume(turn)]

    # The flows' actions ------------------------------------------------------------

    async def carry_out(self, turn: Turn, effect: dialogues.Effect) -> list[Reply]:
        person, args, now = turn.person, effect.args, turn.incoming.now
        match effect.action:
            case "show":
                return await self.show(turn, str(args["field"]))
            case "lines":
                kinds = tuple(str(args["kinds"]).split(","))
                text = safety.lines_reply(self.country(person), kinds, now=now)
                return [Reply(text, kind=ReplyKind.CRISIS)]
            case "open" if args.get("what") == "country":
                return [country_picker(page=0)]
            case "open":
                return await self._checkins.settings(turn)
            case "schedule_checkback":
                due = now + timedelta(minutes=int(args["minutes"]))
                await person.schedule("checkback", due_at=due)
                return []
            case "consent":
                person.consent_at = now
                return []
        if not person.consented:
            return [Reply(texts.NOT_KEPT)]
        match effect.action:
            case "save":
                field = str(args["field"])
                replace = self._fields[field].kind == "text"
                await person.add_entry(field, str(args["value"]), now=now, replace=replace)
            case "rate":
                await person.rate_entry(str(args["field"]), str(args["entry"]), int(args["score"]))
            case "forget":
                await person.forget(str(args["field"]))
            case "record":
                await person.add_checkin(
                    now=now,
                    mood=_optional_int(args.get("mood")),
                    urge=_optional_int(args.get("urge")),
                    note=str(args["note"]) if args.get("note") else None,
                )
            case _:
                log.error("unknown flow action %s", effect.action)
        return []

    async def show(self, turn: Turn, field: str) -> list[Reply]:
        if field == "crisis_lines":
            return [self.more_help(self.country(turn.person), now=turn.incoming.now)]
        spec = self._fields[field]
        entries = await turn.person.entries(field)
        if not entries:
            return [Reply(f"{spec.label}: {texts.NOTHING_KEPT.lower()}")]
        lines = [f"{spec.label}:"]
        for entry in entries:
            rating = f" (helped {entry.rating}/5)" if entry.rating else ""
            lines.append(f"• {entry.text}{rating}")
        return [Reply("\n".join(lines))]

    async def checkin_settings(self, turn: Turn) -> list[Reply]:
        return await self._checkins.settings(turn)

    async def progress(self, turn: Turn) -> list[Reply]:
        return await self._checkins.progress(turn)

    async def my_data(self, turn: Turn) -> list[Reply]:
        return await self._privacy.my_data(turn.person, now=turn.incoming.now)

    async def ask_delete(self, turn: Turn) -> list[Reply]:
        turn.person.awaiting = DELETE_ASKED  # only the very next step can say yes
        return [self._privacy.delete_question()]

    async def stop(self, turn: Turn) -> list[Reply]:
        await turn.person.stop_reminders()
        turn.person.flow_state = None
        return [Reply(texts.STOPPED)]


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
    options = [Option(KEEP_TALKING, "Keep talking with me"), MORE_HELP_OPTION]
    if someone_else:
        options.insert(0, Option("!go:someone_else", "How to help them"))
    else:
        options.append(Option("!go:safety_plan:show", "My safety plan"))
    options.append(Option("!country", "Choose my country"))
    if resumable:
        options.append(Option("!resume", "Go back to where we were"))
    return tuple(options)


def _suicide_question(again: bool = False) -> Reply:
    options = [
        Option(ASKED_YES, "Yes"),
        Option("!asked:no", "No"),
        Option("!asked:skip", "I'd rather not say"),
    ]
    if again:  # they may want help more than a question
        options.append(Option(MORE_HELP, "Crisis lines"))
    text = texts.ASK_AGAIN if again else texts.ASK_ABOUT_SUICIDE
    return Reply(text, options=tuple(options), kind=ReplyKind.CONCERN)


def _coping_options(person: PersonRecord) -> tuple[Option, ...]:
    options = [
        Option("!go:urges:now", "I have an urge right now"),
        Option("!go:realistic_expectations:lapse", "I did it again"),
        Option("!go:toolbox:show", "My toolbox"),
        Option(MORE_HELP, "Crisis lines"),
    ]
    if person.flow_state is not None:
        options.append(Option("!resume", "Carry on where we were"))
    return tuple(options)


def _stay_options(person: PersonRecord) -> tuple[Option, ...]:
    options = [
        Option("!go:urges:now", "Ride out an urge with me"),
        Option("!go:safety_plan:show", "My safety plan"),
        Option("!go:toolbox:show", "My toolbox"),
        MORE_HELP_OPTION,
    ]
    if person.flow_state is not None:
        options.append(Option("!resume", "Go back to where we were"))
    return tuple(options)


def _optional_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() else None
