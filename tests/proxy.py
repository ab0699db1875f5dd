"""A TCP proxy on 127.0.0.1 that a test can cut and restore, to take a database away mid-run."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from concurrent.futures import Future
from typing import Any


class TcpProxy:
    """Forwards 127.0.0.1:`port` to `target`, on an event loop in its own thread.

    `cut()` closes the listening socket and every open connection, as a network failure
    would look to the bot; `stall()` keeps every connection open but passes nothing on, as
    a database that hangs would; `restore()` ends either.
    """

    def __init__(self, target: tuple[str, int], *, port: int = 0) -> None:
        self.target = target
        self.port = port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._stalled = False

    def start(self) -> TcpProxy:
        self._thread.start()
        self.restore()
        return self

    def restore(self) -> None:
        """Listen again (on the same port after the first time), and pass data on again."""
        self._stalled = False
        self._call(self._listen())

    def stall(self) -> None:
        """Hold everything sent either way until `restore()`; connections stay open."""
        self._stalled = True

    def cut(self) -> None:
        """Stop listening and drop every connection."""
        self._call(self._cut())

    def stop(self) -> None:
        self.cut()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _call(self, work: Any) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(work, self._loop)
        return future.result(timeout=10)

    async def _listen(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(
            self._pipe, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def _cut(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, upstream_writer))
        await asyncio.gather(
            self._copy(reader, upstream_writer), self._copy(upstream_reader, writer)
        )

    async def _copy(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                while self._stalled:
                    await asyncio.sleep(0.02)
                writer.write(data)
                await writer.drain()
        self._writers.discard(writer)
        writer.transport.abort()
