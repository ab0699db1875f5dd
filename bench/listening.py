"""Benchmark listening: the typed conversations in tests/conversations replayed through the
Companion; the share of typed replies to questions with buttons that were not understood,
and that went somewhere the writer did not mean (judged against a twin who taps the button
the writer meant: tests/conversations/replay.py).

Run: .venv/bin/python bench/listening.py [--verbose]  (exits 1 if a target is missed)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections import Counter
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bot.store import Store  # noqa: E402
from bot.store.vault import Vault, generate_key  # noqa: E402
from tests.conversations.replay import Replayed, load, replay  # noqa: E402

NOT_UNDERSTOOD_TARGET = 0.05
MISROUTED_TARGET = 0.01


async def run(verbose: bool) -> int:
    conversations = load()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(
            f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}", vault=Vault([generate_key()])
        )
        await store.migrate()
        try:
            done = [await replay(conversation, store) for conversation in conversations]
        finally:
            await store.close()
    return report(done, verbose=verbose)


def report(done: list[Replayed], *, verbose: bool) -> int:
    counts = Counter(v.verdict for replayed in done for v in replayed.verdicts)
    writers = Counter(
        turn.bot_did for replayed in done for turn in replayed.conversation.turns if turn.options
    )
    judged = counts["understood"] + counts["not_understood"] + counts["misrouted"]
    asked = counts["understood"] + counts["not_understood"] + counts["misrouted"]
    asked += counts["free"] + counts["diverged"] + counts["crisis_lines"]
    not_understood = counts["not_understood"] / max(asked, 1)
    misrouted = counts["misrouted"] / max(judged, 1)
    twice = [r.conversation.id for r in done if r.suicide_asked > 1]
    repeats = sum(len(r.repeated) for r in done)
    turns = sum(len(r.conversation.turns) for r in done)
    print(
        f"{len(done)} conversations, {turns} typed turns; {asked} answered a question with buttons"
    )
    print(f"  verdicts: {dict(sorted(counts.items()))}")
    share = f"{counts['not_understood']}/{asked} = {not_understood:.1%}"
    print(f"  not understood: {share} (target <= 5%)")
    print(f"  misrouted: {counts['misrouted']}/{judged} judged = {misrouted:.1%} (target <= 1%)")
    print(f"  asked about suicide more than once: {len(twice)} conversations {twice}")
    print(f"  paragraphs repeated within five turns (crisis lines aside): {repeats}")
    print(f"  the writers' own labels on the bot they met: {dict(sorted(writers.items()))}")
    if verbose:
        for replayed in done:
            for v in replayed.verdicts:
                if v.verdict in ("not_understood", "misrouted"):
                    print(f"{v.conversation}#{v.index} {v.verdict}: {v.typed!r} meant {v.meant!r}")
                    print(f"    got: {[t[:70] for t in v.replies]}")
                    print(f"    expected: {[t[:70] for t in v.expected]}")
            for paragraph in replayed.repeated:
                print(f"{replayed.conversation.id} repeated: {paragraph[:80]!r}")
    met = not_understood <= NOT_UNDERSTOOD_TARGET and misrouted <= MISROUTED_TARGET
    return 0 if met and not twice and not repeats else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(run("--verbose" in sys.argv)))
