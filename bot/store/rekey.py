"""`python -m bot rekey`: every encrypted value and keyed hash moved to the first key, so
the keys after it can be dropped (issue 21, D7).

Rules:
1. A table is walked in order of its key, BATCH rows at a time, each batch in its own short
   transaction: the bot keeps running, and an interrupted rekey loses at most one batch.
2. A value already under the first key is left as it is, so running it again carries on
   where it stopped and, once done, changes nothing.
3. Each value is written only if it is still the one read (compare and set): a person's
   row the bot rewrote in between (always under the first key) is never overwritten with
   an older value.
4. A value no configured key opens is counted and left: it was encrypted under a key
   already dropped, and only putting that key back can save it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, select, update
from sqlalchemy.exc import SQLAlchemyError

from bot.core.ports import StoreError
from bot.store import Store
from bot.store.tables import CheckinPlanRow, CheckinRow, EntryRow, PersonRow
from bot.store.vault import Vault, VaultError

BATCH = 200

# Each table with its key and its encrypted columns.
ENCRYPTED: list[tuple[Table, str, tuple[str, ...]]] = [
    (
        cast(Table, PersonRow.__table__),
        "id",
        (
            "id_secret",
            "flow_secret",
            "before_checkin_secret",
            "awaiting_secret",
            "episode_secret",
        ),
    ),
    (cast(Table, EntryRow.__table__), "id", ("secret",)),
    (cast(Table, CheckinRow.__table__), "id", ("scores_secret", "secret", "tags_secret")),
    (cast(Table, CheckinPlanRow.__table__), "person_id", ("timezone_secret",)),
]


@dataclass
class Rekeyed:
    """What a run did: values re-encrypted and hashes remade, per table; values left alone
    because already under the first key; values no key opens."""

    changed: dict[str, int] = field(default_factory=dict)
    current: int = 0
    unreadable: int = 0

    @property
    def total(self) -> int:
        return sum(self.changed.values())


async def rekey(
    store: Store,
    *,
    batch: int = BATCH,
    after_batch: Callable[[str, int], None] | None = None,
) -> Rekeyed:
    """Move everything in `store` to its vault's first key.

    `after_batch(table, changed)` is called after each committed batch (for progress, and
    for tests that stop a run part way)."""
    vault = store.vault
    done = Rekeyed()
    try:
        for table, key, columns in ENCRYPTED:
            after: Any = None
            while True:
                async with store.engine.begin() as connection:
                    query = select(table).order_by(table.c[key]).limit(batch)
                    if after is not None:
                        query = query.where(table.c[key] > after)
                    rows = (await connection.execute(query)).all()
                    if not rows:
                        break
                    changed = 0
                    for column in columns:
                        moved = _moved(vault, rows, key, column, done)
                        if moved:
                            changed += await _compare_and_set(connection, table, key, column, moved)
                    if table.name == "people":
                        changed += await _rehash(connection, table, vault, rows, done)
                    after = getattr(rows[-1], key)
                done.changed[table.name] = done.changed.get(table.name, 0) + changed
                if after_batch is not None:
                    after_batch(table.name, changed)
    except (SQLAlchemyError, OSError) as error:
        raise StoreError(f"rekey stopped: {type(error).__name__}") from error
    return done


def _moved(
    vault: Vault, rows: Sequence[Any], key: str, column: str, done: Rekeyed
) -> list[dict[str, Any]]:
    """(key, old token, new token) for each value of `column` not yet under the first key."""
    moved = []
    for row in rows:
        token = getattr(row, column)
        if not token:
            continue
        if vault.is_current(token):
            done.current += 1
            continue
        try:
            moved.append({"k": getattr(row, key), "old": token, "new": vault.rotate(token)})
        except VaultError:
            done.unreadable += 1
    return moved


async def _compare_and_set(
    connection: Any, table: Table, key: str, column: str, moved: list[dict[str, Any]]
) -> int:
    statement = (
        update(table)
        .where(and_(table.c[key] == bindparam("k"), table.c[column] == bindparam("old")))
        .values({column: bindparam("new")})
    )
    result = await connection.execute(statement, moved)
    count = result.rowcount
    return int(count) if count is not None and count >= 0 else len(moved)


async def _rehash(
    connection: Any, table: Table, vault: Vault, rows: Sequence[Any], done: Rekeyed
) -> int:
    """Each person's keyed hash remade under the first key (their id is read from
    `id_secret`, which any configured key opens)."""
    moved = []
    for row in rows:
        try:
            external_id = vault.decrypt(row.id_secret)
        except VaultError:
            continue  # counted with the unreadable values already
        new = vault.lookup(row.platform, external_id)
        if new != row.id_hash:
            moved.append({"k": row.id, "old": row.id_hash, "new": new})
    if not moved:
        return 0
    return await _compare_and_set(connection, table, "id", "id_hash", moved)
