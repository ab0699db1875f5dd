"""checkins.tags_secret: what was around on a check-in's day, as the person tagged it
(school or work, family, ...), encrypted as a JSON list like the rest of the check-in.

Revision ID: 0010
Revises: 0009
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("checkins", sa.Column("tags_secret", sa.Text(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError("dropping a column in place needs SQLite 3.35 or newer")
    op.drop_column("checkins", "tags_secret")
