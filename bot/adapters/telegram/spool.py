"""The spool: updates taken from Telegram (long polling) and not yet handled, kept on disk.

Telegram forgets an update once a getUpdates asks for a later offset, and hands out at
most 100 past that offset; so a poller that confirms an update only once it is handled
cannot see further than 100 updates past the oldest one in hand: a crisis message behind a
backlog, or behind updates stuck on a hung database, waits its turn (issue 21). The spool
lets the poller confirm what it has fetched at once and read ahead, and lets nothing be
lost to a crash: what Telegram has forgotten is here until it is handled.

Rules:
1. `put` writes a batch as one segment file, each update a Fernet token under the vault's
   first key, fsync'd (the file, then the folder) before it returns: only then may
   Telegram be told to forget the batch. It takes no more than `capacity` updates in all
   (what does not fit is left to Telegram: the poller holds its offset, as without a spool).
2. `remove` takes a handled update out at once: a segment whose updates are all handled is
   deleted; in one with some left, the update's line is overwritten with spaces in place
   (a new file renamed over the old made ext4 write it out: ~3 ms on the event loop for
   every update handled). So an update's text stays no longer than it is unhandled: after
   /delete, nothing the person sent before it is left here (each chat's updates are
   handled in order).
3. `open` makes the folder 0700 and files 0600, locks the folder (one process per spool),
   deletes half-written files, and reads every segment (replayed by the poller, oldest
   first); a token under an older key is re-encrypted under the first (rekey), one that no
   key opens is dropped and its segment rewritten (only the update id is logged).
4. Disk errors are logged and never raised from `put` or `remove`: a full disk means the
   spool takes nothing more, and the poller falls back to leaving updates with Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Any, Protocol

CAPACITY = 2000  # updates; a few kilobytes each on disk and, parsed, in memory
SUFFIX, PARTIAL, LOCK = ".spool", ".partial", ".lock"

Slot = tuple[int, int]  # where an update's line is in its segment file: offset, length

_log = logging.getLogger("bot.adapters.telegram")


class Sealer(Protocol):
    """Encryption at rest (the store's Vault): the first key encrypts, every key decrypts."""

    def encrypt(self, text: str) -> str: ...

    def decrypt(self, token: str) -> str: ...

    def rotate(self, token: str) -> str: ...

    def is_current(self, token: str) -> bool: ...


class SpoolError(Exception):
    """The spool's folder cannot be used: another process holds it, or it cannot be made."""


class Spool:
    """Updates taken from Telegram and not yet handled, one segment file a batch."""

    def __init__(self, folder: Path, sealer: Sealer, lock: int, *, capacity: int) -> None:
        """Use `Spool.open`."""
        self._folder = folder
        self._sealer = sealer
        self._lock = lock
        self._capacity = capacity
        self._segments: dict[str, dict[int, Slot]] = {}  # file name -> update id -> line
        self._where: dict[int, str] = {}  # update id -> file name
        self._pending: list[tuple[int, Any]] = []  # read at open, until `replay`

    @classmethod
    def open(cls, folder: Path, sealer: Sealer, *, capacity: int = CAPACITY) -> Spool:
        """The spool in `folder` (made if need be), locked to this process (rule 3)."""
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
            lock = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise SpoolError(f"cannot use the spool folder {folder}: {error}") from None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            raise SpoolError(
                f"another process is using the spool folder {folder}: "
                "only one poller may run per bot token and spool"
            ) from None
        spool = cls(folder, sealer, lock, capacity=capacity)
        spool._load()
        return spool

    def close(self) -> None:
        """Let go of the folder's lock (what is spooled stays for the next start)."""
        with contextlib.suppress(OSError):
            os.close(self._lock)

    def replay(self) -> list[tuple[int, Any]]:
        """The updates found at open (id and Telegram's JSON), oldest first; once."""
        found, self._pending = self._pending, []
        return found

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, update_id: object) -> bool:
        return update_id in self._where

    def free(self) -> int:
        return max(0, self._capacity - len(self._where))

    def put(self, batch: Sequence[tuple[int, Any]]) -> Awaitable[list[int]]:
        """Spool as much of `batch` (update id, Telegram's JSON) as fits, durably (rule 1).
        The write starts now, in a thread (the caller assesses the batch meanwhile); awaited,
        the ids spooled: a prefix of the batch, none if the disk failed (rule 4). One `put`
        at a time: `free()` counts only what is written."""
        taken = [(update_id, raw) for update_id, raw in batch if update_id not in self._where]
        taken = taken[: self.free()]
        name = f"{taken[0][0]:020d}-{taken[-1][0]:020d}{SUFFIX}" if taken else ""
        writing = asyncio.get_running_loop().run_in_executor(None, self._write_new, name, taken)
        return self._written(name, writing)

    def remove(self, update_id: int) -> None:
        """Take a handled update out of the spool now (rule 2); nothing if it is not in it."""
        name = self._where.pop(update_id, None)
        if name is None:
            return
        segment = self._segments[name]
        offset, length = segment.pop(update_id)
        try:
            if segment:
                descriptor = os.open(self._folder / name, os.O_WRONLY)
                try:
                    os.pwrite(descriptor, b" " * length, offset)
                finally:
                    os.close(descriptor)
            else:
                del self._segments[name]
                (self._folder / name).unlink(missing_ok=True)
        except OSError as error:  # replayed after a restart: the Companion knows it (delivery)
            _log.warning(
                "a handled update stayed in the spool",
                extra={"update_id": update_id, "error": type(error).__name__},
            )

    # -- files ---------------------------------------------------------------------------------

    async def _written(self, name: str, writing: asyncio.Future[dict[int, Slot]]) -> list[int]:
        try:
            slots = await writing
        except OSError as error:
            _log.warning("the spool cannot be written", extra={"error": type(error).__name__})
            return []
        if slots:
            self._segments[name] = slots
            self._where.update(dict.fromkeys(slots, name))
        return list(slots)

    def _write_new(self, name: str, batch: Sequence[tuple[int, Any]]) -> dict[int, Slot]:
        tokens = {update_id: self._sealer.encrypt(json.dumps(raw)) for update_id, raw in batch}
        return self._write(name, tokens) if tokens else {}

    def _write(self, name: str, tokens: dict[int, str]) -> dict[int, Slot]:
        """The segment, one token a line, fsync'd and renamed into place: whole or not at
        all; where each update's line is."""
        slots, offset = {}, 0
        for update_id, token in tokens.items():  # Fernet tokens are ASCII: a byte a character
            slots[update_id] = (offset, len(token))
            offset += len(token) + 1
        partial = self._folder / (name + PARTIAL)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.fchmod(descriptor, 0o600)
            os.write(descriptor, "".join(token + "\n" for token in tokens.values()).encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(partial, self._folder / name)
        folder = os.open(self._folder, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return slots

    def _load(self) -> None:
        for partial in self._folder.glob("*" + PARTIAL):
            partial.unlink()  # never renamed into place: its batch was never confirmed
        found: dict[int, Any] = {}
        for path in sorted(self._folder.glob("*" + SUFFIX)):
            tokens = self._read(path, found)
            if not tokens:
                path.unlink()
                continue
            # Rewritten whole: under the first key, without the lines of handled updates.
            self._segments[path.name] = self._write(path.name, tokens)
            self._where.update(dict.fromkeys(tokens, path.name))
        self._pending = sorted(found.items())

    def _read(self, path: Path, found: dict[int, Any]) -> dict[int, str]:
        """The segment's tokens by update id, each under the first key."""
        tokens: dict[int, str] = {}
        for number, token in enumerate(path.read_text().split()):  # blanked lines: none
            try:
                raw = json.loads(self._sealer.decrypt(token))
                update_id = raw["update_id"]
            except Exception:  # no key opens it, or it is not an update: nothing to replay
                _log.error("dropped a spooled update no key opens", extra={"line": number})
                continue
            if update_id in found or update_id in self._where:
                continue  # written twice (never by this code): replayed once
            tokens[update_id] = (
                token if self._sealer.is_current(token) else self._sealer.rotate(token)
            )
            found[update_id] = raw
        return tokens
