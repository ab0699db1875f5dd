"""The whole bot in a terminal: type text or /commands, answer buttons by their number.

A terminal may be a shared computer: a file of the person's data (/mydata's) is written
only when they ask for one ("/mydata export", "/mydata download"), and the terminal
says where it went; otherwise the reply shows what is kept, and how to save it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.core import words
from bot.core.ports import Handler
from bot.messages import Incoming, Option, Person, Platform, Reply, ReplyKind

PERSON = Person(Platform.TERMINAL, "local")
COMMAND = re.compile(r"^/(?P<name>[A-Za-z0-9_]+)(?:@\S+)?(?:\s+(?P<args>.*))?$", re.DOTALL)


class Terminal:
    """Reads lines, hands them to the Companion, prints the replies."""

    def __init__(self, handler: Handler, *, stdin: TextIO, stdout: TextIO, files: Path) -> None:
        self._handler = handler
        self._stdin = stdin
        self._stdout = stdout
        self._files = files
        self._options: tuple[Option, ...] = ()
        self._interactive = stdin.isatty()
        self._export = False  # the line just typed asked for the file ("/mydata export")

    async def run(self) -> None:
        """Chat until end of input (Ctrl-D, or the end of a piped script)."""
        if self._interactive:
            self._print(words.TERMINAL_WELCOME)
        while True:
            if self._interactive:
                self._stdout.write("> ")
                self._stdout.flush()
            line = await asyncio.to_thread(self._stdin.readline)
            if not line:
                break
            incoming = self.incoming(line.rstrip("\n"), now=datetime.now(UTC))
            if incoming is None:
                continue
            if not self._interactive:
                self._print(f"> {line.rstrip()}")
            await self.deliver(await self._handler.handle(incoming))

    def incoming(self, line: str, *, now: datetime) -> Incoming | None:
        """What a typed line means: a command, the number of a button, or text."""
        text = line.strip()
        if not text:
            return None
        command = COMMAND.match(text)
        self._export = command is not None and _EXPORT.match(command["args"] or "") is not None
        if command:
            return Incoming(
                PERSON, now, command=command["name"].lower(), args=(command["args"] or "").strip()
            )
        option = self._option_for(text)
        if option is not None:
            return Incoming(PERSON, now, choice=option.id)
        return Incoming(PERSON, now, text=line)

    def _option_for(self, text: str) -> Option | None:
        """The button a typed number means: a button labelled with that number (a scale's
        "4"), else the button numbered so in the list."""
        buttons = [option for option in self._options if option.url is None]
        for option in buttons:
            if option.label == text:
                return option
        if text.isdigit() and 1 <= int(text) <= len(self._options):
            chosen = self._options[int(text) - 1]
            return chosen if chosen.url is None else None
        return None

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        """The outbound port: a check-in or check-back arrives while chatting."""
        await self.deliver(replies)

    async def deliver(self, replies: Sequence[Reply]) -> None:
        """Print replies; the last one's buttons become the numbered choices."""
        for reply in replies:
            self._print_reply(reply)
            if reply.options:
                self._options = reply.options
        self._stdout.flush()

    def _print_reply(self, reply: Reply) -> None:
        marker = "!! " if reply.kind is ReplyKind.CRISIS else ""
        self._print(f"\nWaypoint: {marker}{reply.text}")
        if reply.image is not None:
            self._print(words.TERMINAL_PICTURE.format(path=self._save("progress.png", reply.image)))
        if reply.document is not None and self._export:
            name, content = reply.document
            self._print(words.TERMINAL_FILE.format(path=self._save(name, content)))
        elif reply.document is not None:  # a shared computer: no file unless asked for
            self._print(words.TERMINAL_FILE_OFFER)
        if _is_scale(reply.options):
            numbers = " ".join(option.label for option in reply.options)
            self._print(words.TERMINAL_SCALE.format(numbers=numbers))
            return
        for number, option in enumerate(reply.options, start=1):
            where = f" - {option.url}" if option.url else ""
            self._print(f"   {number}) {option.label}{where}")

    def _save(self, name: str, content: bytes) -> Path:
        self._files.mkdir(parents=True, exist_ok=True)
        path = self._files / Path(name).name
        path.write_bytes(content)
        return path.resolve()

    def _print(self, text: str) -> None:
        self._stdout.write(text + "\n")


# "/mydata export": the file asked for, in a few words for it.
_EXPORT = re.compile(r"^\s*(?:export|download|save|file|as a file|to a file)\b", re.IGNORECASE)


def _is_scale(options: Sequence[Option]) -> bool:
    """A row of number buttons (0 to 10, say): shown as one line, answered by value."""
    return len(options) > 2 and all(option.label.isdigit() for option in options)
