"""Over the fake Bot API: odd input, updates the bot does not handle, sends that time out."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.core.words import SORRY as FALLBACK
from bot.store import Store
from bot.wiring import build
from tests.fake_bot_api import BOT_USER, Call, FakeBotApi
from tests.fakes import shipped_library
from tests.fixtures_telegram import settings_for

CHAT = 880201
CRISIS_TEXT = "i want to kill myself"


@dataclass
class Running:
    api: FakeBotApi
    caplog: pytest.LogCaptureFixture

    async def say(self, text: str) -> list[Call]:
        before = len(self.api.sent_to(CHAT))
        self.api.inject_text(CHAT, text)
        return await self.api.wait_for_quiet(CHAT, after=before, quiet=0.15)

    async def tap(self, data: str) -> list[Call]:
        before = len(self.api.sent_to(CHAT))
        self.api.inject_tap(CHAT, 4242, data)
        return await self.api.wait_for_quiet(CHAT, after=before, quiet=0.15)

    def failures(self) -> list[str]:
        return [r.getMessage() for r in self.caplog.records if r.levelno >= logging.ERROR]


@pytest.fixture
async def bot(
    fake_api: FakeBotApi, sqlite_store: Store, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[Running]:
    settings = settings_for(fake_api, waypoint_default_country="GB")
    companion = build(settings, sqlite_store, library=shipped_library())
    adapter = TelegramAdapter(companion, settings=settings)
    caplog.set_level(logging.WARNING)
    async with adapter.polling(long_poll=1):
        yield Running(fake_api, caplog)


def is_gb_crisis_reply(call: Call) -> bool:
    return all(part in call.text for part in ("116 123", "999", "I'm a bot"))


ODD_TEXTS = [
    "a" * 4096,
    ("word " * 1000)[:4096],
    "مرحبا، أنا هنا. كيف أبدأ؟",
    "\u202eeno kool\u202c \u2066isolated\u2069",
    "\u200b\u200c\u200d\ufeff\u2060",
    "\x01\x02\x1b[31mred\x7f",
    "\U0001f600\U0001f9e1\U00010348\U00020000\U000e0041\U0010fffd",
    "\u0301\u0301\u0301 e\u0301",
    "/",
    "/no_such_command with arguments",
    "/start@some_other_bot",
    "/START",
    "   ",
]
ODD_TAPS = [
    "T" + "x" * 80,  # over Telegram's 64 bytes: forged, Telegram itself would not send it
    "T!go:../../x",
    "T!country:ZZ",
    "Turgens.now.999",
    "T!country:page",
    "T!country:pagex",  # D11: int(page) once raised here
    "T!country:page99999999",
    "T!2:country-page:x",
    "T!delete:maybe",
    "K",
    "T",
    "!sos:more",
    "\u202e\x00",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
async def test_odd_text_gets_a_reply_and_no_error(bot: Running, text: str) -> None:
    replies = await bot.say(text)
    assert replies and all(call.text.strip() for call in replies)
    assert bot.failures() == []


@pytest.mark.parametrize("data", ODD_TAPS, ids=range(len(ODD_TAPS)))
async def test_forged_button_data_gets_a_reply_and_no_error(bot: Running, data: str) -> None:
    replies = await bot.tap(data)
    assert replies and all(call.text.strip() for call in replies)
    assert bot.failures() == []


async def test_updates_the_bot_does_not_handle_are_passed_over(bot: Running) -> None:
    for update in _unhandled_updates():
        bot.api.inject({"update_id": bot.api.next_update_id(), **update})
    replies = await bot.say(CRISIS_TEXT)
    assert is_gb_crisis_reply(replies[0])
    sent_elsewhere = [c for c in bot.api.calls if c.method.startswith("send") and c.chat_id != CHAT]
    assert sent_elsewhere == []
    assert bot.failures() == []


async def test_a_send_that_landed_but_timed_out_is_not_sent_again(bot: Running) -> None:
    bot.api.slow_next("sendMessage", delay=5.5)  # past PTB's 5 s read timeout
    began = time.monotonic()
    replies = await bot.say("/help")
    await bot.api.wait_for_sent(lambda call: call.text == FALLBACK, timeout=10)
    await asyncio.sleep(0.3)
    help_texts = [c.text for c in bot.api.sent_to(CHAT) if c.text.startswith(replies[0].text)]
    assert len(help_texts) == 1  # delivered once; not resent, as it may well have landed
    assert time.monotonic() - began < 10


async def test_a_crisis_reply_whose_send_timed_out_is_followed_by_the_lines_again(
    bot: Running,
) -> None:
    bot.api.fail_next("sendMessage", status=500, delay=5.5)  # never landed, and too slow
    bot.api.inject_text(CHAT, CRISIS_TEXT)
    sent = await bot.api.wait_for_sent(lambda call: call.text == FALLBACK, timeout=10)
    delivered = bot.api.sent_to(CHAT)
    assert is_gb_crisis_reply(delivered[0]) and delivered[1] == sent[0]
    assert bot.api.calls_to("sendMessage")[0].status == 500


async def test_an_update_the_library_cannot_read_does_not_hold_up_the_others(
    bot: Running,
) -> None:
    bot.api.inject({"update_id": bot.api.next_update_id(), "poll": {"id": "p2", "options": []}})
    try:
        replies = await bot.say(CRISIS_TEXT)
    finally:
        bot.api.drop_pending()  # else the bot cannot even stop: it asks for the batch again
    assert is_gb_crisis_reply(replies[0])


def _unhandled_updates() -> list[dict[str, Any]]:
    now = int(time.time())
    person = {"id": 5, "is_bot": False, "first_name": "Sam"}
    channel = {"id": -1001, "type": "channel", "title": "A channel"}
    return [
        {"channel_post": {"message_id": 1, "date": now, "chat": channel,
                                              "text": CRISIS_TEXT}},
        {"edited_channel_post": {"message_id": 1, "date": now,
                                                     "edit_date": now, "chat": channel,
                                                     "text": "/start"}},
        {"poll_answer": {"poll_id": "p1", "user": person, "option_ids": [0],
                        "option_persistent_ids": ["o1"]}},
        {"inline_query": {"id": "i1", "from": person, "query": CRISIS_TEXT,
                                              "offset": ""}},
        {"chat_join_request": {"chat": channel, "from": person, "date": now,
                                                   "user_chat_id": 5}},
        {"chat_member": {
            "chat": channel, "from": person, "date": now,
            "old_chat_member": {"user": person, "status": "left"},
            "new_chat_member": {"user": person, "status": "member"}}},
        {"my_chat_member": {
            "chat": {"id": CHAT, "type": "private", "first_name": "Sam"}, "from": person,
            "date": now, "old_chat_member": {"user": BOT_USER, "status": "member"},
            "new_chat_member": {"user": BOT_USER, "status": "kicked", "until_date": 0}}},
        {"a_kind_from_the_future": {"anything": [1, 2, 3]}},
    ]  # fmt: skip
