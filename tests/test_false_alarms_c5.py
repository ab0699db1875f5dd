"""False alarms the c5 testers met, each fixed at its cause, with the real crises near it
still caught: a frame's phrase spread over other words ("be nothing" in "be sure nothing
stays"); a crisis only the model found in the someone-else flow, about the other person."""

from __future__ import annotations

import pytest

import safety
from tests.fakes import FakeChat


def test_wanting_to_be_sure_nothing_stays_is_no_wish_to_be_nothing() -> None:
    said = "Thank you. Before I go, I want to be sure nothing stays. How do I erase everything?"

    assert safety.assess(said).tier is not safety.Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i just want to be nothing",
        "i wish i could be nothing",
        "i wish i could just be nothing",
        "i'd rather be nothing",
        "i need to be nothing",
        "i want to be nothing anymore",
    ],
)
def test_a_wish_to_be_nothing_is_still_crisis(text: str) -> None:
    assert safety.assess(text).tier is safety.Tier.CRISIS


async def test_asking_how_to_erase_everything_before_going_gets_no_crisis_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/start")

    await chat.send(
        "Thank you. Before I go, I want to be sure nothing stays. How do I erase everything?"
    )

    assert not chat.is_crisis()


async def test_a_crisis_only_the_model_finds_in_the_someone_else_flow_is_theirs(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("im worried about someone else")

    await chat.send("she was an hour ago. now shes at the hospital with staff")

    assert chat.is_crisis()
    assert "If they are in danger right now" in chat.first.text
    assert "Are you safe right now?" not in chat.text()
