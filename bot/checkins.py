"""Opt-in check-ins: the settings screens, /progress, and the periodic job that sends them.

Rules for `tick()` (one pass of the periodic job; see bot/store/reminders.py for the queue):
1. The database is the source of truth; nothing about who is due lives in memory.
2. Due reminders are claimed with a lease, sent at most `rate_per_second`, and each send is
   recorded in its own small transaction right after it: a crash loses no record but the
   one in flight, and a reminder that may have been sent is never sent again.
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
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import dialogues
from bot import checkin_menus as menus
from bot import progress as pictures
from bot import zones
from bot.actions import Turn
from bot.messages import Option, Platform, RecipientGone, Reply, ReplyKind, Undeliverable
from bot.schedule import Plan, local_moment, next_due
from bot.store import Store, StoreError
from bot.store.reminders import CHECKIN, SNOOZE, Due, Queue

log = logging.getLogger(__name__)

TOO_LATE = timedelta(hours=2)
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=1)
SNOOZE_FOR = timedelta(hours=1)
FLOW = "checkin"
CHECKBACK_TEXT = "Hi, it's Waypoint, checking back in. How are you doing now?"
CHECKBACK_OPTIONS = (
    Option("!checkin:better", "A bit better"),
    Option("!go:urges:now", "Still hard"),
    Option("!go:toolbox:show", "My toolbox"),
    Option("!sos:more", "Ways to get help"),
)
BETTER = "I'm glad it's eased a bit. Getting through that took something. I'm here any time."
STOPPED = "Check-ins are off. Nothing more will arrive. /checkin turns them on again."
SNOOZED = "Okay. I'll check in with you in about an hour."
PAUSED = "Okay, check-ins are paused until {until}. Take care of yourself."
SAVED = (
    "Done. Check-ins are on: I'll message you {when}. The next one is {next_at}. "
    "You can change or stop them any time with /checkin."
)


class Outbox(Protocol):
    """Where scheduled messages go: the Telegram adapter, the terminal, a test's recorder."""

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None: ...


class Checkins:
    """The check-in menus (bot.actions.CheckinMenus) and the periodic sending job."""

    def __init__(
        self,
        *,
        store: Store,
        library: dialogues.Library,
        rate_per_second: float = 25.0,
        concurrency: int = 8,
        platform: Platform | None = None,
    ) -> None:
        if library.resolve("", FLOW) in (None, ("", "end")):
            raise dialogues.FlowError(
                [dialogues.Problem(f"{FLOW}.yaml", 0, "check-ins need a `checkin` flow")]
            )
        self._store = store
        self._library = library
        self._interval = 1.0 / rate_per_second
        self._concurrency = concurrency
        self._platform = platform.value if platform else None
        self._batch = max(1, min(1000, int(rate_per_second * 60)))
        self._queue = Queue(store.session, vault=store.vault, postgres=store.is_postgres)
        self._outbox: Outbox | None = None

    def attach(self, outbox: Outbox) -> None:
        """Say where check-ins are sent; until then `tick()` sends nothing."""
        self._outbox = outbox

    # The screens (inside the person's transaction) ---------------------------------------

    async def settings(self, turn: Turn) -> list[Reply]:
        person = turn.person
        if not person.consented:
            return [menus.consent_question(_back(turn))]
        plan = await person.checkin_plan()
        if plan is None:
            return [menus.frequency_menu(_back(turn))]
        now = turn.incoming.now
        due = await person.reminder_due(CHECKIN) or next_due(plan, now)
        paused = plan.paused_until if plan.paused_until and plan.paused_until > now else None
        return [
            menus.status(
                plan,
                next_at=local_moment(due, plan.timezone),
                back=_back(turn),
                paused_until=local_moment(paused, plan.timezone) if paused else None,
            )
        ]

    async def choose(self, turn: Turn, choice: str) -> list[Reply]:
        person, now = turn.person, turn.incoming.now
        verb, *rest = choice.removeprefix("!checkin").removeprefix(":").split(":", 4)
        if verb == "progress":
            return await self.progress(turn, days=90 if rest == ["90"] else 30)
        if verb == "better":
            return [Reply(BETTER, options=(Option("!go:topics", "Show topics"),))]
        if verb == "consent":
            person.consent_at = person.consent_at or now
            return await self.settings(turn)
        if not person.consented:
            return [menus.consent_question(_back(turn))]
        plan = await person.checkin_plan()
        match verb, rest:
            case "on", []:
                return [menus.frequency_menu(_back(turn), text=menus.HOW_OFTEN)]
            case "f", ["w"]:
                return [menus.weekday_menu()]
            case "f", [code] if menus.decode(code):
                return [menus.period_menu(code)]
            case "p", [code, period] if menus.decode(code):
                return [menus.times_menu(code, period)]
            case "t", [code, hhmm] if plan is not None:
                return await self._save(
                    turn, menus.plan_from(code, hhmm, plan.timezone, paused=plan)
                )
            case "t", [code, hhmm]:
                found = zones.for_country(person.country)
                if len(found) == 1:
                    return await self._save(turn, menus.plan_from(code, hhmm, found[0].name))
                return self._ask_zone(turn, code, hhmm)
            case "c", [code, hhmm, page] if page.isdigit():
                found = zones.for_country(person.country)
                return [menus.country_zone_menu(code, hhmm, found, page=int(page))]
            case "r", [code, hhmm]:
                return [menus.region_menu(code, hhmm)]
            case "r", [code, hhmm, region, page] if page.isdigit():
                return [menus.region_zone_menu(code, hhmm, region, page=int(page))]
            case "z", [code, hhmm, zone]:
                return await self._save(turn, menus.plan_from(code, hhmm, zone, paused=plan))
            case "zone", [] if plan is not None:
                code = menus.encode(plan.frequency, plan.weekday)
                return self._ask_zone(turn, code, f"{plan.local_time:%H%M}")
            case "pause", [days] if plan is not None and days in ("1", "3", "7", "14"):
                until = now + timedelta(days=int(days))
                return await self._pause(turn, plan, until)
            case "unpause", [] if plan is not None:
                await self._pause(turn, plan, None)
                return await self.settings(turn)
            case "snooze", []:
                await person.schedule(SNOOZE, due_at=now + SNOOZE_FOR)
                return [Reply(SNOOZED, options=(_back(turn),))]
            case "off", []:
                await person.stop_reminders()
                return [Reply(STOPPED, options=(_back(turn),))]
        return await self.settings(turn)

    async def progress(self, turn: Turn, *, days: int = 30) -> list[Reply]:
        now = turn.incoming.now
        points = await turn.person.checkins(since=now - timedelta(days=days))
        if not any(mood is not None or urge is not None for _, mood, urge in points):
            return [Reply(pictures.NOTHING_YET, options=(_back(turn),))]
        wins = [entry.created_at for entry in await turn.person.entries("wins")]
        image = await asyncio.to_thread(pictures.chart, points, wins, days=days, now=now)
        other = 90 if days == 30 else 30
        options = (Option(f"!checkin:progress:{other}", f"Show {other} days"), _back(turn))
        caption = pictures.caption(points, wins, days=days)
        return [Reply(caption, options=options, image=image)]

    # The periodic job -------------------------------------------------------------------

    async def tick(self, *, now: datetime | None = None) -> int:
        """Claim due reminders and send them; returns how many were sent."""
        outbox = self._outbox
        if outbox is None:
            log.warning("check-ins are due but nothing is attached to send them")
            return 0
        pace = _Pace(self._interval)
        lanes = asyncio.Semaphore(self._concurrency)
        sent = 0
        while True:
            at = now or datetime.now(UTC)
            try:
                token, batch = await self._queue.claim(
                    now=at, limit=self._batch, lease=LEASE, platform=self._platform
                )
            except StoreError as error:
                log.warning("could not claim check-ins: %s", error)
                return sent
            jobs = (self._deliver(outbox, due, token, at, pace, lanes) for due in batch)
            sent += sum(await asyncio.gather(*jobs))
            if len(batch) < self._batch:
                return sent

    async def _deliver(
        self,
        outbox: Outbox,
        due: Due,
        token: str,
        now: datetime,
        pace: _Pace,
        lanes: asyncio.Semaphore,
    ) -> int:
        async with lanes:
            try:
                return await self._deliver_one(outbox, due, token, now, pace)
            except StoreError as error:
                log.warning("check-in %s not recorded (%s); its lease will run out", due.id, error)
                return 0

    async def _deliver_one(
        self, outbox: Outbox, due: Due, token: str, now: datetime, pace: _Pace
    ) -> int:
        queue, following = self._queue, self._following(due, now)
        if due.in_doubt:
            log.warning("check-in %s may have been sent before a crash; not sending again", due.id)
            await queue.finish(due, token, now=now, next_due=following, event="checkin_in_doubt")
            return 0
        if now - due.due_at > TOO_LATE or (due.kind == CHECKIN and due.plan is None):
            await queue.finish(due, token, now=now, next_due=following, event="checkin_late")
            return 0
        replies, state = self._compose(due)
        await pace.wait()
        if not await queue.begin_sending(due, token, now=now, flow_state=state):
            return 0
        try:
            await outbox.send(due.external_id, replies)
        except RecipientGone:
            log.info("check-ins turned off for a person who can no longer be reached")
            await queue.stop(due.person_id)
            return 0
        except Undeliverable as error:
            if due.attempts + 1 >= MAX_ATTEMPTS:
                log.warning("check-in %s given up after %d tries: %s", due.id, MAX_ATTEMPTS, error)
                await queue.finish(due, token, now=now, next_due=following, event="checkin_failed")
            else:
                retry_at = now + RETRY_AFTER * (due.attempts + 1)
                await queue.retry_later(due, token, retry_at=retry_at)
            return 0
        await queue.finish(due, token, now=now, next_due=following, event=f"{due.kind}_sent")
        return 1

    def _following(self, due: Due, now: datetime) -> datetime | None:
        """When this reminder is next due after now; None for one-off reminders."""
        if due.kind != CHECKIN or due.plan is None:
            return None
        return next_due(due.plan, max(now, due.due_at))

    def _compose(self, due: Due) -> tuple[list[Reply], dict[str, Any] | None]:
        """The messages for a reminder, and the flow state the person's taps continue from."""
        if due.kind not in (CHECKIN, SNOOZE):
            return [Reply(CHECKBACK_TEXT, options=CHECKBACK_OPTIONS, kind=ReplyKind.CHECKIN)], None
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
        extra = (
            Option("!checkin:snooze", "Ask me in an hour"),
            Option("!checkin", "Check-in settings"),
        )
        last = replies[-1]
        replies[-1] = Reply(last.text, options=(*last.options, *extra), kind=last.kind)
        return replies, step.state

    # Settings helpers -------------------------------------------------------------------

    def _ask_zone(self, turn: Turn, code: str, hhmm: str) -> list[Reply]:
        found = zones.for_country(turn.person.country)
        if menus.parse_time(hhmm) is None or menus.decode(code) is None:
            return [menus.frequency_menu(_back(turn))]
        if found:
            return [menus.country_zone_menu(code, hhmm, found, page=0)]
        return [menus.region_menu(code, hhmm)]

    async def _save(self, turn: Turn, plan: Plan | None) -> list[Reply]:
        if plan is None:
            return await self.settings(turn)
        due = next_due(plan, turn.incoming.now)
        await turn.person.set_checkin_plan(plan, due_at=due)
        text = SAVED.format(when=menus.describe(plan), next_at=local_moment(due, plan.timezone))
        return [Reply(text, options=(Option("!checkin", "Change it"), _back(turn)))]

    async def _pause(self, turn: Turn, plan: Plan, until: datetime | None) -> list[Reply]:
        paused = Plan(plan.frequency, plan.local_time, plan.timezone, plan.weekday, until)
        await turn.person.set_checkin_plan(paused, due_at=next_due(paused, turn.incoming.now))
        if until is None:
            return []
        text = PAUSED.format(until=local_moment(until, plan.timezone))
        return [Reply(text, options=(Option("!checkin", "Check-in settings"), _back(turn)))]


class _Pace:
    """Spaces sends `interval` seconds apart, however many lanes are sending."""

    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._next = clock.monotonic()

    async def wait(self) -> None:
        now = clock.monotonic()
        slot = max(self._next, now)
        self._next = slot + self._interval
        if slot > now:
            await asyncio.sleep(slot - now)


def _back(turn: Turn) -> Option:
    if turn.person.flow_state is not None:
        return Option("!resume", "Carry on")
    return Option("!go:topics", "Back to topics")
