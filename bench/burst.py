"""Burst: a backlog of updates arrives at once (after an outage, say), then a steady rate.

Telegram keeps a bot's updates while it is down and hands them over when it is back. The
bot (`python -m bot run`, limiter lifted: see bench/updates.py) must work through that
backlog while new messages keep coming. Every `--every` seconds this prints how many
people are still waiting for an answer, the answers a second, and the CPU an answer cost;
the backlog must shrink to nothing. Exits 1 if people are still waiting at the end.

Run: .venv/bin/python bench/burst.py [--burst 1500] [--rate 40] [--seconds 60]
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


async def burst(args: argparse.Namespace, folder: Path) -> int:
    with FakeBotApi() as api, running(args.bot, api, folder, database=None) as process:
        await warm_up(api, process)
        load = Load(api, people=args.people)
        for _ in range(args.burst):
            load.act_now()
        began, cpu_before, answered_before = time.perf_counter(), cpu_seconds(process.pid), 0
        driving = asyncio.create_task(load.drive(rate=args.rate, seconds=args.seconds, grace=10))
        last = began
        print("seconds  waiting  answered/s  CPU ms/answer  RSS MB", flush=True)
        while not driving.done():
            await asyncio.wait({driving}, timeout=args.every)
            now, cpu = time.perf_counter(), cpu_seconds(process.pid)
            answered = load.figures.answered
            done = answered - answered_before
            print(
                f"{now - began:7.0f} {load.waiting():8d} {done / (now - last):11.1f}"
                f" {1000 * (cpu - cpu_before) / max(1, done):14.1f} {rss_mb(process.pid):7.0f}",
                flush=True,
            )
            last, cpu_before, answered_before = now, cpu, answered
        waiting = load.waiting()
    print(f"\nstill waiting at the end: {waiting} of a backlog of {args.burst}")
    return 1 if waiting else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=1500, help="updates waiting at the start")
    parser.add_argument("--rate", type=float, default=40.0, help="updates a second after it")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between lines")
    parser.add_argument("--bot", default="unlimited")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        return asyncio.run(burst(args, Path(folder)))


if __name__ == "__main__":
    sys.exit(main())
