"""Crisis latency: how long a crisis message waits for its lines under each fault of issue 21.

`python -m bot run` (polling, its rate limiter in place) against the fake Bot API. For each
fault, `--rounds` times: the fault is set up, a crisis message comes from a new chat, and
the time to its delivered lines is taken; then the fault is lifted and the bot left to
settle. p50 and p99 are printed beside the same without the fault. Faults:

- hung-db-10, hung-db-100: PostgreSQL stalled behind a TCP proxy, 10 or 100 other people's
  messages waiting (needs PostgreSQL at 127.0.0.1:5432);
- 429: another chat's send answered 429 with retry_after 20;
- backlog: 1,000 other chats' messages waiting at Telegram ahead of the crisis (polling);
- 5xx: the crisis reply's first six sends answered 500;
- flood: 13 messages from the same person in a second just before the crisis.

Run: .venv/bin/python bench/crisis_latency.py [--faults 429,5xx,...] [--rounds 10]
     [--bot waypoint@REV to measure older code, checked out in a temporary worktree]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bench.updates import running, warm_up, worktree  # noqa: E402
from tests.fake_bot_api import SEND_METHODS, Call, FakeBotApi  # noqa: E402
from tests.proxy import TcpProxy  # noqa: E402

CRISIS_TEXT = "i want to kill myself"
FAULTS = ("none", "hung-db-10", "hung-db-100", "429", "backlog", "5xx", "flood")
POSTGRES = ("127.0.0.1", 5432)
_chats = itertools.count(700_000)


def is_lines(call: Call) -> bool:
    return all(part in call.text for part in ("116 123", "999"))


class Heard:
    """What each chat was sent, noted by the fake server's listener as each request is
    recorded. (Until 2026-12-07 the bench asked for the whole call history every 5 ms for
    the crisis chat, and for each of the 1,000 backlog chats every 50 ms while they
    drained: CPU the fake server and the bot needed, more with every round.)"""

    def __init__(self, api: FakeBotApi) -> None:
        self._lock = threading.Lock()
        self.answered: set[int] = set()
        self.lines_at: dict[int, float] = {}  # chat -> perf_counter when its lines arrived
        api.listen(self._heard)

    def _heard(self, call: Call) -> None:
        if call.method not in SEND_METHODS or call.status != 200 or call.chat_id is None:
            return
        now = time.perf_counter()
        with self._lock:
            self.answered.add(call.chat_id)
            if is_lines(call):
                self.lines_at.setdefault(call.chat_id, now)


async def crisis(api: FakeBotApi, heard: Heard, chat: int, *, timeout: float = 120) -> float:
    began = time.perf_counter()
    api.inject_text(chat, CRISIS_TEXT)
    deadline = began + timeout
    while chat not in heard.lines_at:
        if time.perf_counter() > deadline:
            return float("inf")  # lost, as far as this bench can tell
        await asyncio.sleep(0.005)
    return heard.lines_at[chat] - began


async def settle(heard: Heard, chats: list[int], *, timeout: float = 90) -> None:
    deadline = time.perf_counter() + timeout
    while not heard.answered.issuperset(chats) and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)


async def one_round(fault: str, api: FakeBotApi, heard: Heard, proxy: TcpProxy | None) -> float:
    chat = next(_chats)
    others: list[int] = []
    if fault.startswith("hung-db"):
        assert proxy is not None
        proxy.stall()
        others = [next(_chats) for _ in range(int(fault.rsplit("-", 1)[1]))]
        for other in others:
            api.inject_text(other, "hello")
        await asyncio.sleep(0.2)
        waited = await crisis(api, heard, chat)
        proxy.restore()
    elif fault == "429":
        other = next(_chats)
        api.fail_next("sendMessage", status=429, retry_after=20, chat_id=other)
        api.inject_text(other, "hello")
        while not [c for c in api.calls_to("sendMessage") if c.chat_id == other]:
            await asyncio.sleep(0.005)
        waited = await crisis(api, heard, chat)
        others = [other]
    elif fault == "backlog":
        others = [next(_chats) for _ in range(1000)]
        for other in others:
            api.inject_text(other, "hello")
        waited = await crisis(api, heard, chat)
    elif fault == "5xx":
        api.fail_next("sendMessage", status=500, times=6, chat_id=chat)
        waited = await crisis(api, heard, chat)
    elif fault == "flood":
        for _ in range(13):
            api.inject_text(chat, "hi")
        await asyncio.sleep(0.5)
        waited = await crisis(api, heard, chat)
    else:
        waited = await crisis(api, heard, chat)
    await settle(heard, others)
    return waited


async def measure(args: argparse.Namespace, folder: Path, code: Path) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    needs_db = any(fault.startswith("hung-db") for fault in args.faults)
    with contextlib.ExitStack() as stack:
        proxy = stack.enter_context(TcpProxy(POSTGRES)) if needs_db else None
        database = None
        if proxy is not None:
            database = f"postgresql+asyncpg://postgres@127.0.0.1:{proxy.port}/{args.database}"
        api = stack.enter_context(FakeBotApi())
        heard = Heard(api)
        process = stack.enter_context(running(args.bot, api, folder, database=database, code=code))
        await warm_up(api, process)
        for fault in args.faults:
            rounds = args.rounds if fault not in ("backlog", "429") else max(2, args.rounds // 3)
            results[fault] = [await one_round(fault, api, heard, proxy) for _ in range(rounds)]
            print(f"{fault:12s} {summary(results[fault])}", flush=True)
    return results


def summary(waits: list[float]) -> str:
    ordered = sorted(waits)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    lost = sum(1 for wait in waits if wait == float("inf"))
    return f"n={len(waits):3d}  p50 {p50 * 1000:8.0f} ms  p99 {p99 * 1000:8.0f} ms  lost {lost}"


@contextlib.contextmanager
def code_for(bot: str, folder: Path) -> Iterator[Path]:
    revision = bot.partition("@")[2]
    if not revision:
        yield _HERE.parent
        return
    with worktree(revision, folder) as path:
        yield path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faults", default=",".join(FAULTS), type=lambda s: s.split(","))
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--bot", default="waypoint", help="waypoint, or waypoint@REV")
    parser.add_argument(
        "--database", default="waypoint_bench", help="a migrated PostgreSQL database's name"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, code_for(args.bot, Path(folder)) as code:
        results = asyncio.run(measure(args, Path(folder), code))
    lost = sum(1 for waits in results.values() for wait in waits if wait == float("inf"))
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
