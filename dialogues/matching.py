"""Typed text -> a choice or a number, forgivingly (case, punctuation, small typos)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

THRESHOLD = 85.0  # a fuzzy match must score at least this (0-100)
MARGIN = 10.0  # and beat the next choice by this much, or it is unclear

_NOT_WORD = re.compile(r"[^\w]+")
_NUMBER_WORDS = {
    "zero": 0,
    "none": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_INT = re.compile(r"-?\d+")
_OUT_OF = re.compile(r"^\s*(-?\d+)\s*(?:/|out of|of)\s*\d+\s*$")


def normalise(text: str) -> str:
    """Lowercase, punctuation to spaces, spaces collapsed: "Ride it out!" -> "ride it out"."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).replace("_", " ").split())


def match_choice(text: str, options: Sequence[Sequence[str]]) -> int | None:
    """The index of the option `text` clearly means, or None when unclear.

    Each option is its label followed by its synonyms. "1", "2", … pick by position;
    an exact (normalised) label or synonym wins; otherwise the best fuzzy match wins
    when it scores at least THRESHOLD and leads the next option by MARGIN.
    """
    typed = normalise(text)
    if not typed:
        return None
    words = [{normalise(w) for w in option} for option in options]
    exact = [i for i, said in enumerate(words) if typed in said]
    if len(exact) == 1:
        return exact[0]
    if typed.isdecimal():
        index = int(typed) - 1
        return index if 0 <= index < len(options) else None
    scores = sorted(
        (
            (max((fuzz.WRatio(typed, w) for w in said), default=0.0), i)
            for i, said in enumerate(words)
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < THRESHOLD:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN:
        return None
    return scores[0][1]


def parse_number(text: str) -> int | None:
    """The one number in `text`: "7", "7/10", "7 out of 10", "about 7", "seven"; else None."""
    typed = text.casefold().strip()
    whole = _OUT_OF.match(typed)
    if whole:
        return int(whole.group(1))
    numbers = _INT.findall(typed)
    if len(numbers) == 1:
        return int(numbers[0])
    if numbers:
        return None
    words = [_NUMBER_WORDS[w] for w in normalise(typed).split() if w in _NUMBER_WORDS]
    return words[0] if len(words) == 1 else None
