"""An answer that describes the symptom the injury question asks about is a yes ("yea it
blistered" to "Does any of this fit?"; issue 19, from c8), in other languages too, and a
symptom denied in a list ("no bleeding or swelling") is none."""

from __future__ import annotations

import pytest

from dialogues import Facts, Step, Tap, Typed, step
from tests.fakes import shipped_library

INJURY = {"flow": "realistic_expectations", "node": "injury", "vars": {}, "last": {}, "known": {}}


def typed(text: str) -> Step:
    return step(shipped_library(), INJURY, Typed(text), facts=Facts())


def tapped(number: int) -> Step:
    return step(
        shipped_library(), INJURY, Tap(f"realistic_expectations.injury.{number}"), facts=Facts()
    )


@pytest.mark.parametrize(
    "text",
    [
        "yea it blistered",
        "its blistered a bit like the size of a 2p",
        "it wont stop bleeding",
        "its gone all red and swollen",
        "my fingers feel numb",
        "fez uma bolha",
        "está muy hinchado",
    ],
)
def test_a_symptom_the_question_names_is_a_yes(text: str) -> None:
    assert typed(text).state == tapped(1).state  # "Yes, some of it fits"


@pytest.mark.parametrize("text", ["no bleeding or swelling", "its a small cut, not deep", "no"])
def test_a_symptom_denied_is_no_yes(text: str) -> None:
    assert typed(text).state == tapped(3).state  # "No, none of it"
