"""The database away at start and mid-run: `python -m bot run` on PostgreSQL behind a TCP proxy."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.core.companion import CRISIS_PATIENCE
from bot.core.talk import KEEP_TALKING, MORE_HELP
from bot.core.words import SLOW_DOWN, SORRY, STAY_WITH_YOU
from bot.messages import Reply, ReplyKind
from bot.store import Store
from bot.store.vault import Vault, generate_key
from tests.fake_bot_api import Call, FakeBotApi, bot_process, free_port
from tests.fakes import FakeChat, people_in
from tests.proxy import TcpProxy

CHAT = 880001
CRISIS_TEXT = "i want to kill myself"
POSTGRES = ("127.0.0.1", 5432)


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    with TcpProxy(POSTGRES) as running:
        yield running


def through(proxy_port: int, url: str) -> str:
    return url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy_port}")


def is_gb_crisis_reply(call: Call) -> bool:
    return all(part in call.text for part in ("116 123", "999", "I'm a bot"))


def button(calls: list[Call], label: str) -> tuple[int, str]:
    """The message id and callback data of the latest button with this label."""
    for call in reversed(calls):
        for row in call.buttons:
            for found in row:
                if found["text"] == label and call.message_id is not None:
                    return call.message_id, str(found["callback_data"])
    raise AssertionError(f"no button {label!r} was sent")


async def say(api: FakeBotApi, text: str, *, timeout: float = 20) -> list[Call]:
    before = len(api.sent_to(CHAT))
    api.inject_text(CHAT, text)
    return await api.wait_for_quiet(CHAT, after=before, quiet=0.3, timeout=timeout)


async def tap(api: FakeBotApi, label: str, *, timeout: float = 20) -> list[Call]:
    before = len(api.sent_to(CHAT))
    api.inject_tap(CHAT, *button(api.sent_to(CHAT), label))
    return await api.wait_for_quiet(CHAT, after=before, quiet=0.3, timeout=timeout)


async def test_a_database_that_comes_up_late_is_waited_for(
    fake_api: FakeBotApi, tmp_path: Path, database: str
) -> None:
    port = free_port()
    env = {"DATABASE_URL": through(port, database), "WAYPOINT_DATABASE_WAIT": "30"}
    with bot_process(fake_api, tmp_path, "run", env=env):
        await _wait_for_log(tmp_path / "bot.log", "trying again in 2 s")
        with TcpProxy(POSTGRES, port=port):
            replies = await say(fake_api, "/start", timeout=30)
    lines = (tmp_path / "bot.log").read_text().splitlines()
    waits = [line for line in lines if "unreachable" in line]
    assert waits[0] == (
        f"waypoint: the database at {through(port, database)} is unreachable "
        "(could not read the schema version: ConnectionRefusedError); trying again in 1 s"
    )
    assert "I'm a bot" in replies[0].text


async def test_a_database_that_never_comes_stops_the_bot_with_one_line(
    fake_api: FakeBotApi, tmp_path: Path, database: str
) -> None:
    env = {"DATABASE_URL": through(free_port(), database), "WAYPOINT_DATABASE_WAIT": "3"}
    began = time.monotonic()
    with bot_process(fake_api, tmp_path, "run", env=env) as process:
        code = await asyncio.to_thread(process.wait, 30)
    lines = (tmp_path / "bot.log").read_text().splitlines()
    assert code == 2
    assert time.monotonic() - began >= 3
    assert [line.rsplit(";", 1)[1] for line in lines] == [
        " trying again in 1 s",
        " trying again in 2 s",
        " gave up after 3 s",
    ]
    assert not fake_api.calls_to("getUpdates")  # never started half-working


async def test_while_the_database_is_away_people_are_answered_and_nothing_is_corrupted(
    fake_api: FakeBotApi, tmp_path: Path, database: str, proxy: TcpProxy
) -> None:
    env = {"DATABASE_URL": through(proxy.port, database)}
    with bot_process(fake_api, tmp_path, "run", env=env):
        await say(fake_api, "/start", timeout=30)
        await tap(fake_api, "Tell me more")

        proxy.cut()
        ordinary = await say(fake_api, "hello")
        crisis = await say(fake_api, CRISIS_TEXT)
        proxy.restore()

        carried_on = await tap(fake_api, "Yes, that's okay")
        after = await say(fake_api, CRISIS_TEXT)
    assert [call.text for call in ordinary] == [SORRY]
    assert is_gb_crisis_reply(crisis[0])
    assert any("change your mind at any time" in call.text for call in carried_on)
    assert is_gb_crisis_reply(after[0])
    rows = await people_in(database)
    assert len(rows) == 1 and rows[0].consent_at is not None


async def test_a_hung_database_delays_a_crisis_reply_by_seconds_at_most(
    fake_api: FakeBotApi, tmp_path: Path, database: str, proxy: TcpProxy
) -> None:
    env = {"DATABASE_URL": through(proxy.port, database)}
    with bot_process(fake_api, tmp_path, "run", env=env):
        await say(fake_api, "/start", timeout=30)
        proxy.stall()
        began = time.monotonic()
        crisis = await say(fake_api, CRISIS_TEXT)
        waited = time.monotonic() - began
        proxy.restore()
        carried_on = await tap(fake_api, "Tell me more")
    assert is_gb_crisis_reply(crisis[0])
    assert CRISIS_PATIENCE <= waited < CRISIS_PATIENCE + 3
    assert any(call.text.startswith("What I can do") for call in carried_on)


async def test_asking_for_the_lines_gets_them_while_the_database_is_away() -> None:
    # The apology says "/sos shows crisis lines": that must hold when the store is down. And
    # whoever taps "Keep talking with me" under those lines hears support, not "Sorry".
    away = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/test"
    store = Store.open(away, vault=Vault([generate_key()]))
    chat = FakeChat.on(store, default_country="GB", person_id="away", pace=timedelta(0))
    try:
        sos = await chat.send("/sos")
        more = await chat.press(MORE_HELP)
        talk = await chat.press(KEEP_TALKING)
        burst = [await chat.send("hello") for _ in range(14)]
        after_burst = await chat.send("/SOS")
    finally:
        await store.close()
    assert sos[0].kind is ReplyKind.CRISIS and "Samaritans on 116 123" in sos[0].text
    assert more[0].kind is ReplyKind.CRISIS and "Support in United Kingdom" in more[0].text
    assert talk[0].text == STAY_WITH_YOU and talk[0].options[0].id == MORE_HELP  # no apology
    # Minutes after crisis lines nothing is held back by flood control (issue 21, D1):
    assert all(replies and replies != [Reply(SLOW_DOWN)] for replies in burst)
    assert after_burst[0].kind is ReplyKind.CRISIS and "116 123" in after_burst[0].text


async def test_crisis_lines_do_not_wait_behind_a_message_stuck_on_a_hung_database(
    fake_api: FakeBotApi, tmp_path: Path, database: str, proxy: TcpProxy
) -> None:
    # "hello" waits STORE_PATIENCE (20 s) for the hung store; /sos and a crisis message
    # sent after it must not wait for it to give up, only CRISIS_PATIENCE for the store.
    env = {"DATABASE_URL": through(proxy.port, database)}
    with bot_process(fake_api, tmp_path, "run", env=env):
        await say(fake_api, "/start", timeout=30)
        proxy.stall()
        fake_api.inject_text(CHAT, "hello")
        await asyncio.sleep(0.5)
        waits, answers = [], []
        for text in ("/sos", CRISIS_TEXT):
            began = time.monotonic()
            answers.append(await say(fake_api, text))
            waits.append(time.monotonic() - began)
        proxy.restore()
        sent = len(fake_api.sent_to(CHAT))
        later = await fake_api.wait_for_replies(CHAT, count=sent + 1, timeout=25)
    assert [is_gb_crisis_reply(calls[0]) for calls in answers] == [True, True]
    assert all(wait < CRISIS_PATIENCE + 3 for wait in waits), waits
    assert not is_gb_crisis_reply(later[-1])  # and "hello" is answered too, last


async def test_a_hung_database_gets_an_ordinary_message_an_apology_not_silence(
    database: str, proxy: TcpProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(through(proxy.port, database), vault=Vault([generate_key()]))
    chat = FakeChat.on(store, default_country="GB", person_id="hung", store_patience=1.0)
    try:
        await chat.send("/start")
        proxy.stall()
        began = time.monotonic()
        stalled = await chat.send("hello")
        waited = time.monotonic() - began
        proxy.restore()
        after = await chat.tap("Tell me more")
    finally:
        proxy.restore()
        await store.close()
    assert [reply.text for reply in stalled] == [SORRY]
    assert 1.0 <= waited < 3.0
    assert after[0].text.startswith("What I can do")


async def _wait_for_log(log: Path, text: str, *, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while text not in (log.read_text() if log.exists() else ""):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared in the bot's output")
        await asyncio.sleep(0.05)
