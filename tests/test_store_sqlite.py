"""SQLite through `OneTripConnection`: each statement is one trip to SQLite's thread, and
SQLAlchemy still gets every row, count and error as aiosqlite's own cursors would give them."""

from __future__ import annotations

import stat
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.questions import AskedTime, Nothing
from bot.messages import Person, Platform
from bot.store import Store, sqlite
from bot.store.vault import Vault

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    made = sqlite.engine_for(f"sqlite+aiosqlite:///{tmp_path / 'plain.db'}")
    async with made.begin() as connection:
        await connection.exec_driver_sql(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, word TEXT UNIQUE)"
        )
    try:
        yield made
    finally:
        await made.dispose()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every call aiosqlite hands to a connection's thread, from here on."""
    made: list[object] = []
    handing = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, function: Any, *args: Any, **kw: Any) -> Any:
        made.append(function)
        return await handing(self, function, *args, **kw)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    yield made


def test_an_in_memory_database_is_refused() -> None:
    with pytest.raises(ValueError, match="in a file"):
        sqlite.engine_for("sqlite+aiosqlite://")


async def test_rows_counts_and_ids_come_back_as_sqlalchemy_expects(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        inserted = await connection.execute(
            text("INSERT INTO t (word) VALUES (:word)"), [{"word": w} for w in "abcde"]
        )
        assert inserted.rowcount == 5
        one = await connection.execute(text("INSERT INTO t (word) VALUES ('f')"))
        assert one.lastrowid == 6
        changed = await connection.execute(text("UPDATE t SET word = word || '!' WHERE id > 3"))
        assert changed.rowcount == 3

        result = await connection.execute(text("SELECT id, word FROM t ORDER BY id"))
        assert list(result.keys()) == ["id", "word"]
        assert result.fetchone() == (1, "a")
        assert result.fetchmany(2) == [(2, "b"), (3, "c")]
        assert result.fetchall() == [(4, "d!"), (5, "e!"), (6, "f!")]
        assert result.fetchone() is None

        streamed = await connection.stream(text("SELECT word FROM t WHERE id <= 2 ORDER BY id"))
        assert [row.word async for row in streamed] == ["a", "b"]
        empty = await connection.execute(text("SELECT word FROM t WHERE id > 100"))
        assert empty.all() == []


async def test_errors_reach_sqlalchemy_as_database_errors(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO t (word) VALUES ('same')"))
    with pytest.raises(IntegrityError):
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO t (word) VALUES ('same')"))
    with pytest.raises(OperationalError):
        async with engine.begin() as connection:
            await connection.execute(text("SELECT nothing FROM nowhere"))
    async with engine.connect() as connection:  # the failed transactions left nothing behind
        count = await connection.scalar(text("SELECT count(*) FROM t"))
    assert count == 1


async def test_a_statement_is_one_trip_to_sqlite_begin_included(
    engine: AsyncEngine, trips: list[object]
) -> None:
    async with engine.connect() as connection:  # the pool's connection is open already
        trips.clear()
        await connection.execute(text("SELECT id, word FROM t"))
        assert len(trips) == 1
        await connection.execute(text("SELECT count(*) FROM t"))
        assert len(trips) == 2


async def test_commit_and_rollback_make_no_trip_outside_a_transaction(
    engine: AsyncEngine, trips: list[object]
) -> None:
    async with engine.connect() as connection:
        trips.clear()
        async with connection.begin():  # a transaction that ran nothing
            pass
        assert trips == []
        await connection.execute(text("INSERT INTO t (word) VALUES ('kept')"))
        await connection.commit()
        await connection.rollback()  # after the commit, as the pool does: nothing to undo
        assert len(trips) == 2
    async with engine.connect() as connection:
        assert await connection.scalar(text("SELECT word FROM t")) == "kept"


async def test_a_failed_statement_leaves_no_transaction_open(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        with pytest.raises(OperationalError):
            await connection.execute(text("SELECT nothing FROM nowhere"))
        await connection.rollback()
        await connection.execute(text("INSERT INTO t (word) VALUES ('after')"))
        await connection.commit()
    async with engine.connect() as connection:
        assert await connection.scalar(text("SELECT count(*) FROM t")) == 1


async def test_a_message_s_transaction_is_three_trips(
    tmp_path: Path, vault: Vault, trips: list[object]
) -> None:
    """BEGIN IMMEDIATE with the person read, their row written, COMMIT; none for the pool's
    rollback. SQLAlchemy's own aiosqlite cursors made it twelve."""
    store = Store.open(f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}", vault=vault)
    await store.migrate()
    someone = Person(Platform.TELEGRAM, "42")
    try:
        async with store.person(someone, now=NOW) as record:
            record.question = AskedTime("d")
        trips.clear()
        async with store.person(someone, now=NOW) as record:
            assert record.question == AskedTime("d")
            record.question = Nothing()
        assert len(trips) == 3
    finally:
        await store.close()


async def test_the_database_is_its_owner_s_alone(tmp_path: Path, vault: Vault) -> None:
    # Issue 21, D9: it was 0644 in a 0755 folder.
    folder = tmp_path / "data"
    store = Store.open(f"sqlite+aiosqlite:///{folder / 'waypoint.db'}", vault=vault)
    try:
        await store.migrate()
        async with store.person(Person(Platform.TELEGRAM, "42"), now=NOW) as record:
            record.awaiting = "mood"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in ("waypoint.db", "waypoint.db-wal", "waypoint.db-shm"):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    finally:
        await store.close()


async def test_a_database_made_by_an_earlier_version_is_made_private(
    tmp_path: Path, vault: Vault
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / "waypoint.db").touch(mode=0o644)
    (folder / "waypoint.db").chmod(0o644)
    store = Store.open(f"sqlite+aiosqlite:///{folder / 'waypoint.db'}", vault=vault)
    await store.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "waypoint.db").stat().st_mode) == 0o600


async def test_a_shared_folder_is_left_as_it_is(tmp_path: Path, vault: Vault) -> None:
    (tmp_path / "notes.txt").write_text("someone else's")
    tmp_path.chmod(0o755)
    store = Store.open(f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}", vault=vault)
    await store.close()
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "waypoint.db").stat().st_mode) == 0o600


async def test_an_erasure_leaves_nothing_in_the_write_ahead_log(
    tmp_path: Path, vault: Vault
) -> None:
    # Issue 21, D13: after /delete the ciphertext stayed in the WAL until a checkpoint.
    database = tmp_path / "waypoint.db"
    store = Store.open(f"sqlite+aiosqlite:///{database}", vault=vault)
    someone = Person(Platform.TELEGRAM, "42")
    try:
        await store.migrate()
        async with store.person(someone, now=NOW) as record:
            record.consent_at = NOW
            await record.add_entry("wins", "walked it off", now=NOW, replace=False)
        async with store.engine.connect() as connection:
            tokens = [
                str(await connection.scalar(text("SELECT id_secret FROM people"))),
                str(await connection.scalar(text("SELECT id_hash FROM people"))),
                str(await connection.scalar(text("SELECT secret FROM entries"))),
            ]
        async with store.person(someone, now=NOW) as record:
            await record.delete_everything()

        wal = Path(f"{database}-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        on_disk = database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        for token in tokens:
            assert token.encode() not in on_disk
    finally:
        await store.close()
