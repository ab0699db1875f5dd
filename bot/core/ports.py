"""The ports: what the core and the periodic jobs expect of the parts around them.

Each is a Protocol, so a part fits by having the methods (the Companion is a Handler and a
FastLane, the Telegram adapter and the terminal are Outboxes, bot.checkins.screens.Checkins
is the CheckinMenus); nothing here is inherited from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.checkins.schedule import Plan
from bot.checkins.wanted import Wanted
from bot.core.buttons import CheckinButton
from bot.core.questions import AskedTime, AskedZone, Episode, Question
from bot.messages import Incoming, Person, Reply

if TYPE_CHECKING:  # types only: the triage and the turn use these ports themselves
    from bot.core.triage import Triage
    from bot.core.turn import Turn

Clock = Callable[[], datetime]  # the time now (UTC), for the periodic jobs


class Handler(Protocol):
    """What an adapter talks to: the Companion, or anything with its `handle`."""

    async def handle(self, incoming: Incoming) -> list[Reply]: ...


class FastLane(Protocol):
    """What the Telegram adapter talks to (the Companion): each message triaged the moment
    it arrives, so crisis lines wait behind nothing; answered from that same Triage; and,
    if handling failed outside the core, the safe fallback only the core may decide."""

    def triage(self, incoming: Incoming) -> Triage: ...

    async def answer(self, triaged: Triage) -> list[Reply]: ...

    def fallback(self, triaged: Triage) -> list[Reply]: ...


class Outbox(Protocol):
    """Where scheduled messages go: the Telegram adapter, the terminal, a test's recorder.

    `send` raises RecipientGone when the person blocked the bot, Undeliverable otherwise.
    """

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None: ...


class CheckinMenus(Protocol):
    """The check-in screens: settings and the progress picture (bot/checkins/screens.py)."""

    async def settings(self, turn: Turn) -> list[Reply]: ...

    async def choose(self, turn: Turn, button: CheckinButton) -> list[Reply]: ...

    async def progress(self, turn: Turn) -> list[Reply]: ...

    async def typed(
        self, turn: Turn, question: AskedTime | AskedZone, text: str
    ) -> list[Reply]: ...

    async def wanted(
        self, turn: Turn, wanted: Wanted, text: str, *, asked: bool = False
    ) -> list[Reply]: ...

    async def zone_asked(self, turn: Turn, text: str) -> list[Reply]: ...

    async def place(self, turn: Turn, text: str) -> list[Reply]: ...

    def is_place(self, text: str) -> bool: ...


# -- The store, as the core sees it (bot/store/ is the one implementation) ----------------------


class StoreError(Exception):
    """The database could not be reached or refused a query."""


class StoreUnreachable(StoreError):
    """The database could not be reached at all (worth trying again in a moment)."""


@dataclass(frozen=True)
class Entry:
    """Something the person chose to keep, decrypted."""

    id: int
    field: str
    text: str
    rating: int | None
    created_at: datetime
    hidden: bool = False  # the person hid it: out of suggestions, still theirs to show again


@dataclass(frozen=True)
class Kept:
    """What the flows may ask about a person's kept things (see Effects.facts)."""

    counts: dict[str, int]  # entries per field
    checkins_on: bool


class PersonState(Protocol):
    """A person's record inside their one transaction (bot/store/people.py).

    The attributes are written when the transaction commits; the methods write at once.
    """

    country: str | None
    consent_at: datetime | None
    flow_state: dict[str, Any] | None
    before_checkin: dict[str, Any] | None  # the flow's place a check-in arrived in
    question: Question  # the core's question open (bot/core/questions.py)
    episode: Episode
    recent_deliveries: tuple[int, ...]
    deleted: bool

    @property
    def consented(self) -> bool: ...

    async def kept(self) -> Kept: ...

    async def entries(self, field: str) -> list[Entry]: ...

    async def add_entry(self, field: str, text: str, *, now: datetime, replace: bool) -> None: ...

    async def rate_entry(self, field: str, text: str, score: int) -> bool: ...

    async def remove_entry(self, field: str, text: str) -> bool: ...

    async def hide_entry(self, field: str, text: str, *, hidden: bool) -> bool: ...

    async def forget(self, field: str) -> None: ...

    async def add_checkin(
        self,
        *,
        now: datetime,
        mood: int | None,
        urge: int | None,
        note: str | None,
        tags: tuple[str, ...] = (),
    ) -> None: ...

    async def checkins(
        self, *, since: datetime
    ) -> list[tuple[datetime, int | None, int | None]]: ...

    async def checkin_tags(
        self, *, since: datetime
    ) -> list[tuple[int | None, int | None, tuple[str, ...]]]: ...

    async def schedule(self, kind: str, *, due_at: datetime) -> None: ...

    async def stop_reminders(self) -> None: ...

    async def export(self) -> dict[str, Any]: ...

    async def delete_everything(self) -> None: ...

    def count_anonymously(self, name: str, *, now: datetime) -> None: ...

    async def checkin_plan(self) -> Plan | None: ...

    async def set_checkin_plan(self, plan: Plan, *, due_at: datetime) -> None: ...

    async def reminder_due(self, kind: str) -> datetime | None: ...


class People(Protocol):
    """Where people's records are: one transaction per person at a time (StoreError)."""

    def person(self, who: Person, *, now: datetime) -> AbstractAsyncContextManager[PersonState]: ...
