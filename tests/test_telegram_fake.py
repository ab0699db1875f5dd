"""The fake Bot API itself: it answers like Telegram, so the other tests can trust it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError

from tests.fake_bot_api import FakeBotApi


@pytest.fixture
async def raw_bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    """A plain PTB Bot pointed at the fake (no Application, no rate limiter)."""
    async with Bot(fake_api.token, base_url=fake_api.base_url) as bot:
        yield bot


async def test_get_me_answers_with_the_bot(raw_bot: Bot) -> None:
    me = await raw_bot.get_me()
    assert me.is_bot and me.username == "waypoint_test_bot"


async def test_a_wrong_token_is_refused(fake_api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=fake_api.base_url):
            pass


async def test_updates_come_in_order_and_an_offset_forgets_the_ones_before(
    fake_api: FakeBotApi, raw_bot: Bot
) -> None:
    first = fake_api.inject_text(1, "one")
    fake_api.inject_text(1, "two")
    updates = await raw_bot.get_updates(timeout=0)
    assert [u.message.text for u in updates if u.message] == ["one", "two"]
    later = await raw_bot.get_updates(offset=first + 1, timeout=0)
    assert [u.message.text for u in later if u.message] == ["two"]


async def test_at_most_limit_updates_come_at_once_and_a_hundred_by_default(
    fake_api: FakeBotApi, raw_bot: Bot
) -> None:
    for number in range(130):
        fake_api.inject_text(1, f"message {number}")
    assert len(await raw_bot.get_updates(timeout=0)) == 100
    assert len(await raw_bot.get_updates(timeout=0, limit=7)) == 7


async def test_an_empty_long_poll_returns_nothing_after_a_short_wait(raw_bot: Bot) -> None:
    assert await raw_bot.get_updates(timeout=5) == ()


async def test_sent_messages_are_recorded_with_their_keyboard(
    fake_api: FakeBotApi, raw_bot: Bot
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="y")]])
    message = await raw_bot.send_message(5, "Hello", reply_markup=markup)
    (call,) = fake_api.sent_to(5)
    assert (call.text, call.message_id) == ("Hello", message.message_id)
    assert call.buttons == [[{"text": "Yes", "callback_data": "y"}]]


async def test_telegram_limits_are_refused_like_telegram_does(raw_bot: Bot) -> None:
    with pytest.raises(BadRequest, match="too long"):
        await raw_bot.send_message(5, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)url"):
        link = InlineKeyboardButton("Call", url="tel:116123")
        await raw_bot.send_message(5, "Lines", reply_markup=InlineKeyboardMarkup([[link]]))
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        long = InlineKeyboardButton("Long", callback_data="x" * 65)
        await raw_bot.send_message(5, "Pick", reply_markup=InlineKeyboardMarkup([[long]]))


async def test_failures_happen_the_number_of_times_asked(
    fake_api: FakeBotApi, raw_bot: Bot
) -> None:
    fake_api.fail_next("sendMessage", status=500, times=2)
    fake_api.fail_next("sendMessage", status=403)
    for expected in (NetworkError, NetworkError, Forbidden):
        with pytest.raises(expected):
            await raw_bot.send_message(5, "Hello")
    await raw_bot.send_message(5, "Hello")
    assert [c.status for c in fake_api.calls_to("sendMessage")] == [500, 500, 403, 200]


async def test_an_uploaded_document_keeps_its_name_and_bytes(
    fake_api: FakeBotApi, raw_bot: Bot
) -> None:
    await raw_bot.send_document(5, b"\x00\x01data", filename="export.json", caption="Yours")
    (call,) = fake_api.sent_to(5)
    assert call.files == {"document": ("export.json", b"\x00\x01data")}
    assert call.text == "Yours"
