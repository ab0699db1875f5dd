"""Which lexicon sequences a message can match: an index by rarest slot, and check order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safety.lexicon import Sequence

Slot = frozenset[str]


def plan(
    sequences: tuple[Sequence, ...],
) -> tuple[Mapping[str, tuple[int, ...]], tuple[tuple[Slot, ...], ...]]:
    """The index and the checks, from how many sequences use each word.

    Index: each sequence under the words of its rarest slot (a slot is as rare as its
    commonest word), so only those are tried. Checks: each sequence's other slots, least
    likely present first (a slot's words' uses summed), so a miss is found early.
    """
    counts = Counter(token for seq in sequences for token in set().union(*seq.slots))
    # The same class slots recur in thousands of sequences: weigh each distinct slot once.
    slots = {slot for seq in sequences for slot in seq.slots}
    rarity = {slot: (max(counts[t] for t in slot), sorted(slot)) for slot in slots}
    presence = {slot: (sum(counts[t] for t in slot), sorted(slot)) for slot in slots}
    index: dict[str, list[int]] = {}
    checks = []
    for number, seq in enumerate(sequences):
        anchor = min(seq.slots, key=rarity.__getitem__)
        for token in anchor:
            index.setdefault(token, []).append(number)
        rest = {slot for slot in seq.slots if slot != anchor}
        checks.append(tuple(sorted(rest, key=presence.__getitem__)))
    return MappingProxyType({token: tuple(ids) for token, ids in index.items()}), tuple(checks)
