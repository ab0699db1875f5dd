"""Aggregate, anonymous counts for the people who run Waypoint. No content, no ids."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.store.tables import AnonymousEventRow, CheckinPlanRow, PersonRow


@dataclass(frozen=True)
class Stats:
    people: int
    active_7_days: int
    active_30_days: int
    checkins_on: int
    events: dict[str, int]
    crisis_by_country_week: list[tuple[str, date, int]]


async def gather_stats(session: AsyncSession, *, today: date) -> Stats:
    async def count_people(since: date | None = None) -> int:
        query = select(func.count()).select_from(PersonRow)
        if since is not None:
            query = query.where(PersonRow.last_active_on >= since)
        return int(await session.scalar(query) or 0)

    events = await session.execute(
        select(AnonymousEventRow.name, func.count()).group_by(AnonymousEventRow.name)
    )
    crisis = await session.execute(
        select(AnonymousEventRow.country, AnonymousEventRow.week, func.count())
        .where(AnonymousEventRow.name == "crisis")
        .group_by(AnonymousEventRow.country, AnonymousEventRow.week)
        .order_by(AnonymousEventRow.week.desc(), AnonymousEventRow.country)
    )
    return Stats(
        people=await count_people(),
        active_7_days=await count_people(today - timedelta(days=7)),
        active_30_days=await count_people(today - timedelta(days=30)),
        checkins_on=int(
            await session.scalar(select(func.count()).select_from(CheckinPlanRow)) or 0
        ),
        events={name: count for name, count in events},
        crisis_by_country_week=[(country or "--", week, n) for country, week, n in crisis],
    )
