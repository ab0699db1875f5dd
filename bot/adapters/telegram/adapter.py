"""The Telegram adapter: updates become Incoming, the Companion answers, each Reply is sent.

Rules:
1. Never log what people write, their names or raw chat ids: only update ids and error types.
2. Everything is sent as plain text: a crisis reply must never fail on markup.
3. Callback data is a tag and the option id: KEEP on a crisis reply's buttons (a tap leaves
   that keyboard in place), TIDY on all others (a tap removes the old keyboard). Data
   without a tag is taken as a bare option id.
4. The crisis fast lane: polling and the webhook ask `urgent(raw)` the moment an update
   arrives (Telegram's JSON); it is triaged then, once (the Companion says whether the
   answer is crisis lines), and an urgent one is handled at once, not after the updates
   ahead of it, nor behind the chat's earlier ones. Its replies go out first and are
   resent until delivered (sending.py). If its lines could not be delivered, `handle` says so and
   Telegram is not told the update was handled: it comes again.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import traceback
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from telegram import Bot, CallbackQuery, Chat, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.adapters.telegram.incoming import incoming_from, incoming_from_json
from bot.adapters.telegram.lifecycle import (
    START_TRIES,
    NoPersistenceApplication,
    TelegramApp,
    running,
    tried,
    until_signalled,
)
from bot.adapters.telegram.polling import LONG_POLL, Poller
from bot.adapters.telegram.render import KEEP, send_replies
from bot.adapters.telegram.sending import GaveUp, Sending
from bot.adapters.telegram.spool import Spool
from bot.adapters.telegram.updates import ReadableUpdates, handle_update
from bot.adapters.telegram.webhook import Webhook, serve
from bot.config import Settings
from bot.core import words
from bot.core.locks import KeyedLocks
from bot.core.ports import FastLane
from bot.core.triage import Triage
from bot.messages import RecipientGone, Reply, Undeliverable

ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")
# Updates handled at once. One at a time, a bot waits out every round trip to Telegram
# (tens of milliseconds each) and to the database in turn, and falls behind after a burst;
# a few at a time overlap those waits. Each chat is still answered in order (see _answer).
CONCURRENT_UPDATES = 8
# Seconds a stopping bot keeps resending crisis replies Telegram has not taken; after that
# their updates are left unconfirmed, to come again to the next instance (rule 4).
STOP_GRACE = 10.0

_log = logging.getLogger("bot.adapters.telegram")


class TelegramAdapter:
    """Binds PTB handlers to a Companion; also the outbound port for scheduled messages."""

    def __init__(
        self,
        companion: FastLane,
        *,
        settings: Settings,
        commands: Sequence[tuple[str, str]] = words.BASIC_COMMANDS,
        tick: Callable[[], Awaitable[object]] | None = None,
        tick_every: float = 60.0,
        spool: Spool | None = None,
    ) -> None:
        """`tick` (e.g. the check-in job) runs every `tick_every` seconds while the bot runs.
        With a `spool` (spool.py), polling reads ahead of the updates in hand (a crisis far
        back in a backlog is seen at once), and what it took is replayed after a crash."""
        self._companion = companion
        self._spool = spool
        self._settings = settings
        self._commands = tuple(commands)
        self._tick, self._tick_every = tick, tick_every
        self._told_groups: set[int] = set()
        self._chats = KeyedLocks()
        self._application: TelegramApp | None = None
        self._updates_request: ReadableUpdates | None = None
        self._sending = Sending()
        self._triaged: dict[int, Triage] = {}  # by update_id, from arrival until handled
        self._undelivered: set[int] = set()  # update_ids whose crisis lines did not get out

    def build_application(self, *, poll_read_timeout: float = 5.0) -> TelegramApp:
        """The PTB Application, with the handlers and the error handler. It has no Updater:
        updates come in through `polling` or `webhook`, which hand each to the application
        and tell Telegram only once it has been handled.

        `poll_read_timeout` is how long past the long-poll timeout a getUpdates answer may take
        before the request counts as timed out (and polling simply asks again).
        """
        self._updates_request = ReadableUpdates(
            connection_pool_size=1, read_timeout=poll_read_timeout
        )
        application = (
            Application.builder()
            .token(self._settings.require_token())
            .base_url(self._settings.telegram_api_base_url)
            .get_updates_request(self._updates_request)
            .rate_limiter(self._sending)
            .application_class(NoPersistenceApplication)
            .updater(None)
            .build()
        )
        application.add_handler(CallbackQueryHandler(self._on_tap))
        application.add_handler(
            MessageHandler(
                (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE)
                & ~filters.StatusUpdate.ALL,
                self._on_message,
            )
        )
        application.add_handler(
            ChatMemberHandler(self._on_membership, ChatMemberHandler.MY_CHAT_MEMBER)
        )
        application.add_error_handler(self._on_error)
        if self._tick is not None:
            assert application.job_queue is not None, "python-telegram-bot[job-queue] is needed"
            application.job_queue.run_repeating(self._on_tick, interval=self._tick_every)
        self._application = application
        return application

    def run_polling(self) -> None:
        """Long-poll Telegram until Ctrl-C or SIGTERM, then finish the updates in hand."""
        asyncio.run(until_signalled(self.polling()))

    def run_webhook(self) -> None:
        """Serve Telegram's webhook until Ctrl-C or SIGTERM, then finish the updates in hand."""
        asyncio.run(until_signalled(self.webhook()))

    @contextlib.asynccontextmanager
    async def polling(
        self, *, long_poll: float = LONG_POLL, poll_read_timeout: float = 5.0
    ) -> AsyncIterator[asyncio.Task[None]]:
        """The bot running on long polling (bot/adapters/telegram/polling.py) while inside;
        gives the polling task, which ends only if Telegram rejects the token.

        On the way out nothing more is fetched, and the updates in hand are handled and
        confirmed before the application stops.
        """
        application = self._application or self.build_application(
            poll_read_timeout=poll_read_timeout
        )
        assert self._updates_request is not None
        async with running(application, commands=self._commands):
            await tried(application.bot.delete_webhook, tries=START_TRIES)
            poller = Poller(
                application,
                self._updates_request,
                window=CONCURRENT_UPDATES,
                allowed_updates=ALLOWED_UPDATES,
                long_poll=long_poll,
                lane=self,
                spool=self._spool,
            )
            polling = asyncio.create_task(poller.run(), name="polling")
            try:
                yield polling
            finally:
                poller.stop()
                await self._within_grace(polling)

    @contextlib.asynccontextmanager
    async def webhook(
        self, *, listen: str = "0.0.0.0", port: int | None = None
    ) -> AsyncIterator[None]:
        """The bot serving Telegram's webhook (bot/adapters/telegram/webhook.py) while inside,
        on the path of WEBHOOK_URL; a request without WEBHOOK_SECRET in its header gets 403.

        On the way out no new update is taken, and the ones being handled are finished and
        answered before the application stops.
        """
        url, secret = self._settings.require_webhook()
        application = self._application or self.build_application()
        async with running(application, commands=self._commands):
            receiver = Webhook(application, secret=secret, window=CONCURRENT_UPDATES, lane=self)
            path = urllib.parse.urlsplit(url).path
            server = serve(receiver, path=path, listen=listen, port=port or self._settings.port)
            try:
                await tried(
                    functools.partial(
                        application.bot.set_webhook,
                        url,
                        secret_token=secret,
                        allowed_updates=list(ALLOWED_UPDATES),
                    ),
                    tries=START_TRIES,
                )
                yield
            finally:
                server.stop()
                await self._within_grace(asyncio.ensure_future(receiver.stop()))
                await server.close_all_connections()

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        """Deliver scheduled replies; RecipientGone if the person blocked the bot."""
        if self._application is None:
            raise RuntimeError("build_application() must run before send()")
        try:
            await send_replies(self._application.bot, int(person_id), replies)
        except Forbidden:
            raise RecipientGone("the person blocked the bot or left Telegram") from None
        except BadRequest as error:
            if "chat not found" in error.message.lower():
                raise RecipientGone("the chat no longer exists") from None
            raise Undeliverable(f"Telegram refused the message ({type(error).__name__})") from None
        except TelegramError as error:
            raise Undeliverable(
                f"Telegram did not take the message ({type(error).__name__})"
            ) from None

    # -- the lane: what polling and the webhook ask (rule 4) -----------------------------------

    def urgent(self, raw: Any) -> bool:
        """Triage an update the moment it arrives, in Telegram's JSON (a private chat's
        message or tap; nothing else is answered): whether its answer is crisis lines."""
        incoming = incoming_from_json(raw)
        if incoming is None or incoming.delivery is None:
            return False
        triaged = self._companion.triage(incoming)
        self._triaged[incoming.delivery] = triaged
        return triaged.urgent

    async def handle(self, update: Update) -> bool:
        """Handle an update; False if its crisis lines could not be delivered."""
        try:
            await handle_update(self._application_or_fail(), update)
        finally:
            self._triaged.pop(update.update_id, None)
        if update.update_id in self._undelivered:
            self._undelivered.discard(update.update_id)
            return False
        return True

    # -- handlers ------------------------------------------------------------------------------

    async def _on_tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self._tick is not None:
            await self._tick()

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is not None and await self._private_or_say_so(chat, context.bot):
            await self._answer(context.bot, chat.id, self._triage(update))

    async def _on_tap(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        chat = update.effective_chat
        # Acknowledging the tap and tidying its keyboard away need not hold up the answer.
        acknowledging = asyncio.ensure_future(self._acknowledge(query, chat))
        try:
            if chat is not None and await self._private_or_say_so(chat, context.bot):
                await self._answer(context.bot, chat.id, self._triage(update))
        finally:
            await acknowledging

    async def _acknowledge(self, query: CallbackQuery, chat: Chat | None) -> None:
        """Answer the tap (Telegram shows a spinner until then) and, in a private chat,
        take the keyboard off the message tapped, unless its buttons are kept (KEEP)."""
        with contextlib.suppress(TelegramError):  # a stale query cannot be answered: fine
            await query.answer()
        if chat is None or chat.type != ChatType.PRIVATE:
            return
        if not (query.data or "").startswith(KEEP) and isinstance(query.message, Message):
            with contextlib.suppress(TelegramError):  # already gone or too old: fine
                await query.message.edit_reply_markup(reply_markup=None)

    async def _on_membership(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        member = update.my_chat_member
        joined = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)
        if member is not None and member.new_chat_member.status in joined:
            await self._private_or_say_so(member.chat, context.bot)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        update_id = update.update_id if isinstance(update, Update) else None
        frames = traceback.extract_tb(error.__traceback__)[-6:] if error else []
        where = "<".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
        # The type and where, never the exception's message: it can quote the input.
        _log.error(
            "update failed",
            extra={"update_id": update_id, "error": type(error).__name__, "at": where},
        )
        if not isinstance(update, Update) or isinstance(error, Forbidden):
            return
        chat = update.effective_chat
        if chat is None or chat.type != ChatType.PRIVATE:
            return
        triaged: Triage | None = None
        try:
            # The core decides what goes out: the crisis lines the update asks for, first.
            triaged = self._triage(update)
            if isinstance(error, GaveUp):
                raise error  # stopping: the lines go out when the update comes again
            await send_replies(context.bot, chat.id, self._companion.fallback(triaged))
        except Exception as failure:  # the one broad except: the person must still hear back
            _log.error(
                "fallback failed", extra={"update_id": update_id, "error": type(failure).__name__}
            )
            if triaged is None or triaged.urgent:
                # Never an apology in place of the lines: Telegram sends the update again.
                self._undelivered.add(update.update_id)
                return
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(chat.id, words.SORRY)

    # -- helpers -------------------------------------------------------------------------------

    def _triage(self, update: Update) -> Triage:
        """The Triage made when the update arrived (rule 4), or made now."""
        found = self._triaged.get(update.update_id)
        return found if found is not None else self._companion.triage(incoming_from(update))

    def _application_or_fail(self) -> TelegramApp:
        if self._application is None:
            raise RuntimeError("build_application() must run first")
        return self._application

    async def _within_grace(self, finishing: asyncio.Future[None]) -> None:
        """Wait for the updates in hand; past STOP_GRACE, stop resending crisis replies."""
        done, _ = await asyncio.wait({finishing}, timeout=STOP_GRACE)
        if not done:
            self._sending.give_up()
        await finishing

    async def _answer(self, bot: Bot, chat_id: int, triaged: Triage) -> None:
        # Updates are handled CONCURRENT_UPDATES at a time, but one chat's in the order they
        # came, replies included: its lock is taken before the handler first waits on
        # anything, and asyncio hands a lock on first come, first served. Crisis lines do not
        # wait their turn: an earlier update may be stuck on a hung database or a slow send.
        in_turn = contextlib.nullcontext() if triaged.urgent else self._chats.hold(chat_id)
        async with in_turn:
            replies = await self._companion.answer(triaged)
            await send_replies(bot, chat_id, replies)

    async def _private_or_say_so(self, chat: Chat, bot: Bot) -> bool:
        """True in a private chat; elsewhere says once that it only talks in private."""
        if chat.type == ChatType.PRIVATE:
            return True
        if chat.id not in self._told_groups:
            self._told_groups.add(chat.id)
            with contextlib.suppress(TelegramError):  # e.g. a channel where it may not post
                await bot.send_message(chat.id, words.PRIVATE_ONLY)
        return False
