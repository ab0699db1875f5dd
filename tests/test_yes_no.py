"""Typed answers to the core's yes-or-no questions, read by their words, never guessed."""

from __future__ import annotations

import pytest

from bot.core.yes_no import Said, read


@pytest.mark.parametrize(
    "typed",
    ["yes", "YES!", "yeah", "yep", "y", "yeh", "yesss", "honestly yes", "i am", "I do",
     "i've been", "sure", "yes right now", "yes thanks a lot", "sí", "ja"],
)  # fmt: skip
def test_a_yes_anywhere_is_yes(typed: str) -> None:
    assert read(typed) is Said.YES


@pytest.mark.parametrize(
    "typed",
    [
        # doubt, or frequency: more than a no
        "kinda", "not sure", "i dunno", "idk tbh", "no idea", "no clue", "i guess so",
        "sometimes", "always", "most days", "a little yeah", "i'm thinking about it",
        "not today", "not right now",
        # a no that hedges, or takes itself back
        "no... maybe", "no but sometimes", "nah kinda", "nah idk", "no not sure",
        "never... well sometimes", "no i mean yes", "no lol yes",
        # not ok, not safe, afraid, hurt
        "not ok", "I'm not safe", "no i'm not safe", "unsafe", "I'm in danger", "scared",
        "no i'm hurt",
    ],
)  # fmt: skip
def test_doubt_anywhere_or_a_yes_and_a_no_together_is_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


@pytest.mark.parametrize(
    "typed",
    ["no", "No!", "nope", "nah", "noo", "no thanks", "no, not really", "no I'm not",
     "not really", "not at all", "never", "of course not", "definitely not", "I'm not",
     "I don't", "hell no", "I don't think so", "nah not rly", "n", "nein",
     "no im not thinking about it", "i haven't thought about it"],
)  # fmt: skip
def test_only_a_bare_no_is_no(typed: str) -> None:
    assert read(typed) is Said.NO


@pytest.mark.parametrize("typed", ["no, i feel so alone", "nope i can't cope anymore"])
def test_a_no_that_goes_on_is_its_own_answer(typed: str) -> None:
    # To "are you safe right now?" it is not safe; to "are you thinking about suicide?"
    # it is no answer on its own.
    assert read(typed) is Said.NO_AND_MORE


@pytest.mark.parametrize("typed", ["I'm fine", "i'm ok", "fine thanks", "I'm safe", "all good"])
def test_fine_is_its_own_answer(typed: str) -> None:
    assert read(typed) is Said.FINE


@pytest.mark.parametrize("typed", ["I'd rather not say", "rather not", "skip", "pass"])
def test_rather_not_say(typed: str) -> None:
    assert read(typed) is Said.RATHER_NOT_SAY


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "ok", "hmm", "what do you mean", "nobody gets it",
     "i want this to pass", "Getting better", "everything is pointless"],
)  # fmt: skip
def test_anything_else_is_no_answer(typed: str) -> None:
    assert read(typed) is None


@pytest.mark.parametrize("typed", ["no one cares about me", "no point anymore"])
def test_a_no_that_goes_on_with_worry_is_unsure_never_a_no(typed: str) -> None:
    assert read(typed) is Said.UNSURE


@pytest.mark.parametrize(
    "typed",
    ["im not in danger its just the urge. can we just talk",
     "omg no. i said im not in danger. keep talking", "i won't do anything",
     "not going to do anything tonight", "im safe rn", "I am safe. Please go back",
     "i'm perfectly safe", "i won't hurt myself", "bruh im not dying its just an urge"],
)  # fmt: skip
def test_danger_denied_is_safe_however_the_reply_goes_on(typed: str) -> None:
    # To "are you safe right now?" these are a yes, never "call your emergency number now".
    assert read(typed) is Said.FINE


@pytest.mark.parametrize("typed", ["i'm not safe", "im in danger", "not sure im safe"])
def test_danger_not_denied_is_still_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


def test_a_last_sentence_that_is_a_bare_no_is_no() -> None:
    assert read("I already answered this. No.") is Said.NO
    assert read("I already answered this. No?") is Said.NO
    assert read("No. I feel so alone.") is not Said.NO


def test_safe_with_a_hedge_is_no_plain_safe() -> None:
    assert read("im safe ish. can we just keep talking") is not Said.FINE


@pytest.mark.parametrize(
    ("text", "said"),
    [("não!!", Said.NO), ("sim", Said.YES), ("estou bem", Said.FINE), ("nada", Said.NO)],
)
def test_a_reply_in_another_language_is_read_by_the_same_rules(text: str, said: Said) -> None:
    assert read(text) is said


def test_a_question_in_another_language_is_no_yes_for_a_word_the_glossary_knows() -> None:
    assert read("você pode me ajudar?") is None  # "can you help me?": "pode" alone is "yes"
