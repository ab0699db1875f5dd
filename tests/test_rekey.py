"""`python -m bot rekey` (issue 21, D7): after it, the old key can be dropped and everyone
is still found, read and exported; it can be stopped part way and run again."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.adapters.telegram.spool import Spool
from bot.checkins.schedule import DAILY, Plan
from bot.core.questions import AskedSafe, Episode
from bot.messages import Person, Platform
from bot.store import Store
from bot.store.rekey import rekey
from bot.store.vault import Vault, generate_key
from tests.fakes import every_raw_value

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
PEOPLE = [Person(Platform.TELEGRAM, str(5550100 + n)) for n in range(5)]


@pytest.fixture
def url(store: Store) -> str:
    """The store fixture's database (SQLite, and PostgreSQL when reachable), migrated."""
    return store.engine.url.render_as_string(hide_password=False)


async def _fill(store: Store) -> dict[str, Any]:
    """Everyone with something in every encrypted column; their exports."""
    exports = {}
    for number, someone in enumerate(PEOPLE):
        async with store.person(someone, now=NOW) as person:
            person.consent_at = NOW
            person.flow_state = {"flow": "urges", "node": "now", "vars": {"n": number}}
            person.question = AskedSafe()
            person.episode = Episode(started=NOW, last_at=NOW, kinds=frozenset({"urge"}))
            await person.add_entry("toolbox", f"cold water {number}", now=NOW, replace=False)
            await person.add_checkin(
                now=NOW, mood=number, urge=9 - number, note=f"note {number}", tags=("sleep",)
            )
            plan = Plan(DAILY, clock(19, 30), "Pacific/Auckland")
            await person.set_checkin_plan(plan, due_at=NOW + timedelta(hours=1))
        exports[someone.id] = await _export(store, someone)
    return exports


async def _export(store: Store, someone: Person) -> dict[str, Any]:
    async with store.person(someone, now=NOW) as person:
        assert not person.is_new, someone
        data = await person.export()
        data["question"] = person.question
        data["episode"] = person.episode
        data["checkin_list"] = await person.checkins(since=NOW)
        data["checkin_tags"] = await person.checkin_tags(since=NOW)
        return data


async def test_after_rekeying_the_old_key_can_be_dropped(url: str) -> None:
    old, new = generate_key(), generate_key()
    before = Store.open(url, vault=Vault([old]))
    rotated = Store.open(url, vault=Vault([new, old]))
    after = Store.open(url, vault=Vault([new]))
    try:
        exports = await _fill(before)
        raw_before = await every_raw_value(before)

        done = await rekey(rotated, batch=2)

        # 5 people x (4 secrets + the hash) + 5 entries + 5 x 3 check-in values (scores,
        # note, tags) + 5 zones
        assert done.total == 5 * 5 + 5 + 5 * 3 + 5
        assert done.unreadable == 0
        for someone in PEOPLE:
            assert await after.has_person(someone)
            assert await _export(after, someone) == exports[someone.id]
        # and nothing is still as it was: every token and hash was rewritten
        raw_after = await every_raw_value(after)
        assert not {token for token in _tokens(raw_before)} & set(_tokens(raw_after))

        again = await rekey(rotated)
        assert again.total == 0
    finally:
        for store in (before, rotated, after):
            await store.close()


async def test_a_rekey_stopped_part_way_carries_on_when_run_again(url: str) -> None:
    old, new = generate_key(), generate_key()
    before = Store.open(url, vault=Vault([old]))
    rotated = Store.open(url, vault=Vault([new, old]))
    after = Store.open(url, vault=Vault([new]))

    class Stop(Exception):
        pass

    batches: list[tuple[str, int]] = []

    def stop_after_three(table: str, changed: int) -> None:
        batches.append((table, changed))
        if len(batches) == 3:
            raise Stop

    try:
        exports = await _fill(before)
        with pytest.raises(Stop):
            await rekey(rotated, batch=2, after_batch=stop_after_three)
        # Part way, with both keys, everyone is still found and read, and the bot writes on.
        async with rotated.person(PEOPLE[-1], now=NOW) as person:
            assert not person.is_new
            person.question = AskedSafe()

        done = await rekey(rotated, batch=2)

        assert done.current > 0  # what the first run did was left as it was
        for someone in PEOPLE:
            assert await _export(after, someone) == exports[someone.id]
    finally:
        for store in (before, rotated, after):
            await store.close()


async def test_a_value_under_a_dropped_key_is_counted_not_lost(url: str) -> None:
    lost, new = generate_key(), generate_key()
    before = Store.open(url, vault=Vault([lost]))
    after = Store.open(url, vault=Vault([new]))
    try:
        await _fill(before)
        done = await rekey(after)
        assert done.unreadable > 0
        assert done.total == 0
    finally:
        await before.close()
        await after.close()


def _tokens(dump: str) -> list[str]:
    """The Fernet tokens and 64-digit hashes in a dump of every row."""
    words = dump.replace("'", " ").replace(",", " ").replace("(", " ").replace(")", " ").split()
    return [w for w in words if w.startswith("gAAAAA") or (len(w) == 64 and w.isalnum())]


async def test_the_command_rekeys_and_says_the_old_key_can_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}"
    old, new = generate_key(), generate_key()
    before = Store.open(url, vault=Vault([old]))
    await before.migrate()
    exports = await _fill(before)
    await before.close()
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("WAYPOINT_ENCRYPTION_KEY", f"{new},{old}")
    # The command sets up logging for a process of its own: not for the rest of this run.
    monkeypatch.setattr("bot.__main__.configure_logging", lambda level: None)

    assert await asyncio.to_thread(main, ["rekey"]) == 0

    assert "can be dropped" in capsys.readouterr().out
    after = Store.open(url, vault=Vault([new]))
    try:
        assert await _export(after, PEOPLE[0]) == exports[PEOPLE[0].id]
    finally:
        await after.close()


async def test_the_command_moves_the_polling_spool_to_the_first_key_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}"
    old, new = generate_key(), generate_key()
    before = Store.open(url, vault=Vault([old]))
    await before.migrate()
    await before.close()
    spool = Spool.open(tmp_path / "data" / "spool", Vault([old]))  # where `run` keeps it
    await spool.put([(7, {"update_id": 7, "message": {"text": "waiting when it stopped"}})])
    spool.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("WAYPOINT_ENCRYPTION_KEY", f"{new},{old}")
    monkeypatch.setattr("bot.__main__.configure_logging", lambda level: None)

    assert await asyncio.to_thread(main, ["rekey"]) == 0

    again = Spool.open(tmp_path / "data" / "spool", Vault([new]))  # the old key dropped
    assert [update_id for update_id, _ in again.replay()] == [7]
