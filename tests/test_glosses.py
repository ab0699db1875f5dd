"""Short answers in Spanish, Portuguese, German and French read by what they mean, at any
step with buttons (dialogues/glosses.py); paraphrases read by meaning (dialogues/meaning.py)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import countries
from dialogues import Facts, Step, Typed, glosses, normalise, step
from dialogues.matching import match_choice
from dialogues.meaning import read_options
from dialogues.topics import named_topic
from tests.fakes import shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def where(result: Step) -> tuple[str, str] | None:
    return (result.state["flow"], result.state["node"]) if result.state else None


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("si", "yes"),
        ("Sí", "yes"),
        ("sim, pode", "yes, yes"),
        ("ja", "yes"),
        ("nein danke", "no thanks"),
        ("agora não, obrigada", "not now, thanks"),
        ("jetzt nicht", "not now"),
        ("jeden tag", "every day"),
        ("arbeit", "work"),
        ("vamos", "let s do it"),
        ("para agora, to cansada", "stop for now, to cansada"),
        ("hello there", "hello there"),
    ],
)
def test_short_answers_are_glossed_into_english(text: str, english: str) -> None:
    assert glosses.english(text) == english


def test_accents_are_folded_so_typed_and_untyped_accents_read_alike() -> None:
    assert normalise("São Paulo") == "sao paulo"
    assert normalise("não") == "nao"


@pytest.mark.parametrize(
    ("state", "text", "goes"),
    [
        (at("welcome", "hello"), "sim, pode", ("welcome", "privacy")),
        (at("welcome", "privacy"), "si", ("welcome", "country_q")),
        (at("welcome", "checkins_q"), "sim", ("welcome", "checkins_open")),
        (at("welcome", "hello"), "no gracias", ("welcome", "not_now")),
        (at("welcome", "hello"), "jetzt nicht", ("welcome", "not_now")),
    ],
)
def test_a_yes_or_no_in_another_language_picks_the_button_that_means_it(
    state: dict[str, Any], text: str, goes: tuple[str, str]
) -> None:
    assert where(typed(state, text)) == goes


def test_a_glossed_word_is_read_with_the_same_margins_as_english() -> None:
    # "si" is "yes", which two options both say: no guess
    assert match_choice(glosses.english("si"), [("Yes, now",), ("Yes, later",)]) is None


@pytest.mark.parametrize("text", ["my mom", "my dad", "telling my sister"])
def test_a_relative_after_my_is_someone_in_my_family(text: str) -> None:
    options = [
        ("A friend",),
        ("Someone in my family", "family"),
        ("A teacher or counsellor",),
        ("A doctor or nurse",),
    ]
    reading = read_options(text, options)
    assert reading is not None and reading.index == 1


def test_funny_is_humour() -> None:
    options = [("Kindness",), ("Humour",), ("Not giving up",), ("Being honest",)]
    reading = read_options("funny", options)
    assert reading is not None and reading.index == 1 and reading.meant


def test_a_word_two_topics_share_names_the_one_whose_label_says_it() -> None:
    named = named_topic(shipped_library(), "toolbox pls", here="topics", at="menu")
    assert named is not None and named[0] == "My coping toolbox" and named[2]


@pytest.mark.parametrize(
    ("text", "code"), [("São Paulo", "BR"), ("sao paulo", "BR"), ("Lisboa", "PT"), ("wien", "AT")]
)
def test_a_big_city_typed_with_or_without_accents_is_its_country(text: str, code: str) -> None:
    assert countries.find(text) == code
    assert countries.named(text) == code


def test_im_back_after_an_urge_timer_is_done() -> None:
    result = typed(at("urges", "timer5"), "im back. it helped a bit")
    assert where(result) == ("urges", "rerate")
