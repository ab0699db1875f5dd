"""Due-time arithmetic with fixed datetimes, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.checkins.schedule import (
    DAILY,
    WEEKDAYS,
    WEEKLY,
    Plan,
    ScheduleError,
    describe,
    local_day,
    local_moment,
    next_due,
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def run(plan: Plan, start: datetime, count: int) -> list[datetime]:
    """`count` successive due moments from `start`, as tick() moves them on."""
    moments = []
    moment = start
    for _ in range(count):
        moment = next_due(plan, moment)
        moments.append(moment)
    return moments


def test_daily_check_in_later_today_is_due_today() -> None:
    plan = Plan(DAILY, time(19, 30), "Europe/London")
    assert next_due(plan, utc(2026, 1, 10, 12, 0)) == utc(2026, 1, 10, 19, 30)


def test_daily_check_in_already_past_is_due_tomorrow() -> None:
    plan = Plan(DAILY, time(19, 30), "Europe/London")
    assert next_due(plan, utc(2026, 1, 10, 19, 30)) == utc(2026, 1, 11, 19, 30)


def test_london_summer_time_moves_the_utc_moment_back_an_hour() -> None:
    plan = Plan(DAILY, time(19, 30), "Europe/London")
    assert run(plan, utc(2026, 3, 28, 12), 2) == [
        utc(2026, 3, 28, 19, 30),
        utc(2026, 3, 29, 18, 30),
    ]


def test_london_time_in_the_spring_gap_still_happens_once_that_day() -> None:
    plan = Plan(DAILY, time(1, 30), "Europe/London")  # 01:00-02:00 is skipped on 29 March
    moments = run(plan, utc(2026, 3, 27, 12), 4)
    assert moments == [
        utc(2026, 3, 28, 1, 30),
        utc(2026, 3, 29, 1, 30),  # 02:30 BST: once, an hour later on the clock
        utc(2026, 3, 30, 0, 30),
        utc(2026, 3, 31, 0, 30),
    ]
    assert len({m.astimezone(plan_zone(plan)).date() for m in moments}) == 4


def test_london_time_repeated_in_autumn_happens_only_once() -> None:
    plan = Plan(DAILY, time(1, 30), "Europe/London")  # 01:00-02:00 happens twice on 25 Oct
    moments = run(plan, utc(2026, 10, 24, 12), 3)
    assert moments == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30), utc(2026, 10, 27, 1, 30)]


def test_new_york_half_past_two_on_spring_forward_day_happens_once() -> None:
    plan = Plan(DAILY, time(2, 30), "America/New_York")  # 02:00-03:00 skipped on 8 March
    moments = run(plan, utc(2026, 3, 7, 0), 3)
    assert moments == [utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7, 30), utc(2026, 3, 9, 6, 30)]
    local_days = [m.astimezone(plan_zone(plan)).date().day for m in moments]
    assert local_days == [7, 8, 9]


def test_new_york_repeated_hour_in_november_happens_once() -> None:
    plan = Plan(DAILY, time(1, 30), "America/New_York")  # 01:00-02:00 twice on 1 November
    moments = run(plan, utc(2026, 10, 31, 12), 3)
    assert moments == [utc(2026, 11, 1, 5, 30), utc(2026, 11, 2, 6, 30), utc(2026, 11, 3, 6, 30)]


def test_sydney_southern_autumn_in_april_repeats_no_check_in() -> None:
    plan = Plan(DAILY, time(2, 30), "Australia/Sydney")  # 02:00-03:00 twice on 5 April
    moments = run(plan, utc(2026, 4, 3, 0), 3)
    assert moments == [utc(2026, 4, 3, 15, 30), utc(2026, 4, 4, 15, 30), utc(2026, 4, 5, 16, 30)]


def test_sydney_southern_spring_in_october_skips_no_day() -> None:
    plan = Plan(DAILY, time(2, 30), "Australia/Sydney")  # 02:00-03:00 skipped on 4 October
    moments = run(plan, utc(2026, 10, 2, 12), 3)
    local_days = [m.astimezone(plan_zone(plan)).date().day for m in moments]
    assert local_days == [3, 4, 5]
    assert moments[1] == utc(2026, 10, 3, 16, 30)  # 03:30 AEDT, once


def test_kolkata_half_hour_offset_without_daylight_saving() -> None:
    plan = Plan(DAILY, time(9, 0), "Asia/Kolkata")
    moments = run(plan, utc(2026, 3, 1, 0), 3)
    assert moments == [utc(2026, 3, 1, 3, 30), utc(2026, 3, 2, 3, 30), utc(2026, 3, 3, 3, 30)]


def test_a_year_of_daily_check_ins_is_one_a_day_in_every_zone() -> None:
    for name in ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"):
        for at in (time(0, 0), time(1, 30), time(2, 30), time(23, 30)):
            plan = Plan(DAILY, at, name)
            moments = run(plan, utc(2026, 1, 1), 365)
            days = [m.astimezone(plan_zone(plan)).date() for m in moments]
            assert days == sorted(set(days)), (name, at)
            assert (days[-1] - days[0]).days == 364, (name, at)


def test_weekdays_only_skips_the_weekend() -> None:
    plan = Plan(WEEKDAYS, time(8, 0), "Asia/Kolkata")
    friday_evening = utc(2026, 3, 6, 12)
    assert next_due(plan, friday_evening) == utc(2026, 3, 9, 2, 30)  # Monday 08:00 IST


def test_weekly_comes_on_the_chosen_day() -> None:
    plan = Plan(WEEKLY, time(18, 0), "America/New_York", weekday=6)
    moments = run(plan, utc(2026, 3, 2), 2)
    assert moments == [utc(2026, 3, 8, 22, 0), utc(2026, 3, 15, 22, 0)]


def test_local_day_decides_not_the_utc_day() -> None:
    plan = Plan(WEEKLY, time(8, 0), "Australia/Sydney", weekday=0)  # Monday morning in Sydney
    assert next_due(plan, utc(2026, 3, 1, 12)) == utc(2026, 3, 1, 21, 0)  # Sunday in UTC


def test_a_pause_moves_the_next_check_in_past_it() -> None:
    plan = Plan(DAILY, time(19, 0), "Europe/London", paused_until=utc(2026, 1, 13, 10))
    assert next_due(plan, utc(2026, 1, 10, 12)) == utc(2026, 1, 13, 19, 0)


def test_a_pause_ending_at_the_check_in_time_lets_it_happen() -> None:
    plan = Plan(DAILY, time(19, 0), "Europe/London", paused_until=utc(2026, 1, 13, 19))
    assert next_due(plan, utc(2026, 1, 10, 12)) == utc(2026, 1, 13, 19, 0)


def test_a_pause_in_the_past_changes_nothing() -> None:
    plan = Plan(DAILY, time(19, 0), "Europe/London", paused_until=utc(2026, 1, 1))
    assert next_due(plan, utc(2026, 1, 10, 12)) == utc(2026, 1, 10, 19, 0)


def test_naive_after_is_refused() -> None:
    with pytest.raises(ScheduleError):
        next_due(Plan(DAILY, time(9), "UTC"), datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("frequency", "zone", "weekday"),
    [
        ("hourly", "UTC", None),
        (DAILY, "Mars/Olympus", None),
        (WEEKLY, "UTC", None),
        (WEEKLY, "UTC", 7),
    ],
)
def test_an_impossible_plan_is_refused(frequency: str, zone: str, weekday: int | None) -> None:
    with pytest.raises(ScheduleError):
        Plan(frequency, time(9), zone, weekday=weekday)


def test_plans_read_as_plain_words() -> None:
    assert describe(Plan(DAILY, time(19, 30), "UTC")) == "every day at 7:30pm"
    assert describe(Plan(WEEKDAYS, time(7, 0), "UTC")) == "weekdays at 7:00am"
    assert describe(Plan(WEEKLY, time(0, 0), "UTC", weekday=6)) == "Sundays at 12:00am (midnight)"
    assert describe(Plan(DAILY, time(12, 30), "UTC")) == "every day at 12:30pm"
    assert local_moment(utc(2026, 3, 3, 19, 30), "Europe/London") == "Tuesday 3 March at 7:30pm"
    assert local_day(utc(2026, 3, 3, 23, 30), "Asia/Kolkata") == "Wednesday 4 March"


def test_every_moment_is_in_utc_and_strictly_later() -> None:
    plan = Plan(DAILY, time(12, 0), "America/New_York")
    after = utc(2026, 6, 1, 16, 0)
    due = next_due(plan, after)
    assert due.tzinfo is UTC and due > after
    assert due - after <= timedelta(days=1)


def plan_zone(plan: Plan) -> ZoneInfo:
    return ZoneInfo(plan.timezone)
