"""Replays the typed conversations in this folder through the real Companion, turn by turn,
and says for each typed reply to a question with buttons whether the bot went where its
writer meant (the writers' format: /work/conversations/BRIEF.md, kept in README.md here).

A turn is judged against a twin: the same person's record (and what they kept) copied to
a second person, who taps the button the writer meant. Typed and tapped giving the same
replies is understood; the engine's "not sure which one you meant" (or its way out) is not
understood; crisis lines are counted apart; anything else is misrouted. A turn whose meant
button is not on the screen now (the conversation went another way earlier) cannot be
judged: diverged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import dialogues
from bot.core import words
from bot.messages import Incoming, Person, Platform, Reply, ReplyKind
from bot.store import Store
from tests.fakes import FakeChat, shipped_library

try:  # the replay runs on the code before issue 19 too (bench/listening.py --before)
    from bot.core.questions import Nothing
except ImportError:  # pragma: no cover
    Nothing = None  # type: ignore[assignment,misc]
RESUME = "!2:resume"
HERE = Path(__file__).resolve().parent
# The start of each not-understood reply: the engine's (before and after issue 19).
NOT_UNDERSTOOD = (
    "I'm not sure which one you meant",
    "Could you pick a number",
    "I didn't follow that",
    "I'm not sure I understood",
    "Sorry, I didn't catch which one",
    "I couldn't tell which of these",
    "I'm not sure I followed that either",
    "I still couldn't tell which one you meant",
    "Still not sure I follow",
    "Sorry, I still didn't follow",
)
# The engine's plain acknowledgement of something told in the person's own words at a step
# with buttons: right for free text, not understood where a button was meant.
# A question of the person's own acknowledged so is the same (engine rule 13).
ACKNOWLEDGED = tuple(getattr(dialogues.engine, "TOLD", ())) + tuple(
    getattr(dialogues.engine, "ASKED", ())
)
# The core's own "are you thinking about suicide?" and the urge flow's.
SUICIDE_QUESTIONS = (
    "are you thinking about suicide?",
    "Are you having thoughts of suicide too?",
)
# The lines the bot says above a menu it showed in the last turns (any one of them).
_AGAIN = frozenset(getattr(words, "MENU_AGAIN", ())) | frozenset(
    getattr(words, "UNCLEAR_AGAIN", ())
)
VERDICTS = ("understood", "not_understood", "misrouted", "crisis_lines", "diverged", "free")


@dataclass(frozen=True)
class Turn:
    typed: str
    asked: str | None
    options: tuple[str, ...]
    meant: str
    bot_did: str
    note: str = ""


@dataclass(frozen=True)
class Conversation:
    id: str
    writer: str
    about: str
    turns: tuple[Turn, ...]


@dataclass(frozen=True)
class Verdict:
    conversation: str
    index: int
    typed: str
    meant: str
    shown: tuple[str, ...]
    verdict: str  # one of VERDICTS
    replies: tuple[str, ...]
    expected: tuple[str, ...] = ()
    crisis: bool = False  # the first reply was crisis lines


@dataclass
class Replayed:
    """One conversation replayed: a verdict a turn, and what the whole said."""

    conversation: Conversation
    verdicts: list[Verdict] = field(default_factory=list)
    suicide_asked: int = 0
    repeated: list[str] = field(default_factory=list)  # paragraphs said again within 5 turns
    seated: int = 0  # turns put back at the step the writer saw (the bot had gone elsewhere)


def load(paths: Iterable[Path] | None = None) -> list[Conversation]:
    """Every conversation in the YAML files (default: c*.yaml next to this module)."""
    found: list[Conversation] = []
    for path in sorted(paths or HERE.glob("c*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            turns = tuple(
                Turn(
                    typed=str(turn["typed"]),
                    asked=turn.get("asked"),
                    options=tuple(str(o) for o in turn.get("options") or ()),
                    meant=str(turn.get("meant") or ""),
                    bot_did=str(turn.get("bot_did") or ""),
                    note=str(turn.get("note") or ""),
                )
                for turn in item.get("turns") or ()
            )
            found.append(Conversation(item["id"], item["writer"], item["about"], turns))
    return found


async def replay(conversation: Conversation, store: Store, **chat_options: Any) -> Replayed:
    """Type each turn of `conversation` as its writer did; judge each (see the docstring)."""
    chat = FakeChat.on(store, person_id=conversation.id, **chat_options)
    done = Replayed(conversation)
    said: list[set[str]] = []  # the paragraphs of each turn's replies, for repeats
    places = _places(shipped_library())
    for index, turn in enumerate(conversation.turns):
        shown = tuple(chat.buttons())
        place = places.get(turn.options)
        if turn.options and shown != turn.options and place is not None:
            await _seat(chat, store, place)  # where the writer was, as they saw it
            done.seated += 1
            shown = tuple(chat.buttons())
        options = tuple(option for reply in chat.last for option in reply.options)
        meant = _meant_label(turn.meant, shown)
        expected: tuple[str, ...] = ()
        topics: list[tuple[str, ...]] = []
        if meant is not None:
            choice = next(option.id for option in options if option.label == meant)
            twin = f"{conversation.id}~{index}"
            tapped = await _twin_taps(chat, store, choice, twin=twin)
            expected = tuple(reply.text for reply in tapped)
            if _menu(tapped):
                topics = await _topics_under(chat, store, choice, tapped, twin=twin)
        replies = await _type(chat, turn.typed, options)
        texts = tuple(reply.text for reply in replies)
        verdict = _judge(shown, meant, turn.meant, replies, expected)
        if verdict == "misrouted" and any(_same(texts, topic) for topic in topics):
            verdict = "understood"  # straight to a topic of the menu the writer meant
        if verdict == "misrouted" and meant is not None:
            twin = f"{conversation.id}~{index}"
            then = await _twin_types_to_its_step(chat, store, turn.typed, twin=twin)
            if then is not None and _same(texts, tuple(reply.text for reply in then)):
                verdict = "understood"  # the words kept by the step the button asks them at
        done.verdicts.append(
            Verdict(
                conversation.id,
                index,
                turn.typed,
                turn.meant,
                shown,
                verdict,
                texts,
                expected,
                crisis=bool(replies) and replies[0].kind is ReplyKind.CRISIS,
            )
        )
        done.suicide_asked += sum(any(q in text for q in SUICIDE_QUESTIONS) for text in texts)
        paragraphs = {
            p.strip()
            for reply in replies
            if reply.kind is not ReplyKind.CRISIS
            for p in reply.text.split("\n\n")
            if p.strip()
        }
        recent = set().union(*said[-5:]) if said else set()
        if not turn.typed.startswith("/"):  # a command asked for it again (repeats.py, rule 4)
            done.repeated.extend(sorted(paragraphs & recent))
        said.append(paragraphs)
    return done


def _places(library: dialogues.Library) -> dict[tuple[str, ...], tuple[str, str]]:
    """Each flow step with buttons, by its labels (the first, where two steps share them)."""
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for flow_id, flow in library.flows.items():
        for node_id, node in flow.nodes.items():
            if node.choices:
                found.setdefault(tuple(c.label for c in node.choices), (flow_id, node_id))
    return found


async def _seat(chat: FakeChat, store: Store, place: tuple[str, str]) -> None:
    """Put the person at a flow's step, with nothing of the core's open, and show it: the
    writer answered that step (the replay had gone another way before)."""
    flow, node = place
    async with store.person(chat.person, now=chat.now) as person:
        was = person.flow_state or {}
        # what the conversation has said so far (how often "not sure", small talk) goes on
        said = {key: was[key] for key in _SAID if key in was}
        person.flow_state = {
            "flow": flow,
            "node": node,
            "vars": {},
            "last": {},
            "known": {},
            **said,
        }
        person.consent_at = person.consent_at or chat.now
        nothing = Nothing() if Nothing is not None else None
        for name, value in (("question", nothing), ("awaiting", None)):
            if hasattr(person, name):
                setattr(person, name, value)
    await chat.press(RESUME)


# The engine's counts of what it has said in the conversation, kept when a turn is seated.
_SAID = ("unclear", "chatted")


def _same(got: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """The same replies, but for what the person had kept (the twin has kept nothing), and
    for whose lines a step shows: typed words that say where the writer is ("Who can help?
    We're in Cape Town.") set their country in the same turn, which the twin's tap cannot."""
    return len(got) == len(expected) and all(
        a == b or a[:40] == b[:40] or (a in _AGAIN and b in _AGAIN) or (_lines(a) and _lines(b))
        for a, b in zip(got, expected, strict=True)
    )


def _lines(text: str) -> bool:
    """Whether `text` is a country's lines as a step shows them (safety/replies.py)."""
    return text.startswith(("Support in ", "Support wherever you are"))


def _meant_label(meant: str, shown: tuple[str, ...]) -> str | None:
    """The button the writer meant, if it is on the screen: its label, or on a scale the
    number in "free: urge strength 8"."""
    if meant in shown:
        return meant
    if shown and all(label.isdigit() for label in shown) and meant.startswith("free:"):
        numbers = re.findall(r"\d+", meant)
        if len(numbers) == 1 and numbers[0] in shown:
            return numbers[0]
    return None


async def _type(chat: FakeChat, typed: str, options: tuple[Any, ...]) -> list[Reply]:
    """As the terminal reads a line: a button's number (or a scale's value) taps it."""
    text = typed.strip()
    for option in options:
        if option.label == text and option.url is None:
            return await chat.press(option.id)
    if text.isdigit() and 1 <= int(text) <= len(options) and options[int(text) - 1].url is None:
        return await chat.press(options[int(text) - 1].id)
    return await chat.send(typed)


async def _twin_taps(chat: FakeChat, store: Store, choice: str, *, twin: str) -> list[Reply]:
    """The replies a copy of the person gets for tapping `choice` now."""
    other = Person(Platform.TELEGRAM, twin)
    fields = shipped_library().fields
    async with store.person(chat.person, now=chat.now) as person:
        copied = {
            name: getattr(person, name)
            for name in ("country", "consent_at", "flow_state", "question", "episode", "awaiting")
            if hasattr(person, name)
        }
        kept = {field: await person.entries(field) for field in fields}
    async with store.person(other, now=chat.now) as person:
        for name, value in copied.items():
            setattr(person, name, value)
        for field, entries in kept.items():  # what the person kept, so lists show the same
            for entry in entries:
                await person.add_entry(field, entry.text, now=entry.created_at, replace=False)
                if entry.rating is not None:
                    await person.rate_entry(field, entry.text, entry.rating)
    now = chat.now + chat.pace
    return await chat.companion.handle(Incoming(other, now, choice=choice))


async def _twin_types_to_its_step(
    chat: FakeChat, store: Store, typed: str, *, twin: str
) -> list[Reply] | None:
    """Where the twin's tap led to a step that asks for the person's own words ("In my own
    words": "What matters to you, in your own words?"), the replies it gets for typing the
    writer's words there: typed words kept at once by the step the writer's button opens
    are that button, and their answer too. None where the twin's step asks for none."""
    other = Person(Platform.TELEGRAM, twin)
    async with store.person(other, now=chat.now) as person:
        state = person.flow_state
    if state is None or not dialogues.asks(shipped_library(), state):
        return None
    return await chat.companion.handle(Incoming(other, chat.now + 2 * chat.pace, text=typed))


def _menu(replies: list[Reply]) -> bool:
    """Whether `replies` end in a menu of topics (the topics flow's own buttons)."""
    return bool(replies) and any(o.id.startswith("topics.") for o in replies[-1].options)


async def _topics_under(
    chat: FakeChat, store: Store, choice: str, menu: list[Reply], *, twin: str
) -> list[tuple[str, ...]]:
    """What each topic of the menu `choice` opens says when tapped (its other menus aside)."""
    said = []
    for k, option in enumerate(menu[-1].options):
        other = f"{twin}~{k}"
        await _twin_taps(chat, store, choice, twin=other)
        person = Person(Platform.TELEGRAM, other)
        now = chat.now + chat.pace * 2
        tapped = await chat.companion.handle(Incoming(person, now, choice=option.id))
        if not _menu(tapped):
            said.append(tuple(reply.text for reply in tapped))
    return said


def _country_set(texts: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """A country typed where the writer meant the button that asks for one: the typed words
    set it at once (the button's question answered in the same turn), which is better."""
    asks = any(text.startswith(words.COUNTRY_ASK[:40]) for text in expected)
    done = tuple(w.split("{")[0] for w in (words.COUNTRY_SET, words.COUNTRY_ALREADY))
    return asks and bool(texts) and texts[0].startswith(done)


def _checkin_set(texts: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """A check-in schedule typed where the writer meant a button of the set-up ("evening,
    like 9 pm" for "Every day", "yes, every day" for "Set up check-ins"): the typed words
    answered the set-up's next questions too, and it went on past what the button asks; or
    they named the schedule already set ("change time to 7pm" where the replay had put it
    back to 7pm a turn before, as the writer's bot had not): nothing left to ask."""
    steps = (
        (words.CHECKIN_OFF[:40], words.CHECKIN_HOW_OFTEN),
        (words.CHECKIN_ASK_PERIOD,),
        (words.CHECKIN_ASK_TIME, words.CHECKIN_WHICH_HOUR.split("{")[0]),
        (words.CHECKIN_ASK_ZONE, words.CHECKIN_ASK_REGION),
        (words.CHECKIN_SAVED[:20], getattr(words, "CHECKIN_ALREADY", "\0").split("{")[0]),
    )

    # the set-up's question asked again in other words ("Back to my question: how often
    # would you like one?", bot/core/repeats.py) is the same step
    again = tuple(line.split("{")[0] for line in getattr(words, "QUESTION_AGAIN", ()))
    how_often = ("how often would you like",)

    def reached(said: tuple[str, ...]) -> int:
        asked = tuple(
            starts + tuple(f"{line}{h}" for line in again for h in how_often) if i == 0 else starts
            for i, starts in enumerate(steps)
        )
        return max(
            (i for i, starts in enumerate(asked) for text in said if text.startswith(starts)),
            default=-1,
        )

    return reached(expected) >= 0 and reached(texts) > reached(expected)


def _asked_about(texts: tuple[str, ...], meant: str) -> bool:
    """Whether the bot asked "did you mean <the option meant>?" instead of going there."""
    offer = getattr(dialogues.engine, "OFFER_CHOICE", None)
    return offer is not None and offer.format(label=meant) in texts


def _no_heard_gently(texts: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """A typed no to "are you thinking about suicide?" that goes on with worried words ("No,
    I am not. I am only lonely."), answered as that no with the worry heard, where the twin's
    tapped "No" is only thanked: the same answer, in kinder words (bot/core/questions.py)."""
    gently = getattr(words, "ASKED_NO_AND_MORE", None)
    heard = gently is not None and any(gently in text for text in texts)
    return heard and any(words.ASKED_NO in text for text in expected)


def _safe_and_staying(texts: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """ "I'm safe, I just want to talk" to "are you safe right now?", answered as glad they
    are safe with the ways to go on, where the twin's tapped "Keep talking with me" stays
    with them in the same words and buttons but asks again whether they are safe: the typed
    words had answered that (the same reply, without the question answered already)."""
    safe, stay = getattr(words, "SAFE_NOW", None), getattr(words, "STAY", None)
    return safe is not None and texts == (safe,) and expected == (stay,)


def _language_answered(texts: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """Typed words that ask whether the bot speaks another language ("hablas español? me
    siento muy sola"), answered first (English only, where people speak it) and then as the
    twin's tap: the writer asked a question the twin's tap does not."""
    english_only = getattr(words, "ENGLISH_ONLY", None)
    first = bool(texts) and english_only is not None and texts[0].endswith(english_only)
    return first and _same(texts[1:], expected)


def _judge(
    shown: tuple[str, ...],
    meant: str | None,
    written: str,
    replies: list[Reply],
    expected: tuple[str, ...],
) -> str:
    texts = tuple(reply.text for reply in replies)
    if not shown:
        return "free"
    if any(text.startswith(NOT_UNDERSTOOD) for text in texts):
        return "not_understood"
    told = ACKNOWLEDGED and any(text.startswith(ACKNOWLEDGED) for text in texts)
    if told and not written.startswith("free:"):
        return "not_understood"  # words taken as told, where the writer meant a button
    if meant is None:
        return "free" if written.startswith("free:") else "diverged"
    if _asked_about(texts, meant):
        return "not_understood"  # "did you mean <it>?": right, but one more turn
    if _same(texts, expected) or _country_set(texts, expected) or _checkin_set(texts, expected):
        return "understood"
    if _no_heard_gently(texts, expected) or _language_answered(texts, expected):
        return "understood"
    if _safe_and_staying(texts, expected):
        return "understood"
    if replies and replies[0].kind is ReplyKind.CRISIS:
        return "crisis_lines"
    return "misrouted"
