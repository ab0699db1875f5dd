"""Typed words at a step with buttons, through the engine and the shipped flows: read by
their meaning, short everyday answers, another topic named, and "Did you mean …?"."""

from __future__ import annotations

from typing import Any

import pytest

from dialogues import Facts, Message, Step, Tap, Typed, step
from dialogues.engine import OFFER_CHOICE, UNCLEAR
from dialogues.topics import named_part
from tests.fakes import FakeChat, shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def said(result: Step) -> str:
    return "\n".join(item.text for item in result.out if isinstance(item, Message))


def where(result: Step) -> tuple[str, str] | None:
    return (result.state["flow"], result.state["node"]) if result.state else None


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("is it bad that i keep hiding them in summer?", "covering"),  # "hiding": "hide"
        ("what about my partner", "intimacy"),
        ("how do i take care of my skin", "care"),
    ],
)
def test_an_option_is_picked_by_its_meaningful_words_in_any_form(text: str, node: str) -> None:
    assert where(typed(at("scars", "intro"), text)) == ("scars", node)


def test_a_question_one_option_answers_goes_to_it() -> None:
    result = typed(at("someone_else", "parent"), "What do I say to her? I don't want to yell")
    assert where(result) == ("someone_else", "parent_calm")


def test_main_menu_goes_to_the_option_that_means_it_or_else_to_the_topics() -> None:
    assert where(typed(at("scars", "intro"), "main menu please")) == ("topics", "menu")
    assert where(typed(at("someone_else", "parent_calm"), "main menu")) == ("topics", "menu")


def test_something_else_goes_to_the_topics_and_try_again_asks_again() -> None:
    assert where(typed(at("someone_else", "parent_calm"), "something else")) == ("topics", "menu")
    again = typed(at("scars", "intro"), "try again")
    assert where(again) == ("scars", "intro")
    assert "What would help to talk about?" in said(again)


def test_main_menu_typed_where_words_are_asked_for_is_not_kept_as_the_answer() -> None:
    result = typed(at("safety_plan", "warning"), "main menu please")
    assert where(result) == ("topics", "menu")
    assert not [item for item in result.out if not isinstance(item, Message)]  # nothing saved


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("when people ask", ("scars", "questions")),
        ("the partners and intimacy one", ("scars", "intimacy")),
        ("how do urges work?", ("urges", "learn")),
    ],
)
def test_a_part_of_another_topic_typed_as_its_label_goes_there(
    text: str, place: tuple[str, str]
) -> None:
    assert where(typed(at("toolbox", "intro"), text)) == place


@pytest.mark.parametrize("text", ["tell me more", "yes, right now", "back to topics"])
def test_labels_that_answer_or_go_on_are_no_part_of_a_topic(text: str) -> None:
    assert named_part(shipped_library(), text, here="telling") is None


def test_another_menu_of_the_topics_named_at_a_menu_goes_there() -> None:
    assert where(typed(at("scars", "intro"), "getting better")) == ("topics", "recovery")


def test_words_that_only_hint_at_an_option_are_asked_about_then_answered() -> None:
    state = at("scars", "intro")
    asked = typed(state, "skin care and covering")

    assert OFFER_CHOICE.format(label="Looking after scars") in said(asked)
    assert UNCLEAR not in said(asked)
    assert asked.state is not None
    assert where(typed(asked.state, "yes")) == ("scars", "care")
    again = typed(asked.state, "no")
    assert where(again) == ("scars", "intro")
    assert "What would help to talk about?" in said(again)


def test_words_that_say_nothing_of_any_option_are_still_not_understood() -> None:
    result = typed(at("scars", "intro"), "purple elephants")
    assert UNCLEAR in said(result)


def test_the_options_hinted_at_can_be_tapped() -> None:
    asked = typed(at("scars", "intro"), "skin care and covering")
    assert asked.state is not None
    buttons = [b.id for item in asked.out if isinstance(item, Message) for b in item.buttons]
    assert buttons == ["scars.intro.offer-yes", "scars.intro.offer-no"]
    library = shipped_library()
    tapped = step(library, asked.state, Tap("scars.intro.offer-yes"), facts=Facts())
    assert where(tapped) == ("scars", "care")
    stayed = step(library, asked.state, Tap("scars.intro.offer-no"), facts=Facts())
    assert where(stayed) == ("scars", "intro")


def test_an_option_named_by_its_place_is_picked() -> None:
    assert where(typed(at("scars", "intro"), "the second one")) == ("scars", "covering")


async def test_did_you_mean_an_option_is_asked_and_answered_through_the_companion(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("my scars")
    await chat.send("skin care and covering")

    assert 'Did you mean "Looking after scars"?' in chat.text()
    assert chat.buttons() == ["Yes, that one", "No, show me the choices"]
    await chat.tap("Yes, that one")
    assert "caring for scars" in chat.text()
