"""A country the crisis-line directory has no entry for ("Peru") is still a country: typed,
it shows the international lines in the same turn and is kept; a word for a country's
people counts only said of the writer; "Somewhere else" is remembered over a deployment's
default country (bot/core/countries.py, rules 6 and 7; issue 19 point 3)."""

from __future__ import annotations

import pytest

from bot.core import countries, words
from bot.messages import ReplyKind
from bot.store import Store
from tests.fakes import FakeChat

INTERNATIONAL = "https://findahelpline.com"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Peru", "PE"), ("peru, lima", "PE"), ("colombia", "CO"), ("uae", "AE")],
)
def test_a_country_without_lines_is_still_a_country(typed: str, code: str) -> None:
    assert countries.find(typed) == code
    assert not countries.has_lines(code)
    assert countries.name(code) is not None


@pytest.mark.parametrize("typed", ["chad", "jordan", "georgia", "my friend jordan"])
def test_a_countrys_name_that_is_an_everyday_word_is_never_read(typed: str) -> None:
    assert countries.find(typed) is None
    assert countries.mentioned(typed) == ()


@pytest.mark.parametrize(
    "typed", ["my mum is polish", "my boyfriend is american lol", "she's irish, is there a line?"]
)
def test_a_word_for_someone_elses_people_is_no_country(typed: str) -> None:
    assert countries.find(typed) is None
    assert countries.mentioned(typed) == ()


@pytest.mark.parametrize(
    ("typed", "code"),
    [("I'm polish", "PL"), ("i'm from poland", "PL"), ("we are irish", "IE"), ("polish", "PL")],
)
def test_a_word_for_the_writers_people_is_their_country(typed: str, code: str) -> None:
    assert countries.find(typed) == code


async def test_a_typed_country_without_lines_shows_the_international_lines_at_once(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("/country")

    replies = await chat.send("Peru")

    assert replies[0].text == words.COUNTRY_NO_LINES.format(name="Peru")
    assert replies[1].kind is ReplyKind.CRISIS
    assert INTERNATIONAL in replies[1].text
    assert words.COUNTRY_ASK not in chat.text()  # no second tap needed


async def test_a_country_without_lines_typed_under_the_crisis_lines_gets_the_crisis_reply(
    chat: FakeChat,
) -> None:
    await chat.send("i want to kill myself")
    await chat.tap(words.CHOOSE_MY_COUNTRY)

    replies = await chat.send("peru")

    assert replies[1].kind is ReplyKind.CRISIS
    assert "Are you safe right now?" in replies[1].text
    assert INTERNATIONAL in replies[1].text


async def test_my_mum_is_polish_at_the_country_question_sets_no_country(chat: FakeChat) -> None:
    await chat.send("/country")

    await chat.send("my mum is polish")

    assert "Poland" not in chat.text()


async def test_somewhere_else_is_remembered_over_the_default_country(sqlite_store: Store) -> None:
    chat = FakeChat.on(sqlite_store, default_country="GB")
    await chat.send("/country")
    await chat.tap(words.SOMEWHERE_ELSE)

    await chat.send("/sos")

    assert INTERNATIONAL in chat.text()
    assert "999" not in chat.text()  # never the default's lines in its place
    assert "Samaritans" not in chat.text()


async def test_mydata_says_somewhere_else_was_chosen(chat: FakeChat) -> None:
    await chat.send("/country")
    await chat.tap(words.SOMEWHERE_ELSE)

    await chat.send("/mydata")

    assert words.MYDATA_COUNTRY.format(country=words.SOMEWHERE_ELSE) in chat.text()
