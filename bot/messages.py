"""Incoming and Reply: the plain values every adapter speaks with the Companion."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Platform(enum.StrEnum):
    TELEGRAM = "telegram"
    TERMINAL = "terminal"


@dataclass(frozen=True)
class Person:
    """Who sent a message: the platform and that platform's id for the chat."""

    platform: Platform
    id: str


@dataclass(frozen=True)
class Incoming:
    """One thing a person did.

    Exactly one of `text`, `choice` or `command` is set, or none of them when the
    person sent something the bot cannot read (a sticker, a photo without a caption).
    A caption or an edited message arrives as `text`, so safety sees it like any text.
    `delivery` is the platform's number for the update, rising with each one (Telegram's
    update_id), when it has one: an update that comes again after a crash is known by it.
    """

    person: Person
    now: datetime
    text: str | None = None
    choice: str | None = None
    command: str | None = None
    args: str = ""
    unsupported: bool = False
    delivery: int | None = None


class ReplyKind(enum.StrEnum):
    NORMAL = "normal"
    CRISIS = "crisis"
    CONCERN = "concern"
    CHECKIN = "checkin"


@dataclass(frozen=True)
class Option:
    """A button: `id` goes back as `Incoming.choice`; `url` makes it a link instead."""

    id: str
    label: str
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """One message to show the person."""

    text: str
    options: tuple[Option, ...] = ()
    kind: ReplyKind = ReplyKind.NORMAL
    image: bytes | None = None
    document: tuple[str, bytes] | None = field(default=None)


class Undeliverable(Exception):
    """An outbound message could not be delivered; worth trying again later."""


class RecipientGone(Undeliverable):
    """The person can no longer be reached (they blocked the bot or deleted their account)."""
