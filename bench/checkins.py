"""Check-in fan-out benchmark: N due check-ins sent through the fake Bot API server.

    .venv/bin/python -m bench.checkins               # 20,000 on SQLite and PostgreSQL
    .venv/bin/python -m bench.checkins --big         # 100,000
    .venv/bin/python -m bench.checkins --db sqlite --count 5000 --rate 500

For each database it seeds N people with a check-in due now, runs one sender process
(`python -m tests.checkin_worker`, rate limiter scaled up to --rate) against the fake
server in this process, and prints: the achieved send rate as a share of the configured
rate (target at least 0.95), duplicates and lost check-ins (both must be 0), and what
claiming costs per check-in (one claim of 1,000 due rows, timed separately).
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import socketserver
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store import Store
from bot.store.reminder_queue import Queue
from bot.store.vault import Vault, generate_key
from tests.checkin_worker import seed
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
DUE = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)


# The fake server answers with headers and body in separate writes; without this, Nagle's
# algorithm and delayed ACKs stall every request by ~40 ms and the server, not the sender,
# is what gets measured.
socketserver.StreamRequestHandler.disable_nagle_algorithm = True


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--big", action="store_true", help="100,000 check-ins")
    parser.add_argument("--rate", type=float, default=1000.0, help="configured sends per second")
    parser.add_argument("--concurrency", type=int, default=32, help="sends in flight per wave")
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    count = 100_000 if args.big else args.count
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    print(f"{count} due check-ins, rate limit {args.rate:.0f}/s, {args.concurrency} per wave")
    for kind in kinds:
        async with _database(kind) as url:
            await _bench(kind, url, count=count, rate=args.rate, concurrency=args.concurrency)


async def _bench(kind: str, url: str, *, count: int, rate: float, concurrency: int) -> None:
    key = generate_key()
    store = Store.open(url, vault=Vault.from_setting(key))
    await store.migrate()
    claim_us = await _claim_cost(store)
    started = time.perf_counter()
    await seed(store, count, due=DUE)
    seeded = time.perf_counter() - started
    await store.close()
    with FakeBotApi() as api:
        command = [
            sys.executable, "-m", "tests.checkin_worker", "--db", url, f"--key={key}",
            "--api", api.base_url, "--now", (DUE + timedelta(seconds=5)).isoformat(),
            "--rate", str(rate), "--concurrency", str(concurrency),
        ]  # fmt: skip
        done = await asyncio.to_thread(
            subprocess.run, command, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"the sender failed:\n{done.stderr[-3000:]}")
        _, sent, _, seconds = done.stdout.split()
        counts = Counter(c.chat_id for c in api.calls_to("sendMessage") if c.status == 200)
    achieved = int(sent) / float(seconds)
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    lost = count - len(counts)
    print(
        f"{kind:>10}: sent {sent} in {float(seconds):.2f}s = {achieved:.0f}/s "
        f"({achieved / rate:.3f} of the configured rate); duplicates {duplicates}; "
        f"lost {lost}; claim {claim_us:.0f} µs per check-in; seeding took {seeded:.1f}s"
    )


async def _claim_cost(store: Store, *, rows: int = 5000, batch: int = 1000) -> float:
    """Microseconds per check-in to claim `rows` due reminders in batches of `batch`."""
    await seed(store, rows, due=DUE, first_id=10_000_000)
    queue = Queue(store.session, vault=store.vault, postgres=store.is_postgres)
    started = time.perf_counter()
    claimed = 0
    while True:
        _, found = await queue.claim(now=DUE, limit=batch, lease=timedelta(minutes=2))
        claimed += len(found)
        if not found:
            break
    elapsed = time.perf_counter() - started
    async with store.engine.begin() as connection:
        await connection.exec_driver_sql("DELETE FROM people")
    return elapsed / max(claimed, 1) * 1e6


@asynccontextmanager
async def _database(kind: str) -> AsyncIterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{folder}/bench.db"
        return
    import asyncpg

    name = f"waypoint_test_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(POSTGRES_ADMIN)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
