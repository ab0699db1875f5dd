"""Check-in plans and the reminder queue: claim due reminders, mark, record, release.

Rules (exactly once, across crashes and several instances):
1. A reminder is claimed by one atomic UPDATE that sets a lease (`lease_until`) and a fresh
   token (`claim`); on PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED, on SQLite
   the single statement is the single write transaction. Nobody else claims a leased row.
2. Every later write names the token, so a holder whose lease ran out changes nothing.
3. Just before sending, `sending_at` is committed; right after, the delivery is recorded
   (the next due time, or the row deleted) in its own small transaction.
4. A row claimed again with `sending_at` still set was in flight when its holder died: it
   may have arrived, so it is recorded as done and never sent a second time.
"""

from __future__ import annotations

import json
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from bot.schedule import Plan
from bot.store.tables import (
    AnonymousEventRow,
    CheckinPlanRow,
    EntryRow,
    PersonRow,
    ReminderRow,
    week_of,
)
from bot.vault import Vault

CHECKIN = "checkin"
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


async def load_plan(session: AsyncSession, person_id: int) -> Plan | None:
    """The person's check-in plan, or None when check-ins are off."""
    row = await session.get(CheckinPlanRow, person_id, populate_existing=True)
    return _plan(row) if row is not None else None


async def save_plan(session: AsyncSession, person_id: int, plan: Plan, *, due_at: datetime) -> None:
    """Keep the plan and put the person's next check-in at `due_at`."""
    row = await session.get(CheckinPlanRow, person_id)
    if row is None:
        row = CheckinPlanRow(person_id=person_id)
        session.add(row)
    row.frequency = plan.frequency
    row.local_time = plan.local_time
    row.timezone = plan.timezone
    row.weekday = plan.weekday
    row.paused_until = plan.paused_until
    await session.execute(
        delete(ReminderRow).where(ReminderRow.person_id == person_id, ReminderRow.kind == CHECKIN)
    )
    session.add(ReminderRow(person_id=person_id, kind=CHECKIN, due_at=due_at, attempts=0))


async def due_at(session: AsyncSession, person_id: int, kind: str) -> datetime | None:
    """When the person's reminder of a kind is next due, if there is one."""
    found: datetime | None = await session.scalar(
        select(ReminderRow.due_at).where(
            ReminderRow.person_id == person_id, ReminderRow.kind == kind
        )
    )
    return found


class Queue:
    """The reminder queue, used by the periodic job; each method is one short transaction."""

    def __init__(
        self, sessions: Callable[[], AsyncSession], *, vault: Vault, postgres: bool
    ) -> None:
        self._sessions = sessions
        self._vault = vault
        self._postgres = postgres

    async def claim(
        self, *, now: datetime, limit: int, lease: timedelta, platform: str | None = None
    ) -> tuple[str, list[Due]]:
        """Lease up to `limit` due reminders, oldest first; returns the claim token and them."""
        token = secrets.token_hex(16)
        pick = (
            select(ReminderRow.id)
            .where(
                ReminderRow.due_at <= now,
                or_(ReminderRow.lease_until.is_(None), ReminderRow.lease_until < now),
            )
            .order_by(ReminderRow.due_at)
            .limit(limit)
        )
        if platform is not None:
            pick = pick.join(PersonRow, PersonRow.id == ReminderRow.person_id).where(
                PersonRow.platform == platform
            )
        if self._postgres:
            pick = pick.with_for_update(skip_locked=True, of=ReminderRow)
        claim = (
            update(ReminderRow)
            .where(ReminderRow.id.in_(pick.scalar_subquery()))
            .values(lease_until=now + lease, claim=token)
            .returning(
                ReminderRow.id,
                ReminderRow.person_id,
                ReminderRow.kind,
                ReminderRow.due_at,
                ReminderRow.attempts,
                ReminderRow.sending_at,
            )
            .execution_options(synchronize_session=False)
        )
        async with self._sessions() as session, session.begin():
            claimed = (await session.execute(claim)).all()
            if not claimed:
                return token, []
            people = {row.person_id for row in claimed}
            details = await _details(session, people)
        found = [_due(row, details[row.person_id]) for row in claimed if row.person_id in details]
        return token, sorted(found, key=lambda due: due.due_at)

    async def begin_sending(
        self, due: Due, token: str, *, now: datetime, flow_state: dict[str, Any] | None
    ) -> bool:
        """Mark the reminder in flight (and start the person's flow); False if the lease is lost."""
        async with self._sessions() as session, session.begin():
            marked = await _rowcount(
                session,
                update(ReminderRow)
                .where(ReminderRow.id == due.id, ReminderRow.claim == token)
                .values(sending_at=now),
            )
            if marked and flow_state is not None:
                secret = self._vault.encrypt(json.dumps(flow_state))
                await session.execute(
                    update(PersonRow)
                    .where(PersonRow.id == due.person_id)
                    .values(flow_secret=secret, version=PersonRow.version + 1)
                )
            return marked

    async def finish(
        self, due: Due, token: str, *, now: datetime, next_due: datetime | None, event: str | None
    ) -> bool:
        """Record the reminder done: due again at `next_due`, or gone; count `event` anonymously."""
        mine = (ReminderRow.id == due.id, ReminderRow.claim == token)
        if next_due is None:
            statement: Any = delete(ReminderRow).where(*mine)
        else:
            statement = (
                update(ReminderRow)
                .where(*mine)
                .values(due_at=next_due, lease_until=None, claim=None, sending_at=None, attempts=0)
            )
        async with self._sessions() as session, session.begin():
            done = await _rowcount(session, statement)
            if done and event is not None:
                session.add(AnonymousEventRow(name=event, country=due.country, week=week_of(now)))
            return done

    async def retry_later(self, due: Due, token: str, *, retry_at: datetime) -> bool:
        """Give the reminder back unsent, to be claimed again from `retry_at`."""
        async with self._sessions() as session, session.begin():
            return await _rowcount(
                session,
                update(ReminderRow)
                .where(ReminderRow.id == due.id, ReminderRow.claim == token)
                .values(
                    lease_until=retry_at,
                    claim=None,
                    sending_at=None,
                    attempts=ReminderRow.attempts + 1,
                ),
            )

    async def stop(self, person_id: int) -> None:
        """Turn the person's check-ins off and drop their reminders (they blocked the bot)."""
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(CheckinPlanRow).where(CheckinPlanRow.person_id == person_id)
            )
            await session.execute(delete(ReminderRow).where(ReminderRow.person_id == person_id))


async def _details(session: AsyncSession, people: Iterable[int]) -> dict[int, dict[str, Any]]:
    ids = sorted(people)
    rows = await session.execute(
        select(
            PersonRow.id,
            PersonRow.platform,
            PersonRow.external_id,
            PersonRow.country,
            PersonRow.consent_at,
        ).where(PersonRow.id.in_(ids))
    )
    details: dict[int, dict[str, Any]] = {
        pid: {
            "platform": platform,
            "external_id": external,
            "country": country,
            "consented": consent is not None,
            "plan": None,
            "counts": {},
        }
        for pid, platform, external, country, consent in rows
    }
    plans = await session.scalars(select(CheckinPlanRow).where(CheckinPlanRow.person_id.in_(ids)))
    for plan in plans:
        details[plan.person_id]["plan"] = _plan(plan)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    tallies = await session.execute(
        select(EntryRow.person_id, EntryRow.field, func.count())
        .where(EntryRow.person_id.in_(ids))
        .group_by(EntryRow.person_id, EntryRow.field)
    )
    for pid, name, count in tallies:
        counts[pid][name] = count
    for pid, found in counts.items():
        details[pid]["counts"] = found
    return details


def _due(row: Any, details: dict[str, Any]) -> Due:
    return Due(
        id=row.id,
        kind=row.kind,
        due_at=row.due_at,
        attempts=row.attempts,
        in_doubt=row.sending_at is not None,
        person_id=row.person_id,
        **details,
    )


def _plan(row: CheckinPlanRow) -> Plan:
    return Plan(
        frequency=row.frequency,
        local_time=row.local_time,
        timezone=row.timezone,
        weekday=row.weekday,
        paused_until=row.paused_until,
    )


async def _rowcount(session: AsyncSession, statement: Any) -> bool:
    """Run an UPDATE or DELETE; whether it touched a row."""
    result = cast(
        CursorResult[Any],
        await session.execute(statement.execution_options(synchronize_session=False)),
    )
    return bool(result.rowcount)
