"""How Replies look on Telegram, and sending them: buttons laid out, long text cut, bubbles
joined, pictures and files uploaded with their text as the caption."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from bot.adapters.telegram.sending import CRISIS
from bot.messages import Reply, ReplyKind

# Callback-data tags (option ids start with "!" or a lowercase flow id, never these):
KEEP = "K"  # a tap leaves this keyboard in place (crisis replies)
TIDY = "T"  # a tap removes this keyboard
TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
CAPTION_LIMIT = 1024

_log = logging.getLogger("bot.adapters.telegram")


def join_bubbles(replies: Sequence[Reply]) -> list[Reply]:
    """One message for each run of plain bubbles and the reply that ends it.

    A flow step is often two or three short bubbles; sent as one message they cost one
    request instead of three (Telegram allows about 30 a second for the whole bot) and
    one notification instead of three. Crisis and concern replies always stand alone,
    and so does anything with a picture or a file.
    """
    joined: list[Reply] = []
    waiting: list[str] = []
    for reply in replies:
        plain = reply.kind is ReplyKind.NORMAL and reply.image is None and reply.document is None
        text = "\n\n".join([*waiting, reply.text]) if plain else reply.text
        if plain and waiting and len(text) > TEXT_LIMIT:
            joined.append(Reply("\n\n".join(waiting)))
            waiting, text = [], reply.text
        if plain and not reply.options:
            waiting = [text]
            continue
        if waiting and not plain:
            joined.append(Reply("\n\n".join(waiting)))
        waiting = []
        joined.append(Reply(text, reply.options, reply.kind, reply.image, reply.document))
    if waiting:
        joined.append(Reply("\n\n".join(waiting)))
    return joined


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> None:
    """Send replies to a chat, as few messages as join_bubbles makes of them. A crisis
    reply's requests go first and are resent until delivered (bot/adapters/telegram/sending.py)."""
    limited = getattr(bot, "rate_limiter", None) is not None
    for reply in join_bubbles(replies):
        text, markup = reply.text, keyboard_for(reply)
        crisis = limited and reply.kind is ReplyKind.CRISIS
        lane: dict[str, Any] = {"rate_limit_args": CRISIS} if crisis else {}
        uploads = []
        if reply.image is not None:
            uploads.append(functools.partial(bot.send_photo, chat_id, reply.image))
        if reply.document is not None:
            filename, data = reply.document
            uploads.append(functools.partial(bot.send_document, chat_id, data, filename=filename))
        as_caption = bool(uploads) and len(text) <= CAPTION_LIMIT
        for number, upload in enumerate(uploads, start=1):
            last = as_caption and number == len(uploads)
            await upload(
                caption=(text or None) if last else None,
                reply_markup=markup if last else None,
                **lane,
            )
        chunks = [] if as_caption else split_text(text)
        for number, chunk in enumerate(chunks, start=1):
            await bot.send_message(
                chat_id, chunk, reply_markup=markup if number == len(chunks) else None, **lane
            )


def keyboard_for(reply: Reply) -> InlineKeyboardMarkup | None:
    """Buttons for a reply: links on rows of their own, short labels side by side."""
    prefix = KEEP if reply.kind is ReplyKind.CRISIS else TIDY
    links: list[InlineKeyboardButton] = []
    choices: list[InlineKeyboardButton] = []
    for option in reply.options:
        if option.url is not None:
            if option.url.startswith("https://"):
                links.append(InlineKeyboardButton(option.label, url=option.url))
            else:
                _log.warning("skipped a link button that is not https (Telegram refuses tel:)")
        elif len((prefix + option.id).encode()) <= CALLBACK_DATA_LIMIT:
            choices.append(InlineKeyboardButton(option.label, callback_data=prefix + option.id))
        else:
            _log.warning("skipped a button whose id is over %s bytes", CALLBACK_DATA_LIMIT)
    if not links and not choices:
        return None
    # Numbers (a scale) sit 5 a row; words 2 a row when all are short, else one a row.
    words = [len(button.text) for button in choices if not _number(button.text)]
    word_width = 2 if words and max(words) <= 14 else 1
    rows: list[list[InlineKeyboardButton]] = []
    for button in choices:
        width = 5 if _number(button.text) else word_width
        same_kind = rows and _number(rows[-1][0].text) == _number(button.text)
        if same_kind and len(rows[-1]) < width:
            rows[-1].append(button)
        else:
            rows.append([button])
    return InlineKeyboardMarkup(rows + [[link] for link in links])


def split_text(text: str, *, limit: int = TEXT_LIMIT) -> list[str]:
    """Cut text into messages Telegram accepts, at paragraph, line or word boundaries."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        for boundary in ("\n\n", "\n", " "):
            cut = window.rfind(boundary)
            if cut > 0:
                break
        else:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].strip()
    if rest:
        chunks.append(rest)
    return chunks


def _number(label: str) -> bool:
    return len(label) <= 3  # "0" to "10", or a short symbol: fits five to a row
