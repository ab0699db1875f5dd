"""The crisis-resource directory: national lines by country, read once from data/."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources as importlib_resources
from types import MappingProxyType
from typing import Any

import yaml

from safety.errors import SafetyError
from safety.hours import ALWAYS, Schedule, parse_hours

DATA_FILE = "resources.yaml"
# Kinds of line: general crisis support, children and young people, abuse and domestic
# violence, self-harm support, parents and carers, LGBTQ+ people.
KINDS = ("crisis", "children", "abuse", "self_harm", "parents", "lgbtq")


@dataclass(frozen=True)
class Line:
    """One helpline: how to reach it, when, for whom, and where that was checked."""

    name: str
    phone: str | None
    text: str | None
    chat: str | None
    hours: str
    languages: tuple[str, ...]
    audience: str
    free: bool
    source: str
    verified_on: dt.date
    kinds: tuple[str, ...] = ("crisis",)
    schedule: Schedule = ALWAYS
    source_date: str | None = None
    note: str | None = None

    @property
    def always_open(self) -> bool:
        """True when the line answers 24 hours a day, every day."""
        return self.schedule.always


@dataclass(frozen=True)
class Country:
    """The crisis resources for one country (or the international fallback)."""

    code: str
    name: str
    emergency: tuple[str, ...]
    lines: tuple[Line, ...]
    source: str
    verified_on: dt.date
    no_24_7_line: str | None = None
    no_national_line: str | None = None
    left_out: tuple[str, ...] = ()

    @property
    def first_call_line(self) -> Line | None:
        """The line to name first: free and 24/7 if there is one, else any line with a phone."""
        phones = [line for line in self.lines if line.phone]
        ranked = sorted(phones, key=lambda line: (not line.always_open, not line.free))
        return ranked[0] if ranked else None

    @property
    def first_text_line(self) -> Line | None:
        """A way to reach someone without a call: a text line first, then a chat."""
        for line in self.lines:
            if line.text:
                return line
        for line in self.lines:
            if line.chat:
                return line
        return None

    def of_kind(self, kind: str) -> tuple[Line, ...]:
        """This country's lines of one kind (KINDS), in the directory's order."""
        if kind not in KINDS:
            raise SafetyError(f"unknown kind of line {kind!r}; one of {', '.join(KINDS)}")
        return tuple(line for line in self.lines if kind in line.kinds)


@dataclass(frozen=True)
class Directory:
    """Every country in the directory and the international fallback."""

    countries: MappingProxyType[str, Country]
    fallback: Country

    def lookup(self, code: str | None) -> Country:
        """The entry for an ISO alpha-2 code; the fallback for None or an unknown code."""
        if code is None:
            return self.fallback
        return self.countries.get(code.strip().upper(), self.fallback)


def countries() -> list[tuple[str, str]]:
    """(ISO alpha-2 code, English name) for every country in the directory, sorted by name."""
    entries = directory().countries.values()
    return sorted(((c.code, c.name) for c in entries), key=lambda pair: pair[1])


def country_name(code: str) -> str | None:
    """The English name of a country in the directory, or None when it is not there."""
    entry = directory().countries.get(code.strip().upper())
    return entry.name if entry else None


def lines_of_kind(country: str | None, kind: str) -> tuple[Line, ...]:
    """A country's lines of one kind ("children", "abuse", "parents", ...; see KINDS).

    Empty when the country has none of that kind or is not in the directory.
    """
    found = directory()
    entry = found.lookup(country)
    return () if entry is found.fallback and kind != "crisis" else entry.of_kind(kind)


@functools.cache
def directory() -> Directory:
    """The directory, parsed and checked on first use."""
    raw = importlib_resources.files("safety").joinpath("data", DATA_FILE).read_text("utf-8")
    return parse_directory(yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def parse_directory(data: Any) -> Directory:
    """Build a Directory from the YAML structure; SafetyError names the entry that is wrong."""
    if not isinstance(data, dict) or "countries" not in data or "fallback" not in data:
        raise SafetyError(f"{DATA_FILE}: needs top-level 'fallback' and 'countries'")
    fallback = _country("fallback", data["fallback"])
    parsed: dict[str, Country] = {}
    for code, entry in data["countries"].items():
        code = str(code)
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise SafetyError(f"{DATA_FILE}: country code {code!r} is not ISO alpha-2 upper case")
        parsed[code] = _country(code, entry)
    return Directory(countries=MappingProxyType(parsed), fallback=fallback)


def _country(code: str, entry: Any) -> Country:
    where = f"{DATA_FILE}: {code}"
    if not isinstance(entry, dict):
        raise SafetyError(f"{where}: expected a mapping")
    try:
        lines = tuple(
            _line(f"{where}, line {i}", raw) for i, raw in enumerate(entry.get("lines") or ())
        )
        emergency = tuple(str(number) for number in entry["emergency"])
        country = Country(
            code=code,
            name=str(entry["name"]),
            emergency=emergency,
            lines=lines,
            source=str(entry["source"]),
            verified_on=_date(where, entry["verified_on"]),
            # No line at all is no 24/7 line either, for the same reason.
            no_24_7_line=entry.get("no_24_7_line") or entry.get("no_national_line"),
            no_national_line=entry.get("no_national_line"),
            left_out=tuple(str(note) for note in entry.get("left_out") or ()),
        )
    except KeyError as exc:
        raise SafetyError(f"{where}: missing {exc.args[0]!r}") from None
    if not emergency:
        raise SafetyError(f"{where}: needs an emergency number")
    if not lines and not country.no_national_line:
        raise SafetyError(f"{where}: needs a line, or no_national_line with the reason")
    return country


def _line(where: str, raw: Any) -> Line:
    if not isinstance(raw, dict):
        raise SafetyError(f"{where}: expected a mapping")
    try:
        schedule = parse_hours(f"{where} ({raw.get('name')})", raw["hours"])
        kinds = tuple(str(kind) for kind in raw.get("kinds", ("crisis",)))
        line = Line(
            name=str(raw["name"]),
            phone=_optional(raw.get("phone")),
            text=_optional(raw.get("text")),
            chat=_optional(raw.get("chat")),
            hours=schedule.describe(),
            languages=tuple(str(lang) for lang in raw.get("languages", ())),
            audience=str(raw["for"]),
            free=bool(raw["free"]),
            source=str(raw["source"]),
            verified_on=_date(where, raw["verified_on"]),
            kinds=kinds,
            schedule=schedule,
            source_date=_optional(raw.get("source_date")),
            note=_optional(raw.get("note")),
        )
    except KeyError as exc:
        raise SafetyError(f"{where}: missing {exc.args[0]!r}") from None
    if not (line.phone or line.text or line.chat):
        raise SafetyError(f"{where}: {line.name} needs a phone, text or chat")
    if line.chat and not line.chat.startswith("https://"):
        raise SafetyError(f"{where}: {line.name} chat link must be https")
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or not kinds:
        raise SafetyError(f"{where}: {line.name} kinds {unknown} not among {', '.join(KINDS)}")
    return line


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def _date(where: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SafetyError(f"{where}: verified_on {value!r} is not YYYY-MM-DD") from None
