"""Words typed short read as the buttons spell them ("easin a lil", "somethin to do"), a
sigh before an answer left out ("ugh ok carry on"), and "back" where no button goes back
shows the step again (issue 19, from the typed conversations)."""

from __future__ import annotations

from typing import Any

import pytest

from dialogues import Facts, Step, Tap, Typed, resume, step
from dialogues.engine import UNCLEAR, UNCLEAR_AGAIN
from dialogues.matching import match_choice
from tests.fakes import shipped_library

EASING = [
    ("It's easing a little", "easing", "better", "smaller", "less"),
    ("About the same", "same"),
    ("It got stronger", "stronger"),
]


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


@pytest.mark.parametrize(
    ("text", "options", "index"),
    [
        ("easin a lil", EASING, 0),
        ("omg ur not helpin. somethin to do", [("Wait with me",), ("Something to do",)], 1),
        ("ugh ok carry on", [("Carry on",), ("Back to topics",)], 0),
    ],
)
def test_a_word_typed_short_is_read_as_the_options_spell_it(
    text: str, options: list[tuple[str, ...]], index: int
) -> None:
    assert match_choice(text, options) == index


def test_a_short_word_no_option_has_is_left_as_it_is() -> None:
    assert match_choice("goin out", [("Going back",), ("Stay here",)]) is None


def test_back_where_no_button_goes_back_shows_the_step_again() -> None:
    state = at("realistic_expectations", "injury")  # "Does any of this fit?"
    result: Step = step(shipped_library(), state, Typed("back"), facts=Facts())
    shown = resume(shipped_library(), state, facts=Facts())
    assert result.state is not None and result.state["node"] == "injury"
    assert result.messages[-1] == shown.messages[-1]
    assert not result.messages[0].text.startswith((UNCLEAR, *UNCLEAR_AGAIN))


def test_back_where_a_button_goes_back_is_that_button() -> None:
    state = at("scars", "intro")
    tapped = step(shipped_library(), state, Tap("scars.intro.8"), facts=Facts())  # Back to topics
    assert step(shipped_library(), state, Typed("back"), facts=Facts()).state == tapped.state


@pytest.mark.parametrize("text", ["yes thats fine", "ya sure thats grand", "sounds good"])
def test_a_yes_that_only_says_it_is_fine_is_the_yes(text: str) -> None:
    options = [("Yes, that's okay",), ("No, don't keep anything",), ("What would you keep?",)]
    assert match_choice(text, options) == 0
