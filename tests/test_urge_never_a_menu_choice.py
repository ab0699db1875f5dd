"""An urge to self-injure now is never taken as a menu choice, and a short common word as a
synonym ("want") does not swallow a message that says something else (issue 19, from c8:
"i really want to cut right now" at telling's "What do I want from them?")."""

from __future__ import annotations

from typing import Any

import dialogues
from bot.messages import ReplyKind
from dialogues.matching import match_choice
from tests.fakes import FakeChat, shipped_library

URGE = "i really want to cut right now"


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


async def _to_tellings_words(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Telling someone")
    await chat.tap("I'm thinking of telling someone")
    await chat.tap("A friend")
    await chat.tap("In a message")
    await chat.tap("What could I say?")
    assert "What do I want from them?" in chat.buttons()


def test_a_common_one_word_synonym_does_not_pick_its_option_in_a_longer_message() -> None:
    options = [("Write my own words",), ("What do I want from them?", "want", "need")]
    assert match_choice(URGE, options) is None
    assert match_choice("i need to get out of here", options) is None
    assert match_choice("want", options) == 1  # said alone, it is still that option
    assert match_choice("idk what do i even want from them", options) == 1


def test_the_step_does_not_read_an_urge_as_its_own_answer() -> None:
    state = at("telling", "words")
    assert not dialogues.reads(shipped_library(), state, URGE)
    assert dialogues.goes(shipped_library(), state, "what do i want from them") == "telling"


async def test_an_urge_typed_at_a_menu_gets_the_concern_reply_not_the_choice(
    chat: FakeChat,
) -> None:
    await _to_tellings_words(chat)

    await chat.send(URGE)

    assert chat.first.kind in (ReplyKind.CONCERN, ReplyKind.CRISIS)
    assert "It helps to know what you'd like from them" not in chat.text()
    assert "I have an urge right now" in chat.buttons() or chat.is_crisis()


async def test_an_urge_is_not_kept_as_words_a_step_asks_for(chat: FakeChat) -> None:
    await _to_tellings_words(chat)
    await chat.tap("Write my own words")

    await chat.send("honestly i just want to hurt myself")

    assert chat.first.kind in (ReplyKind.CONCERN, ReplyKind.CRISIS)


async def test_an_urge_still_picks_the_choice_that_leads_to_the_urge_flow(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")

    await chat.send("i have an urge right now, like an 8")

    assert "How strong is the urge right now?" in chat.text()
    assert not chat.is_crisis()
