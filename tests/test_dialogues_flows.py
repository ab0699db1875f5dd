"""Every shipped flow: loads clean, every path reaches an end or the topics, no input breaks it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogues import (
    TOPICS,
    Answer,
    Facts,
    Library,
    Step,
    Tap,
    Typed,
    load_library,
    resume,
    start,
    step,
)
from dialogues.bubbles import node_buttons, node_messages
from dialogues.engine import LISTED, STUCK
from dialogues.schema import Node

LIBRARY = load_library()
ALL_FACTS = (
    Facts(),
    Facts(flags={"consent": True}),
    Facts(
        flags={"consent": True, "country_set": True, "checkins_on": True},
        counts={name: 3 for name in LIBRARY.fields},
        entries={name: ("first kept", "second kept", "third kept") for name in LIBRARY.fields},
        hidden={name: ("hidden kept",) for name in LIBRARY.fields},
    ),
)
Where = tuple[str, str]
END: Where = ("", "end")
NODES = [(f.id, n, node) for f in LIBRARY.flows.values() for n, node in f.nodes.items()]
FIRST_BUBBLES: dict[str, list[Where]] = {}
for _flow_id, _node_id, _node in NODES:
    for _message in node_messages(_flow_id, _node_id, _node)[:1]:
        FIRST_BUBBLES.setdefault(_message.text, []).append((_flow_id, _node_id))
CONDITIONS = [arm.if_ for _, _, node in NODES for arm in node.branch or () if arm.if_ is not None]
TESTED: dict[str, set[str | None]] = {flow_id: set() for flow_id in LIBRARY.flows}
for _flow_id, _, _node in NODES:  # the vars and fields each flow's branches and ratings read
    TESTED[_flow_id] |= {
        a.if_.var or a.if_.has or a.if_.hidden for a in _node.branch or () if a.if_ is not None
    }
    TESTED[_flow_id] |= {_node.scale.rate} if _node.scale else set()
MENTIONED: dict[str | None, set[str]] = {}  # for each var, a word from each `mentions` list
for _c in CONDITIONS:
    if _c.mentions:
        MENTIONED.setdefault(_c.var, set()).add(_c.mentions[0])
THRESHOLDS: dict[str | None, set[int]] = {}
for _c in CONDITIONS:
    for _n in (_c.at_least, _c.at_most):
        if _n is not None:
            THRESHOLDS.setdefault(_c.var, set()).update({_n - 1, _n, _n + 1})
SCALE_VALUES = {  # each scale's ends and the numbers either side of every threshold on its var
    (flow_id, node_id): {
        v
        for v in {node.scale.min, node.scale.max} | THRESHOLDS.get(node.scale.var, set())
        if node.scale.min <= v <= node.scale.max
    }
    for flow_id, node_id, node in NODES
    if node.scale is not None
}
VARIANTS_PER_NODE = 64  # distinct memories (vars, saved fields) explored at one node
WAITING = sorted((flow_id, node_id) for flow_id, node_id, node in NODES if node.waits)


def _some_button(where: Where) -> st.SearchStrategy[str]:
    node = LIBRARY.flows[where[0]].nodes[where[1]]
    return st.sampled_from([b.id for b in node_buttons(where[0], where[1], node)])


def test_the_shipped_flows_load_without_errors() -> None:
    assert TOPICS in LIBRARY.flows
    assert len(LIBRARY.flows) >= 2


def test_every_path_of_every_flow_reaches_an_end_or_the_topics() -> None:
    visited: set[Where] = set()
    moves: dict[Where, set[Where]] = {}
    for facts in ALL_FACTS:
        visited |= _walk(LIBRARY, facts, moves)
    every = {(f.id, n) for f in LIBRARY.flows.values() for n, node in f.nodes.items() if node.say}
    assert every - visited == set(), "nodes with bubbles that no walk showed"
    rests = {END, (TOPICS, LIBRARY.flows[TOPICS].start)}
    good = set(rests)
    while True:
        more = {here for here, theres in moves.items() if theres & good} - good
        if not more:
            break
        good |= more
    assert set(moves) - good == set(), "places from which no answer leads to an end or topics"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    where: Where, answer: Answer, facts: Facts
) -> None:
    state = {"flow": where[0], "node": where[1], "vars": {}, "last": {}, "known": {}}
    result = step(LIBRARY, state, answer, facts=facts)
    _assert_sound(LIBRARY, result)
    if result.state == state:
        assert result.messages and result.messages[-1].buttons


@settings(max_examples=100, deadline=None)
@given(where=st.sampled_from(WAITING), facts=st.sampled_from(ALL_FACTS))
def test_resume_at_any_node_shows_it_again_without_effects(where: Where, facts: Facts) -> None:
    state = {"flow": where[0], "node": where[1], "vars": {"urge": 3}, "last": {}, "known": {}}
    result = resume(LIBRARY, state, facts=facts)
    _assert_sound(LIBRARY, result)
    assert result.state == state
    assert result.effects == ()
    assert len(result.messages) == 1


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


def _walk(library: Library, facts: Facts, moves: dict[Where, set[Where]]) -> set[Where]:
    """Depth-first over every answer at every waiting node, from every flow's start.

    Returns the nodes whose bubbles were shown; `moves` gathers where each waiting
    node led (END when the conversation rested).
    """
    firsts = [start(library, flow_id, facts=facts) for flow_id in library.flows]
    visited: set[Where] = set()
    for first in firsts:
        _assert_sound(library, first)
        visited |= _entered(first)
    seen: set[str] = set()
    variants: dict[Where, int] = {}
    todo = firsts
    while todo:
        state = todo.pop().state
        if state is None:
            continue
        where = (state["flow"], state["node"])
        key = repr(
            (
                where,
                sorted((k, v) for k, v in state["vars"].items() if k in TESTED[where[0]]),
                sorted(k for k in state["last"] if k in TESTED[where[0]]),
            )
        )
        if key in seen or variants.get(where, 0) >= VARIANTS_PER_NODE:
            continue
        variants[where] = variants.get(where, 0) + 1
        seen.add(key)
        node = library.flows[where[0]].nodes[where[1]]
        listed = tuple(state["vars"].get(LISTED, ()))
        for answer in _answers(where, node, listed):
            nxt = step(library, state, answer, facts=facts)
            _assert_sound(library, nxt)
            there = END if nxt.state is None else (nxt.state["flow"], nxt.state["node"])
            moves.setdefault(where, set()).add(there)
            visited |= _entered(nxt)
            todo.append(nxt)
    return visited


def _answers(where: Where, node: Node, listed: tuple[str, ...] = ()) -> Iterator[Answer]:
    for button in node_buttons(where[0], where[1], node, listed):
        if node.scale is None or int(button.label) in SCALE_VALUES[where]:
            yield Tap(button.id)
    if node.ask is not None:
        yield Typed("Something I typed")
        for word in sorted(MENTIONED.get(node.ask.var, ())):
            yield Typed(word)


def _entered(result: Step) -> set[Where]:
    """Nodes whose first bubble appears in a step (auto nodes leave no state behind)."""
    return {where for m in result.messages for where in FIRST_BUBBLES.get(m.text, ())}


@pytest.mark.parametrize("flow_id", sorted(LIBRARY.flows))
def test_each_flow_starts_with_something_to_read(flow_id: str) -> None:
    result = start(LIBRARY, flow_id, facts=ALL_FACTS[0])
    assert result.messages, f"{flow_id} says nothing when it starts"
