"""One person's record, read and written inside one transaction."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.checkins.schedule import Plan
from bot.core.ports import Entry, Kept
from bot.core.question_codec import dump_episode, dump_question, load_episode, load_question
from bot.core.questions import Episode, Question
from bot.store import checkin_plans as plans
from bot.store.kept import kept_columns, kept_of
from bot.store.tables import (
    AnonymousEventRow,
    CheckinPlanRow,
    CheckinRow,
    EntryRow,
    PersonRow,
    ReminderRow,
    people,
    week_of,
)
from bot.store.vault import Vault

# Written at the end of every transaction (built once; the other columns come as parameters).
_SAVE = (
    update(people).where(people.c.id == bindparam("person")).values(version=people.c.version + 1)
)


class PersonRecord:
    """A person's row and what hangs off it, bound to the open transaction.

    Change `country`, `consent_at`, `flow_state`, `before_checkin`, `question`, `episode` or
    `recent_deliveries` freely;
    they are written when the transaction commits. Everything else is written at once by
    the methods below.
    """

    def __init__(
        self,
        connection: AsyncConnection,
        row: Row[Any],
        vault: Vault,
        *,
        kept: Kept,
        today: date,
    ) -> None:
        """`row` is the person's row of `people`, as read at the start of the transaction."""
        self._connection = connection
        self._orm: AsyncSession | None = None  # made by the first method that needs one
        self._row = row
        self._vault = vault
        self._today = today
        self._kept: Kept | None = kept  # read with the row; dropped by every method that changes it
        self.country: str | None = row.country
        self.consent_at: datetime | None = row.consent_at
        self.flow_state: dict[str, Any] | None = (
            json.loads(vault.decrypt(row.flow_secret)) if row.flow_secret else None
        )
        self.before_checkin: dict[str, Any] | None = (
            json.loads(vault.decrypt(row.before_checkin_secret))
            if row.before_checkin_secret
            else None
        )
        self.question: Question = load_question(
            vault.decrypt(row.awaiting_secret) if row.awaiting_secret else None
        )
        self.episode: Episode = load_episode(
            vault.decrypt(row.episode_secret) if row.episode_secret else None
        )
        self.recent_deliveries: tuple[int, ...] = tuple(
            int(number) for number in (row.recent_deliveries or "").split()
        )
        self.is_new = row.version == 0
        self.deleted = False

    @property
    def id(self) -> int:
        return int(self._row.id)

    @property
    def _session(self) -> AsyncSession:
        """An ORM session inside this transaction, made when a method first needs one: most
        messages only read and write the person's row, with plain statements (`_save`).
        It never commits or ends the transaction; the store does."""
        if self._orm is None:
            self._orm = AsyncSession(bind=self._connection, join_transaction_mode="rollback_only")
        return self._orm

    @property
    def consented(self) -> bool:
        return self.consent_at is not None

    async def entries(self, field: str) -> list[Entry]:
        """The person's entries of a field: the ones they have not hidden first, each part
        best-rated first, then oldest first."""
        rows = await self._session.scalars(
            select(EntryRow)
            .where(EntryRow.person_id == self.id, EntryRow.field == field)
            .order_by(EntryRow.id)
        )
        entries = [self._entry(row) for row in rows]
        return sorted(entries, key=lambda entry: (entry.hidden, -(entry.rating or 0)))

    async def add_entry(self, field: str, text: str, *, now: datetime, replace: bool) -> None:
        """Keep `text` under `field`; `replace` drops what was there (single-value fields)."""
        self._kept = None
        if replace:
            await self.forget(field)
        else:
            for entry in await self.entries(field):
                if entry.text.casefold() == text.casefold():
                    return
        self._session.add(
            EntryRow(
                person_id=self.id, field=field, secret=self._vault.encrypt(text), created_at=now
            )
        )

    async def rate_entry(self, field: str, text: str, score: int) -> bool:
        """Record the person's latest "did it help?" rating of an entry; False if not found."""
        for entry in await self.entries(field):
            if entry.text.casefold() == text.casefold():
                await self._session.execute(
                    update(EntryRow).where(EntryRow.id == entry.id).values(rating=score)
                )
                return True
        return False

    async def remove_entry(self, field: str, text: str) -> bool:
        """Take one entry out of a field (any case); False if it was not there."""
        for entry in await self.entries(field):
            if entry.text.casefold() == text.casefold():
                self._kept = None
                await self._session.execute(delete(EntryRow).where(EntryRow.id == entry.id))
                return True
        return False

    async def hide_entry(self, field: str, text: str, *, hidden: bool) -> bool:
        """Hide an entry (kept, but left out of suggestions) or show it again (any case);
        False if it was not there."""
        for entry in await self.entries(field):
            if entry.text.casefold() == text.casefold():
                await self._session.execute(
                    update(EntryRow).where(EntryRow.id == entry.id).values(hidden=hidden)
                )
                return True
        return False

    async def forget(self, field: str) -> None:
        self._kept = None
        await self._session.execute(
            delete(EntryRow).where(EntryRow.person_id == self.id, EntryRow.field == field)
        )

    async def kept(self) -> Kept:
        """How many entries the person keeps per field, and whether check-ins are on."""
        if self._kept is None:
            self._kept = await self._read_kept()
        return self._kept

    async def _read_kept(self) -> Kept:
        found = (await self._session.execute(select(*kept_columns(self.id)))).one()
        return kept_of(found)

    async def add_checkin(
        self,
        *,
        now: datetime,
        mood: int | None,
        urge: int | None,
        note: str | None,
        tags: tuple[str, ...] = (),
    ) -> None:
        self._session.add(
            CheckinRow(
                person_id=self.id,
                created_at=now,
                scores_secret=self._vault.encrypt(json.dumps([mood, urge])),
                secret=self._vault.encrypt(note) if note else None,
                tags_secret=self._vault.encrypt(json.dumps(list(tags))) if tags else None,
            )
        )

    async def checkins(self, *, since: datetime) -> list[tuple[datetime, int | None, int | None]]:
        """(when, mood, urge) of the person's check-ins since a time, oldest first."""
        rows = await self._session.execute(
            select(CheckinRow.created_at, CheckinRow.scores_secret)
            .where(CheckinRow.person_id == self.id, CheckinRow.created_at >= since)
            .order_by(CheckinRow.created_at)
        )
        return [(at, *scores_of(self._vault, secret)) for at, secret in rows]

    async def checkin_tags(
        self, *, since: datetime
    ) -> list[tuple[int | None, int | None, tuple[str, ...]]]:
        """(mood, urge, tags) of the person's check-ins since a time, oldest first: what
        was around, never their note."""
        rows = await self._session.execute(
            select(CheckinRow.scores_secret, CheckinRow.tags_secret)
            .where(CheckinRow.person_id == self.id, CheckinRow.created_at >= since)
            .order_by(CheckinRow.created_at)
        )
        return [
            (*scores_of(self._vault, scores), tags_of(self._vault, tags)) for scores, tags in rows
        ]

    async def schedule(self, kind: str, *, due_at: datetime) -> None:
        """Set the person's next reminder of a kind (one of each kind at a time)."""
        await self._session.execute(
            delete(ReminderRow).where(ReminderRow.person_id == self.id, ReminderRow.kind == kind)
        )
        self._session.add(ReminderRow(person_id=self.id, kind=kind, due_at=due_at, attempts=0))

    async def stop_reminders(self) -> None:
        """Turn check-ins off and cancel any pending check-back."""
        self._kept = None
        await self._session.execute(
            delete(CheckinPlanRow).where(CheckinPlanRow.person_id == self.id)
        )
        await self._session.execute(delete(ReminderRow).where(ReminderRow.person_id == self.id))

    async def export(self) -> dict[str, Any]:
        """Everything held about the person, decrypted, as JSON-compatible data."""
        entries = await self._session.scalars(
            select(EntryRow).where(EntryRow.person_id == self.id).order_by(EntryRow.id)
        )
        checkins = await self._session.scalars(
            select(CheckinRow).where(CheckinRow.person_id == self.id).order_by(CheckinRow.id)
        )
        reminders = await self._session.scalars(
            select(ReminderRow).where(ReminderRow.person_id == self.id)
        )
        return {
            "person": {
                "platform": self._row.platform,
                "chat_id": self._vault.decrypt(self._row.id_secret),
                "first_seen_on": self._row.created_on.isoformat(),
                "last_active_on": self._today.isoformat(),
                "agreed_to_keep_things_at": _iso(self.consent_at),
                "country": self.country,
                "conversation_position": self.flow_state,
                "conversation_position_before_a_checkin": self.before_checkin,
                "last_update_numbers": list(self.recent_deliveries),
            },
            "kept": [
                {
                    "field": entry.field,
                    "text": entry.text,
                    "rating": entry.rating,
                    "hidden": entry.hidden,
                    "saved_at": entry.created_at.isoformat(),
                }
                for entry in map(self._entry, entries)
            ],
            "checkins": [self._checkin_export(row) for row in checkins],
            "reminders": [
                {"kind": row.kind, "due_at": row.due_at.isoformat()} for row in reminders
            ],
            "checkin_plan": _plan_export(await self.checkin_plan()),
        }

    async def delete_everything(self) -> None:
        """Erase the person and every row about them (the foreign keys cascade)."""
        self._kept = None
        await self._session.execute(delete(PersonRow).where(PersonRow.id == self.id))
        self.deleted = True

    def count_anonymously(self, name: str, *, now: datetime) -> None:
        """Count an event by country and week, with nothing linking it to the person."""
        self._session.add(AnonymousEventRow(name=name, country=self.country, week=week_of(now)))

    def _checkin_export(self, row: CheckinRow) -> dict[str, Any]:
        mood, urge = scores_of(self._vault, row.scores_secret)
        note = self._vault.decrypt(row.secret) if row.secret else None
        return {
            "at": row.created_at.isoformat(),
            "mood": mood,
            "urge": urge,
            "around": list(tags_of(self._vault, row.tags_secret)),
            "note": note,
        }

    def _entry(self, row: EntryRow) -> Entry:
        return Entry(
            id=row.id,
            field=row.field,
            text=self._vault.decrypt(row.secret),
            rating=row.rating,
            created_at=row.created_at,
            hidden=bool(row.hidden),
        )

    async def _save(self) -> None:
        """Write what the methods added, then the plain attributes, before the commit."""
        if self._orm is not None:
            await self._orm.flush()
        if self.deleted:
            return
        flow_secret = self._vault.encrypt(json.dumps(self.flow_state)) if self.flow_state else None
        await self._connection.execute(
            _SAVE,
            {
                "person": self.id,
                "country": self.country,
                "consent_at": self.consent_at,
                "awaiting_secret": _encrypted(self._vault, dump_question(self.question)),
                "episode_secret": _encrypted(self._vault, dump_episode(self.episode)),
                "flow_secret": flow_secret,
                "before_checkin_secret": _encrypted(
                    self._vault, json.dumps(self.before_checkin) if self.before_checkin else None
                ),
                "recent_deliveries": " ".join(map(str, self.recent_deliveries)) or None,
                "last_active_on": self._today,
            },
        )

    async def _close(self) -> None:
        """Let go of the ORM session, if one was made (the transaction is left as it is)."""
        if self._orm is not None:
            await self._orm.close()

    async def checkin_plan(self) -> Plan | None:
        """The person's check-in plan; None when check-ins are off."""
        return await plans.load_plan(self._session, self.id, self._vault)

    async def set_checkin_plan(self, plan: Plan, *, due_at: datetime) -> None:
        """Keep a check-in plan, with the next check-in due at `due_at` (UTC)."""
        self._kept = None
        await plans.save_plan(self._session, self.id, plan, due_at=due_at, vault=self._vault)

    async def reminder_due(self, kind: str) -> datetime | None:
        """When the person's reminder of a kind ("checkin", "snooze", …) is next due."""
        return await plans.due_at(self._session, self.id, kind)


def scores_of(vault: Vault, secret: str | None) -> tuple[int | None, int | None]:
    """A check-in's (mood, urge), from their encrypted JSON."""
    if not secret:
        return None, None
    mood, urge = json.loads(vault.decrypt(secret))
    return mood, urge


def tags_of(vault: Vault, secret: str | None) -> tuple[str, ...]:
    """A check-in's tags (what was around), from their encrypted JSON."""
    if not secret:
        return ()
    return tuple(str(tag) for tag in json.loads(vault.decrypt(secret)))


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _plan_export(plan: Plan | None) -> dict[str, Any] | None:
    """The check-in plan as the person set it (issue 21, D8): how often, when, where."""
    if plan is None:
        return None
    return {
        "frequency": plan.frequency,
        "local_time": plan.local_time.isoformat(timespec="minutes"),
        "time_zone": plan.timezone,
        "weekday": plan.weekday,
        "paused_until": _iso(plan.paused_until),
    }


def _encrypted(vault: Vault, text: str | None) -> str | None:
    return vault.encrypt(text) if text else None
