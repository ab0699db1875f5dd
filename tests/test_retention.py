"""Retention: old check-in records go, at most one purge a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.messages import Person, Platform
from bot.ops.retention import Retention
from bot.store import Store

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


async def test_records_past_the_retention_age_are_purged_once_a_day(sqlite_store: Store) -> None:
    async with sqlite_store.person(Person(Platform.TELEGRAM, "1"), now=NOW) as person:
        await person.add_checkin(now=NOW - timedelta(days=31), mood=2, urge=3, note=None)
        await person.add_checkin(now=NOW - timedelta(days=29), mood=3, urge=2, note=None)
    retention = Retention(sqlite_store, days=30, clock=lambda: NOW)

    assert await retention.run_if_due(now=NOW) == 1
    async with sqlite_store.person(Person(Platform.TELEGRAM, "1"), now=NOW) as person:
        await person.add_checkin(now=NOW - timedelta(days=40), mood=1, urge=1, note=None)
    assert await retention.run_if_due(now=NOW + timedelta(hours=2)) == 0
    assert await retention.run_if_due(now=NOW + timedelta(days=1)) == 1
