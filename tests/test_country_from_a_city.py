"""A city named instead of a country (c8-02: a mother in Cape Town got the international
lines and a UK service named): big cities set their country, a city's name qualified by
its state or country is read by that ("london, ontario", "paris, texas"), where the writer
says they are in a question or a crisis is kept before the lines, and no flow names one
country's services to everyone (bot/core/countries.py, bot/core/before_the_step.py)."""

from __future__ import annotations

import re

import pytest

from bot.core import countries
from tests.fakes import FakeChat, shipped_library


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("i live in cape town", "ZA"),
        ("im in sydney", "AU"),
        ("we are in brisbane", "AU"),
        ("i live in firenze", "IT"),
        ("i'm based in warsaw", "PL"),
        ("i live in london", "GB"),
        ("i live in london, ontario", "CA"),
        ("we live in paris, texas", "US"),
        ("i live in perth, scotland", "GB"),
        ("i live in birmingham alabama", "US"),
    ],
)
def test_a_city_where_the_writer_lives_is_its_country(typed: str, code: str) -> None:
    assert countries.lives_in(typed) == code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("from lagos", "NG"),
        ("toronto", "CA"),
        ("cape town", "ZA"),
        ("london, ontario", "CA"),
        ("paris texas", "US"),
        ("sydney, nova scotia", "CA"),
    ],
)
def test_a_city_answering_where_do_you_live_is_its_country(typed: str, code: str) -> None:
    assert countries.find(typed) == code


async def test_a_parent_who_says_where_they_are_in_a_question_gets_their_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("I found cuts on my 16 year old daughter's arm this morning. I'm her mum.")
    await chat.tap("No, but I'm worried")
    await chat.tap("I'm their parent or carer")

    await chat.send("Who can help? We're in Cape Town. Is there someone she could talk to?")

    assert "Support in South Africa" in chat.text()
    assert "CAMHS" not in chat.text()


async def test_a_crisis_that_says_where_the_writer_is_gets_that_countrys_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/start")

    await chat.send("im in toronto and i want to kill myself")

    assert chat.is_crisis()
    assert "911" in chat.first.text and "988" in chat.first.text


def test_no_flow_names_one_countrys_services_to_everyone() -> None:
    for flow in shipped_library().flows.values():
        for node in flow.nodes.values():
            for bubble in node.say:
                assert not re.search(r"\bCAMHS\b|\bNHS\b|\bin the (?:UK|US|USA)\b", bubble), flow.id
