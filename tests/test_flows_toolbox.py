"""The toolbox (issue 20): an idea is kept once tried or when the person asks, "Try one now"
rates the one tried, and ideas can be hidden (kept, out of suggestions and the safety plan,
shown again at will) or taken out for good. Through the real Companion and store (hiding
on SQLite and PostgreSQL), and each new part reached from the topics by tapping and typing."""

from __future__ import annotations

import json

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


async def hidden(store: Store, chat: FakeChat) -> dict[str, bool]:
    async with store.person(chat.person, now=chat.now) as person:
        return {entry.text: entry.hidden for entry in await person.entries("toolbox")}


async def with_toolbox(store: Store, chat: FakeChat, *ideas: str) -> None:
    await started(chat)
    async with store.person(chat.person, now=chat.now) as person:
        for idea in ideas:
            await person.add_entry("toolbox", idea, now=chat.now, replace=False)


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


async def test_a_hidden_idea_is_kept_but_left_out_of_suggestions_and_the_plan(
    store: Store,
) -> None:
    chat = FakeChat.on(store)
    await with_toolbox(store, chat, "Drawing or scribbling", "Going for a walk")
    await chat.send("/toolbox")
    await chat.send("hide drawing")

    assert "hidden" in chat.text()
    assert await hidden(store, chat) == {
        "Going for a walk": False,
        "Drawing or scribbling": True,
    }
    await chat.send("/toolbox")
    assert "• Drawing or scribbling (hidden)" in chat.text()
    assert "See hidden ideas" in chat.buttons()
    await chat.tap("Try one now")
    assert "Drawing or scribbling" not in chat.buttons()
    assert "Going for a walk" in chat.buttons()

    await chat.send("/plan")
    await chat.tap("Let's make one")
    await chat.tap("Skip this step")
    await chat.tap("Next step")
    assert "Going for a walk" in chat.buttons()
    assert "Drawing or scribbling" not in chat.buttons()


async def test_with_every_idea_hidden_the_plan_asks_for_ones_own_and_the_toolbox_shows_them(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await with_toolbox(sqlite_store, chat, "Going for a walk")
    await chat.send("/toolbox")
    await chat.send("hide walk")

    await chat.send("/plan")
    await chat.tap("Let's make one")
    await chat.tap("Skip this step")
    await chat.tap("Next step")
    assert "ideas from your toolbox" not in chat.text()
    assert "For example music" in chat.text()

    await chat.send("/toolbox")
    assert "• Going for a walk (hidden)" in chat.text()
    assert "See hidden ideas" in chat.buttons()


async def test_a_hidden_idea_can_be_shown_again(store: Store) -> None:
    chat = FakeChat.on(store)
    await with_toolbox(store, chat, "Drawing or scribbling", "Going for a walk")
    await chat.send("/toolbox")
    await chat.tap("Hide one for now")
    await chat.tap("Going for a walk")
    assert (await hidden(store, chat))["Going for a walk"] is True

    await chat.send("/toolbox")
    await chat.tap("See hidden ideas")
    assert chat.buttons()[0] == "Going for a walk"
    await chat.send("walk")

    assert await hidden(store, chat) == {
        "Drawing or scribbling": False,
        "Going for a walk": False,
    }
    await chat.send("/toolbox")
    assert "See hidden ideas" not in chat.buttons()


async def test_an_idea_is_removed_for_good_by_typing(store: Store) -> None:
    chat = FakeChat.on(store)
    await with_toolbox(store, chat, "Ice in my hand", "Music that calms me")
    await chat.send("/toolbox")
    await chat.send("remove ice from my toolbox")
    assert "for good" in chat.text()
    await chat.send("yes")

    assert await kept(store, chat, "toolbox") == [("Music that calms me", None)]


async def test_my_data_shows_a_hidden_idea_as_hidden_and_delete_erases_it(store: Store) -> None:
    chat = FakeChat.on(store)
    await with_toolbox(store, chat, "Drawing or scribbling", "Going for a walk")
    await chat.send("/toolbox")
    await chat.send("hide drawing")

    await chat.send("/mydata")
    assert "toolbox: Drawing or scribbling (hidden)" in chat.text()
    assert "toolbox: Going for a walk\n" in chat.text()
    document = chat.first.document
    assert document is not None
    exported = {e["text"]: e["hidden"] for e in json.loads(document[1])["kept"]}
    assert exported == {"Drawing or scribbling": True, "Going for a walk": False}

    await chat.send("/delete")
    await chat.tap("Yes, erase everything")
    assert not await store.has_person(chat.person)


LISTED = dialogues.Facts(
    flags={"consent": True, "country_set": True},
    counts={"toolbox": 3},
    entries={"toolbox": ("Going for a walk", "Music that calms me")},
    hidden={"toolbox": ("Drawing or scribbling",)},
)
NEW_PARTS = (
    "toolbox:try_pick", "toolbox:drop_pick", "toolbox:drop_check", "toolbox:dropped",
    "toolbox:add_kept", "toolbox:rate", "toolbox:hide_pick", "toolbox:hidden",
    "toolbox:unhide_pick", "toolbox:shown_again", "toolbox:drop_hidden_pick",
    "toolbox:drop_hidden_check",
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
        (("my things", "toolbox", "hide walk"), "toolbox:hidden"),
        (("my things", "toolbox", "hide", "music"), "toolbox:hidden"),
        (("my things", "toolbox", "remove music from my toolbox"), "toolbox:drop_check"),
        (("my things", "toolbox", "show hidden ideas", "drawing"), "toolbox:shown_again"),
        (("my things", "toolbox", "bring back", "remove", "drawing", "yes"), "toolbox:dropped"),
    ],
)
def test_each_new_part_can_be_reached_from_the_topics_menu_by_typing(
    said_in_turn: tuple[str, ...], node: str
) -> None:
    assert where(typing(*said_in_turn, facts=LISTED)) == node


def test_the_toolbox_is_still_a_draft() -> None:
    assert shipped_library().flows["toolbox"].review.status == "draft"
