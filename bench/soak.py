"""Soak: a steady load from 10,000 people for ten minutes; memory over time, replies lost, errors.

Run: .venv/bin/python bench/soak.py [--minutes 10] [--rate 20] [--people 10000]
     [--bot unlimited|waypoint|concurrent] [--database URL] [--heap] [--plain-malloc]

The default is the bot with PTB's rate limiter lifted (`unlimited`): as shipped it holds
itself to Telegram's 30 requests a second, about 8 updates a second, which in ten minutes
would reach fewer than half of 10,000 people. Use `--bot waypoint --rate 6` for the bot as
shipped.

The bot (`python -m bot run`, see bench/updates.py for the variants) is sampled every
`--every` seconds: its resident memory and CPU, and how many updates were answered. With
`--heap` (Linux, glibc), also the C allocator's figures, read inside the bot by a small
thread (mallinfo2): bytes handed out and not yet freed ("heap used"), and bytes freed but
kept by the allocator ("heap free"; pages of it may have been given back to the system).
RSS that grows while "heap used" stays flat is memory the allocator holds, not memory the
program keeps. The bot gives free pages back every 20 s (bot/ops/memory.py); `--plain-malloc`
runs it without that, to compare. At the end: every update must have been answered, and
the bot's log must hold no ERROR or CRITICAL line and no traceback. Exits 1 if a reply was
lost or an error was logged.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bench.updates import Load, cpu_seconds, rss_mb, running, warm_up  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402

BAD_LOG_WORDS = (" ERROR ", " CRITICAL ", "Traceback")
# Run in the bot's process with --heap: every second, writes "used free sqlite" (bytes) to a
# file. SQLite allocates through malloc too; its share is its own count (sqlite3_memory_used).
HEAP_SAMPLER = """
import ctypes, ctypes.util, threading, time
class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd",
        "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
def _sample_heap(path):
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _Mallinfo2
    sqlite = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    sqlite.sqlite3_memory_used.restype = ctypes.c_int64
    while True:
        info = libc.mallinfo2()
        used, free = info.uordblks + info.hblkhd, info.fordblks
        with open(path, "w") as out:
            out.write(f"{used} {free} {sqlite.sqlite3_memory_used()}")
        time.sleep(1)
threading.Thread(target=_sample_heap, args=(%r,), daemon=True).start()
"""
# --plain-malloc: bot/ops/memory.py's measures switched off.
PLAIN_MALLOC = "import bot.ops.memory as H; H.limit_arenas = H.give_back = lambda: False\n"


async def soak(args: argparse.Namespace, folder: Path) -> int:
    heap_file = folder / "heap"
    prelude = HEAP_SAMPLER % str(heap_file) if args.heap else ""
    if args.plain_malloc:
        prelude += PLAIN_MALLOC
    with (
        FakeBotApi() as api,
        running(args.bot, api, folder, database=args.database, prelude=prelude) as process,
    ):
        await warm_up(api, process)
        load = Load(api, people=args.people)
        seconds = args.minutes * 60
        driving = asyncio.create_task(load.drive(rate=args.rate, seconds=seconds, grace=30))
        began, samples, heaps = time.perf_counter(), [], []
        heading = "  heap used  heap free  of used: SQLite" if args.heap else ""
        print(" minute  RSS MB  CPU s  answered  waiting" + heading, flush=True)
        while not driving.done():
            await asyncio.wait({driving}, timeout=args.every)
            minute = (time.perf_counter() - began) / 60
            rss = rss_mb(process.pid)
            samples.append(rss)
            heap = ""
            if args.heap:
                heaps.append(heap_mb(heap_file))
                heap = " ".join(f"{mb:10.1f}" for mb in heaps[-1])
            print(
                f"{minute:7.1f} {rss:7.1f} {cpu_seconds(process.pid):6.0f} "
                f"{load.figures.answered:9d} {load.waiting():8d}" + heap,
                flush=True,
            )
        figures = driving.result()
        peak = rss_mb(process.pid, "VmHWM")
    log = (folder / f"{args.bot}.log").read_text(errors="replace").splitlines()
    bad = [line for line in log if any(word in line for word in BAD_LOG_WORDS)]
    lost = figures.sent - figures.answered
    latencies = sorted(figures.latencies) or [float("nan")]
    quarter = max(1, len(samples) // 4)
    early, late = samples[quarter - 1], samples[-1]
    print(
        f"\n{figures.sent} updates from {args.people} people over {args.minutes:g} min "
        f"at {args.rate:g}/s ({args.bot}): {figures.answered} answered, {lost} lost, "
        f"{figures.skipped} moments with nobody free to act"
    )
    print(
        f"time to first reply: p50 {1000 * latencies[len(latencies) // 2]:.0f} ms, "
        f"p99 {1000 * latencies[int(len(latencies) * 0.99)]:.0f} ms; "
        f"crisis replies with the lines: {figures.crisis_ok}/{figures.crisis_sent}"
    )
    print(
        f"RSS: {samples[0]:.1f} MB at the first sample, {early:.1f} MB after a quarter, "
        f"{late:.1f} MB at the end (peak {peak:.1f} MB); growth after the first quarter "
        f"{late - early:+.1f} MB"
    )
    if heaps:
        (used, free, sqlite), (used_end, free_end, sqlite_end) = heaps[0], heaps[-1]
        print(
            f"C heap: in use {used:.1f} -> {used_end:.1f} MB (SQLite's part {sqlite:.1f} -> "
            f"{sqlite_end:.1f}, the rest {used - sqlite:.1f} -> {used_end - sqlite_end:.1f}), "
            f"held free {free:.1f} -> {free_end:.1f} MB (first and last sample)"
        )
    print(f"log lines with an error: {len(bad)}" + "".join(f"\n  {line}" for line in bad[:10]))
    return 1 if lost or bad else 0


def heap_mb(path: Path) -> tuple[float, float, float]:
    """The C heap's bytes in use, held free, and in use by SQLite, in MB, as last written."""
    try:
        used, free, sqlite = path.read_text().split()
    except (OSError, ValueError):
        return float("nan"), float("nan"), float("nan")
    return int(used) / 1e6, int(free) / 1e6, int(sqlite) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=20.0, help="updates a second")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--bot", default="unlimited")
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    parser.add_argument("--heap", action="store_true", help="the C allocator's figures too")
    parser.add_argument("--plain-malloc", action="store_true", help="without bot/ops/memory.py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(soak(args, Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
