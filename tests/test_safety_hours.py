"""Opening hours at fixed clocks: open-now first, never a closed line first, when it opens."""

from __future__ import annotations

import datetime as dt

import pytest

from safety import crisis_reply, lines_by_opening, lines_of_kind, more_options
from safety.errors import SafetyError
from safety.hours import is_open, next_opening, opens_phrase, parse_hours


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def names(country: str, now: dt.datetime) -> list[str]:
    return [opening.line.name for opening in lines_by_opening(country, now)]


CHILDREN_DE = "Nummer gegen Kummer (Kinder- und Jugendtelefon)"
HEAL = "Talian HEAL 15555 (Ministry of Health)"
AMICO = "Telefono Amico Italia"


def test_a_24_7_line_is_open_at_any_hour() -> None:
    schedule = parse_hours("test", "24/7")
    assert is_open(schedule, utc(2026, 12, 6, 3, 0)) is True
    assert next_opening(schedule, utc(2026, 12, 6, 3, 0)) is None


def test_a_line_with_unknown_hours_is_neither_open_nor_closed() -> None:
    assert is_open(parse_hours("test", "unknown"), utc(2026, 12, 6, 12, 0)) is None


def test_on_a_sunday_the_german_childrens_line_is_closed_until_monday() -> None:
    sunday_noon_berlin = utc(2026, 12, 6, 11, 0)
    opening = next(
        o for o in lines_by_opening("DE", sunday_noon_berlin) if o.line.name == CHILDREN_DE
    )
    assert opening.open_now is False
    assert opening.status(sunday_noon_berlin) == "closed now, opens tomorrow at 10:00"


def test_on_a_saturday_afternoon_the_german_childrens_line_is_open() -> None:
    saturday_1430_berlin = utc(2026, 12, 5, 13, 30)
    opening = next(
        o for o in lines_by_opening("DE", saturday_1430_berlin) if o.line.name == CHILDREN_DE
    )
    assert opening.open_now is True


def test_summer_time_moves_the_opening_by_an_hour_in_utc() -> None:
    # 12:30 UTC on a Saturday: 14:30 in Berlin in July (CEST), 13:30 in December (CET).
    assert (
        next(
            o for o in lines_by_opening("DE", utc(2026, 7, 4, 12, 30)) if o.line.name == CHILDREN_DE
        ).open_now
        is True
    )
    winter = next(
        o for o in lines_by_opening("DE", utc(2026, 12, 5, 12, 30)) if o.line.name == CHILDREN_DE
    )
    assert winter.open_now is False
    assert winter.status(utc(2026, 12, 5, 12, 30)) == "closed now, opens at 14:00"


def test_the_day_the_clocks_go_forward_a_line_opens_at_its_local_time() -> None:
    # Telefono Amico opens at 10:00 in Rome: 09:00 UTC on Saturday 28 March 2026 (CET),
    # 08:00 UTC on Sunday 29 March (CEST, from 02:00 that morning).
    assert AMICO not in [
        o.line.name for o in lines_by_opening("IT", utc(2026, 3, 28, 8, 30)) if o.open_now
    ]
    assert AMICO in [
        o.line.name for o in lines_by_opening("IT", utc(2026, 3, 29, 8, 30)) if o.open_now
    ]


def test_a_line_closing_at_midnight_is_open_a_minute_before_and_closed_at_midnight() -> None:
    # Kuala Lumpur is UTC+8: 15:59 UTC is 23:59 there, 16:00 UTC is midnight.
    assert lines_by_opening("MY", utc(2026, 12, 6, 15, 59))[0].open_now is True
    closed = lines_by_opening("MY", utc(2026, 12, 6, 16, 0))[0]
    assert closed.line.name == HEAL and closed.open_now is False
    assert closed.status(utc(2026, 12, 6, 16, 0)) == "closed now, opens at 08:00"


def test_a_night_window_belongs_to_the_day_it_started() -> None:
    schedule = parse_hours("test", {"zone": "Europe/Copenhagen", "open": ["Fri 11:00-05:00"]})
    assert is_open(schedule, utc(2026, 12, 5, 2, 0)) is True  # Saturday 03:00, Friday's night
    assert is_open(schedule, utc(2026, 12, 5, 5, 0)) is False  # Saturday 06:00
    opening = next_opening(schedule, utc(2026, 12, 5, 5, 0))
    assert opening is not None
    assert opens_phrase(opening, utc(2026, 12, 5, 5, 0)) == "opens on Friday at 11:00"


def test_a_closed_line_is_never_first_and_closed_lines_come_last() -> None:
    for country in ("DE", "JP", "IT", "MY", "GB"):
        for hour in range(24):
            now = utc(2026, 12, 6, hour, 0)
            ranks = [
                {True: 0, None: 1, False: 2}[o.open_now] for o in lines_by_opening(country, now)
            ]
            assert ranks == sorted(ranks), (country, hour)
            first = lines_by_opening(country, now)[0]
            assert first.open_now is not False or all(
                o.open_now is False for o in lines_by_opening(country, now)
            ), (country, hour)


def test_at_3am_in_tokyo_the_24_7_line_comes_first_and_the_others_say_when_they_open() -> None:
    now = utc(2026, 12, 6, 18, 0)  # 03:00 Monday in Tokyo
    openings = lines_by_opening("JP", now)
    assert openings[0].line.name == "Yorisoi Hotline"
    statuses = {o.line.name: o.status(now) for o in openings}
    assert statuses["Inochi no Denwa (free dial)"] == "closed now, opens at 16:00"
    assert statuses["Yorisoi Hotline, foreign languages (press 2)"] == "closed now, opens at 10:00"


def test_the_crisis_reply_never_offers_a_closed_line_as_the_one_to_call() -> None:
    just_after_midnight_kl = utc(2026, 12, 6, 16, 30)
    reply = crisis_reply("MY", now=just_after_midnight_kl)
    assert reply.startswith("If you are in danger or hurt right now, please call 999 now.")
    assert "Call Talian HEAL" not in reply
    assert "No phone line is open right now" in reply and "opens at 08:00" in reply
    daytime = crisis_reply("MY", now=utc(2026, 12, 6, 4, 0))
    assert "Call Talian HEAL 15555 (Ministry of Health) on 15555" in daytime


def test_at_night_in_italy_the_open_line_is_named_with_who_it_is_for() -> None:
    reply = crisis_reply("IT", now=utc(2026, 12, 6, 0, 30))  # 01:30 in Rome
    assert "Telefono Azzurro on 19696" in reply and "for children and young people" in reply
    assert "02 2327 2327" not in reply
    listing = more_options("IT", now=utc(2026, 12, 6, 0, 30))
    assert "Telefono Amico Italia" in listing and "closed now, opens at 10:00" in listing
    assert listing.index("Telefono Azzurro") < listing.index("Telefono Amico")


def test_without_a_time_no_line_is_said_to_be_open_or_closed() -> None:
    listing = more_options("DE")
    assert "closed now" not in listing and "open now" not in listing
    assert "Monday to Saturday, 14:00 to 20:00" in listing


def test_the_abuse_reply_leads_with_the_emergency_number_then_child_and_abuse_lines() -> None:
    reply = crisis_reply("GB", abuse=True, now=utc(2026, 12, 6, 2, 0))
    assert reply.startswith(
        "If someone is hurting you or you are in danger right now, please call 999 or 112 now."
    )
    assert "Childline on 0800 1111" in reply and "0808 2000 247" in reply
    assert reply.endswith("Are you safe right now?")


def test_the_abuse_reply_falls_back_to_the_crisis_lines_where_there_are_none() -> None:
    reply = crisis_reply("BR", abuse=True)
    assert "188" in reply and reply.startswith("If someone is hurting you")


def test_lines_of_a_kind_are_listed_per_country() -> None:
    assert [line.name for line in lines_of_kind("de", "parents")] == ["Elterntelefon"]
    assert "Childline" in [line.name for line in lines_of_kind("GB", "children")]
    assert [line.name for line in lines_of_kind("US", "lgbtq")] == [
        "The Trevor Project (TrevorLifeline)"
    ]
    assert lines_of_kind("XX", "abuse") == ()
    with pytest.raises(SafetyError, match="kind"):
        lines_of_kind("GB", "everything")


def test_a_country_without_a_national_line_gets_the_emergency_number_and_the_fallback() -> None:
    reply = crisis_reply("TR", now=utc(2026, 12, 6, 12, 0))
    assert "call 112 now" in reply and "https://findahelpline.com" in reply
    assert "No national helpline could be confirmed" in more_options("TR")


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({"zone": "Mars/Olympus", "open": ["daily 09:00-17:00"]}, "IANA"),
        ({"zone": "Europe/Paris", "open": ["weekdays 9-5"]}, "not like"),
        ({"zone": "Europe/Paris", "open": ["Mon-Fri 09:00-09:00"]}, "empty"),
        ("always", "24/7, unknown"),
    ],
)
def test_hours_that_cannot_be_read_are_refused_with_the_reason(hours: object, message: str) -> None:
    with pytest.raises(SafetyError, match=message):
        parse_hours("XX, line 0", hours)


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(SafetyError, match="timezone-aware"):
        lines_by_opening("DE", dt.datetime(2026, 12, 6, 12, 0))
