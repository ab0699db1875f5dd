"""Alembic, driven from code: `upgrade(connection)` brings a database to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from bot.store.vault import Vault

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None, *, vault: Vault | None = None) -> Config:
    """An Alembic config pointing at our migrations; `connection` is reused when given.

    `vault` is for migrations that encrypt or decrypt rows (0007); without it they refuse
    to touch a database that has rows to convert."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    config.attributes["vault"] = vault
    return config


def upgrade(connection: Connection, *, vault: Vault | None = None) -> None:
    command.upgrade(alembic_config(connection, vault=vault), "head")


def head() -> str | None:
    """The newest migration's revision."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
