"""A choice that leaves (it ends the chat, or it is the step's "Not now") is taken from
typed words only when they clearly decline; a decline at the welcome leaves a way back."""

from __future__ import annotations

from typing import Any

import pytest

from dialogues import Facts, Library, Message, Step, Typed, everyday, step
from dialogues.engine import TOLD
from dialogues.library import END
from tests.fakes import FakeChat, shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def where(result: Step) -> tuple[str, str] | None:
    return (result.state["flow"], result.state["node"]) if result.state else None


@pytest.mark.parametrize(
    "text",
    ["no", "nope", "not now", "Not now", "maybe later", "no thanks", "bye", "later", "3"],
)
def test_a_short_no_not_now_or_goodbye_declines(text: str) -> None:
    assert everyday.declines(text, "Not now", ("no", "later"))


@pytest.mark.parametrize(
    "text",
    [
        "ok no pasa nada, entiendo un poco de ingles. hoy me volví a lastimar despues de 3 meses",
        "no i did it again tonight and it is still bleeding",
        "no one knows that i cut myself",
        "later tonight i think i will hurt myself",
    ],
)
def test_a_disclosure_that_begins_with_no_or_later_is_no_decline(text: str) -> None:
    assert not everyday.declines(text, "Not now", ("no", "later"))


def test_a_spanish_disclosure_at_the_welcome_is_heard_and_the_welcome_stays() -> None:
    text = "ok no pasa nada, entiendo un poco de ingles. hoy me volví a lastimar despues de 3 meses"
    result = typed(at("welcome", "hello"), text)

    assert where(result) == ("welcome", "hello")
    assert next(m.text for m in result.out if isinstance(m, Message)) == TOLD[0]


def test_a_plain_no_at_the_welcome_still_declines_but_does_not_end_the_chat() -> None:
    result = typed(at("welcome", "hello"), "no")

    assert where(result) == ("welcome", "not_now")
    buttons = [b.label for m in result.out if isinstance(m, Message) for b in m.buttons]
    assert "I'd like to begin" in buttons and "I need help right now" in buttons


async def test_after_not_now_saying_hi_begins(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("not now")
    await chat.send("hi")

    assert any("What I can do" in reply.text for reply in chat.last)


def test_a_choice_that_ends_the_chat_needs_a_clear_decline() -> None:
    # The welcome's "Not now" no longer ends; any flow's way out that does is read alike.
    lib = shipped_library()
    ending = [
        (flow.id, node_id)
        for flow in lib.flows.values()
        for node_id, node in flow.nodes.items()
        for choice in node.choices or ()
        if _ends(lib, flow.id, choice.to)
    ]
    assert ending
    for flow_id, node_id in ending:
        result = typed(at(flow_id, node_id), "no, i hurt myself again today after months")
        assert result.state is not None, f"{flow_id}.{node_id} ended on a disclosure"


def _ends(lib: Library, flow_id: str, target: str) -> bool:
    where = lib.resolve(flow_id, target)
    return where == END or (where is not None and lib.flows[where[0]].nodes[where[1]].end)
