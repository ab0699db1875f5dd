"""A Telegram update, translated into what the Companion reads."""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot.adapters.telegram.render import KEEP, TIDY
from bot.messages import Incoming, Person, Platform


def incoming_from(update: Update) -> Incoming:
    """Translate a private-chat update into what the Companion reads."""
    chat = update.effective_chat
    assert chat is not None, "only updates from a chat reach the companion"
    person = Person(Platform.TELEGRAM, str(chat.id))
    delivery = update.update_id
    if update.callback_query is not None:
        data = update.callback_query.data or ""
        choice = data[1:] if data[:1] in (KEEP, TIDY) else data
        return Incoming(person, datetime.now(UTC), choice=choice, delivery=delivery)
    message = update.effective_message
    assert message is not None, "a message handler always has a message"
    now = message.edit_date or message.date
    if update.edited_message is None and message.text and message.text.startswith("/"):
        head, _, args = message.text.partition(" ")
        command = head[1:].split("@", 1)[0].lower()
        if command:
            return Incoming(person, now, command=command, args=args.strip(), delivery=delivery)
    text = message.text or message.caption
    if text:
        return Incoming(person, now, text=text, delivery=delivery)
    return Incoming(person, now, unsupported=True, delivery=delivery)
