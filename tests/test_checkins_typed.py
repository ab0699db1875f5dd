"""Check-in times and places may be typed as people say them, not only tapped."""

from __future__ import annotations

from datetime import time

import pytest

from bot.checkins.schedule import read_time
from bot.checkins.zones import find
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("19:30", time(19, 30)),
        ("7pm", time(19, 0)),
        ("7 pm", time(19, 0)),
        ("7.30pm", time(19, 30)),
        ("7:45 a.m.", time(7, 45)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("0730", time(7, 30)),
        ("at 8", time(8, 0)),
        ("21h15", time(21, 15)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("21h", time(21, 0)),
        ("9 in the evening", time(21, 0)),
        ("evening, like 9 pm", time(21, 0)),
        ("It is 21h in Paris hour, yes?", time(21, 0)),
        ("at 8 in the morning", time(8, 0)),
        ("9 tonight", time(21, 0)),
    ],
)
def test_times_are_read_the_way_people_type_them(typed: str, meant: time) -> None:
    assert read_time(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["", "soon", "25:00", "13pm", "7:75", "after dinner", "between 7 and 9", "in 10 mins"],
)
def test_what_is_not_a_time_is_not_guessed(typed: str) -> None:
    assert read_time(typed) is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Dublin", "Europe/Dublin"),
        ("new york", "America/New_York"),
        ("Europe/London", "Europe/London"),
        ("kolkata", "Asia/Kolkata"),
    ],
)
def test_a_typed_city_or_zone_name_finds_the_zone(typed: str, zone: str) -> None:
    found = find(typed)

    assert found is not None and found.name == zone


def test_an_unknown_place_finds_nothing() -> None:
    assert find("Atlantis") is None


async def agree_and_open_checkins(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/checkin")
    await chat.tap("Every day")


async def test_a_typed_time_and_place_set_up_check_ins(chat: FakeChat) -> None:
    await agree_and_open_checkins(chat)

    await chat.send("7:30pm")
    await chat.send("Dublin")

    assert "Check-ins are on" in chat.text()
    await chat.send("/checkin")
    assert "Dublin" in chat.text()
    assert "7:30" in chat.text()


async def test_something_that_is_not_a_time_is_asked_again_kindly(chat: FakeChat) -> None:
    await agree_and_open_checkins(chat)

    await chat.send("whenever really")
    assert "didn't catch a time" in chat.text()

    await chat.send("19:00")
    assert "time zone" in chat.text() or "part of the world" in chat.text()


async def test_a_crisis_message_while_a_time_is_asked_still_gets_crisis_lines(
    chat: FakeChat,
) -> None:
    await agree_and_open_checkins(chat)

    await chat.send("i want to kill myself")

    assert chat.is_crisis()
