"""The reminder queue: claim due reminders, mark, record, release.

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
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ports import StoreError
from bot.store.checkin_plans import plan_of
from bot.store.reminders import Due, Outcome
from bot.store.tables import (
    AnonymousEventRow,
    CheckinPlanRow,
    EntryRow,
    PersonRow,
    ReminderRow,
    week_of,
)
from bot.store.vault import Vault, VaultError

PEOPLE = cast(Table, PersonRow.__table__)
REMINDERS = cast(Table, ReminderRow.__table__)


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
        async with _guard(), self._sessions() as session, session.begin():
            claimed = (await session.execute(claim)).all()
            if not claimed:
                return token, []
            people = {row.person_id for row in claimed}
            details = await _details(session, people, self._vault)
        found = [_due(row, details[row.person_id]) for row in claimed if row.person_id in details]
        return token, sorted(found, key=lambda due: due.due_at)

    async def begin_sending(
        self, wave: Sequence[tuple[Due, dict[str, Any] | None]], token: str, *, now: datetime
    ) -> set[int]:
        """Mark a wave of reminders in flight and start each person's flow, in one transaction.
        The flow's question replaces any question of the core's left open (`awaiting`), so
        a reply to the check-in is not read as the answer to an older one. A place in
        another flow is kept (`before_checkin_secret`), for "Carry on where we were"; one
        kept from an earlier check-in stays while the person is still in a check-in.

        Returns the ids still held under `token` (the others' leases were lost).
        """
        if not wave:
            return set()
        async with _guard(), self._sessions() as session, session.begin():
            held = await session.execute(
                update(ReminderRow)
                .where(ReminderRow.id.in_([due.id for due, _ in wave]), ReminderRow.claim == token)
                .values(sending_at=now)
                .returning(ReminderRow.id)
                .execution_options(synchronize_session=False)
            )
            marked = set(held.scalars())
            starting = {
                due.person_id: state
                for due, state in wave
                if due.id in marked and state is not None
            }
            if starting:
                people = PEOPLE.c
                places = (
                    await session.execute(
                        select(people.id, people.flow_secret).where(
                            people.id.in_(list(starting)), people.flow_secret.is_not(None)
                        )
                    )
                ).all()
                flow_of = {person: _flow_of(self._vault, secret) for person, secret in places}
                before = {
                    person: secret
                    for person, secret in places
                    if flow_of[person] not in (None, starting[person].get("flow"))
                }
                flows = [
                    {
                        "person": person,
                        "secret": self._vault.encrypt(json.dumps(state)),
                        "before": before.get(person),
                    }
                    for person, state in starting.items()
                ]
                await session.execute(
                    update(PEOPLE)
                    .where(people.id == bindparam("person"))
                    .values(
                        flow_secret=bindparam("secret"),
                        before_checkin_secret=func.coalesce(
                            bindparam("before"), people.before_checkin_secret
                        ),
                        awaiting_secret=None,
                        version=people.version + 1,
                    ),
                    flows,
                )
        return marked

    async def settle(self, outcomes: Sequence[Outcome], token: str, *, now: datetime) -> None:
        """Record what became of a wave of reminders, in one transaction."""
        if not outcomes:
            return
        async with _guard(), self._sessions() as session, session.begin():
            # A write comes first, so SQLite takes its write lock now (waiting if need be)
            # rather than failing to upgrade a read snapshot later; on PostgreSQL it locks
            # the rows still held under the token.
            held_rows = await session.execute(
                update(ReminderRow)
                .where(
                    ReminderRow.id.in_([outcome.due.id for outcome in outcomes]),
                    ReminderRow.claim == token,
                )
                .values(claim=token)
                .returning(ReminderRow.id)
                .execution_options(synchronize_session=False)
            )
            held = set(held_rows.scalars())
            gone = {outcome.due.person_id for outcome in outcomes if outcome.gone}
            mine = [o for o in outcomes if o.due.id in held and o.due.person_id not in gone]
            if gone:
                await session.execute(
                    delete(CheckinPlanRow).where(CheckinPlanRow.person_id.in_(gone))
                )
                await session.execute(delete(ReminderRow).where(ReminderRow.person_id.in_(gone)))
            await _record(session, mine, now=now)


def _flow_of(vault: Vault, secret: str) -> str | None:
    """The flow a kept place is in (None if it cannot be read)."""
    try:
        state = json.loads(vault.decrypt(secret))
    except (ValueError, VaultError):
        return None
    return state.get("flow") if isinstance(state, dict) else None


async def _record(session: AsyncSession, outcomes: Sequence[Outcome], *, now: datetime) -> None:
    """Apply outcomes whose reminders are still held: a few statements for the whole wave."""
    table = REMINDERS
    columns = table.c
    moved = [
        {"reminder": o.due.id, "next_at": o.next_due}
        for o in outcomes
        if o.retry_at is None and o.next_due is not None
    ]
    if moved:
        await session.execute(
            update(table)
            .where(columns.id == bindparam("reminder"))
            .values(
                due_at=bindparam("next_at"),
                lease_until=None,
                claim=None,
                sending_at=None,
                attempts=0,
            ),
            moved,
        )
    retried = [
        {"reminder": o.due.id, "retry": o.retry_at} for o in outcomes if o.retry_at is not None
    ]
    if retried:
        await session.execute(
            update(table)
            .where(columns.id == bindparam("reminder"))
            .values(
                lease_until=bindparam("retry"),
                claim=None,
                sending_at=None,
                attempts=columns.attempts + 1,
            ),
            retried,
        )
    done = [o.due.id for o in outcomes if o.retry_at is None and o.next_due is None]
    if done:
        await session.execute(delete(ReminderRow).where(ReminderRow.id.in_(done)))
    events = [
        {"name": o.event, "country": o.due.country, "week": week_of(now)}
        for o in outcomes
        if o.event is not None and o.retry_at is None
    ]
    if events:
        await session.execute(insert(AnonymousEventRow), events)


@asynccontextmanager
async def _guard() -> AsyncIterator[None]:
    """Database failures leave as StoreError, the store's one exception."""
    try:
        yield
    except (SQLAlchemyError, OSError) as error:
        raise StoreError(f"check-in queue: {type(error).__name__}") from error


async def _details(
    session: AsyncSession, people: Iterable[int], vault: Vault
) -> dict[int, dict[str, Any]]:
    ids = sorted(people)
    rows = await session.execute(
        select(
            PersonRow.id,
            PersonRow.platform,
            PersonRow.id_secret,
            PersonRow.country,
            PersonRow.consent_at,
            PersonRow.flow_secret,
            PersonRow.before_checkin_secret,
        ).where(PersonRow.id.in_(ids))
    )
    details: dict[int, dict[str, Any]] = {
        pid: {
            "platform": platform,
            "external_id": vault.decrypt(external),
            "country": country,
            "consented": consent is not None,
            "plan": None,
            "counts": {},
            "flow": _flow_of(vault, flow) if flow else None,
            "place_kept": before is not None,
        }
        for pid, platform, external, country, consent, flow, before in rows
    }
    plans = await session.scalars(select(CheckinPlanRow).where(CheckinPlanRow.person_id.in_(ids)))
    for plan in plans:
        details[plan.person_id]["plan"] = plan_of(plan, vault)
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
