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
async def test_a_menus_number_is_its_option_not_a_check_in_time(chat: FakeChat, typed: str) -> None:
    await _evening_plan_then_my_things(chat)

    await chat.send(typed)

    assert "How's today going?" in chat.text()
    assert "4:00" not in chat.text()
    await chat.send("/checkin")
    assert "7:00pm" in chat.text()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("can we do 8:30 instead", "8:30pm"),
        ("at 4", "4:00pm"),
        ("4pm", "4:00pm"),
        ("16:00", "4:00pm"),
    ],
)
async def test_a_time_that_looks_like_one_still_moves_the_check_in_from_a_menu(
    chat: FakeChat, typed: str, said: str
) -> None:
    await _evening_plan_then_my_things(chat)

    await chat.send(typed)

    assert f"every day at {said}" in chat.text()


async def test_a_check_in_moved_by_words_typed_anywhere_can_be_put_back(chat: FakeChat) -> None:
    await _evening_plan_then_my_things(chat)
    await chat.send("change my check-in to 4pm")
    assert "every day at 4:00pm" in chat.text()
    assert "Put it back to 7:00pm" in chat.buttons()

    await chat.tap("Put it back to 7:00pm")

    assert "every day at 7:00pm" in chat.text()
    assert "Put it back" not in " ".join(chat.buttons())


async def test_put_back_typed_in_words_puts_it_back(chat: FakeChat) -> None:
    await _evening_plan_then_my_things(chat)
    await chat.send("change my check-in to 4pm")

    await chat.send("NO. 4am?? i meant option 4. put it back to 7pm please")

    assert "every day at 7:00pm" in chat.text()


async def test_a_time_typed_where_it_is_asked_has_no_put_back(chat: FakeChat) -> None:
    await _evening_plan_then_my_things(chat)
    await chat.send("/checkin")
    await chat.tap("Change it")
    await chat.tap("Every day")

    await chat.send("9pm")

    assert "every day at 9:00pm" in chat.text()
    assert "Put it back" not in " ".join(chat.buttons())
