"""The safety plan (issue 20): step 2 filled from the toolbox and step 4 from the safe people,
entries changed or taken out, and a copy to keep outside the bot (a picture and a text). Through
the real Companion and store, and each new part reached from the topics by tapping and typing."""

from __future__ import annotations

import pytest

import dialogues
from bot.core import words
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


async def test_the_plan_takes_step_2_from_the_toolbox_and_step_4_from_safe_people(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    async with sqlite_store.person(chat.person, now=chat.now) as person:
        await person.add_entry("toolbox", "Going for a walk", now=chat.now, replace=False)
        await person.add_entry("safe_people", "my aunt Jo", now=chat.now, replace=False)

    await chat.send("/plan")
    await chat.tap("Let's make one")
    await chat.tap("Skip this step")
    await chat.tap("Next step")
    await chat.tap("Going for a walk")
    await chat.tap("Next step")
    await chat.tap("Skip this step")
    await chat.tap("Next step")
    await chat.tap("my aunt Jo")

    assert await kept(sqlite_store, chat, "plan_coping") == [("Going for a walk", None)]
    assert await kept(sqlite_store, chat, "plan_helpers") == [("my aunt Jo", None)]


async def test_a_plan_entry_can_be_taken_out_or_written_again(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    async with sqlite_store.person(chat.person, now=chat.now) as person:
        for sign in ("I can't sleep", "I stop answering my friends"):
            await person.add_entry("plan_warning_signs", sign, now=chat.now, replace=False)

    await chat.send("/plan")
    await chat.tap("Change or take out")
    await chat.tap("Warning signs")
    await chat.tap("I can't sleep")
    await chat.tap("Take it out")
    await chat.tap("Change something else")
    await chat.tap("Warning signs")
    await chat.tap("I stop answering my friends")
    await chat.tap("Write it again")
    await chat.send("I stop answering messages")

    assert await kept(sqlite_store, chat, "plan_warning_signs") == [
        ("I stop answering messages", None)
    ]


async def test_a_copy_of_the_plan_is_a_picture_to_save_and_a_text_to_forward(
    chat: FakeChat, sqlite_store: Store
) -> None:
    await started(chat)
    await chat.press("!country:GB")
    async with sqlite_store.person(chat.person, now=chat.now) as person:
        await person.add_entry("plan_coping", "Going for a walk", now=chat.now, replace=False)
        await person.add_entry("plan_helpers", "my aunt Jo", now=chat.now, replace=False)

    await chat.send("/plan")
    await chat.tap("Keep a copy")

    pictures = [reply for reply in chat.last if reply.image is not None]
    assert len(pictures) == 1 and pictures[0].image is not None
    assert pictures[0].image.startswith(b"\x89PNG")
    to_send = next(r.text for r in chat.last if r.text.startswith(words.PLAN_COPY_TEXT_INTRO))
    assert "• Going for a walk" in to_send and "• my aunt Jo" in to_send
    assert "Samaritans" in to_send
    assert "See my plan" in chat.buttons()


async def test_without_consent_nothing_is_kept_and_no_copy_is_made(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("No, don't keep anything")
    await chat.send("/plan")
    assert "Keep a copy" not in chat.buttons()
    assert all(reply.image is None for reply in chat.replies)


LISTED = dialogues.Facts(
    flags={"consent": True, "country_set": True},
    counts={"toolbox": 2, "safe_people": 1, "plan_coping": 1, "plan_reasons": 1},
    entries={
        "toolbox": ("Going for a walk", "Music that calms me"),
        "safe_people": ("my aunt Jo",),
        "plan_coping": ("Going for a walk",),
        "plan_reasons": ("my cat",),
    },
)
NEW_PARTS = (
    "safety_plan:coping_from", "safety_plan:helpers_from",
    "safety_plan:edit_pick", "safety_plan:ed_cope_do", "safety_plan:ed_why_do",
    "safety_plan:edited", "safety_plan:copy_after",
)  # fmt: skip


def test_each_new_part_can_be_reached_from_the_topics_menu_by_tapping() -> None:
    reached = nodes_reached_from_topics(facts=LISTED)
    assert {n for n in NEW_PARTS if n not in reached} == set()


@pytest.mark.parametrize(
    ("said_in_turn", "node"),
    [
        (("my things", "safety plan", "change"), "safety_plan:edit_pick"),
        (("my things", "safety plan", "change", "alone", "walk"), "safety_plan:ed_cope_do"),
        (("my things", "safety plan", "edit", "reasons", "cat", "take out"), "safety_plan:edited"),
        (("my things", "safety plan", "add", "alone"), "safety_plan:coping_from"),
        (("my things", "safety plan", "add", "helpers"), "safety_plan:helpers_from"),
        (("my things", "safety plan", "copy"), "safety_plan:copy_after"),
        (("my things", "safety plan", "see", "keep a copy"), "safety_plan:copy_after"),
    ],
)
def test_each_new_part_can_be_reached_from_the_topics_menu_by_typing(
    said_in_turn: tuple[str, ...], node: str
) -> None:
    assert where(typing(*said_in_turn, facts=LISTED)) == node


def test_the_copy_is_asked_for_and_nothing_is_kept_by_typing_a_skip() -> None:
    copied = typing("copy", at="safety_plan:returning", facts=LISTED)
    assert dialogues.Effect("copy", {"what": "safety_plan"}) in copied.effects
    assert shipped_library().flows["safety_plan"].review.status == "draft"
