"""Retention: check-in records older than the configured age are erased, once a day."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.core.ports import Clock
from bot.store import Store, StoreError

log = logging.getLogger(__name__)


class Retention:
    """Purges old check-in records; cheap to call often, works at most once a day."""

    def __init__(self, store: Store, *, days: int, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._keep = timedelta(days=days)
        self._last_run: datetime | None = None

    async def run_if_due(self, *, now: datetime | None = None) -> int:
        now = now or self._clock()
        if self._last_run is not None and now - self._last_run < timedelta(days=1):
            return 0
        try:
            purged = await self._store.purge_checkins(before=now - self._keep)
        except StoreError:
            log.warning("retention purge failed; will try again")
            return 0
        self._last_run = now
        log.info("retention purge", extra={"purged": purged})
        return purged
