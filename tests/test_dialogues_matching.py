"""Typed text to choices and numbers; Flesch–Kincaid reading level."""

from __future__ import annotations

import pytest

from dialogues.matching import match_choice, normalise, parse_number, small_talk
from dialogues.readability import counts, grade, syllables

OPTIONS = [
    ("I have an urge right now", "urge", "now"),
    ("How do urges work?", "how", "learn"),
    ("Ride the wave with me", "surf", "wave"),
    ("Back to topics", "topics", "back", "menu"),
]


def test_normalise_drops_case_punctuation_and_extra_spaces() -> None:
    assert normalise("  Ride   the WAVE!! ") == "ride the wave"
    assert normalise("don't_stop") == "don t stop"


@pytest.mark.parametrize(
    ("typed", "index"),
    [
        ("urge", 0),
        ("URGE!", 0),
        ("2", 1),
        ("how do urges work", 1),
        ("ride the wav", 2),
        ("surf", 2),
        ("back to topic", 3),
        ("Menu", 3),
    ],
)
def test_clear_text_picks_its_choice(typed: str, index: int) -> None:
    assert match_choice(typed, OPTIONS) == index


@pytest.mark.parametrize("typed", ["", "   ", "banana", "5", "0", "²", "what is this even"])
def test_unclear_text_picks_nothing(typed: str) -> None:
    assert match_choice(typed, OPTIONS) is None


def test_a_near_tie_between_two_choices_is_unclear() -> None:
    assert match_choice("walk", [("Walk outside",), ("Walk the dog",)]) is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("7", 7),
        (" 7/10 ", 7),
        ("7 out of 10", 7),
        ("about 3", 3),
        ("Seven", 7),
        ("none", 0),
        ("-2", -2),
        ("10", 10),
    ],
)
def test_numbers_are_read_in_the_ways_people_type_them(typed: str, number: int) -> None:
    assert parse_number(typed) == number


@pytest.mark.parametrize("typed", ["", "lots", "3 or 4", "two or three", "7-8"])
def test_no_single_number_reads_as_none(typed: str) -> None:
    assert parse_number(typed) is None


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("wave", 1),
        ("hoped", 1),
        ("little", 2),
        ("urges", 2),
        ("recovery", 4),
        ("being", 2),
        ("people", 2),
        ("I", 1),
        ("it's", 1),
    ],
)
def test_syllables_are_counted_closely_enough(word: str, count: int) -> None:
    assert syllables(word) == count


def test_each_text_ends_a_sentence_even_without_a_full_stop() -> None:
    assert counts(["Hi there", "You did it. Well done!"]) == (3, 7, 7)


def test_short_plain_sentences_read_below_grade_seven() -> None:
    plain = ["Urges are common. Having one is not a setback.", "They rise and fall like a wave."]
    assert grade(plain) < 3


def test_long_latinate_sentences_read_far_above_grade_seven() -> None:
    dense = [
        "Comprehensive psychological interventions necessitate individualised, "
        "collaborative formulation of maintaining factors and contextual vulnerabilities."
    ]
    assert grade(dense) > 15
    assert grade([]) == 0.0


LEAVING = [
    ("Part of me doesn't want to stop",),
    ("Back",),
    ("That's all for now", "bye", "done", "stop", "nothing"),
]


@pytest.mark.parametrize("typed", ["stop", "stop pls", "ok bye", "stop for now", "im done"])
def test_a_word_that_ends_the_chat_ends_it_as_the_whole_message(typed: str) -> None:
    assert match_choice(typed, LEAVING) == 2


@pytest.mark.parametrize(
    "typed",
    ["i dont want to stop self harming yet", "i want to stop", "nothing helps when im done"],
)
def test_a_word_that_ends_the_chat_inside_a_sentence_does_not(typed: str) -> None:
    assert match_choice(typed, LEAVING) != 2


def test_a_last_sentence_that_is_exactly_an_option_picks_it() -> None:
    swallowed = [("Yes, I did", "yes"), ("I'm not sure",), ("No, I didn't", "no")]
    assert match_choice("I already answered this. No.", swallowed) == 2
    assert match_choice("No, I didn't. Yes", swallowed) == 0


@pytest.mark.parametrize(
    "typed", ["im going to try to stop", "i m going to stop cutting", "for today i did ok"]
)
def test_a_sentence_about_going_on_is_no_goodbye(typed: str) -> None:
    assert small_talk(typed) != "bye"


@pytest.mark.parametrize("typed", ["im going to bed", "ok im going now thanks", "gotta go"])
def test_leaving_is_a_goodbye(typed: str) -> None:
    assert small_talk(typed) == "bye"
