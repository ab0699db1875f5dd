"""A topic of the topics menus, named in free text at any step ("the scars one", "being
kinder to myself is something I struggle with"): `named_topic` (its rules in its docstring)."""

from __future__ import annotations

from dialogues.library import END, TOPICS, Library
from dialogues.matching import normalise

# Words that say little in a message that names a topic ("yeah the scars one please").
_FILLER = frozenset(
    {"the", "a", "an", "one", "that", "this", "it", "please", "pls", "plz", "yeah", "yes"}
    | {"ok", "okay", "no", "so", "um", "uh", "like", "tbh", "po", "and", "about", "to"}
)


def named_topic(library: Library, text: str, *, here: str = "") -> tuple[str, str, bool] | None:
    """The topic of the topics menus `text` names: (its label, where it goes, sure).

    Sure when the text holds a label (its leading "my", "i", "the" aside) of two words or
    more, or a synonym of two words or more; or, in a short message, a one-word label or
    synonym ("the scars one"). A one-word synonym of five letters or more that no other
    topic shares, in a longer message that asks something or asks to talk ("can we talk
    about my scars?"), only suggests it (not sure). Never the flow the
    person is in (`here`), and never a topic that two phrases name alike."""
    topics = library.flows.get(TOPICS)
    if topics is None:
        return None
    typed = [w for w in normalise(text).split() if w]
    short = len([w for w in typed if w not in _FILLER]) <= 4
    asking = "?" in text or within(typed, "talk") or within(typed, "about")
    sure: dict[str, tuple[str, int]] = {}
    maybe: dict[str, str] = {}
    owners: dict[str, set[str]] = {}
    for node in topics.nodes.values():
        for choice in node.choices or ():
            where = library.resolve(TOPICS, choice.to)
            if where is None or where == END or where[0] in (TOPICS, here):
                continue
            for phrase in (_content(choice.label), *map(normalise, choice.synonyms)):
                owners.setdefault(phrase, set()).add(choice.label)
    for node in topics.nodes.values():
        for choice in node.choices or ():
            where = library.resolve(TOPICS, choice.to)
            if where is None or where == END or where[0] in (TOPICS, here):
                continue
            for phrase in (_content(choice.label), *map(normalise, choice.synonyms)):
                size = len(phrase.split())
                if not phrase or len(owners[phrase]) > 1 or not within(typed, phrase):
                    continue
                if size >= 2 or (short and len(phrase) >= 4):
                    best = sure.get(choice.label, ("", 0))[1]
                    sure[choice.label] = (choice.to, max(best, size))
                elif len(phrase) >= 5 and asking:
                    maybe[choice.label] = choice.to
    if sure:
        ranked = sorted(sure.items(), key=lambda item: -item[1][1])
        if len(ranked) > 1 and ranked[0][1][1] == ranked[1][1][1]:
            return None
        label, (target, _) = ranked[0]
        return label, target, True
    if len(maybe) == 1:
        label, target = next(iter(maybe.items()))
        return label, target, False
    return None


def _content(label: str) -> str:
    """A label without its leading small words: "My scars" -> "scars"."""
    words = normalise(label).split()
    while len(words) > 1 and words[0] in ("my", "i", "the", "a", "being", "im", "m"):
        words = words[1:]
    return " ".join(words)


def within(typed: list[str], phrase: str) -> bool:
    """`phrase` stands in `typed` as whole words, not right after a "not" or "don't"."""
    target = phrase.split()
    for start in range(len(typed) - len(target) + 1):
        if typed[start : start + len(target)] == target:
            before = typed[start - 1] if start else ""
            if before not in ("not", "dont", "t", "never"):
                return True
    return False
