"""Figures per kind, length band and language: where the detector holds and where it fails.

Every figure is the share of rows assessed as their label asks: a crisis row crisis, a
concern row at least concern, a safe row none. `headline` adds the rates the targets are
set on (crisis rows to crisis and to at least concern, safe rows to crisis and to any flag).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from safety.evaluate import Row
from safety.risk import Tier

LENGTH_BANDS = ((0, 10, "1-10 words"), (11, 40, "11-40 words"), (41, 10**9, "over 40 words"))


def headline(rows: Sequence[Row], tiers: Sequence[Tier]) -> dict[str, float]:
    """The target rates, each over the rows of its label."""
    pairs = list(zip(rows, tiers, strict=True))

    def share(label: str, keep: Callable[[Tier], bool]) -> float:
        chosen = [tier for row, tier in pairs if row.label == label]
        return sum(keep(tier) for tier in chosen) / len(chosen) if chosen else 1.0

    return {
        "crisis -> crisis": share("crisis", lambda t: t is Tier.CRISIS),
        "crisis -> at least concern": share("crisis", lambda t: t is not Tier.NONE),
        "concern -> any flag": share("concern", lambda t: t is not Tier.NONE),
        "safe -> crisis": share("safe", lambda t: t is Tier.CRISIS),
        "safe -> any flag": share("safe", lambda t: t is not Tier.NONE),
    }


def right(row: Row, tier: Tier) -> bool:
    """Whether `tier` is what the row's label asks for."""
    if row.label == "crisis":
        return tier is Tier.CRISIS
    if row.label == "concern":
        return tier is not Tier.NONE
    return tier is Tier.NONE


def length_band(text: str) -> str:
    """The length band of a message, by its words."""
    words = len(text.split())
    return next(name for low, high, name in LENGTH_BANDS if low <= words <= high)


def render(rows: Sequence[Row], tiers: Sequence[Tier], *, title: str) -> str:
    """The headline rates, then the share right per kind, length band and language."""
    lines = [title, f"{len(rows)} rows, {len({r.writer for r in rows if r.writer})} writers", ""]
    lines += [f"  {name:28} {value:.3f}" for name, value in headline(rows, tiers).items()]
    groups: list[tuple[str, Callable[[Row], str]]] = [
        ("kind", lambda row: f"{row.label}/{row.category or '-'}"),
        ("length", lambda row: f"{row.label}/{length_band(row.text)}"),
        ("language", lambda row: f"{row.label}/{row.language}"),
    ]
    for heading, key in groups:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row, tier in zip(rows, tiers, strict=True):
            tally = counts[key(row)]
            tally[0] += right(row, tier)
            tally[1] += 1
        lines += ["", f"right per {heading} (share, rows):"]
        lines += [
            f"  {name:34} {good / total:.3f} {total:>6}"
            for name, (good, total) in sorted(counts.items())
        ]
    return "\n".join(lines)
