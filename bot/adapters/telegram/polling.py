"""Long polling that lets Telegram forget an update only once it is handled or spooled.

python-telegram-bot's own poller confirms each batch of updates as soon as it has fetched
it, and queues every batch without limit. A process that dies (kill -9, out of memory, a
host going away) loses every update it had fetched and not yet answered — after an outage,
thousands, a crisis message among them — and a burst is pulled into memory whole.

Rules:
1. Every update is assessed the moment it is fetched (`Lane.urgent`, on Telegram's JSON:
   is the answer crisis lines?; the library's objects are made when its turn comes). An
   urgent one is handled at once, whatever else is in hand (the crisis fast lane). The
   others are handled `window` at a time, in the order they came (each chat in
   order: see TelegramAdapter); up to LOOKAHEAD more are fetched and assessed while they
   wait for a turn, so a crisis message behind a backlog is seen without waiting for it.
2. Telegram forgets every update below the offset getUpdates is asked for, so the offset
   asked for is the oldest update still in hand: an update is forgotten only once it has
   been handled. After a crash the updates in hand come again, and the Companion knows
   which of them it had answered (`Incoming.delivery`).
3. While updates are in hand, getUpdates returns them again at once; so it is asked
   without waiting, when one of them is done or every PEEK_EVERY seconds, and the ones
   fetched before are passed over. With nothing in hand it long-polls.
4. A slow update holds the offset back for at most MAX_SPAN newer updates: past that it
   is still handled, but no longer kept from being forgotten (else one stuck update would
   stop the bot fetching anything new). An update waiting for its turn is never let go:
   no more are fetched than keep it within MAX_SPAN of the newest.
5. A getUpdates that timed out is asked again at once; a 429 waits as long as it says;
   any other failure is logged and asked again after a pause that doubles up to
   LONGEST_PAUSE. A rejected token (InvalidToken) is raised: the bot cannot go on.
6. On stop nothing more is fetched; the updates in hand are finished, then confirmed —
   except one whose crisis lines could not be delivered (`Lane.handle` says False): it and
   those after it stay Telegram's (or the spool's), and come again.
7. With a spool (spool.py), rules 2-4 apply only to what it cannot take: each fetched
   batch is assessed while it is written to the spool, and once it is there Telegram may
   forget it, so the poller reads on, up to the spool's capacity (plus LOOKAHEAD) ahead of
   the updates in hand, and long-polls for new ones while those are handled. A handled
   update leaves the spool (an urgent one only once its batch is written). While
   getUpdates comes back full (a backlog), no more are taken in hand until it is read:
   each is assessed first, and at most the spool's capacity is read so. At start the
   spool's updates are taken first, as if just fetched, and getUpdates starts from the
   oldest Telegram still holds (with a full spool it may hold older ones), passing over
   those; the Companion knows the ones that were handled before a crash and not yet
   taken out (`Incoming.delivery`). On stop the
   poller goes on handling what waits for up to DRAIN_ON_STOP seconds first (the next
   start may be on a fresh disk); what is left stays in the spool.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

from telegram.error import InvalidToken, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application

from bot.adapters.telegram.sending import seconds
from bot.adapters.telegram.spool import Spool
from bot.adapters.telegram.updates import Lane, PlainLane, ReadableUpdates, readable, update_id_of

LONG_POLL = 10.0  # seconds getUpdates waits for something new when nothing is in hand
PEEK_EVERY = 0.1  # seconds between looks for new updates while some are in hand
MAX_SPAN = 90  # newer updates one slow update may hold the offset back for (rule 4)
LOOKAHEAD = 80  # updates fetched and assessed while they wait for a turn (rule 1)
DRAIN_ON_STOP = 5.0  # seconds a stopping poller goes on handling what waits in the spool
BATCH_LIMIT = 100  # the most updates Telegram hands out at once (more than MAX_SPAN)
# Seconds after a failed getUpdates (rule 5): short, so a bot is back within two seconds
# of Telegram (a 30 s pause left replies 16.6 s late after an outage: issue 21, D14).
FIRST_PAUSE, LONGEST_PAUSE = 0.25, 2.0

_log = logging.getLogger("bot.adapters.telegram")


class Poller:
    """Fetches updates with getUpdates and hands each to the Application (see the rules)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        updates: ReadableUpdates,
        *,
        window: int,
        allowed_updates: Sequence[str],
        long_poll: float = LONG_POLL,
        lane: Lane | None = None,
        spool: Spool | None = None,
    ) -> None:
        """`updates` is the request object the application's bot uses for getUpdates."""
        self._application = application
        self._updates = updates
        self._window = window
        self._allowed = list(allowed_updates)
        self._long_poll = long_poll
        self._lane = lane or PlainLane(application)
        self._spool = spool
        self._in_hand: dict[int, asyncio.Task[None]] = {}  # being handled
        self._waiting: collections.deque[tuple[int, Any]] = collections.deque()  # id, JSON
        self._turns_taken = 0  # of the `window`: updates in hand that are not urgent
        # Fetched and not in the spool: Telegram must not forget them until handled (rule 2),
        # nor one whose crisis lines were not delivered (rule 6).
        self._held: set[int] = set()
        self._replayed: set[int] = set()  # taken from the spool at start, not from Telegram
        self._backlog = False  # the last getUpdates was full: read on first (rule 7)
        self._next = 0  # past every update fetched so far; 0: from the oldest Telegram holds
        self._changed = asyncio.Event()  # an update in hand was done, or stop() was called
        self._stopped = asyncio.Event()
        self._fetching: asyncio.Future[tuple[Any, ...]] | None = None

    def stop(self) -> None:
        """Fetch nothing more; run() returns once the updates in hand are handled."""
        self._stopped.set()
        self._changed.set()
        if self._fetching is not None:
            self._fetching.cancel()  # a long poll: what it would bring comes again next time

    async def run(self) -> None:
        """Fetch and handle updates until stop(); then finish and confirm those in hand."""
        failures = 0
        try:
            self._replay()
            while not self._stopped.is_set():
                if self._room() <= 0:
                    self._read_on(backlog=False)
                    self._changed.clear()  # nothing can finish between the check and here
                    await self._until_changed()
                    continue
                try:
                    fetched = await self._fetch()
                except Exception as error:  # rule 5: polling goes on, whatever went wrong
                    failures += 1
                    self._read_on(backlog=False)
                    await self._sleep(pause_after(error, failures))
                    continue
                failures = 0
                fresh = self._fresh(fetched)
                spooling = self._spool_batch(fresh)  # written while they are assessed
                for update_id, raw in fresh:
                    self._take(update_id, raw, spooling)
                await spooling
                self._read_on(backlog=len(fetched) >= BATCH_LIMIT and self._spool is not None)
                if self._held and (self._in_hand or self._waiting):
                    await self._until_changed(PEEK_EVERY)
        finally:
            await self._finish()

    def _replay(self) -> None:
        """The spool's updates, from before a restart, first (rule 7)."""
        if self._spool is None:
            return
        spooled = _done()
        replayed = self._spool.replay()
        if replayed:
            _log.info("taking the spool's updates first", extra={"count": len(replayed)})
        for update_id, raw in replayed:
            # Not past `_next`: an update Telegram still holds (one the spool had no room
            # for) may be older than the newest in the spool, and must not be passed over.
            self._replayed.add(update_id)
            self._assess(update_id, raw, spooled)
        self._start_waiting()

    def _spool_batch(self, fresh: Sequence[tuple[int, Any]]) -> asyncio.Future[None]:
        """Into the spool, so Telegram may forget them (rule 7); the rest stay held. The
        write starts now; the future is done once it is over."""
        if self._spool is None or not fresh:
            return _done()
        writing = self._spool.put(fresh)

        async def written() -> None:
            self._held.difference_update(await writing)

        return asyncio.ensure_future(written())

    async def _fetch(self) -> tuple[Any, ...]:
        """The next updates; none if stop() cut a long poll short (they come again)."""
        self._changed.clear()
        self._fetching = asyncio.ensure_future(self._get_updates())
        try:
            return await self._fetching
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the poller itself is being cancelled
            return ()
        finally:
            self._fetching = None

    def _room(self) -> int:
        """How many new updates may be fetched now (rules 1, 4 and 7)."""
        # Those waiting that Telegram keeps: none while the spool takes everything (the
        # spool's 2,000 need not be looked through at every fetch).
        held = [i for i, _ in self._waiting if i in self._held] if self._held else []
        room = LOOKAHEAD - len(held) + (self._spool.free() if self._spool is not None else 0)
        if held:
            room = min(room, MAX_SPAN - (self._next - held[0]))
        return room

    def _offset(self) -> int:
        floor = self._next - MAX_SPAN
        self._held = {held for held in self._held if held >= floor}
        return max(min(self._held, default=self._next), floor)

    async def _get_updates(self) -> tuple[Any, ...]:
        offset = self._offset()
        return await self._updates.fetch(
            self._application.bot,
            fresh_from=self._next,
            offset=offset,
            limit=min(BATCH_LIMIT, self._next - offset + self._room()),
            timeout=0 if self._held else self._long_poll,
            allowed_updates=self._allowed,
        )

    def _fresh(self, fetched: Sequence[Any]) -> list[tuple[int, Any]]:
        """Those of `fetched` not in hand or handled already (rule 3), nor taken from the
        spool at start; `_next` moves past them all."""
        ids = [(update_id_of(raw), raw) for raw in fetched]
        fresh = [(i, raw) for i, raw in ids if i >= self._next and i not in self._replayed]
        self._next = max([self._next, *(i + 1 for i, _ in ids)])
        return fresh

    def _take(self, update_id: int, raw: Any, spooling: asyncio.Future[None]) -> None:
        if self._spool is None or update_id not in self._spool:
            self._held.add(update_id)
        self._assess(update_id, raw, spooling)

    def _assess(self, update_id: int, raw: Any, spooling: asyncio.Future[None]) -> None:
        if self._lane.urgent(raw):
            self._start(update_id, raw, spooling, turn=False)  # the crisis fast lane
        else:
            self._waiting.append((update_id, raw))

    def _read_on(self, *, backlog: bool) -> None:
        """While Telegram hands out full batches, read and assess the backlog before taking
        more of it in hand (the spool's capacity bounds how far); then take turns again."""
        self._backlog = backlog
        self._start_waiting()

    def _start_waiting(self) -> None:
        while self._waiting and self._turns_taken < self._window and not self._backlog:
            self._start(*self._waiting.popleft(), None, turn=True)

    def _start(
        self, update_id: int, raw: Any, spooling: asyncio.Future[None] | None, *, turn: bool
    ) -> None:
        self._turns_taken += turn
        self._in_hand[update_id] = asyncio.create_task(
            self._handle(update_id, raw, spooling, turn=turn), name=f"update {update_id}"
        )

    async def _handle(
        self, update_id: int, raw: Any, spooling: asyncio.Future[None] | None, *, turn: bool
    ) -> None:
        delivered = False
        try:
            delivered = await self._lane.handle(readable(raw, self._application.bot))
            if spooling is not None:
                await spooling  # an urgent one may be done before its batch is spooled
        finally:
            if delivered:  # else it stays held, or spooled, and comes again (rule 6)
                self._held.discard(update_id)
                if self._spool is not None:
                    self._spool.remove(update_id)
            del self._in_hand[update_id]
            self._turns_taken -= turn
            self._start_waiting()
            self._changed.set()

    async def _finish(self) -> None:
        self._read_on(backlog=False)
        if self._spool is not None:  # in case the next start is on another disk (rule 7)
            await self._drain(seconds=DRAIN_ON_STOP)
        # Those still waiting for a turn are not handled: held ones are not confirmed and
        # come again from Telegram; spooled ones come again from the spool (rule 7).
        self._waiting.clear()
        if self._in_hand:
            await asyncio.gather(*self._in_hand.values(), return_exceptions=True)
        confirm = self._offset() if self._next else 0
        if confirm:
            with contextlib.suppress(TelegramError):  # not confirmed: they come again, once
                await self._application.bot.get_updates(
                    offset=confirm, limit=1, timeout=0, allowed_updates=self._allowed
                )

    async def _drain(self, *, seconds: float) -> None:
        """Handle the updates waiting for a turn, for at most `seconds`."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                while self._waiting:
                    self._changed.clear()
                    await self._changed.wait()

    async def _until_changed(self, seconds: float | None = None) -> None:
        """Until an update in hand is done or stop() is called, since `_changed` was last
        cleared; at most `seconds`. (If it is set already this returns without yielding.)"""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._changed.wait()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._stopped.wait()


def _done() -> asyncio.Future[None]:
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    done.set_result(None)
    return done


def pause_after(error: Exception, failures: int) -> float:
    """Seconds to wait after the `failures`-th getUpdates in a row failed (rule 5)."""
    if isinstance(error, InvalidToken):
        raise error
    if isinstance(error, TimedOut):
        return 0.0
    if isinstance(error, RetryAfter):
        return seconds(error.retry_after)
    pause = min(LONGEST_PAUSE, FIRST_PAUSE * 2.0 ** min(failures - 1, 16))
    _log.warning(
        "getUpdates failed; asking again", extra={"error": type(error).__name__, "pause": pause}
    )
    return pause
