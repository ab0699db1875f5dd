"""A country typed after a crisis reply: that country's lines, at once (bot/core/choices.py)."""

from __future__ import annotations

from datetime import timedelta

from bot.messages import ReplyKind
from tests.fakes import FakeChat

CRISIS = "i want to kill myself"


async def test_a_country_typed_after_a_crisis_reply_shows_its_lines_at_once(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send(CRISIS)
    await chat.send("hello")  # something else first: "are you safe?" is no longer open

    replies = await chat.send("Alemania")

    assert "Germany" in replies[0].text
    assert replies[1].kind is ReplyKind.CRISIS and "112" in replies[1].text


async def test_a_country_typed_with_no_crisis_this_episode_just_carries_on(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    replies = await chat.send("germany")

    assert "Germany" in replies[0].text
    assert all(reply.kind is not ReplyKind.CRISIS for reply in replies)


async def test_a_country_typed_long_after_the_crisis_reply_carries_on(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send(CRISIS)
    chat.now += timedelta(days=1)  # a new episode

    replies = await chat.send("germany")

    assert all(reply.kind is not ReplyKind.CRISIS for reply in replies)
