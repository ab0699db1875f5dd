"""Telegram's updates as they come in, for polling and the webhook: read one by one from
Telegram's JSON and checked before anything is stored, and the Lane they are handed to."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any, Protocol

from telegram import Bot, Update
from telegram.ext import Application
from telegram.request import HTTPXRequest

NO_UPDATES = b'{"ok": true, "result": []}'  # what the library is handed to read

_log = logging.getLogger("bot.adapters.telegram")


class ReadableUpdates(HTTPXRequest):
    """The getUpdates connection: reads each new update on its own, and once.

    python-telegram-bot parses a batch of updates whole: one it cannot read (a kind newer
    than the library, say) fails the batch, polling asks for the same batch again forever,
    and the library logs the raw batch — people's words — at CRITICAL. So the library is
    handed an empty batch, and `fetch` gives the new updates (rule 3 brings those in hand
    again) as Telegram's JSON, each read on its own by `readable` when its turn comes (one
    that cannot be read becomes its bare id, which no handler takes, so polling moves past
    it; only the id is logged).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._batch: list[Any] = []  # the last getUpdates answer's updates, unread

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        try:
            answer = json.loads(payload)
        except ValueError:
            return code, payload  # the library reports what is wrong with it
        if isinstance(answer, dict) and isinstance(answer.get("result"), list):
            self._batch = answer["result"]
            return code, NO_UPDATES
        return code, payload

    async def fetch(self, bot: Bot, *, fresh_from: int, **get_updates: Any) -> tuple[Any, ...]:
        """The updates getUpdates brings, in Telegram's JSON, those below `fresh_from` left
        out; each is read by the library only when its turn comes (`readable`)."""
        self._batch = []
        await bot.get_updates(**get_updates)  # the library's part: the request, the errors
        batch, self._batch = self._batch, []
        return tuple(raw for raw in batch if update_id_of(raw) >= fresh_from)


def update_id_of(raw: Any) -> int:
    """The update_id of an update in Telegram's JSON; -1 if it has none."""
    found = raw.get("update_id") if isinstance(raw, dict) else None
    return found if isinstance(found, int) else -1  # no id: left out, like one fetched before


def readable(raw: Any, bot: Bot) -> Update:
    """The update as the library reads it; one it cannot read becomes its bare id, which no
    handler takes, so polling moves past it."""
    return read_update(raw, bot) or Update(update_id_of(raw))


def read_update(raw: Any, bot: Bot | None) -> Update | None:
    """The update in Telegram's JSON, or None if the library cannot read it or its fields
    have the wrong types (only its id is logged: the rest may be people's words). For
    polling and the webhook alike: nothing unchecked reaches the store."""
    update_id = raw.get("update_id") if isinstance(raw, dict) else None
    try:
        update = Update.de_json(raw, bot) if _is_id(update_id) else None
    except Exception:  # whatever the library raises on data it cannot read
        update = None
    if update is None or not _well_typed(update):
        shown = update_id if _is_id(update_id) else None
        _log.warning("passed over an update the library cannot read", extra={"update_id": shown})
        return None
    return update


def _is_id(value: Any) -> bool:
    """An update_id, a chat id: an integer (not a bool), within what JSON carries exactly."""
    return type(value) is int and -(2**53) < value < 2**53


def _well_typed(update: Update) -> bool:
    """The fields the bot reads have the types Telegram gives them (the library does not
    check: a forged webhook body could carry a list for a chat id, or a number for text)."""
    chat = update.effective_chat
    if chat is not None and not (_is_id(chat.id) and isinstance(chat.type, str)):
        return False
    message = update.effective_message
    if message is not None:
        texts = (message.text, message.caption)
        if not all(text is None or isinstance(text, str) for text in texts):
            return False
        if not isinstance(message.date, datetime):
            return False
    query = update.callback_query
    return query is None or query.data is None or isinstance(query.data, str)


async def handle_update(
    application: Application[Any, Any, Any, Any, Any, Any], update: Update
) -> None:
    """Hand one update to the application (for polling and the webhook alike).
    process_update passes a handler's error to the error handler; this logs anything else."""
    try:
        await application.process_update(update)
    except Exception as error:
        _log.error(
            "update failed", extra={"update_id": update.update_id, "error": type(error).__name__}
        )


class Lane(Protocol):
    """How updates are handled (the Telegram adapter): `urgent` assesses one as it arrives,
    in Telegram's JSON; `handle` answers it, and says whether Telegram may forget it (False:
    crisis lines that could not be delivered)."""

    def urgent(self, raw: Any) -> bool: ...

    async def handle(self, update: Update) -> bool: ...


class PlainLane:
    """Every update handled by the application, in turn: nothing is urgent."""

    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self._application = application

    def urgent(self, raw: Any) -> bool:
        return False

    async def handle(self, update: Update) -> bool:
        await handle_update(self._application, update)
        return True
