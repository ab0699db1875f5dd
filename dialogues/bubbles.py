"""How a node reads in the chat: its bubbles, and the buttons under the last one.

Button ids are "<flow>.<node>.<suffix>": choices 1, 2, …; the skip button "skip"; scale
numbers "v0" … "v10"; a listed entry (`list:`) "e1", "e2", … before the choices. The
engine knows a tap is stale when its prefix is not the node the person is at.
"""

from __future__ import annotations

from dialogues.schema import Node
from dialogues.values import Button, Message


def button_id(flow_id: str, node_id: str, suffix: str) -> str:
    return f"{flow_id}.{node_id}.{suffix}"


def node_buttons(
    flow_id: str, node_id: str, node: Node, listed: tuple[str, ...] = ()
) -> tuple[Button, ...]:
    """The buttons a waiting node offers (empty for other nodes); `listed`: the entries a
    `list:` node shows before its choices."""
    if node.choices is not None:
        entries = tuple(
            Button(button_id(flow_id, node_id, f"e{i}"), text)
            for i, text in enumerate(listed if node.listing is not None else (), start=1)
        )
        return entries + tuple(
            Button(button_id(flow_id, node_id, str(i)), c.label)
            for i, c in enumerate(node.choices, start=1)
        )
    if node.ask is not None:
        return (Button(button_id(flow_id, node_id, "skip"), node.ask.skip),)
    if node.scale is not None:
        return tuple(
            Button(button_id(flow_id, node_id, f"v{n}"), str(n))
            for n in range(node.scale.min, node.scale.max + 1)
        )
    return ()


def node_messages(
    flow_id: str, node_id: str, node: Node, listed: tuple[str, ...] = ()
) -> tuple[Message, ...]:
    """The bubbles of a node as the person sees them, buttons on the last one."""
    texts = list(node.say)
    scale = node.scale
    if scale is not None and texts and (scale.low or scale.high):
        ends = [f"{n} = {w}" for n, w in ((scale.min, scale.low), (scale.max, scale.high)) if w]
        texts[-1] = f"{texts[-1]}\n({', '.join(ends)})"
    buttons = node_buttons(flow_id, node_id, node, listed)
    if not texts:
        return ()
    return (*(Message(t) for t in texts[:-1]), Message(texts[-1], buttons))
