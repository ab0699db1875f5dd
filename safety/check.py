"""The directory's own check: what `python -m safety resources --check` holds every entry to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safety.resources import Directory

STALE_AFTER_DAYS = 180


@dataclass(frozen=True)
class Report:
    """What the check found: `problems` fail it; `stale` lines are listed for re-checking."""

    problems: tuple[str, ...]
    stale: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """True when nothing is wrong (stale lines alone do not fail the check)."""
        return not self.problems


def check(found: Directory, *, today: dt.date, stale_after: int = STALE_AFTER_DAYS) -> Report:
    """Every country has an emergency number and a 24/7 line or a reason it has none; every
    line has a source URL and a `verified_on` no later than `today`. Lines last checked more
    than `stale_after` days before `today` are listed, not failed."""
    problems: list[str] = []
    stale: list[str] = []
    cutoff = today - dt.timedelta(days=stale_after)
    for code, country in [("fallback", found.fallback), *sorted(found.countries.items())]:
        national = country is not found.fallback
        if national and not any(any(ch.isdigit() for ch in n) for n in country.emergency):
            problems.append(f"{code}: no emergency number")
        always = any(line.always_open for line in country.lines)
        if national and not always and not country.no_24_7_line:
            problems.append(f"{code}: no line open 24/7 and no no_24_7_line reason")
        for line in country.lines:
            where = f"{code}: {line.name}"
            if not line.source.startswith(("https://", "http://")):
                problems.append(f"{where}: source {line.source!r} is not a URL")
            if line.verified_on > today:
                problems.append(f"{where}: verified_on {line.verified_on} is in the future")
            if line.verified_on < cutoff:
                stale.append(f"{where} (verified {line.verified_on}, {line.source})")
    return Report(problems=tuple(problems), stale=tuple(stale))


def render(report: Report, *, stale_after: int = STALE_AFTER_DAYS) -> str:
    """The report as text: problems first, then the lines due for a re-check."""
    lines = [f"Problems ({len(report.problems)}):"]
    lines += [f"  {problem}" for problem in report.problems] or ["  none"]
    lines.append(f"Lines not checked for {stale_after} days ({len(report.stale)}):")
    lines += [f"  {entry}" for entry in report.stale] or ["  none"]
    lines.append("check passed" if report.passed else "check FAILED")
    return "\n".join(lines)
