"""What a person keeps: their entries, decrypted, and the summary the flows ask about."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Label, exists, func, select

from bot.store.tables import CheckinPlanRow, EntryRow


@dataclass(frozen=True)
class Entry:
    """Something the person chose to keep, decrypted."""

    id: int
    field: str
    text: str
    rating: int | None
    created_at: datetime


@dataclass(frozen=True)
class Kept:
    """What the flows may ask about a person's kept things (see Actions.facts)."""

    counts: dict[str, int]  # entries per field
    checkins_on: bool

    @classmethod
    def columns(cls, person_id: Any) -> tuple[Label[str | None], Label[bool]]:
        """Two columns, `fields` and `checkins_on`, to add to a query about `person_id`."""
        fields = (
            select(func.aggregate_strings(EntryRow.field, ","))
            .where(EntryRow.person_id == person_id)
            .scalar_subquery()
            .label("fields")
        )
        plan = exists().where(CheckinPlanRow.person_id == person_id).label("checkins_on")
        return fields, plan

    @classmethod
    def of(cls, row: Any) -> Kept:
        """Read from a row (any row type) holding the two columns above."""
        counts = Counter(row.fields.split(",")) if row.fields else Counter()
        return cls(counts=dict(counts), checkins_on=bool(row.checkins_on))
