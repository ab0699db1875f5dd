"""Per-key asyncio locks that are forgotten as soon as nobody holds or waits for them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Slot:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # holding or waiting


class KeyedLocks:
    """One lock per key (a person), so their messages are handled one at a time, in order.

    asyncio.Lock wakes waiters first come, first served, so messages from one person are
    handled in the order they arrived. A key's lock lives only while someone holds or waits
    for it: the map stays as small as the number of people being answered right now.
    """

    def __init__(self) -> None:
        self._slots: dict[Hashable, _Slot] = {}

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        slot = self._slots.setdefault(key, _Slot())
        slot.users += 1
        try:
            async with slot.lock:
                yield
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[key]

    def __len__(self) -> int:
        """How many keys are held or waited for now."""
        return len(self._slots)
