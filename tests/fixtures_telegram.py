"""Fixtures for the Telegram tests: the fake Bot API server and settings pointing at it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings, load_settings
from tests.fake_bot_api import Call, FakeBotApi, bot_process
from tests.proxy import TcpProxy

CRISIS_TEXT = "i want to kill myself"
# Seconds: a bound that tells the crisis fast lane from waiting on the fault (another chat's
# retry_after of 4 s, a hung database's 30 s). The target itself, 1 s at p99 under every fault
# that leaves Telegram up, is measured by bench/crisis_latency.py, not asserted here: on two
# shared cores six 5xx answers' backoff alone took 1.15 s once.
DUE = 3.0


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A started fake Bot API server; stopped after the test."""
    with FakeBotApi() as api:
        yield api


def settings_for(api: FakeBotApi, **overrides: Any) -> Settings:
    """Settings pointing the bot at the fake server."""
    return load_settings(
        telegram_bot_token=api.token, telegram_api_base_url=api.base_url, **overrides
    )


def is_crisis_reply(call: Call) -> bool:
    """The United Kingdom's crisis reply (the bots here default to GB)."""
    return all(part in call.text for part in ("116 123", "999", "I'm a bot"))


async def crisis_reply_after(api: FakeBotApi, chat: int, *, timeout: float = 5) -> float:
    """Send the crisis message from `chat`; seconds until its lines were delivered."""
    began = time.monotonic()
    api.inject_text(chat, CRISIS_TEXT)
    await api.wait_for_sent(lambda c: c.chat_id == chat and is_crisis_reply(c), timeout=timeout)
    return time.monotonic() - began


async def crisis_behind_a_hung_database(
    api: FakeBotApi, tmp_path: Path, database: str, *, chat: int, others: int
) -> float:
    """`python -m bot run` on PostgreSQL behind a proxy that then stalls, with `others`
    people's messages waiting: seconds until a crisis message from `chat` got its lines."""
    with TcpProxy(("127.0.0.1", 5432)) as proxy:
        url = database.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        with bot_process(api, tmp_path, "run", env={"DATABASE_URL": url}):
            api.inject_text(chat, "/start")
            await api.wait_for_replies(chat, timeout=30)
            proxy.stall()
            for other in range(1, others + 1):
                api.inject_text(200 + other, "hello")
            await asyncio.sleep(0.3)
            waited = await crisis_reply_after(api, chat, timeout=10)
            proxy.restore()
    return waited
