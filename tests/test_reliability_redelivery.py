"""No update is lost when the bot dies: Telegram forgets one only once it has been handled,
and one that comes again after a crash is recognised (bot/adapters/telegram/polling.py,
Companion rule 7)."""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.adapters.telegram.adapter import CONCURRENT_UPDATES, TelegramAdapter
from bot.adapters.telegram.polling import (
    FIRST_PAUSE,
    LONGEST_PAUSE,
    MAX_SPAN,
    Poller,
    pause_after,
)
from bot.core.companion import KEEP_DELIVERIES
from bot.messages import Incoming, Person, Platform, Reply, ReplyKind
from bot.store import Store
from bot.store.vault import generate_key
from tests.fake_bot_api import FakeBotApi, bot_process, post_webhook
from tests.fakes import START, FakeChat, ScriptedCore
from tests.fixtures_telegram import settings_for

CRISIS = "i want to kill myself"
ALEX = Person(Platform.TELEGRAM, "5150")


# -- the Companion: an update that comes again --------------------------------------------------


def arrives(delivery: int | None, **what: str) -> Incoming:
    """An update numbered `delivery`, sent that many minutes after START (no flood control)."""
    return Incoming(ALEX, START + timedelta(minutes=delivery or 0), delivery=delivery, **what)


def option(replies: list[Reply], label: str) -> str:
    return next(o.id for reply in replies for o in reply.options if o.label == label)


async def test_an_update_that_comes_again_changes_nothing_and_gets_no_reply(
    sqlite_store: Store,
) -> None:
    companion = FakeChat.on(sqlite_store).companion
    welcome = await companion.handle(arrives(10, command="start"))
    more = option(welcome, "Tell me more")
    moved_on = await companion.handle(arrives(11, choice=more))

    assert await companion.handle(arrives(11, choice=more)) == []
    assert await companion.handle(arrives(10, command="start")) == []

    # Still where update 11 left them: its buttons are the current ones, not stale.
    onwards = await companion.handle(arrives(12, choice=option(moved_on, "Yes, that's okay")))
    assert onwards and not onwards[0].text.startswith("That button was from")


async def test_a_crisis_message_that_comes_again_gets_the_lines_again(sqlite_store: Store) -> None:
    companion = FakeChat.on(sqlite_store, default_country="GB").companion
    first = await companion.handle(arrives(20, text=CRISIS))
    again = await companion.handle(arrives(20, text=CRISIS))
    await companion.handle(arrives(21, command="sos"))
    sos_again = await companion.handle(arrives(21, command="sos"))

    assert [reply.kind for reply in first] == [ReplyKind.CRISIS]
    assert [reply.kind for reply in again] == [ReplyKind.CRISIS]
    assert "116 123" in again[0].text
    assert [reply.kind for reply in sos_again] == [ReplyKind.CRISIS]
    assert "116 123" in sos_again[0].text


async def test_an_earlier_update_arriving_late_is_still_handled(sqlite_store: Store) -> None:
    # Two webhook instances: the one with update 31 may finish before the one with 30.
    companion = FakeChat.on(sqlite_store).companion
    await companion.handle(arrives(31, command="help"))

    late = await companion.handle(arrives(30, command="help"))

    assert late and "bot" in late[0].text


async def test_only_the_last_updates_are_remembered(sqlite_store: Store) -> None:
    companion = FakeChat.on(sqlite_store).companion
    for delivery in range(100, 100 + KEEP_DELIVERIES + 1):
        await companion.handle(arrives(delivery, command="help"))

    assert await companion.handle(arrives(100 + KEEP_DELIVERIES, command="help")) == []
    assert await companion.handle(arrives(100, command="help")) != []  # forgotten


async def test_updates_without_a_number_are_always_handled(sqlite_store: Store) -> None:
    companion = FakeChat.on(sqlite_store).companion
    first = await companion.handle(arrives(None, command="help"))
    again = await companion.handle(arrives(None, command="help"))

    assert first and again == first


# -- the poller: an update is confirmed only once handled ----------------------------------------


class Gate(ScriptedCore):
    """Stands in for the Companion: holds each chat's answer until that chat is let go."""

    def __init__(self) -> None:
        self.open: dict[str, asyncio.Event] = {}
        self.started: list[str] = []
        self.busy = 0
        self.most_busy = 0
        self.everyone = False

    def let_go(self, chat: int) -> None:
        self.open.setdefault(str(chat), asyncio.Event()).set()

    def let_all_go(self) -> None:
        """Let every chat go, now and later (so the poller can stop, test passed or not)."""
        self.everyone = True
        for gate in self.open.values():
            gate.set()

    async def handle(self, incoming: Incoming) -> list[Reply]:
        self.started.append(incoming.person.id)
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        gate = self.open.setdefault(incoming.person.id, asyncio.Event())
        if self.everyone:
            gate.set()
        try:
            await gate.wait()
        finally:
            self.busy -= 1
        return [Reply(f"answered {incoming.text}")]


@asynccontextmanager
async def polling(api: FakeBotApi, gate: Gate) -> AsyncIterator[None]:
    adapter = TelegramAdapter(gate, settings=settings_for(api))
    async with adapter.polling(long_poll=1):
        try:
            yield
        finally:
            gate.let_all_go()


def offsets(api: FakeBotApi) -> list[int]:
    return [int(call.params.get("offset") or 0) for call in api.calls_to("getUpdates")]


async def until(condition: Callable[[], bool], *, timeout: float = 10) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


async def test_an_update_is_forgotten_only_once_it_has_been_answered(fake_api: FakeBotApi) -> None:
    gate = Gate()
    async with polling(fake_api, gate):
        held = fake_api.inject_text(1, "held")
        await until(lambda: gate.started == ["1"])
        others = [fake_api.inject_text(chat, "other") for chat in (2, 3)]
        for chat in (2, 3):
            gate.let_go(chat)
        await fake_api.wait_for_replies(2)
        await fake_api.wait_for_replies(3)
        await asyncio.sleep(0.3)  # a few more looks at getUpdates while "held" is in hand
        assert max(offsets(fake_api)) <= held < min(others)

        gate.let_go(1)
        await fake_api.wait_for_replies(1)
        await until(lambda: max(offsets(fake_api)) > max(others))


async def test_no_more_updates_are_fetched_than_can_be_handled_at_once(
    fake_api: FakeBotApi,
) -> None:
    gate = Gate()
    async with polling(fake_api, gate):
        first = min(fake_api.inject_text(chat, "hello") for chat in range(1, 31))
        await until(lambda: len(gate.started) == CONCURRENT_UPDATES)
        await asyncio.sleep(0.3)
        assert len(gate.started) == CONCURRENT_UPDATES  # the rest are still Telegram's
        assert max(offsets(fake_api)) <= first  # and none is forgotten yet

        for chat in range(1, 31):
            gate.let_go(chat)
        for chat in range(1, 31):
            await fake_api.wait_for_replies(chat)
    assert sorted(gate.started, key=int) == [str(chat) for chat in range(1, 31)]
    assert gate.most_busy <= CONCURRENT_UPDATES


async def test_one_stuck_update_does_not_stop_the_others(fake_api: FakeBotApi) -> None:
    gate = Gate()
    async with polling(fake_api, gate):
        fake_api.inject_text(1, "stuck")
        await until(lambda: gate.started == ["1"])
        others = range(2, 2 + 3 * MAX_SPAN)  # more than Telegram hands out at once, too
        for chat in others:
            gate.let_go(chat)
            fake_api.inject_text(chat, "hello")
        for chat in others:
            await fake_api.wait_for_replies(chat)
    assert len(gate.started) == 1 + len(others)


class ScriptedTelegram:
    """Stands in for the Application, its bot and the getUpdates request: each fetch hands
    out the next batch given (nothing after); each update is handled when the test releases it."""

    def __init__(self, *batches: list[int]) -> None:
        self.bot = self
        self.batches = list(batches)
        self.released: dict[int, asyncio.Event] = {}
        self.handled: list[int] = []
        self.calls = 0
        self.on_call: dict[int, Callable[[], None]] = {}  # run as getUpdates call N begins

    def release(self, update_id: int) -> None:
        self.released.setdefault(update_id, asyncio.Event()).set()

    async def fetch(self, bot: object, **_: object) -> tuple[dict[str, int], ...]:
        self.calls += 1
        self.on_call.get(self.calls, lambda: None)()
        await asyncio.sleep(0.01)  # a round trip: the updates in hand run meanwhile
        batch = self.batches.pop(0) if self.batches else []
        return tuple({"update_id": update_id} for update_id in batch)

    async def get_updates(self, **_: object) -> tuple[Update, ...]:
        return ()  # on stop, the poller confirms what it handled

    async def process_update(self, update: Update) -> None:
        await self.released.setdefault(update.update_id, asyncio.Event()).wait()
        self.handled.append(update.update_id)


def test_a_full_window_waits_for_an_update_to_finish_without_holding_up_the_others() -> None:
    # One update finishes while the next batch is being fetched, and that batch fills the
    # window: the poller must wait for the others without spinning (which would freeze the
    # event loop, and the bot with it).
    async def scenario() -> list[int]:
        telegram = ScriptedTelegram([1], [2, 3])
        telegram.on_call[2] = lambda: telegram.release(1)
        poller = Poller(telegram, telegram, window=2, allowed_updates=[])  # type: ignore[arg-type]
        polling = asyncio.create_task(poller.run())
        await asyncio.sleep(0.2)
        telegram.release(2)
        telegram.release(3)
        await asyncio.sleep(0.2)
        poller.stop()
        await polling
        return telegram.handled

    handled: list[list[int]] = []
    thread = threading.Thread(target=lambda: handled.append(asyncio.run(scenario())), daemon=True)
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive(), "the poller froze the event loop"
    assert sorted(handled[0]) == [1, 2, 3]


def test_a_failing_get_updates_is_asked_again_after_a_pause_that_doubles_up_to_a_limit() -> None:
    pauses = [pause_after(NetworkError("down"), failures) for failures in range(1, 2000)]
    assert pauses[:4] == [FIRST_PAUSE, 2 * FIRST_PAUSE, 4 * FIRST_PAUSE, 8 * FIRST_PAUSE]
    assert max(pauses) == pauses[-1] == LONGEST_PAUSE
    assert pause_after(TimedOut(), 5) == 0  # a long poll that ran late: at once
    assert pause_after(RetryAfter(3), 1) == 3


async def test_on_stop_the_updates_in_hand_are_answered_then_confirmed(
    fake_api: FakeBotApi,
) -> None:
    gate = Gate()
    async with polling(fake_api, gate):
        update_id = fake_api.inject_text(7, "almost too late")
        await until(lambda: gate.started == ["7"])
        asyncio.get_running_loop().call_later(0.3, gate.let_go, 7)
    assert [call.text for call in fake_api.sent_to(7)] == ["answered almost too late"]
    assert max(offsets(fake_api)) > update_id


# -- the webhook: Telegram is answered only once an update has been handled ----------------------

SECRET = "a-secret-of-sixteen-or-more"


@asynccontextmanager
async def serving(api: FakeBotApi, gate: Gate, port: int) -> AsyncIterator[str]:
    url = f"http://127.0.0.1:{port}/telegram"
    settings = settings_for(api, webhook_url=url, webhook_secret=SECRET)
    adapter = TelegramAdapter(gate, settings=settings)
    async with adapter.webhook(listen="127.0.0.1", port=port):
        try:
            yield url
        finally:
            gate.let_all_go()


async def test_a_webhook_post_is_answered_only_once_its_update_is_handled(
    fake_api: FakeBotApi, unused_tcp_port: int
) -> None:
    gate = Gate()
    async with serving(fake_api, gate, unused_tcp_port) as url:
        update = fake_api.text_update(9, "held")
        posting = asyncio.ensure_future(asyncio.to_thread(post_webhook, url, update, secret=SECRET))
        await until(lambda: gate.started == ["9"])
        await asyncio.sleep(0.3)
        assert not posting.done()  # Telegram would send it again if the bot died now

        gate.let_go(9)
        assert await posting == 200
    assert [call.text for call in fake_api.sent_to(9)] == ["answered held"]


async def test_a_webhook_update_the_library_cannot_read_is_taken_and_passed_over(
    fake_api: FakeBotApi, unused_tcp_port: int
) -> None:
    gate = Gate()
    unreadable = {"update_id": fake_api.next_update_id(), "poll": {"id": "p2", "options": []}}
    async with serving(fake_api, gate, unused_tcp_port) as url:
        assert await asyncio.to_thread(post_webhook, url, unreadable, secret=SECRET) == 200
    assert gate.started == []


# -- the whole bot, killed with updates in hand ---------------------------------------------------


async def test_updates_in_hand_when_the_bot_is_killed_are_answered_after_a_restart(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    env = {"WAYPOINT_ENCRYPTION_KEY": generate_key(), "WAYPOINT_DEFAULT_COUNTRY": "GB"}
    with bot_process(fake_api, tmp_path, "run", env=env, log_name="first.log") as first:
        fake_api.inject_text(1, "/help")
        await fake_api.wait_for_replies(1, timeout=30)  # the process starting, too
        # Each reply now lands at the fake server but its answer is slow: the bot is killed
        # after the crisis lines and the help reached Telegram, before it heard back.
        fake_api.slow_next("sendMessage", delay=30, times=2)
        fake_api.inject_text(2, CRISIS)
        fake_api.inject_text(3, "/help")
        fake_api.inject_text(3, "/topics")  # waits behind chat 3's /help: not handled yet
        await fake_api.wait_for_replies(2)
        await fake_api.wait_for_replies(3)
        await asyncio.sleep(0.5)  # the bot asks for updates a few more times meanwhile
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGKILL

    with bot_process(fake_api, tmp_path, "run", env=env, log_name="second.log"):
        await fake_api.wait_for_replies(3, count=2, timeout=30)
        await fake_api.wait_for_replies(2, count=2, timeout=30)
        await asyncio.sleep(0.5)

    texts_for = {chat: [call.text for call in fake_api.sent_to(chat)] for chat in (1, 2, 3)}
    assert len(texts_for[1]) == 1  # handled and confirmed before the kill: not again
    assert all("116 123" in text for text in texts_for[2])  # the lines again: better twice
    assert len(texts_for[2]) == 2
    help_text, topics_text = texts_for[3]  # /help not repeated; /topics not lost
    assert "bot" in help_text and topics_text.startswith("What would you like to talk about")
