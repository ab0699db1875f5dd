"""The risk lexicon: data/lexicon.yaml compiled once into token sequences and an index.

Pattern syntax (see docs/safety.md): words separated by spaces; `(a|b c)` for
alternatives (an alternative may be several words, or empty: `(really|)`); `{class}` for
a word list defined under `classes:`. Patterns are normalised exactly like messages, so
they are written in plain lowercase words. Between two words of a pattern a message may
have up to `gap` other words (default 2), never a sentence end.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from safety.errors import SafetyError
from safety.normalize import Normaliser
from safety.risk import Tier
from safety.sequence_index import plan
from safety.sources import load_data

DATA_FILE = "lexicon.yaml"
MAX_EXPANSION = 512

# kind -> (tier, immediate): the defaults an entry gets unless it says otherwise.
KINDS: Mapping[str, tuple[Tier, bool]] = MappingProxyType(
    {
        "ideation": (Tier.CRISIS, False),
        "burden": (Tier.CRISIS, False),
        "intent": (Tier.CRISIS, True),
        "preparation": (Tier.CRISIS, True),
        "means_seeking": (Tier.CRISIS, True),
        "injury": (Tier.CRISIS, True),
        "harming_now": (Tier.CRISIS, True),
        "overdose": (Tier.CRISIS, True),
        "abuse": (Tier.CRISIS, True),
        "danger": (Tier.CRISIS, True),
        "hopelessness": (Tier.CONCERN, False),
        "urge": (Tier.CONCERN, False),
        "lapse": (Tier.CONCERN, False),
        "distress": (Tier.CONCERN, False),
        "idiom": (Tier.NONE, False),
        "denial": (Tier.NONE, False),
        "hedge": (Tier.NONE, False),
        "explained": (Tier.NONE, False),
        "accident": (Tier.NONE, False),
        "accident_cut": (Tier.NONE, False),
        "told_past": (Tier.NONE, False),
        "topic": (Tier.NONE, False),
        "story": (Tier.NONE, False),
        "figure": (Tier.NONE, False),
    }
)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: what a match means."""

    id: str
    kind: str
    tier: Tier
    immediate: bool
    person: str  # "check": may be about someone else; "self": always the writer
    negatable: bool
    fallback: bool = False  # counts only when no other entry of its tier matched
    whole: bool = False  # counts only when it is the whole message ("im out", "its time")
    # a plain statement SAFE_MESSAGING calls crisis whatever else: the model never lowers it
    firm: bool = False
    # its words join the vocabulary and are spelling targets; `spelling: false` for an entry
    # added after the model was trained, so that no message's tokens change under it
    spelling: bool = True
    # a denial of danger in general ("i'm safe"), not of one act: undone by a negation or a
    # condition just before it ("no estoy a salvo", "if i am safe"), by a contrast after it
    # ("i'm safe, but i took them") and by a story around it: safety/detect.py, rule 2
    general: bool = False


@dataclass(frozen=True)
class Sequence:
    """One expanded pattern: a word from each slot, in order, with at most `gap` between."""

    entry: Entry
    slots: tuple[frozenset[str], ...]
    gap: int
    any_order: bool
    same_sentence: bool = True
    pattern: int = 0  # which of its entry's patterns it came from

    @property
    def source(self) -> str:
        """The entry and pattern it came from, "ideation.want_to_die#3" (Assessment.sources)."""
        return f"{self.entry.id}#{self.pattern}"


@dataclass(frozen=True)
class Lexicon:
    """Everything the detector needs, compiled."""

    normaliser: Normaliser
    sequences: tuple[Sequence, ...]
    index: Mapping[str, tuple[int, ...]]
    words: Mapping[str, frozenset[str]]
    forbidden: tuple[str, ...]
    # each sequence's slots but its anchor, rarest first: a message lacking one is out
    checks: tuple[tuple[frozenset[str], ...], ...] = ()
    # the sources of firm entries: the model never lowers them (safety/model.py, decide)
    firm: frozenset[str] = frozenset()
    # words the lexicon reads as typed (`as_typed`: "nacht" is not "nicht"), and the
    # normaliser that keeps them; the model reads them corrected, as it was trained to
    as_typed: re.Pattern[str] | None = None
    reader: Normaliser | None = None

    def read(self, text: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The tokens the lexicon matches: `tokens` (the normaliser's reading of `text`),
        unless `text` holds a word the lexicon reads as typed."""
        if self.reader is None or self.as_typed is None or not self.as_typed.search(text):
            return tokens
        return self.reader.tokens(text)


@functools.cache
def lexicon() -> Lexicon:
    """The compiled lexicon, built on first use."""
    return compile_lexicon(load_data())


def compile_lexicon(data: Any) -> Lexicon:
    """Compile the YAML structure; SafetyError names the entry or pattern that is wrong."""
    if not isinstance(data, dict):
        raise SafetyError(f"{DATA_FILE}: expected a mapping at the top")
    _check_strings(data)
    rewrites = {str(k): tuple(str(v).split()) for k, v in data.get("rewrites", {}).items()}
    classes = {str(k): [str(v) for v in vs] for k, vs in data.get("classes", {}).items()}
    raw_entries = [_with_kind(e, "hedge") for e in data.get("hedges", [])]
    raw_entries += [_with_kind(e, "idiom") for e in data.get("idioms", [])]
    raw_entries += [_with_kind(e, "denial") for e in data.get("denials", [])]
    raw_entries += list(data.get("entries", []))
    texts = [str(p) for e in raw_entries for p in e.get("patterns", [])]
    texts += [alt for alts in classes.values() for alt in alts]
    plain = frozenset(re.findall(r"[^\s(){}|]+", " ".join(texts).casefold()))
    literal = Normaliser(vocabulary=plain, rewrites=rewrites, fuzzy_targets=frozenset())
    patterns = _Patterns(classes, literal)
    sequences = tuple(seq for entry in raw_entries for seq in _sequences(entry, patterns))
    words = {k: frozenset(_tokens(patterns, v)) for k, v in data.get("words", {}).items()}
    pattern_words = frozenset().union(
        *{slot for s in sequences if s.entry.spelling for slot in s.slots}
    )
    common = words.get("common", frozenset())
    vocabulary = pattern_words | common | frozenset(t for ts in rewrites.values() for t in ts)
    vocabulary |= frozenset(w for ws in words.values() for w in ws)
    fuzzy = frozenset(t for t in pattern_words if len(t) >= 5 and t.isalpha())
    # `read_words`: lists read like `words` that never join the vocabulary (no token changes)
    words |= {k: frozenset(_tokens(patterns, v)) for k, v in data.get("read_words", {}).items()}
    short = words.get("slip_targets", frozenset())
    normaliser = Normaliser(
        vocabulary=vocabulary, rewrites=rewrites, fuzzy_targets=fuzzy, short_targets=short
    )
    as_typed = sorted({str(word).casefold() for word in data.get("as_typed", [])})
    reader = Normaliser(
        vocabulary=vocabulary | frozenset(as_typed),
        rewrites=rewrites,
        fuzzy_targets=fuzzy,
        short_targets=short,
    )
    anchors, checks = plan(sequences)
    return Lexicon(
        normaliser=normaliser,
        sequences=sequences,
        index=anchors,
        checks=checks,
        words=MappingProxyType(words),
        forbidden=tuple(str(p).casefold() for p in data.get("forbidden", [])),
        firm=frozenset(seq.source for seq in sequences if seq.entry.firm),
        as_typed=re.compile(
            rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, as_typed))})(?![^\W\d_])", re.IGNORECASE
        )
        if as_typed
        else None,
        reader=reader if as_typed else None,
    )


def _check_strings(data: dict[str, Any]) -> None:
    """YAML reads a bare `no`, `off` or `on` as a boolean: insist on quotes instead."""
    for section in ("classes", "words", "read_words"):
        for name, values in data.get(section, {}).items():
            for value in values:
                if not isinstance(value, str):
                    raise SafetyError(f"{DATA_FILE}: {section}.{name}: quote {value!r}")
    for entry in [
        *data.get("entries", []),
        *data.get("hedges", []),
        *data.get("idioms", []),
        *data.get("denials", []),
    ]:
        patterns = entry.get("patterns", []) if isinstance(entry, dict) else [entry]
        for pattern in patterns:
            if not isinstance(pattern, str):
                raise SafetyError(f"{DATA_FILE}: pattern {pattern!r} must be quoted text")


def _with_kind(entry: Any, kind: str) -> dict[str, Any]:
    if isinstance(entry, str):
        return {"id": f"{kind}.{entry}", "kind": kind, "patterns": [entry], "gap": 0}
    return {**entry, "kind": kind}


def _sequences(raw: Any, patterns: _Patterns) -> list[Sequence]:
    if not isinstance(raw, dict) or "id" not in raw or "kind" not in raw:
        raise SafetyError(f"{DATA_FILE}: every entry needs an id and a kind: {raw!r}")
    entry_id, kind = str(raw["id"]), str(raw["kind"])
    if kind not in KINDS:
        raise SafetyError(f"{DATA_FILE}: {entry_id}: unknown kind {kind!r}")
    tier, immediate = KINDS[kind]
    entry = Entry(
        id=entry_id,
        kind=kind,
        tier=Tier(raw.get("tier", tier)),
        immediate=bool(raw.get("immediate", immediate)),
        person=str(raw.get("person", "self" if kind == "abuse" else "check")),
        negatable=bool(raw.get("negatable", True)),
        fallback=bool(raw.get("fallback", False)),
        whole=bool(raw.get("whole", False)),
        firm=bool(raw.get("firm", False)),
        spelling=bool(raw.get("spelling", True)),
        general=bool(raw.get("general", False)),
    )
    gap = int(raw.get("gap", 2))
    any_order = bool(raw.get("any_order", False))
    same_sentence = bool(raw.get("same_sentence", True))
    out = []
    for number, pattern in enumerate(raw.get("patterns", [])):
        for slots in patterns.expand(str(pattern), where=entry_id):
            out.append(
                Sequence(
                    entry=entry,
                    slots=slots,
                    gap=gap,
                    any_order=any_order,
                    same_sentence=same_sentence,
                    pattern=number,
                )
            )
    if not out:
        raise SafetyError(f"{DATA_FILE}: {entry_id}: no patterns")
    return out


class _Patterns:
    """Expands patterns into slot sequences. One compile expands thousands of patterns made
    of the same words and classes, so each word and each group is worked out once."""

    def __init__(self, classes: dict[str, list[str]], literal: Normaliser) -> None:
        self._classes = classes
        self._literal = literal
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        self._elements: dict[str, list[str]] = {}

    def tokens(self, text: str) -> tuple[str, ...]:
        """A pattern word as the normaliser reads messages."""
        if text not in self._tokens:
            self._tokens[text] = self._literal.tokens(text)
        return self._tokens[text]

    def expand(self, pattern: str, *, where: str) -> list[tuple[frozenset[str], ...]]:
        """A pattern as slot sequences: one-word alternatives share a slot, longer ones
        expand."""
        choices: list[list[tuple[frozenset[str], ...]]] = []
        for element in self.elements(pattern.casefold(), where):
            phrases = self.phrases(element, where)
            singles = frozenset(phrase[0] for phrase in phrases if len(phrase) == 1)
            grouped: list[tuple[frozenset[str], ...]] = [(singles,)] if singles else []
            grouped += sorted(
                {tuple(frozenset([t]) for t in phrase) for phrase in phrases if len(phrase) != 1},
                key=lambda slots: [sorted(slot) for slot in slots],
            )
            choices.append(grouped)
        total = 1
        for group in choices:
            total *= len(group)
        if total > MAX_EXPANSION:
            raise SafetyError(f"{DATA_FILE}: {where}: {pattern!r} expands to {total} phrases")
        expanded: dict[tuple[frozenset[str], ...], None] = {}  # ordered, without repeats
        for combo in itertools.product(*choices):
            slots = tuple(itertools.chain.from_iterable(combo))
            if slots:
                expanded[slots] = None
        return list(expanded)

    def elements(self, text: str, where: str) -> list[str]:
        if text not in self._elements:
            self._elements[text] = _elements(text, where)
        return self._elements[text]

    def phrases(self, element: str, where: str) -> list[tuple[str, ...]]:
        """Every token sequence one element stands for (groups and classes may nest)."""
        if element not in self._phrases:
            self._phrases[element] = self._phrases_uncached(element, where)
        return self._phrases[element]

    def _phrases_uncached(self, element: str, where: str) -> list[tuple[str, ...]]:
        if element.startswith("{") and element.endswith("}"):
            name = element[1:-1]
            if name not in self._classes:
                raise SafetyError(f"{DATA_FILE}: {where}: unknown class {element}")
            options = self._classes[name]
        elif element.startswith("("):
            options = _alternatives(element[1:-1])
        else:
            return [self.tokens(element)]
        out: dict[tuple[str, ...], None] = {}  # ordered, without repeats
        for option in options:
            parts = [self.phrases(e, where) for e in self.elements(option, where)]
            for combo in itertools.product(*parts):
                out[tuple(itertools.chain.from_iterable(combo))] = None
        return list(out)


def _elements(text: str, where: str) -> list[str]:
    """Split at the top level into words, `{class}` and `(group)` elements."""
    elements: list[str] = []
    depth, start = 0, -1
    for position, char in enumerate(text + " "):
        if depth == 0 and start < 0 and not char.isspace():
            start = position
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise SafetyError(f"{DATA_FILE}: {where}: unbalanced ')' in {text!r}")
        if depth == 0 and start >= 0 and (char.isspace() or char == ")"):
            end = position + 1 if char == ")" else position
            elements.append(text[start:end])
            start = -1
    if depth:
        raise SafetyError(f"{DATA_FILE}: {where}: unbalanced '(' in {text!r}")
    return elements


def _alternatives(body: str) -> list[str]:
    """Split a group's body at its top-level `|`."""
    options: list[str] = []
    current: list[str] = []
    depth = 0
    for char in body:
        if char == "|" and depth == 0:
            options.append("".join(current))
            current = []
            continue
        depth += (char == "(") - (char == ")")
        current.append(char)
    options.append("".join(current))
    return options


def _tokens(patterns: _Patterns, values: Any) -> list[str]:
    return [token for value in values for token in patterns.tokens(str(value))]
