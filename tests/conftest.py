"""Shared fixtures: a migrated store on SQLite, and on PostgreSQL when it is reachable."""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.vault import Vault, generate_key
from tests.fakes import FakeChat, on_admin_database

pytest_plugins = ["tests.fixtures_telegram"]

POSTGRES_HOST = ("127.0.0.1", 5432)


@pytest.fixture
def vault() -> Vault:
    return Vault([generate_key()])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL database for this test run, dropped afterwards.

    Skipped with a reason when PostgreSQL is unreachable — except under CI, where the
    store tests must run on PostgreSQL and an unreachable server is a failure.
    """
    if not _reachable(*POSTGRES_HOST):
        reason = "PostgreSQL at 127.0.0.1:5432 is unreachable"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, and CI must run the store tests on it")
        pytest.skip(reason)
    name = f"waypoint_test_{secrets.token_hex(4)}"
    on_admin_database(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        on_admin_database(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(
    request: pytest.FixtureRequest, tmp_path: Path, vault: Vault
) -> AsyncIterator[Store]:
    """A migrated, empty store: SQLite always, PostgreSQL too when it is reachable."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    opened = Store.open(url, vault=vault)
    await opened.migrate()
    if request.param == "postgresql":
        await _empty(opened)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def database(postgres_url: str, vault: Vault) -> str:
    """The throwaway PostgreSQL database's URL, migrated (as the release phase would) and
    empty, for tests that run the bot as a separate process against it."""
    opened = Store.open(postgres_url, vault=vault)
    try:
        await opened.migrate()
        await _empty(opened)
    finally:
        await opened.close()
    return postgres_url


@pytest.fixture
async def sqlite_store(tmp_path: Path, vault: Vault) -> AsyncIterator[Store]:
    """A migrated store on a fresh SQLite file (for tests that are not about the database)."""
    opened = Store.open(f"sqlite+aiosqlite:///{tmp_path / 'waypoint.db'}", vault=vault)
    await opened.migrate()
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def chat(sqlite_store: Store) -> FakeChat:
    """A person talking to the real Companion, on a fresh SQLite store."""
    return FakeChat.on(sqlite_store)


async def _empty(store: Store) -> None:
    from sqlalchemy import text

    from bot.store.tables import Base

    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with store.engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False
