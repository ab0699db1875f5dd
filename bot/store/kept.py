"""The summary of what a person keeps (bot.core.ports.Kept), read with their row."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Label, exists, func, select

from bot.core.ports import Kept
from bot.store.tables import CheckinPlanRow, EntryRow


def kept_columns(person_id: Any) -> tuple[Label[str | None], Label[bool]]:
    """Two columns, `fields` and `checkins_on`, to add to a query about `person_id`."""
    fields = (
        select(func.aggregate_strings(EntryRow.field, ","))
        .where(EntryRow.person_id == person_id)
        .scalar_subquery()
        .label("fields")
    )
    plan = exists().where(CheckinPlanRow.person_id == person_id).label("checkins_on")
    return fields, plan


def kept_of(row: Any) -> Kept:
    """Read from a row (any row type) holding the two columns above."""
    counts = Counter(row.fields.split(",")) if row.fields else Counter()
    return Kept(counts=dict(counts), checkins_on=bool(row.checkins_on))
