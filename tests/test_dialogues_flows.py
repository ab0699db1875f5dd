"""Every shipped flow: loads clean, every path reaches an end or the topics, no input breaks it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogues import TOPICS, Answer, Facts, Library, Step, Tap, Typed, load_library, start, step
from dialogues.engine import STUCK, node_buttons
from dialogues.schema import Node

LIBRARY = load_library()
ALL_FACTS = (
    Facts(),
    Facts(
        flags={"consent": True, "country_set": True, "checkins_on": True},
        counts={name: 3 for name in LIBRARY.fields},
    ),
)
WAITING = sorted(
    (flow.id, node_id)
    for flow in LIBRARY.flows.values()
    for node_id, node in flow.nodes.items()
    if node.waits
)
MAX_STATES = 20_000
CONDITIONS = [
    arm.if_
    for flow in LIBRARY.flows.values()
    for node in flow.nodes.values()
    for arm in node.branch or ()
    if arm.if_ is not None
]
TESTED_VARS = {c.var for c in CONDITIONS if c.var is not None}
TESTED_FIELDS = {c.has for c in CONDITIONS if c.has is not None} | {
    node.scale.rate
    for flow in LIBRARY.flows.values()
    for node in flow.nodes.values()
    if node.scale is not None and node.scale.rate is not None
}


def _some_button(where: tuple[str, str]) -> st.SearchStrategy[str]:
    node = LIBRARY.flows[where[0]].nodes[where[1]]
    return st.sampled_from([b.id for b in node_buttons(where[0], where[1], node)])


def test_the_shipped_flows_load_without_errors() -> None:
    assert TOPICS in LIBRARY.flows
    assert len(LIBRARY.flows) >= 2


def test_every_path_of_every_flow_reaches_an_end_or_the_topics() -> None:
    visited: set[tuple[str, str]] = set()
    for facts in ALL_FACTS:
        for flow_id in LIBRARY.flows:
            visited |= _walk(LIBRARY, flow_id, facts)
    every = {(f.id, n) for f in LIBRARY.flows.values() for n, node in f.nodes.items() if node.say}
    assert every - visited == set(), "nodes with bubbles that no walk showed"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.sampled_from(WAITING),
    answer=st.one_of(
        st.builds(Typed, st.text(max_size=40)),
        st.builds(Typed, st.integers(-5, 15).map(str)),
        st.builds(Tap, st.text(max_size=70)),
        st.builds(Tap, st.sampled_from(WAITING).flatmap(_some_button)),
    ),
    facts=st.sampled_from(ALL_FACTS),
)
def test_any_input_at_any_node_gives_a_valid_state_or_a_kind_reask(
    where: tuple[str, str], answer: Answer, facts: Facts
) -> None:
    state = {"flow": where[0], "node": where[1], "vars": {}, "last": {}, "known": {}}
    result = step(LIBRARY, state, answer, facts=facts)
    _assert_sound(LIBRARY, result)
    if result.state == state:
        assert result.messages and result.messages[-1].buttons


def _assert_sound(library: Library, result: Step) -> None:
    for message in result.messages:
        assert message.text.strip()
        assert len(message.text) <= 4096
        for button in message.buttons:
            assert len(button.id.encode()) <= 64 and not button.id.startswith("!")
    assert STUCK not in [m.text for m in result.messages]
    if result.state is not None:
        node = library.flows[result.state["flow"]].nodes[result.state["node"]]
        assert node.waits
        assert result.messages[-1].buttons


def _walk(library: Library, flow_id: str, facts: Facts) -> set[tuple[str, str]]:
    """Depth-first over every answer at every waiting node, from a flow's start."""
    first = start(library, flow_id, facts=facts)
    _assert_sound(library, first)
    seen: set[str] = set()
    visited = _entered(library, first)
    todo = [first]
    while todo:
        result = todo.pop()
        state = result.state
        if state is None:
            continue
        where = (state["flow"], state["node"])
        key = repr(
            (
                where,
                sorted((k, v) for k, v in state["vars"].items() if k in TESTED_VARS),
                sorted(k for k in state["last"] if k in TESTED_FIELDS),
            )
        )
        if key in seen or (where[0] == TOPICS and flow_id != TOPICS):
            continue
        seen.add(key)
        assert len(seen) < MAX_STATES, f"too many states walking {flow_id}"
        node = library.flows[where[0]].nodes[where[1]]
        for answer in _answers(library, where, node):
            nxt = step(library, state, answer, facts=facts)
            _assert_sound(library, nxt)
            visited.update(_entered(library, nxt))
            todo.append(nxt)
    return visited


def _answers(library: Library, where: tuple[str, str], node: Node) -> Iterator[Answer]:
    for button in node_buttons(where[0], where[1], node):
        if node.scale is None or int(button.label) in _scale_values(library, node):
            yield Tap(button.id)
    if node.ask is not None:
        yield Typed("Something I typed")


def _scale_values(library: Library, node: Node) -> set[int]:
    scale = node.scale
    assert scale is not None
    values = {scale.min, scale.max}
    for flow in library.flows.values():
        for other in flow.nodes.values():
            for arm in other.branch or ():
                cond = arm.if_
                if cond is None or cond.var != scale.var:
                    continue
                for n in (cond.at_least, cond.at_most):
                    if n is not None:
                        values |= {n - 1, n, n + 1}
    return {v for v in values if scale.min <= v <= scale.max}


def _entered(library: Library, result: Step) -> set[tuple[str, str]]:
    """Nodes whose bubbles appear in a step (auto nodes leave no state behind)."""
    found = set()
    texts = {m.text for m in result.messages}
    for flow in library.flows.values():
        for node_id, node in flow.nodes.items():
            if node.say and node.say[0] in texts:
                found.add((flow.id, node_id))
    return found


@pytest.mark.parametrize("flow_id", sorted(LIBRARY.flows))
def test_each_flow_starts_with_something_to_read(flow_id: str) -> None:
    result = start(LIBRARY, flow_id, facts=ALL_FACTS[0])
    assert result.messages, f"{flow_id} says nothing when it starts"
