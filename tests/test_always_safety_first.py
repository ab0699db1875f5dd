"""Property: whatever a person does, in any state, a crisis message gets the crisis lines first.

Hypothesis drives the real Companion (on SQLite) with random sequences of commands, taps on
offered buttons, forged and malformed button data, typed text from every Unicode plane,
crisis phrases, /country, /stop and /delete — starting before consent — and checks after
every step: nothing raised; a crisis message's first reply is the crisis reply with the
lines for the person's country (else the default); every reply fits a Telegram message and
every button id fits Telegram's 64 bytes of callback data.
"""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import safety
from bot.adapters.telegram.render import CALLBACK_DATA_LIMIT, TEXT_LIMIT, TIDY
from bot.core.talk import ASKED_YES
from bot.core.words import ASK_ABOUT_SUICIDE, ASK_AGAIN
from bot.core.yes_no import Said, read
from bot.messages import Incoming, Person, Reply, ReplyKind
from bot.store import Store
from bot.store.vault import Vault, generate_key
from tests.fakes import FakeChat

DEFAULT_COUNTRY = "GB"
COMMANDS = (
    "start", "topics", "help", "sos", "toolbox", "wins", "plan", "country",
    "checkin", "progress", "mydata", "delete", "stop",
)  # fmt: skip
CRISIS_PHRASES = (
    "i want to kill myself",
    "I want to die",
    "i'm going to end it tonight",
    "I took all my pills",
    "my friend says she wants to kill herself",
)
# Worried words that ask "are you thinking about suicide?", and answers to it.
CONCERN_PHRASES = ("everything is pointless", "I feel so alone", "i really want to cut")
ANSWER_TEXTS = ("yes", "no", "kinda", "I'd rather not say", "yes i feel so alone", "no... maybe")
FORGED_CHOICES = (
    "!go:../../x", "!go:", "!go:urges:nowhere", "!country:ZZ", "!country:page99",
    "!country:page-1", "!country:none", "!country:GB", "!country:US", "!country:IE",
    "!delete:yes", "!delete:no", "!delete:", "!resume", "!sos:talk", "!sos:more", "!sos:",
    "!checkin", "!checkin:off", "!checkin:time:25:99", "!", "urges.now.999", "urges.now",
    "welcome.hello.1", "welcome.privacy.1", "toolbox.add.2", "nope", "", "x" * 65,
    "é" * 40, "T" + "a" * 63, "!asked:yes", "!asked:no", "!asked:skip", "!asked:",
    "!asked:maybe",
)  # fmt: skip
COUNTRY_CHOICES = ("!country:US", "!country:IE", "!country:AU", "!country:none", "!delete:yes")
ODD_TEXTS = (
    "",
    " ",
    "\u200b\u200c\u200d\ufeff",
    "\u202eevil\u202c",
    "مرحبا، كيف حالك؟",
    "שלום",
    "\x00\x01\x07\x1b[31m",
    "\U0001f600\U0001f9e1\U0010fffd",
    "a" * TEXT_LIMIT,
    "\u0301" * 200,
    "i want to k\u200bill myself",
    "I WANT TO DIE!!!",
)

texts_ = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(ODD_TEXTS),
    st.sampled_from(CRISIS_PHRASES),
    st.tuples(st.text(max_size=20), st.sampled_from(CRISIS_PHRASES), st.text(max_size=20)).map(
        " ".join
    ),
    st.integers(3_000, TEXT_LIMIT).map(lambda n: ("word " * n)[:n]),
)
steps = st.one_of(
    st.tuples(st.just("command"), st.sampled_from(COMMANDS), st.sampled_from(("", "now"))),
    st.tuples(st.just("command"), st.from_regex(r"[a-z_0-9]{1,30}", fullmatch=True), texts_),
    st.tuples(st.just("command"), st.sampled_from(COMMANDS), texts_),
    st.tuples(st.just("offered"), st.integers(0, 20), st.just("")),
    st.tuples(st.just("offered"), st.integers(0, 20), st.just("")),
    st.tuples(st.just("choice"), st.sampled_from(FORGED_CHOICES), st.just("")),
    st.tuples(st.just("choice"), st.sampled_from(COUNTRY_CHOICES), st.just("")),
    st.tuples(st.just("choice"), st.text(max_size=80), st.just("")),
    st.tuples(st.just("text"), texts_, st.just("")),
    st.tuples(st.just("text"), st.sampled_from(CRISIS_PHRASES), st.just("")),
    st.tuples(st.just("text"), st.sampled_from(CONCERN_PHRASES + ANSWER_TEXTS), st.just("")),
    st.tuples(st.just("asked"), st.sampled_from(ANSWER_TEXTS), st.just("")),
    st.tuples(st.just("unsupported"), st.just(""), st.just("")),
)


@dataclass
class World:
    """One event loop and one store for the whole property test; a new person per example."""

    loop: asyncio.AbstractEventLoop
    store: Store
    people: Iterator[int]

    def chat(self, *, default_country: str | None) -> FakeChat:
        person_id = f"p{next(self.people)}"
        chat = FakeChat.on(self.store, default_country=default_country, person_id=person_id)
        chat.pace = timedelta(minutes=1)  # never a burst: flood control is tested elsewhere
        return chat


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    loop = asyncio.new_event_loop()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(
            f"sqlite+aiosqlite:///{Path(folder) / 'waypoint.db'}", vault=Vault([generate_key()])
        )
        loop.run_until_complete(store.migrate())
        try:
            yield World(loop, store, itertools.count())
        finally:
            loop.run_until_complete(store.close())
            loop.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    script=st.lists(steps, min_size=1, max_size=25),
    default=st.sampled_from((DEFAULT_COUNTRY, None, "US")),
)
def test_a_crisis_message_gets_the_crisis_lines_first_in_every_state(
    world: World, script: list[tuple[str, str | int, str]], default: str | None
) -> None:
    chat = world.chat(default_country=default)
    world.loop.run_until_complete(_play(chat, script, default=default, store=world.store))


def test_the_crisis_phrases_used_here_are_crisis_messages() -> None:
    for phrase in CRISIS_PHRASES:
        assert safety.assess(phrase).tier is safety.Tier.CRISIS, phrase


async def _play(
    chat: FakeChat,
    script: list[tuple[str, str | int, str]],
    *,
    default: str | None,
    store: Store,
) -> None:
    chosen: str | None = None  # the country the person picked, if any
    asked = False  # the erase question is open: the very next step may erase everything
    just_asked = False  # the last step ended with "are you thinking about suicide?"
    # "asked": worried words that ask the question, then an answer typed to it
    script = [
        step
        for kind, value, extra in script
        for step in (
            [("text", CONCERN_PHRASES[0], ""), ("text", value, "")]
            if kind == "asked"
            else [(kind, value, extra)]
        )
    ]
    for kind, value, extra in script:
        incoming = _incoming(chat, kind, value, extra)
        chat.now = incoming.now
        replies = await chat.companion.handle(incoming)
        chat.last = replies
        chat.replies.extend(replies)

        said = " ".join(part for part in (incoming.text, incoming.args) if part)
        risk = safety.assess(said)
        if risk.tier is safety.Tier.CRISIS:
            assert replies, f"no reply to a crisis message: {said!r}"
            first = replies[0]
            assert first.kind is ReplyKind.CRISIS, f"first reply to {said!r} is {first.kind}"
            # The crisis reply; or, to someone who has just said they are not safe, the
            # reply that starts with the emergency number.
            assert first.text in (
                safety.crisis_reply(
                    chosen or default,
                    about_someone_else=risk.about_someone_else,
                    immediate=risk.immediate,
                    abuse="abuse" in risk.kinds,
                    swallowed=risk.swallowed,
                    injured=risk.injured,
                    now=incoming.now,
                ),
                safety.not_safe_reply(chosen or default, now=incoming.now),
            )
        if incoming.choice == ASKED_YES or (just_asked and yes_ish(incoming.text)):
            # "yes" to "are you thinking about suicide?", tapped or typed straight after
            assert replies and replies[0].text == safety.crisis_reply(
                chosen or default, immediate=False, now=incoming.now
            ), f"no crisis lines for {incoming.choice or incoming.text!r} after the question"
        just_asked = bool(replies) and replies[-1].text in (ASK_ABOUT_SUICIDE, ASK_AGAIN)
        for reply in replies:
            _fits_telegram(reply)
        if (risk.tier is safety.Tier.CRISIS and not risk.about_someone_else) or (
            risk.unsure_about_suicide
        ):
            asked = False  # "are you safe right now?" or "... thinking about suicide?" instead
        if risk.tier is safety.Tier.NONE:  # a risky message leaves any open question open
            if incoming.choice == "!delete:yes" and asked:
                chosen = None  # erased, the country with everything else
            chosen = _chosen_after(incoming, chosen)
            asked = incoming.command == "delete"
        # A country may be typed too ("i live in ireland", "uk" under the picker): the
        # person's record says which one they have now.
        async with store.person(chat.person, now=chat.now) as record:
            # erased (or never kept): no country, so the default one's lines
            chosen = None if record.is_new else record.country


def yes_ish(text: str | None) -> bool:
    """A typed reply that says yes, or is unsure, and is no crisis message itself."""
    return (
        text is not None
        and read(text) in (Said.YES, Said.UNSURE)
        and safety.assess(text).tier is not safety.Tier.CRISIS
    )


def _incoming(chat: FakeChat, kind: str, value: str | int, extra: str) -> Incoming:
    now = chat.now + chat.pace
    person: Person = chat.person
    match kind:
        case "command":
            return Incoming(person, now, command=str(value), args=extra)
        case "offered":
            offered = [option.id for reply in chat.last for option in reply.options if option.id]
            if offered:
                return Incoming(person, now, choice=offered[int(value) % len(offered)])
            return Incoming(person, now, choice="!resume")
        case "choice":
            return Incoming(person, now, choice=str(value))
        case "text":
            return Incoming(person, now, text=str(value))
    return Incoming(person, now, unsupported=True)


def _chosen_after(incoming: Incoming, chosen: str | None) -> str | None:
    """The country the person has picked after this step (None: none, so the default)."""
    choice = (incoming.choice or "").replace("!2:country:", "!country:")  # version 2 ids too
    if choice in ("!country:none", "!country:"):
        return None
    code = choice.removeprefix("!country:")
    if choice.startswith("!country:") and safety.country_name(code) is not None:
        return code
    return chosen


def _fits_telegram(reply: Reply) -> None:
    assert len(reply.text) <= TEXT_LIMIT, f"a reply of {len(reply.text)} characters"
    assert reply.text.strip() or reply.image or reply.document, "an empty reply"
    for option in reply.options:
        assert option.label.strip(), f"a button without a label: {option}"
        if option.url is None:
            size = len((TIDY + option.id).encode())
            assert 1 < size <= CALLBACK_DATA_LIMIT, f"button id {option.id!r} is {size} bytes"
