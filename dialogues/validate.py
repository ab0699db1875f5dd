"""The validator: every rule a loaded library must keep, each problem named by file:line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Protocol

from dialogues import graph
from dialogues.bubbles import node_messages
from dialogues.library import Library, Path_
from dialogues.matching import normalise
from dialogues.problems import Problem
from dialogues.readability import TARGET_GRADE, grade
from dialogues.schema import FACTS, Flow, Node

MAX_BUBBLES = 3
MAX_MESSAGE = 4096  # Telegram: characters in one message
MAX_CALLBACK = 64  # Telegram: bytes of callback data
RESERVED = ("end", "topics")
_NODE_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class _Report(Protocol):
    def __call__(self, path: Path_, message: str, severity: str = ...) -> None: ...


def validate(
    library: Library, *, forbidden: Sequence[str] = (), unparsed: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every problem in `library`; `forbidden` phrases must not appear in any text.

    `unparsed` names flows whose files failed to parse: targets into them are not
    reported again.
    """
    problems: list[Problem] = []
    variables = _variables(library)
    phrases = sorted({p.strip() for p in forbidden if p.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    forbidding = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if phrases else None
    entered = graph.entered_from_elsewhere(library)
    for flow in library.flows.values():
        _check_flow(library, flow, variables, forbidding, entered, unparsed, problems)
    problems.extend(graph.auto_cycles(library))
    problems.extend(graph.no_way_out(library))
    return problems


def texts(flow: Flow) -> Iterator[tuple[Path_, str]]:
    """Every piece of text a person may see in a flow, with its key path."""
    yield ("title",), flow.title
    for node_id, node in flow.nodes.items():
        base: Path_ = ("nodes", node_id)
        for i, bubble in enumerate(node.say):
            yield (*base, "say", i), bubble
        for i, choice in enumerate(node.choices or ()):
            yield (*base, "choices", i, "label"), choice.label
            for word in choice.synonyms:
                yield (*base, "choices", i, "synonyms"), word
            for word in choice.worries:
                yield (*base, "choices", i, "worries"), word
            if choice.save is not None:
                yield (*base, "choices", i, "save"), choice.save.value
            if choice.hold is not None:  # it may be kept later, and shown back
                yield (*base, "choices", i, "hold"), choice.hold.value
        if node.ask is not None:
            yield (*base, "ask", "skip"), node.ask.skip
        if node.scale is not None:
            for key in ("low", "high"):
                word = getattr(node.scale, key)
                if word:
                    yield (*base, "scale", key), word


def reading_grade(flow: Flow) -> float:
    """The flow's Flesch–Kincaid grade over all its bubbles."""
    return grade(chain.from_iterable(node.say for node in flow.nodes.values()))


def _check_flow(
    library: Library,
    flow: Flow,
    variables: set[str],
    forbidding: re.Pattern[str] | None,
    entered: dict[str, set[str]],
    unparsed: frozenset[str],
    problems: list[Problem],
) -> None:
    name = library.file(flow.id)

    def report(path: Path_, message: str, severity: str = "error") -> None:
        line = library.line(flow.id, path)
        problems.append(Problem(name, line, message, "warning" if severity != "error" else "error"))

    if flow.start not in flow.nodes:
        report(("start",), f"start node '{flow.start}' is not a node of this flow")
    for node_id, node in flow.nodes.items():
        _check_node(library, flow, node_id, node, variables, unparsed, report)
    for path, text in texts(flow):
        found = {m.group(0).casefold() for m in forbidding.finditer(text)} if forbidding else ()
        for phrase in sorted(found):
            report(path, f"'{phrase}' must not be used (SAFE_MESSAGING.md); please reword")
    roots = {flow.start} | entered.get(flow.id, set())
    seen = graph.reach(library, flow.id, roots)
    for node_id in flow.nodes:
        if node_id not in seen:
            report(
                ("nodes", node_id), f"node '{node_id}' cannot be reached from start '{flow.start}'"
            )
    level = reading_grade(flow)
    if level > TARGET_GRADE:
        report(
            ("id",),
            f"reading level is grade {level:.1f} (Flesch–Kincaid); aim for "
            f"{TARGET_GRADE:.0f} or below: shorter sentences, shorter words",
            severity="warning",
        )


def _check_node(
    library: Library,
    flow: Flow,
    node_id: str,
    node: Node,
    variables: set[str],
    unparsed: frozenset[str],
    report: _Report,
) -> None:
    base: Path_ = ("nodes", node_id)
    if not _NODE_ID.match(node_id) or node_id in RESERVED:
        report(
            base, f"node id '{node_id}' must be letters, digits, _ or -, and not 'end' or 'topics'"
        )
    ways = node.ways_on
    if not ways:
        report(
            base,
            f"node '{node_id}' has no way on: add choices, ask, scale, next, branch or end: true",
        )
    elif len(ways) > 1:
        report(base, f"node '{node_id}' has {' and '.join(ways)}: a node has exactly one way on")
    if node.listing is not None and node.choices is None:
        report(
            (*base, "list"),
            f"node '{node_id}' lists kept entries, so it needs `choices` too (a way on "
            "when there are none)",
        )
    if node.waits and not node.say:
        report(base, f"node '{node_id}' waits for an answer, so it needs something to `say`")
    if len(node.say) > MAX_BUBBLES:
        report((*base, "say"), f"{len(node.say)} bubbles; at most {MAX_BUBBLES} a node")
    for i, bubble in enumerate(node.say):
        if not bubble.strip():
            report((*base, "say", i), "an empty bubble")
    for message in node_messages(flow.id, node_id, node):
        if len(message.text) > MAX_MESSAGE:
            report(
                (*base, "say"),
                f"a message of {len(message.text)} characters; Telegram "
                f"takes at most {MAX_MESSAGE}",
            )
        for button in message.buttons:
            size = len(button.id.encode("utf-8"))
            if size > MAX_CALLBACK:
                report(
                    base,
                    f"button id '{button.id}' is {size} bytes; Telegram takes at "
                    f"most {MAX_CALLBACK}: use a shorter node or flow id",
                )
    labels = [normalise(c.label) for c in node.choices or ()]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            report((*base, "choices", i, "label"), f"two choices read '{label}'")
    owner: dict[str, int] = {}
    for i, choice in enumerate(node.choices or ()):
        for word in dict.fromkeys(normalise(w) for w in choice.synonyms):
            if owner.setdefault(word, i) != i:
                report(
                    (*base, "choices", i, "synonyms"),
                    f"'{word}' belongs to two choices here, so typing it only asks again",
                    severity="warning",
                )
        for word in (normalise(choice.label), *map(normalise, choice.synonyms)):
            owner.setdefault(word, i)
    for path, target in _targets(node, base):
        if library.resolve(flow.id, target) is None:
            other = target.partition(":")[0]
            if other not in unparsed:
                report(
                    path,
                    f"target '{target}' does not resolve (a node here, flow:node, "
                    "a flow, topics or end)",
                )
    _check_fields(library, node, base, variables, report)


def _check_fields(
    library: Library, node: Node, base: Path_, variables: set[str], report: _Report
) -> None:
    fields = library.fields
    used: list[tuple[Path_, str]] = []
    for i, choice in enumerate(node.choices or ()):
        if choice.save is not None:
            used.append(((*base, "choices", i, "save"), choice.save.field))
    if node.ask is not None and node.ask.field is not None:
        used.append(((*base, "ask", "field"), node.ask.field))
    for i, action in enumerate(node.do):
        if action.show is not None and action.show != "crisis_lines":
            used.append(((*base, "do", i), action.show))
        if action.forget is not None:
            used.append(((*base, "do", i), action.forget))
        for kept in (action.keep, action.drop, action.hide, action.unhide):
            if kept is not None:
                used.append(((*base, "do", i), kept.field))
                if kept.var not in variables:
                    report((*base, "do", i), f"var '{kept.var}' is never set by an ask or scale")
    if node.listing is not None:
        used.append(((*base, "list", "field"), node.listing.field))
    for i, arm in enumerate(node.branch or ()):
        cond = arm.if_
        if cond is not None and cond.has is not None:
            used.append(((*base, "branch", i), cond.has))
        if cond is not None and cond.hidden is not None:
            used.append(((*base, "branch", i), cond.hidden))
        if cond is not None and cond.fact is not None and cond.fact not in FACTS:
            report((*base, "branch", i), f"unknown fact '{cond.fact}' (facts: {', '.join(FACTS)})")
        if cond is not None and cond.fact is not None and not isinstance(cond.is_, bool):
            report((*base, "branch", i), f"fact '{cond.fact}' is true or false, not '{cond.is_}'")
        if cond is not None and cond.var is not None and cond.var not in variables:
            report((*base, "branch", i), f"var '{cond.var}' is never set by an ask or scale")
        if arm.else_ is not None and i != len(node.branch or ()) - 1:
            report((*base, "branch", i), "`else` must come last")
    if node.branch is not None and node.branch[-1].else_ is None:
        report((*base, "branch"), "a branch needs an `else` as its last arm")
    if node.scale is not None and node.scale.rate is not None:
        rate = node.scale.rate
        if rate in fields and not fields[rate].rated:
            report((*base, "scale", "rate"), f"field '{rate}' is not rated (fields.yaml)")
        used.append(((*base, "scale", "rate"), rate))
    for path, name in used:
        if name not in fields:
            report(path, f"field '{name}' is not declared in fields.yaml")


def _targets(node: Node, base: Path_) -> Iterator[tuple[Path_, str]]:
    if node.listing is not None:
        yield (*base, "list", "to"), node.listing.to
    for i, choice in enumerate(node.choices or ()):
        yield (*base, "choices", i, "to"), choice.to
    if node.ask is not None:
        yield (*base, "ask", "then"), node.ask.then
        if node.ask.skip_to is not None:
            yield (*base, "ask", "skip_to"), node.ask.skip_to
    if node.scale is not None:
        yield (*base, "scale", "then"), node.scale.then
    if node.next is not None:
        yield (*base, "next"), node.next
    for i, arm in enumerate(node.branch or ()):
        yield (*base, "branch", i), arm.target


def _variables(library: Library) -> set[str]:
    found: set[str] = set()
    for flow in library.flows.values():
        for node in flow.nodes.values():
            if node.ask is not None and node.ask.var is not None:
                found.add(node.ask.var)
            if node.scale is not None and node.scale.var is not None:
                found.add(node.scale.var)
            if node.listing is not None:
                found.add(node.listing.var)
            found.update(c.hold.var for c in node.choices or () if c.hold is not None)
            found.update(c.collect.var for c in node.choices or () if c.collect is not None)
    return found
