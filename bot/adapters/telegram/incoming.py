"""A Telegram update, translated into what the Companion reads.

It is read from Telegram's JSON, not from the library's objects: the poller assesses every
update the moment it arrives, a backlog's too, and making python-telegram-bot's objects
costs ~0.3 ms an update, most of the time it takes to read a backlog ahead. The library's
`Update` is read the same way (`incoming_from` goes through its JSON), so there is one
translation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from telegram import Update

from bot.adapters.telegram.render import KEEP, TIDY
from bot.messages import Incoming, Person, Platform


def incoming_from(update: Update) -> Incoming:
    """Translate a private-chat update into what the Companion reads."""
    incoming = incoming_from_json(update.to_dict())
    assert incoming is not None, "only private chats' messages and taps reach the companion"
    return incoming


def incoming_from_json(raw: Any) -> Incoming | None:
    """What the Companion reads of an update in Telegram's JSON; None unless it is a
    message, an edited message or a tap in a private chat, its fields of the right types
    (anything may come in a forged webhook body)."""
    if not isinstance(raw, dict) or not _whole(delivery := raw.get("update_id")):
        return None
    query = raw.get("callback_query")
    if query is not None:
        if not isinstance(query, dict):
            return None
        person, data = _private(query.get("message")), query.get("data") or ""
        if person is None or not isinstance(data, str):
            return None
        choice = data[1:] if data[:1] in (KEEP, TIDY) else data
        return Incoming(person, datetime.now(UTC), choice=choice, delivery=delivery)
    edited = raw.get("edited_message")
    message = edited if edited is not None else raw.get("message")
    person = _private(message)
    if person is None or not isinstance(message, dict):
        return None
    text, caption = message.get("text"), message.get("caption")
    stamp = message.get("edit_date") or message.get("date")
    if not (_text(text) and _text(caption) and isinstance(stamp, int) and _whole(stamp)):
        return None
    now = datetime.fromtimestamp(stamp, UTC)
    if edited is None and text and text.startswith("/"):
        head, _, args = text.partition(" ")
        command = head[1:].split("@", 1)[0].lower()
        if command:
            return Incoming(person, now, command=command, args=args.strip(), delivery=delivery)
    if text or caption:
        return Incoming(person, now, text=text or caption, delivery=delivery)
    return Incoming(person, now, unsupported=True, delivery=delivery)


def _private(message: Any) -> Person | None:
    chat = message.get("chat") if isinstance(message, dict) else None
    if not isinstance(chat, dict) or chat.get("type") != "private" or not _whole(chat.get("id")):
        return None
    return Person(Platform.TELEGRAM, str(chat["id"]))


def _whole(value: Any) -> bool:
    """An id or a time: an integer (not a bool), within what JSON carries exactly."""
    return type(value) is int and -(2**53) < value < 2**53


def _text(value: Any) -> bool:
    return value is None or isinstance(value, str)
