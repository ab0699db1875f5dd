"""What a person typed they want for their check-ins, read where the set-up asks: how often
("every day", "weekdays", "on sundays"), when ("9pm", "half 8", "quarter to 10"), or only a
part of the day ("after school", "in the evening"); and whether they ask which time zone a
time is in ("is that 9pm india time?"). Pure: no I/O.

Rules:
1. Only what is plainly there is read: a time with no morning or evening to it ("half 8")
   is both hours (`hours`), for the person to pick; "once a week" with no day is weekly
   with the day still to ask (WEEKLY_NO_DAY); a frequency there is no plan for ("twice a
   day", "every other day", "weekends") is CANNOT, to say so. Numbers may be words
   ("half eight", "nine in the evening"); so is "8:30" with nothing to say which half
   of the day, where "08:30", "8h30" and "20:30 Uhr" are the clock's.
2. A frequency and a time in one message ("every day around 9 at night") are both read.
3. Words that name no frequency, time or part of the day are not a schedule (None).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import time

from bot.checkins.schedule import both_halves, either_half, read_time

DAILY_CODE = "d"
WEEKDAYS_CODE = "k"
WEEKLY_NO_DAY = "w"  # once a week, the day not said yet
CANNOT = "-"  # a frequency there is no plan for ("twice a day", "weekends only")

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# In English, Spanish, Portuguese, French, Italian, German and Dutch, accents folded
# ("todos los días", "tous les soirs", "jeden Tag", "de segunda a sexta").
_DAILY = re.compile(
    r"\b(?:every\s*day|everyday|daily|each day|every (?:night|evening|morning|afternoon)|"
    r"nightly|all week|7 days a week|seven days a week|"
    r"todos los dias|cada dia|todas las (?:noches|tardes|mananas)|"
    r"todo dia|todos os dias|todas as (?:noites|tardes|manhas)|"
    r"tous les (?:jours|soirs|matins)|chaque (?:jour|soir|matin)|"
    r"ogni (?:giorno|sera|mattina)|tutti i giorni|tutte le sere|"
    r"jeden (?:tag|abend|morgen)|taglich|elke (?:dag|avond|ochtend))\b"
)
_WEEKDAYS = re.compile(
    r"\b(?:week\s?days?(?: only)?|mon(?:day)?s?\s*(?:-|to|through|thru|till|until)\s*fri(?:day)?|"
    r"school\s?days|work\s?days|working days|not (?:on )?weekends|"
    r"entre semana|de lunes a viernes|dias de semana|dias uteis|de segunda a sexta|"
    r"en semaine|du lundi au vendredi|giorni feriali|dal lunedi al venerdi|"
    r"werktags|unter der woche|montags? bis freitags?|doordeweeks)\b"
)
_CANNOT = re.compile(
    r"\b(?:twice|two times|three times|\d+ times) a day\b|\bevery (?:other|second|two|2) days?\b|"
    r"\b(?:only )?(?:on )?weekends?(?: only)?\b|\bnot (?:every ?day|daily)\b|\bevery hour\b"
)
# Hours in words; not "one" ("the evening one" is a button, not 1pm).
_HOURS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_NUMBERS = {word: str(number) for number, word in enumerate((*_HOURS, "twelve"), start=2)}
_NUMBER_WORDS = re.compile(r"\b(?:" + "|".join(_NUMBERS) + r")\b")
_WEEKLY = re.compile(r"\b(?:once a week|one a week|weekly|once every week|every week)\b")
_ONE_DAY = re.compile(
    r"\b(?:every|on|each)\s+(" + "|".join(_DAYS) + r")s?\b|\b(" + "|".join(_DAYS) + r")s\b"
)
# Parts of the day, by the words people use for them (keys: bot/checkins/menus.PERIODS).
_PERIODS = (
    (
        "afternoon",
        re.compile(
            r"\b(?:after school|afternoons?|lunch\s?time|after lunch|"
            r"(?:por|en|a) la tarde|(?:a|de|pela|a) tarde|l apres[ -]midi|"
            r"(?:il|nel|di) pomeriggio|nachmittags|am nachmittag|s middags)\b"
        ),
    ),
    (
        "evening",
        re.compile(
            r"\b(?:evenings?|after work|after dinner|after tea|dinner\s?time|tonight|"
            r"(?:por|en|a) la noche|(?:a|de|pela) noite|le soir|en soiree|ce soir|"
            r"(?:la|di) sera|stasera|abends|am abend|s avonds)\b"
        ),
    ),
    ("night", re.compile(r"\b(?:before bed|bed\s?time|before i sleep|at night|nights?|nightly)\b")),
    (
        "morning",
        re.compile(
            r"\b(?:mornings?|breakfast|when i wake up|before school|before work|"
            r"(?:por|en) la manana|(?:de|pela) manha|le matin|(?:la|di) mattina|"
            r"morgens|am morgen|s ochtends)\b"
        ),
    ),
)
_HALF = re.compile(r"\bhalf\s+(?:past\s+)?(\d{1,2})\b(?!\s*[:.]\d)")
_HALB = re.compile(r"\bhalb\s+(\d{1,2})\b(?!\s*[:.]\d)")  # German "halb 9" is 8:30
_QUARTER = re.compile(r"\bquarter\s+(past|after|to|till)\s+(\d{1,2})\b")
_BARE_HOUR = re.compile(
    r"(?:^|\b(?:at|around|about|by|for|like)\s+)(\d{1,2})(?:\s*ish|\s*o\s?clock)?\s*$"
)
_ZONE_WORDS = re.compile(r"\b(?:time\s?zone|zone|\w+ time|\w+ hour)\b")


@dataclass(frozen=True)
class Wanted:
    """A check-in schedule as typed: any part may be missing."""

    code: str | None = None  # DAILY_CODE, WEEKDAYS_CODE, "w0".."w6", or WEEKLY_NO_DAY
    at: time | None = None  # a clock time, plain
    hours: tuple[time, ...] = ()  # a time that could be morning or evening: both
    period: str | None = None  # a part of the day, when no time was given


def read(text: str) -> Wanted | None:
    """The schedule `text` asks for, or None when it names none (rule 3)."""
    lowered = " ".join(_folded(text).replace("’", "'").replace("o'clock", "oclock").split())
    lowered = _NUMBER_WORDS.sub(lambda word: _NUMBERS[word.group()], lowered)
    code = _frequency(lowered)
    period = _period(lowered)
    hours = _said_hours(lowered, period)  # "half 8" first: the clock would read it as 8
    at = read_time(lowered) if not hours else None
    if at is not None and period is None and either_half(lowered):  # "8:30": which half?
        hours, at = both_halves(at), None
    if len(hours) == 1:
        at, hours = hours[0], ()
    if code is None and at is None and not hours and period is None:
        return None
    return Wanted(code, at, hours, None if at or hours else period)


def asks_zone(text: str) -> bool:
    """Whether `text` asks which time zone a time is in ("is that 9pm india time?",
    "it is 21h in Paris hour, yes?", "what time zone is that?")."""
    lowered = text.lower()
    asked = "?" in lowered or re.search(r"\b(?:is that|is it|which|what)\b", lowered)
    return bool(asked and _ZONE_WORDS.search(lowered))


def _frequency(text: str) -> str | None:
    if _CANNOT.search(text):
        return CANNOT
    day = _ONE_DAY.search(text)
    if day is not None:
        return f"w{_DAYS.index(day.group(1) or day.group(2))}"
    if _WEEKDAYS.search(text):
        return WEEKDAYS_CODE
    if _DAILY.search(text):
        return DAILY_CODE
    if _WEEKLY.search(text):
        return WEEKLY_NO_DAY
    return None


def _period(text: str) -> str | None:
    return next((name for name, words in _PERIODS if words.search(text)), None)


def _said_hours(text: str, period: str | None) -> tuple[time, ...]:
    """A time in words ("half 8", "quarter to 10", "at 9") as the hours it could be: one
    when a part of the day says which, else the morning's and the evening's."""
    minute = 0
    half = _HALF.search(text)
    halb = _HALB.search(text)
    quarter = _QUARTER.search(text)
    bare = _BARE_HOUR.search(text)
    if half is not None:
        hour, minute = int(half.group(1)), 30
    elif halb is not None:
        hour, minute = (int(halb.group(1)) - 1) or 12, 30
    elif quarter is not None:
        hour = int(quarter.group(2))
        minute = 15 if quarter.group(1) in ("past", "after") else 45
        hour = hour - 1 if minute == 45 else hour
        hour = 12 if hour == 0 else hour
    elif bare is not None and read_time(text) is None:
        hour = int(bare.group(1))
    else:
        return ()
    if not 1 <= hour <= 12:
        return (time(hour, minute),) if hour < 24 and (half or quarter) else ()
    morning, evening = time(hour % 12, minute), time(hour % 12 + 12, minute)
    if period in ("evening", "night", "afternoon") or hour == 12:
        return (evening if hour != 12 else time(12, minute),)
    if period == "morning":
        return (morning,)
    return (morning, evening)


def _folded(text: str) -> str:
    """Lowercased, accents folded ("días" is "dias", "täglich" is "taglich")."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
