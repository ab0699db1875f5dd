"""Benchmark: assess() speed on 10,000 generated messages, beside a naive baseline.

The baseline is a plain substring search for every lexicon phrase in the lowercased text,
the cheapest possible detector over the same phrases. Run: `python bench/safety.py`.
Targets: p99 <= 1 ms per message; assess() no more than 20x slower than the baseline;
for 60-word messages (3,000 of them, risk as one clause among everyday ones) and for the
held-out sets' messages of 40-80 words (people's own, tests/data/heldout) CPU p99 <= 5 ms
(the latter also the first time through, their words new to the caches); the lexicon,
the model and the directory loaded in <= 2 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run as `python bench/safety.py`, this file's folder comes first on sys.path and its
# name would hide the `safety` package: look from the repository root instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from safety import assess  # noqa: E402
from safety.lexicon import lexicon  # noqa: E402
from safety.model import model  # noqa: E402
from safety.resources import directory  # noqa: E402

MESSAGES = 10_000
LONG_MESSAGES = 3_000
LONG_WORDS = 60
SEED = 20261121

_OPENERS = ["", "honestly ", "idk ", "ok so ", "hey ", "lol ", "ugh ", "so like "]
_EVERYDAY = [
    "hi",
    "im ok today",
    "my scars are itchy",
    "i want to tell my mum about everything",
    "i used my toolbox and it helped",
    "this traffic is killing me",
    "my battery died again",
    "i cut the onions for dinner",
    "can you show me my safety plan",
    "school was long and boring but fine",
    "i'm dying to see the new season",
    "what are some things i can try when i'm stressed",
]
_RISKY = [
    "i want to die",
    "i really want to cut tonight",
    "everyone would be better off without me",
    "how many pills would it take",
    "i did it again",
    "i'm not going to kill myself... probably",
    "my friend says she wants to die",
    "it won't stop bleeding",
    "quiero morir",
    "ich will sterben",
    "he hits me",
]
_TRICKS: list[Callable[[str, random.Random], str]] = [
    lambda text, _: text,
    lambda text, _: text.upper(),
    lambda text, rng: text.replace("e", "3") if rng.random() < 0.5 else text,
    lambda text, _: "\u200b".join(text),
    lambda text, rng: "".join(c * 3 if c in "aeiou" and rng.random() < 0.2 else c for c in text),
    lambda text, _: text + " 😭😭",
]


def corpus(count: int = MESSAGES, seed: int = SEED) -> list[str]:
    """A reproducible mix: two thirds everyday messages, one third risky, with typing tricks."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pool = _RISKY if rng.random() < 0.33 else _EVERYDAY
        parts = [rng.choice(pool) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        text = rng.choice(_OPENERS) + ". ".join(parts)
        out.append(rng.choice(_TRICKS)(text, rng))
    return out


def long_messages(count: int = LONG_MESSAGES, seed: int = SEED) -> list[str]:
    """Messages of LONG_WORDS words: everyday sentences, one risky clause in a third."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences = []
        risky = rng.random() < 0.33
        while sum(len(part.split()) for part in sentences) < LONG_WORDS:
            sentences.append(rng.choice(_EVERYDAY))
        if risky:
            sentences.insert(rng.randrange(len(sentences)), rng.choice(_RISKY))
        out.append(" ".join(". ".join(sentences).split()[:LONG_WORDS]))
    return out


def held_out_long(low: int = 40, high: int = 80) -> list[str]:
    """The held-out sets' messages of `low` to `high` words (tests/data/heldout): people's
    own long messages, several sentences each, many read in parts (safety/model.py rule 7)."""
    found = []
    for path in sorted((_HERE.parent / "tests" / "data" / "heldout").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            text = line.split("\t")[-1]
            if low <= len(text.split()) <= high:
                found.append(text)
    return found


def naive_phrases() -> list[str]:
    """Every lexicon sequence written out with the first word of each slot."""
    phrases = set()
    for seq in lexicon().sequences:
        phrases.add(" ".join(sorted(slot)[0] for slot in seq.slots))
    return sorted(phrases)


def timed(function: Callable[[str], object], messages: list[str]) -> list[tuple[float, float]]:
    """Per-message (wall, CPU) seconds. CPU time leaves out waits for a busy machine."""
    times = []
    for text in messages:
        wall, cpu = time.perf_counter(), time.thread_time()
        function(text)
        times.append((time.perf_counter() - wall, time.thread_time() - cpu))
    return times


def main() -> None:
    messages = corpus()
    started = time.perf_counter()
    lexicon()
    load = time.perf_counter() - started
    model()
    directory()
    start_up = time.perf_counter() - started
    phrases = naive_phrases()

    def naive(text: str) -> bool:
        lowered = text.lower()
        return any(phrase in lowered for phrase in phrases)

    cold = timed(assess, messages[:500])  # first sight of each word: caches fill here
    ours = timed(assess, messages)
    base = timed(naive, messages)
    print(
        f"{len(messages)} messages; lexicon compiled in {load * 1000:.0f} ms; "
        f"baseline searches {len(phrases)} phrases"
    )
    for name, times in (("assess (cold 500)", cold), ("assess", ours), ("naive substring", base)):
        for clock, index in (("wall", 0), ("cpu", 1)):
            values = [pair[index] for pair in times]
            cuts = statistics.quantiles(values, n=100)
            print(
                f"{name:18} {clock:4} {len(values) / sum(values):>8.0f} msg/s  "
                f"p50 {cuts[49] * 1e3:.3f} ms  p99 {cuts[98] * 1e3:.3f} ms  "
                f"max {max(values) * 1e3:.3f} ms"
            )
    long = timed(assess, long_messages())
    long_p99 = statistics.quantiles([t[1] for t in long], n=100)[98] * 1e3
    print(
        f"assess, {LONG_WORDS}-word messages: CPU p50 "
        f"{statistics.median(t[1] for t in long) * 1e3:.3f} ms, p99 {long_p99:.3f} ms "
        f"(target <= 5 ms): {'met' if long_p99 <= 5.0 else 'NOT met'}"
    )
    people = held_out_long()
    first = [t[1] for t in timed(assess, people)]  # their own words new to the caches
    theirs = [t[1] for t in timed(assess, people)]  # read again, as for the 10,000
    first_p99 = statistics.quantiles(first, n=100)[98] * 1e3
    theirs_p99 = statistics.quantiles(theirs, n=100)[98] * 1e3
    print(
        f"assess, {len(people)} held-out messages of 40-80 words: CPU p50 "
        f"{statistics.median(theirs) * 1e3:.3f} ms, p99 {theirs_p99:.3f} ms "
        f"(target <= 5 ms): {'met' if theirs_p99 <= 5.0 else 'NOT met'}; the first time "
        f"through: p50 {statistics.median(first) * 1e3:.3f} ms, p99 {first_p99:.3f} ms "
        f"({'met' if first_p99 <= 5.0 else 'NOT met'})"
    )
    print(
        f"lexicon, model and directory loaded in {start_up:.2f} s (target <= 2 s): "
        f"{'met' if start_up <= 2.0 else 'NOT met'}"
    )
    ratio = sum(t[1] for t in ours) / sum(t[1] for t in base)
    p99 = statistics.quantiles([t[1] for t in ours], n=100)[98] * 1e3
    print(f"assess / naive CPU time: {ratio:.1f}x (target <= 20x)")
    print(f"assess CPU p99 {p99:.3f} ms (target <= 1 ms): {'met' if p99 <= 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
