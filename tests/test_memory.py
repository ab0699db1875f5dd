"""bot/ops/memory.py: freed memory the C allocator kept is given back to the system."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.ops import memory as heap

pytestmark = pytest.mark.skipif(heap._LIBC is None, reason="the C library is not glibc")

# In a fresh interpreter: 60 MB in 96 KiB pieces (under glibc's mmap threshold, so they
# come from the heap), then all freed but the last, which pins the top of the heap so
# that freeing alone cannot shrink it. Prints the resident size (kB) after the free and
# after give_back().
FRAGMENTED = """
import sys
from bot.ops import memory as heap
def rss():
    return next(int(line.split()[1]) for line in open("/proc/self/status")
                if line.startswith("VmRSS"))
pieces = [bytearray(96 * 1024) for _ in range(640)]
del pieces[:-1]
freed = rss()
gave = heap.give_back()
print(freed, rss(), gave)
"""


def test_free_memory_the_allocator_kept_is_given_back() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", FRAGMENTED], capture_output=True, text=True, check=True
    ).stdout.split()
    after_free, after_give_back = int(shown[0]), int(shown[1])
    assert shown[2] == "True"
    assert after_free - after_give_back > 40_000  # kB: most of the 60 MB went back


def test_the_number_of_heaps_can_be_limited() -> None:
    limited = subprocess.run(
        [sys.executable, "-c", "from bot.ops import memory as heap; print(heap.limit_arenas())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert limited.strip() == "True"
