"""people.episode_secret: the risky moment a person is in (bot/core/questions.py, Episode:
the risk kinds seen, when they were asked about suicide and what they said), encrypted.

The open question in people.awaiting_secret is now typed JSON. The old free strings
("suicide", "suicide:again", "safe", "delete", "time:CODE", "zone:CODE:HHMM") are
encrypted since 0005, and a migration has no key, so they cannot be rewritten here: each
is mapped to its typed question when the record is next read (bot/core/question_codec.py,
`legacy`), and written back as JSON when that transaction commits. "suicide:answered"
maps to nothing open.

Revision ID: 0006
Revises: 0005
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("people", sa.Column("episode_secret", sa.Text(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError("dropping a column in place needs SQLite 3.35 or newer")
    op.execute("UPDATE people SET awaiting_secret = NULL")  # JSON the old code cannot read
    op.drop_column("people", "episode_secret")
