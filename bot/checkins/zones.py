"""Time zones people can pick: by country (tzdata's zone1970.tab), or by region of the world."""

from __future__ import annotations

import functools
import importlib.resources
import zoneinfo
from dataclasses import dataclass

from bot.core import countries

# Region buttons: a short code (fits in a button id) and the zone-name prefixes; what each
# button says is in words.CHECKIN_REGIONS.
REGIONS: dict[str, tuple[str, ...]] = {
    "eu": ("Europe/",),
    "af": ("Africa/",),
    "am": ("America/",),
    "as": ("Asia/",),
    "au": ("Australia/", "Pacific/", "Antarctica/"),
    "oc": ("Atlantic/", "Indian/"),
}


@dataclass(frozen=True)
class Zone:
    """An IANA zone with a label a person recognises ("Sydney (New South Wales)")."""

    name: str
    label: str


def for_country(country: str | None) -> list[Zone]:
    """The zones used in a country, by ISO code; [] when unknown."""
    if country is None:
        return []
    return sorted(_by_country().get(country.upper(), []), key=_most_people_first)


def in_region(code: str) -> list[Zone]:
    """Every zone in a region (see REGIONS), sorted by label; [] for an unknown code."""
    if code not in REGIONS:
        return []
    prefixes = REGIONS[code]
    found = {
        zone.name: zone
        for zones in _by_country().values()
        for zone in zones
        if zone.name.startswith(prefixes)
    }
    return sorted(found.values(), key=_most_people_first)


def city(name: str) -> str:
    """The place a zone is named after: "America/New_York" -> "New York"."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


def _most_people_first(zone: Zone) -> tuple[bool, bool, str]:
    """Zones covering "most areas" of a country first, then whole regions, then the rest."""
    _, _, comment = zone.label.partition(" – ")
    return ("most areas" not in comment, " - " in comment or "(" in comment, zone.label)


@functools.cache
def _by_country() -> dict[str, list[Zone]]:
    """Country code -> zones, read once from tzdata (or zoneinfo's own list without it)."""
    try:
        table = importlib.resources.files("tzdata.zoneinfo").joinpath("zone1970.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return {"": [Zone(name, city(name)) for name in sorted(zoneinfo.available_timezones())]}
    countries: dict[str, list[Zone]] = {}
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        codes, _, name, *comment = line.split("\t")
        label = city(name)
        if comment and len(comment[0]) <= 32:
            label = f"{label} – {comment[0]}"
        for code in codes.split(","):
            countries.setdefault(code, []).append(Zone(name, label))
    return countries


def find(text: str) -> Zone | None:
    """The zone a person typed: an IANA name ("Europe/London") or a city ("new york")."""
    wanted = " ".join(text.strip().replace("_", " ").split()).casefold()
    if not wanted:
        return None
    known = {zone.name: zone for zones in _by_country().values() for zone in zones}
    for name, zone in known.items():
        if name.replace("_", " ").casefold() == wanted or city(name).casefold() == wanted:
            return zone
    exact = text.strip()
    if "/" in exact and exact in zoneinfo.available_timezones():
        return Zone(exact, city(exact))
    return None


def named_in(text: str) -> list[Zone]:
    """The zones a message names: a city or zone name in it ("Paris", "21h in Paris",
    "Europe, Paris"), else a country's ("india time": Kolkata), most people's first; []
    for none."""
    said = text.replace("?", " ").replace(",", " ").replace(".", " ").split()
    for size in (3, 2, 1):
        for start in range(len(said) - size + 1):
            zone = find(" ".join(said[start : start + size]))
            if zone is not None:
                return [zone]
    named = countries.mentioned(text)
    return for_country(named[0]) if named else []
