"""Flesch–Kincaid grade level with a stdlib syllable counter, for flow text."""

from __future__ import annotations

import re
from collections.abc import Iterable

TARGET_GRADE = 7.0  # CONTENT.md: reading level about age 12

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Estimated syllables in an English word (at least 1)."""
    w = word.casefold().replace("’", "'").split("'")[0]
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent e: "make", "hope"
    if (
        w.endswith(("es", "ed"))
        and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "xes", "ches", "shes"))
        and count > 1
    ):
        count -= 1  # "hoped", "makes"
    for pattern in ("ia", "io", "ua", "uo"):  # two vowels, two syllables: "trial", "radio"
        count += w.count(pattern)
    if w.endswith("ing") and len(w) > 4 and w[-4] in "aeiouy":
        count += 1  # "being", "doing"
    return max(1, count)


def counts(texts: Iterable[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over texts; each text ends a sentence even unpunctuated."""
    sentences = words = syll = 0
    known: dict[str, int] = {}  # flows repeat their words: count each once
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        for word in found:
            if word not in known:
                known[word] = syllables(word)
            syll += known[word]
        ends = len(_SENTENCE_END.findall(text.strip()))
        trailing = 0 if re.search(r"[.!?]+[\"'”’)]*\s*$", text) else 1
        sentences += ends + trailing
    return sentences, words, syll


def grade(texts: Iterable[str]) -> float:
    """Flesch–Kincaid grade: 0.39·words/sentences + 11.8·syllables/words − 15.59 (0 for none)."""
    sentences, words, syll = counts(texts)
    if not words:
        return 0.0
    return 0.39 * words / max(sentences, 1) + 11.8 * syll / words - 15.59
