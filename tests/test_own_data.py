"""Privacy: what a person types is never stored in the clear or logged; stats hold no ids."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.core.questions import AskedSafe
from bot.ops.logs import KeyValueFormatter, configure_logging
from bot.ops.stats import print_stats
from bot.store import Store
from tests.fake_bot_api import FakeBotApi
from tests.fakes import START, FakeChat, every_raw_value, shipped_library
from tests.fixtures_telegram import settings_for

WIN = "walked-to-the-lighthouse-4471 with Priya"
HELPED = "humming-zebra-song-9952"
CHAT_ID = 881234567


async def keep_a_win(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.press("!go:wins:add")
    await chat.send(WIN)
    await chat.send(HELPED)


async def test_kept_words_typed_through_the_bot_are_nowhere_in_the_raw_tables(store: Store) -> None:
    chat = FakeChat.on(store)
    await keep_a_win(chat)
    await chat.send("/wins")
    assert WIN in chat.text()  # kept, and shown back decrypted

    raw = await every_raw_value(store)

    assert "lighthouse" not in raw
    assert "Priya" not in raw
    assert "zebra" not in raw


async def test_the_question_a_person_was_left_with_is_encrypted(store: Store) -> None:
    # "Are you safe right now?" still open says they were just shown the crisis lines.
    chat = FakeChat.on(store)
    await chat.send("everything is pointless")  # asks "are you thinking about suicide?"
    assert "'suicide'" not in await every_raw_value(store)  # no column holds it in the clear
    await chat.send("i want to kill myself")  # the lines, ending "are you safe right now?"

    assert "'safe'" not in await every_raw_value(store)
    async with store.person(chat.person, now=chat.now) as person:
        assert isinstance(person.question, AskedSafe)  # and read back decrypted


async def test_kept_words_are_nowhere_in_the_sqlite_files_on_disk(sqlite_store: Store) -> None:
    chat = FakeChat.on(sqlite_store)
    await keep_a_win(chat)
    await sqlite_store.close()

    database = Path(sqlite_store.engine.url.database or "")
    files = [p for p in database.parent.iterdir() if p.name.startswith(database.name)]
    assert files
    for path in files:
        content = path.read_bytes()
        assert b"lighthouse" not in content, path.name
        assert b"zebra" not in content, path.name


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    """Everything every logger writes at DEBUG, formatted as in production."""
    configure_logging("DEBUG")
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(KeyValueFormatter())
    logging.getLogger().addHandler(handler)
    try:
        yield output
    finally:
        logging.getLogger().removeHandler(handler)
        configure_logging("WARNING")


async def test_a_whole_conversation_leaves_no_words_names_or_ids_in_the_logs(
    fake_api: FakeBotApi, sqlite_store: Store, captured_logs: io.StringIO
) -> None:
    from bot.wiring import build

    settings = settings_for(fake_api, waypoint_default_country="GB")
    companion = build(settings, sqlite_store, library=shipped_library())
    adapter = TelegramAdapter(companion, settings=settings)
    said = [
        "/start",
        "tell me more",
        "yes",
        "my name is Priya Lighthouse and i want to kill myself",
        "i really want to cut tonight",
        f"/start {HELPED}",
    ]
    async with adapter.polling(long_poll=1):
        for message in said:
            before = len(fake_api.sent_to(CHAT_ID))
            fake_api.inject_text(CHAT_ID, message)
            await fake_api.wait_for_quiet(CHAT_ID, after=before)

    logs = captured_logs.getvalue()
    assert logs  # the bot did log, at DEBUG
    for secret in ("Priya", "Lighthouse", "kill myself", "cut tonight", "zebra", str(CHAT_ID)):
        assert secret not in logs, secret
    assert fake_api.token not in logs


async def test_stats_are_counts_only(store: Store) -> None:
    chat = FakeChat.on(store, default_country="GB", person_id=str(CHAT_ID))
    await keep_a_win(chat)
    await chat.send("i want to kill myself")
    out = io.StringIO()

    await print_stats(store, out=out, today=START.date())

    report = out.getvalue()
    assert "people: 1" in report
    assert "crisis replies: 1" in report
    assert str(CHAT_ID) not in report
    assert "lighthouse" not in report
