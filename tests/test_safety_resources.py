"""The crisis-resource directory's shape, and the replies built from it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from safety import (
    concern_reply,
    countries,
    country_name,
    crisis_reply,
    forbidden_phrases,
    more_options,
    not_safe_reply,
)
from safety.errors import SafetyError
from safety.resources import directory, parse_directory

OBSOLETE = ["08457 90 90 90", "08457909090", "1850 60 90 90", "1850609090"]
REQUIRED = ["GB", "IE", "US", "CA", "AU", "NZ", "IN", "DE", "FR", "ES", "NL", "ZA"]
ALL_CODES = sorted(directory().countries)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_the_directory_covers_the_reference_countries_and_45_or_more() -> None:
    assert set(REQUIRED) <= set(directory().countries)
    assert len(directory().countries) >= 45


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_country_has_an_emergency_number_and_a_line_open_24_7(code: str) -> None:
    country = directory().countries[code]
    assert country.emergency and all(_digits(number) for number in country.emergency)
    always_open = [line for line in country.lines if line.always_open]
    # A country with no national 24/7 line must say so and why; 112 still leads.
    assert always_open or country.no_24_7_line


def test_countries_without_a_24_7_line_are_the_documented_few() -> None:
    exceptions = sorted(c.code for c in directory().countries.values() if c.no_24_7_line)
    no_line = ["BD", "ET", "TR", "UZ"]  # the emergency number and the international fallback
    assert exceptions == sorted(
        [
            *["AO", "BY", "CI", "CM", "CN", "DK", "EG", "GH", "ID", "IT", "KZ", "MY", "NG"],
            *["RU", "SN", "TZ", "UG", "VN", "ZW", *no_line],
        ]
    )
    for code in no_line:
        assert not directory().countries[code].lines


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_entry_has_a_source_and_a_verified_date(code: str) -> None:
    country = directory().countries[code]
    assert country.source.startswith(("https://", "http://"))
    assert isinstance(country.verified_on, dt.date)
    for line in country.lines:
        assert line.source.startswith(("https://", "http://")), line.name
        # Checked against that source on the day of the check, not the source's own date.
        assert dt.date(2026, 12, 6) <= line.verified_on <= dt.date.today(), line.name
        assert line.source_date, line.name


def test_chat_links_are_https_only() -> None:
    everything = [*directory().countries.values(), directory().fallback]
    for country in everything:
        for line in country.lines:
            assert line.chat is None or line.chat.startswith("https://"), line.name


def test_no_known_obsolete_number_appears_anywhere() -> None:
    texts = [more_options(code) for code in ALL_CODES] + [more_options(None)]
    texts += [crisis_reply(code) for code in ALL_CODES]
    for text in texts:
        flat = _digits(text)
        for number in OBSOLETE:
            assert _digits(number) not in flat


def test_a_chat_link_that_is_not_https_is_refused() -> None:
    data = {
        "fallback": {
            "name": "International",
            "emergency": ["your local emergency number"],
            "source": "https://findahelpline.com",
            "verified_on": "2026-01-01",
            "lines": [
                {
                    "name": "X",
                    "chat": "http://example.org",
                    "hours": "24/7",
                    "for": "everyone",
                    "free": True,
                    "source": "https://example.org",
                    "verified_on": "2026-01-01",
                }
            ],
        },
        "countries": {},
    }
    with pytest.raises(SafetyError, match="https"):
        parse_directory(data)


def test_countries_are_sorted_by_name_for_a_picker() -> None:
    listed = countries()
    assert [name for _, name in listed] == sorted(name for _, name in listed)
    assert ("GB", "United Kingdom") in listed


def test_country_name_knows_codes_in_any_case_and_nothing_else() -> None:
    assert country_name("de") == "Germany"
    assert country_name("XX") is None


def _all_replies() -> list[str]:
    out = []
    for code in [*ALL_CODES, None, "XX"]:
        out += [
            crisis_reply(code),
            crisis_reply(code, immediate=False),
            crisis_reply(code, about_someone_else=True),
            concern_reply(code),
            more_options(code),
            not_safe_reply(code),
        ]
    return out


def test_replies_are_plain_text_short_and_without_tel_links() -> None:
    for text in _all_replies():
        assert 0 < len(text) < 4096
        assert "tel:" not in text
        # Markdown characters, except the star of a star code ("*4141").
        assert not re.search(r"[_`\[\]<>]|\*(?!\d)", text), text


def test_replies_never_contain_forbidden_phrases() -> None:
    for text in _all_replies():
        lowered = text.lower()
        for phrase in forbidden_phrases():
            assert not re.search(rf"\b{re.escape(phrase)}\b", lowered), phrase


def test_an_immediate_crisis_reply_leads_with_the_emergency_number() -> None:
    reply = crisis_reply("GB")
    first = reply.split("\n\n")[0]
    assert "999" in first
    assert "116 123" in reply
    assert "SHOUT to 85258" in reply
    assert "bot" in reply and "can't send help or call anyone" in reply
    assert reply.rstrip().endswith("Are you safe right now?")


def test_the_crisis_reply_fits_someone_who_only_asked_for_the_lines() -> None:
    # /sos gets the same reply as a crisis message: it must not thank them for telling it
    # something they did not say.
    for reply in (crisis_reply("GB"), crisis_reply("US", immediate=False)):
        assert "told me" not in reply
        assert "glad you reached out" in reply


def test_a_crisis_reply_without_immediate_danger_leads_with_a_line() -> None:
    reply = crisis_reply("US", immediate=False)
    assert not reply.startswith("If you are in danger")
    assert reply.index("988") < reply.index("911")
    assert "Are you safe right now?" in reply


def test_the_third_person_reply_says_how_to_help_and_to_look_after_yourself() -> None:
    reply = crisis_reply("AU", about_someone_else=True)
    for words in ("000", "13 11 14", "stay with them", "listen", "don't leave them alone"):
        assert words in reply
    assert "look after yourself" in reply


@pytest.mark.parametrize("code", [None, "XX", "zz"])
def test_unknown_or_missing_country_gets_the_international_fallback(code: str | None) -> None:
    reply = crisis_reply(code)
    assert "your local emergency number" in reply
    assert "https://findahelpline.com" in reply


def test_not_safe_leads_with_the_emergency_number_then_a_line_and_says_it_is_a_bot() -> None:
    reply = not_safe_reply("GB")
    assert reply.startswith("Please call 999 or 112 now")
    assert "Samaritans on 116 123" in reply and "SHOUT to 85258" in reply
    assert "bot" in reply and "can't send help or call anyone" in reply
    assert not_safe_reply(None).startswith("Please call your local emergency number now")
    assert "findahelpline.com" in not_safe_reply(None)


def test_the_concern_reply_is_gentle_and_offers_one_line() -> None:
    reply = concern_reply("IE")
    assert "116 123" in reply
    assert "999" not in reply and "112" not in reply
    assert "bot" in reply


def test_more_options_lists_every_line_for_the_country() -> None:
    text = more_options("AU")
    for line in directory().countries["AU"].lines:
        assert line.name in text
    assert "000" in text


def test_forbidden_phrases_cover_method_words_and_stigma() -> None:
    phrases = forbidden_phrases()
    assert "committed suicide" in phrases
    assert "noose" in phrases
    assert all(phrase == phrase.lower().strip() for phrase in phrases)
