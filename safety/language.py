"""Which language a message is written in, told by its commonest words.

The learned model's probabilities are calibrated on every language at once, and the five
languages other than English score lower for the same risk (fewer rows, more ways to spell
each word). So the model keeps one crisis threshold per language (safety/model.py), and
this picks which one applies.

Rules:
1. Each language has a set of words common in its corpus rows and rare in the others'
   (chosen when the model is trained: safety/train.py, `language_words`).
2. A message is in the language whose words it uses most; on a tie, or with none of any
   language's words, it is English (`ENGLISH`), the language most people write to the bot in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

ENGLISH = "en"


def language_of(tokens: Iterable[str], words: Mapping[str, frozenset[str]]) -> str:
    """The language of a message's normalised tokens (rule 2)."""
    seen = list(tokens)
    hits = {code: sum(token in vocabulary for token in seen) for code, vocabulary in words.items()}
    best = max(hits, key=lambda code: (hits[code], code == ENGLISH), default=ENGLISH)
    return best if hits.get(best, 0) > hits.get(ENGLISH, 0) else ENGLISH
