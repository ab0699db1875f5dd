"""Crisis replies that fit what happened (SAFE_MESSAGING.md, Always 10)."""

from __future__ import annotations

import re

import pytest

from safety import crisis_reply, forbidden_phrases, medical_reminder
from safety.replies import lines_reply, more_options


def never_says_a_forbidden_phrase(text: str) -> None:
    lowered = text.lower()
    said = [p for p in forbidden_phrases() if re.search(rf"\b{re.escape(p)}\b", lowered)]
    assert said == []


def test_swallowed_anything_leads_with_medical_help_even_if_they_feel_fine() -> None:
    text = crisis_reply("GB", swallowed=True)
    first = text.split("\n\n")[0]
    assert "999" in first
    assert "even if you feel fine" in first
    assert "116 123" in text  # a line as well
    assert "I'm a bot" in text
    never_says_a_forbidden_phrase(text)


def test_an_injury_gets_firm_pressure_the_red_flags_and_care_today() -> None:
    text = crisis_reply("US", injured=True)
    assert text.startswith("If you are bleeding, press firmly")
    assert "911" in text
    assert "deep or gaping" in text
    assert "urgent care" in text
    never_says_a_forbidden_phrase(text)


def test_swallowed_comes_before_injury_when_both_are_told() -> None:
    both = crisis_reply("GB", swallowed=True, injured=True)
    assert both == crisis_reply("GB", swallowed=True)


@pytest.mark.parametrize("swallowed", [True, False])
def test_a_safe_answer_after_medical_danger_is_never_glad_youre_safe(swallowed: bool) -> None:
    text = medical_reminder("GB", swallowed=swallowed)
    assert "glad you're safe" not in text.lower()
    assert "999" in text
    never_says_a_forbidden_phrase(text)


def test_without_a_country_the_advice_names_the_local_emergency_number() -> None:
    assert "your local emergency number" in crisis_reply(None, swallowed=True)


@pytest.mark.parametrize("country", [None, "FR", "NO", "FI", "GB", "US"])
def test_a_line_s_note_ends_with_one_full_stop(country: str | None) -> None:
    for text in (more_options(country), lines_reply(country, ())):
        assert ".." not in text.replace("...", "")
