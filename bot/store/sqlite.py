"""How the store talks to SQLite: aiosqlite, one trip to its thread for each statement.

aiosqlite runs SQLite on a thread of its own, and every call it is given is a trip there
and back: a wake-up of the event loop each time. SQLAlchemy's adapter makes a statement up
to four of them (open a cursor, run the statement, fetch its rows, close the cursor), so a
message's transaction (BEGIN, read, write, COMMIT, and the pool's rollback when the
connection comes back) was twelve. `OneTripConnection` makes it three:
- a statement, its rows and the closing of SQLite's cursor are one trip, and the cursor
  SQLAlchemy holds only hands back what came with it;
- BEGIN goes with the transaction's first statement, in its trip (nothing happens in
  between, so the transaction and its locks start at the same moment as they would);
- COMMIT and ROLLBACK make no trip when SQLite is not in a transaction (the pool's
  rollback after a commit). Whether it is comes back with every trip.
In-process that is a third less CPU a transaction; see docs/benchmarks.md.

Every result is read whole before it is handed back, streamed ones too: the store never
streams (its queries return a person's few rows).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import stat
from collections import deque
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import Any

import aiosqlite
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

log = logging.getLogger(__name__)

IMMEDIATE = "waypoint_sqlite_immediate"  # execution option: BEGIN IMMEDIATE, not BEGIN
BUSY_TIMEOUT = 30.0  # seconds a statement waits for another connection's write lock

Description = tuple[tuple[Any, ...], ...] | None
Ran = tuple[Description, list[Any], int, int | None]  # description, rows, rowcount, lastrowid


def engine_for(url: str) -> AsyncEngine:
    """An engine for a sqlite+aiosqlite:// URL, on `OneTripConnection`s.

    The file's folder is made if missing, and the file and the options in the URL are read
    as SQLAlchemy reads them. SQLite's settings are made on every new connection
    (`_pragmas`), and BEGIN is said by the store (`_begin`), IMMEDIATE when a transaction
    has the IMMEDIATE option.
    """

    async def connect() -> OneTripConnection:
        dialect = engine.sync_engine.dialect
        (database,), options = dialect.create_connect_args(engine.sync_engine.url)
        options = {**options, "timeout": BUSY_TIMEOUT}
        connection = OneTripConnection(lambda: sqlite3.connect(database, **options))
        await connection  # starts its thread, which opens the database
        return connection

    engine = create_async_engine(url, async_creator=connect)
    if isinstance(engine.pool, StaticPool):
        # SQLAlchemy shares one connection among all for an in-memory database: two
        # transactions' deferred BEGINs would become one. (It would forget everyone anyway.)
        raise ValueError("Waypoint keeps its SQLite database in a file, not in memory")
    _private_file(url)
    event.listen(engine.sync_engine, "connect", _pragmas)
    event.listen(engine.sync_engine, "begin", _begin)
    return engine


class OneTripConnection(aiosqlite.Connection):
    """An aiosqlite connection whose cursors run a statement in one trip to SQLite.

    It is made for SQLAlchemy, which uses only `cursor`, `commit` and `rollback` (and sets
    `isolation_level` once, on connect); aiosqlite's own `execute…` helpers would not keep
    `_in_transaction` up to date, so a COMMIT or ROLLBACK after them could be skipped.
    """

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        # As SQLAlchemy does for aiosqlite: a connection left open never keeps the process up.
        self._thread.daemon = True
        self._begin: str | None = None  # said before the next statement, in its trip
        self._in_transaction = False  # as SQLite said at the end of the last trip

    def begin(self, *, immediate: bool = False) -> None:
        """Start a transaction with the next statement (IMMEDIATE: take the write lock)."""
        self._begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    async def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and truncate it to nothing (outside
        any transaction; waits up to BUSY_TIMEOUT for readers and writers)."""
        if self._in_transaction:
            raise sqlite3.OperationalError("a checkpoint is made outside a transaction")

        def trip() -> None:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

        await self._execute(trip)  # type: ignore[no-untyped-call]  # aiosqlite's own

    async def commit(self) -> None:
        self._begin = None  # a transaction that ran nothing has nothing to commit
        if self._in_transaction:
            await super().commit()
            self._in_transaction = False

    async def rollback(self) -> None:
        self._begin = None
        if self._in_transaction:
            await super().rollback()
            self._in_transaction = False

    def cursor(self) -> RanCursor:  # type: ignore[override]  # awaitable, as aiosqlite's is
        return RanCursor(self)

    async def run(self, sql: str, parameters: Any, *, many: bool = False) -> Ran:
        """Run `sql` on SQLite's thread; its description, all its rows, rowcount, lastrowid."""
        begin, self._begin = self._begin, None

        def trip() -> Ran:
            connection = self._conn
            cursor = connection.cursor()
            try:
                if begin is not None:
                    cursor.execute(begin)
                if many:
                    cursor.executemany(sql, parameters)
                else:
                    cursor.execute(sql, () if parameters is None else parameters)
                description = cursor.description
                rows = cursor.fetchall() if description else []
                return description, rows, cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()
                self._in_transaction = connection.in_transaction

        done: Ran = await self._execute(trip)  # type: ignore[no-untyped-call]  # aiosqlite's own
        return done


class RanCursor:
    """What SQLAlchemy uses of an aiosqlite cursor; `execute` brings back everything at once,
    so fetching and closing need no trip."""

    arraysize = 1

    def __init__(self, connection: OneTripConnection) -> None:
        self._connection = connection
        self._rows: deque[Any] = deque()
        self.description: Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    def __await__(self) -> Generator[Any, None, RanCursor]:
        return self._itself().__await__()

    async def __aenter__(self) -> RanCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Any = None) -> RanCursor:
        return self._took(await self._connection.run(sql, parameters))

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> RanCursor:
        return self._took(await self._connection.run(sql, parameters, many=True))

    async def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        count = min(len(self._rows), self.arraysize if size is None else size)
        return [self._rows.popleft() for _ in range(count)]

    async def fetchall(self) -> Sequence[Any]:
        rows, self._rows = list(self._rows), deque()
        return rows

    async def close(self) -> None:
        self._rows.clear()

    async def __aiter__(self) -> AsyncIterator[Any]:
        while self._rows:
            yield self._rows.popleft()

    async def _itself(self) -> RanCursor:
        return self

    def _took(self, result: Ran) -> RanCursor:
        self.description, rows, self.rowcount, self.lastrowid = result
        self._rows = deque(rows)
        return self


def _begin(connection: Connection) -> None:
    """SQLAlchemy's recipe for SQLite transactions: the driver's own BEGIN is switched off
    (see _pragmas) and the store says it, IMMEDIATE when the transaction asks for it; here
    with the transaction's first statement."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, OneTripConnection), "engine_for() makes every connection"
    driver.begin(immediate=connection.get_execution_options().get(IMMEDIATE, False))


def _pragmas(connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # The store says BEGIN itself (_begin); the driver would say a deferred one.
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL syncs at checkpoints rather than on every commit: a crashed or
    # killed process loses nothing; a power cut may lose the last moments' commits, never
    # the database. FULL made every message wait on the disk.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
    # What a person erases is overwritten with zeros, not left in free pages (issue 21, D13).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _private_file(url: str) -> None:
    """The database file readable by its owner only (0600), in a folder of the owner's (0700)
    (issue 21, D9). Never in memory: engine_for refused that already.

    A missing folder is made 0700, and the file is made 0600 before SQLite opens it (SQLite
    gives its -wal and -shm files the database file's mode). A folder that was there already
    is tightened only if it is the owner's, not shared (no sticky bit, as /tmp has), and
    holds nothing but the database: a folder of other things is left as it is, and logged.
    """
    path = url.split(":///", 1)[-1].split("?", 1)[0]
    if path.startswith("file:"):  # a URI names its file in its own way: left as given
        return
    database = Path(path)
    folder = database.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)  # mkdir's mode is narrowed by the umask, never widened
    else:
        _tighten_folder(folder, database.name)
    try:
        os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError:
        return  # SQLite says what is wrong when it opens it
    for each in (database, *(folder / f"{database.name}{end}" for end in ("-wal", "-shm"))):
        with contextlib.suppress(OSError):
            if each.exists() and each.stat().st_uid == os.getuid():
                each.chmod(0o600)


def _tighten_folder(folder: Path, name: str) -> None:
    try:
        info = folder.stat()
        mine = info.st_uid == os.getuid() and not info.st_mode & stat.S_ISVTX
        others = [p.name for p in folder.iterdir() if not p.name.startswith(name)]
        if stat.S_IMODE(info.st_mode) & 0o077 == 0:
            return
        if mine and not others:
            folder.chmod(0o700)
        else:
            log.warning(
                "the database's folder can be read by others; keep the database in a "
                "folder of its own, readable by its owner only (chmod 700)"
            )
    except OSError:
        return
