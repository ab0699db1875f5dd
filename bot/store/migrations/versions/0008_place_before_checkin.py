"""people.before_checkin_secret: the place in a flow a check-in arrived in the middle of
(the flow's state, encrypted), so "Carry on where we were" returns to it.

Revision ID: 0008
Revises: 0007
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("people", sa.Column("before_checkin_secret", sa.Text(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError("dropping a column in place needs SQLite 3.35 or newer")
    op.drop_column("people", "before_checkin_secret")
