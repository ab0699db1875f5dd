"""The check-in settings and /progress, through the real Companion on a temporary SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from datetime import time as clock

import pytest

from bot.checkins import menus as checkin_menus
from bot.checkins import zones
from bot.checkins.schedule import DAILY, Plan
from bot.checkins.screens import Checkins
from bot.config import load_settings
from bot.core.buttons import CheckinTime
from bot.core.callback_data import decode
from bot.core.words import STALE_BUTTON
from bot.messages import Person, Platform, Reply
from bot.store import Store
from bot.wiring import build
from tests.fakes import FakeChat, shipped_library

PERSON = Person(Platform.TELEGRAM, "4242")


@pytest.fixture
def chat(sqlite_store: Store) -> FakeChat:
    companion = build(load_settings(), sqlite_store, library=shipped_library())
    return FakeChat(companion, person=PERSON)


async def agreed(chat: FakeChat, *, country: str | None = None) -> None:
    """The person has said Waypoint may keep things, and picked a country (or none)."""
    async with chat.companion._store.person(PERSON, now=chat.now) as person:
        person.consent_at = chat.now
        person.country = country


async def plan_and_due(store: Store, now: datetime) -> tuple[Plan | None, datetime | None]:
    async with store.person(PERSON, now=now) as person:
        return await person.checkin_plan(), await person.reminder_due("checkin")


def option_ids(replies: list[Reply]) -> list[str]:
    return [option.id for reply in replies for option in reply.options]


async def test_check_ins_need_the_persons_ok_first(chat: FakeChat, sqlite_store: Store) -> None:
    await chat.send("/checkin")
    assert "Is that okay?" in chat.text()
    assert await plan_and_due(sqlite_store, chat.now) == (None, None)
    await chat.tap("Yes, that's okay")
    assert chat.buttons()[:3] == ["Every day", "Weekdays only", "Once a week"]


async def test_a_stale_settings_button_without_consent_asks_again(chat: FakeChat) -> None:
    await chat.press("!checkin:t:d:1930")
    assert "Is that okay?" in chat.text()


async def test_every_day_at_half_past_seven_in_a_one_zone_country(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await agreed(chat, country="GB")
    await chat.send("/checkin")
    assert "Check-ins are off" in chat.text()
    assert "self-injur" not in chat.text().lower()
    await chat.tap("Every day")
    await chat.tap("Evening (5pm to 10pm)")
    assert "7:30pm" in chat.buttons()
    await chat.tap("7:30pm")
    assert "Check-ins are on" in chat.text() and "every day at 7:30pm" in chat.text()
    plan, due = await plan_and_due(sqlite_store, chat.now)
    assert plan == Plan(DAILY, clock(19, 30), "Europe/London")
    assert due == datetime(2026, 3, 2, 19, 30, tzinfo=UTC)  # chat starts 2 March, 18:00 UTC


async def test_a_country_with_several_zones_offers_its_zones(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await agreed(chat, country="AU")
    await chat.send("/checkin")
    await chat.tap("Weekdays only")
    await chat.tap("Morning (6am to noon)")
    await chat.tap("7:00am")
    assert "Which time zone" in chat.text()
    await chat.tap("Sydney – New South Wales (most areas)")
    plan, due = await plan_and_due(sqlite_store, chat.now)
    assert plan is not None and plan.timezone == "Australia/Sydney"
    assert plan.frequency == "weekdays"
    assert due == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # Tuesday 07:00 AEDT


async def test_without_a_country_the_zone_is_found_by_region(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await agreed(chat)
    await chat.send("/checkin")
    await chat.tap("Once a week")
    await chat.tap("Sunday")
    await chat.tap("Night (10pm to 6am)")
    await chat.tap("10:30pm")
    assert "part of the world" in chat.text()
    await chat.tap("Asia")
    while "Kolkata" not in chat.buttons():
        await chat.tap("More places")
    await chat.tap("Kolkata")
    plan, due = await plan_and_due(sqlite_store, chat.now)
    assert plan == Plan("weekly", clock(22, 30), "Asia/Kolkata", weekday=6)
    assert due == datetime(2026, 3, 8, 17, 0, tzinfo=UTC)


async def test_the_settings_show_the_plan_and_every_change_is_a_tap_away(chat: FakeChat) -> None:
    await agreed(chat, country="GB")
    await chat.press("!checkin:t:d:0800")
    await chat.send("/checkin")
    assert "every day at 8:00am, London time" in chat.text()
    assert "The next one is Tuesday 3 March at 8:00am" in chat.text()
    for label in ("Change day or time", "Change time zone", "Pause for 3 days", "Stop check-ins"):
        assert label in chat.buttons()


async def test_changing_the_time_keeps_the_zone(chat: FakeChat, sqlite_store: Store) -> None:
    await agreed(chat, country="AU")
    await chat.press("!checkin:z:d:0800:Australia/Perth")
    await chat.send("/checkin")
    await chat.tap("Change day or time")
    await chat.tap("Every day")
    await chat.tap("Afternoon (noon to 5pm)")
    await chat.tap("1:30pm")
    plan, _ = await plan_and_due(sqlite_store, chat.now)
    assert plan == Plan(DAILY, clock(13, 30), "Australia/Perth")


async def test_changing_the_zone_keeps_the_time(chat: FakeChat, sqlite_store: Store) -> None:
    await agreed(chat, country="US")
    await chat.press("!checkin:z:d:0800:America/New_York")
    await chat.send("/checkin")
    await chat.tap("Change time zone")
    await chat.tap("Chicago – Central (most areas)")
    plan, _ = await plan_and_due(sqlite_store, chat.now)
    assert plan == Plan(DAILY, clock(8, 0), "America/Chicago")


async def test_a_pause_moves_the_next_check_in_and_can_be_undone(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await agreed(chat, country="GB")
    await chat.press("!checkin:t:d:1900")
    await chat.send("/checkin")
    await chat.tap("Pause for 3 days")
    assert "paused until Thursday 5 March" in chat.text()
    _, due = await plan_and_due(sqlite_store, chat.now)
    assert due == datetime(2026, 3, 5, 19, 0, tzinfo=UTC)
    await chat.send("/checkin")
    await chat.tap("Start again now")
    _, due = await plan_and_due(sqlite_store, chat.now)
    assert due == datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


async def test_snooze_asks_again_in_an_hour(chat: FakeChat, sqlite_store: Store) -> None:
    await agreed(chat, country="GB")
    await chat.press("!checkin:snooze")
    async with sqlite_store.person(PERSON, now=chat.now) as person:
        assert await person.reminder_due("snooze") == chat.now + timedelta(hours=1)


async def test_stopping_removes_the_plan_and_reminders(chat: FakeChat, sqlite_store: Store) -> None:
    await agreed(chat, country="GB")
    await chat.press("!checkin:t:d:1900")
    await chat.send("/checkin")
    await chat.tap("Stop check-ins")
    assert "Check-ins are off" in chat.text()
    assert await plan_and_due(sqlite_store, chat.now) == (None, None)


async def test_forged_settings_buttons_fall_back_to_the_settings(chat: FakeChat) -> None:
    await agreed(chat, country="GB")
    for forged in (
        "!checkin:t:d:2599",
        "!checkin:z:d:0800:Mars/Base",
        "!checkin:f:x9",
    ):
        await chat.press(forged)
        # the settings again (its words said once; after that, asked again in other words)
        assert "Every day" in chat.buttons(), forged
    assert "Check-ins are off" in " ".join(r.text for r in chat.replies)


async def test_an_id_that_is_no_button_of_the_core_is_refused_gently(chat: FakeChat) -> None:
    await agreed(chat, country="GB")
    for n, forged in enumerate(
        ("!checkin:?", "!2:checkin-time:d:19:30", "!2:nope", "!asked:maybe")
    ):
        await chat.press(forged)
        if n == 0:  # said once; the next times, not the same paragraph again
            assert chat.text().startswith(STALE_BUTTON), forged
        assert chat.buttons()


async def test_welcome_can_set_up_check_ins_and_carry_on(chat: FakeChat) -> None:
    await agreed(chat, country="GB")
    await chat.send("/start")
    await chat.press("!go:welcome:checkins_open")
    assert "Every day" in chat.buttons()
    await chat.tap("Every day")
    await chat.tap("Morning (6am to noon)")
    await chat.tap("9:00am")
    assert "Check-ins are on" in chat.text()
    assert "Carry on" in chat.buttons()


def test_every_settings_button_fits_telegrams_64_bytes() -> None:
    back = checkin_menus.Option("!go:topics", "Back")
    replies = [checkin_menus.frequency_menu(back), checkin_menus.weekday_menu()]
    for code in ("d", "k", "w6"):
        replies.append(checkin_menus.period_menu(code))
        replies += [checkin_menus.times_menu(code, period) for period in checkin_menus.PERIODS]
        replies.append(checkin_menus.region_menu(code, "2330"))
        for region in zones.REGIONS:
            pages = len(zones.in_region(region)) // checkin_menus.PAGE_SIZE + 1
            replies += [
                checkin_menus.region_zone_menu(code, "2330", region, page=page)
                for page in range(pages)
            ]
    ids = option_ids(replies)
    assert len(ids) > 300
    assert max(len(choice.encode()) for choice in ids) <= 64


def test_the_time_picker_covers_every_half_hour_of_the_day() -> None:
    ids = option_ids([checkin_menus.times_menu("d", period) for period in checkin_menus.PERIODS])
    chosen = [decode(choice) for choice in ids]
    times = sorted(button.hhmm for button in chosen if isinstance(button, CheckinTime))
    assert times == [f"{h:02d}{m:02d}" for h in range(24) for m in (0, 30)]


async def test_progress_without_check_ins_says_so_kindly(chat: FakeChat) -> None:
    await chat.send("/progress")
    assert chat.first.image is None
    assert "nothing to show yet" in chat.text()


async def test_progress_draws_moods_urges_and_wins(chat: FakeChat, sqlite_store: Store) -> None:
    await agreed(chat, country="GB")
    async with sqlite_store.person(PERSON, now=chat.now) as person:
        for day in range(20):
            at = chat.now - timedelta(days=day)
            await person.add_checkin(now=at, mood=1 + day % 5, urge=day % 11, note=None)
        await person.add_entry("wins", "Waited it out", now=chat.now, replace=False)
    await chat.send("/progress")  # how fast: bench/progress.py
    assert chat.first.image is not None and chat.first.image.startswith(b"\x89PNG")
    assert "Ups and downs are a normal part of recovery" in chat.text()
    assert "stars are wins" in chat.text()
    await chat.tap("Show 90 days")
    assert "last 90 days" in chat.text()


def test_check_ins_need_a_checkin_flow(sqlite_store: Store) -> None:
    library = shipped_library()
    without = type(library)(
        flows={k: v for k, v in library.flows.items() if k != "checkin"}, fields=library.fields
    )
    with pytest.raises(Exception, match="checkin"):
        Checkins(library=without)
