"""A topic of the topics menus, named in free text at any step ("the scars one", "being
kinder to myself is something I struggle with"): `named_topic` (its rules in its docstring)."""

from __future__ import annotations

from dialogues.library import END, TOPICS, Library
from dialogues.matching import joined, names_label, normalise
from dialogues.schema import Choice, Node

# Words that say little in a message that names a topic ("yeah the scars one please").
_FILLER = frozenset(
    {"the", "a", "an", "one", "that", "this", "it", "please", "pls", "plz", "yeah", "yes"}
    | {"ok", "okay", "no", "so", "um", "uh", "like", "tbh", "po", "and", "about", "to", "my"}
    | {"topic", "thing", "bit", "part", "stuff", "i", "meant", "mean", "want", "go"}
)

# Around a label typed ("the when people ask one please").
# Labels that answer the menu's own question, never a part of a topic to go to.
_ANSWERS = ("yes", "no ", "i m not sure", "i d rather", "back to", "tell me more")

# Flows a helper is in for someone else: no topic of the writer's own is named from them.
ABOUT_SOMEONE_ELSE = frozenset({"someone_else"})


def named_topic(
    library: Library, text: str, *, here: str = "", at: str = ""
) -> tuple[str, str, bool] | None:
    """The topic of the topics menus `text` names: (its label, where it goes, sure).

    Rules:
    1. Sure: a label (its leading "my", "i", "the" aside) or a synonym of two words or more
       ("being kinder to myself is hard"); or a one-word label or synonym in a message of
       nothing else but small words ("yeah the scars one please").
    2. Only suggested (not sure), in a message that asks something or asks to talk: a
       one-word label anywhere in it ("can we talk about my scars?"), or a one-word synonym
       of seven letters or more ("what's in my toolbox?").
    3. Never the flow the person is in (`here`), the first menu or the goodbye; never a
       phrase two topics share, unless only one of their labels says it ("toolbox" is "My
       coping toolbox"'s, not "Things to try instead"'s); never a tie between two topics.
       Another menu of the
       topics ("getting better", "me and other people") only when named plainly (rule 1),
       and never the menu the person is at (`at`).
    4. Never from a flow about someone else (`ABOUT_SOMEONE_ELSE`): a helper's words are
       about the other person ("she's not in danger right now" is no urge of the writer's
       own); that flow's own choices and "Back to topics" answer them.
    5. At a menu of the topics (`here` is the topics), the person is choosing a topic: the
       one word of a label anywhere in the message names it plainly ("how to fade scars"
       for "My scars"); a synonym does not ("my friend is worried about me").
    """
    topics = library.flows.get(TOPICS)
    if topics is None or here in ABOUT_SOMEONE_ELSE:
        return None
    first = (TOPICS, topics.start)
    choices = [
        (choice, where[0] == TOPICS and topics.nodes[where[1]].choices is not None)
        for node in topics.nodes.values()
        for choice in node.choices or ()
        if (where := library.resolve(TOPICS, choice.to)) is not None
        and where not in (END, first, (here, at))
        and (where[0] != here or here == TOPICS)
        and not (where[0] == TOPICS and topics.nodes[where[1]].end)
    ]
    said = normalise(text).split()
    asking = "?" in text or within(said, "talk") or within(said, "about")
    return _named(choices, said, asking=asking, choosing=here == TOPICS)


def _named(
    choices: list[tuple[Choice, bool]],
    said: list[str],
    *,
    asking: bool,
    choosing: bool,
) -> tuple[str, str, bool] | None:
    """Rules 1-5 over `choices` (each with whether it is another menu of the topics)."""
    owners: dict[str, set[str]] = {}
    for choice, _ in choices:
        for phrase in _phrases(choice.label, choice.synonyms):
            owners.setdefault(phrase, set()).add(choice.label)
    for phrase, labels in owners.items():  # rule 3: a shared word is the one label's that says it
        saying = {label for label in labels if within(normalise(label).split(), phrase)}
        if len(labels) > 1 and len(saying) == 1:
            owners[phrase] = saying
    sure: dict[str, tuple[str, int]] = {}
    maybe: dict[str, str] = {}
    for choice, menu in choices:
        phrases = _phrases(choice.label, choice.synonyms)
        for phrase in phrases:
            if not phrase or owners[phrase] != {choice.label} or not within(said, phrase):
                continue
            size = len(phrase.split())
            alone = set(said) - {phrase} <= _FILLER
            chosen = choosing and not menu and phrase == phrases[0]  # rule 5
            if size >= 2 or alone or chosen:
                best = sure.get(choice.label, ("", 0))[1]
                sure[choice.label] = (choice.to, max(best, size))
            elif asking and not menu and (phrase == phrases[0] or len(phrase) >= 7):
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


def named_part(library: Library, text: str, *, here: str = "") -> str | None:
    """A part of a topic typed as its label, anywhere ("when people ask", "partners and
    intimacy", "telling a doctor"): where it goes. Rules: the whole message, small words
    around it aside, is the label of one choice on the first menu of a topic's flow; a
    label of two words or more, unique among those menus, that answers no question and
    goes on no conversation (not "Yes, …", "No, …", "I'm not sure", "Tell me more");
    never the flow the person is in (`here`), whose own earlier steps the engine reads
    itself, nor from a flow about someone else."""
    if here in ABOUT_SOMEONE_ELSE:
        return None
    labels = [
        (library.resolve(flow, choice.to), normalise(choice.label))
        for flow, menu in _first_menus(library)
        if flow != here
        for choice in menu.choices or ()
        if names_label(text, choice.label)
    ]
    found = {where for where, _ in labels}
    if len(found) != 1 or any(
        len(said.split()) < 2 or said.startswith(_ANSWERS) for _, said in labels
    ):
        return None
    where = found.pop()
    return None if where is None or where == END else f"{where[0]}:{where[1]}"


def _first_menus(library: Library) -> list[tuple[str, Node]]:
    """The first node with choices of each flow the topics lead to, with its flow."""
    topics = library.flows.get(TOPICS)
    menus: list[tuple[str, Node]] = []
    for node in topics.nodes.values() if topics is not None else ():
        for choice in node.choices or ():
            where = library.resolve(TOPICS, choice.to)
            for _ in range(10):  # `next` steps to the first menu
                if where is None or where == END or where[0] == TOPICS:
                    break
                step = library.flows[where[0]].nodes[where[1]]
                if step.choices is not None:
                    menus.append((where[0], step))
                    break
                where = library.resolve(where[0], step.next) if step.next else None
    return menus


def _phrases(label: str, synonyms: tuple[str, ...]) -> list[str]:
    """A topic's label (its content) and synonyms, normalised; a synonym of two words also
    as one, as people type it ("checkin" for "check-in", "safetyplan")."""
    said = list(map(normalise, synonyms))
    one_word = [word for phrase in said if (word := joined(phrase)) is not None]
    return [_content(label), *dict.fromkeys([*said, *one_word])]


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
