"""Killed with SIGKILL mid-conversation, `python -m bot run` carries on from the same step."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from bot.core import words
from bot.store.vault import generate_key
from tests.fake_bot_api import Call, FakeBotApi, bot_process

CHAT = 880101


def button(calls: list[Call], label: str) -> tuple[int, str]:
    """The message id and callback data of the latest button with this label."""
    for call in reversed(calls):
        for row in call.buttons:
            for found in row:
                if found["text"] == label and call.message_id is not None:
                    return call.message_id, str(found["callback_data"])
    raise AssertionError(f"no button {label!r} was sent")


async def tap(api: FakeBotApi, label: str) -> list[Call]:
    before = len(api.sent_to(CHAT))
    update_id = api.inject_tap(CHAT, *button(api.sent_to(CHAT), label))
    sent = await api.wait_for_quiet(CHAT, after=before, quiet=0.3, timeout=30)
    await _confirmed(api, update_id)
    return sent


async def _confirmed(api: FakeBotApi, update_id: int, *, timeout: float = 10) -> None:
    """Wait until the bot has asked for updates past `update_id` (Telegram forgets it then)."""
    deadline = time.monotonic() + timeout
    while not any(
        int(call.params.get("offset") or 0) > update_id for call in api.calls_to("getUpdates")
    ):
        if time.monotonic() > deadline:
            raise AssertionError(f"update {update_id} was never confirmed")
        await asyncio.sleep(0.02)


async def test_after_a_sigkill_the_person_carries_on_from_the_same_step(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    env = {"WAYPOINT_ENCRYPTION_KEY": generate_key()}
    with bot_process(fake_api, tmp_path, "run", env=env, log_name="first.log") as first:
        fake_api.inject_text(CHAT, "/start")
        await fake_api.wait_for_quiet(CHAT, quiet=0.3, timeout=30)
        await tap(fake_api, "Tell me more")
        await tap(fake_api, "Yes, that's okay")
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGKILL

    with bot_process(fake_api, tmp_path, "run", env=env, log_name="second.log"):
        replies = await tap(fake_api, "Skip this")
        again = await tap(fake_api, "Tell me more")  # a button from before the crash

    # The step after the one saved before the kill, and the state still knows where it is.
    assert replies[0].text.startswith("I can also check in with you once a day")
    assert again[0].text.startswith("That button was from earlier")
    # Resumed where it was: the step's last bubble (or, just said, a shorter line) and the
    # same buttons.
    last = again[-1].text.split("\n\n")[-1]
    assert last in (replies[-1].text.split("\n\n")[-1], *words.MENU_AGAIN)
    assert again[-1].buttons == replies[-1].buttons
