"""Memory the C allocator holds on to after the bot has let go of it.

Soaks (bench/soak.py --heap, docs/benchmarks.md) show the bot's own memory flat while its
resident size creeps up: glibc's malloc keeps what was freed, in the main heap and in one
more heap per thread that has allocated (aiosqlite runs each connection in a thread of its
own), and gives little of it back. Two remedies, for `python -m bot run`:

- `limit_arenas()`, at start: at most ARENAS heaps, so the database threads share one
  instead of each keeping its own.
- `give_back()`, now and then: `malloc_trim(0)` returns the free pages of every heap to
  the system. It takes a few milliseconds on a heap of tens of megabytes.

Both do nothing where the C library is not glibc (macOS, Alpine's musl).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None


_LIBC = _glibc()


def limit_arenas() -> bool:
    """Keep malloc to ARENAS heaps; call before threads start. Whether it was done."""
    return _LIBC is not None and bool(_LIBC.mallopt(_M_ARENA_MAX, ARENAS))


def give_back() -> bool:
    """Return the allocator's free pages to the system. Whether any were returned."""
    return _LIBC is not None and bool(_LIBC.malloc_trim(0))
