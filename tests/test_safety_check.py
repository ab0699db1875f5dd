"""`python -m safety resources --check`: what it fails, what it only lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from safety.__main__ import main
from safety.check import check, render
from safety.resources import directory, parse_directory

TODAY = dt.date(2026, 12, 7)


def _line(**changes: Any) -> dict[str, Any]:
    line = {
        "name": "Helpline",
        "phone": "123",
        "hours": "24/7",
        "for": "everyone",
        "free": True,
        "source": "https://example.org/helpline",
        "source_date": "2026-01-01",
        "verified_on": "2026-12-06",
    }
    return {**line, **changes}


def _directory(*lines: dict[str, Any], **country: Any) -> Any:
    entry = {
        "name": "Testland",
        "emergency": ["112"],
        "source": "https://example.org",
        "verified_on": "2026-12-06",
        "lines": list(lines),
        **country,
    }
    fallback = {**entry, "name": "International", "emergency": ["your local emergency number"]}
    return parse_directory({"fallback": fallback, "countries": {"TL": entry}})


def test_the_directory_as_shipped_passes_the_check() -> None:
    report = check(directory(), today=TODAY)
    assert report.passed, report.problems


def test_a_line_without_a_source_url_fails_the_check() -> None:
    report = check(_directory(_line(source="a leaflet")), today=TODAY)
    assert not report.passed
    assert "TL: Helpline: source 'a leaflet' is not a URL" in report.problems


def test_a_country_without_a_24_7_line_or_a_reason_fails_the_check() -> None:
    limited = _line(hours={"zone": "Europe/Paris", "open": ["Mon-Fri 09:00-17:00"]})
    assert (
        "TL: no line open 24/7 and no no_24_7_line reason"
        in check(_directory(limited), today=TODAY).problems
    )
    assert check(_directory(limited, no_24_7_line="only weekdays"), today=TODAY).passed


def test_a_verified_on_date_in_the_future_fails_the_check() -> None:
    report = check(_directory(_line(verified_on="2027-01-01")), today=TODAY)
    assert not report.passed


def test_lines_not_checked_for_180_days_are_listed_but_do_not_fail() -> None:
    report = check(_directory(_line()), today=dt.date(2027, 6, 5))
    assert report.passed
    assert "TL: Helpline (verified 2026-12-06, https://example.org/helpline)" in report.stale
    assert "Lines not checked for 180 days (2):" in render(report)  # TL's and the fallback's


def test_the_command_exits_zero_when_the_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resources", "--check"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("check passed")
