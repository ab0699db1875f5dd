"""`python -m bot stats`: aggregate, anonymous counts printed for the operator."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from bot.store import Store
from bot.store.counts import gather_stats


async def print_stats(store: Store, *, out: TextIO, today: date) -> None:
    """The counts, with "active in the last N days" counted back from `today`."""
    async with store.session() as session:
        stats = await gather_stats(session, today=today)
    out.write(f"people: {stats.people}\n")
    out.write(f"active in the last 7 days: {stats.active_7_days}\n")
    out.write(f"active in the last 30 days: {stats.active_30_days}\n")
    out.write(f"check-ins turned on: {stats.checkins_on}\n")
    out.write(f"check-ins sent: {stats.events.get('checkin_sent', 0)}\n")
    out.write(f"crisis replies: {stats.events.get('crisis', 0)}\n")
    out.write(f"concern replies: {stats.events.get('concern', 0)}\n")
    if stats.crisis_by_country_week:
        out.write("crisis replies by week and country:\n")
        for country, week, count in stats.crisis_by_country_week:
            out.write(f"  {week.isoformat()}  {country}  {count}\n")
