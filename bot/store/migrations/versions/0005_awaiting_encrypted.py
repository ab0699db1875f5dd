"""people.awaiting -> people.awaiting_secret: the question a person was asked and has not
answered yet ("are you safe right now?" among them) is encrypted, like where they are in a
conversation.

Questions open during the upgrade are forgotten (a migration has no key to encrypt them
with): the person's next typed reply is handled as if nothing had been asked.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.add_column(sa.Column("awaiting_secret", sa.Text(), nullable=True))
        batch_op.drop_column("awaiting")


def downgrade() -> None:
    with op.batch_alter_table("people") as batch_op:
        batch_op.add_column(sa.Column("awaiting", sa.String(length=64), nullable=True))
        batch_op.drop_column("awaiting_secret")
