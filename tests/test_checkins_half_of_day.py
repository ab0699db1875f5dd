"""A check-in time typed with nothing to say which half of the day (c8-07: "can i move it to
8:30" on an evening check-in set 8:30am): the half of the plan's time, asked when there is
no plan yet; and times typed as people type them in six languages (bot/checkins/schedule.py,
bot/checkins/wanted.py)."""

from __future__ import annotations

from datetime import time

import pytest

from bot.checkins import schedule, wanted
from bot.checkins.wanted import Wanted
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        ("8.30pm", time(20, 30)),
        ("20h30", time(20, 30)),
        ("20:30 Uhr", time(20, 30)),
        ("um 20 Uhr", time(20, 0)),
        ("8 de la noche", time(20, 0)),
        ("las 9 de la noche", time(21, 0)),
        ("8 de la mañana", time(8, 0)),
        ("às 9 da noite", time(21, 0)),
        ("9 du soir", time(21, 0)),
        ("alle 9 di sera", time(21, 0)),
        ("08:30", time(8, 30)),
        ("8h30", time(8, 30)),  # the 24-hour clock's, as in France
        ("8:30 in the evening", time(20, 30)),
    ],
)
def test_a_time_that_says_its_half_of_the_day_is_read_as_said(typed: str, at: time) -> None:
    assert wanted.read(typed) == Wanted(at=at)


@pytest.mark.parametrize("typed", ["8:30", "can i move it to 8:30", "half eight", "halb 9"])
def test_a_time_with_nothing_to_say_its_half_of_the_day_could_be_either(typed: str) -> None:
    assert wanted.read(typed) == Wanted(hours=(time(8, 30), time(20, 30)))


def test_the_plans_half_of_the_day_picks_the_hour() -> None:
    hours = (time(8, 30), time(20, 30))

    assert schedule.same_half(hours, time(21, 0)) == time(20, 30)
    assert schedule.same_half(hours, time(7, 0)) == time(8, 30)


async def _evening_plan(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/checkin")
    await chat.send("every evening around 9pm")
    await chat.send("Dublin")
    assert "every day at 9:00pm" in chat.text()


@pytest.mark.parametrize(
    "typed", ["can i move it to 8:30", "change my check in to half eight", "check-in at 8:30"]
)
async def test_moving_an_evening_check_in_keeps_it_in_the_evening(
    chat: FakeChat, typed: str
) -> None:
    await _evening_plan(chat)
    await chat.send("/checkin")

    await chat.send(typed)

    assert "every day at 8:30pm" in chat.text()
    assert "8:30am" not in chat.text()


async def test_a_time_typed_where_it_is_asked_keeps_the_plans_half_of_the_day(
    chat: FakeChat,
) -> None:
    await _evening_plan(chat)
    await chat.send("/checkin")
    await chat.tap("Change it")
    await chat.tap("Every day")

    await chat.send("8:30")

    assert "every day at 8:30pm" in chat.text()


async def test_with_no_plan_yet_a_time_that_could_be_either_is_asked(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/checkin")

    await chat.send("every day at 8:30")

    assert chat.buttons()[:2] == ["8:30am", "8:30pm"]
