"""An inline SVG map of one flow: nodes layered by distance from the start, arrows between."""

from __future__ import annotations

from html import escape

from dialogues.library import END, TOPICS, Library
from dialogues.schema import Flow, Node

BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 150, 30, 18, 46, 12
DASHED = ' stroke-dasharray="4 3"'
LABEL = 20  # characters of a node id shown in a box


def layers(library: Library, flow: Flow) -> list[list[str]]:
    """Node ids (and "flow:…" / "end" for ways out) by BFS depth from the start."""
    depth: dict[str, int] = {flow.start: 0}
    order = [flow.start]
    for here in order:
        node = flow.nodes.get(here)
        if node is None:
            continue
        for there in _outs(library, flow, node):
            if there not in depth:
                depth[there] = depth[here] + 1
                order.append(there)
    for node_id in flow.nodes:  # unreachable nodes (the validator reports them) go last
        if node_id not in depth:
            depth[node_id] = max(depth.values()) + 1
            order.append(node_id)
    rows: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for name in order:
        rows[depth[name]].append(name)
    return rows


def svg(library: Library, flow: Flow) -> str:
    """The diagram as an <svg> element; each node box links to its section on the page."""
    rows = layers(library, flow)
    width = max(len(r) for r in rows) * (BOX_W + GAP_X) - GAP_X + 2 * MARGIN
    height = len(rows) * (BOX_H + GAP_Y) - GAP_Y + 2 * MARGIN
    place: dict[str, tuple[int, int]] = {}
    for y, row in enumerate(rows):
        offset = (width - 2 * MARGIN - (len(row) * (BOX_W + GAP_X) - GAP_X)) // 2
        for x, name in enumerate(row):
            place[name] = (MARGIN + offset + x * (BOX_W + GAP_X), MARGIN + y * (BOX_H + GAP_Y))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Map of {escape(flow.id)}">',
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#667"/></marker></defs>',
    ]
    for node_id, node in flow.nodes.items():
        x1, y1 = place[node_id]
        for there in _outs(library, flow, node):
            x2, y2 = place[there]
            back = y2 <= y1
            parts.append(
                f'<line x1="{x1 + BOX_W // 2}" y1="{y1 + BOX_H}" x2="{x2 + BOX_W // 2}" '
                f'y2="{y2 if not back else y2 + BOX_H}" stroke="{"#c96" if back else "#667"}" '
                f'stroke-width="1.2" marker-end="url(#arrow)"'
                f"{DASHED if back else ''}/>"
            )
    for name, (x, y) in place.items():
        parts.append(_box(flow, name, x, y))
    parts.append("</svg>")
    return "\n".join(parts)


def _box(flow: Flow, name: str, x: int, y: int) -> str:
    node = flow.nodes.get(name)
    kind = _kind(node)
    fill = {"waits": "#dbe8ff", "routes": "#eeeeee", "end": "#d9f2df", "out": "#fff4d6"}[kind]
    label = name if len(name) <= LABEL else name[: LABEL - 1] + "…"
    href = f"#n-{name}" if node is not None else _out_href(name)
    return (
        f'<a href="{escape(href)}"><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" '
        f'rx="7" fill="{fill}" stroke="#556"{DASHED if kind == "out" else ""}/>'
        f'<text x="{x + BOX_W // 2}" y="{y + BOX_H // 2 + 4}" text-anchor="middle" '
        f'font-size="12" font-family="sans-serif">{escape(label)}</text>'
        f"<title>{escape(name)}</title></a>"
    )


def _kind(node: Node | None) -> str:
    if node is None:
        return "out"
    if node.end:
        return "end"
    return "waits" if node.waits else "routes"


def _out_href(name: str) -> str:
    if name == "end":
        return "#end"
    flow, _, node = name.removeprefix("→ ").partition(":")
    return f"{flow}.html#n-{node}"


def _outs(library: Library, flow: Flow, node: Node) -> list[str]:
    """Where a node leads, as diagram names: a node id here, "→ flow:node" or "end"."""
    names: list[str] = []
    for target in node.targets():
        where = library.resolve(flow.id, target)
        if where is None or where[0] == TOPICS != flow.id:
            continue  # nearly every node offers the topics menu: arrows to it would hide the rest
        name = (
            "end"
            if where == END
            else where[1]
            if where[0] == flow.id
            else f"→ {where[0]}:{where[1]}"
        )
        if name not in names:
            names.append(name)
    return names
