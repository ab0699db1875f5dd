"""Which lines answer now: a country's lines with the open ones first, and when the rest open.

Rule: a line that is closed at `now` is never first. Lines open now come first, then lines
whose hours are not known, then closed ones (each with the time it opens, in its own zone).
Within each group general crisis lines come before lines for one group of people, free
before paid, then the directory's order. Without `now` a 24/7 line counts as open and any
other as not known, so callers that pass no time still never hear a line promised open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safety.hours import is_open, next_opening, opens_phrase
from safety.resources import Country, Line, directory


@dataclass(frozen=True)
class Opening:
    """A line and whether it answers now: True, False (closed) or None (not known)."""

    line: Line
    open_now: bool | None
    opens_at: dt.datetime | None = None

    def status(self, now: dt.datetime | None) -> str:
        """'open now', 'closed now, opens at 16:00', 'open 24/7' or '' (not known)."""
        if self.line.always_open:
            return "open 24/7"
        if self.open_now:
            return "open now"
        if self.open_now is False and self.opens_at and now:
            return f"closed now, {opens_phrase(self.opens_at, now)}"
        if self.open_now is False:
            return "closed now"
        return ""


def lines_by_opening(country: str | None, now: dt.datetime | None) -> list[Opening]:
    """Every line for `country` (ISO alpha-2; the fallback for None or unknown), open now
    first (rules above). `now` is an aware datetime (UTC), or None for "time unknown"."""
    return order(directory().lookup(country).lines, now)


def in_order(
    entry: Country, now: dt.datetime | None, *, kinds: tuple[str, ...] = ()
) -> list[Opening]:
    """`entry`'s lines (only those of `kinds`, when given), open now first."""
    lines = [line for line in entry.lines if not kinds or set(kinds) & set(line.kinds)]
    return order(lines, now)


def order(lines: tuple[Line, ...] | list[Line], now: dt.datetime | None) -> list[Opening]:
    """`lines` as Openings at `now`, open first, closed last (rules above)."""
    openings = [_opening(line, now) for line in lines]
    rank = {True: 0, None: 1, False: 2}
    indexed = list(enumerate(openings))
    indexed.sort(
        key=lambda pair: (
            rank[pair[1].open_now],
            "crisis" not in pair[1].line.kinds,
            not pair[1].line.free,
            pair[0],
        )
    )
    return [opening for _, opening in indexed]


def _opening(line: Line, now: dt.datetime | None) -> Opening:
    if line.always_open:
        return Opening(line, True)
    if now is None:
        return Opening(line, None)
    state = is_open(line.schedule, now)
    opens_at = next_opening(line.schedule, now) if state is False else None
    return Opening(line, state, opens_at)
