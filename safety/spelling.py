"""How people slip when they type: swapped letters, stretched words, "ill", "x50"."""

from __future__ import annotations

import itertools
import re

_RUN3 = re.compile(r"(.)\1{2,}")
_RUN2 = re.compile(r"(.)\1+")
# "x50", "50x": a count, read as the number alone.
_TIMES = re.compile(r"(?<![a-z0-9])(?:x(\d+)|(\d+)x)(?![a-z0-9])")


# "ill" before a verb is "i'll" typed without the apostrophe ("ill be gone").
_ILL_VERBS = frozenset(
    [
        "be",
        "never",
        "not",
        "just",
        "do",
        "kill",
        "end",
        "go",
        "die",
        "miss",
        "stop",
        "always",
        "probably",
        "finally",
        "try",
        "take",
        "jump",
        "ever",
        "leave",
        "make",
        "hurt",
        "cut",
        "disappear",
    ]
)


def ill_as_i_will(tokens: list[str]) -> tuple[str, ...]:
    if "ill" not in tokens:
        return tuple(tokens)
    out: list[str] = []
    for number, token in enumerate(tokens):
        following = tokens[number + 1] if number + 1 < len(tokens) else ""
        out.extend(("i", "will") if token == "ill" and following in _ILL_VERBS else (token,))
    return tuple(out)


def slips(token: str) -> list[str]:
    """Two neighbouring letters swapped, or one letter put back after the first."""
    swaps = [token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1)]
    if len(token) != 3:
        return swaps
    letters = "abcdefghijklmnopqrstuvwxyz"
    return swaps + [token[:i] + c + token[i:] for i in range(1, len(token) + 1) for c in letters]


def counts(text: str) -> str:
    """`x50` and `50x` become `50` (then read as a number)."""
    if "x" not in text:
        return text
    return _TIMES.sub(lambda found: f" {found.group(1) or found.group(2)} ", text)


def unstretched(token: str) -> tuple[str, ...]:
    """Candidates for a stretched word, most likely first: `tttoo` -> `too`, `to`, ...

    Each run of a repeated letter becomes one or two letters; a run that was already
    two letters long keeps them first (it is more often a real double letter).
    """
    parts = [match.group(0) for match in re.finditer(r"(.)\1*", token)]
    runs = [i for i, part in enumerate(parts) if len(part) > 1]
    if not runs or len(runs) > 6:
        return () if not runs else (_RUN3.sub(r"\1\1", token), _RUN2.sub(r"\1", token))
    options = [(1, 2) if len(parts[i]) > 2 else (2, 1) for i in runs]
    out = []
    for counts in itertools.product(*options):
        pieces = list(parts)
        for i, count in zip(runs, counts, strict=True):
            pieces[i] = parts[i][0] * count
        out.append("".join(pieces))
    return tuple(out)
