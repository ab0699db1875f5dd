"""The country question ("Where do you live?", the picker) reads a country named anywhere in
the answer, also while "are you safe right now?" stays open above it (c6-08); everyday
answers set no country (bot/core/listening.py, bot/core/countries.py)."""

from __future__ import annotations

import pytest

from bot.core import countries, words
from bot.messages import ReplyKind
from tests.fakes import FakeChat

CRISIS = "i want to kill myself"
EVERYDAY = (
    "i would rather not say",
    "at home with my mum",
    "i am in a bad place",
    "in my room",
    "i dont know",
)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("en France", "FR"),
        ("we're in the north of France", "FR"),
        ("I live in a small town in France", "FR"),
        ("Lyon, France", "FR"),
        ("it is in Nigeria, Lagos", "NG"),
    ],
)
def test_a_country_named_anywhere_in_the_answer_is_found(typed: str, code: str) -> None:
    assert countries.find(typed) == code


@pytest.mark.parametrize("typed", EVERYDAY)
def test_everyday_answers_name_no_country(typed: str) -> None:
    assert countries.find(typed) is None
    assert countries.lives_in(typed) is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [("nairobi", "KE"), ("Accra", "GH"), ("i live in kumasi", "GH"), ("im kenyan", "KE")],
)
def test_the_countries_added_in_2026_12_are_read_by_their_cities_and_people(
    typed: str, code: str
) -> None:
    assert countries.find(typed) == code


@pytest.mark.parametrize("typed", ["Peru, Lima", "i live in lima peru", "Peru"])
def test_a_place_without_lines_sounds_like_a_place(typed: str) -> None:
    assert countries.sounds_like_a_place(typed)


async def test_a_country_in_a_sentence_answers_the_picker_under_the_crisis_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send(CRISIS)
    await chat.tap(words.CHOOSE_MY_COUNTRY)

    replies = await chat.send("we're in the north of France")

    assert "France" in replies[0].text
    assert replies[1].kind is ReplyKind.CRISIS and "3114" in replies[1].text


async def test_a_country_in_a_sentence_answers_the_country_command(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/country")

    await chat.send("I live in a small town in France")

    assert "France" in chat.first.text


# A country without lines ("Peru, Lima") shows the international ones at once:
# tests/test_country_without_lines.py. A place not known as a country gets the picker.
@pytest.mark.parametrize("typed", ["Medellin", "i live in cusco"])
async def test_a_place_not_known_as_a_country_offers_the_picker_again(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.send(CRISIS)
    await chat.tap(words.CHOOSE_MY_COUNTRY)

    await chat.send(typed)

    assert words.COUNTRY_NOT_FOUND in chat.text()
    assert words.SOMEWHERE_ELSE in chat.buttons()


@pytest.mark.parametrize("typed", EVERYDAY)
async def test_everyday_answers_to_the_country_question_set_no_country(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.send("/country")

    await chat.send(typed)

    assert not any(reply.text.startswith("Thanks. I'll show") for reply in chat.last)
