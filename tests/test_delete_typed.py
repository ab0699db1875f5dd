"""/delete in words (bot/core/delete_typed.py): asked for, answered and checked on by
typing, and while "Erase it all?" is open nothing typed goes to an earlier topic's step."""

from __future__ import annotations

import pytest

from bot.core.delete_typed import read
from tests.fakes import FakeChat


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("yes erase it", "erase"),
        ("yes", "erase"),
        ("delete", "erase"),
        ("no keep it", "keep"),
        ("no don't delete it", "keep"),
        ("cancel", "keep"),
        ("what?", "ask"),
        ("what does that erase", "ask"),
        ("hello", None),
        ("did you delete it?", "check"),
    ],
)
def test_the_answer_to_erase_it_all_typed(typed: str, reading: str | None) -> None:
    assert read(typed, asked=True) == reading


@pytest.mark.parametrize(
    "typed", ["delete", "delete my data", "Please delete all of it, including that I was ever here"]
)
def test_asking_to_erase_ones_data_in_words_asks_the_question(typed: str) -> None:
    assert read(typed, asked=False) == "ask"


@pytest.mark.parametrize("typed", ["delete the idk one", "take out the idk one", "yes", "no"])
def test_other_words_ask_nothing_about_erasing(typed: str) -> None:
    assert read(typed, asked=False) is None


async def test_erase_everything_typed_from_inside_a_topic(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("Part of me doesn't want to stop")
    await chat.tap("Look at both sides")  # a step that keeps what is typed

    await chat.send("delete")
    assert "Erase it all?" in chat.text()
    await chat.send("what?")
    assert "erase it all?" in chat.text().lower()  # asked again, not the step

    await chat.send("yes erase it")
    assert chat.text().startswith("Done. Everything I kept about you is erased.")

    await chat.send("did you delete it?")
    assert "/mydata" in chat.text()


async def test_a_no_typed_keeps_everything(chat: FakeChat) -> None:
    await chat.send("/delete")
    await chat.send("no keep it")

    assert chat.text() == "Okay, nothing was erased."
