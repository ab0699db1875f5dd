"""The store: the only place that speaks SQL. SQLite by default, PostgreSQL to scale out."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    PrimaryKeyConstraint,
    Row,
    String,
    Table,
    bindparam,
    delete,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.core.ports import Entry, Kept, StoreError, StoreUnreachable
from bot.messages import Person
from bot.store import sqlite
from bot.store.kept import kept_columns, kept_of
from bot.store.people import PersonRecord
from bot.store.tables import Base, CheckinRow, PersonRow, people
from bot.store.vault import Vault

__all__ = ["Base", "Entry", "Kept", "PersonRecord", "Store", "StoreError", "StoreUnreachable"]

SCHEMA_HEAD = "0010"  # the newest migration; a test holds it to Alembic's own head


class Store:
    """People's state, kept in SQLite or PostgreSQL."""

    def __init__(self, engine: AsyncEngine, *, vault: Vault) -> None:
        self.engine = engine
        self.vault = vault
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # A person's transaction takes SQLite's write lock at BEGIN, so two of them never
        # read the same state and then overwrite each other (PostgreSQL: FOR UPDATE below).
        self._person_engine = engine.execution_options(**{sqlite.IMMEDIATE: True})

    @classmethod
    def open(cls, url: str, *, vault: Vault) -> Store:
        """Connect lazily to `url` (sqlite+aiosqlite:/// or postgresql+asyncpg://)."""
        if url.startswith("sqlite"):
            engine = sqlite.engine_for(url)
        else:
            engine = create_async_engine(url, pool_pre_ping=True, pool_size=10)
        return cls(engine, vault=vault)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    async def migrate(self) -> None:
        """Bring the schema up to date.

        A database with tables is brought up by Alembic's migrations, one by one. An empty
        one is built whole from the tables' definitions and stamped with SCHEMA_HEAD, which
        is what the migrations would build (a test compares the two); one already at
        SCHEMA_HEAD is left alone. Neither of those loads Alembic: that is most of the
        time a start spends here.
        """
        try:
            async with self.engine.begin() as connection:
                revision = await connection.run_sync(_recorded_revision)
                if revision == SCHEMA_HEAD:
                    return
                if revision is None and await connection.run_sync(_is_empty):
                    await connection.run_sync(_create_at_head)
                else:
                    vault = self.vault if self.vault.opens_anything else None
                    await connection.run_sync(lambda sync: _upgrade(sync, vault))
        except (SQLAlchemyError, OSError) as error:
            raise _failure("could not migrate the database", error) from error

    async def schema_is_current(self) -> bool:
        """Whether the database has every migration applied."""
        try:
            async with self.engine.connect() as connection:
                return await connection.run_sync(_recorded_revision) == SCHEMA_HEAD
        except (SQLAlchemyError, OSError) as error:
            raise _failure("could not read the schema version", error) from error

    async def close(self) -> None:
        await self.engine.dispose()

    @asynccontextmanager
    async def person(self, who: Person, *, now: datetime) -> AsyncIterator[PersonRecord]:
        """One transaction over one person's record, created on first contact.

        The person's row is locked for the transaction on PostgreSQL, so two instances
        handling the same person's messages take turns instead of overwriting each other.
        """
        try:
            async with self._person_engine.begin() as connection:
                row, kept = await self._lock_person(connection, who, today=now.date())
                record = PersonRecord(connection, row, self.vault, kept=kept, today=now.date())
                try:
                    yield record
                    await record._save()
                finally:
                    await record._close()
        except (SQLAlchemyError, OSError) as error:
            raise StoreError(f"person transaction failed: {type(error).__name__}") from error
        if record.deleted:
            await self._forget_on_disk()

    async def _forget_on_disk(self) -> None:
        """After an erasure, copy SQLite's write-ahead log into the database and empty it:
        the log would otherwise hold the erased rows' old pages until the next checkpoint
        (issue 21, D13). `secure_delete` (bot/store/sqlite.py) zeroes them in the file.
        The erasure is committed already: a checkpoint that cannot finish now (a reader
        holds the log) is done by SQLite's own later checkpoints."""
        if self.is_postgres:
            return
        try:
            async with self.engine.connect() as connection:
                raw = await connection.get_raw_connection()
                driver = raw.driver_connection
                assert isinstance(driver, sqlite.OneTripConnection)
                await driver.checkpoint()
        except (SQLAlchemyError, OSError, sqlite3.Error):
            pass

    async def has_person(self, who: Person) -> bool:
        async with self._sessions() as session:
            found = await session.scalar(
                select(func.count())
                .select_from(PersonRow)
                .where(
                    PersonRow.platform == who.platform,
                    PersonRow.id_hash.in_(self.vault.lookups(who.platform.value, who.id)),
                )
            )
            return bool(found)

    async def purge_checkins(self, *, before: datetime) -> int:
        """Erase check-in records older than `before` (the retention limit); how many went."""
        try:
            async with self._sessions() as session, session.begin():
                result = await session.execute(
                    delete(CheckinRow).where(CheckinRow.created_at < before)
                )
                return int(getattr(result, "rowcount", 0) or 0)
        except (SQLAlchemyError, OSError) as error:
            raise StoreError(f"could not purge old check-ins: {type(error).__name__}") from error

    def session(self) -> AsyncSession:
        """A plain session, for the store's own modules (check-ins, statistics)."""
        return self._sessions()

    async def _lock_person(
        self, connection: AsyncConnection, who: Person, *, today: date
    ) -> tuple[Row[Any], Kept]:
        """The person's row (locked on PostgreSQL), made on first contact, and what they keep.

        One query for both, and plain rows rather than ORM objects: it runs on every message.
        """
        query = _PERSON_LOCKED if self.is_postgres else _PERSON
        platform = who.platform.value
        key = {"platform": platform, "hashes": self.vault.lookups(platform, who.id)}
        found = (await connection.execute(query, key)).first()
        if found is None:
            # Two first messages at once may both get here: the loser's insert does nothing.
            insert = pg_insert if self.is_postgres else sqlite_insert
            await connection.execute(
                insert(people)
                .values(
                    platform=platform,
                    id_hash=self.vault.lookup(platform, who.id),
                    id_secret=self.vault.encrypt(who.id),
                    created_on=today,
                    last_active_on=today,
                    version=0,
                )
                .on_conflict_do_nothing(index_elements=["platform", "id_hash"])
            )
            found = (await connection.execute(query, key)).first()
            assert found is not None
        return found, kept_of(found)


# The statements every message runs, built once.
# A person is found by the keyed hash of their id under any key (Vault.lookups); should a
# row under an old key and one under the first both exist, the older row is theirs.
_PERSON = (
    select(people, *kept_columns(people.c.id))
    .where(
        people.c.platform == bindparam("platform"),
        people.c.id_hash.in_(bindparam("hashes", expanding=True)),
    )
    .order_by(people.c.id)
    .limit(1)
)
_PERSON_LOCKED = _PERSON.with_for_update(of=people)


def _failure(doing: str, error: BaseException) -> StoreError:
    """A StoreError naming what failed; StoreUnreachable when no connection could be made."""
    unreachable = isinstance(error, OSError | OperationalError | InterfaceError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    )
    kind = StoreUnreachable if unreachable else StoreError
    return kind(f"{doing}: {type(error).__name__}")


def _upgrade(connection: Connection, vault: Vault | None) -> None:
    from bot.store.migrate import upgrade  # Alembic is loaded only when it is needed

    upgrade(connection, vault=vault)


def _is_empty(connection: Connection) -> bool:
    return not inspect(connection).get_table_names()


def _create_at_head(connection: Connection) -> None:
    """Every table as the newest migration leaves it, and Alembic's record of that."""
    Base.metadata.create_all(connection)
    versions = Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )
    versions.create(connection)
    connection.execute(versions.insert().values(version_num=SCHEMA_HEAD))


def _recorded_revision(connection: Connection) -> str | None:
    """The migration Alembic recorded as applied last; None for a database never migrated."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(found) if found is not None else None
