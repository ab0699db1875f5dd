"""'Anything else?' answered with the next one itself: own words typed at a step whose
buttons lead to one step asking for them are kept there (dialogues/engine.py, rule 11)."""

from __future__ import annotations

from typing import Any

from dialogues import Effect, Facts, Message, Step, Typed, step
from dialogues.engine import TOLD
from tests.fakes import FakeChat, shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def saves(result: Step) -> list[tuple[str, str]]:
    return [
        (str(item.args["field"]), str(item.args["value"]))
        for item in result.out
        if isinstance(item, Effect) and item.action == "save"
    ]


def test_a_second_warning_sign_typed_at_anything_else_is_kept() -> None:
    result = typed(at("safety_plan", "warning_more"), "quando fico na cama o domingo inteiro")

    assert saves(result) == [("plan_warning_signs", "quando fico na cama o domingo inteiro")]
    assert result.state is not None and result.state["node"] == "warning_more"


def test_a_value_in_own_words_typed_at_anything_else_is_kept() -> None:
    result = typed(at("values", "picked_kept"), "animals, and caring for them")

    assert saves(result) == [("values", "animals, and caring for them")]


def test_a_question_at_anything_else_is_not_kept_as_an_entry() -> None:
    result = typed(at("safety_plan", "warning_more"), "is it normal to still get urges?")

    assert saves(result) == []


def test_a_button_word_at_anything_else_still_taps_it() -> None:
    result = typed(at("safety_plan", "warning_more"), "next step")

    assert saves(result) == []
    assert result.state is not None and result.state["node"] != "warning_more"


def test_own_words_where_no_step_asks_for_them_are_only_acknowledged() -> None:
    result = typed(at("welcome", "hello"), "my sister found this for me last night")

    assert saves(result) == []
    assert any(isinstance(m, Message) and m.text == TOLD[0] for m in result.out)


async def test_the_second_warning_sign_is_in_the_plan(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/plan")
    await chat.tap("Let's make one")
    assert "Step 1: warning signs" in " ".join(r.text for r in chat.last)
    await chat.send("I get very quiet at dinner")
    await chat.send("I skip lunch with my friends at school")
    await chat.send("/mydata")

    text = "\n".join(r.text for r in chat.last)
    assert "I get very quiet at dinner" in text
    assert "I skip lunch with my friends at school" in text


def test_own_words_at_a_pick_or_write_step_that_does_not_come_back_are_not_kept_unasked() -> None:
    # "Pick one / Write my own" goes on to show the kept words: no "Anything else?" loop
    result = typed(at("self_acceptance", "kind_pick"), "You are allowed to make mistakes today")

    assert saves(result) == []
