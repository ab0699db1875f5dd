"""A plain "no" typed at the core's "would one of these help?" (the ways to cope under the
concern reply, or after "no" to the suicide question): none of them, thank you, and back
to where the person was (issue 19 point 4). Under an open yes-or-no question of the core's
a "no" is still its answer."""

from __future__ import annotations

import pytest

from bot.core import words
from tests.fakes import FakeChat

WORRIED = "i feel so low and empty tonight"


async def concern_menu(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.send(WORRIED)
    if "are you thinking about suicide?" in chat.text():
        await chat.tap(words.NO)
    assert words.CARRY_ON_WHERE_WE_WERE in chat.buttons()


@pytest.mark.parametrize("typed", ["no", "nope", "nah", "no thanks", "No thank you", "nah im good"])
async def test_no_at_the_concern_menu_goes_back_to_where_we_were(
    chat: FakeChat, typed: str
) -> None:
    await concern_menu(chat)

    await chat.send(typed)

    assert chat.first.text == words.MENU_DECLINED
    assert "What recovery can look like" in chat.buttons()  # the step we were at
    assert "not sure" not in chat.text()


async def test_no_at_the_concern_menu_outside_a_flow_shows_the_topics(chat: FakeChat) -> None:
    await chat.send(WORRIED)
    if "are you thinking about suicide?" in chat.text():
        await chat.tap(words.NO)

    await chat.send("nah")

    assert chat.first.text == words.MENU_DECLINED
    assert "What would you like to talk about?" in chat.text()


async def test_no_to_are_you_safe_is_still_not_safe(chat: FakeChat) -> None:
    await chat.send("i want to kill myself")
    assert "Are you safe right now?" in chat.text()

    await chat.send("no")

    assert chat.is_crisis()
    assert words.MENU_DECLINED not in chat.text()


async def test_no_to_the_suicide_question_is_its_answer(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send(WORRIED)
    assert "are you thinking about suicide?" in chat.text()

    await chat.send("no")

    assert words.ASKED_NO in chat.text()
