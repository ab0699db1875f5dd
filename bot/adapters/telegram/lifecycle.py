"""The PTB Application's life: built without a leak, started with retries, stopped on a signal."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

from telegram import BotCommand
from telegram.error import NetworkError
from telegram.ext import Application

START_TRIES = 6  # times Telegram is tried at start (a second apart) before giving up

_log = logging.getLogger("bot.adapters.telegram")
TelegramApp = Application[Any, Any, Any, Any, Any, Any]


class NoPersistenceApplication(TelegramApp):
    """python-telegram-bot's Application without one leak: with no persistence configured
    it still notes every chat and user id it handles "to be saved" and never lets go of
    them, so its memory grew with everyone who ever wrote (found in a soak)."""

    def _mark_for_persistence_update(self, **what: Any) -> None:
        if self.persistence is not None:
            super()._mark_for_persistence_update(**what)


@contextlib.asynccontextmanager
async def running(
    application: TelegramApp, *, commands: Sequence[tuple[str, str]]
) -> AsyncIterator[None]:
    """The application initialised and started, its command menu set (Telegram tried a
    few times); stopped and shut down on the way out."""
    await tried(application.initialize, tries=START_TRIES)
    try:
        menu = [BotCommand(name, description) for name, description in commands]
        await tried(functools.partial(application.bot.set_my_commands, menu), tries=START_TRIES)
        await application.start()
        try:
            yield
        finally:
            await application.stop()
    finally:
        await application.shutdown()


async def until_signalled(
    serving: contextlib.AbstractAsyncContextManager[asyncio.Task[None] | None],
) -> None:
    """Serve until SIGINT or SIGTERM, or until what `serving` gives (a task) ends."""
    signalled = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, signalled.set)
    async with serving as ending:
        waiting = asyncio.ensure_future(signalled.wait())
        await asyncio.wait(
            {waiting, *([ending] if ending else [])}, return_when=asyncio.FIRST_COMPLETED
        )
        waiting.cancel()
    _log.info("stopped")


async def tried(action: Callable[[], Awaitable[object]], *, tries: int) -> None:
    """`action`, tried again a second later while Telegram cannot be reached."""
    for attempt in range(1, tries + 1):
        try:
            await action()
            return
        except NetworkError as error:  # a rejected token (InvalidToken) is not worth retrying
            if attempt == tries:
                raise
            _log.warning(
                "Telegram unreachable; trying again", extra={"error": type(error).__name__}
            )
            await asyncio.sleep(1.0)
