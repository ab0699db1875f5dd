"""The Telegram adapter against the fake Bot API, with a scripted stand-in for the Companion."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import httpx
import pytest
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.adapters.telegram.adapter import TelegramAdapter
from bot.adapters.telegram.render import keyboard_for, split_text
from bot.adapters.telegram.sending import surely_failed
from bot.core.words import BASIC_COMMANDS as DEFAULT_COMMANDS
from bot.core.words import PRIVATE_ONLY
from bot.core.words import SORRY as FALLBACK
from bot.messages import Incoming, Option, RecipientGone, Reply, ReplyKind, Undeliverable
from tests.fake_bot_api import FakeBotApi, post_webhook
from tests.fakes import ScriptedCore
from tests.fixtures_telegram import settings_for

CHAT = 4242
CRISIS_TEXT = "i want to kill myself"


class Scripted(ScriptedCore):
    """Stands in for the Companion's port: records what it got, answers from a script."""

    def __init__(self, answer: Callable[[Incoming], list[Reply]] | None = None) -> None:
        self.received: list[Incoming] = []
        self._answer = answer or _echo

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.received.append(incoming)
        return self._answer(incoming)


def _echo(incoming: Incoming) -> list[Reply]:
    said = incoming.text or incoming.choice or incoming.command or "something I cannot read"
    return [Reply(f"You said: {said}")]


@asynccontextmanager
async def running(
    api: FakeBotApi, companion: Scripted, **build: float
) -> AsyncIterator[TelegramAdapter]:
    adapter = TelegramAdapter(companion, settings=settings_for(api))
    async with adapter.polling(long_poll=1, **build):
        yield adapter


# -- pure parts ---------------------------------------------------------------------------------


def test_short_text_is_one_message() -> None:
    assert split_text("Hello there.") == ["Hello there."]


def test_long_text_is_split_at_paragraphs_within_the_limit() -> None:
    paragraphs = ["a" * 3000, "b" * 3000, "c" * 100]
    chunks = split_text("\n\n".join(paragraphs))
    assert chunks == ["a" * 3000, "b" * 3000 + "\n\n" + "c" * 100]


def test_text_without_boundaries_is_cut_hard_at_the_limit() -> None:
    chunks = split_text("x" * 9000)
    assert [len(chunk) for chunk in chunks] == [4096, 4096, 808]


def test_scale_numbers_sit_five_to_a_row() -> None:
    reply = Reply(
        "How strong is the urge?", options=tuple(Option(str(n), str(n)) for n in range(11))
    )
    markup = keyboard_for(reply)
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == [5, 5, 1]


def test_a_scale_with_a_long_skip_button_keeps_its_numbers_side_by_side() -> None:
    numbers = tuple(Option(str(n), str(n)) for n in range(11))
    reply = Reply("How strong?", options=(*numbers, Option("skip", "I'd rather not say")))
    markup = keyboard_for(reply)
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == [5, 5, 1, 1]


def test_short_words_sit_two_to_a_row() -> None:
    reply = Reply("Pick", options=tuple(Option(w, w) for w in ("Kindness", "Humour", "Patience")))
    markup = keyboard_for(reply)
    assert markup is not None
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [
        ["Kindness", "Humour"],
        ["Patience"],
    ]


def test_long_labels_sit_one_to_a_row() -> None:
    reply = Reply(
        "Pick one",
        options=(Option("a", "Ride the wave with me"), Option("b", "Show me my toolbox")),
    )
    markup = keyboard_for(reply)
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == [1, 1]


def test_tel_links_and_oversized_ids_are_left_out() -> None:
    reply = Reply(
        "Lines",
        options=(
            Option("call", "Call", url="tel:116123"),
            Option("web", "Website", url="https://www.samaritans.org"),
            Option("x" * 64, "Too long with its tag"),
            Option("ok", "OK"),
        ),
    )
    markup = keyboard_for(reply)
    assert markup is not None
    buttons = [button for row in markup.inline_keyboard for button in row]
    assert [(b.text, b.url, b.callback_data) for b in buttons] == [
        ("OK", None, "Tok"),
        ("Website", "https://www.samaritans.org", None),
    ]


def test_crisis_buttons_are_marked_to_stay() -> None:
    markup = keyboard_for(
        Reply("Lines", options=(Option("back", "Go back"),), kind=ReplyKind.CRISIS)
    )
    assert markup is not None
    assert markup.inline_keyboard[0][0].callback_data == "Kback"


def test_a_5xx_answer_or_a_refused_connection_surely_failed() -> None:
    refused = NetworkError("httpx.ConnectError")
    refused.__cause__ = httpx.ConnectError("refused")
    assert surely_failed(NetworkError("Internal Server Error"))
    assert surely_failed(refused)


def test_a_read_timeout_or_bad_request_may_have_landed_so_is_not_resent() -> None:
    read = TimedOut()
    read.__cause__ = httpx.ReadTimeout("slow")
    dropped = NetworkError("httpx.RemoteProtocolError")
    dropped.__cause__ = httpx.RemoteProtocolError("gone")
    assert not surely_failed(read)
    assert not surely_failed(dropped)
    assert not surely_failed(BadRequest("Bad Request: message is too long"))


# -- over the fake Bot API ----------------------------------------------------------------------


async def test_start_sets_the_command_menu(fake_api: FakeBotApi) -> None:
    async with running(fake_api, Scripted()):
        (call,) = await fake_api.wait_for_call("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [n for n, _ in DEFAULT_COMMANDS]


async def test_text_reaches_the_companion_with_the_message_time(fake_api: FakeBotApi) -> None:
    companion = Scripted()
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "hello")
        (reply,) = await fake_api.wait_for_replies(CHAT)
    assert reply.text == "You said: hello"
    assert "parse_mode" not in reply.params
    (incoming,) = companion.received
    assert (incoming.person.id, incoming.text) == (str(CHAT), "hello")
    assert incoming.now.tzinfo is not None
    assert abs((datetime.now(UTC) - incoming.now).total_seconds()) < 5


async def test_a_command_loses_the_bot_name_and_keeps_its_arguments(fake_api: FakeBotApi) -> None:
    companion = Scripted()
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "/Checkin@waypoint_test_bot 21:30")
        await fake_api.wait_for_replies(CHAT)
    (incoming,) = companion.received
    assert (incoming.command, incoming.args, incoming.text) == ("checkin", "21:30", None)


async def test_caption_edit_and_sticker_arrive_as_text_text_and_unsupported(
    fake_api: FakeBotApi,
) -> None:
    companion = Scripted()
    async with running(fake_api, companion):
        fake_api.inject_caption(CHAT, "my drawing")
        await fake_api.wait_for_replies(CHAT, count=1)
        fake_api.inject_edited(CHAT, 7, "changed my mind")
        await fake_api.wait_for_replies(CHAT, count=2)
        fake_api.inject_sticker(CHAT)
        await fake_api.wait_for_replies(CHAT, count=3)
    caption, edited, sticker = companion.received
    assert caption.text == "my drawing"
    assert edited.text == "changed my mind"
    assert sticker.unsupported and sticker.text is None


class Slow(Scripted):
    """Answers each message with its text after a wait of its own: the first messages take
    longest, so one chat's later replies would overtake its earlier ones if they could."""

    def __init__(self) -> None:
        super().__init__()
        self.at_once = self.most_at_once = 0

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.received.append(incoming)
        self.at_once += 1
        self.most_at_once = max(self.most_at_once, self.at_once)
        try:
            await asyncio.sleep(0.2 / len(self.received))
        finally:
            self.at_once -= 1
        said = incoming.text or ""
        return [Reply(f"{said} (1)"), Reply(f"{said} (2)", options=(Option("x", "X"),))]


async def test_chats_are_answered_at_once_but_each_chat_in_order(fake_api: FakeBotApi) -> None:
    companion = Slow()
    chats = (CHAT, CHAT + 1, CHAT + 2)
    async with running(fake_api, companion):
        for number in range(4):
            for chat in chats:
                fake_api.inject_text(chat, f"{chat}-{number}")
        for chat in chats:
            await fake_api.wait_for_replies(chat, count=4)
    for chat in chats:
        texts = [call.text for call in fake_api.sent_to(chat)]
        assert texts == [f"{chat}-{n} (1)\n\n{chat}-{n} (2)" for n in range(4)]
    assert companion.most_at_once > 1  # different chats did overlap


class Stuck(Scripted):
    """Holds "hello" until let go (as a hung database would); answers anything else at once."""

    def __init__(self) -> None:
        super().__init__()
        self.let_go = asyncio.Event()

    async def handle(self, incoming: Incoming) -> list[Reply]:
        if incoming.text == "hello":
            await self.let_go.wait()
        return await super().handle(incoming)


async def test_crisis_lines_do_not_wait_behind_the_chats_earlier_updates(
    fake_api: FakeBotApi,
) -> None:
    companion = Stuck()
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "hello")
        fake_api.inject_text(CHAT, "ordinary")
        fake_api.inject_text(CHAT, CRISIS_TEXT)
        fake_api.inject_text(CHAT, "/sos")
        first = await fake_api.wait_for_replies(CHAT, count=2)
        companion.let_go.set()
        every = await fake_api.wait_for_replies(CHAT, count=4)
    assert sorted(call.text for call in first) == [f"You said: {CRISIS_TEXT}", "You said: sos"]
    assert [call.text for call in every[2:]] == ["You said: hello", "You said: ordinary"]


async def test_a_tap_is_answered_its_keyboard_removed_and_passed_as_the_choice(
    fake_api: FakeBotApi,
) -> None:
    companion = Scripted(lambda _: [Reply("Pick", options=(Option("a", "A"), Option("b", "B")))])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "hi")
        (menu,) = await fake_api.wait_for_replies(CHAT)
        assert menu.buttons and menu.message_id is not None
        assert menu.buttons[0][1]["callback_data"] == "Tb"
        fake_api.inject_tap(CHAT, menu.message_id, "Tb")
        await fake_api.wait_for_replies(CHAT, count=2)
        (edit,) = await fake_api.wait_for_call("editMessageReplyMarkup")
    assert len(fake_api.calls_to("answerCallbackQuery")) == 1
    assert edit.params["message_id"] == menu.message_id
    assert "reply_markup" not in edit.params or not edit.params["reply_markup"]
    assert companion.received[-1].choice == "b"


async def test_a_tap_on_a_button_without_a_tag_passes_its_data_whole(fake_api: FakeBotApi) -> None:
    companion = Scripted()
    async with running(fake_api, companion):
        fake_api.inject_tap(CHAT, 99, "!resume")
        await fake_api.wait_for_replies(CHAT)
    assert companion.received[-1].choice == "!resume"


async def test_a_tap_on_a_crisis_reply_keeps_its_buttons(fake_api: FakeBotApi) -> None:
    crisis = Reply("Lines", options=(Option("back", "Go back"),), kind=ReplyKind.CRISIS)
    companion = Scripted(lambda _: [crisis])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "hi")
        (lines,) = await fake_api.wait_for_replies(CHAT)
        assert lines.message_id is not None
        fake_api.inject_tap(CHAT, lines.message_id, lines.buttons[0][0]["callback_data"])
        await fake_api.wait_for_replies(CHAT, count=2)
    assert companion.received[-1].choice == "back"
    assert fake_api.calls_to("answerCallbackQuery")
    assert not fake_api.calls_to("editMessageReplyMarkup")


async def test_a_group_hears_once_that_the_bot_is_private_and_nothing_reaches_the_companion(
    fake_api: FakeBotApi,
) -> None:
    companion = Scripted()
    group = -100500
    async with running(fake_api, companion):
        fake_api.inject_added_to(group)
        fake_api.inject_text(group, "/start", chat_type="group")
        fake_api.inject_text(group, CRISIS_TEXT, chat_type="group")
        fake_api.inject_text(CHAT, "after")  # processed after the group updates: in order
        await fake_api.wait_for_replies(CHAT)
    assert [call.text for call in fake_api.sent_to(group)] == [PRIVATE_ONLY]
    assert [incoming.text for incoming in companion.received] == ["after"]


async def test_a_long_reply_arrives_in_pieces_with_buttons_on_the_last(
    fake_api: FakeBotApi,
) -> None:
    text = "\n".join(f"Line {n}: " + "words " * 20 for n in range(60))
    companion = Scripted(lambda _: [Reply(text, options=(Option("ok", "OK"),))])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "hi")
        first, second = await fake_api.wait_for_replies(CHAT, count=2)
    assert len(first.text) <= 4096 and not first.buttons
    assert second.buttons and first.text.startswith("Line 0") and second.text.endswith("words")


async def test_an_image_with_short_text_is_one_captioned_photo(fake_api: FakeBotApi) -> None:
    companion = Scripted(lambda _: [Reply("Your week", image=b"\x89PNG fake")])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "/progress")
        (photo,) = await fake_api.wait_for_replies(CHAT)
    assert photo.method == "sendPhoto" and photo.text == "Your week"
    assert next(iter(photo.files.values()))[1] == b"\x89PNG fake"


async def test_an_image_with_long_text_is_a_photo_then_the_text(fake_api: FakeBotApi) -> None:
    companion = Scripted(lambda _: [Reply("a " * 700, image=b"png", options=(Option("x", "X"),))])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "/progress")
        photo, text = await fake_api.wait_for_replies(CHAT, count=2)
    assert (photo.method, photo.text, photo.buttons) == ("sendPhoto", "", [])
    assert text.method == "sendMessage" and text.buttons


async def test_a_document_is_uploaded_with_its_file_name(fake_api: FakeBotApi) -> None:
    companion = Scripted(lambda _: [Reply("Your data", document=("waypoint.json", b'{"a": 1}'))])
    async with running(fake_api, companion):
        fake_api.inject_text(CHAT, "/mydata")
        (document,) = await fake_api.wait_for_replies(CHAT)
    assert document.method == "sendDocument" and document.text == "Your data"
    assert list(document.files.values()) == [("waypoint.json", b'{"a": 1}')]


async def test_when_the_companion_fails_on_crisis_text_crisis_lines_come_first(
    fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    async with running(fake_api, Scripted(_explode)):
        fake_api.inject_text(CHAT, CRISIS_TEXT)
        lines, sorry = await fake_api.wait_for_replies(CHAT, count=2)
    assert lines.text != FALLBACK and sorry.text == FALLBACK
    assert "bot" in lines.text.lower()
    _assert_nothing_personal_logged(caplog)


async def test_when_the_companion_fails_on_sos_the_crisis_lines_still_come(
    fake_api: FakeBotApi,
) -> None:
    async with running(fake_api, Scripted(_explode)):
        fake_api.inject_text(CHAT, "/sos")
        lines, sorry = await fake_api.wait_for_replies(CHAT, count=2)
    assert lines.text != FALLBACK and "bot" in lines.text.lower()
    assert sorry.text == FALLBACK


async def test_when_the_companion_fails_on_ordinary_text_the_person_gets_an_apology(
    fake_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    async with running(fake_api, Scripted(_explode)):
        fake_api.inject_text(CHAT, "hello")
        (sorry,) = await fake_api.wait_for_replies(CHAT)
    assert sorry.text == FALLBACK
    assert [getattr(r, "error", None) for r in caplog.records] == ["RuntimeError"]
    _assert_nothing_personal_logged(caplog)


async def test_a_429_is_waited_out_and_the_reply_arrives_once(fake_api: FakeBotApi) -> None:
    fake_api.fail_next("sendMessage", status=429, retry_after=1)
    async with running(fake_api, Scripted()):
        fake_api.inject_text(CHAT, "hello")
        await fake_api.wait_for_replies(CHAT)
        await asyncio.sleep(0.2)
    assert [c.status for c in fake_api.calls_to("sendMessage")] == [429, 200]
    assert len(fake_api.sent_to(CHAT)) == 1


async def test_a_500_on_send_is_resent_and_arrives_once(fake_api: FakeBotApi) -> None:
    fake_api.fail_next("sendMessage", status=500)
    async with running(fake_api, Scripted()):
        fake_api.inject_text(CHAT, "hello")
        await fake_api.wait_for_replies(CHAT)
        await asyncio.sleep(0.2)
    assert [c.status for c in fake_api.calls_to("sendMessage")] == [500, 200]


async def test_polling_survives_a_500_from_get_updates(fake_api: FakeBotApi) -> None:
    async with running(fake_api, Scripted()):
        await fake_api.wait_for_call("getUpdates")
        fake_api.fail_next("getUpdates", status=500)
        await fake_api.wait_for_call("getUpdates", status=500)
        fake_api.inject_text(CHAT, "still there?")
        await fake_api.wait_for_replies(CHAT, timeout=6)


async def test_polling_survives_get_updates_timing_out(fake_api: FakeBotApi) -> None:
    async with running(fake_api, Scripted(), poll_read_timeout=0.3):
        await fake_api.wait_for_call("getUpdates")
        # Answered after the client's read timeout (1s long poll + 0.3s) has passed.
        fake_api.fail_next("getUpdates", status=500, delay=1.6)
        fake_api.inject_text(CHAT, "still there?")
        await fake_api.wait_for_replies(CHAT, timeout=6)
    assert [c.status for c in fake_api.calls_to("getUpdates")][1] == 500


async def test_send_to_someone_who_blocked_the_bot_raises_recipient_gone(
    fake_api: FakeBotApi,
) -> None:
    async with running(fake_api, Scripted()) as adapter:
        fake_api.fail_next("sendMessage", status=403)
        with pytest.raises(RecipientGone):
            await adapter.send(str(CHAT), [Reply("Checking in")])


async def test_send_that_keeps_failing_raises_undeliverable_after_retries(
    fake_api: FakeBotApi,
) -> None:
    async with running(fake_api, Scripted()) as adapter:
        fake_api.fail_next("sendMessage", status=500, times=3)
        with pytest.raises(Undeliverable) as raised:
            await adapter.send(str(CHAT), [Reply("Checking in")])
        await adapter.send(str(CHAT), [Reply("Checking in again")])
    assert not isinstance(raised.value, RecipientGone)
    assert [c.status for c in fake_api.calls_to("sendMessage")] == [500, 500, 500, 200]


def _explode(incoming: Incoming) -> list[Reply]:
    raise RuntimeError("the companion broke")


def _assert_nothing_personal_logged(caplog: pytest.LogCaptureFixture) -> None:
    assert caplog.records, "the failure should have been logged"
    assert CRISIS_TEXT not in caplog.text
    assert "hello" not in caplog.text
    assert str(CHAT) not in caplog.text
    assert logging.ERROR in [record.levelno for record in caplog.records]


async def test_the_webhook_refuses_a_missing_or_wrong_secret_and_takes_the_right_one(
    fake_api: FakeBotApi, unused_tcp_port: int
) -> None:
    companion = Scripted()
    url, secret = f"http://127.0.0.1:{unused_tcp_port}/telegram", "a-secret-of-sixteen-or-more"
    settings = settings_for(fake_api, webhook_url=url, webhook_secret=secret)
    adapter = TelegramAdapter(companion, settings=settings)
    async with adapter.webhook(listen="127.0.0.1", port=unused_tcp_port):
        update = fake_api.text_update(CHAT, "hello")
        assert await asyncio.to_thread(post_webhook, url, update, secret=None) == 403
        assert await asyncio.to_thread(post_webhook, url, update, secret="wrong" * 4) == 403
        assert await asyncio.to_thread(post_webhook, url, update, secret=secret) == 200
        await fake_api.wait_for_replies(CHAT)
    assert [incoming.text for incoming in companion.received] == ["hello"]
    (set_webhook,) = fake_api.calls_to("setWebhook")
    assert set_webhook.params["url"] == url and set_webhook.params["secret_token"] == secret


async def test_the_application_keeps_nothing_per_chat(fake_api: FakeBotApi) -> None:
    # python-telegram-bot notes each chat and user "for persistence" even with none set up,
    # and never forgets them: memory that grew with every person (see _Application).
    async with running(fake_api, Scripted()) as adapter:
        for chat in range(1, 6):
            fake_api.inject_text(chat, "hello")
        for chat in range(1, 6):
            await fake_api.wait_for_replies(chat)
        application = adapter._application
        assert application is not None
        assert not application._chat_ids_to_be_updated_in_persistence
        assert not application._user_ids_to_be_updated_in_persistence


async def test_the_tick_runs_repeatedly_while_the_bot_runs(fake_api: FakeBotApi) -> None:
    ticks: list[float] = []

    async def tick() -> None:
        ticks.append(asyncio.get_running_loop().time())

    adapter = TelegramAdapter(
        Scripted(), settings=settings_for(fake_api), tick=tick, tick_every=0.1
    )
    async with adapter.polling(long_poll=1):
        async with asyncio.timeout(5):
            while len(ticks) < 3:
                await asyncio.sleep(0.05)
    assert ticks[2] - ticks[0] >= 0.15
