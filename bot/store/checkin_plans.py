"""A person's check-in plan and the time of their next reminders, inside their transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.checkins.schedule import Plan
from bot.store.tables import CheckinPlanRow, ReminderRow
from bot.store.vault import Vault

CHECKIN = "checkin"


async def load_plan(session: AsyncSession, person_id: int, vault: Vault) -> Plan | None:
    """The person's check-in plan, or None when check-ins are off."""
    row = await session.get(CheckinPlanRow, person_id, populate_existing=True)
    return plan_of(row, vault) if row is not None else None


async def save_plan(
    session: AsyncSession, person_id: int, plan: Plan, *, due_at: datetime, vault: Vault
) -> None:
    """Keep the plan and put the person's next check-in at `due_at`."""
    row = await session.get(CheckinPlanRow, person_id)
    if row is None:
        row = CheckinPlanRow(person_id=person_id)
        session.add(row)
    row.frequency = plan.frequency
    row.local_time = plan.local_time
    row.timezone_secret = vault.encrypt(plan.timezone)
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


def plan_of(row: CheckinPlanRow, vault: Vault) -> Plan:
    """The plan a row holds."""
    return Plan(
        frequency=row.frequency,
        local_time=row.local_time,
        timezone=vault.decrypt(row.timezone_secret),
        weekday=row.weekday,
        paused_until=row.paused_until,
    )
