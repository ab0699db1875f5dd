"""The tables: people, what they keep, their check-ins and reminders, anonymous counts.

Rules:
1. Every row about a person hangs off `people.id` with ON DELETE CASCADE, so deleting
   the person erases everything about them in one statement.
2. Text a person typed is stored only encrypted (columns named `secret`); see bot/store/vault.py.
   So are their platform id (with a keyed hash to find it by), their check-in scores and
   their time zone: nothing in a copy of the database says who uses the bot or how they felt.
3. `anonymous_events` has no link to anyone: a name, a country and a week, for statistics.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def week_of(moment: datetime) -> date:
    """The Monday of a moment's week: the only time anonymous events keep."""
    return (moment - timedelta(days=moment.weekday())).date()


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC, aware on the way out on every database (SQLite forgets zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC moment is needed")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("platform", "id_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    # The platform's id for the person (Telegram's chat id) as a keyed hash, to find their
    # row (Vault.lookup), and encrypted, to send to them (check-ins, /mydata).
    id_hash: Mapped[str] = mapped_column(String(64))
    id_secret: Mapped[str] = mapped_column(Text)
    created_on: Mapped[date] = mapped_column(Date)
    last_active_on: Mapped[date] = mapped_column(Date, index=True)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    country: Mapped[str | None] = mapped_column(String(2))
    flow_secret: Mapped[str | None] = mapped_column(Text)
    # The place in a flow a check-in arrived in the middle of (its state, as JSON),
    # encrypted: "Carry on where we were" returns to it (bot/core/companion.py, resume).
    before_checkin_secret: Mapped[str | None] = mapped_column(Text)
    # The core's question the person was asked and has not answered yet, as JSON
    # (bot/core/question_codec.py; an old free string is read too), encrypted.
    awaiting_secret: Mapped[str | None] = mapped_column(Text)
    # The risky moment the person is in (bot/core/questions.py, Episode), encrypted.
    episode_secret: Mapped[str | None] = mapped_column(Text)
    # The platform's numbers of the last updates handled for them (Telegram's update_id),
    # space-separated: an update that comes again after a crash is recognised (Companion).
    recent_deliveries: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=0)


# The table itself, for the plain (Core) reads and writes made on every message.
people = cast(Table, PersonRow.__table__)


class EntryRow(Base):
    __tablename__ = "entries"
    __table_args__ = (Index("ix_entries_person_field", "person_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(40))
    secret: Mapped[str] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    # Hidden by the person: kept and shown in their list, but left out of suggestions.
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CheckinRow(Base):
    """A check-in the person answered: how they were, in their own words if they chose."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_person_at", "person_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Mood and urge strength, encrypted together as JSON `[mood, urge]` (either may be null).
    scores_secret: Mapped[str | None] = mapped_column(Text)
    # The person's short note about the day, encrypted; shown back only in /mydata.
    secret: Mapped[str | None] = mapped_column(Text)
    # What was around that day, as tags they picked (bot/core/words.py, CHECKIN_TAGS),
    # encrypted as a JSON list; /progress counts them for the harder days.
    tags_secret: Mapped[str | None] = mapped_column(Text)


class CheckinPlanRow(Base):
    """When a person asked to be checked in on, in their own time zone."""

    __tablename__ = "checkin_plans"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[str] = mapped_column(String(16))
    local_time: Mapped[time] = mapped_column(Time)
    timezone_secret: Mapped[str] = mapped_column(Text)  # the IANA zone, encrypted
    weekday: Mapped[int | None] = mapped_column(SmallInteger)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ReminderRow(Base):
    """A message due to be sent: the next check-in, or a one-off check-back."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("person_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    # Who holds the lease (a token per claim), and when that holder began sending: a
    # reminder whose lease ran out with `sending_at` set may have reached the person, so it
    # is never sent again (see bot/store/reminder_queue.py).
    claim: Mapped[str | None] = mapped_column(String(32))
    sending_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AnonymousEventRow(Base):
    """A count for statistics: what happened, in which country, which week. Nobody's id."""

    __tablename__ = "anonymous_events"
    __table_args__ = (Index("ix_anonymous_events_name_week", "name", "week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(2))
    week: Mapped[date] = mapped_column(Date)
