"""Risk told as the past, plain statements of being unsafe, and everyday words kept as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety import Tier, assess
from safety.evaluate import evaluate, read_rows
from safety.lexicon import lexicon

EVERYDAY = Path(__file__).parent / "data" / "safety_everyday.tsv"


@pytest.mark.parametrize(
    "text",
    [
        "two years ago i overdosed, but i'm doing well now",
        "when i was 14 i tried to kill myself. i'm glad i'm still here",
        "i used to want to die every day, i'm in a much better place now",
    ],
)
def test_a_crisis_told_as_the_past_with_the_writer_well_now_is_not_a_crisis(text: str) -> None:
    assert assess(text).tier is not Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "two years ago i overdosed and tonight i want to do it again",
        "i tried to kill myself last year. i'm fine now but i still think about it",
        "i overdosed years ago, doing better now, and i have the pills ready",
        "last year i tried to end it, i'm okay now. he hits me every day",
    ],
)
def test_a_past_crisis_beside_present_risk_still_counts(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "no, I'm not thinking about suicide",  # the plain answer to the bot's own question
        "im not thinking about killing myself",
        "i haven't thought about suicide in years",
    ],
)
def test_a_plain_no_to_thinking_about_suicide_is_not_a_crisis(text: str) -> None:
    assert assess(text).tier is not Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i never thought about suicide before but i am now",
        "i was never thinking about suicide until this year",
        "not thinking about suicide, i have decided",
        "im not thinking about suicide but i want to die",
    ],
)
def test_not_thinking_about_it_beside_present_risk_still_counts(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


def test_an_everyday_accident_explains_its_own_blood() -> None:
    assert assess("i cut my thumb opening a tin and it bled loads").tier is Tier.NONE
    assert assess("i cut my finger cooking, now i want to cut my wrists").tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i can't keep myself safe tonight",
        "please someone stop me",
        "i'm scared of what i'll do to myself",
        "i don't trust myself around the pills",
        "i shouldn't be alone right now",
        "i'm afraid i'm going to go through with it",
        "im not feeling safe right now",
        "i'm really close to doing it",
        "i can't promise i'll be safe tonight",
        "not sure i can hang on till the morning",
        "please take the pills away from me",
    ],
)
def test_plain_statements_of_being_unsafe_are_crisis(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i feel safe tonight, thanks for asking",
        "i'm safe now",
        "i don't trust myself with a credit card lol",
        "i'm scared of what my dad will say about the dent in the car",
        "today was the last day of term",
        "got my hair cut today",
        "if my brother says that one more time i'll kill myself haha",
        "my plans for the weekend are to sleep",
        "these exams will be the death of me",
        "the urges are weaker than they used to be",
        "me muero de risa",
    ],
)
def test_their_everyday_mirrors_stay_safe(text: str) -> None:
    assert assess(text).tier is Tier.NONE


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("chores", "chores"), ("healing", "healing"), ("cooking", "cooking"), ("gaming", "gaming")],
)
def test_everyday_words_are_never_corrected_into_risk_words(typed: str, kept: str) -> None:
    assert lexicon().normaliser.tokens(typed) == (kept,)


@pytest.mark.parametrize(
    "text",
    [
        "i need help",
        "idk how much more i can take",
        "i dont feel right tonight",
    ],
)
def test_worrying_but_unclear_messages_get_a_warm_concern_reply(text: str) -> None:
    assert assess(text).tier is Tier.CONCERN


@pytest.mark.parametrize("text", ["i need help with my homework", "can you help me"])
def test_asking_for_everyday_help_stays_safe(text: str) -> None:
    assert assess(text).tier is Tier.NONE


def test_everyday_chat_raises_few_false_alarms() -> None:
    report = evaluate(read_rows(EVERYDAY))
    assert len(read_rows(EVERYDAY)) >= 100
    assert report.false_alarm_rate <= 0.05
