"""Answers read in the light of the question just asked (bot/core/triage.py,
`answers_plainly`): a denial of danger to "are you safe right now?" is a safe answer, and
a plain no to a flow's "did you swallow anything?" is that no, never a crisis."""

from __future__ import annotations

import dataclasses

import pytest

import safety
from bot.core.triage import answers_plainly
from tests.fakes import FakeChat

CRISIS = "i really wanna do it rn like bad"
MODEL_ONLY = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"ideation"}),
    matched=("ideation.vague_act_denied", "model.crisis"),
    about_someone_else=False,
    immediate=False,
)


@pytest.mark.parametrize(
    "typed",
    [
        "im not in danger its just the urge. can we just talk",
        "omg no. i said im not in danger. keep talking",
        "not going to do anything tonight",
        "i won't do anything",
        "im safe rn",
    ],
)
async def test_danger_denied_to_are_you_safe_is_a_safe_answer(chat: FakeChat, typed: str) -> None:
    await chat.send(CRISIS)
    assert chat.is_crisis()

    await chat.send(typed)

    assert not chat.is_crisis()
    assert not chat.first.text.startswith("Please call your local emergency number now")
    assert "I'm glad you're safe" in chat.text() or "I'm here with you" in chat.text()


async def test_not_safe_to_are_you_safe_still_gets_the_emergency_number(chat: FakeChat) -> None:
    await chat.send(CRISIS)
    await chat.send("i'm not safe")

    assert chat.is_crisis()
    assert chat.first.text.startswith("Please call your local emergency number now")


async def test_a_plain_no_to_a_flows_swallowed_question_is_that_no(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.tap("I did it again")
    assert "swallow" in chat.text()

    await chat.send("I already answered this. No.")

    assert not chat.is_crisis()
    assert "swallow" not in chat.text()


def test_a_plain_answer_explains_only_its_own_denial_and_the_models_reading() -> None:
    assert answers_plainly("i won't do anything", frozenset({"safe"}), MODEL_ONLY)
    assert answers_plainly("Already said. No.", frozenset({"swallowed"}), MODEL_ONLY)
    # a yes, a doubt, or another question: the risk stands
    assert not answers_plainly("yes", frozenset({"swallowed"}), MODEL_ONLY)
    assert not answers_plainly("i won't do anything, probably", frozenset({"safe"}), MODEL_ONLY)
    assert not answers_plainly("i won't do anything", frozenset({"swallowed"}), MODEL_ONLY)
    # just after an injury, the model's reading taken to be about it is still the model's
    about_it = dataclasses.replace(MODEL_ONLY, matched=("model.crisis", "context.about_the_injury"))
    assert answers_plainly("im safe. i said its NOT bleeding", frozenset({"safe"}), about_it)
    getting_worse = dataclasses.replace(MODEL_ONLY, matched=("context.getting_worse",))
    assert not answers_plainly("im safe. it wont stop", frozenset({"safe"}), getting_worse)
    lexicon = safety.assess("im safe but i want to die")
    assert not answers_plainly("im safe but i want to die", frozenset({"safe"}), lexicon)


async def test_a_safe_answer_that_asks_to_keep_talking_keeps_talking(chat: FakeChat) -> None:
    await chat.send(CRISIS)
    await chat.send("im not in danger its just the urge. can we just talk")

    assert chat.first.text.startswith("I'm here with you.")


async def test_a_safe_answer_that_names_a_button_too_does_both(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.send(CRISIS)

    await chat.send("I am safe. Please go back")

    assert not chat.is_crisis()
    assert "Tell me more" in chat.buttons()  # the step they were at
