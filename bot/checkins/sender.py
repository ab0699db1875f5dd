"""The periodic check-in job: claim due reminders, send them at a steady pace, record each.

Rules (see bot/store/reminder_queue.py for the queue's side):
1. The database is the source of truth; nothing about who is due lives in memory.
2. Due reminders are claimed with a lease and sent at most `rate_per_second`, in waves: a
   wave is marked in flight only once its sends may all start (its turn at the rate has
   come), and recorded as soon as they return; one wave is in flight at a time. So a crash
   leaves at most one wave in doubt, one message per person in it, all of them requests
   already made. A reminder that may already have been sent (its holder died mid-send) is
   never sent again.
3. A check-in more than two hours late is skipped, not sent (no messages in the night
   because the bot was down); the next one is scheduled as usual. An ignored check-in is
   never mentioned.
4. A person who blocked the bot has their check-ins turned off; a message that could not
   be delivered is retried on a later pass, a few times at most.
"""

from __future__ import annotations

import asyncio
import logging
import time as clock
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import dialogues
from bot.checkins.schedule import next_due
from bot.core import words
from bot.core.buttons import CheckinBetter, CheckinSettings, CheckinSnooze, Go, MoreHelp, Resume
from bot.core.callback_data import option
from bot.core.ports import Clock, Outbox
from bot.messages import Option, Platform, RecipientGone, Reply, ReplyKind, Undeliverable
from bot.store import Store, StoreError
from bot.store.checkin_plans import CHECKIN
from bot.store.reminder_queue import Queue
from bot.store.reminders import SNOOZE, Due, Outcome

log = logging.getLogger(__name__)

FLOW = "checkin"
TOO_LATE = timedelta(hours=2)
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=1)
CHECKBACK_OPTIONS = (
    option(CheckinBetter(), words.CHECKBACK_BETTER),
    option(Go("urges:now"), words.CHECKBACK_STILL_HARD),
    option(Go("toolbox:show"), words.MY_TOOLBOX),
    option(MoreHelp(), words.CHECKBACK_HELP),
)
CHECKIN_EXTRA = (
    option(CheckinSnooze(), words.CHECKIN_LATER),
    option(CheckinSettings(), words.CHECKIN_SETTINGS),
)


class Sender:
    """Sends due reminders through an outbox; `tick()` is one pass."""

    def __init__(
        self,
        *,
        store: Store,
        library: dialogues.Library,
        outbox: Outbox,
        clock: Clock,
        rate_per_second: float = 25.0,
        concurrency: int = 8,
        platform: Platform | None = None,
    ) -> None:
        """`clock` tells the time of each pass; `platform`: send only its people's (one
        process runs one adapter). FlowError if the library has no `checkin` flow."""
        if library.resolve("", FLOW) in (None, ("", "end")):
            raise dialogues.FlowError(
                [dialogues.Problem(f"{FLOW}.yaml", 0, "check-ins need a `checkin` flow")]
            )
        self._library = library
        self._outbox = outbox
        self._clock = clock
        self._interval = 1.0 / rate_per_second
        self._wave = max(1, concurrency)
        self._platform = platform.value if platform else None
        self._batch = max(1, min(1000, int(rate_per_second * 60)))
        self._queue = Queue(store.session, vault=store.vault, postgres=store.is_postgres)

    async def tick(self, *, now: datetime | None = None) -> int:
        """Claim due reminders and send them; returns how many were sent. `now`: the time of
        the pass (else the clock's, read again for each batch)."""
        outbox = self._outbox
        pace = _Pace(self._interval, burst=2 * self._wave)
        sent = 0
        while True:
            at = now or self._clock()
            try:
                token, batch = await self._queue.claim(
                    now=at, limit=self._batch, lease=LEASE, platform=self._platform
                )
            except StoreError as error:
                log.warning("could not claim check-ins: %s", error)
                return sent
            # Two waves at once: one waits for its turn at the rate while the other is in
            # flight. `flight` lets one wave at a time be marked, sent and recorded, so a
            # crash leaves at most that one in doubt (and this process's writes one at a time:
            # SQLite has one writer).
            turns, flight = asyncio.Semaphore(2), asyncio.Lock()
            waves = [batch[i : i + self._wave] for i in range(0, len(batch), self._wave)]
            jobs = (self._wave_in_turn(outbox, w, token, at, pace, turns, flight) for w in waves)
            sent += sum(await asyncio.gather(*jobs))
            if len(batch) < self._batch:
                return sent

    async def _wave_in_turn(
        self,
        outbox: Outbox,
        wave: Sequence[Due],
        token: str,
        now: datetime,
        pace: _Pace,
        turns: asyncio.Semaphore,
        flight: asyncio.Lock,
    ) -> int:
        async with turns:
            try:
                return await self._send_wave(outbox, wave, token, now, pace, flight)
            except StoreError as error:
                log.warning("a wave of check-ins was not recorded (%s); leases will run out", error)
                return 0

    async def _send_wave(
        self,
        outbox: Outbox,
        wave: Sequence[Due],
        token: str,
        now: datetime,
        pace: _Pace,
        flight: asyncio.Lock,
    ) -> int:
        """Wait for the wave's turn at the rate, then mark it in flight (one transaction),
        send it, and record it (one transaction), holding `flight` from mark to record."""
        outcomes: list[Outcome] = []
        sending: list[tuple[Due, list[Reply], dict[str, Any] | None]] = []
        for due in wave:
            following = self._following(due, now)
            if due.in_doubt:
                log.warning("check-in %s may have been sent before a crash: not again", due.id)
                outcomes.append(Outcome(due, next_due=following, event="checkin_in_doubt"))
            elif now - due.due_at > TOO_LATE or (due.kind == CHECKIN and due.plan is None):
                outcomes.append(Outcome(due, next_due=following, event="checkin_late"))
            else:
                sending.append((due, *self._compose(due)))
        # Paced before it is marked: a mark covers only sends about to be made, never ones
        # still waiting for their turn (which a crash would otherwise leave in doubt).
        for _ in sending:
            await pace.wait()
        async with flight:
            marked = await self._queue.begin_sending(
                [(due, state) for due, _, state in sending], token, now=now
            )
            jobs = [
                self._send(outbox, due, replies, now)
                for due, replies, _ in sending
                if due.id in marked
            ]
            outcomes += await asyncio.gather(*jobs)
            await self._queue.settle(outcomes, token, now=now)
        return sum(outcome.sent for outcome in outcomes)

    async def _send(self, outbox: Outbox, due: Due, replies: list[Reply], now: datetime) -> Outcome:
        following = self._following(due, now)
        try:
            await outbox.send(due.external_id, replies)
        except RecipientGone:
            log.info("check-ins turned off for a person who can no longer be reached")
            return Outcome(due, gone=True)
        except Undeliverable as error:
            if due.attempts + 1 >= MAX_ATTEMPTS:
                log.warning("check-in %s given up after %d tries: %s", due.id, MAX_ATTEMPTS, error)
                return Outcome(due, next_due=following, event="checkin_failed")
            return Outcome(due, retry_at=now + RETRY_AFTER * (due.attempts + 1))
        return Outcome(due, next_due=following, event=f"{due.kind}_sent", sent=True)

    def _following(self, due: Due, now: datetime) -> datetime | None:
        """When this reminder is next due after now; None for one-off reminders."""
        if due.kind != CHECKIN or due.plan is None:
            return None
        return next_due(due.plan, max(now, due.due_at))

    def _compose(self, due: Due) -> tuple[list[Reply], dict[str, Any] | None]:
        """The messages for a reminder, and the flow state the person's taps continue from."""
        if due.kind not in (CHECKIN, SNOOZE):
            return [Reply(words.CHECKBACK, options=CHECKBACK_OPTIONS, kind=ReplyKind.CHECKIN)], None
        facts = dialogues.Facts(
            flags={
                "consent": due.consented,
                "country_set": due.country is not None,
                "checkins_on": due.plan is not None,
            },
            counts=due.counts,
        )
        step = dialogues.start(self._library, FLOW, facts=facts)
        replies = [
            Reply(
                m.text,
                options=tuple(Option(b.id, b.label) for b in m.buttons),
                kind=ReplyKind.CHECKIN,
            )
            for m in step.messages
        ]
        extra: tuple[Option, ...] = CHECKIN_EXTRA
        if due.place_kept or due.flow not in (None, FLOW):
            # In the middle of something: the place is kept, and this goes back to it.
            extra = (*extra, option(Resume(), words.CARRY_ON_WHERE_WE_WERE))
        last = replies[-1]
        replies[-1] = Reply(last.text, options=(*last.options, *extra), kind=last.kind)
        return replies, step.state


class _Pace:
    """A token bucket: on average one send per `interval`, bursts of at most `burst`.

    After a pause (a claim, a transaction) up to `burst` sends may go at once to catch up, so
    the configured rate is what is achieved; over any stretch of time the sends stay within
    the rate plus that one burst.
    """

    def __init__(self, interval: float, *, burst: int) -> None:
        self._interval = interval
        self._slack = interval * max(burst - 1, 0)
        self._next = clock.monotonic()

    async def wait(self) -> None:
        now = clock.monotonic()
        slot = max(self._next, now - self._slack)
        self._next = slot + self._interval
        if slot > now:
            await asyncio.sleep(slot - now)
