"""Asking for someone to call or talk to, in any wording, is asking for the lines: shown in
the same turn, for the country named (theirs, if they had none); a parent's request is
answered with the lines for parents, inside the flow for them (bot/core/lines_asked.py,
rules 5 and 6; issue 19 point 2)."""

from __future__ import annotations

import pytest

from bot.core import lines_asked, words
from bot.messages import ReplyKind
from bot.store import Store
from tests.fakes import FakeChat

PARENT = (
    "Hello, my daughter who is 15 has been cutting herself, I found out last night. "
    "I don't know what to do."
)


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("Is there someone in Peru I can call", ("PE",)),
        ("who can i talk to in canada", ("CA",)),
        ("is there anyone i could talk to?", ()),
        ("is there a number i can ring?", ()),
        ("any helpline for parents", ()),
        ("We live in Canada. Is there a Canadian line for parents?", ("CA",)),
    ],
)
def test_asking_for_someone_to_call_asks_for_lines(typed: str, codes: tuple[str, ...]) -> None:
    assert lines_asked.read(typed) == codes


@pytest.mark.parametrize(
    "typed", ["i have no one i can talk to", "i don't want a helpline for parents", "my mum"]
)
def test_telling_is_not_asking(typed: str) -> None:
    assert lines_asked.read(typed) is None


def test_lines_for_parents_are_a_parents() -> None:
    assert lines_asked.for_a_parent("any helpline for parents", None)
    assert lines_asked.for_a_parent("what number?", {"flow": "someone_else", "node": "parent"})
    assert not lines_asked.for_a_parent("what number?", {"flow": "someone_else", "node": "who"})
    assert not lines_asked.for_a_parent("is there a helpline?", None)


async def test_someone_to_call_in_a_country_without_lines_shows_the_international_ones(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")

    replies = await chat.send("Is there someone in Peru I can call")

    assert replies[0].kind is ReplyKind.CRISIS
    assert "https://findahelpline.com" in replies[0].text
    await chat.send("/mydata")
    assert words.MYDATA_COUNTRY.format(country="PE") in chat.text()  # theirs: they had none


async def test_who_can_i_talk_to_in_canada_shows_canadas_lines_and_sets_it(
    chat: FakeChat,
) -> None:
    replies = await chat.send("who can i talk to in canada")

    assert replies[0].kind is ReplyKind.CRISIS
    assert "9-8-8" in replies[0].text
    await chat.send("/mydata")
    assert words.MYDATA_COUNTRY.format(country="CA") in chat.text()


async def test_a_country_named_does_not_replace_the_one_chosen(sqlite_store: Store) -> None:
    chat = FakeChat.on(sqlite_store)
    await chat.send("/country")
    await chat.send("uk")

    replies = await chat.send("who can i talk to in canada")

    assert "9-8-8" in replies[0].text
    await chat.send("/mydata")
    assert words.MYDATA_COUNTRY.format(country="GB") in chat.text()


async def test_a_parent_asking_for_a_helpline_gets_the_lines_for_parents_in_the_flow(
    chat: FakeChat,
) -> None:
    await chat.send(PARENT)
    await chat.tap("No, but I'm worried")
    await chat.tap("I'm their parent or carer")

    await chat.send("Is there an actual helpline for parents in the UK? I'm in Leeds")

    assert "Are you safe right now?" not in chat.text()  # she is not the one at risk
    assert "Samaritans" in chat.text()  # the UK's, as the flow shows a parent
    assert "Looking after myself" in chat.buttons()  # still in the flow for parents
    await chat.send("/mydata")
    assert words.MYDATA_COUNTRY.format(country="GB") in chat.text()


async def test_any_helpline_for_parents_anywhere_goes_to_the_lines_for_parents(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")

    await chat.send("any helpline for parents")

    assert "A helpline can talk it through with you" in chat.text()
    assert "Are you safe right now?" not in chat.text()
