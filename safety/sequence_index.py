"""Which lexicon sequences a message can match: an index by rarest slot, and check order."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety.lexicon import Sequence


def _counts(sequences: tuple[Sequence, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for seq in sequences:
        for token in set().union(*seq.slots):
            counts[token] = counts.get(token, 0) + 1
    return counts


def checks(sequences: tuple[Sequence, ...]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Each sequence's slots but its anchor (already present), rarest first."""
    counts = _counts(sequences)
    out = []
    for seq in sequences:
        anchor = _anchor(seq, counts)
        rest = {slot for slot in seq.slots if slot != anchor}
        out.append(
            tuple(sorted(rest, key=lambda slot: (sum(counts[t] for t in slot), sorted(slot))))
        )
    return tuple(out)


def _anchor(seq: Sequence, counts: Mapping[str, int]) -> frozenset[str]:
    return min(seq.slots, key=lambda slot: (max(counts[t] for t in slot), sorted(slot)))


def index(sequences: tuple[Sequence, ...]) -> Mapping[str, tuple[int, ...]]:
    """Index each sequence under the words of its rarest slot: only those are tried."""
    counts = _counts(sequences)
    index: dict[str, list[int]] = {}
    for number, seq in enumerate(sequences):
        for token in _anchor(seq, counts):
            index.setdefault(token, []).append(number)
    return MappingProxyType({token: tuple(ids) for token, ids in index.items()})
