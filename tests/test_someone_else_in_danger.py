"""Someone else in danger now (c5-09: a partner whose girlfriend "might hurt herself badly
RIGHT NOW"): the crisis reply for them, with the emergency number of where they are, never
self-harm steps addressed to the writer, never "not sure I understood"; the country the bot
knows is kept (safety/data/lexicon.yaml `danger.other_*`; bot/core/someone_else.py)."""

from __future__ import annotations

import pytest

import safety
from bot.core import countries, someone_else
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    "text",
    [
        "i think shes in danger right now",
        "she might hurt herself badly RIGHT NOW what do i do",
        "im fine!! i mean for her. someone else is in danger",
        "my 15 year old daughter is in danger",
        "i think he might be in danger",
        "my friend is going to kill himself tonight",
    ],
)
def test_another_persons_danger_now_is_their_crisis(text: str) -> None:
    risk = safety.assess(text)

    assert risk.tier is safety.Tier.CRISIS
    assert risk.about_someone_else


def test_a_person_named_by_their_age_is_someone_else() -> None:
    assert safety.assess(
        "i just found out my 14 year old has been cutting her arms"
    ).about_someone_else
    assert not safety.assess("i am 15 years old and have been cutting").about_someone_else


def test_a_match_that_begins_with_another_person_is_theirs() -> None:
    risk = safety.assess("my 14 year old daughter has been cutting herself. i dont know what to do")

    assert risk.about_someone_else


@pytest.mark.parametrize(
    "text", ["goodbye everyone", "i dont think he is in danger but i want to die"]
)
def test_the_writers_own_crisis_stays_theirs_beside_other_people(text: str) -> None:
    risk = safety.assess(text)

    assert risk.tier is safety.Tier.CRISIS
    assert not risk.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "i am in danger",
        "i might hurt myself right now",
        "i'm scared that he is in danger and i'm not safe either",
    ],
)
def test_the_writers_own_danger_beside_anothers_stays_theirs(text: str) -> None:
    risk = safety.assess(text)

    assert risk.tier is safety.Tier.CRISIS
    assert not risk.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "I'm not in danger, my daughter isn't either",
        "she is not in danger",
        "I don't think she's in danger now, she's in her room. But I'm very worried.",
    ],
)
def test_danger_denied_for_both_is_no_crisis(text: str) -> None:
    assert safety.assess(text).tier is not safety.Tier.CRISIS


async def test_someone_else_in_danger_inside_their_flow_gets_the_lines_for_them(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("my girlfriend self harms and i have no idea how to help her")
    await chat.send("no not right now, i'm just worried")

    await chat.send("she might hurt herself badly RIGHT NOW what do i do")

    assert chat.is_crisis()
    assert "If they are in danger right now" in chat.first.text
    assert "hurt yourself" not in chat.text()
    assert "How to help them" in chat.buttons()


async def test_not_me_its_her_gets_the_lines_for_her_and_keeps_her_country(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send('she just texted me "i cant do this anymore" and now shes not picking up')

    await chat.send("its not me its HER. should i call 911 or go to her work?? im in toronto")

    assert chat.is_crisis()
    assert "If they are in danger right now, call 911 for them" in chat.first.text
    assert "Are you safe right now?" not in chat.text()

    await chat.send("im fine!! i mean for her. someone else is in danger")

    assert "call 911 for them" in chat.first.text
    assert "put some distance between you" not in chat.text()


def test_the_writer_saying_it_is_not_them_is_read_plainly() -> None:
    assert someone_else.not_the_writer("its not me its HER")
    assert someone_else.not_the_writer("im fine!! i mean for her")
    assert someone_else.not_the_writer("asking for someone else")
    assert not someone_else.not_the_writer("i wish i was someone else")
    assert not someone_else.not_the_writer("why is it always me")


def test_where_the_writer_is_is_read_around_a_question_asking_for_lines() -> None:
    assert countries.said_to_be_in("should i call 911 or go to her work?? im in toronto") == "CA"
    assert countries.said_to_be_in("who do i call, we're in ontario?") is None
    assert countries.lives_in("should i call 911 or go to her work?? im in toronto") is None


def test_a_country_the_writer_says_they_are_not_in_is_not_mentioned() -> None:
    said = "We're in Australia btw, not the UK. Is there an Aussie line for parents?"

    assert countries.mentioned(said) == ("AU",)
    assert countries.mentioned("uk and ireland numbers please") == ("GB", "IE")


async def test_keep_talking_under_the_lines_for_someone_else_stays_with_the_helper(
    chat: FakeChat,
) -> None:
    await chat.send("i think my girlfriend is in danger right now")

    await chat.tap("Keep talking with me")

    assert "If they are in danger right now" in chat.text()
    assert "Are you safe right now?" not in chat.text()
    assert "How to help them" in chat.buttons()
    assert "Ride out an urge with me" not in chat.buttons()
