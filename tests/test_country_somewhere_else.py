""" "Somewhere else" on the country picker shows the international options it promises, with
the emergency-number advice, for a place the directory has no entry for (c6-08 typed
Accra; Ghana has lines since 2026-12-07, so a place not known stands in)."""

from __future__ import annotations

from bot.core import words
from bot.messages import ReplyKind
from tests.fakes import FakeChat

CRISIS = "i want to kill myself"


async def test_somewhere_else_after_a_place_not_known_shows_the_international_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("/country")
    await chat.send("Medellin")
    assert words.COUNTRY_NOT_FOUND in chat.text()

    replies = await chat.tap(words.SOMEWHERE_ELSE)

    assert replies[0].text == words.COUNTRY_INTERNATIONAL
    assert replies[1].kind is ReplyKind.CRISIS
    assert "https://findahelpline.com" in replies[1].text
    assert "In an emergency: your local emergency number" in replies[1].text


async def test_somewhere_else_typed_shows_the_international_lines_too(chat: FakeChat) -> None:
    await chat.send("/country")

    await chat.send("somewhere else")

    assert words.COUNTRY_INTERNATIONAL in chat.text()
    assert "https://findahelpline.com" in chat.text()


async def test_somewhere_else_under_the_crisis_lines_answers_with_the_crisis_reply(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send(CRISIS)
    await chat.tap(words.CHOOSE_MY_COUNTRY)

    replies = await chat.tap(words.SOMEWHERE_ELSE)

    assert replies[1].kind is ReplyKind.CRISIS
    assert "call your local emergency number now" in replies[1].text
    assert "https://findahelpline.com" in replies[1].text
    assert "Are you safe right now?" in replies[1].text
