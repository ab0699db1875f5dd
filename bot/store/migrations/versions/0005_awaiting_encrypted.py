"""people.awaiting -> people.awaiting_secret: the question a person was asked and has not
answered yet ("are you safe right now?" among them) is encrypted, like where they are in a
conversation.

Questions open during the upgrade are forgotten (a migration has no key to encrypt them
with): the person's next typed reply is handled as if nothing had been asked.

The column is dropped in place (SQLite 3.35 or newer), never by batch mode: that rebuilds
the table and drops the old one, and with foreign keys on, SQLite cascades that drop to
every person's kept things.

Revision ID: 0005
Revises: 0004
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _drop_in_place_or_refuse()
    op.add_column("people", sa.Column("awaiting_secret", sa.Text(), nullable=True))
    op.drop_column("people", "awaiting")


def downgrade() -> None:
    _drop_in_place_or_refuse()
    op.add_column("people", sa.Column("awaiting", sa.String(length=64), nullable=True))
    op.drop_column("people", "awaiting_secret")


def _drop_in_place_or_refuse() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError(
            f"this migration needs SQLite 3.35 or newer to drop a column in place; "
            f"this Python has SQLite {sqlite3.sqlite_version}"
        )
