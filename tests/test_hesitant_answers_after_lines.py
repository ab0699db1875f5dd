"""Hesitant words after the crisis lines (c5-01, a 13-year-old with an urge; c5-07): a hedge
on other words ("ride it out i guess", "getting better i guess") is no answer to "are you
safe right now?" and never brings a more urgent emergency message; a hedge alone, or on a
yes, a no or safety, is still unsure, and unsure is still not safe (bot/core/yes_no.py,
rule 9; bot/core/questions.py)."""

from __future__ import annotations

import pytest

from bot.core.yes_no import Said, read
from tests.fakes import FakeChat

NOT_SAFE = "put some distance between you and anything you might use"


@pytest.mark.parametrize(
    "typed",
    [
        "ride it out i guess",
        "getting better i guess",
        "idk i dont wanna call anyone. i just want to not do it",
        "idk?? it took longer than 10 min to stop but it has stopped now",
    ],
)
def test_a_hedge_on_other_words_is_no_answer(typed: str) -> None:
    assert read(typed) is Said.HEDGED


@pytest.mark.parametrize(
    "typed",
    ["idk", "maybe", "i guess so", "yes maybe", "im fine i guess", "probably not",
     "probably not tonight", "maybe i am", "idk, not safe", "not sure"],
)  # fmt: skip
def test_a_hedge_alone_or_on_an_answer_is_still_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


async def test_a_hedged_choice_after_the_lines_goes_to_that_choice(chat: FakeChat) -> None:
    await chat.send("hi um i need help i really want to do it rn")
    await chat.tap("Keep talking with me")

    await chat.send("ride it out i guess")

    assert NOT_SAFE not in chat.text()
    assert "How strong is the urge right now?" in chat.text()


async def test_a_hedged_topic_after_the_lines_is_no_emergency(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")

    await chat.send("getting better i guess")

    assert not chat.is_crisis()
    assert NOT_SAFE not in chat.text()


async def test_not_wanting_to_call_anyone_never_makes_the_lines_more_urgent(
    chat: FakeChat,
) -> None:
    await chat.send("hi um i need help i really want to do it rn")

    await chat.send("idk i dont wanna call anyone. i just want to not do it")

    assert NOT_SAFE not in chat.text()


@pytest.mark.parametrize("typed", ["idk", "maybe", "probably not", "no"])
async def test_unsure_or_no_to_are_you_safe_still_gets_the_emergency_number_first(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/sos")

    await chat.send(typed)

    assert chat.is_crisis()
    assert NOT_SAFE in chat.first.text
