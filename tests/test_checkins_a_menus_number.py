"""A number typed at a menu is that menu's option, never a check-in time (c9-07: "4" at
"My things", meaning "How am I doing today?", moved the check-in to 4:00am)."""

from __future__ import annotations

import pytest

from tests.fakes import FakeChat


async def _evening_plan_then_my_things(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/checkin")
    await chat.send("every day at 7pm")
    await chat.send("Toronto")
    assert "every day at 7:00pm" in chat.text()
    await chat.send("/topics")
    await chat.tap("My things")
    assert "How am I doing today?" in chat.buttons()


@pytest.mark.parametrize("typed", ["4", "option 4", "number 4", "the 4th one"])
async def test_a_menus_number_is_its_option_not_a_check_in_time(
    chat: FakeChat, typed: str
) -> None:
    await _evening_plan_then_my_things(chat)

    await chat.send(typed)

    assert "How's today going?" in chat.text()
    assert "4:00" not in chat.text()
    await chat.send("/checkin")
    assert "7:00pm" in chat.text()


async def test_a_time_that_looks_like_one_still_moves_the_check_in_from_a_menu(
    chat: FakeChat,
) -> None:
    await _evening_plan_then_my_things(chat)

    await chat.send("can we do 8:30 instead")

    assert "every day at 8:30pm" in chat.text()
