"""Two webhook instances on one PostgreSQL database, taking turns with the same people's updates."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.store.vault import Vault, generate_key
from tests.fake_bot_api import (
    Call,
    FakeBotApi,
    bot_process,
    free_port,
    post_webhook,
    wait_for_port,
)
from tests.fakes import people_in

SECRET = "scale-out-secret-for-tests"
PEOPLE = [880300 + n for n in range(6)]
CRISIS_TEXT = "i want to kill myself"
# What each person does, in order: ("text", words) or ("tap", the label of a button shown).
SCRIPT = [
    ("text", "/start"),
    ("tap", "Tell me more"),
    ("tap", "Yes, that's okay"),
    ("text", CRISIS_TEXT),
    ("tap", "Go back to where we were"),
    ("tap", "Skip this"),
    ("tap", "Not now"),
    ("text", "/toolbox"),
    ("tap", "Add my own idea"),
    ("text", "singing loudly"),
]
# The first words of the reply each step must bring, in this order.
EXPECTED = [
    "Hi, I'm Waypoint.",
    "What I can do:",
    "Thank you. You can change your mind",
    "I'm a bot, so I can't send help",
    "Back to my question: which country are you in?",  # asked before the lines
    "I can also check in with you",
    "That's all set.",
    "Your toolbox is empty for now.",
    "What's something that helps you",
    "Added to your toolbox.",
]


@dataclass
class Instance:
    url: str
    key: str


@pytest.fixture
def instances(fake_api: FakeBotApi, tmp_path: Path, database: str) -> Iterator[list[Instance]]:
    """Two `python -m bot run --webhook` processes sharing the database and the key."""
    key = generate_key()
    shared = {"DATABASE_URL": database, "WAYPOINT_ENCRYPTION_KEY": key}
    with ExitStack() as stack:
        running = []
        for number in (1, 2):
            port = free_port()
            url = f"http://127.0.0.1:{port}/telegram"
            env = {**shared, "WEBHOOK_URL": url, "WEBHOOK_SECRET": SECRET, "PORT": str(port)}
            log = f"instance{number}.log"
            stack.enter_context(
                bot_process(fake_api, tmp_path, "run", "--webhook", env=env, log_name=log)
            )
            running.append((Instance(url, key), port))
        for _, port in running:
            wait_for_port(port)
        yield [instance for instance, _ in running]


async def test_people_taking_turns_across_two_instances_get_every_reply_in_order(
    fake_api: FakeBotApi, instances: list[Instance], database: str
) -> None:
    firsts: dict[int, list[str]] = {chat: [] for chat in PEOPLE}
    for step, (kind, value) in enumerate(SCRIPT):
        counts = {chat: len(fake_api.sent_to(chat)) for chat in PEOPLE}
        updates = [
            (instances[(n + step) % 2], _update(fake_api, chat, kind, value))
            for n, chat in enumerate(PEOPLE)
        ]
        statuses = await asyncio.gather(
            *(asyncio.to_thread(post_webhook, i.url, u, secret=SECRET) for i, u in updates)
        )
        assert statuses == [200] * len(PEOPLE)
        answers = await asyncio.gather(
            *(fake_api.wait_for_quiet(c, after=counts[c], quiet=0.2, timeout=20) for c in PEOPLE)
        )
        for chat, new in zip(PEOPLE, answers, strict=True):
            firsts[chat].append(new[0].text)

    for chat in PEOPLE:
        said = [reply[: len(start)] for reply, start in zip(firsts[chat], EXPECTED, strict=True)]
        assert said == EXPECTED
    rows = await people_in(database)
    vault = Vault([instances[0].key])
    assert sorted(int(vault.decrypt(row.id_secret)) for row in rows) == PEOPLE
    assert all(row.consent_at is not None and row.version == len(SCRIPT) for row in rows)


async def test_a_double_tap_landing_on_both_instances_is_acted_on_once(
    fake_api: FakeBotApi, instances: list[Instance], database: str
) -> None:
    for chat in PEOPLE:
        post_webhook(instances[0].url, fake_api.text_update(chat, "/start"), secret=SECRET)
    await asyncio.gather(*(fake_api.wait_for_quiet(c, quiet=0.2, timeout=20) for c in PEOPLE))

    taps = [
        (instance, _update(fake_api, chat, "tap", "Tell me more"))
        for chat in PEOPLE
        for instance in instances
    ]
    await asyncio.gather(
        *(asyncio.to_thread(post_webhook, i.url, u, secret=SECRET) for i, u in taps)
    )
    for chat in PEOPLE:
        await fake_api.wait_for_sent(
            lambda call, chat=chat: call.chat_id == chat and call.text.startswith("That button"),
            timeout=20,
        )
    await asyncio.gather(*(fake_api.wait_for_quiet(c, quiet=0.2, timeout=20) for c in PEOPLE))

    for chat in PEOPLE:
        replies = [call.text for call in fake_api.sent_to(chat)]
        assert sum(reply.startswith("What I can do:") for reply in replies) == 1
    rows = await people_in(database)
    assert all(row.version == 3 for row in rows)  # /start and both taps, none overwritten


def _update(api: FakeBotApi, chat: int, kind: str, value: str) -> dict[str, Any]:
    if kind == "text":
        return api.text_update(chat, value)
    message_id, data = _button(api.sent_to(chat), value)
    return api.tap_update(chat, message_id, data)


def _button(calls: list[Call], label: str) -> tuple[int, str]:
    for call in reversed(calls):
        for row in call.buttons:
            for found in row:
                if found["text"] == label and call.message_id is not None:
                    return call.message_id, str(found["callback_data"])
    raise AssertionError(f"no button {label!r} was sent")
