"""Receiving updates by webhook, answering Telegram only once an update has been handled.

python-telegram-bot's webhook server answers Telegram as soon as an update is queued, so an
instance that dies loses every update it was handling. Telegram posts an update again until
it is answered 200, so here:

1. A request without the secret header, or with another secret, gets 403 and nothing else:
   the header is checked before a byte of the body is read. A body over MAX_BODY bytes
   gets 413, also unread past that (Tornado would otherwise buffer up to 100 MB of it).
2. An update is handled first and answered 200 after: one lost in a crash comes again, to
   this instance or another, and the Companion knows one it has handled
   (`Incoming.delivery`). One whose crisis lines could not be delivered gets 500, so
   Telegram sends it again.
3. Each update is assessed the moment its request arrives (`Lane.urgent`); an urgent one
   (crisis lines) is handled at once. Of the others at most `window` are handled at once;
   more requests wait their turn (Telegram itself holds no more than its max_connections open).
4. An update that cannot be read, or whose update_id or fields have the wrong types, is
   answered 200 and passed over (only its id logged): else Telegram would send it again
   and again; and nothing of it is stored.
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

from bot.adapters.telegram.updates import Lane, PlainLane, read_update

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024  # bytes: Telegram's updates are a few kilobytes

_log = logging.getLogger("bot.adapters.telegram")


class Webhook:
    """Takes the body of Telegram's POST and says which status to answer (see the rules)."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        *,
        secret: str,
        window: int,
        lane: Lane | None = None,
    ) -> None:
        self._application = application
        self._lane = lane or PlainLane(application)
        self._secret = secret.encode()
        self._turns = asyncio.Semaphore(window)
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = False

    def admits(self, secret: str | None) -> bool:
        """Whether a request with this secret header may send its body (rule 1)."""
        return secret is not None and hmac.compare_digest(secret.encode(), self._secret)

    async def receive(self, secret: str | None, body: bytes) -> int:
        """Handle one POST from Telegram; the HTTP status to answer it with."""
        if not self.admits(secret):
            return 403
        if self._stopping:
            return 503
        read = self._read(body)
        if read is None:
            return 200
        raw, update = read
        self._busy += 1
        self._idle.clear()
        try:
            if self._lane.urgent(raw):  # the crisis fast lane: no waiting for a turn
                delivered = await self._lane.handle(update)
            else:
                async with self._turns:
                    delivered = await self._lane.handle(update)
        finally:
            self._busy -= 1
            if self._busy == 0:
                self._idle.set()
        return 200 if delivered else 500

    async def stop(self) -> None:
        """Take no new update; return once the ones being handled are done."""
        self._stopping = True
        await self._idle.wait()

    def _read(self, body: bytes) -> tuple[Any, Update] | None:
        """The update in Telegram's JSON and as the library reads it; None if either fails."""
        try:
            raw = json.loads(body)
        except ValueError:
            _log.warning("passed over a webhook body that is not JSON")
            return None
        update = read_update(raw, self._application.bot)
        return None if update is None else (raw, update)


@tornado.web.stream_request_body
class _Endpoint(tornado.web.RequestHandler):
    """The HTTP side: Telegram's POSTs on the webhook path, and GET there for health checks.
    The body is streamed in, so the secret header and the size are checked before it is read."""

    def initialize(self, webhook: Webhook) -> None:
        self._webhook = webhook
        self._body = bytearray()

    def prepare(self) -> None:
        if self.request.method != "POST":
            return
        if not self._webhook.admits(self.request.headers.get(SECRET_HEADER)):
            self._refuse(403)
            return
        length = self.request.headers.get("Content-Length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            self._refuse(413)

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        self._body += chunk
        if len(self._body) > MAX_BODY:
            self._refuse(413)

    async def post(self) -> None:
        if self._finished:
            return
        status = await self._webhook.receive(
            self.request.headers.get(SECRET_HEADER), bytes(self._body)
        )
        self.set_status(status)

    def _refuse(self, status: int) -> None:
        """Answer now and close the connection: the rest of the body is never read."""
        self._body = bytearray()
        self.set_status(status)
        self.set_header("Connection", "close")
        self.finish()
        if self.request.connection is not None:
            self.request.connection.close()  # type: ignore[attr-defined]

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
    server = tornado.httpserver.HTTPServer(
        app, xheaders=True, max_body_size=MAX_BODY, max_buffer_size=MAX_BODY
    )
    server.listen(port, address=listen)
    return server
