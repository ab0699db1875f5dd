"""Benchmark the dialogue engine: median step time and time to load and validate every flow.

Run: .venv/bin/python bench/dialogues.py  (exits 1 if a target is missed)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

# Run as `python bench/dialogues.py`, this file's folder comes first on sys.path and its
# name would hide the `dialogues` package: look from the repository root instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from dialogues import Answer, Facts, Library, Tap, Typed, load_library, step  # noqa: E402
from dialogues.bubbles import node_buttons  # noqa: E402
from safety import forbidden_phrases  # noqa: E402

STEP_TARGET_US = 50.0
LOAD_TARGET_MS = 300.0
ROUNDS = 7


def main() -> int:
    loads = []
    phrases = forbidden_phrases()
    for _ in range(ROUNDS):
        began = time.perf_counter()
        library = load_library(forbidden=phrases)
        loads.append((time.perf_counter() - began) * 1000)
    load_ms = statistics.median(loads)

    facts = Facts(flags={"consent": True}, counts={"toolbox": 2})
    taps: list[tuple[dict[str, object], Answer]] = []
    typed: list[tuple[dict[str, object], Answer]] = []
    for flow in library.flows.values():
        for node_id, node in flow.nodes.items():
            if not node.waits:
                continue
            state: dict[str, object] = {
                "flow": flow.id,
                "node": node_id,
                "vars": {},
                "last": {},
                "known": {},
            }
            for button in node_buttons(flow.id, node_id, node):
                taps.append((state, Tap(button.id)))
            words = node.choices[0].label if node.choices else "7" if node.scale else "a walk"
            typed.append((state, Typed(words.lower())))

    tap_us = _median_us(library, taps, facts)
    typed_us = _median_us(library, typed, facts)
    nodes = sum(len(f.nodes) for f in library.flows.values())
    print(
        f"load + validate {len(library.flows)} flows ({nodes} nodes): median {load_ms:.1f} ms "
        f"(target <= {LOAD_TARGET_MS:.0f} ms)"
    )
    print(
        f"step, tapped button ({len(taps)} kinds): median {tap_us:.1f} µs "
        f"(target <= {STEP_TARGET_US:.0f} µs)"
    )
    print(f"step, typed text ({len(typed)} kinds, rapidfuzz matching): median {typed_us:.1f} µs")
    return 0 if load_ms <= LOAD_TARGET_MS and tap_us <= STEP_TARGET_US else 1


def _median_us(
    library: Library, cases: list[tuple[dict[str, object], Answer]], facts: Facts
) -> float:
    times = []
    for _ in range(ROUNDS):
        for state, answer in cases:
            began = time.perf_counter_ns()
            step(library, state, answer, facts=facts)
            times.append((time.perf_counter_ns() - began) / 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
