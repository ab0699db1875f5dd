"""Worried words that answer the step's own question are answered inside the flow; a crisis
always interrupts, and a worry unrelated to the step gets the concern reply (issue 19
point 2; bot/core/listening.py, rules 1 to 3; dialogues/engine.py, rule 12)."""

from __future__ import annotations

import dataclasses

import pytest

import dialogues
import safety
from bot.core import words
from bot.core.listening import answers_the_step
from bot.core.yes_no import Said, read
from tests.fakes import FakeChat, shipped_library

AT_THE_WORDS = {"flow": "telling", "node": "words"}
DISTRESS = safety.Assessment(
    tier=safety.Tier.CONCERN,
    kinds=frozenset({"distress"}),
    matched=("model.risk",),
    about_someone_else=False,
    immediate=False,
)


def test_only_distress_may_answer_a_step_by_what_it_means() -> None:
    assert answers_the_step(DISTRESS)
    for kinds in ({"urge"}, {"lapse"}, {"distress", "hopelessness"}, {"injury"}):
        assert not answers_the_step(dataclasses.replace(DISTRESS, kinds=frozenset(kinds)))
    assert not answers_the_step(dataclasses.replace(DISTRESS, about_someone_else=True))


@pytest.mark.parametrize(
    "typed",
    [
        "But what if she tells my parents? Papa will be very angry",
        "I am only scared of my father's reaction",
        "what if he freaks out",
    ],
)
def test_a_worry_the_telling_flow_answers_goes_to_its_answer(typed: str) -> None:
    assert dialogues.worry(shipped_library(), AT_THE_WORDS, typed) == "telling:badly"


@pytest.mark.parametrize("typed", ["i feel so low and empty tonight", "my arm hurts", "ok"])
def test_other_words_are_no_worry_of_the_flows(typed: str) -> None:
    assert dialogues.worry(shipped_library(), AT_THE_WORDS, typed) is None


def test_a_step_is_picked_by_what_the_words_mean() -> None:
    need = {"flow": "toolbox", "node": "need"}
    typed = "idk kinda like i need to feel something? like when i go numb"
    assert dialogues.picks(shipped_library(), need, typed)
    assert not dialogues.picks(shipped_library(), need, "my mum shouted at me again")


def test_fear_of_how_someone_will_react_is_no_doubt_to_a_yes_or_no_question() -> None:
    assert read("No no. I am only scared of my father's reaction") is Said.NO_AND_MORE
    assert read("no, im scared she'll tell my parents") is Said.NO_AND_MORE
    assert read("no im scared") is Said.UNSURE
    assert read("no... im scared of myself") is Said.UNSURE


async def at_the_words(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Telling someone")
    await chat.tap("I'm thinking of telling someone")
    await chat.tap("Someone in my family")
    await chat.tap("In a message")
    await chat.tap("What could I say?")
    assert "Here are some ways you could start" in chat.text()


async def test_fear_of_their_reaction_at_a_telling_step_is_answered_there(chat: FakeChat) -> None:
    await at_the_words(chat)

    await chat.send("But what if she tells my parents? Papa will be very angry")

    assert "Sometimes people react with shock" in chat.text()
    assert "suicide" not in chat.text()
    assert not chat.is_crisis()


async def test_no_and_fear_of_their_reaction_to_the_suicide_question_is_a_no(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("i feel so low and empty tonight")
    assert "are you thinking about suicide?" in chat.text()

    await chat.send("No no. I am only scared of my father's reaction")

    assert not chat.is_crisis()
    assert words.ASKED_NO in chat.text()


@pytest.mark.parametrize(
    "worry",
    ["i feel so low and empty tonight", "i cut myself last night and it was really bad"],
)
async def test_a_worry_unrelated_to_the_step_gets_the_concern_reply(
    chat: FakeChat, worry: str
) -> None:
    await at_the_words(chat)

    replies = await chat.send(worry)

    assert replies[0].text == safety.concern_reply(None)  # the full one, first this episode
    assert "Sometimes people react with shock" not in chat.text()


async def test_the_full_concern_reply_comes_once_an_episode(chat: FakeChat) -> None:
    await at_the_words(chat)
    await chat.send("i feel so low and empty tonight")
    if "are you thinking about suicide?" in chat.text():
        await chat.tap(words.NO)
    await chat.tap(words.CARRY_ON_WHERE_WE_WERE)

    replies = await chat.send("i cut myself last night and it was really bad")

    assert replies[0].text in words.CONCERN_AGAIN


@pytest.mark.parametrize(
    "where",
    [
        ("Me and other people", "Telling someone"),
        ("Me and other people", "Telling someone", "I'm thinking of telling someone"),
        ("Getting better",),
        ("I have an urge right now",),
    ],
)
async def test_a_crisis_still_interrupts_at_every_step(
    chat: FakeChat, where: tuple[str, ...]
) -> None:
    await chat.send("/topics")
    for label in where:
        await chat.tap(label)

    await chat.send("what if she tells my parents. i just want to die")

    assert chat.is_crisis()


def test_fear_of_what_someone_will_think_in_the_scars_topic_is_help_with_telling() -> None:
    at_intimacy = {"flow": "scars", "node": "intimacy"}
    typed = "What if he thinks I'm mad? Here people don't understand mental health"
    assert dialogues.worry(shipped_library(), at_intimacy, typed) == "telling:intro"


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ("should I be hiding the knives and stuff?", "someone_else:parent_safer"),
        (
            "Should I take away the things she uses? I don't want to police her",
            "someone_else:parent_safer",
        ),
        ("How do I bring it up without her shutting down? I yelled", "someone_else:parent_calm"),
    ],
)
def test_a_parents_worry_is_the_parent_topic_that_answers_it(typed: str, where: str) -> None:
    at_the_parent_menu = {"flow": "someone_else", "node": "parent_help_after"}
    assert dialogues.worry(shipped_library(), at_the_parent_menu, typed) == where


async def test_a_parents_worried_question_at_their_menu_is_answered_in_the_flow(
    chat: FakeChat,
) -> None:
    await chat.send("My daughter who is 15 has been cutting herself. I don't know what to do.")
    await chat.tap("No, but I'm worried")
    await chat.tap("I'm their parent or carer")

    await chat.send("should I be hiding the knives and her razors and stuff?")

    assert "Store sharp things safely too" in chat.text()
    assert "suicide" not in chat.text()


@pytest.mark.parametrize(
    "node",
    ["intro", "who"],  # "is anyone in danger right now?", "who are they to you?"
)
def test_a_worry_never_skips_the_question_that_leads_to_its_answer(node: str) -> None:
    here = {"flow": "someone_else", "node": node}
    assert (
        dialogues.worry(
            shipped_library(), here, "What do I say to her? I don't want to make it worse"
        )
        is None
    )
