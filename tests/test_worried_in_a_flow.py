"""Worried words inside a flow, read by what the step asks (bot/core/companion.py,
`_worried`): words a step asks for are its answer; a helper's worry in the someone-else
flow is for the other person; "idk" is no answer to keep. A crisis still interrupts."""

from __future__ import annotations

import dialogues
import safety
from bot.core import someone_else
from dialogues.matching import not_known
from tests.fakes import FakeChat, shipped_library

PARENT = (
    "Hello, I'm a mother and I just found out tonight that my 14 year old daughter has been "
    "cutting herself. I don't know what to do."
)


async def both_sides(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("Part of me doesn't want to stop")
    await chat.tap("Look at both sides")
    assert "what does self-injury still do for you" in chat.text()


async def test_worried_words_a_step_asks_for_are_its_answer(chat: FakeChat) -> None:
    await both_sides(chat)

    await chat.send("it shuts my brain up when everythings too loud. and its mine")

    assert "What does it cost you?" in chat.text()  # the flow goes on
    assert "suicide" not in chat.text()


async def test_a_crisis_still_interrupts_a_step_that_asks_for_words(chat: FakeChat) -> None:
    await both_sides(chat)

    await chat.send("honestly i just want to die")

    assert chat.is_crisis()


async def test_a_helpers_worry_in_the_someone_else_flow_is_for_them(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send(PARENT)
    assert "is anyone in danger right now?" in chat.text()

    await chat.send("I don't think she's in danger now, she's in her room. But I'm very worried.")

    assert "suicide" not in chat.text()
    assert "Who are they to you?" in chat.text()  # "No, but I'm worried", read

    await chat.send("I'm so scared for her, I can't stop shaking")

    assert "suicide" not in chat.text()
    assert "worried about them" in chat.first.text
    assert "I'm their parent or carer" in chat.buttons()  # the step's buttons stay

    await chat.send("I'm so scared for her, my hands are shaking")

    assert "suicide" not in chat.text()
    assert "worried about them" not in chat.text()  # never the same words in a loop


async def test_i_dont_know_to_a_step_that_asks_for_words_is_skipped_not_kept(
    chat: FakeChat,
) -> None:
    await both_sides(chat)

    await chat.send("idk")

    assert "What does it cost you?" in chat.text()


def test_not_known_is_only_a_whole_i_dont_know() -> None:
    assert all(not_known(t) for t in ("idk", "idk lol", "dunno tbh", "no idea", "?", "hmm"))
    assert not any(not_known(t) for t in ("idk maybe music", "my cousin jess", "nothing"))


def test_idk_to_a_safety_plan_step_is_not_saved() -> None:
    library = shipped_library()
    state = dialogues.start(library, "safety_plan:warning", facts={}).state
    step = dialogues.step(library, state, dialogues.Typed("idk"), facts={})
    assert not [effect for effect in step.out if "idk" in repr(effect)]


async def test_worry_about_someone_else_that_only_the_model_finds_goes_to_helping_them(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("I'm worried about my daughter")

    assert "is anyone in danger right now?" in chat.text()
    assert "suicide" not in chat.text()


def test_the_writers_own_risk_words_beside_another_person_stay_theirs() -> None:
    risk = safety.assess("my mum hates me and i want to cut")
    assert not someone_else.worried_about_them("my mum hates me and i want to cut", risk)


async def test_hopelessness_typed_where_a_step_asks_for_words_is_heard_not_filed(
    chat: FakeChat,
) -> None:
    await both_sides(chat)

    await chat.send("nothing honestly, everything is pointless")

    assert "What does it cost you?" not in chat.text()  # not taken as the step's answer
    assert "are you thinking about suicide?" in chat.text()
