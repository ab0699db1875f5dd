"""The flows' effects, typed, and carried out inside the person's transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import assert_never

import dialogues
import safety
from bot.core import plan_copy, words
from bot.core.country_picker import country_picker
from bot.core.ports import CheckinMenus
from bot.core.questions import FlowAnswered, FlowAsked
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.messages import Reply, ReplyKind

log = logging.getLogger(__name__)


class EffectError(ValueError):
    """An effect from the engine that is none of the kinds the core carries out."""


# -- The flows' effects, typed ---------------------------------------------------------------------


@dataclass(frozen=True)
class Show:
    """Show what the person kept under `field` (or every crisis line: "crisis_lines")."""

    field: str


@dataclass(frozen=True)
class Lines:
    """Show the person's country's lines of these kinds (safety.resources.KINDS)."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class OpenCountry:
    """Show the country picker."""


@dataclass(frozen=True)
class OpenCheckins:
    """Show the check-in settings."""


@dataclass(frozen=True)
class ScheduleCheckback:
    """Check back with the person in `minutes`."""

    minutes: int


@dataclass(frozen=True)
class Consent:
    """The person agreed that things may be kept for them."""


@dataclass(frozen=True)
class Save:
    """Keep `value` under `field` (a text field keeps only the newest)."""

    field: str
    value: str


@dataclass(frozen=True)
class Rate:
    """How much a kept thing helped (1 to 5)."""

    field: str
    entry: str
    score: int


@dataclass(frozen=True)
class Drop:
    """Take one entry out of `field` (the person removed it)."""

    field: str
    value: str


@dataclass(frozen=True)
class Hide:
    """Hide one entry of `field` from suggestions (`hidden`), or show it again."""

    field: str
    value: str
    hidden: bool


@dataclass(frozen=True)
class CopyPlan:
    """Send the safety plan as a picture and as text, to keep outside the bot."""


@dataclass(frozen=True)
class Forget:
    """Forget everything kept under `field`."""

    field: str


@dataclass(frozen=True)
class Record:
    """Record a check-in's answers."""

    mood: int | None
    urge: int | None
    note: str | None
    tags: tuple[str, ...] = ()  # what was around (words.CHECKIN_TAGS' ids)


@dataclass(frozen=True)
class Asked:
    """A flow's step asks about `about` ("suicide", "swallowed"): the episode remembers."""

    about: str


@dataclass(frozen=True)
class Answered:
    """A flow's question about `about` was answered `said` (yes, no, unsure, skip)."""

    about: str
    said: str


FlowEffect = (
    Show
    | Lines
    | OpenCountry
    | OpenCheckins
    | ScheduleCheckback
    | Consent
    | Save
    | Rate
    | Drop
    | Hide
    | CopyPlan
    | Forget
    | Record
    | Asked
    | Answered
)


def typed(effect: dialogues.Effect) -> FlowEffect:
    """The engine's effect as one of the types above; EffectError naming it otherwise."""
    args = effect.args
    try:
        match effect.action:
            case "show":
                return Show(str(args["field"]))
            case "lines":
                return Lines(tuple(str(args["kinds"]).split(",")))
            case "open":
                return OpenCountry() if args.get("what") == "country" else OpenCheckins()
            case "schedule_checkback":
                return ScheduleCheckback(int(args["minutes"]))
            case "consent":
                return Consent()
            case "save":
                return Save(str(args["field"]), str(args["value"]))
            case "rate":
                return Rate(str(args["field"]), str(args["entry"]), int(args["score"]))
            case "drop":
                return Drop(str(args["field"]), str(args["value"]))
            case "hide" | "unhide":
                hidden = effect.action == "hide"
                return Hide(str(args["field"]), str(args["value"]), hidden=hidden)
            case "copy" if args.get("what") == "safety_plan":
                return CopyPlan()
            case "asked":
                return Asked(str(args["about"]))
            case "answered":
                return Answered(str(args["about"]), str(args["said"]))
            case "forget":
                return Forget(str(args["field"]))
            case "record":
                note = args.get("note")
                tags = str(args.get("tags", "")).split(",")
                return Record(
                    mood=_optional_int(args.get("mood")),
                    urge=_optional_int(args.get("urge")),
                    note=str(note) if note else None,
                    tags=tuple(tag for tag in tags if tag in words.CHECKIN_TAGS),
                )
    except (KeyError, ValueError) as error:
        raise EffectError(f"flow effect {effect.action!r} with {dict(args)!r}") from error
    raise EffectError(f"unknown flow effect {effect.action!r}")


class Effects:
    """What the flows ask for besides messages, and the facts they may ask about."""

    def __init__(
        self,
        *,
        fields: Mapping[str, dialogues.FieldSpec],
        questions: Questions,
        checkins: CheckinMenus,
        listed: Iterable[str] = (),
    ) -> None:
        """`listed`: the fields the flows show as buttons (`list:`); their entries are read
        for the engine when the person has some."""
        self._fields = fields
        self._listed = tuple(sorted(set(listed)))
        self._questions = questions
        self._checkins = checkins

    async def facts(self, turn: Turn) -> dialogues.Facts:
        person = turn.person
        kept = await person.kept()
        counts = dict(kept.counts)
        entries: dict[str, tuple[str, ...]] = {}
        hidden: dict[str, tuple[str, ...]] = {}
        for field in self._listed:
            if kept.counts.get(field, 0) > 0:
                kept_entries = await person.entries(field)
                entries[field] = tuple(e.text for e in kept_entries if not e.hidden)
                hidden[field] = tuple(e.text for e in kept_entries if e.hidden)
                counts[field] = len(entries[field])  # {has: FIELD}: one not hidden
        return dialogues.Facts(
            flags={
                "consent": person.consented,
                "country_set": person.country is not None,
                "checkins_on": kept.checkins_on,
                "asked_about_suicide": self._questions.suicide_known(turn),
            },
            counts=counts,
            entries=entries,
            hidden=hidden,
        )

    async def carry_out(self, turn: Turn, effect: dialogues.Effect) -> list[Reply]:
        try:
            typed_effect = typed(effect)
        except EffectError as error:
            log.error("a flow effect the core does not know", extra={"error": str(error)})
            return []
        return await self.apply(turn, typed_effect)

    async def apply(self, turn: Turn, effect: FlowEffect) -> list[Reply]:
        """Carry out one effect. What keeps something needs the person's consent."""
        person, now = turn.person, turn.incoming.now
        match effect:
            case Show(field=field):
                return await self.show(turn, field)
            case Lines(kinds=kinds):
                # before the consent check: lines are never "not kept"
                text = safety.lines_reply(self._questions.country(person), kinds, now=now)
                return [Reply(text, kind=ReplyKind.CRISIS)]
            case OpenCountry():
                self._questions.ask_country(turn)
                return [country_picker(page=0)]
            case OpenCheckins():
                return await self._checkins.settings(turn)
            case Asked(about=about):
                self._questions.step(turn, FlowAsked(now, about))
                return []
            case Answered(about=about, said=said):
                self._questions.step(turn, FlowAnswered(now, about, said))
                return []
            case ScheduleCheckback(minutes=minutes):
                await person.schedule("checkback", due_at=now + timedelta(minutes=minutes))
                return []
            case Consent():
                person.consent_at = now
                return []
            case CopyPlan():
                return await self.copy_plan(turn)
            case Save() | Rate() | Drop() | Hide() | Forget() | Record() if not person.consented:
                return [Reply(words.NOT_KEPT)]
            case Save(field=field, value=value):
                replace = self._fields[field].kind == "text"
                await person.add_entry(field, value, now=now, replace=replace)
            case Rate(field=field, entry=entry, score=score):
                await person.rate_entry(field, entry, score)
            case Drop(field=field, value=value):
                await person.remove_entry(field, value)
            case Hide(field=field, value=value, hidden=hidden):
                await person.hide_entry(field, value, hidden=hidden)
            case Forget(field=field):
                await person.forget(field)
            case Record(mood=mood, urge=urge, note=note, tags=tags):
                await person.add_checkin(now=now, mood=mood, urge=urge, note=note, tags=tags)
            case _:
                assert_never(effect)
        return []

    async def copy_plan(self, turn: Turn) -> list[Reply]:
        """The safety plan as a picture to save and a text to forward (plan_copy)."""
        plan = {
            field: [entry.text for entry in await turn.person.entries(field)]
            for field, _ in words.PLAN_COPY_STEPS
        }
        return plan_copy.replies(plan, country=self._questions.country(turn.person))

    async def show(self, turn: Turn, field: str) -> list[Reply]:
        """What the person kept under `field` (a toolbox, wins), or every crisis line."""
        if field == "crisis_lines":
            country = self._questions.country(turn.person)
            return [self._questions.more_help(country, now=turn.incoming.now)]
        spec = self._fields[field]
        entries = await turn.person.entries(field)
        if not entries:
            return [Reply(words.KEPT_NONE.format(label=spec.label))]
        lines = [words.KEPT_HEADING.format(label=spec.label)]
        for entry in entries:
            item = words.KEPT_ITEM_RATED if entry.rating else words.KEPT_ITEM
            hidden = words.KEPT_HIDDEN if entry.hidden else ""
            lines.append(item.format(text=entry.text, rating=entry.rating) + hidden)
        return [Reply("\n".join(lines))]


def _optional_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() else None
