"""Crisis lines asked for in words, from any step (bot/core/lines_asked.py)."""

from __future__ import annotations

import pytest

from bot.core import lines_asked
from bot.core.triage import triage
from bot.messages import Incoming, Person, Platform
from tests.fakes import START, FakeChat


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("crisis lines", ()),
        ("can you show me the UK numbers then", ("GB",)),
        ("whats a helpline in the us", ("US",)),
        ("hay alguna linea de ayuda en español aqui?", ()),
        ("necesito ayuda ahora", ()),
        ("i want the crisis numbers for germany", ("DE",)),
        ("what number is for austria? and germany, i am in germany", ("AT", "DE")),
        ("You said you'd show them? I don't see any numbers", ()),
        ("it's not for me, it's for my daughter. Is there a US number?", ("US",)),
    ],
)
def test_lines_asked_for_in_words_name_whose(typed: str, codes: tuple[str, ...]) -> None:
    assert lines_asked.read(typed) == codes


@pytest.mark.parametrize(
    "typed",
    [
        "the lines on my arm are fading",
        "i dont want a helpline",
        "i called a helpline last week and it was awful",
        "helplines are useless",
        "i have 5 numbers in my phone",
        "i need help with my safety plan",
    ],
)
def test_lines_told_of_or_refused_are_not_asked_for(typed: str) -> None:
    assert lines_asked.read(typed) is None


def test_where_the_step_keeps_words_only_a_request_put_as_one_counts() -> None:
    assert lines_asked.read("the samaritans helpline", keeps_words=True) is None
    assert lines_asked.read("can you show me a helpline?", keeps_words=True) == ()


def test_lines_asked_for_are_urgent_like_sos() -> None:
    person = Person(Platform.TELEGRAM, "someone")
    assert triage(Incoming(person, START, text="necesito ayuda ahora")).urgent


async def test_lines_asked_for_inside_a_topic_are_shown_for_the_country_named(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")

    await chat.send("can you show me the UK numbers then")

    assert chat.is_crisis()
    assert "999" in chat.first.text
    assert "Go back to where we were" in chat.buttons()


async def test_lines_asked_for_in_another_language_are_shown(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")

    await chat.send("necesito ayuda ahora")

    assert chat.is_crisis()


async def test_a_helpline_typed_as_a_safety_plan_entry_is_kept_not_answered(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.tap("Skip this")
    await chat.send("my safety plan")
    await chat.tap("Let's make one")  # "my safety plan" typed opens the plan, empty
    for _ in range(4):  # to step 5, professionals and services
        await chat.tap("Skip this step")
        await chat.tap("Next step")
    assert "professionals" in chat.text()

    await chat.send("the samaritans helpline")

    assert not chat.is_crisis()
    assert "Anything else?" in chat.text()


async def test_not_safe_and_asking_for_a_number_gets_the_emergency_number_first(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("i want to kill myself")

    await chat.send("no. what number do i call?")

    assert chat.is_crisis()
    assert chat.first.text.startswith("Please call your local emergency number now")


async def test_safe_and_asking_for_a_countrys_helpline_gets_that_countrys_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("i want to kill myself")

    await chat.send("im safe rn i wont do anything tonight. whats a helpline in the us")

    assert chat.is_crisis()
    assert "911" in chat.first.text
