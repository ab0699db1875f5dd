"""A check-in sender in its own process, for the crash and two-instance tests and the benchmark.

`python -m tests.checkin_worker --db URL --key KEY --api BASE_URL --now ISO` runs tick()
until nothing is due, sending through `HttpOutbox` (sendMessage on a Bot API server such as
tests/fake_bot_api.py), then prints `sent N`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import httpx
from sqlalchemy import insert, select

from bot.checkins import Checkins
from bot.messages import RecipientGone, Reply, Undeliverable
from bot.store import Store
from bot.store.tables import CheckinPlanRow, PersonRow, ReminderRow
from bot.vault import Vault
from tests.fake_bot_api import TOKEN
from tests.fakes import shipped_library


class HttpOutbox:
    """Sends each reply with sendMessage, the way the Telegram adapter would."""

    def __init__(self, base_url: str, *, token: str = TOKEN) -> None:
        self._url = f"{base_url}{token}/sendMessage"
        self._client = httpx.AsyncClient(timeout=10, limits=httpx.Limits(max_connections=64))

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        for reply in replies:
            data = {"chat_id": person_id, "text": reply.text}
            if reply.options:
                rows = [[{"text": o.label, "callback_data": o.id}] for o in reply.options]
                data["reply_markup"] = json.dumps({"inline_keyboard": rows})
            try:
                answer = await self._client.post(self._url, data=data)
            except httpx.HTTPError as error:
                raise Undeliverable(type(error).__name__) from None
            if answer.status_code == 403:
                raise RecipientGone("blocked")
            if answer.status_code != 200:
                raise Undeliverable(f"status {answer.status_code}")

    async def close(self) -> None:
        await self._client.aclose()


async def seed(store: Store, count: int, *, due: datetime, first_id: int = 1) -> None:
    """`count` opted-in people, chat ids first_id.., each with a check-in due at `due`."""
    today = due.date()
    for start in range(0, count, 5000):
        numbers = range(first_id + start, first_id + min(count, start + 5000))
        async with store.session() as session, session.begin():
            await session.execute(insert(PersonRow), [_person(n, today, due) for n in numbers])
            found = await session.execute(
                select(PersonRow.external_id, PersonRow.id).where(
                    PersonRow.external_id.in_([str(n) for n in numbers])
                )
            )
            ids = {external: pid for external, pid in found}
            plans = [
                {
                    "person_id": ids[str(n)],
                    "frequency": "daily",
                    "local_time": due.time(),
                    "timezone": "UTC",
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


def _person(number: int, today: date, due: datetime) -> dict[str, object]:
    return {
        "platform": "telegram",
        "external_id": str(number),
        "created_on": today,
        "last_active_on": today,
        "consent_at": due - timedelta(days=1),
        "country": "GB",
        "version": 1,
    }


async def run(args: argparse.Namespace) -> int:
    store = Store.open(args.db, vault=Vault.from_setting(args.key))
    outbox = HttpOutbox(args.api)
    checkins = Checkins(
        store=store,
        library=shipped_library(),
        rate_per_second=args.rate,
        concurrency=args.concurrency,
    )
    checkins.attach(outbox)
    now = datetime.fromisoformat(args.now)
    sent = 0
    try:
        while found := await checkins.tick(now=now):
            sent += found
    finally:
        await outbox.close()
        await store.close()
    print(f"sent {sent}", flush=True)
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
