"""The flows as a graph: where each node leads, loops that never wait, nodes with no way out."""

from __future__ import annotations

from dialogues.library import END, TOPICS, Library
from dialogues.problems import Problem
from dialogues.schema import Node

Where = tuple[str, str]


def edges(library: Library, flow_id: str, node: Node) -> list[Where]:
    out = []
    for target in node.targets():
        where = library.resolve(flow_id, target)
        if where is not None and where != END:
            out.append(where)
    return out


def entered_from_elsewhere(library: Library) -> dict[str, set[str]]:
    """For each flow, its nodes that other flows jump to."""
    entered: dict[str, set[str]] = {flow_id: set() for flow_id in library.flows}
    for other in library.flows.values():
        for n in other.nodes.values():
            for f, node in edges(library, other.id, n):
                if f != other.id:
                    entered[f].add(node)
    return entered


def reach(library: Library, flow_id: str, roots: set[str]) -> set[str]:
    flow = library.flows[flow_id]
    seen = {r for r in roots if r in flow.nodes}
    todo = list(seen)
    while todo:
        for f, node in edges(library, flow_id, flow.nodes[todo.pop()]):
            if f == flow_id and node not in seen:
                seen.add(node)
                todo.append(node)
    return seen


def auto_cycles(library: Library) -> list[Problem]:
    """`next` and `branch` are followed at once, so a loop of them would never stop."""
    auto = {
        (f.id, n): node
        for f in library.flows.values()
        for n, node in f.nodes.items()
        if node.next is not None or node.branch is not None
    }
    done: set[Where] = set()
    problems: list[Problem] = []
    for begin in auto:
        _cycle_from(library, begin, auto, [], set(), done, problems)
    return problems


def _cycle_from(
    library: Library,
    here: Where,
    auto: dict[Where, Node],
    path: list[Where],
    on_path: set[Where],
    done: set[Where],
    problems: list[Problem],
) -> None:
    if here in done or here not in auto:
        return
    if here in on_path:
        loop = path[path.index(here) :]
        names = " -> ".join(f"{f}:{n}" for f, n in [*loop, here])
        problems.append(
            Problem(
                library.file(here[0]),
                library.line(here[0], ("nodes", here[1])),
                f"these nodes go on at once in a loop that never waits: {names}",
            )
        )
        return
    path.append(here)
    on_path.add(here)
    for nxt in edges(library, here[0], auto[here]):
        _cycle_from(library, nxt, auto, path, on_path, done, problems)
    path.pop()
    on_path.discard(here)
    done.add(here)


def no_way_out(library: Library) -> list[Problem]:
    """From every node, an end or the topics menu must be reachable."""
    good: set[Where] = set()
    topics = library.flows.get(TOPICS)
    if topics is not None:
        good.add((TOPICS, topics.start))
    back: dict[Where, list[Where]] = {}
    for flow in library.flows.values():
        for node_id, node in flow.nodes.items():
            here = (flow.id, node_id)
            if node.end or any(library.resolve(flow.id, t) == END for t in node.targets()):
                good.add(here)
            for there in edges(library, flow.id, node):
                back.setdefault(there, []).append(here)
    todo = list(good)
    while todo:
        for before in back.get(todo.pop(), ()):
            if before not in good:
                good.add(before)
                todo.append(before)
    return [
        Problem(
            library.file(flow.id),
            library.line(flow.id, ("nodes", node_id)),
            f"from node '{node_id}' neither an end nor the topics menu can be reached",
        )
        for flow in library.flows.values()
        for node_id in flow.nodes
        if (flow.id, node_id) not in good
    ]
