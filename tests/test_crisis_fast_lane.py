"""The crisis fast lane under real faults (issue 21): another chat's 429, 5xx answers in a
row, a flood before the crisis, a backlog, a hung database, a stop while the lines are
still not delivered. Over the fake Bot API, the real Application and Companion."""

from __future__ import annotations

import asyncio
import http.client
import time
import urllib.parse
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

import bot.adapters.telegram.adapter as telegram_adapter
from bot.adapters.telegram.adapter import TelegramAdapter
from bot.core.words import SLOW_DOWN, SORRY
from bot.messages import Person, Platform
from bot.store import Store
from bot.wiring import build
from tests.fake_bot_api import FakeBotApi, post_webhook
from tests.fakes import shipped_library
from tests.fixtures_telegram import (
    CRISIS_TEXT,
    DUE,
    crisis_behind_a_hung_database,
    crisis_reply_after,
    is_crisis_reply,
    settings_for,
)

CHAT = 990001
OTHER = 990002


@pytest.fixture
async def adapter(fake_api: FakeBotApi, sqlite_store: Store) -> TelegramAdapter:
    settings = settings_for(fake_api, waypoint_default_country="GB")
    companion = build(settings, sqlite_store, library=shipped_library())
    return TelegramAdapter(companion, settings=settings)


@pytest.fixture
async def running(adapter: TelegramAdapter) -> AsyncIterator[TelegramAdapter]:
    async with adapter.polling(long_poll=1):
        yield adapter


async def test_another_chats_429_holds_that_chat_only(
    fake_api: FakeBotApi, running: TelegramAdapter
) -> None:
    fake_api.fail_next("sendMessage", status=429, retry_after=4, chat_id=OTHER)
    fake_api.inject_text(OTHER, "hello")
    (limited,) = await fake_api.wait_for_call("sendMessage", status=429)
    held_from = time.monotonic()
    assert await crisis_reply_after(fake_api, CHAT) < DUE
    assert fake_api.sent_to(OTHER) == []  # still waiting out its own retry_after
    await fake_api.wait_for_replies(OTHER, timeout=8)
    assert time.monotonic() - held_from >= 3.5
    assert limited.chat_id == OTHER


async def test_six_5xx_answers_in_a_row_still_deliver_the_lines_and_no_apology(
    fake_api: FakeBotApi, running: TelegramAdapter
) -> None:
    fake_api.fail_next("sendMessage", status=500, times=6)
    assert await crisis_reply_after(fake_api, CHAT) < DUE
    await asyncio.sleep(0.3)
    statuses = [call.status for call in fake_api.calls_to("sendMessage")]
    assert statuses[:7] == [500] * 6 + [200]
    assert SORRY not in [call.text for call in fake_api.sent_to(CHAT)]


async def test_a_flood_before_a_crisis_never_silences_the_buttons_under_the_lines(
    fake_api: FakeBotApi, running: TelegramAdapter
) -> None:
    for _ in range(13):
        fake_api.inject_text(CHAT, "hi")
    await fake_api.wait_for_sent(lambda c: c.chat_id == CHAT and c.text == SLOW_DOWN)
    assert await crisis_reply_after(fake_api, CHAT) < DUE
    lines = next(c for c in fake_api.sent_to(CHAT) if is_crisis_reply(c))
    assert lines.message_id is not None
    for label in ("Keep talking with me", "Choose my country", "My safety plan"):
        data = next(
            (b["callback_data"] for row in lines.buttons for b in row if b["text"] == label), None
        )
        if data is None:
            continue
        before = len(fake_api.sent_to(CHAT))
        fake_api.inject_tap(CHAT, lines.message_id, data)
        await fake_api.wait_for_replies(CHAT, count=before + 1, timeout=DUE + 1)


async def test_a_crisis_behind_a_backlog_is_seen_and_answered_first(
    fake_api: FakeBotApi, adapter: TelegramAdapter
) -> None:
    for chat in range(1, 61):  # more than the bot handles at once; within what it looks ahead
        fake_api.inject_text(100 + chat, "hello")
    async with adapter.polling(long_poll=1):
        assert await crisis_reply_after(fake_api, CHAT) < DUE
        for chat in range(1, 61):
            await fake_api.wait_for_replies(100 + chat, timeout=20)


async def test_lines_not_delivered_by_the_time_the_bot_stops_are_not_confirmed(
    fake_api: FakeBotApi, sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(telegram_adapter, "STOP_GRACE", 0.5)
    settings = settings_for(fake_api, waypoint_default_country="GB")
    companion = build(settings, sqlite_store, library=shipped_library())
    fake_api.fail_next("sendMessage", status=502, times=100_000, chat_id=CHAT)
    async with TelegramAdapter(companion, settings=settings).polling(long_poll=1):
        crisis = fake_api.inject_text(CHAT, CRISIS_TEXT)
        await fake_api.wait_for_call("sendMessage", count=5, status=502)
    offsets = [int(c.params.get("offset") or 0) for c in fake_api.calls_to("getUpdates")]
    assert max(offsets) <= crisis  # Telegram still holds it
    assert fake_api.sent_to(CHAT) == []  # and no apology went out in place of the lines

    fake_api.recover()  # Telegram takes this chat's messages again
    again = TelegramAdapter(
        build(settings, sqlite_store, library=shipped_library()), settings=settings
    )
    async with again.polling(long_poll=1):
        await fake_api.wait_for_sent(lambda c: c.chat_id == CHAT and is_crisis_reply(c))


async def test_a_hung_database_with_others_waiting_does_not_hold_the_crisis_lines(
    fake_api: FakeBotApi, tmp_path: Path, database: str
) -> None:
    waited = await crisis_behind_a_hung_database(fake_api, tmp_path, database, chat=CHAT, others=10)

    assert waited < DUE  # the 1 s target: bench/crisis_latency.py


# -- the webhook: the secret before the body, a size limit, types checked (D6, D12) --------------


@pytest.fixture
async def webhook(
    fake_api: FakeBotApi, sqlite_store: Store, unused_tcp_port: int
) -> AsyncIterator[tuple[str, str]]:
    url, secret = f"http://127.0.0.1:{unused_tcp_port}/hook", "a-secret-of-sixteen-or-more"
    settings = settings_for(
        fake_api, webhook_url=url, webhook_secret=secret, waypoint_default_country="GB"
    )
    companion = build(settings, sqlite_store, library=shipped_library())
    adapter = TelegramAdapter(companion, settings=settings)
    async with adapter.webhook(listen="127.0.0.1", port=unused_tcp_port):
        yield url, secret


def raw_post(url: str, headers: dict[str, str], body: bytes) -> int:
    """POST with only the headers given, sending the body only if asked for after them."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    connection.putrequest("POST", parts.path)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    try:
        if body:
            connection.send(body)
    except OSError:
        pass  # the server closed the connection: what we want
    return connection.getresponse().status


async def test_the_webhook_refuses_a_body_without_the_secret_before_reading_it(
    webhook: tuple[str, str],
) -> None:
    url, _ = webhook
    # 95 MB announced, none sent: the answer comes from the headers alone.
    headers = {"Content-Type": "application/json", "Content-Length": str(95 * 2**20)}
    status = await asyncio.to_thread(raw_post, url, headers, b"")
    assert status == 403


async def test_the_webhook_refuses_a_body_over_a_megabyte(webhook: tuple[str, str]) -> None:
    url, secret = webhook
    headers = {
        "Content-Type": "application/json",
        "Content-Length": str(2 * 2**20),
        "X-Telegram-Bot-Api-Secret-Token": secret,
    }
    assert await asyncio.to_thread(raw_post, url, headers, b"") == 413


async def test_the_webhook_passes_over_updates_with_the_wrong_types_and_stores_nothing(
    fake_api: FakeBotApi, webhook: tuple[str, str], sqlite_store: Store
) -> None:
    url, secret = webhook
    forged = []
    for bad_id in ("12x", 1.5, True, None, 2**60, [1]):
        update = fake_api.text_update(CHAT, "hello")
        update["update_id"] = bad_id
        forged.append(update)
    wrong_chat = fake_api.text_update(CHAT, "hello")
    wrong_chat["message"]["chat"]["id"] = [CHAT]
    wrong_text = fake_api.text_update(CHAT, "hello")
    wrong_text["message"]["text"] = {"a": 1}
    for update in [*forged, wrong_chat, wrong_text]:
        assert await asyncio.to_thread(post_webhook, url, update, secret=secret) == 200
    assert fake_api.sent_to(CHAT) == []
    assert not await sqlite_store.has_person(Person(Platform.TELEGRAM, str(CHAT)))
    update = fake_api.text_update(CHAT, CRISIS_TEXT)
    assert await asyncio.to_thread(post_webhook, url, update, secret=secret) == 200
    assert is_crisis_reply(fake_api.sent_to(CHAT)[0])
