"""Worried words that plainly name what the person wants reach that topic, not the generic
concern reply and a question about suicide, when safety finds only distress; anything
graver still gets the concern reply, and a crisis the lines. Asked whether the bot speaks
another language, it says plainly that it writes only English, and shows the way on."""

from __future__ import annotations

import pytest

from bot.core import words
from bot.messages import ReplyKind
from tests.fakes import FakeChat

SUICIDE_QUESTION = "are you thinking about suicide"


async def test_not_wanting_to_stop_yet_reaches_the_ambivalence_topic(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("i dont want to stop self harming yet")

    assert "Part of you may want to stop" in chat.text()
    assert SUICIDE_QUESTION not in chat.text()


async def test_old_scars_and_a_new_partner_reach_the_scars_topic(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send(
        "I have old scars on my thighs. I'm seeing a new man and things are getting "
        "serious, I don't know how to tell him"
    )

    assert "Partners and intimacy" in chat.buttons()
    assert SUICIDE_QUESTION not in chat.text()


@pytest.mark.parametrize(
    "typed",
    ["i really want to cut right now", "i did it again last night", "i hate myself"],
)
async def test_an_urge_a_lapse_or_plain_distress_still_gets_the_concern_reply(
    chat: FakeChat, typed: str
) -> None:
    await chat.send(typed)

    assert chat.first.kind is ReplyKind.CONCERN


async def test_a_crisis_naming_a_topic_still_gets_the_lines(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("my scars remind me i want to kill myself")

    assert chat.is_crisis()


async def test_asked_about_another_language_it_says_english_only_and_still_cares(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")

    await chat.send("hablas español? me siento muy sola")

    assert chat.first.text.startswith("Lo siento, solo puedo escribir en inglés.")
    assert chat.first.text.endswith(words.ENGLISH_ONLY)
    # loneliness told at the topics is the button it fits (bot/core/listening.py, rule 6)
    assert "These are about you, and the people around you." in chat.text()


async def test_asked_about_another_language_worried_words_no_button_fits_get_the_concern_reply(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")

    await chat.send("hablas español? me siento fatal, todo me sale mal")

    assert chat.first.text.endswith(words.ENGLISH_ONLY)
    assert any(reply.kind is ReplyKind.CONCERN for reply in chat.last)


@pytest.mark.parametrize(
    "typed",
    ["do you speak french?", "parlez-vous français?", "sprichst du deutsch", "hablo español"],
)
async def test_asked_about_another_language_with_nothing_worrying_it_carries_on(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")

    await chat.send(typed)

    assert chat.first.text.endswith(words.ENGLISH_ONLY)
    assert "I have an urge right now" in chat.buttons()


async def test_a_first_message_that_names_a_topic_goes_there(chat: FakeChat) -> None:
    await chat.send("my psych reckons i should make a safety plan, can u help with that")

    assert "Go through the steps" in chat.buttons() or "Let's make one" in chat.buttons()
    assert words.NO_CONVERSATION not in chat.text()


async def test_a_first_message_that_asks_for_a_topic_by_its_words_goes_there(
    chat: FakeChat,
) -> None:
    await chat.send("can we talk about my scars?")

    # The words of the topic's label, asked for: no "Did you mean …?" needed (listen4).
    assert "have scars" in chat.text()
    assert "Did you mean" not in chat.text()


async def test_a_first_message_that_names_nothing_gets_the_topics(chat: FakeChat) -> None:
    await chat.send("hello")

    assert words.NO_CONVERSATION in chat.text()


@pytest.mark.parametrize(
    "typed", ["talking in spanish with my mum", "my mum can only speak polish"]
)
async def test_a_language_mentioned_in_passing_is_not_asked_about(
    chat: FakeChat, typed: str
) -> None:
    await chat.send(typed)

    assert words.ENGLISH_ONLY not in chat.text()


async def test_words_about_someone_else_naming_a_topic_go_to_helping_them(chat: FakeChat) -> None:
    await chat.send("my daughter doesnt want to stop self harming")

    assert "is anyone in danger right now?" in chat.text()
    assert "Part of you may want to stop" not in chat.text()
