"""A teen's questions and words the c5 tester typed: whether a counsellor sees the chat
(answered, in any sentence that asks it), and a parent who gets loud and breaks things
(what is going on underneath, never "I can't answer that")."""

from __future__ import annotations

import pytest

from bot.core import asides, words
from dialogues.engine import TOLD
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    "text",
    [
        "does this tell my counselor what i say or not",
        "bro answer the question. does mrs reyes see this",
        "will my mum know about this?",
        "can my teacher read this chat",
        "who reads this?",
        "why do u keep the date at all i said dont keep anything",
        "what do u store?",
    ],
)
def test_whether_someone_sees_the_chat_is_answered(text: str) -> None:
    answer = asides.question(text)
    assert answer is not None and answer.text == words.ASIDE_PRIVACY


@pytest.mark.parametrize(
    "text", ["does it get better", "can you help me", "my counselor is nice. i see her on fridays"]
)
def test_other_questions_and_statements_are_not_about_privacy(text: str) -> None:
    answer = asides.question(text)
    assert answer is None or answer.text != words.ASIDE_PRIVACY


def test_the_privacy_answer_says_nothing_is_passed_on() -> None:
    assert "counsellor" in words.ASIDE_PRIVACY and "parent" in words.ASIDE_PRIVACY


async def test_the_privacy_question_at_the_topics_is_answered_then_the_topics_stay(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("does this tell my counselor what i say or not")

    assert chat.last[0].text == words.ASIDE_PRIVACY
    assert "I have an urge right now" in chat.buttons()


async def test_a_parent_who_gets_loud_and_breaks_things_leads_to_what_is_underneath(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("he doesnt hit me or anything. he just gets loud and breaks stuff")

    said = [reply.text for reply in chat.last]
    assert not set(said) & set(TOLD)
    assert "Family or relationships" in chat.buttons()
