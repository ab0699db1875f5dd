"""entries.hidden: an entry the person hid (a toolbox idea kept out of suggestions and the
safety plan, but shown again whenever they ask).

Revision ID: 0009
Revises: 0008
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "entries",
        sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError("dropping a column in place needs SQLite 3.35 or newer")
    op.drop_column("entries", "hidden")
