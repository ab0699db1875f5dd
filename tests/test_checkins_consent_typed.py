"""The check-in set-up's "Is that okay?" (keeping its settings) answered in words (c8-07:
"yes thats fine" went to the welcome's own question instead): a plain yes agrees, in
English or glossed from another language (bot/core/talk.py)."""

from __future__ import annotations

import pytest

from tests.fakes import FakeChat


@pytest.mark.parametrize(
    "typed", ["yes thats fine", "ok yes", "sure go ahead", "sì, va bene", "sí, está bien"]
)
async def test_a_typed_yes_to_keeping_check_in_settings_agrees(chat: FakeChat, typed: str) -> None:
    await chat.send("/start")
    await chat.send("hi, i'd like to set up daily check ins in the evening if thats a thing you do")
    assert "Is that okay?" in chat.text()

    await chat.send(typed)

    assert chat.text().startswith("Check-ins are off.")
    assert "Every day" in chat.buttons()


async def test_a_typed_no_to_keeping_check_in_settings_does_not_agree(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("/checkin")

    await chat.send("no")

    assert "Every day" not in chat.buttons()
