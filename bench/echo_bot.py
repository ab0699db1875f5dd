"""The floor for bench/updates.py: the smallest python-telegram-bot bot that answers every update.

It echoes text and answers a tap with one message and a button, long-polling like Waypoint
does (same library, same Application), but with no safety check, flows, store or rate limiter.
Run: TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=... python bench/echo_bot.py
"""

from __future__ import annotations

import os

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again")]])


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_chat is not None and update.effective_message is not None:
        text = update.effective_message.text or "…"
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=KEYBOARD)


async def tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is not None and update.effective_chat is not None:
        await query.answer()
        await context.bot.send_message(update.effective_chat.id, "tapped", reply_markup=KEYBOARD)


def main() -> None:
    application = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.add_handler(CallbackQueryHandler(tapped))
    application.run_polling(allowed_updates=["message", "callback_query"])


if __name__ == "__main__":
    main()
