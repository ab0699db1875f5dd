"""The check-in's mood note and what was around (issue 20): a short note kept encrypted and
shown back only in /mydata; tags picked on a harder day, counted by /progress (tags only,
never the note); skippable in one tap; typed answers understood. Through the real
Companion and the check-in sender, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from bot.checkins import around
from bot.config import load_settings
from bot.core import words
from bot.store import Store
from bot.store.tables import CheckinRow
from bot.wiring import build
from dialogues import load_library
from tests.fakes import FakeChat, every_raw_value, shipped_library
from tests.test_checkins_tick import NOW, Recorder, opted_in, sender, who

NOTE = "argued with my brother, music helped"


async def checked_in(store: Store) -> FakeChat:
    """A person opted in to check-ins, with today's check-in just sent to them."""
    await opted_in(store, 1, due=NOW - timedelta(seconds=5))
    outbox = Recorder()
    await sender(store, outbox).tick(now=NOW)
    chat = FakeChat(build(load_settings(), store, library=shipped_library()), person=who(1))
    chat.now = NOW
    [replies] = outbox.to(who(1).id)
    chat.replies.extend(replies)
    chat.last = replies
    return chat


async def tags_kept(store: Store, chat: FakeChat) -> list[tuple[int | None, tuple[str, ...]]]:
    async with store.person(chat.person, now=chat.now) as person:
        days = await person.checkin_tags(since=NOW - timedelta(days=1))
    return [(mood, tags) for mood, _, tags in days]


async def test_a_hard_day_keeps_its_note_and_tags_encrypted(store: Store) -> None:
    chat = await checked_in(store)
    await chat.tap("2")
    await chat.send(NOTE)
    await chat.tap("3")
    assert "Was any of this around today?" in chat.text()
    await chat.send("family and sleep")
    await chat.send("that's all")
    assert "Thank you for checking in." in chat.text()

    assert await tags_kept(store, chat) == [(2, ("family", "sleep"))]
    raw = await every_raw_value(store)
    assert NOTE not in raw and "family" not in raw and "sleep" not in raw


async def test_the_note_is_shown_only_in_my_data_and_progress_names_only_tags(
    store: Store,
) -> None:
    chat = await checked_in(store)
    await chat.tap("1")
    await chat.send(NOTE)
    await chat.tap("2")
    await chat.tap("Family")
    await chat.tap("That's all")
    await chat.tap("Not now")

    await chat.send("/progress")
    assert "What was around on your harder days: Family (1 of them)." in chat.text()
    assert NOTE not in chat.text() and "brother" not in chat.text()

    await chat.send("/mydata")
    assert "with a note of yours: 1" in chat.text()
    assert NOTE not in chat.text()  # the summary counts notes; the file holds them
    document = chat.first.document
    assert document is not None
    [checkin] = json.loads(document[1])["checkins"]
    assert (checkin["note"], checkin["around"], checkin["mood"]) == (NOTE, ["family"], 1)

    await chat.send("/delete")
    await chat.tap("Yes, erase everything")
    async with store.session() as session:
        assert await session.scalar(select(func.count()).select_from(CheckinRow)) == 0


async def test_what_was_around_is_skipped_in_one_tap(store: Store) -> None:
    chat = await checked_in(store)
    await chat.tap("2")
    await chat.tap("Skip")
    await chat.tap("0")
    await chat.tap("Skip")

    assert "Thank you for checking in." in chat.text()
    assert await tags_kept(store, chat) == [(2, ())]


async def test_good_days_and_strong_urges_are_not_asked_what_was_around(store: Store) -> None:
    chat = await checked_in(store)
    await chat.tap("4")
    await chat.tap("Skip")
    await chat.tap("2")
    assert "around today" not in chat.text()

    chat = await checked_in_again(store, chat)
    await chat.tap("1")
    await chat.tap("Skip")
    await chat.tap("8")
    assert "around today" not in chat.text()
    assert "Would you like some help with it now?" in chat.text()  # help comes first


async def checked_in_again(store: Store, chat: FakeChat) -> FakeChat:
    """Tomorrow's check-in, for the same person."""
    async with store.person(chat.person, now=NOW) as person:
        await person.schedule("checkin", due_at=NOW + timedelta(days=1))
    outbox = Recorder()
    later = NOW + timedelta(days=1, seconds=5)
    await sender(store, outbox).tick(now=later)
    [replies] = outbox.to(who(1).id)
    chat.now = later
    chat.replies.extend(replies)
    chat.last = replies
    return chat


def test_progress_counts_tags_only_on_harder_days_most_often_first() -> None:
    days = [
        (1, 2, ("sleep", "family")),
        (2, 9, ("family",)),
        (5, 0, ("friends",)),  # a good day: not counted
        (None, 3, ("online",)),  # no mood given: not counted
        (2, 1, ("an old tag", "family", "family")),
    ]
    assert around.harder_days(days) == ["Family (3 of them)", "Sleep (1 of them)"]
    assert around.line([(4, 0, ("friends",))]) is None
    assert around.line([]) is None


def test_the_check_in_offers_exactly_the_tags_the_words_name() -> None:
    flow = load_library().flows["checkin"]
    for node_id in ("around_q", "around_more"):
        offered = {
            choice.collect.value: choice.label
            for choice in flow.nodes[node_id].choices or ()
            if choice.collect is not None
        }
        assert offered == words.CHECKIN_TAGS, node_id
