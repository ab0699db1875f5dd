"""Opening hours as data: when a line answers, in its own time zone, and when it opens next.

Rules:
1. `hours: 24/7` is always open; `hours: unknown` is never claimed open or closed.
2. Otherwise `hours` has a `zone` (IANA, the line's own) and `open`, a list of windows
   written "Mon-Sat 14:00-20:00", "daily 11:00-05:00" (closing after midnight: the night
   belongs to the day it started) or "Mon,Wed 10:00-24:00" (24:00 is midnight).
3. Times are compared as instants (UTC), never as wall clocks, so a DST change neither
   opens nor closes a line by mistake. `now` is always passed in: nothing reads a clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from safety.errors import SafetyError

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_WINDOW = re.compile(r"^(?P<days>\S+)\s+(?P<opens>\d\d:\d\d)-(?P<closes>\d\d:\d\d)$")
_MIDNIGHT = dt.time(0, 0)


@dataclass(frozen=True)
class Window:
    """One opening: on `days` (0 = Monday) from `opens` until `closes` (None: midnight)."""

    days: frozenset[int]
    opens: dt.time
    closes: dt.time | None

    def describe(self) -> str:
        """'Monday to Saturday, 14:00 to 20:00'."""
        closes = "24:00" if self.closes is None else f"{self.closes:%H:%M}"
        return f"{_describe_days(self.days)}, {self.opens:%H:%M} to {closes}"


@dataclass(frozen=True)
class Schedule:
    """When a line answers: always, at known times in `zone`, or not known (`known`)."""

    always: bool
    zone: str | None = None
    windows: tuple[Window, ...] = ()

    @property
    def known(self) -> bool:
        """False for a line whose hours could not be confirmed."""
        return self.always or bool(self.windows)

    def describe(self) -> str:
        """The hours in words, for the full list of lines."""
        if self.always:
            return "24/7"
        if not self.windows:
            return "hours not confirmed"
        return "; ".join(window.describe() for window in self.windows)


ALWAYS = Schedule(always=True)
UNKNOWN = Schedule(always=False)


def is_open(schedule: Schedule, now: dt.datetime) -> bool | None:
    """Whether the line answers at `now` (aware); None when its hours are not known."""
    if schedule.always:
        return True
    if not schedule.windows:
        return None
    instant = _utc(now)
    return any(start <= instant < end for start, end in _spans(schedule, instant, back=1))


def next_opening(schedule: Schedule, now: dt.datetime) -> dt.datetime | None:
    """When a closed line next opens, in the line's own time zone; None if never known."""
    if schedule.always or not schedule.windows:
        return None
    instant = _utc(now)
    starts = [start for start, _ in _spans(schedule, instant, back=0) if start > instant]
    if not starts:
        return None
    return min(starts).astimezone(_zone(schedule))


def opens_phrase(opening: dt.datetime, now: dt.datetime) -> str:
    """'opens at 16:00', 'opens tomorrow at 14:00' or 'opens on Monday at 14:00', in the
    line's local time (`opening` carries the line's zone)."""
    today = _utc(now).astimezone(opening.tzinfo).date()
    days = (opening.date() - today).days
    when = f"{opening:%H:%M}"
    if days <= 0:
        return f"opens at {when}"
    if days == 1:
        return f"opens tomorrow at {when}"
    return f"opens on {_DAY_NAMES[opening.weekday()]} at {when}"


def parse_hours(where: str, raw: object) -> Schedule:
    """`24/7`, `unknown`, or a mapping with `zone` and `open` windows (rules above)."""
    if raw == "24/7":
        return ALWAYS
    if raw == "unknown":
        return UNKNOWN
    if not isinstance(raw, dict) or "zone" not in raw or not raw.get("open"):
        raise SafetyError(f"{where}: hours must be 24/7, unknown, or a zone and open times")
    zone = str(raw["zone"])
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise SafetyError(f"{where}: {zone!r} is not an IANA time zone") from None
    windows = tuple(_window(where, str(text)) for text in raw["open"])
    return Schedule(always=False, zone=zone, windows=windows)


def _window(where: str, text: str) -> Window:
    found = _WINDOW.match(text.strip())
    if not found:
        raise SafetyError(f"{where}: opening {text!r} is not like 'Mon-Fri 09:00-17:00'")
    opens = _time(where, found["opens"])
    closes = None if found["closes"] == "24:00" else _time(where, found["closes"])
    if opens == closes:
        raise SafetyError(f"{where}: opening {text!r} is empty (write 24/7 for always)")
    if closes == _MIDNIGHT:
        closes = None
    return Window(days=_days(where, found["days"]), opens=opens, closes=closes)


def _days(where: str, text: str) -> frozenset[int]:
    if text.lower() == "daily":
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise SafetyError(f"{where}: day {part!r} is not like Mon, Mon-Fri or daily")
        start, end = DAYS.index(first), DAYS.index(last or first)
        days.update(day % 7 for day in range(start, end + 1 if end >= start else end + 8))
    return frozenset(days)


def _time(where: str, text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise SafetyError(f"{where}: {text!r} is not a time of day") from None


def _spans(
    schedule: Schedule, instant: dt.datetime, *, back: int
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Every opening (start, end) in UTC from `back` local days before `instant` to a week on."""
    zone = _zone(schedule)
    today = instant.astimezone(zone).date()
    spans = []
    for offset in range(-back, 8):
        day = today + dt.timedelta(days=offset)
        for window in schedule.windows:
            if day.weekday() not in window.days:
                continue
            start = _instant(day, window.opens, zone)
            overnight = window.closes is None or window.closes <= window.opens
            end_day = day + dt.timedelta(days=1) if overnight else day
            end = _instant(end_day, window.closes or _MIDNIGHT, zone)
            spans.append((start, end))
    return spans


def _instant(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a local wall time (a time skipped by DST falls just after it)."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def _zone(schedule: Schedule) -> ZoneInfo:
    return ZoneInfo(schedule.zone or "UTC")


def _utc(now: dt.datetime) -> dt.datetime:
    if now.tzinfo is None:
        raise SafetyError("now must be timezone-aware (UTC)")
    return now.astimezone(dt.UTC)


def _describe_days(days: frozenset[int]) -> str:
    if len(days) == 7:
        return "every day"
    ordered = sorted(days)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{_DAY_NAMES[ordered[0]]} to {_DAY_NAMES[ordered[-1]]}"
    return ", ".join(_DAY_NAMES[day] for day in ordered)
