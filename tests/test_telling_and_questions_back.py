"""Asking how to tell someone reaches the telling-someone topic from the main menu, and a
question of the person's own that no button answers is acknowledged plainly as one the bot
cannot answer, never "not sure which one you meant" (issue 19 point 5; dialogues/engine.py,
rule 13)."""

from __future__ import annotations

import pytest

import dialogues
from dialogues.engine import ASKED, TOLD, UNCLEAR
from tests.fakes import FakeChat, shipped_library


@pytest.mark.parametrize(
    "typed",
    [
        "I want to tell my elder sister about my self harm. How should I tell her?",
        "How do I tell my brother how I feel",
        "how can i tell my mum",
    ],
)
def test_asking_how_to_tell_someone_names_the_telling_topic(typed: str) -> None:
    named = dialogues.named_topic(shipped_library(), typed, here="topics")
    assert named is not None and named[1] == "telling" and named[2]


async def test_how_should_i_tell_her_at_the_main_menu_goes_to_telling(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("I want to tell my elder sister about my self harm. How should I tell her?")

    assert "Telling someone about self-injury is a big step" in chat.text()


async def test_a_question_of_their_own_mid_flow_is_acknowledged_plainly(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Telling someone")

    replies = await chat.send("Do I apologise for shouting at her?")

    assert replies[0].text in ASKED
    assert not replies[0].text.startswith(UNCLEAR)
    assert "I'm thinking of telling someone" in chat.buttons()  # the step's buttons stay


async def test_a_second_miss_after_a_question_gets_the_way_out(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Telling someone")
    await chat.send("Do I apologise for shouting at her?")

    await chat.send("hmm wobbly")

    assert dialogues.engine.WAY_OUT_TOPICS in chat.buttons()


def test_a_question_acknowledged_is_not_understood_all_the_same() -> None:
    assert dialogues.unclear(ASKED[0]) and dialogues.unclear(TOLD[0])


@pytest.mark.parametrize("typed", ["which one?", "idk what do you think?"])
async def test_a_short_question_or_a_doubt_is_still_not_understood(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Telling someone")

    replies = await chat.send(typed)

    assert replies[0].text not in ASKED
