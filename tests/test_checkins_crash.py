"""Exactly once for real: sender processes killed with SIGKILL mid fan-out, and two at once.

Each test seeds people with a check-in due, runs `python -m tests.checkin_worker` against the
fake Bot API server, and counts what the server received per chat. A reminder in flight at
the instant of a kill (marked as sending, not yet recorded) is never sent again: at most one
wave (LANES, one message per person) can be in doubt, and the queue counts them
(`checkin_in_doubt`).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from bot.store import Store
from bot.store.tables import AnonymousEventRow, Base, ReminderRow
from bot.store.vault import Vault, generate_key
from tests.checkin_worker import seed
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
DUE = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)
LANES = 8


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[str, str]]:
    """A migrated, empty database (URL) and the key its workers share."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'crash.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    key = generate_key()
    store = Store.open(url, vault=Vault.from_setting(key))
    await store.migrate()
    if request.param == "postgresql":
        names = ", ".join(table.name for table in Base.metadata.sorted_tables)
        async with store.engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await store.close()
    yield url, key


def worker(
    url: str, key: str, api: FakeBotApi, *, now: datetime, rate: float
) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "tests.checkin_worker",
        "--db",
        url,
        f"--key={key}",  # a key may start with "-"
        "--api",
        api.base_url,
        "--now",
        now.isoformat(),
        "--rate",
        str(rate),
        "--concurrency",
        str(LANES),
    ]
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


async def finished(process: subprocess.Popen[str], *, timeout: float = 60) -> int:
    out, err = await asyncio.to_thread(process.communicate, timeout=timeout)
    assert process.returncode == 0, err[-2000:]
    return int(out.split()[1])  # "sent N seconds S"


def delivered(api: FakeBotApi) -> Counter[int]:
    return Counter(call.chat_id for call in api.calls_to("sendMessage") if call.status == 200)


async def queue_state(url: str, key: str) -> tuple[int, int, int]:
    """(reminders still due at DUE, reminders moved to tomorrow, check-ins counted in doubt)."""
    store = Store.open(url, vault=Vault.from_setting(key))
    try:
        async with store.session() as session:
            waiting = await session.scalar(
                select(func.count()).select_from(ReminderRow).where(ReminderRow.due_at <= DUE)
            )
            moved = await session.scalar(
                select(func.count()).select_from(ReminderRow).where(ReminderRow.due_at > DUE)
            )
            doubt = await session.scalar(
                select(func.count())
                .select_from(AnonymousEventRow)
                .where(AnonymousEventRow.name == "checkin_in_doubt")
            )
        return int(waiting or 0), int(moved or 0), int(doubt or 0)
    finally:
        await store.close()


async def seeded(url: str, key: str, count: int) -> None:
    store = Store.open(url, vault=Vault.from_setting(key))
    try:
        await seed(store, count, due=DUE)
    finally:
        await store.close()


async def test_a_sender_killed_mid_fan_out_never_sends_twice(database: tuple[str, str]) -> None:
    url, key = database
    people = 240
    await seeded(url, key, people)
    with FakeBotApi() as api:
        first = worker(url, key, api, now=DUE + timedelta(seconds=5), rate=400)
        deadline = time.monotonic() + 30
        while len(delivered(api)) < 80:
            assert time.monotonic() < deadline, "the first sender sent too little"
            assert first.poll() is None, first.communicate()
            await asyncio.sleep(0.005)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        before_restart = len(delivered(api))
        assert before_restart < people, "killed too late to test anything"
        # Restarted after its leases (2 minutes) ran out.
        second = worker(url, key, api, now=DUE + timedelta(minutes=3), rate=400)
        await finished(second)
        counts = delivered(api)
    assert max(counts.values()) == 1, "somebody got a check-in twice"
    waiting, moved, in_doubt = await queue_state(url, key)
    lost = people - len(counts)
    assert (waiting, moved) == (0, people)
    assert lost <= in_doubt <= LANES


async def test_two_senders_on_one_database_send_each_check_in_once(
    database: tuple[str, str],
) -> None:
    url, key = database
    people = 240
    await seeded(url, key, people)
    with FakeBotApi() as api:
        now = DUE + timedelta(seconds=5)
        senders = [worker(url, key, api, now=now, rate=300) for _ in range(2)]
        sent = [await finished(sender) for sender in senders]
        counts = delivered(api)
    assert sum(sent) == people
    assert len(counts) == people and max(counts.values()) == 1
    assert await queue_state(url, key) == (0, people, 0)
