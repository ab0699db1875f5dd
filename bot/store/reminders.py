"""Reminders: their kinds, and what the queue hands out (Due) and takes back (Outcome)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.checkins.schedule import Plan

CHECKBACK = "checkback"
SNOOZE = "snooze"


@dataclass(frozen=True)
class Due:
    """A claimed reminder with what sending it needs to know about the person."""

    id: int
    kind: str
    due_at: datetime
    attempts: int
    in_doubt: bool
    person_id: int
    platform: str
    external_id: str
    country: str | None
    consented: bool
    plan: Plan | None
    counts: dict[str, int] = field(default_factory=dict)
    # Where the person was when claimed: in a flow (its id), and whether a place from
    # before an earlier check-in is kept ("Carry on where we were" goes to it).
    flow: str | None = None
    place_kept: bool = False


@dataclass(frozen=True)
class Outcome:
    """What became of a claimed reminder: done (due again at `next_due`, or gone when None),
    to be retried from `retry_at`, or its person unreachable (`gone`: check-ins off)."""

    due: Due
    next_due: datetime | None = None
    event: str | None = None
    retry_at: datetime | None = None
    gone: bool = False
    sent: bool = False
