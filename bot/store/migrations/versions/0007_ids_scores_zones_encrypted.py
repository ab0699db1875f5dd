"""Nothing in clear that says who uses the bot or how they felt (issue 21, D9):
people.external_id -> people.id_hash (a keyed hash, to find the row) and people.id_secret
(the id, encrypted, to send to it); checkins.mood and .urge -> checkins.scores_secret
(JSON `[mood, urge]`, encrypted); checkin_plans.timezone -> checkin_plans.timezone_secret.

Existing rows are converted in place, so this migration needs the encryption key
(`python -m bot migrate` passes WAYPOINT_ENCRYPTION_KEY): on a database with rows to
convert and no key it refuses, and changes nothing. Down converts them back to clear.

No table is rebuilt (SQLite's batch mode would drop `people`, and with foreign keys on
that cascades to everything a person keeps): the id column is renamed in place (its
unique constraint follows it), the other columns added and dropped in place (SQLite
3.35 or newer). On SQLite the new NOT NULL columns keep an empty default, which nothing
writes (ADD COLUMN NOT NULL needs one there); PostgreSQL drops it.

Revision ID: 0007
Revises: 0006
"""

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from bot.store.vault import VaultError

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 500  # rows read and written at a time


def upgrade() -> None:
    _drop_in_place_or_refuse()
    vault = _vault_if_needed()
    people, checkins, plans = _tables()

    op.execute("ALTER TABLE people RENAME COLUMN external_id TO id_hash")
    op.add_column("people", sa.Column("id_secret", sa.Text(), nullable=False, server_default=""))
    for rows in _batches(people, "id", "platform", "id_hash"):
        _write(
            people,
            "id",
            [
                {
                    "key": row.id,
                    "id_hash": vault.lookup(row.platform, row.id_hash),
                    "id_secret": vault.encrypt(row.id_hash),
                }
                for row in rows
            ],
        )

    op.add_column("checkins", sa.Column("scores_secret", sa.Text(), nullable=True))
    for rows in _batches(checkins, "id", "mood", "urge"):
        _write(
            checkins,
            "id",
            [
                {"key": row.id, "scores_secret": vault.encrypt(json.dumps([row.mood, row.urge]))}
                for row in rows
            ],
        )
    op.drop_column("checkins", "mood")
    op.drop_column("checkins", "urge")

    op.add_column(
        "checkin_plans",
        sa.Column("timezone_secret", sa.Text(), nullable=False, server_default=""),
    )
    for rows in _batches(plans, "person_id", "timezone"):
        _write(
            plans,
            "person_id",
            [
                {"key": row.person_id, "timezone_secret": vault.encrypt(row.timezone)}
                for row in rows
            ],
        )
    op.drop_column("checkin_plans", "timezone")
    _drop_default("people", "id_secret")
    _drop_default("checkin_plans", "timezone_secret")


def downgrade() -> None:
    _drop_in_place_or_refuse()
    vault = _vault_if_needed()
    people, checkins, plans = _tables()

    op.add_column(
        "checkin_plans",
        sa.Column("timezone", sa.String(length=64), nullable=False, server_default=""),
    )
    for rows in _batches(plans, "person_id", "timezone_secret"):
        _write(
            plans,
            "person_id",
            [
                {"key": row.person_id, "timezone": vault.decrypt(row.timezone_secret)}
                for row in rows
            ],
        )
    op.drop_column("checkin_plans", "timezone_secret")
    _drop_default("checkin_plans", "timezone")

    op.add_column("checkins", sa.Column("mood", sa.SmallInteger(), nullable=True))
    op.add_column("checkins", sa.Column("urge", sa.SmallInteger(), nullable=True))
    for rows in _batches(checkins, "id", "scores_secret"):
        converted = []
        for row in rows:
            scores = json.loads(vault.decrypt(row.scores_secret)) if row.scores_secret else None
            mood, urge = scores or (None, None)
            converted.append({"key": row.id, "mood": mood, "urge": urge})
        _write(checkins, "id", converted)
    op.drop_column("checkins", "scores_secret")

    for rows in _batches(people, "id", "id_secret"):
        clear = [{"key": row.id, "id_hash": vault.decrypt(row.id_secret)} for row in rows]
        _write(people, "id", clear)
    op.drop_column("people", "id_secret")
    op.execute("ALTER TABLE people RENAME COLUMN id_hash TO external_id")


def _tables() -> tuple[sa.TableClause, sa.TableClause, sa.TableClause]:
    """Lightweight tables naming every column this migration reads or writes, either way."""
    people = sa.table(
        "people",
        sa.column("id", sa.Integer()),
        sa.column("platform", sa.String()),
        sa.column("id_hash", sa.String()),
        sa.column("id_secret", sa.Text()),
    )
    checkins = sa.table(
        "checkins",
        sa.column("id", sa.Integer()),
        sa.column("mood", sa.SmallInteger()),
        sa.column("urge", sa.SmallInteger()),
        sa.column("scores_secret", sa.Text()),
    )
    plans = sa.table(
        "checkin_plans",
        sa.column("person_id", sa.Integer()),
        sa.column("timezone", sa.String()),
        sa.column("timezone_secret", sa.Text()),
    )
    return people, checkins, plans


def _batches(table: sa.TableClause, key: str, *columns: str) -> Iterator[Sequence[Any]]:
    """The table's rows, BATCH at a time in order of `key`, with the columns named."""
    bind = op.get_bind()
    after: Any = None
    while True:
        query = sa.select(table.c[key].label("key"), table.c[key], *(table.c[c] for c in columns))
        if after is not None:
            query = query.where(table.c[key] > after)
        rows = bind.execute(query.order_by(table.c[key]).limit(BATCH)).all()
        if not rows:
            return
        yield rows
        after = rows[-1].key


def _write(table: sa.TableClause, key: str, values: list[dict[str, Any]]) -> None:
    if not values:
        return
    columns: dict[str, Any] = {name: sa.bindparam(name) for name in values[0] if name != "key"}
    op.get_bind().execute(
        sa.update(table).where(table.c[key] == sa.bindparam("key")).values(columns), values
    )


def _vault_if_needed() -> Any:
    """The key's vault (bot.store.vault.Vault), or a refusal when there are rows to convert
    and no key was given. An empty database needs none."""
    config = op.get_context().config
    vault = config.attributes.get("vault") if config is not None else None
    if vault is not None:
        return vault
    bind = op.get_bind()
    for name in ("people", "checkins", "checkin_plans"):
        if bind.execute(sa.text(f"SELECT 1 FROM {name} LIMIT 1")).first() is not None:
            raise VaultError(
                "migration 0007 encrypts people's ids, check-in scores and time zones: "
                "run it with the encryption key (WAYPOINT_ENCRYPTION_KEY set for "
                "`python -m bot migrate`)"
            )
    return None


def _drop_default(table: str, column: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(table, column, server_default=None)


def _drop_in_place_or_refuse() -> None:
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError(
            f"this migration needs SQLite 3.35 or newer to drop a column in place; "
            f"this Python has SQLite {sqlite3.sqlite_version}"
        )
