"""Consent told honestly: not choosing is not refusing, /keep turns saving on later, and
nothing is called kept while saving is off."""

from __future__ import annotations

from pathlib import Path

from bot.core import words
from tests.fakes import FakeChat, shipped_library

FLOWS = Path(__file__).resolve().parent.parent / "dialogues" / "flows"


def text(chat: FakeChat) -> str:
    return "\n".join(reply.text for reply in chat.last)


def test_no_flow_says_the_person_chose_not_to_let_things_be_kept() -> None:
    for path in FLOWS.glob("*.yaml"):
        assert "chose not" not in path.read_text().casefold(), path.name


async def test_someone_who_skipped_the_welcome_is_told_saving_is_off_not_that_they_refused(
    chat: FakeChat,
) -> None:
    await chat.send("/mydata")

    assert words.MYDATA_AGREED.format(answer=words.MYDATA_AGREED_NO) in text(chat)
    assert "agreed" not in text(chat)


async def test_keep_asks_then_turns_saving_on(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("not now")
    await chat.send("/keep")
    assert "Shall I keep" in text(chat)

    await chat.tap("Yes, keep them")
    await chat.send("/mydata")

    assert words.MYDATA_AGREED.format(answer=words.MYDATA_AGREED_YES) in text(chat)
    await chat.send("/keep")
    assert text(chat) == words.KEEP_ALREADY_ON


async def test_keep_answered_no_leaves_saving_off(chat: FakeChat) -> None:
    await chat.send("/keep")
    await chat.tap("No, keep saving off")
    await chat.send("/mydata")

    assert words.MYDATA_AGREED.format(answer=words.MYDATA_AGREED_NO) in text(chat)


async def test_the_toolbox_with_saving_off_offers_to_turn_it_on(chat: FakeChat) -> None:
    await chat.send("/toolbox")

    assert "Turn saving on" in chat.buttons()
    await chat.tap("Turn saving on")
    assert "Shall I keep" in text(chat)


def test_a_win_with_saving_off_is_never_said_to_be_kept() -> None:
    thanks = shipped_library().flows["wins"].nodes["no_keep_thanks"].say
    said = " ".join(thanks).casefold()
    assert "haven't kept" in said and "hold on to that" not in said


def test_help_and_the_command_menu_name_keep() -> None:
    assert "/keep" in words.HELP
    assert "keep" in dict(words.COMMANDS)


async def test_asking_in_words_how_to_turn_saving_on_asks_the_keep_question(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("how do i turn saving on then")

    assert "Shall I keep" in text(chat)
    await chat.tap("Yes, keep them")
    await chat.send("u said saving is off?? how do i turn it on")
    assert chat.last[0].text == words.KEEP_ALREADY_ON
