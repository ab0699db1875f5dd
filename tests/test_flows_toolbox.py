"""The toolbox (issue 20): an idea is kept once tried or when the person asks, "Try one now"
rates the one tried, and ideas can be taken out. Through the real Companion and store, and
each new part reached from the topics by tapping and by typing."""

from __future__ import annotations

import pytest

import dialogues
from bot.store import Store
from tests.fakes import FakeChat, shipped_library
from tests.test_flows_content import typing, where
from tests.test_flows_reach import nodes_reached_from_topics


async def started(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")


async def kept(store: Store, chat: FakeChat, field: str) -> list[tuple[str, int | None]]:
    async with store.person(chat.person, now=chat.now) as person:
        return [(entry.text, entry.rating) for entry in await person.entries(field)]


async def test_an_idea_picked_is_not_kept_until_tried_then_kept_with_its_rating(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    await chat.send("/toolbox")
    await chat.tap("Find ideas to try")
    await chat.tap("To calm down")
    await chat.tap("Cold water on my face")
    assert await kept(sqlite_store, chat, "toolbox") == []

    await chat.tap("Try it now")
    await chat.tap("I tried it")
    await chat.tap("4")

    assert await kept(sqlite_store, chat, "toolbox") == [("Cold water on my face", 4)]


async def test_try_one_now_rates_the_one_chosen_and_the_best_comes_first(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    for idea in ("singing loudly", "a warm shower"):
        await chat.send("/toolbox")
        await chat.tap("Add my own idea" if idea == "singing loudly" else "Add an idea")
        if idea != "singing loudly":
            await chat.tap("Type my own")
        await chat.send(idea)
    assert await kept(sqlite_store, chat, "toolbox") == [
        ("singing loudly", None),
        ("a warm shower", None),
    ]

    await chat.send("/toolbox")
    await chat.tap("Try one now")
    assert chat.buttons()[:2] == ["singing loudly", "a warm shower"]
    await chat.send("warm shower")
    await chat.send("I tried it")
    await chat.send("5")

    assert await kept(sqlite_store, chat, "toolbox") == [
        ("a warm shower", 5),
        ("singing loudly", None),
    ]


async def test_an_idea_can_be_taken_out_and_the_rest_stay(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    await chat.send("/toolbox")
    await chat.tap("Add my own idea")
    await chat.send("singing loudly")
    await chat.tap("Pick another idea")
    await chat.tap("To calm down")
    await chat.tap("Going for a walk")
    await chat.tap("Add it to my toolbox")

    await chat.send("/toolbox")
    await chat.tap("Take one out")
    await chat.tap("singing loudly")
    await chat.tap("Yes, take it out")

    assert await kept(sqlite_store, chat, "toolbox") == [("Going for a walk", None)]


LISTED = dialogues.Facts(
    flags={"consent": True, "country_set": True},
    counts={"toolbox": 2},
    entries={"toolbox": ("Going for a walk", "Music that calms me")},
)
NEW_PARTS = (
    "toolbox:try_pick", "toolbox:drop_pick", "toolbox:drop_check", "toolbox:dropped",
    "toolbox:add_kept", "toolbox:rate",
)  # fmt: skip


def test_each_new_part_can_be_reached_from_the_topics_menu_by_tapping() -> None:
    reached = nodes_reached_from_topics(facts=LISTED)
    assert {n for n in NEW_PARTS if n not in reached} == set()


@pytest.mark.parametrize(
    ("said_in_turn", "node"),
    [
        (("my things", "toolbox", "try one now", "walk"), "toolbox:try_it"),
        (("my things", "toolbox", "try one now", "music", "done"), "toolbox:rate"),
        (("my things", "toolbox", "remove", "music", "yes"), "toolbox:dropped"),
        (("my things", "toolbox", "add", "ideas", "calm", "walk", "add"), "toolbox:add_kept"),
    ],
)
def test_each_new_part_can_be_reached_from_the_topics_menu_by_typing(
    said_in_turn: tuple[str, ...], node: str
) -> None:
    assert where(typing(*said_in_turn, facts=LISTED)) == node


def test_the_toolbox_is_still_a_draft() -> None:
    assert shipped_library().flows["toolbox"].review.status == "draft"
