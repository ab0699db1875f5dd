"""Load: simulated people talk to `python -m bot run` through the fake Bot API; figures printed.

Each person sends /start, then taps buttons they were shown, types now and then, and sends
a crisis message some of the time; a person acts again only once answered. Updates go out at
a steady rate; for each, the time until the first message back is measured. The same load is
put on a minimal python-telegram-bot echo bot (bench/echo_bot.py) in the same run: the floor.

Run: .venv/bin/python bench/updates.py [--rate 200] [--seconds 20] [--people 2000]
     [--bots echo,waypoint,unlimited] [--database URL] [--together] [--rounds N]

`waypoint` is the bot as shipped: PTB's AIORateLimiter holds it to Telegram's 30 requests
a second. `unlimited` is the same bot with that limit lifted, to see what the code itself
costs. Both handle 8 updates at once (CONCURRENT_UPDATES in bot/adapters/telegram);
`concurrent` raises that to 64, to see what more would change.
A variant followed by `@REV` (`unlimited@HEAD~1`) runs that variant of the code at git
revision REV (checked out in a temporary worktree): with `--together`, a change is measured
against the code before it in the same run.
Per-update cost is the bot process's CPU time (user + system) divided by updates answered.
The host's speed drifts by tens of percent from one minute to the next here, so for the
ratio run the bots `--together` (at the same time, each with its own fake server and
people) over several `--rounds`, and read the median.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Run as `python bench/updates.py`, this file's folder comes first on sys.path, and
# bench/safety.py would hide the `safety` package: look from the repository root instead.
_HERE = Path(__file__).resolve().parent
ROOT = _HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(ROOT))

from bot.store.vault import generate_key  # noqa: E402
from tests.fake_bot_api import SEND_METHODS, Call, FakeBotApi  # noqa: E402

CRISIS = ("i want to kill myself", "I want to die tonight", "i'm going to end it all")
TYPED = ("hello", "/topics", "not sure", "tell me more", "/help", "I had a rough day", "yes")
# Every crisis reply says this, whichever country's lines follow (people here tap through
# menus at random, the country picker among them).
CRISIS_MARK = "I'm a bot, so I can't send help or call anyone"
SETTLE = 0.3  # seconds a person waits after the last message before acting again
# Bootstraps for the variants: PTB patched before `python -m bot run`'s main() starts.
UNLIMITED = (  # the library's limiter (older code) or Waypoint's own (sending.py) lifted
    "from telegram.ext import AIORateLimiter as L; L.__init__.__defaults__ = (0, 1, 0, 60, 0)\n"
    "try:\n"
    "    import bot.adapters.telegram.sending as S\n"
    "    S.Sending.__init__.__kwdefaults__['rate'] = 10**6\n"
    "except ImportError:\n"
    "    pass\n"
)
CONCURRENT = "import bot.adapters.telegram.adapter as T; T.CONCURRENT_UPDATES = 64; "
RUN = "import sys; from bot.__main__ import main; sys.exit(main(['run']))"
FIRST_CHAT = 500_000


@dataclass
class Person:
    chat: int
    started: bool = False
    buttons: list[tuple[int, str]] = field(default_factory=list)
    sent_at: float | None = None  # when the update awaiting its first reply went out
    crisis: bool = False
    heard_at: float = 0.0


@dataclass
class Figures:
    sent: int = 0
    answered: int = 0
    skipped: int = 0  # moments when every person was still waiting: the bot fell behind
    requests: int = 0  # requests the bot made to the Bot API, getUpdates aside
    polls: int = 0  # getUpdates requests
    latencies: list[float] = field(default_factory=list)
    crisis_sent: int = 0
    crisis_ok: int = 0


class Load:
    """Simulated people; the fake server's listener records every reply as it arrives."""

    def __init__(self, api: FakeBotApi, *, people: int, seed: int = 7) -> None:
        self.api = api
        self.people = {FIRST_CHAT + n: Person(FIRST_CHAT + n) for n in range(people)}
        self.figures = Figures()
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._idle = list(self.people)
        api.listen(self._heard)

    def _heard(self, call: Call) -> None:
        with self._lock:
            if call.method == "getUpdates":
                self.figures.polls += 1
            else:
                self.figures.requests += 1
        if call.method not in SEND_METHODS or call.status != 200 or call.chat_id is None:
            return
        now = time.perf_counter()
        with self._lock:
            person = self.people.get(call.chat_id)
            if person is None:
                return
            person.heard_at = now
            if call.buttons and call.message_id is not None:
                person.buttons = [
                    (call.message_id, str(b["callback_data"]))
                    for row in call.buttons
                    for b in row
                    if "callback_data" in b
                ]
            if person.crisis and CRISIS_MARK in call.text:
                # The lines arrived (that they come first is what the tests prove; here a
                # trailing message of the answer before can arrive after the update went out).
                self.figures.crisis_ok += 1
                person.crisis = False
            if person.sent_at is not None:
                self.figures.latencies.append(now - person.sent_at)
                self.figures.answered += 1
                person.sent_at = None
                self._idle.append(person.chat)

    async def drive(self, *, rate: float, seconds: float, grace: float = 10.0) -> Figures:
        """Send updates at `rate` a second for `seconds`, then wait up to `grace` seconds
        for the last answers."""
        began = time.perf_counter()
        step, due = 1.0 / rate, began
        while due - began < seconds:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            due += step
            if not self._act():
                self.figures.skipped += 1
        deadline = time.perf_counter() + grace
        while self.waiting() and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        return self.figures

    def waiting(self) -> int:
        with self._lock:
            return sum(person.sent_at is not None for person in self.people.values())

    def act_now(self) -> bool:
        """One idle person acts at once (for a burst); False if nobody is free."""
        return self._act()

    def _act(self) -> bool:
        now = time.perf_counter()
        with self._lock:
            for _ in range(min(len(self._idle), 8)):
                index = self._random.randrange(len(self._idle))
                person = self.people[self._idle[index]]
                if now - person.heard_at >= SETTLE:
                    self._idle[index] = self._idle[-1]
                    self._idle.pop()
                    break
            else:
                return False
            person.sent_at = now
            roll = self._random.random()
            self.figures.sent += 1
            if not person.started:
                person.started = True
                self.api.inject_text(person.chat, "/start")
            elif roll < 0.03:
                person.crisis = True
                self.figures.crisis_sent += 1
                self.api.inject_text(person.chat, self._random.choice(CRISIS))
            elif roll < 0.18 or not person.buttons:
                self.api.inject_text(person.chat, self._random.choice(TYPED))
            else:
                self.api.inject_tap(person.chat, *self._random.choice(person.buttons))
        return True


def file_name(text: str) -> str:
    """`text` (a variant, a git revision) safe in a file name and an SQLite URL."""
    return re.sub(r"[^\w.-]", "_", text)


@contextmanager
def running(
    bot: str,
    api: FakeBotApi,
    folder: Path,
    *,
    database: str | None,
    prelude: str = "",
    code: Path = ROOT,
) -> Iterator[subprocess.Popen[bytes]]:
    """One bot process against the fake server: `echo`, `waypoint`, `unlimited`, `concurrent`,
    any of the last three (with a suffix, `unlimited@HEAD~1`, say) running the code in `code`.
    `prelude` is Python run in Waypoint's process before it starts (bench/soak.py --heap)."""
    variant, name = bot.partition("@")[0], file_name(bot)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(code),
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "DATABASE_URL": database or f"sqlite+aiosqlite:///{folder / f'{name}.db'}",
        "WAYPOINT_ENCRYPTION_KEY": generate_key(),
        "WAYPOINT_DEFAULT_COUNTRY": "GB",
        "LOG_LEVEL": "WARNING",
    }
    command = {
        "echo": [sys.executable, str(ROOT / "bench" / "echo_bot.py")],
        "waypoint": [sys.executable, "-c", prelude + RUN],
        "unlimited": [sys.executable, "-c", prelude + UNLIMITED + RUN],
        "concurrent": [sys.executable, "-c", prelude + UNLIMITED + CONCURRENT + RUN],
    }[variant]
    log = folder / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=out, stderr=out)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """The process's resident memory (VmRSS) or its peak (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def warm_up(api: FakeBotApi, process: subprocess.Popen[bytes]) -> float:
    """Wait until the bot answers a first update; seconds it took."""
    began = time.perf_counter()
    api.inject_text(FIRST_CHAT - 1, "/start")
    while not api.sent_to(FIRST_CHAT - 1):
        if process.poll() is not None:
            raise SystemExit(f"the bot stopped with {process.returncode} before answering")
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.5)
    return time.perf_counter() - began


async def measure(bot: str, args: argparse.Namespace, folder: Path) -> dict[str, float]:
    code = args.code.get(bot.partition("@")[2], ROOT)
    with (
        FakeBotApi() as api,
        running(bot, api, folder, database=args.database, code=code) as process,
    ):
        await warm_up(api, process)
        load = Load(api, people=args.people)
        cpu_before, began = cpu_seconds(process.pid), time.perf_counter()
        figures = await load.drive(rate=args.rate, seconds=args.seconds)
        elapsed = time.perf_counter() - began
        cpu = cpu_seconds(process.pid) - cpu_before
        peak = rss_mb(process.pid, "VmHWM")
    latencies = sorted(figures.latencies) or [float("nan")]
    return {
        "sent": figures.sent,
        "answered": figures.answered,
        "unanswered": figures.sent - figures.answered,  # after 10 s of grace
        "skipped": figures.skipped,
        "updates/s": figures.answered / elapsed,
        "p50 ms": 1000 * statistics.median(latencies),
        "p99 ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "max ms": 1000 * latencies[-1],
        "cpu ms/update": 1000 * cpu / max(1, figures.answered),
        "requests/update": figures.requests / max(1, figures.answered),
        "polls/update": figures.polls / max(1, figures.answered),
        "peak RSS MB": peak,
        "crisis ok": figures.crisis_ok,
        "crisis sent": figures.crisis_sent,
    }


async def measure_all(
    bots: list[str], args: argparse.Namespace, folder: Path
) -> dict[str, dict[str, float]]:
    """Each bot's figures: one after another, or all at once with --together."""
    folder.mkdir()
    if args.together:
        figures = await asyncio.gather(*(measure(bot, args, folder) for bot in bots))
        return dict(zip(bots, figures, strict=True))
    return {bot: await measure(bot, args, folder) for bot in bots}


def report(results: dict[str, dict[str, float]], args: argparse.Namespace) -> dict[str, float]:
    """Print the figures side by side; the CPU-per-update ratios to the echo bot."""
    for bot, figures in results.items():
        print(f"{bot}: " + ", ".join(f"{k} {v:.1f}" for k, v in figures.items()))
    print(f"\n{args.rate:g} updates/s offered for {args.seconds:g} s by {args.people} people")
    names = list(results)
    print(f"{'':16}" + "".join(f"{name:>12}" for name in names))
    for key in next(iter(results.values())):
        print(f"{key:16}" + "".join(f"{results[name][key]:12.1f}" for name in names))
    if "echo" not in results:
        return {}
    floor = results["echo"]["cpu ms/update"]
    ratios = {name: results[name]["cpu ms/update"] / floor for name in names if name != "echo"}
    for name, ratio in ratios.items():
        print(f"{name}: {ratio:.2f}x the echo bot's CPU per update (target <= 2x)")
    return ratios


@contextmanager
def worktree(revision: str, folder: Path) -> Iterator[Path]:
    """The repository at `revision`, checked out (detached) under `folder` while inside."""
    path = folder / ("code-" + file_name(revision))
    git = ["git", "-C", str(ROOT), "worktree"]
    subprocess.run([*git, "add", "--detach", "--quiet", str(path), revision], check=True)
    try:
        yield path
    finally:
        subprocess.run([*git, "remove", "--force", str(path)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="updates a second")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--bots", default="echo,waypoint,unlimited,concurrent")
    parser.add_argument("--database", default=None, help="default: a fresh SQLite file")
    parser.add_argument(
        "--together", action="store_true", help="all bots at once, each on its own fake server"
    )
    parser.add_argument("--rounds", type=int, default=1, help="repeat; the median ratio too")
    args = parser.parse_args()
    bots = args.bots.split(",")
    ratios: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder, ExitStack() as trees:
        revisions = {bot.partition("@")[2] for bot in bots} - {""}
        args.code = {rev: trees.enter_context(worktree(rev, Path(folder))) for rev in revisions}
        for number in range(1, args.rounds + 1):
            if args.rounds > 1:
                print(f"\n-- round {number} of {args.rounds}")
            results = asyncio.run(measure_all(bots, args, Path(folder) / str(number)))
            for name, ratio in report(results, args).items():
                ratios.setdefault(name, []).append(ratio)
    if args.rounds > 1:
        for name, each in ratios.items():
            shown = ", ".join(f"{ratio:.2f}" for ratio in each)
            print(f"{name}: median {statistics.median(each):.2f}x the echo bot ({shown})")


if __name__ == "__main__":
    main()
