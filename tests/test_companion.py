"""The Companion: safety first in every state, then the flows, then the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.core.words import UNKNOWN_COMMAND
from bot.messages import Incoming, Reply, ReplyKind
from bot.store import Store
from bot.store.tables import Base, PersonRow
from bot.store.vault import Vault
from tests.fakes import FakeChat

CRISIS = "i want to kill myself"


async def consent(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")


async def test_start_shows_the_welcome_that_says_it_is_a_bot(chat: FakeChat) -> None:
    replies = await chat.send("/start")

    assert "bot" in replies[0].text
    assert "Tell me more" in chat.buttons()


async def test_a_button_tap_moves_the_conversation_on(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")

    assert "Yes, that's okay" in chat.buttons()


async def test_typed_text_is_matched_to_the_offered_buttons(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("tell me more")

    assert "Yes, that's okay" in chat.buttons()


async def test_crisis_before_consent_gets_crisis_lines_first(sqlite_store: Store) -> None:
    chat = FakeChat.on(sqlite_store, default_country="GB")

    await chat.send(CRISIS)

    assert chat.is_crisis()
    assert "116 123" in chat.first.text
    assert "999" in chat.first.text


async def test_crisis_mid_flow_keeps_the_place_to_go_back_to(chat: FakeChat) -> None:
    await consent(chat)
    await chat.send("/topics")
    before = chat.buttons()

    await chat.send(CRISIS)
    assert chat.is_crisis()
    assert "Go back to where we were" in chat.buttons()

    await chat.tap("Go back to where we were")
    assert chat.buttons() == before


async def test_a_crisis_message_typed_as_an_answer_is_never_kept(chat: FakeChat) -> None:
    await consent(chat)
    await chat.send("/start")  # consented: /start leads to topics
    await chat.tap("My things")
    for label in chat.buttons():
        if "plan" in label.lower():
            await chat.tap(label)
            break
    await chat.send("i'm going to end my life tonight")
    assert chat.is_crisis()

    await chat.send("/mydata")
    assert "end my life" not in chat.text()
    assert "end my life" not in chat.first.document[1].decode()  # type: ignore[index]


async def test_a_crisis_reply_never_comes_twice_in_one_reply(chat: FakeChat) -> None:
    replies = await chat.send("i want to die. i want to kill myself. suicide")

    assert sum(reply.kind is ReplyKind.CRISIS for reply in replies) == 1


async def test_concern_gets_a_warm_reply_with_ways_to_cope(chat: FakeChat) -> None:
    await chat.send("i really want to cut right now")

    assert chat.first.kind is ReplyKind.CONCERN
    assert "I have an urge right now" in chat.buttons()


async def test_choosing_a_country_changes_the_crisis_lines(chat: FakeChat) -> None:
    await chat.send("/country")
    await chat.press("!country:IE")
    await chat.send(CRISIS)

    assert "Samaritans on 116 123" in chat.first.text
    assert "112" in chat.first.text
    assert "findahelpline.com" not in chat.first.text


async def test_without_a_country_the_crisis_reply_points_to_international_help(
    chat: FakeChat,
) -> None:
    await chat.send(CRISIS)

    assert "findahelpline.com" in chat.first.text


async def test_sos_shows_crisis_lines_any_time(chat: FakeChat) -> None:
    await chat.send("/sos")

    assert chat.is_crisis()


async def test_the_arguments_of_a_command_go_through_safety_too(chat: FakeChat) -> None:
    await chat.send(f"/start {CRISIS}")

    assert chat.is_crisis()


async def test_unknown_command_says_so_kindly(chat: FakeChat) -> None:
    await chat.send("/frobnicate")

    assert "/help" in chat.text()


async def test_media_without_text_gets_the_text_only_line(chat: FakeChat) -> None:
    chat.last = await chat.companion.handle(Incoming(chat.person, chat.now, unsupported=True))

    assert "only read text" in chat.text()


async def test_text_outside_any_conversation_offers_the_topics(chat: FakeChat) -> None:
    await chat.send("hello")

    assert "I have an urge right now" in chat.buttons()


async def test_a_stale_button_is_handled_gently(chat: FakeChat) -> None:
    await chat.press("urges.surf.1")

    assert "earlier" in chat.text()
    assert chat.buttons()


async def test_a_forged_core_button_is_handled_gently(chat: FakeChat) -> None:
    await chat.press("!nonsense")

    assert chat.buttons()


async def test_nothing_is_kept_without_consent(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("No, don't keep anything")
    await chat.send("/topics")
    await chat.tap("I have an urge right now")

    await chat.send("/mydata")
    assert "Things you kept: 0" in chat.text()


async def test_help_says_it_is_a_bot_and_not_a_crisis_service(chat: FakeChat) -> None:
    await chat.send("/help")

    assert "bot" in chat.text()
    assert "not a crisis service" in chat.text()


async def test_delete_erases_every_row_about_the_person(store: Store) -> None:
    chat = FakeChat.on(store)
    await consent(chat)
    await chat.send("/topics")
    await chat.send("/mydata")
    await chat.send("/delete")
    assert "Yes, erase everything" in chat.buttons()

    await chat.tap("Yes, erase everything")

    assert "erased" in chat.text()
    async with store.session() as session:
        for table in Base.metadata.sorted_tables:
            if "person_id" in table.c:
                count = await session.scalar(select(func.count()).select_from(table))
                assert count == 0, table.name
            if table.name == "people":
                assert await session.scalar(select(func.count()).select_from(table)) == 0


@pytest.mark.parametrize("in_between", ["/topics", "hello", "/mydata"])
async def test_an_erase_button_from_an_earlier_question_erases_nothing(
    store: Store, in_between: str
) -> None:
    chat = FakeChat.on(store)
    await consent(chat)
    await chat.send("/delete")
    await chat.send(in_between)

    await chat.press("!delete:yes")

    assert "nothing was erased" in chat.text()
    async with store.session() as session:
        assert await session.scalar(select(func.count()).select_from(PersonRow)) == 1


async def test_saying_no_to_delete_keeps_everything(chat: FakeChat) -> None:
    await consent(chat)
    await chat.send("/delete")
    await chat.tap("No, keep it")

    assert "nothing was erased" in chat.text()


async def test_when_the_database_is_down_a_crisis_still_gets_crisis_lines(
    tmp_path: Path, vault: Vault
) -> None:
    unreachable = Store.open("postgresql+asyncpg://nobody@127.0.0.1:1/none", vault=vault)
    chat = FakeChat.on(unreachable, default_country="US")

    await chat.send(CRISIS)

    assert chat.is_crisis()
    assert "988" in chat.first.text
    await unreachable.close()


@pytest.mark.parametrize("text", ["hello", "/topics", "/start"])
async def test_when_the_database_is_down_other_messages_get_an_apology(
    vault: Vault, text: str
) -> None:
    unreachable = Store.open("postgresql+asyncpg://nobody@127.0.0.1:1/none", vault=vault)
    chat = FakeChat.on(unreachable)

    await chat.send(text)

    assert "/sos" in chat.text()
    await unreachable.close()


async def test_every_command_in_the_telegram_menu_is_answered(chat: FakeChat) -> None:
    from bot.core.words import COMMANDS

    for name, _ in COMMANDS:
        if name == "delete":
            continue
        replies = await chat.send(f"/{name}")
        assert replies, name
        assert texts_of(replies) != UNKNOWN_COMMAND, name


def texts_of(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)
