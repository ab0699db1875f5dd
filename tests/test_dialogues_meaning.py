"""Typed words at a menu read by what they mean (dialogues/meaning.py) and short everyday
answers (dialogues/everyday.py)."""

from __future__ import annotations

import pytest

from dialogues import everyday
from dialogues.meaning import Reading, read_options, stem, stems

SCARS = [
    ("How I feel about them", "feel", "feelings", "how i feel"),
    ("To cover them or not", "cover", "covering", "hide", "show"),
    ("Looking after scars", "care", "looking after", "skin", "doctor"),
    ("Partners and intimacy", "partner", "partners", "intimacy", "dating"),
]
CONSENT = [("Yes, that's okay",), ("No, don't keep anything",), ("What would you keep?",)]


@pytest.mark.parametrize(
    "forms",
    [
        ("hiding", "hide", "hides"),
        ("scars", "scar"),
        ("worried", "worries", "worry"),
        ("stopped", "stopping", "stop"),
        ("feelings", "feeling", "feel"),
        ("happens", "happened", "happen"),
    ],
)
def test_a_words_common_forms_share_one_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(word) for word in forms}) == 1


def test_small_words_say_nothing_and_a_negation_turns_what_follows_in_its_clause() -> None:
    assert stems("what do I say to her?") == ["say"]
    assert stems("nah dont cover them") == ["not cover"]
    assert stems("I don't want to cover it, but the skin") == ["not cover", "skin"]


def test_words_too_common_to_say_which_option_are_left_out() -> None:
    assert stems("can you help me, i feel terrible today") == ["terribl"]
    assert stems("i keep thinking about it") == []


def test_an_option_is_meant_by_a_word_only_it_has_in_any_of_its_forms() -> None:
    assert read_options("i keep hiding them", SCARS) == Reading(1, meant=True)
    assert read_options("what about my partner", SCARS) == Reading(3, meant=True)
    assert read_options("when they ask po", [("When people ask",), ("How I feel",)]) == Reading(
        0, meant=True
    )


def test_words_for_the_same_person_are_one() -> None:
    who = [("A friend", "friend", "partner"), ("Someone in my family",), ("A doctor or nurse",)]
    assert read_options("my boyfriend", who) == Reading(0, meant=True)
    assert read_options("my gp", who) == Reading(2, meant=True)


def test_a_word_is_never_matched_by_a_piece_of_it() -> None:
    assert read_options("my girlfriends", [("A friend",), ("Someone in my family",)]) is None


def test_words_the_text_denies_rule_the_option_out() -> None:
    assert read_options("not the covering, the skin and care", SCARS) == Reading(2, meant=True)
    assert read_options("i don't want to cover them", SCARS) is None
    options = [("Write it again",), ("Don't write anything",)]
    assert read_options("no dont write it", options) == Reading(1, meant=True)


def test_two_options_touched_unevenly_is_only_a_hint_and_evenly_is_nothing() -> None:
    assert read_options("skin care and covering", SCARS) == Reading(2, meant=False)
    assert read_options("my skin and my covering", SCARS) is None


def test_one_word_in_common_among_several_is_a_hint_but_a_question_is_asked_of_it() -> None:
    assert read_options("i hate my dating life lately", SCARS) == Reading(3, meant=False)
    question = "what if the guy i'm dating sees them at the beach this summer?"
    assert read_options(question, SCARS) == Reading(3, meant=True)


def test_one_word_in_a_long_message_is_only_a_hint() -> None:
    long = (
        "why is the whole thing with my skin so exhausting every week at school and my job lately?"
    )
    assert read_options(long, SCARS) == Reading(2, meant=False)


def test_the_same_words_always_read_the_same() -> None:
    readings = {read_options("skin care and covering", SCARS) for _ in range(20)}
    assert len(readings) == 1


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("nah", "no"),
        ("NO. i said dont keep anything", "no"),
        ("not rn. maybe later. thx for not lecturing me", "later"),
        ("Then not now. It does not work.", "later"),
        ("ok not now", "later"),
        ("Okay, it is fine for me.", "ok"),
        ("yeah sure", "yes"),
        ("bin it", "remove"),
        ("get rid of that please", "remove"),
        ("main menu please", "menu"),
        ("can we talk about something else", "menu"),
        ("try again", "again"),
        ("what were the options?", "again"),
        ("back", "back"),
        ("skip for now", "skip"),
        ("I need to stop here for today, I'll finish it later.", "stop"),
        ("can we leave it there please", "stop"),
    ],
)
def test_short_everyday_answers_are_read(typed: str, kind: str) -> None:
    assert everyday.said(typed) == kind


@pytest.mark.parametrize(
    "typed",
    [
        "no one cares",
        "no idea",
        "no the help now one",
        "yes i dont",
        "wait no im not in danger",
        "is it ok to cry",
        "i will do it later maybe if i can",
        "i want to stop",
        "i need to stop self harming",
        "yes but i'm scared",
        "no, but sometimes i think about it",
        "nah, maybe a bit",
    ],
)
def test_a_message_that_says_more_is_no_short_answer(typed: str) -> None:
    assert everyday.said(typed) is None


def test_a_short_answer_picks_the_one_option_put_that_way() -> None:
    later = ["Choose a small step", "Things that do the same job", "Not right now", "Back"]
    assert everyday.option("later", later) == 2
    assert everyday.option("no", later) == 2  # no "No" here: the not-now option
    took = ["Yes, I did", "I'm not sure", "No, I didn't", "I'd rather not say"]
    assert everyday.option("later", took) is None  # "not now" is no "no" to that
    assert everyday.option("remove", ["Take it out", "Write it again", "Leave it as it is"]) == 0
    assert everyday.option("yes", [label for label, *_ in CONSENT]) == 0
    assert everyday.option("ok", [label for label, *_ in CONSENT]) == 0  # "Yes, that's okay"
    suicide = ["No, it's an urge to self-injure", "Yes, or I'm not sure", "I don't feel safe"]
    assert everyday.option("ok", suicide) is None  # "ok" is no yes to a question
    assert everyday.option("back", ["Looking after myself", "Back", "Back to topics"]) == 1
    assert everyday.option("yes", ["Yes, right now", "Yes, or I'm not sure"]) is None


@pytest.mark.parametrize(
    ("typed", "place"),
    [("the second one", 1), ("2nd", 1), ("number 3", 2), ("the last one", 3), ("first pls", 0)],
)
def test_an_option_is_named_by_its_place(typed: str, place: int) -> None:
    assert everyday.position(typed, 4) == place


@pytest.mark.parametrize("typed", ["2", "the first time i did it", "last night", "number 9"])
def test_a_place_is_only_a_whole_message_that_names_one(typed: str) -> None:
    assert everyday.position(typed, 4) is None
