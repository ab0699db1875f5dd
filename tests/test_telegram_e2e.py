"""End to end: the real Application and Companion, on SQLite, against the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.core.words import PRIVATE_ONLY, UNSUPPORTED
from bot.messages import Person, Platform, RecipientGone, Reply
from bot.store import Store
from bot.wiring import build
from tests.fake_bot_api import (
    Call,
    FakeBotApi,
    bot_process,
    free_port,
    post_webhook,
    wait_for_port,
)
from tests.fakes import shipped_library
from tests.fixtures_telegram import settings_for

ROOT = Path(__file__).resolve().parents[1]
CHAT = 777001
COUNTRY = "GB"
CRISIS_TEXT = "i want to kill myself"


@dataclass
class Running:
    api: FakeBotApi
    adapter: TelegramAdapter
    store: Store

    async def say(self, text: str) -> list[Call]:
        """Send text from the person; the messages that came back before the bot went quiet."""
        before = len(self.api.sent_to(CHAT))
        self.api.inject_text(CHAT, text)
        return await self.api.wait_for_quiet(CHAT, after=before)


@pytest.fixture
async def bot(fake_api: FakeBotApi, sqlite_store: Store) -> AsyncIterator[Running]:
    settings = settings_for(fake_api, waypoint_default_country=COUNTRY)
    companion = build(settings, sqlite_store, library=shipped_library())
    adapter = TelegramAdapter(companion, settings=settings)
    async with adapter.polling(long_poll=1):
        yield Running(fake_api, adapter, sqlite_store)


def labels(call: Call) -> list[str]:
    return [button["text"] for row in call.buttons for button in row]


def is_crisis_reply(call: Call) -> bool:
    """The crisis lines for GB: Samaritans and the emergency number, and that it is a bot."""
    return all(part in call.text for part in ("116 123", "999", "I'm a bot"))


async def test_start_gets_the_welcome_and_its_buttons(bot: Running) -> None:
    replies = await bot.say("/start")
    assert "I'm a bot" in replies[0].text
    assert "Tell me more" in labels(replies[-1])
    assert bot.api.calls_to("setMyCommands")


async def test_a_tap_moves_on_answers_the_query_and_clears_the_old_buttons(bot: Running) -> None:
    (*_, welcome) = await bot.say("/start")
    button = next(b for row in welcome.buttons for b in row if b["text"] == "Tell me more")
    assert welcome.message_id is not None
    before = len(bot.api.sent_to(CHAT))
    bot.api.inject_tap(CHAT, welcome.message_id, button["callback_data"])
    await bot.api.wait_for_call("answerCallbackQuery")
    (edit,) = await bot.api.wait_for_call("editMessageReplyMarkup")
    replies = await bot.api.wait_for_replies(CHAT, count=before + 1)
    assert edit.params["message_id"] == welcome.message_id
    assert any("not a person" in call.text for call in replies)


async def test_typed_text_close_to_a_label_is_matched(bot: Running) -> None:
    await bot.say("/start")
    replies = await bot.say("tell me more")
    assert any("What I can do" in call.text for call in replies)


async def test_a_crisis_message_gets_the_crisis_lines_first(bot: Running) -> None:
    first, *_ = await bot.say(CRISIS_TEXT)
    assert is_crisis_reply(first)


async def test_asked_straight_out_a_tapped_yes_gets_the_lines_and_a_typed_no_to_safe_the_number(
    bot: Running,
) -> None:
    concern, question = await bot.say("everything is pointless")
    assert "116 123" in concern.text and not concern.buttons
    assert labels(question) == ["Yes", "No", "I'd rather not say"]
    button = next(b for row in question.buttons for b in row if b["text"] == "Yes")
    before = len(bot.api.sent_to(CHAT))

    assert question.message_id is not None
    bot.api.inject_tap(CHAT, question.message_id, button["callback_data"])
    lines = (await bot.api.wait_for_replies(CHAT, count=before + 1))[before]
    assert is_crisis_reply(lines) and lines.text.endswith("Are you safe right now?")

    (not_safe, *_) = await bot.say("no")
    assert not_safe.text.startswith("Please call 999 or 112 now")


async def test_a_crisis_caption_and_a_crisis_edit_get_the_crisis_lines(bot: Running) -> None:
    bot.api.inject_caption(CHAT, CRISIS_TEXT)
    (caption_reply, *_) = await bot.api.wait_for_replies(CHAT)
    count = len(bot.api.sent_to(CHAT))
    bot.api.inject_edited(CHAT, 12, "I'm fine. Actually " + CRISIS_TEXT)
    sent = await bot.api.wait_for_replies(CHAT, count=count + 1)
    assert is_crisis_reply(caption_reply)
    assert is_crisis_reply(sent[count])


async def test_a_sticker_gets_the_text_only_line(bot: Running) -> None:
    bot.api.inject_sticker(CHAT)
    (reply, *_) = await bot.api.wait_for_replies(CHAT)
    assert reply.text.startswith(UNSUPPORTED[:40])


async def test_a_429_still_delivers_the_reply_exactly_once(bot: Running) -> None:
    bot.api.fail_next("sendMessage", status=429, retry_after=1)
    replies = await bot.say(CRISIS_TEXT)
    await asyncio.sleep(0.3)
    assert [c.status for c in bot.api.calls_to("sendMessage")][:2] == [429, 200]
    crisis = [c for c in bot.api.sent_to(CHAT) if is_crisis_reply(c)]
    assert len(crisis) == 1 and crisis[0] == replies[0]


async def test_polling_recovers_after_get_updates_fails(bot: Running) -> None:
    bot.api.fail_next("getUpdates", status=500)
    await bot.api.wait_for_call("getUpdates", status=500)
    replies = await bot.say("/start")
    assert "I'm a bot" in replies[0].text


async def test_sending_to_someone_who_blocked_the_bot_raises_recipient_gone(bot: Running) -> None:
    bot.api.fail_next("sendMessage", status=403)
    with pytest.raises(RecipientGone):
        await bot.adapter.send(str(CHAT), [Reply("Hi, it's Waypoint. How are you today?")])


async def test_a_group_gets_one_line_and_nothing_is_stored(bot: Running) -> None:
    group = -100777
    bot.api.inject_text(group, "/start", chat_type="group")
    bot.api.inject_text(group, CRISIS_TEXT, chat_type="group")
    await bot.say("/start")  # handled after the group's updates, in order
    assert [call.text for call in bot.api.sent_to(group)] == [PRIVATE_ONLY]
    assert not await bot.store.has_person(Person(Platform.TELEGRAM, str(group)))


# -- the real command line, in a subprocess ---------------------------------------------------


def test_python_m_bot_run_answers_start(fake_api: FakeBotApi, tmp_path: Path) -> None:
    with bot_process(fake_api, tmp_path, "run"):
        fake_api.inject_text(CHAT, "/start")
        replies = asyncio.run(fake_api.wait_for_replies(CHAT, timeout=30))
    assert "I'm a bot" in replies[0].text


def test_webhook_mode_refuses_a_wrong_secret_and_takes_the_right_one(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    port, secret = free_port(), "s3cret-token-for-tests-only"
    url = f"http://127.0.0.1:{port}/telegram"
    env = {"WEBHOOK_URL": url, "WEBHOOK_SECRET": secret, "PORT": str(port)}
    with bot_process(fake_api, tmp_path, "run", "--webhook", env=env):
        asyncio.run(fake_api.wait_for_call("setWebhook", timeout=30))
        wait_for_port(port)  # PTB tells Telegram the URL, then starts listening
        assert fake_api.calls_to("setWebhook")[0].params["secret_token"] == secret
        update = fake_api.text_update(CHAT, "/start")
        assert post_webhook(url, update, secret=None) == 403
        assert post_webhook(url, update, secret="not-the-secret-at-all") == 403
        assert post_webhook(url, fake_api.text_update(CHAT, "/start"), secret=secret) == 200
        replies = asyncio.run(fake_api.wait_for_replies(CHAT, timeout=10))
    assert "I'm a bot" in replies[0].text
    assert len([c for c in fake_api.sent_to(CHAT) if "I'm a bot" in c.text]) == 1
