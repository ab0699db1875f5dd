"""Long polling with the spool (issue 21): updates taken from Telegram at once, so a crisis
far back in a backlog, or behind updates stuck on a hung database, is answered within a
second; a kill -9 loses nothing and doubles nothing; /delete leaves nothing in the spool.
Over the fake Bot API, the real Application and Companion (in-process or `python -m bot run`)."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.adapters.telegram.spool import Spool
from bot.core.words import DELETE_ASK, DELETE_DONE, ERASE_YES
from bot.store import Store
from bot.store.vault import Vault, generate_key
from bot.wiring import build, load_data
from tests.fake_bot_api import FakeBotApi, bot_process
from tests.fakes import shipped_library
from tests.fixtures_telegram import (
    DUE,
    crisis_behind_a_hung_database,
    crisis_reply_after,
    settings_for,
)

CHAT = 990101


def spooled_texts(folder: Path, vault: Vault) -> list[str]:
    """Every update in the spool's files, decrypted (what someone with the key would read)."""
    return [
        vault.decrypt(token)
        for path in sorted(folder.glob("*.spool"))
        for token in path.read_text().split()
    ]


async def until_emptied(folder: Path, *, timeout: float = 10) -> None:
    """Until every spool file in `folder` is gone (its updates handled and confirmed)."""
    deadline = time.monotonic() + timeout
    while list(folder.glob("*.spool")):
        assert time.monotonic() < deadline, "the spool was never emptied"
        await asyncio.sleep(0.02)


async def until_confirmed(api: FakeBotApi, update_id: int, *, timeout: float = 10) -> None:
    """Until the bot has asked for updates past `update_id`: Telegram has forgotten it."""
    deadline = time.monotonic() + timeout
    while not any(int(c.params.get("offset") or 0) > update_id for c in api.calls_to("getUpdates")):
        assert time.monotonic() < deadline, f"update {update_id} was never confirmed"
        await asyncio.sleep(0.02)


def adapter_for(api: FakeBotApi, store: Store, spool: Spool) -> TelegramAdapter:
    """The bot as `python -m bot run` makes it, in this process."""
    settings = settings_for(api, waypoint_default_country="GB")
    load_data(settings)  # as `python -m bot run` does: not on the first update assessed
    companion = build(settings, store, library=shipped_library())
    return TelegramAdapter(companion, settings=settings, spool=spool)


@pytest.fixture
async def spooled(
    fake_api: FakeBotApi, sqlite_store: Store, vault: Vault, tmp_path: Path
) -> AsyncIterator[TelegramAdapter]:
    spool = Spool.open(tmp_path / "spool", vault)
    try:
        yield adapter_for(fake_api, sqlite_store, spool)
    finally:
        spool.close()


async def test_a_crisis_behind_a_500_chat_backlog_is_answered_first(
    fake_api: FakeBotApi, spooled: TelegramAdapter
) -> None:
    # Without the spool the poller saw only ~88 updates past the oldest in hand.
    for chat in range(1, 501):
        fake_api.inject_text(1000 + chat, "hello")
    async with spooled.polling(long_poll=1):
        assert await crisis_reply_after(fake_api, CHAT) < DUE


async def test_delete_leaves_nothing_of_the_person_in_the_spool(
    fake_api: FakeBotApi, spooled: TelegramAdapter, vault: Vault, tmp_path: Path
) -> None:
    others = range(992000, 992030)
    async with spooled.polling(long_poll=1):
        fake_api.inject_text(CHAT, "I keep hurting myself when I'm alone")
        fake_api.inject_text(CHAT, "/delete")
        (ask,) = await fake_api.wait_for_sent(lambda c: c.chat_id == CHAT and c.text == DELETE_ASK)
        erase = next(b for row in ask.buttons for b in row if b["text"] == ERASE_YES)
        for other in others:  # these wait in the spool, behind a 429 each, after the tap
            fake_api.fail_next("sendMessage", status=429, retry_after=3, chat_id=other)
        assert ask.message_id is not None
        fake_api.inject_tap(CHAT, ask.message_id, erase["callback_data"])
        for other in others:
            fake_api.inject_text(other, "hello, I hurt myself today")
        await fake_api.wait_for_sent(lambda c: c.chat_id == CHAT and c.text == DELETE_DONE)
        # The tap leaves the spool as soon as the bot has heard Telegram took "Done".
        deadline = time.monotonic() + 1.0
        while [text for text in spooled_texts(tmp_path / "spool", vault) if str(CHAT) in text]:
            assert time.monotonic() < deadline, "the person's words stayed in the spool"
            await asyncio.sleep(0.01)
        assert spooled_texts(tmp_path / "spool", vault), "the others still wait in the spool"


async def test_updates_telegram_still_holds_are_taken_beside_the_spools_after_a_restart(
    fake_api: FakeBotApi, sqlite_store: Store, vault: Vault, tmp_path: Path
) -> None:
    # What a kill -9 with a full spool leaves: the spool holds 10-14; Telegram still holds
    # 5-9 (the spool had no room for them) and 15 (sent after the kill).
    def update(update_id: int) -> dict[str, Any]:
        made = fake_api.text_update(7000 + update_id, "hello")
        return {**made, "update_id": update_id}

    spool = Spool.open(tmp_path / "left", vault)
    await spool.put([(update_id, update(update_id)) for update_id in range(10, 15)])
    spool.close()
    for update_id in [*range(5, 10), 15]:
        fake_api.inject(update(update_id))
    again = adapter_for(fake_api, sqlite_store, Spool.open(tmp_path / "left", vault))
    async with again.polling(long_poll=1):
        for update_id in range(5, 16):
            await fake_api.wait_for_replies(7000 + update_id, timeout=20)
        await until_emptied(tmp_path / "left")
        await asyncio.sleep(0.5)  # anything doubled would have come by now
    counts = {len(fake_api.sent_to(7000 + update_id)) for update_id in range(5, 16)}
    assert len(counts) == 1  # each chat answered once, as every other


async def test_after_a_kill_9_the_spool_is_replayed_nothing_lost_nothing_doubled(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    key = generate_key()
    env = {"WAYPOINT_ENCRYPTION_KEY": key}
    chats = range(993000, 993150)
    with bot_process(fake_api, tmp_path, "run", env=env, log_name="first.log") as first:
        fake_api.inject_text(CHAT, "hello")
        await fake_api.wait_for_replies(CHAT, timeout=30)
        welcome = len(fake_api.sent_to(CHAT))
        # The database hangs (another connection holds SQLite's write lock): nothing can be
        # handled, but every update is taken from Telegram into the spool.
        holder = sqlite3.connect(tmp_path / "bot.db", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        last = max(fake_api.inject_text(chat, "hello") for chat in chats)
        await until_confirmed(fake_api, last)
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGKILL
        holder.rollback()
        holder.close()
    assert all(fake_api.sent_to(chat) == [] for chat in chats)
    spool = tmp_path / "data" / "spool"
    assert len(spooled_texts(spool, Vault([key]))) == len(chats)  # Telegram has none of them

    with bot_process(fake_api, tmp_path, "run", env=env, log_name="second.log"):
        for chat in chats:
            await fake_api.wait_for_replies(chat, timeout=60)
        await until_emptied(spool, timeout=30)
        await asyncio.sleep(1.0)  # anything doubled would have come by now
        assert [len(fake_api.sent_to(chat)) for chat in chats] == [welcome] * len(chats)


async def test_a_crisis_behind_100_updates_stuck_on_a_hung_database_does_not_wait_for_it(
    fake_api: FakeBotApi, tmp_path: Path, database: str
) -> None:
    waited = await crisis_behind_a_hung_database(
        fake_api, tmp_path, database, chat=CHAT, others=100
    )

    assert waited < DUE  # the 1 s target: bench/crisis_latency.py
