"""A check-in sender in its own process, for the crash and two-instance tests and the benchmark.

`python -m tests.checkin_worker --db URL --key KEY --api BASE_URL --now ISO` runs tick()
until nothing is due, sending through `HttpOutbox` (sendMessage on a Bot API server such as
tests/fake_bot_api.py), then prints `sent N seconds S` (S: the time spent in tick()).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import urllib.parse
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select

from bot.checkins.sender import Sender
from bot.messages import RecipientGone, Reply, Undeliverable
from bot.store import Store
from bot.store.tables import CheckinPlanRow, PersonRow, ReminderRow
from bot.store.vault import Vault
from tests.fake_bot_api import TOKEN
from tests.fakes import shipped_library


class HttpOutbox:
    """Sends each reply with sendMessage, the way the Telegram adapter would.

    A small keep-alive HTTP/1.1 client on asyncio streams: an off-the-shelf client spends
    more CPU per request than the whole check-in pass, and the benchmark would measure it.
    """

    def __init__(self, base_url: str, *, token: str = TOKEN, connections: int = 8) -> None:
        url = urllib.parse.urlsplit(f"{base_url}{token}/sendMessage")
        self._host, self._port, self._path = url.hostname or "127.0.0.1", url.port or 80, url.path
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        # A few long-lived connections, opened one at a time: a burst of connects overflows
        # a small listen backlog and costs a one-second SYN retry.
        self._free = asyncio.Semaphore(connections)
        self._connecting = asyncio.Lock()

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        for reply in replies:
            data = {"chat_id": person_id, "text": reply.text}
            if reply.options:
                rows = [[{"text": o.label, "callback_data": o.id}] for o in reply.options]
                data["reply_markup"] = json.dumps({"inline_keyboard": rows})
            try:
                status = await self._post(urllib.parse.urlencode(data).encode())
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                raise Undeliverable(type(error).__name__) from None
            if status == 403:
                raise RecipientGone("blocked")
            if status != 200:
                raise Undeliverable(f"status {status}")

    async def close(self) -> None:
        for _, writer in self._idle:
            writer.close()
        self._idle.clear()

    async def _post(self, body: bytes) -> int:
        async with self._free:
            return await self._post_on_a_connection(body)

    async def _post_on_a_connection(self, body: bytes) -> int:
        if self._idle:
            reader, writer = self._idle.pop()
        else:
            async with self._connecting:
                reader, writer = await asyncio.open_connection(self._host, self._port)
        try:
            head = (
                f"POST {self._path} HTTP/1.1\r\nHost: {self._host}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            )
            writer.write(head.encode() + body)
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
        except BaseException:
            writer.close()
            raise
        self._idle.append((reader, writer))
        return status


async def seed(store: Store, count: int, *, due: datetime, first_id: int = 1) -> None:
    """`count` opted-in people, chat ids first_id.., each with a check-in due at `due`."""
    today = due.date()
    for start in range(0, count, 5000):
        numbers = range(first_id + start, first_id + min(count, start + 5000))
        async with store.session() as session, session.begin():
            await session.execute(
                insert(PersonRow), [_person(store.vault, n, today, due) for n in numbers]
            )
            hashes = {store.vault.lookup("telegram", str(n)): str(n) for n in numbers}
            found = await session.execute(
                select(PersonRow.id_hash, PersonRow.id).where(PersonRow.id_hash.in_(list(hashes)))
            )
            ids = {hashes[hashed]: pid for hashed, pid in found}
            utc = store.vault.encrypt("UTC")
            plans = [
                {
                    "person_id": ids[str(n)],
                    "frequency": "daily",
                    "local_time": due.time(),
                    "timezone_secret": utc,
                    "weekday": None,
                    "paused_until": None,
                }
                for n in numbers
            ]
            await session.execute(insert(CheckinPlanRow), plans)
            reminders = [
                {"person_id": ids[str(n)], "kind": "checkin", "due_at": due, "attempts": 0}
                for n in numbers
            ]
            await session.execute(insert(ReminderRow), reminders)


def _person(vault: Vault, number: int, today: date, due: datetime) -> dict[str, object]:
    return {
        "platform": "telegram",
        "id_hash": vault.lookup("telegram", str(number)),
        "id_secret": vault.encrypt(str(number)),
        "created_on": today,
        "last_active_on": today,
        "consent_at": due - timedelta(days=1),
        "country": "GB",
        "version": 1,
    }


async def run(args: argparse.Namespace) -> int:
    store = Store.open(args.db, vault=Vault.from_setting(args.key))
    outbox = HttpOutbox(args.api)
    now = datetime.fromisoformat(args.now)
    checkins = Sender(
        store=store,
        library=shipped_library(),
        outbox=outbox,
        clock=lambda: now,
        rate_per_second=args.rate,
        concurrency=args.concurrency,
    )
    sent = 0
    started = time.perf_counter()
    try:
        while found := await checkins.tick(now=now):
            sent += found
    finally:
        await outbox.close()
        await store.close()
    print(f"sent {sent} seconds {time.perf_counter() - started:.3f}", flush=True)
    return sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--api", required=True, help="base URL ending in /bot")
    parser.add_argument("--now", required=True, help="ISO moment the worker takes as now")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--concurrency", type=int, default=8)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
