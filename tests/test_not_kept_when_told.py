"""A step that keeps the person's words, told not to keep them (c8-10: "skip. i dont want
anything saved" was saved as what recovery means to them): the step's own skip, nothing
kept (bot/core/before_the_step.py, rule 9)."""

from __future__ import annotations

import pytest

from bot.core import before_the_step
from bot.core.buttons import Go
from bot.core.callback_data import encode
from tests.fakes import FakeChat

ASKED = "What might getting better look like for you?"


async def _at_the_question(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("ireland")
    await chat.send("not now")
    await chat.press(encode(Go("realistic_expectations:meaning_ask")))
    assert ASKED in chat.text()


@pytest.mark.parametrize(
    "typed",
    ["skip. i dont want anything saved", "no, don't save that please", "no lo guardes"],
)
async def test_told_not_to_keep_the_words_the_step_keeps_nothing(
    chat: FakeChat, typed: str
) -> None:
    await _at_the_question(chat)

    await chat.send(typed)

    assert typed not in chat.text()
    await chat.send("/mydata")
    assert "Things you kept: 0" in chat.text()


async def test_words_to_keep_are_still_kept(chat: FakeChat) -> None:
    await _at_the_question(chat)

    await chat.send("fewer hard nights")

    assert "fewer hard nights" in chat.text()
    await chat.send("/mydata")
    assert "Things you kept: 1" in chat.text()


async def test_worried_words_after_a_skip_are_heard_not_skipped(chat: FakeChat) -> None:
    await _at_the_question(chat)

    await chat.send("skip. i really want to cut right now")
    assert "That's fine" not in chat.text()
    assert "Urges and rough moments are common" in chat.text()
    assert chat.buttons()[0] == "I have an urge right now"
    await chat.send("/mydata")
    assert "Things you kept: 0" in chat.text()


@pytest.mark.parametrize(
    "typed", ["don't keep pills in my room", "dont save my razors in the drawer", "skipping meals"]
)
def test_words_about_keeping_things_are_not_a_request_to_skip(typed: str) -> None:
    assert not before_the_step._not_to_keep(typed)
