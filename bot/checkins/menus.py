"""The check-in settings screens, as plain Replies, and the button ids they carry.

Button ids (each at most 64 bytes; the choices made so far travel inside them):
  !checkin                      the settings screen     !checkin:consent   agree, then settings
  !checkin:on                   how often?              !checkin:f:w       which day?
  !checkin:f:CODE               morning / afternoon / evening / night?
  !checkin:p:CODE:PERIOD        the half hours in that part of the day
  !checkin:t:CODE:HHMM          time chosen: save, or ask the zone
  !checkin:r:CODE:HHMM[:REGION:PAGE]   zones by region    !checkin:c:CODE:HHMM:PAGE  the country's
  !checkin:z:CODE:HHMM:ZONE     save                    !checkin:zone      change only the zone
  !checkin:pause:DAYS  !checkin:unpause  !checkin:snooze  !checkin:off  !checkin:progress:DAYS
  !checkin:better               answer to a check-back
While a time or a zone is asked for, the person may also type it ("7pm", "Dublin"):
the core's question is set to AskedTime or AskedZone (bot/core/questions.py) and
Checkins.typed() reads the answer.
CODE is d (every day), k (weekdays), or w0..w6 (once a week, Monday..Sunday).
"""

from __future__ import annotations

from datetime import time

from bot.checkins import zones
from bot.checkins.schedule import (
    DAILY,
    WEEKDAYS,
    WEEKLY,
    Plan,
    ScheduleError,
    clock,
    describe,
    parse_time,
)
from bot.core import words
from bot.core.buttons import (
    CheckinChangeZone,
    CheckinConsent,
    CheckinCountryZones,
    CheckinFrequency,
    CheckinHowOften,
    CheckinOff,
    CheckinPause,
    CheckinPeriod,
    CheckinProgress,
    CheckinRegion,
    CheckinRegions,
    CheckinSettings,
    CheckinSnooze,
    CheckinTime,
    CheckinUnpause,
    CheckinWeekday,
    CheckinZone,
)
from bot.core.callback_data import option
from bot.messages import Option, Reply

PAGE_SIZE = 10
# The parts of the day, in minutes from midnight (labels: words.CHECKIN_PERIODS).
PERIODS = {
    "morning": (6 * 60, 12 * 60),
    "afternoon": (12 * 60, 17 * 60),
    "evening": (17 * 60, 22 * 60),
    "night": (22 * 60, 30 * 60),
}


def encode(frequency: str, weekday: int | None) -> str:
    if frequency == WEEKLY:
        return f"w{weekday}"
    return "k" if frequency == WEEKDAYS else "d"


def decode(code: str) -> tuple[str, int | None] | None:
    """(frequency, weekday) for a CODE; None when it is not one."""
    if code == "d":
        return DAILY, None
    if code == "k":
        return WEEKDAYS, None
    if len(code) == 2 and code[0] == "w" and code[1] in "0123456":
        return WEEKLY, int(code[1])
    return None


def plan_from(code: str, hhmm: str, zone: str, *, paused: Plan | None = None) -> Plan | None:
    """The plan the buttons describe; None when any part is not valid."""
    frequency = decode(code)
    at = parse_time(hhmm)
    if frequency is None or at is None:
        return None
    try:
        return Plan(
            frequency[0],
            at,
            zone,
            weekday=frequency[1],
            paused_until=paused.paused_until if paused else None,
        )
    except ScheduleError:
        return None


def consent_question(back: Option) -> Reply:
    return Reply(
        words.CHECKIN_ASK_CONSENT,
        options=(option(CheckinConsent(), words.CHECKIN_CONSENT_YES), back),
    )


def frequency_menu(back: Option, *, text: str = words.CHECKIN_OFF) -> Reply:
    return Reply(
        text,
        options=(
            option(CheckinFrequency("d"), words.CHECKIN_EVERY_DAY),
            option(CheckinFrequency("k"), words.CHECKIN_WEEKDAYS),
            option(CheckinWeekday(), words.CHECKIN_WEEKLY),
            back,
        ),
    )


def weekday_menu() -> Reply:
    days = tuple(
        option(CheckinFrequency(f"w{number}"), name) for number, name in enumerate(words.DAY_NAMES)
    )
    return Reply(words.CHECKIN_ASK_DAY, options=(*days, option(CheckinSettings(), words.BACK)))


def period_menu(code: str) -> Reply:
    options = tuple(option(CheckinPeriod(code, key), words.CHECKIN_PERIODS[key]) for key in PERIODS)
    back = option(CheckinHowOften(), words.BACK)
    return Reply(words.CHECKIN_ASK_PERIOD, options=(*options, back))


def times_menu(code: str, period: str) -> Reply:
    first, last = PERIODS.get(period, PERIODS["evening"])
    options = []
    for minutes in range(first, last, 30):
        at = time((minutes // 60) % 24, minutes % 60)
        options.append(option(CheckinTime(code, f"{at:%H%M}"), clock(at)))
    back = option(CheckinFrequency(code), words.BACK)
    return Reply(words.CHECKIN_ASK_TIME, options=(*options, back))


def country_zone_menu(code: str, hhmm: str, found: list[zones.Zone], *, page: int) -> Reply:
    """A page of a country's zones, with a way to look elsewhere."""
    shown, more = _page(found, page)
    options = [option(CheckinZone(code, hhmm, zone.name), zone.label) for zone in shown]
    if more:
        options.append(option(CheckinCountryZones(code, hhmm, page + 1), words.MORE_PLACES))
    options.append(option(CheckinRegions(code, hhmm), words.SOMEWHERE_ELSE))
    return Reply(words.CHECKIN_ASK_ZONE, options=tuple(options))


def region_menu(code: str, hhmm: str) -> Reply:
    options = [
        option(CheckinRegion(code, hhmm, key, 0), words.CHECKIN_REGIONS[key])
        for key in zones.REGIONS
    ]
    options.append(option(CheckinZone(code, hhmm, "UTC"), words.USE_UTC))
    return Reply(words.CHECKIN_ASK_REGION, options=tuple(options))


def region_zone_menu(code: str, hhmm: str, region: str, *, page: int) -> Reply:
    shown, more = _page(zones.in_region(region), page)
    options = [option(CheckinZone(code, hhmm, zone.name), zone.label) for zone in shown]
    if more:
        options.append(option(CheckinRegion(code, hhmm, region, page + 1), words.MORE_PLACES))
    options.append(option(CheckinRegions(code, hhmm), words.BACK_TO_REGIONS))
    return Reply(words.CHECKIN_ASK_ZONE, options=tuple(options))


def status(plan: Plan, *, next_at: str, back: Option, paused_until: str | None) -> Reply:
    """What the person's check-ins are set to, with every change a tap away."""
    where = zones.city(plan.timezone)
    lines = [words.CHECKIN_STATUS_ON.format(when=describe(plan), where=where)]
    if paused_until:
        lines.append(words.CHECKIN_STATUS_PAUSED.format(until=paused_until))
    lines.append(words.CHECKIN_STATUS_NEXT.format(next_at=next_at))
    options = [
        option(CheckinHowOften(), words.CHECKIN_CHANGE_TIME),
        option(CheckinChangeZone(), words.CHECKIN_CHANGE_ZONE),
    ]
    if paused_until:
        options.append(option(CheckinUnpause(), words.CHECKIN_UNPAUSE))
    else:
        options += [
            option(CheckinPause(3), words.CHECKIN_PAUSE_3),
            option(CheckinPause(7), words.CHECKIN_PAUSE_7),
        ]
    options += [
        option(CheckinSnooze(), words.CHECKIN_SNOOZE),
        option(CheckinProgress(30), words.CHECKIN_SEE_PROGRESS),
        option(CheckinOff(), words.CHECKIN_STOP),
        back,
    ]
    return Reply(" ".join(lines), options=tuple(options))


def put_back(saved: Reply, before: Plan) -> Reply:
    """The "Done" of a plan changed by words typed outside the step that asks for a time
    ("4" was once read as 4am there): the same, said plainly, with a button that puts the
    plan back as it was."""
    hhmm = f"{before.local_time:%H%M}"
    back = CheckinZone(encode(before.frequency, before.weekday), hhmm, before.timezone)
    label = words.CHECKIN_PUT_BACK.format(when=clock(before.local_time))
    return Reply(saved.text, options=(option(back, label), *saved.options))


def _page(found: list[zones.Zone], page: int) -> tuple[list[zones.Zone], bool]:
    page = max(page, 0)
    return found[page * PAGE_SIZE : (page + 1) * PAGE_SIZE], len(found) > (page + 1) * PAGE_SIZE
