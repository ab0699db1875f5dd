"""When a check-in is next due: pure arithmetic on a plan, a moment and the IANA zone database.

Rules:
1. A plan names a local wall-clock time in an IANA zone; due times are UTC moments.
2. One check-in per local day at most: each candidate day yields exactly one moment.
   A time skipped by a spring-forward gap still happens that day (an hour later on the
   clock, like the wall time read with the offset from before the change); a time that
   occurs twice when the clocks go back happens only the first time (fold=0).
3. `next_due` is strictly after `after` and never inside a pause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core import words

DAILY = "daily"
WEEKDAYS = "weekdays"
WEEKLY = "weekly"
FREQUENCIES = (DAILY, WEEKDAYS, WEEKLY)


class ScheduleError(ValueError):
    """A plan that cannot be scheduled: unknown frequency, weekday or time zone."""


@dataclass(frozen=True)
class Plan:
    """How often and when a person asked to be checked in on, in their own zone."""

    frequency: str
    local_time: time
    timezone: str
    weekday: int | None = None
    paused_until: datetime | None = None

    def __post_init__(self) -> None:
        if self.frequency not in FREQUENCIES:
            raise ScheduleError(f"unknown check-in frequency {self.frequency!r}")
        if self.frequency == WEEKLY and self.weekday not in range(7):
            raise ScheduleError(f"a weekly check-in needs a weekday 0-6, not {self.weekday!r}")
        zone(self.timezone)


def zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`; ScheduleError when there is none."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown time zone {name!r}") from None


def next_due(plan: Plan, after: datetime) -> datetime:
    """The first check-in moment (UTC) strictly after `after` and not before the pause ends."""
    if after.tzinfo is None:
        raise ScheduleError("`after` must be an aware datetime")
    start = after
    if plan.paused_until is not None and plan.paused_until > start:
        start = plan.paused_until - timedelta(microseconds=1)
    tz = zone(plan.timezone)
    day = start.astimezone(tz).date() - timedelta(days=1)
    for offset in range(9):
        candidate_day = day + timedelta(days=offset)
        if not _wanted(plan, candidate_day.weekday()):
            continue
        moment = datetime.combine(candidate_day, plan.local_time, tzinfo=tz).astimezone(UTC)
        if moment > start:
            return moment
    raise ScheduleError(f"no check-in day found for {plan!r}")  # unreachable for valid plans


def describe(plan: Plan) -> str:
    """The plan in a few words: "every day at 7:30pm", "weekdays at 8:00am", "Sundays at …"."""
    at = clock(plan.local_time)
    if plan.frequency == WEEKDAYS:
        return words.WEEKDAYS_AT.format(time=at)
    if plan.frequency == WEEKLY and plan.weekday is not None:
        return words.WEEKLY_AT.format(day=words.DAY_NAMES[plan.weekday], time=at)
    return words.EVERY_DAY_AT.format(time=at)


def local_moment(moment: datetime, timezone: str) -> str:
    """A UTC moment as the person reads it: "Tuesday 3 March at 7:30pm"."""
    local = moment.astimezone(zone(timezone))
    return words.DAY_AT.format(day=local_day(moment, timezone), time=clock(local.time()))


def local_day(moment: datetime, timezone: str) -> str:
    """The person's day of a UTC moment: "Tuesday 3 March"."""
    local = moment.astimezone(zone(timezone))
    return f"{words.DAY_NAMES[local.weekday()]} {local.day} {local:%B}"


def clock(at: time) -> str:
    """A time of day the way people say it: 19:30 -> "7:30pm"; 00:00 -> "12:00am (midnight)"."""
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    extra = words.MIDNIGHT if (at.hour, at.minute) == (0, 0) else ""
    extra = words.NOON if (at.hour, at.minute) == (12, 0) else extra
    return f"{hour}:{at.minute:02d}{suffix}{extra}"


def parse_time(hhmm: str) -> time | None:
    """A time as the check-in buttons carry it ("0730"); None when it is no valid one."""
    if len(hhmm) != 4 or not hhmm.isdigit():
        return None
    hours, minutes = int(hhmm[:2]), int(hhmm[2:])
    return time(hours, minutes) if hours < 24 and minutes < 60 else None


def _wanted(plan: Plan, weekday: int) -> bool:
    if plan.frequency == WEEKDAYS:
        return weekday < 5
    if plan.frequency == WEEKLY:
        return weekday == plan.weekday
    return True


_CLOCK = re.compile(
    r"^(?:at\s+)?(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2}))?"
    r"\s*(?:(?P<half>[ap])\.?\s*m\.?)?$"
)
_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


def read_time(text: str) -> time | None:
    """A clock time as people type it: "19:30", "7pm", "7.30 pm", "0730", "noon", "21h",
    "20:30 Uhr", "9 in the evening", "8 de la noche", "evening, like 9 pm"; else None.
    "8:30" with nothing to say which half of the day is read as written (8:30);
    `either_half` says when it could be the evening's too."""
    cleaned = _folded(text).strip().rstrip("!")
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    if cleaned.isdigit() and len(cleaned) == 4:
        cleaned = f"{cleaned[:2]}:{cleaned[2:]}"
    match = _CLOCK.match(_UHR.sub("", cleaned).strip())
    if match is None:
        return _in_words(cleaned)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def either_half(text: str) -> bool:
    """Whether a time read from `text` could be the morning's or the evening's: an hour
    from 1 to 11 with no am or pm, no part of the day, no "h" and no leading zero ("8:30",
    "at 9.15"; never "08:30", "8h30", "20:30", "8:30pm", "8:30 in the evening")."""
    cleaned = _folded(text)
    if _LATE.search(cleaned) or _EARLY.search(cleaned):
        return False
    found = _CLOCK_IN.findall(cleaned)
    if len(found) != 1:
        return False
    hour_text, _, half = found[0]
    if half or hour_text.startswith("0") or not 1 <= int(hour_text) <= 11:
        return False
    return re.search(r"\d\s*h(?:\b|\d)|\buhr\b", cleaned) is None


def both_halves(at: time) -> tuple[time, time]:
    """A morning time and the same time in the evening: what "8:30" may mean (`either_half`)."""
    return at, at.replace(hour=at.hour + 12)


def same_half(hours: tuple[time, ...], plan_time: time) -> time:
    """Of a time's morning and evening hours, the one in the same half of the day as
    `plan_time` (the natural reading of "move it to 8:30" when it is at 9pm)."""
    evening = plan_time.hour >= 12
    return next((at for at in hours if (at.hour >= 12) == evening), hours[0])


def _in_words(text: str) -> time | None:
    """One clock time inside words ("9 in the evening", "it is 21h in paris", "evening, like
    9 pm", "alle 9 di sera", "um 20 Uhr"): a part of the day says am or pm, in any of six
    languages; none when there are two times."""
    found = _CLOCK_IN.findall(text)
    if len(found) != 1:
        return None
    hour_text, minute_text, half = found[0]
    hour, minute = int(hour_text), int(minute_text or 0)
    if not half and 1 <= hour <= 11:
        if _LATE.search(text):
            half = "p"
        elif _EARLY.search(text):
            half = "a"
        elif not re.search(r"\d\s*h\b|\d[:.]\d|\buhr\b", text):
            return None  # "9" alone in words could be anything: ask again
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _folded(text: str) -> str:
    """Lowercased, accents folded ("mañana" is "manana", "après-midi" is "apres-midi")."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CLOCK_IN = re.compile(
    r"(?<![\d:])(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(?:([ap])\.?\s*m\b\.?|h\b|o ?clock\b)?"
    r"(?![\d:/%])"
)
_UHR = re.compile(r"\s*\buhr\b")
# Parts of the day that say which half a time is in, in English, Spanish, Portuguese,
# French, Italian and German ("mañana" alone is also "tomorrow": only "de la mañana").
# Said the way each language says it: "en la tarde", "a la noche", "pela manhã", "dans la
# soirée", "nel pomeriggio", "am Nachmittag", "'s avonds".
_LATE = re.compile(
    r"\b(?:evening|night|tonight|afternoon|pm|"
    r"(?:de|por|en|a) la (?:noche|tarde)|de noche|esta noche|esta tarde|"
    r"(?:da|de|a|pela|na|ao fim da|no fim da) (?:noite|tarde)|hoje a noite|"
    r"du soir|ce soir|le soir|en soiree|dans la soiree|(?:de|dans) l apres[ -]midi|"
    r"cet apres[ -]midi|la nuit|"
    r"di sera|la sera|in serata|stasera|di notte|la notte|stanotte|"
    r"(?:del|di|nel|il) pomeriggio|"
    r"abends|am abend|heute abend|nachmittags|am nachmittag|nachts|in der nacht|"
    r"s avonds|s middags|s nachts|todas las (?:noches|tardes)|todas as (?:noites|tardes)|"
    r"tous les soirs|chaque soir|ogni sera|tutte le sere|jeden abend|elke avond)\b"
)
_EARLY = re.compile(
    r"\b(?:morning|am|(?:de|por|en) la manana|(?:da|de|pela|na) manha|du matin|le matin|"
    r"ce matin|en matinee|di mattina|del mattino|la mattina|in mattinata|stamattina|"
    r"morgens|am morgen|vormittags|am vormittag|in der fruh|fruh|frueh|s ochtends|s morgens|"
    r"todas las mananas|todas as manhas|tous les matins|chaque matin|ogni mattina|"
    r"jeden morgen|elke ochtend)\b"
)
