"""Check-in schedules typed where the set-up asks: how often, when, or only a part of the
day, read as people type them (bot/checkins/wanted.py), acted on by the screens, and never
taken for distress at the check-in step; a question about the time zone answered plainly."""

from __future__ import annotations

from datetime import time

import pytest

from bot.checkins import wanted
from bot.checkins.wanted import Wanted
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("every day", Wanted(code="d")),
        ("Every day, please", Wanted(code="d")),
        ("daily", Wanted(code="d")),
        ("everyday", Wanted(code="d")),
        ("weekdays only", Wanted(code="k")),
        ("monday to friday", Wanted(code="k")),
        ("on sundays", Wanted(code="w6")),
        ("once a week", Wanted(code="w")),
        ("9pm", Wanted(at=time(21, 0))),
        ("9 pm", Wanted(at=time(21, 0))),
        ("evening, like 9 pm", Wanted(at=time(21, 0))),
        ("half 8", Wanted(hours=(time(8, 30), time(20, 30)))),
        ("half 8 in the evening", Wanted(at=time(20, 30))),
        ("quarter to 10 at night", Wanted(at=time(21, 45))),
        ("after school", Wanted(period="afternoon")),
        ("before bed", Wanted(period="night")),
        (
            "how do i set them? i want every day around 9 at night after dinner",
            Wanted(code="d", at=time(21, 0)),
        ),
        ("every day around 9pm", Wanted(code="d", at=time(21, 0))),
        ("half eight", Wanted(hours=(time(8, 30), time(20, 30)))),
        ("nine in the evening", Wanted(at=time(21, 0))),
        ("8 o'clock", Wanted(hours=(time(8, 0), time(20, 0)))),
        ("nightly at 10", Wanted(code="d", at=time(22, 0))),
        ("the evening one", Wanted(period="evening")),
        ("twice a day", Wanted(code=wanted.CANNOT)),
        ("weekends only", Wanted(code=wanted.CANNOT)),
    ],
)
def test_a_schedule_is_read_the_way_people_type_it(typed: str, meant: Wanted) -> None:
    assert wanted.read(typed) == meant


@pytest.mark.parametrize("typed", ["yes", "carry on", "not now", "thanks", "i feel awful"])
def test_words_that_name_no_schedule_are_not_one(typed: str) -> None:
    assert wanted.read(typed) is None


@pytest.mark.parametrize(
    "typed", ["is that 9pm india time?", "It is 21h in Paris hour, yes?", "what time zone is it?"]
)
def test_a_question_about_the_time_zone_is_known(typed: str) -> None:
    assert wanted.asks_zone(typed)


@pytest.mark.parametrize("typed", ["thank you, this is good", "9pm", "ok carry on. thanks bye"])
def test_other_words_are_not_a_time_zone_question(typed: str) -> None:
    assert not wanted.asks_zone(typed)


async def open_checkins(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/checkin")


async def test_every_day_typed_at_how_often_asks_the_part_of_the_day(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("Every day, please")

    assert "Morning (6am to noon)" in chat.buttons()


async def test_a_time_typed_at_how_often_sets_every_day_at_that_time(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("9pm")
    await chat.send("Dublin")

    assert "every day at 9:00pm" in chat.text()


async def test_a_time_with_no_morning_or_evening_offers_both(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("half 8")

    assert chat.buttons()[:2] == ["8:30am", "8:30pm"]


async def test_a_part_of_the_day_shows_its_times(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.tap("Every day")

    await chat.send("after school")

    assert "3:30pm" in chat.buttons()


async def test_the_settings_typed_to_is_that_okay_agree_and_set_them(chat: FakeChat) -> None:
    await chat.send("/checkin")
    assert "Is that okay?" in chat.text()

    await chat.send("every day at 9pm")
    await chat.send("Dublin")

    assert "every day at 9:00pm" in chat.text()


async def test_a_check_in_time_sentence_is_not_read_as_distress(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("how do i set them? i want every day around 9 at night after dinner")

    assert "suicide" not in chat.text()
    assert not chat.is_crisis()
    assert "time zone" in chat.text() or "part of the world" in chat.text()


async def test_a_crisis_at_the_check_in_step_still_gets_the_lines(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("every night i want to kill myself")

    assert chat.is_crisis()


async def test_is_that_india_time_is_answered_plainly(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.send("9pm")
    await chat.send("Kolkata")

    await chat.send("is that 9pm india time?")

    assert chat.text().startswith("Yes: 9:00pm, Kolkata time")


async def test_another_places_time_says_which_zone_it_is_and_how_to_change_it(
    chat: FakeChat,
) -> None:
    await open_checkins(chat)
    await chat.send("9pm")
    await chat.send("Dublin")

    await chat.send("is that paris time?")

    assert "Dublin time, not Paris time" in chat.text()
    assert "Change time zone" in chat.buttons()


async def test_a_country_typed_for_the_time_zone_finds_its_zone(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.send("9pm")

    await chat.send("ireland")

    assert "every day at 9:00pm" in chat.text()


async def test_a_place_in_the_time_sets_the_time_zone_at_once(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.tap("Every day")

    await chat.send("In the evening, at 21h Paris time")

    assert "every day at 9:00pm" in chat.text()


async def test_a_city_typed_with_its_region_is_the_city(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.send("9pm")

    await chat.send("Europe, Paris")

    assert "every day at 9:00pm" in chat.text()


async def test_a_time_typed_again_where_the_place_is_asked_keeps_asking_the_place(
    chat: FakeChat,
) -> None:
    await open_checkins(chat)
    await chat.send("9pm")

    await chat.send("21:00")
    await chat.send("Dublin")

    assert "every day at 9:00pm" in chat.text()


async def test_check_ins_asked_for_with_a_time_anywhere_start_the_set_up(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.send("/topics")

    await chat.send("can you check in on me every day at 9pm?")
    await chat.send("Dublin")

    assert "every day at 9:00pm" in chat.text()


async def test_the_settings_typed_before_agreeing_to_keep_them_ask_first(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("can you check in on me every day at 9pm?")

    assert "Is that okay?" in chat.text()


async def test_the_same_time_again_says_it_is_set_already(chat: FakeChat) -> None:
    await open_checkins(chat)
    await chat.send("9pm")
    await chat.send("Dublin")

    await chat.send("/checkin")
    await chat.send("9pm")

    assert chat.text().startswith("That's what they're set to already: every day at 9:00pm")


async def test_a_schedule_typed_to_the_offer_of_check_ins_takes_it_up(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.tap("Skip this")
    assert "Set up check-ins" in chat.buttons()

    await chat.send("yes every day at 9pm")
    await chat.send("Dublin")

    assert "every day at 9:00pm" in chat.text()


@pytest.mark.parametrize("typed", ["9:30", "half 9"])
async def test_a_time_with_no_am_or_pm_is_the_one_on_the_screen(chat: FakeChat, typed: str) -> None:
    await open_checkins(chat)
    await chat.tap("Every day")
    await chat.tap("Evening (5pm to 10pm)")

    await chat.send(typed)
    await chat.send("Dublin")

    assert "every day at 9:30pm" in chat.text()


async def test_a_frequency_there_is_no_plan_for_says_what_there_is(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("twice a day please")

    assert chat.text().startswith("I can check in once a day at most")
    assert "Weekdays only" in chat.buttons()


async def test_a_buttons_number_typed_at_the_set_up_is_that_button(chat: FakeChat) -> None:
    await open_checkins(chat)

    await chat.send("2")

    assert "Morning (6am to noon)" in chat.buttons()  # "Weekdays only": then when
    await chat.tap("Evening (5pm to 10pm)")
    await chat.tap("9:00pm")
    await chat.send("Dublin")
    assert "weekdays at 9:00pm" in chat.text()


async def welcome_to_the_country_question(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    assert "Pick my country" in chat.buttons()


async def test_carry_on_after_check_ins_set_does_not_ask_a_skipped_country_again(
    chat: FakeChat,
) -> None:
    await welcome_to_the_country_question(chat)
    await chat.tap("Skip this")
    await chat.send("yes every day at 9pm")
    await chat.send("Dublin")

    await chat.tap("Carry on")

    assert "Which country are you in?" not in chat.text()
    assert "which country are you in?" not in chat.text()


async def test_carry_on_once_the_country_is_set_goes_on_to_check_ins(chat: FakeChat) -> None:
    await welcome_to_the_country_question(chat)
    await chat.tap("Pick my country")
    await chat.send("ireland")

    assert "Set up check-ins" in chat.buttons()
