"""Start-up: seconds from `python -m bot run` to the first answered update (target <= 2 s).

A /start is waiting at the fake Bot API before the process starts; the clock stops at the
first message back. Every flow is loaded and validated and the lexicon compiled before the
bot polls, so this is the whole cost. Measured on a fresh SQLite file (migrations included)
and on one that exists; the median of `--rounds` runs each. The minimal python-telegram-bot
echo bot (bench/echo_bot.py) is started the same way in the same rounds: the floor, which
these shared machines stretch as much as they stretch Waypoint.

Run: .venv/bin/python bench/startup.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bench.updates import cpu_seconds, running  # noqa: E402
from tests.fake_bot_api import FakeBotApi  # noqa: E402

TARGET_S = 2.0
CHAT = 424242


async def first_answer(folder: Path, chat: int, *, bot: str = "waypoint") -> tuple[float, float]:
    """Seconds from starting the process to the first reply (the database file in `folder`),
    and the CPU seconds the process had used by then (less shaken by other work on the
    machine than the wall clock)."""
    with FakeBotApi() as api:
        api.inject_text(chat, "/start")
        began = time.perf_counter()
        with running(bot, api, folder, database=None) as process:
            while not api.sent_to(chat):
                if process.poll() is not None:
                    raise SystemExit(f"the bot stopped with {process.returncode}")
                await asyncio.sleep(0.005)
            return time.perf_counter() - began, cpu_seconds(process.pid)


def in_process_load() -> float:
    """Seconds to load and validate the flows and compile the lexicon, inside one process."""
    import dialogues
    import safety

    began = time.perf_counter()
    dialogues.load_library()
    safety.assess("hello, just checking in")
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    fresh: list[tuple[float, float]] = []
    existing: list[tuple[float, float]] = []
    echo: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            echo.append(asyncio.run(first_answer(Path(folder), CHAT, bot="echo")))
            fresh.append(asyncio.run(first_answer(Path(folder), CHAT)))
            existing.append(asyncio.run(first_answer(Path(folder), CHAT + 1)))
    print(f"flows + lexicon, loaded in process: {in_process_load():.2f} s")
    runs = (("echo bot (floor)", echo), ("fresh database", fresh), ("existing database", existing))
    for name, measured in runs:
        times, cpu = [wall for wall, _ in measured], [used for _, used in measured]
        print(
            f"first answered update, {name}: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs); "
            f"CPU used by then: median {statistics.median(cpu):.2f} s"
        )
    worst = max(
        statistics.median([w for w, _ in fresh]), statistics.median([w for w, _ in existing])
    )
    print(
        f"Waypoint's slower median is {worst / statistics.median([w for w, _ in echo]):.1f}x "
        "the echo bot's"
    )
    print(f"target <= {TARGET_S:g} s: {'met' if worst <= TARGET_S else 'missed'}")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
