"""Many updates from one person at once: handled one at a time, in order, nothing lost."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.config import load_settings
from bot.core.companion import Companion
from bot.core.locks import KeyedLocks
from bot.messages import Incoming, Person, Platform, Reply
from bot.store import Store
from bot.store.tables import EntryRow, PersonRow
from bot.wiring import build
from tests.fakes import START, shipped_library

# (kind, value): what one person does, in order. Stale taps and a crisis message included.
SCRIPT: list[tuple[str, str]] = [
    ("command", "start"),
    ("choice", "welcome.hello.1"),
    ("choice", "welcome.privacy.1"),
    ("choice", "welcome.hello.1"),  # a stale tap
    ("choice", "welcome.country_q.2"),
    ("choice", "welcome.checkins_q.2"),
    ("command", "toolbox"),
    ("choice", "toolbox.empty.2"),
    ("text", "singing loudly"),
    ("text", "i want to kill myself"),
    ("choice", "!resume"),
    ("command", "toolbox"),
    ("choice", "toolbox.show_list_after.2"),
    ("choice", "toolbox.add.2"),
    ("text", "a warm shower"),
    ("choice", "toolbox.empty.2"),  # stale again
    ("command", "toolbox"),
    ("choice", "toolbox.show_list_after.2"),
    ("choice", "toolbox.add.2"),
    ("text", "calling my sister"),
]


def companion_on(store: Store) -> Companion:
    settings = load_settings(waypoint_default_country="GB")
    companion = build(settings, store, library=shipped_library())
    return companion


def incomings(person: Person, script: list[tuple[str, str]]) -> list[Incoming]:
    """The script as Incoming values a minute apart (so flood control never steps in)."""
    return [
        Incoming(person, START + timedelta(minutes=n), **{kind: value})  # type: ignore[arg-type]
        for n, (kind, value) in enumerate(script)
    ]


def texts(replies: list[list[Reply]]) -> list[list[str]]:
    return [[reply.text for reply in batch] for batch in replies]


async def state_of(store: Store, person: Person) -> tuple[dict[str, Any] | None, int, int]:
    """The person's flow state, how many transactions wrote them, how many entries they keep."""
    async with store.person(person, now=START) as record:
        state = record.flow_state
    async with store.session() as session:
        row = (await session.scalars(select(PersonRow).where(PersonRow.id == record.id))).one()
        entries = await session.scalar(
            select(func.count()).select_from(EntryRow).where(EntryRow.person_id == row.id)
        )
    return state, row.version - 1, int(entries or 0)


@pytest.fixture
async def second_store(store: Store) -> AsyncIterator[Store]:
    """Another engine on the same database, as a second instance of the bot would have."""
    url = store.engine.url.render_as_string(hide_password=False)
    other = Store.open(url, vault=store.vault)
    try:
        yield other
    finally:
        await other.close()


async def test_updates_fired_at_once_end_exactly_as_one_by_one(store: Store) -> None:
    companion = companion_on(store)
    one_by_one = Person(Platform.TELEGRAM, "1001")
    at_once = Person(Platform.TELEGRAM, "1002")

    sequential = [await companion.handle(i) for i in incomings(one_by_one, SCRIPT)]
    concurrent = await asyncio.gather(*map(companion.handle, incomings(at_once, SCRIPT)))

    assert texts(list(concurrent)) == texts(sequential)
    expected = await state_of(store, one_by_one)
    assert await state_of(store, at_once) == expected
    assert expected[1] == len(SCRIPT) and expected[2] == 3  # three things kept


async def test_two_instances_never_both_act_on_the_same_state(
    store: Store, second_store: Store
) -> None:
    instances = [companion_on(store), companion_on(second_store)]
    person = Person(Platform.TELEGRAM, "1003")
    for incoming in incomings(person, [("command", "start")]):
        await instances[0].handle(incoming)
    taps = incomings(person, [("choice", "welcome.hello.1")] * 16)

    replies = await asyncio.gather(
        *(instances[n % 2].handle(incoming) for n, incoming in enumerate(taps))
    )

    moved_on = [batch for batch in replies if batch[0].text.startswith("What I can do")]
    stale = [batch for batch in replies if batch[0].text.startswith("That button was from")]
    assert len(moved_on) == 1 and len(stale) == len(taps) - 1
    state, writes, _ = await state_of(store, person)
    assert state is not None and state["node"] == "privacy"
    assert writes == 1 + len(taps)  # no transaction overwrote another


async def test_a_lock_is_forgotten_once_nobody_holds_or_waits_for_it() -> None:
    locks = KeyedLocks()
    order: list[int] = []

    async def hold(n: int) -> None:
        async with locks.hold("person"):
            order.append(n)
            await asyncio.sleep(0)

    await asyncio.gather(*(hold(n) for n in range(5)))

    assert order == [0, 1, 2, 3, 4]
    assert len(locks) == 0
