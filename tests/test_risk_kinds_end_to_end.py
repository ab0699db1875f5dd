"""Replies that fit the kind of risk (issue 18, SAFE_MESSAGING.md), end to end: through the
real python-telegram-bot Application against the fake Bot API, and through the terminal
chat (`python -m bot chat`, piped). Something swallowed: medical help now, even if you feel
fine, the emergency number first; an injury: firm pressure and when to go; abuse or danger:
the emergency number, then the children's and abuse lines. "I'm safe" after swallowing
something or an injury repeats that medical help is needed, never just "glad you're safe"."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.store import Store
from bot.wiring import build
from tests.fake_bot_api import FakeBotApi
from tests.fakes import shipped_library
from tests.fixtures_telegram import settings_for
from tests.test_terminal import run_chat

CHAT = 777_018
SWALLOWED = "i took a whole box of my sleeping pills about an hour ago"
INJURED = "the cut on my arm won't stop bleeding"
ABUSED = "my dad hits me when he drinks and i'm scared to go home tonight"
SAFE = "yes im safe"
EMERGENCY = "999"  # the United Kingdom's, with 112 beside it
CHILDLINE = "0800 1111"


@dataclass
class Chat:
    api: FakeBotApi

    async def say(self, text: str) -> str:
        """Send text from the person; everything the bot sent back, joined."""
        before = len(self.api.sent_to(CHAT))
        self.api.inject_text(CHAT, text)
        return "\n\n".join(call.text for call in await self.api.wait_for_quiet(CHAT, after=before))


@pytest.fixture
async def telegram(fake_api: FakeBotApi, sqlite_store: Store) -> AsyncIterator[Chat]:
    settings = settings_for(fake_api, waypoint_default_country="GB")
    adapter = TelegramAdapter(
        build(settings, sqlite_store, library=shipped_library()), settings=settings
    )
    async with adapter.polling(long_poll=1):
        yield Chat(fake_api)


def swallowed_advice_first(reply: str) -> bool:
    """Medical help now, even if they feel fine, the emergency number before any helpline."""
    return (
        "even if you feel fine" in reply
        and EMERGENCY in reply
        and reply.index(EMERGENCY) < reply.index("116 123")
    )


def injury_advice(reply: str) -> bool:
    return "press firmly" in reply and EMERGENCY in reply and "emergency department" in reply


def abuse_lines(reply: str) -> bool:
    return (
        EMERGENCY in reply
        and CHILDLINE in reply
        and reply.index(EMERGENCY) < reply.index(CHILDLINE)
    )


async def test_telegram_something_swallowed_gets_medical_help_now_and_again_after_im_safe(
    telegram: Chat,
) -> None:
    assert swallowed_advice_first(await telegram.say(SWALLOWED))

    after = await telegram.say(SAFE)

    assert "even if you feel fine" in after.lower() and EMERGENCY in after
    assert "glad you're safe" not in after.lower()


async def test_telegram_an_injury_gets_first_aid_and_when_to_go_and_again_after_im_safe(
    telegram: Chat,
) -> None:
    assert injury_advice(await telegram.say(INJURED))

    after = await telegram.say(SAFE)

    assert "injury looked at" in after and EMERGENCY in after
    assert "glad you're safe" not in after.lower()


async def test_telegram_abuse_gets_the_emergency_number_then_the_childrens_and_abuse_lines(
    telegram: Chat,
) -> None:
    reply = await telegram.say(ABUSED)

    assert abuse_lines(reply)
    assert "not your fault" in reply


def chat_in_terminal(script: str, folder: Path) -> str:
    folder.mkdir()
    return run_chat(script, folder, WAYPOINT_DEFAULT_COUNTRY="GB")


def test_terminal_gets_the_same_replies_for_each_kind(tmp_path: Path) -> None:
    swallowed = chat_in_terminal(f"{SWALLOWED}\n{SAFE}\n", tmp_path / "swallowed")
    injured = chat_in_terminal(f"{INJURED}\n", tmp_path / "injured")
    abused = chat_in_terminal(f"{ABUSED}\n", tmp_path / "abused")

    assert swallowed_advice_first(swallowed)
    assert swallowed.count("even if you feel fine") + swallowed.count("Even if you feel fine") >= 2
    assert injury_advice(injured)
    assert abuse_lines(abused)
