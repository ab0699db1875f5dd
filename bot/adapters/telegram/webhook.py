"""Receiving updates by webhook, answering Telegram only once an update has been handled.

python-telegram-bot's webhook server answers Telegram as soon as an update is queued, so an
instance that dies loses every update it was handling. Telegram posts an update again until
it is answered 200, so here:

1. A request without the secret header, or with another secret, gets 403 and nothing else.
2. An update is handled first and answered 200 after: one lost in a crash comes again, to
   this instance or another, and the Companion knows one it has handled
   (`Incoming.delivery`).
3. At most `window` updates are handled at once; more requests wait their turn (Telegram
   itself holds no more than its max_connections open).
4. An update the library cannot read is answered 200 and passed over (only its id logged):
   else Telegram would send it again and again.
5. Once stopping, a new request gets 503 (Telegram sends it again later, or to another
   instance); the ones being handled are finished and answered.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import Any

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

from bot.adapters.telegram.polling import handle_update, read_update

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

_log = logging.getLogger("bot.adapters.telegram")


class Webhook:
    """Takes the body of Telegram's POST and says which status to answer (see the rules)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        *,
        secret: str,
        window: int,
    ) -> None:
        self._application = application
        self._secret = secret.encode()
        self._turns = asyncio.Semaphore(window)
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = False

    async def receive(self, secret: str | None, body: bytes) -> int:
        """Handle one POST from Telegram; the HTTP status to answer it with."""
        if secret is None or not hmac.compare_digest(secret.encode(), self._secret):
            return 403
        if self._stopping:
            return 503
        update = self._read(body)
        if update is None:
            return 200
        self._busy += 1
        self._idle.clear()
        try:
            async with self._turns:
                await handle_update(self._application, update)
        finally:
            self._busy -= 1
            if self._busy == 0:
                self._idle.set()
        return 200

    async def stop(self) -> None:
        """Take no new update; return once the ones being handled are done."""
        self._stopping = True
        await self._idle.wait()

    def _read(self, body: bytes) -> Update | None:
        try:
            raw = json.loads(body)
        except ValueError:
            _log.warning("passed over a webhook body that is not JSON")
            return None
        return read_update(raw, self._application.bot)


class _Endpoint(tornado.web.RequestHandler):
    """The HTTP side: Telegram's POSTs on the webhook path, and GET there for health checks."""

    def initialize(self, webhook: Webhook) -> None:
        self._webhook = webhook

    async def post(self) -> None:
        status = await self._webhook.receive(
            self.request.headers.get(SECRET_HEADER), self.request.body
        )
        self.set_status(status)

    def get(self) -> None:
        self.write("ok")

    def log_exception(self, *args: Any) -> None:
        _log.error("webhook request failed")  # never the request: it holds people's words


def serve(webhook: Webhook, *, path: str, listen: str, port: int) -> tornado.httpserver.HTTPServer:
    """Start listening on `listen:port` for `/path`; the caller stops the server."""
    app = tornado.web.Application(
        [(rf"/{path.strip('/')}/?" if path.strip("/") else r"/", _Endpoint, {"webhook": webhook})],
        log_function=lambda handler: None,  # no access log: the bot logs what it did
    )
    server = tornado.httpserver.HTTPServer(app, xheaders=True)
    server.listen(port, address=listen)
    return server
