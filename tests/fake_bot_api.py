"""A fake Telegram Bot API server on 127.0.0.1 that queues updates and records what the bot sent.

Rules it keeps, so tests catch what the real Bot API would reject:

- Rule 1: requests go to ``/bot<token>/<method>`` (PTB base_url + token); a wrong token is 401.
- Rule 2: parameters arrive form-encoded or multipart, as PTB sends them; complex values are JSON.
- Rule 3: Telegram's limits answer 400 here too: text over 4096 characters, a caption over 1024,
  empty text, callback data over 64 bytes, a button URL that is not http(s) or tg:// (``tel:``).
- Rule 4: every request is recorded as a `Call`, failed ones too (with their status).
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123:ABC"
BOT_USER = {"id": 123, "is_bot": True, "first_name": "Waypoint", "username": "waypoint_test_bot"}
SEND_METHODS = ("sendMessage", "sendPhoto", "sendDocument")
# Values PTB sends as plain strings; everything else it JSON-encodes.
_STRING_PARAMS = {"text", "caption", "callback_query_id", "url", "secret_token", "filename"}
_LONG_POLL_CAP = 0.2  # seconds: long enough to be a long poll, short enough to stop fast


@dataclass(frozen=True)
class Call:
    """One request the bot made: the method, its decoded parameters, uploaded files, the status."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    status: int = 200
    message_id: int | None = None  # of the message a send created, for taps and edits

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        """The text or caption the bot sent ("" for a photo or document without one)."""
        return str(self.params.get("text", self.params.get("caption", "")))

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        """The inline keyboard rows sent with this call ([] when there were none)."""
        markup = self.params.get("reply_markup") or {}
        rows: list[list[dict[str, Any]]] = markup.get("inline_keyboard", [])
        return rows


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    delay: float
    times: int
    chat_id: int | None = None  # only requests to this chat fail (None: any)


class FakeBotApi:
    """The fake server. Use as a context manager, or `start()` / `stop()`."""

    def __init__(self, *, token: str = TOKEN) -> None:
        self.token = token
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._calls: list[Call] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._chat_types: dict[int, str] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._webhook_url = ""
        self._stopping = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[Call], None]] = []

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "the fake Bot API server is not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL should be: PTB appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- what the bot did -------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent_to(self, chat_id: int) -> list[Call]:
        """Messages, photos and documents delivered to a chat (failed attempts left out)."""
        return [
            call
            for call in self.calls
            if call.method in SEND_METHODS and call.status == 200 and call.chat_id == chat_id
        ]

    async def wait_for_sent(
        self, predicate: Callable[[Call], bool], *, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        """Wait until `count` delivered sends match; returns them, or fails with what was sent."""
        deadline = time.monotonic() + timeout
        while True:
            found = [
                call
                for call in self.calls
                if call.method in SEND_METHODS and call.status == 200 and predicate(call)
            ]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                sent = [(call.method, call.chat_id, call.text[:60]) for call in self.calls]
                raise AssertionError(f"waited {timeout}s for {count} matching sends; got {sent}")
            await asyncio.sleep(0.02)

    async def wait_for_replies(
        self, chat_id: int, *, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        return await self.wait_for_sent(
            lambda call: call.chat_id == chat_id, count=count, timeout=timeout
        )

    async def wait_for_quiet(
        self, chat_id: int, *, after: int = 0, quiet: float = 0.2, timeout: float = 5.0
    ) -> list[Call]:
        """Wait for sends to a chat beyond the first `after`, until none came for `quiet` s."""
        await self.wait_for_replies(chat_id, count=after + 1, timeout=timeout)
        count = len(self.sent_to(chat_id))
        while True:
            await asyncio.sleep(quiet)
            if len(sent := self.sent_to(chat_id)) == count:
                return sent[after:]
            count = len(sent)

    async def wait_for_call(
        self, method: str, *, count: int = 1, status: int | None = None, timeout: float = 5.0
    ) -> list[Call]:
        """Wait until `count` requests to `method` arrived (answered with `status`, if given)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls_to(method) if status in (None, c.status)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"waited {timeout}s for {count} {method} calls")
            await asyncio.sleep(0.02)

    def listen(self, listener: Callable[[Call], None]) -> None:
        """Call `listener` with every request as it is recorded (from the server's threads)."""
        with self._lock:
            self._listeners.append(listener)

    # -- making it misbehave ----------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        delay: float = 0.0,
        chat_id: int | None = None,
    ) -> None:
        """Answer the next `times` requests to `method` with an error (429 carries retry_after).

        `delay` holds the answer back that long first, to make the client time out.
        `chat_id`: only requests to that chat fail (Telegram's 429 names one chat).
        """
        with self._lock:
            self._failures.setdefault(method, []).append(
                _Failure(status, retry_after if status == 429 else None, delay, times, chat_id)
            )

    def recover(self) -> None:
        """Forget every failure still to come."""
        with self._lock:
            self._failures.clear()

    def slow_next(self, method: str, *, delay: float, times: int = 1) -> None:
        """Carry out the next `times` requests to `method`, but answer only after `delay` s
        (a message that reached Telegram while the client gave up waiting)."""
        with self._lock:
            self._failures.setdefault(method, []).append(_Failure(200, None, delay, times))

    # -- updates from "people" --------------------------------------------------------------

    def inject(self, update: dict[str, Any]) -> int:
        """Queue a ready-made update for getUpdates; returns its update_id."""
        with self._lock:
            self._updates.append(update)
            self._lock.notify_all()
        return int(update["update_id"])

    def drop_pending(self) -> None:
        """Forget every update not yet confirmed (as if Telegram had given up on them)."""
        with self._lock:
            self._updates.clear()

    def next_update_id(self) -> int:
        """A fresh update_id, for a hand-made update given to `inject`."""
        return next(self._update_ids)

    def inject_text(self, chat_id: int, text: str, *, chat_type: str = "private") -> int:
        return self.inject(self.text_update(chat_id, text, chat_type=chat_type))

    def inject_tap(self, chat_id: int, message_id: int, data: str) -> int:
        return self.inject(self.tap_update(chat_id, message_id, data))

    def inject_edited(self, chat_id: int, message_id: int, text: str) -> int:
        update = self.text_update(chat_id, text)
        message = update.pop("message")
        message["message_id"] = message_id
        message["edit_date"] = message["date"] + 5
        message.pop("entities", None)
        update["edited_message"] = message
        return self.inject(update)

    def inject_caption(self, chat_id: int, caption: str) -> int:
        return self.inject_photo(chat_id, caption=caption)

    def inject_photo(self, chat_id: int, *, caption: str | None = None) -> int:
        message = self._message(chat_id, "private")
        message["photo"] = [{"file_id": "p1", "file_unique_id": "u1", "width": 9, "height": 9}]
        if caption is not None:
            message["caption"] = caption
        return self.inject({"update_id": next(self._update_ids), "message": message})

    def inject_sticker(self, chat_id: int) -> int:
        message = self._message(chat_id, "private")
        message["sticker"] = {
            "file_id": "s1",
            "file_unique_id": "u2",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        return self.inject({"update_id": next(self._update_ids), "message": message})

    def inject_added_to(self, chat_id: int, *, chat_type: str = "group") -> int:
        """The bot was added to a group (a my_chat_member update)."""
        self._chat_types[chat_id] = chat_type
        return self.inject(
            {
                "update_id": next(self._update_ids),
                "my_chat_member": {
                    "chat": _chat(chat_id, chat_type),
                    "from": _person(abs(chat_id) + 1),
                    "date": int(time.time()),
                    "old_chat_member": {"user": BOT_USER, "status": "left"},
                    "new_chat_member": {"user": BOT_USER, "status": "member"},
                },
            }
        )

    def text_update(self, chat_id: int, text: str, *, chat_type: str = "private") -> dict[str, Any]:
        """A message update (not queued): for webhook tests, or to change before `inject`."""
        self._chat_types.setdefault(chat_id, chat_type)
        message = self._message(chat_id, chat_type)
        message["text"] = text
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def tap_update(self, chat_id: int, message_id: int, data: str) -> dict[str, Any]:
        with self._lock:
            message = self._messages.get((chat_id, message_id))
        if message is None:
            message = self._message(chat_id, self._chat_types.get(chat_id, "private"))
            message["message_id"] = message_id
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": f"q{next(self._update_ids)}",
                "from": _person(chat_id),
                "chat_instance": f"ci{chat_id}",
                "data": data,
                "message": message,
            },
        }

    def _message(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": _chat(chat_id, chat_type),
            "from": _person(chat_id if chat_id > 0 else -chat_id),
        }

    # -- answering requests (called from the server threads) --------------------------------

    def _answer(
        self, method: str, params: dict[str, Any], files: dict[str, Any]
    ) -> tuple[int, Any]:
        failure = self._take_failure(method, params)
        if failure is not None and failure.status != 200:
            self._record(Call(method, params, files, failure.status))
            if failure.delay:
                time.sleep(failure.delay)
            return failure.status, _error(failure.status, failure.retry_after)
        if method == "getUpdates":
            return 200, self._long_poll(params)
        problem = _rejection(params)
        if problem is not None:
            self._record(Call(method, params, files, 400))
            return 400, {"ok": False, "error_code": 400, "description": problem}
        result = self._result(method, params, files)
        message_id = result.get("message_id") if isinstance(result, dict) else None
        self._record(Call(method, params, files, 200, message_id))
        if failure is not None:  # slow_next: done, but answered late
            time.sleep(failure.delay)
        return 200, result

    def _take_failure(self, method: str, params: dict[str, Any]) -> _Failure | None:
        chat = params.get("chat_id")
        with self._lock:
            queue = self._failures.get(method) or []
            for failure in queue:
                if failure.chat_id is None or str(failure.chat_id) == str(chat):
                    failure.times -= 1
                    if failure.times <= 0:
                        queue.remove(failure)
                    return failure
            return None

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)
            listeners = list(self._listeners)
        for listener in listeners:
            listener(call)

    def _long_poll(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)  # as Telegram: 1 to 100
        wait = min(float(params.get("timeout") or 0), _LONG_POLL_CAP)
        self._record(Call("getUpdates", params))
        with self._lock:
            # An offset confirms every update before it: Telegram forgets those.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and not self._stopping:
                self._lock.wait(timeout=wait)
            return self._updates[:limit]

    def _result(self, method: str, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "getWebhookInfo":
            return {
                "url": self._webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": 0,
            }
        if method == "setWebhook":
            self._webhook_url = str(params.get("url", ""))
        if method == "deleteWebhook":
            self._webhook_url = ""
        if method in SEND_METHODS:
            return self._store_sent(method, params, files)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._edit(params)
        return True

    def _store_sent(self, method: str, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        message = self._message(chat_id, self._chat_types.get(chat_id, "private"))
        message["from"] = BOT_USER
        if method == "sendMessage":
            message["text"] = params["text"]
        if method == "sendPhoto":
            message["photo"] = [{"file_id": "sent", "file_unique_id": "s", "width": 1, "height": 1}]
        if method == "sendDocument":
            name = next(iter(files.values()))[0] if files else "file"
            message["document"] = {"file_id": "doc", "file_unique_id": "d", "file_name": name}
        if "caption" in params:
            message["caption"] = params["caption"]
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        with self._lock:
            self._messages[(chat_id, message["message_id"])] = message
        return message

    def _edit(self, params: dict[str, Any]) -> Any:
        key = (int(params["chat_id"]), int(params["message_id"]))
        with self._lock:
            message = self._messages.get(key)
            if message is None:
                return True
            if "text" in params:
                message["text"] = params["text"]
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            else:
                message.pop("reply_markup", None)
            return message


def post_webhook(url: str, update: dict[str, Any], *, secret: str | None) -> int:
    """POST an update to a webhook the way Telegram does; returns the HTTP status."""
    request = urllib.request.Request(
        url, data=json.dumps(update).encode(), headers={"Content-Type": "application/json"}
    )
    if secret is not None:
        request.add_header("X-Telegram-Bot-Api-Secret-Token", secret)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@contextmanager
def bot_process(
    api: FakeBotApi,
    folder: Path,
    *args: str,
    env: dict[str, str] | None = None,
    log_name: str = "bot.log",
) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m bot ARGS` against this fake server, in `folder`, its output in `log_name`.

    Environment: the fake server's token and URL, an SQLite file in `folder`, a fresh
    encryption key, GB as the default country; `env` adds to or overrides these. On a
    failure inside the block the bot's output is attached to the error. Stopped with SIGTERM.
    """
    from bot.store.vault import generate_key

    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bot.db'}",
        "WAYPOINT_ENCRYPTION_KEY": generate_key(),
        "WAYPOINT_DEFAULT_COUNTRY": "GB",
        **(env or {}),
    }
    log = folder / log_name
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", *args],
            cwd=folder,
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        except BaseException as error:
            error.add_note(f"bot output ({log_name}):\n" + log.read_text()[-3000:])
            raise
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, *, timeout: float = 30.0) -> None:
    """Wait until something listens on 127.0.0.1:`port` (a bot's webhook server)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _handler_for(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without this, Nagle's algorithm and
        # the client's delayed ACK hold every answer back ~40 ms.
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            self._serve(self._read_body())

        def do_GET(self) -> None:
            self._serve(b"")

        def _read_body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _serve(self, body: bytes) -> None:
            url = urllib.parse.urlsplit(self.path)
            prefix, _, method = url.path.rpartition("/")
            if prefix != f"/bot{api.token}":
                self._send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                return
            params, files = _decode(self.headers.get("Content-Type", ""), body, url.query)
            status, result = api._answer(method, params, files)
            if status == 200:
                self._send(200, {"ok": True, "result": result})
            else:
                self._send(status, result)

        def _send(self, status: int, payload: Any) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a timeout test): nothing to answer

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler


def _decode(
    content_type: str, body: bytes, query: str
) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    raw: dict[str, str] = dict(urllib.parse.parse_qsl(query))
    files: dict[str, tuple[str, bytes]] = {}
    if content_type.startswith("multipart/form-data"):
        header = f"Content-Type: {content_type}\r\n\r\n".encode()
        parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(header + body)
        for part in parsed.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            assert isinstance(name, str) and isinstance(payload, bytes)
            if filename is not None:
                files[name] = (filename, payload)
            else:
                raw[name] = payload.decode()
    elif content_type.startswith("application/json"):
        return json.loads(body or b"{}"), files
    elif body:
        raw.update(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
    return {key: _value(key, value) for key, value in raw.items()}, files


def _value(key: str, value: str) -> Any:
    if key in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _rejection(params: dict[str, Any]) -> str | None:
    """What the real Bot API would say is wrong with these parameters, if anything."""
    if "text" in params and not str(params["text"]).strip():
        return "Bad Request: message text is empty"
    if len(str(params.get("text", ""))) > 4096:
        return "Bad Request: message is too long"
    if len(str(params.get("caption", ""))) > 1024:
        return "Bad Request: message caption is too long"
    for button in _buttons(params.get("reply_markup")):
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= 64:
            return "Bad Request: BUTTON_DATA_INVALID"
        url = button.get("url")
        if url is not None and not str(url).startswith(("http://", "https://", "tg://")):
            return f"Bad Request: inline keyboard button URL '{url}' is invalid"
    if params.get("parse_mode"):
        return "Bad Request: this fake server refuses parse modes; send plain text"
    return None


def _buttons(markup: Any) -> Iterator[dict[str, Any]]:
    if isinstance(markup, dict):
        for row in markup.get("inline_keyboard", []):
            yield from row


def _error(status: int, retry_after: int | None) -> dict[str, Any]:
    descriptions = {
        403: "Forbidden: bot was blocked by the user",
        429: f"Too Many Requests: retry after {retry_after}",
        500: "Internal Server Error",
    }
    error: dict[str, Any] = {
        "ok": False,
        "error_code": status,
        "description": descriptions.get(status, f"Error {status}"),
    }
    if retry_after is not None:
        error["parameters"] = {"retry_after": retry_after}
    return error


def _chat(chat_id: int, chat_type: str) -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": "Sam"}
    return {"id": chat_id, "type": chat_type, "title": "A group"}


def _person(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Sam", "language_code": "en"}
