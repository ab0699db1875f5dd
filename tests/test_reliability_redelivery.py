"""No update is lost when the bot dies: Telegram forgets one only once it has been handled,
and one that comes again after a crash is recognised (bot/telegram_adapter/polling.py,
Companion rule 7)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.messages import Incoming, Person, Platform, Reply, ReplyKind
from bot.store import Store
from bot.telegram_adapter import CONCURRENT_UPDATES, TelegramAdapter
from bot.telegram_adapter.polling import FIRST_PAUSE, LONGEST_PAUSE, MAX_SPAN, pause_after
from bot.vault import generate_key
from tests.fake_bot_api import FakeBotApi, bot_process
from tests.fakes import START, FakeChat
from tests.fixtures_telegram import settings_for

CRISIS = "i want to kill myself"
ALEX = Person(Platform.TELEGRAM, "5150")


# -- the Companion: an update that comes again --------------------------------------------------


def arrives(delivery: int | None, *, days: float = 0, **what: str) -> Incoming:
    return Incoming(ALEX, START + timedelta(days=days), delivery=delivery, **what)


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

    assert [reply.kind for reply in first] == [ReplyKind.CRISIS]
    assert [reply.kind for reply in again] == [ReplyKind.CRISIS]
    assert "116 123" in again[0].text


async def test_numbers_starting_afresh_after_a_quiet_week_are_new_updates(
    sqlite_store: Store,
) -> None:
    companion = FakeChat.on(sqlite_store).companion
    await companion.handle(arrives(900_000, command="start"))

    later = await companion.handle(arrives(17, command="help", days=8))

    assert later and "bot" in later[0].text


async def test_updates_without_a_number_are_always_handled(sqlite_store: Store) -> None:
    companion = FakeChat.on(sqlite_store).companion
    first = await companion.handle(arrives(None, command="help"))
    again = await companion.handle(arrives(None, command="help"))

    assert first and again == first


# -- the poller: an update is confirmed only once handled ----------------------------------------


class Gate:
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


# -- the whole bot, killed with updates in hand ---------------------------------------------------


async def test_updates_in_hand_when_the_bot_is_killed_are_answered_after_a_restart(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    env = {"WAYPOINT_ENCRYPTION_KEY": generate_key(), "WAYPOINT_DEFAULT_COUNTRY": "GB"}
    with bot_process(fake_api, tmp_path, "run", env=env, log_name="first.log") as first:
        fake_api.inject_text(1, "/help")
        await fake_api.wait_for_replies(1)
        # Each reply now lands at the fake server but its answer is slow: the bot is killed
        # after the crisis lines and the help reached Telegram, before it heard back.
        fake_api.slow_next("sendMessage", delay=30, times=2)
        fake_api.inject_text(2, CRISIS)
        fake_api.inject_text(3, "/help")
        fake_api.inject_text(3, "/sos")  # waits behind chat 3's /help: not handled yet
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
    help_text, sos_text = texts_for[3]  # /help not repeated; /sos not lost
    assert "bot" in help_text and "116 123" in sos_text
