"""Reading a message in the light of the conversation (safety/followup.py)."""

from __future__ import annotations

import pytest

from safety import Asked, Context, Tier, assess

SWALLOWED = Context(asked=Asked.SWALLOWED)
AFTER_INJURY = Context(recent_kinds=frozenset({"injury"}))
AFTER_PILLS = Context(recent_kinds=frozenset({"overdose"}))


@pytest.mark.parametrize("answer", ["yes", "yeah i did", "a few", "yep", "sí", "oui", "ja"])
def test_a_yes_to_did_you_swallow_anything_is_a_crisis_with_danger_now(answer: str) -> None:
    found = assess(answer, context=SWALLOWED)
    assert found.tier is Tier.CRISIS
    assert found.swallowed
    assert found.immediate


@pytest.mark.parametrize("answer", ["no", "no i didnt", "nope, nothing", "i haven't"])
def test_a_no_to_did_you_swallow_anything_is_read_as_the_words_alone(answer: str) -> None:
    assert assess(answer, context=SWALLOWED).tier is assess(answer).tier


def test_a_yes_to_are_you_thinking_about_suicide_is_a_crisis() -> None:
    assert assess("yeah", context=Context(asked=Asked.SUICIDE)).tier is Tier.CRISIS


@pytest.mark.parametrize("text", ["it won't stop", "still bleeding", "i feel dizzy now"])
def test_getting_worse_after_an_injury_is_a_crisis_of_that_kind(text: str) -> None:
    found = assess(text, context=AFTER_INJURY)
    assert found.tier is Tier.CRISIS
    assert found.injured
    assert found.immediate


def test_getting_worse_after_something_swallowed_keeps_the_swallowed_advice() -> None:
    assert assess("my heart is racing", context=AFTER_PILLS).swallowed


def test_the_same_words_without_context_are_read_alone() -> None:
    assert assess("yes").tier is Tier.NONE
    assert assess("it won't stop", context=Context()).tier is assess("it won't stop").tier


def test_context_never_lowers_a_tier() -> None:
    text = "i want to kill myself"
    assert assess(text, context=SWALLOWED).tier is Tier.CRISIS
    assert assess(text, context=AFTER_INJURY).tier is Tier.CRISIS


AFTER_AN_INJURY = Context(recent_kinds=frozenset({"injury"}))


@pytest.mark.parametrize(
    "text", ["its stopped bleeding i told u", "not bleeding anymore", "im not dizzy"]
)
def test_a_sign_of_getting_worse_negated_is_not_one(text: str) -> None:
    assert assess(text, context=AFTER_AN_INJURY).tier is not Tier.CRISIS


@pytest.mark.parametrize(
    "text", ["it hasnt stopped bleeding", "it wont stop bleeding", "still bleeding", "i feel dizzy"]
)
def test_a_sign_of_getting_worse_negated_twice_is_still_one(text: str) -> None:
    found = assess(text, context=AFTER_AN_INJURY)

    assert found.tier is Tier.CRISIS and "injury" in found.kinds and found.immediate


def test_a_crisis_only_the_model_found_after_an_injury_is_about_the_injury() -> None:
    text = "idk?? it took longer than 10 min to stop but it has stopped now"

    found = assess(text, context=AFTER_AN_INJURY)

    assert found.tier is Tier.CRISIS and found.injured


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I didn't take much", Tier.CRISIS),  # an amount is a swallow
        ("nothing serious, just a few", Tier.CRISIS),
        ("not that many, like 6", Tier.CRISIS),
        ("no, I didn't take anything", Tier.NONE),
        ("non j'ai rien avalé", Tier.NONE),
        ("nein, ich habe nichts genommen", Tier.NONE),
        ("no, thanks so much for checking", Tier.NONE),
    ],
)
def test_an_amount_answers_the_swallowing_question_a_denial_does_not(
    text: str, expected: Tier
) -> None:
    assert assess(text, context=Context(asked=Asked.SWALLOWED)).tier is expected
