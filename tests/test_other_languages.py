"""People who type in Spanish, Portuguese, French, Italian or German, through the real
Companion: menu words read by the glossary (dialogues/glossary.yaml), a lapse told in their
language read as "I did it again", a no to the core's own questions, and a crisis in their
language still interrupting at any step (safety never reads a gloss)."""

from __future__ import annotations

import pytest

from bot.core import asides, words
from tests.fakes import FakeChat

DID_IT_AGAIN = "You're not a failure"


async def at_the_topics(chat: FakeChat) -> None:
    await chat.send("/topics")
    assert "I did it again" in chat.buttons()


@pytest.mark.parametrize(
    "text",
    [
        "hola, no hablo mucho inglés. volví a hacerme daño anoche después de 8 meses",
        "lo hice otra vez",
        "recaí",
        "fiz de novo ontem",
        "je l'ai refait hier soir",
        "l'ho rifatto ieri",
        "ich habe es wieder getan",
    ],
)
async def test_a_lapse_told_in_another_language_is_i_did_it_again(
    chat: FakeChat, text: str
) -> None:
    await at_the_topics(chat)
    await chat.send(text)
    assert DID_IT_AGAIN in chat.text()
    assert not chat.is_crisis()


async def asked_about_suicide(chat: FakeChat) -> None:
    await at_the_topics(chat)
    await chat.send("everything is too much and I can't cope")
    assert words.ASK_ABOUT_SUICIDE in chat.text()


async def test_a_no_in_portuguese_answers_are_you_thinking_about_suicide(chat: FakeChat) -> None:
    await asked_about_suicide(chat)
    await chat.send("não!!")
    assert words.ASKED_NO in chat.text()


async def test_a_lapse_told_at_the_concern_menu_picks_its_did_it_again_button(
    chat: FakeChat,
) -> None:
    await asked_about_suicide(chat)
    await chat.send("nein")
    assert "I did it again" in chat.buttons()
    await chat.send("si, lo hice otra vez")
    assert DID_IT_AGAIN in chat.text()


async def test_carry_on_where_we_were_in_german_takes_them_back(chat: FakeChat) -> None:
    await asked_about_suicide(chat)
    await chat.send("no")
    await chat.send("weiter wo wir waren")
    assert "what would you like to talk about?" in chat.text().lower()


@pytest.mark.parametrize(
    "text",
    [
        "ya no quiero vivir, quiero morirme",
        "eu quero me matar hoje",
        "je veux mourir, je vais me tuer",
        "voglio morire, voglio uccidermi",
        "ich will nicht mehr leben, ich bringe mich um",
    ],
)
async def test_a_crisis_in_another_language_still_interrupts_a_glossed_step(
    chat: FakeChat, text: str
) -> None:
    await at_the_topics(chat)
    await chat.send("Narben")
    await chat.send(text)
    assert chat.is_crisis()


@pytest.mark.parametrize(
    "text",
    [
        "are you human or computer",
        "Was sind Sie? Ein Mensch oder ein Computer?",
        "are you a bot?",
        "am I talking to a real person",
    ],
)
async def test_asked_whether_it_is_a_person_it_says_it_is_a_bot_then_goes_on(
    chat: FakeChat, text: str
) -> None:
    await at_the_topics(chat)
    await chat.send("my scars")
    await chat.send(text)
    assert chat.last[0].text == words.ASIDE_WHAT_I_AM
    assert "How I feel about them" in chat.buttons()  # back where they were


async def test_asked_whether_it_is_a_person_where_a_step_keeps_free_text_it_still_answers(
    chat: FakeChat,
) -> None:
    await at_the_topics(chat)
    await chat.send("My things")
    await chat.send("My safety plan")
    await chat.tap("Let's start")
    assert "Skip this step" in chat.buttons()  # the plan's first step asks for words
    await chat.send("wait, are you a real person?")
    assert chat.last[0].text == words.ASIDE_WHAT_I_AM  # not kept as a warning sign
    assert "Skip this step" in chat.buttons()


@pytest.mark.parametrize("text", ["what are you doing?", "are you ok?", "is this real life"])
def test_other_questions_are_not_asked_what_it_is(text: str) -> None:
    answer = asides.question(text)
    assert answer is None or answer.text != words.ASIDE_WHAT_I_AM
