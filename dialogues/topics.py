"""A topic of the topics menus, named in free text at any step ("the scars one", "being
kinder to myself is something I struggle with"): `named_topic` (its rules in its docstring)."""

from __future__ import annotations

from dialogues.library import END, TOPICS, Library
from dialogues.matching import normalise
from dialogues.schema import Node

# Words that say little in a message that names a topic ("yeah the scars one please").
_FILLER = frozenset(
    {"the", "a", "an", "one", "that", "this", "it", "please", "pls", "plz", "yeah", "yes"}
    | {"ok", "okay", "no", "so", "um", "uh", "like", "tbh", "po", "and", "about", "to", "my"}
    | {"topic", "thing", "bit", "part", "stuff", "i", "meant", "mean", "want", "go"}
)


# Flows a helper is in for someone else: no topic of the writer's own is named from them.
ABOUT_SOMEONE_ELSE = frozenset({"someone_else"})


def named_topic(library: Library, text: str, *, here: str = "") -> tuple[str, str, bool] | None:
    """The topic of the topics menus `text` names: (its label, where it goes, sure).

    Rules:
    1. Sure: a label (its leading "my", "i", "the" aside) or a synonym of two words or more
       ("being kinder to myself is hard"); or a one-word label or synonym in a message of
       nothing else but small words ("yeah the scars one please").
    2. Only suggested (not sure), in a message that asks something or asks to talk: a
       one-word label anywhere in it ("can we talk about my scars?"), or a one-word synonym
       of seven letters or more ("what's in my toolbox?").
    3. Never the flow the person is in (`here`), another menu or the goodbye; never a phrase
       two topics share; never a tie between two topics.
    4. Never from a flow about someone else (`ABOUT_SOMEONE_ELSE`): a helper's words are
       about the other person ("she's not in danger right now" is no urge of the writer's
       own); that flow's own choices and "Back to topics" answer them.
    """
    topics = library.flows.get(TOPICS)
    if topics is None or here in ABOUT_SOMEONE_ELSE:
        return None
    typed = [w for w in normalise(text).split() if w]
    asking = "?" in text or within(typed, "talk") or within(typed, "about")
    choices = [
        choice
        for node in topics.nodes.values()
        for choice in node.choices or ()
        if (where := library.resolve(TOPICS, choice.to)) is not None
        and where != END
        and where[0] != here
        and not (where[0] == TOPICS and _menu_or_end(topics.nodes[where[1]]))
    ]
    owners: dict[str, set[str]] = {}
    for choice in choices:
        for phrase in (_content(choice.label), *map(normalise, choice.synonyms)):
            owners.setdefault(phrase, set()).add(choice.label)
    sure: dict[str, tuple[str, int]] = {}
    maybe: dict[str, str] = {}
    for choice in choices:
        label = _content(choice.label)
        for phrase in (label, *map(normalise, choice.synonyms)):
            if not phrase or len(owners[phrase]) > 1 or not within(typed, phrase):
                continue
            size = len(phrase.split())
            alone = set(typed) - {phrase} <= _FILLER
            if size >= 2 or alone:
                best = sure.get(choice.label, ("", 0))[1]
                sure[choice.label] = (choice.to, max(best, size))
            elif asking and (phrase == label or len(phrase) >= 7):
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


def _menu_or_end(node: Node) -> bool:
    """A node of the topics flow that is another menu, or its goodbye: not a topic."""
    return node.choices is not None or node.end


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
