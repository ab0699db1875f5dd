"""A country typed or asked about just after crisis lines (a flow's, or /sos): set, and
that country's lines shown (bot/core/choices.py, bot/core/before_the_step.py)."""

from __future__ import annotations

from tests.fakes import FakeChat


async def test_a_country_typed_after_a_flow_showed_lines_shows_that_countrys_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("I need help now")
    assert "Support in Canada" not in chat.text()

    await chat.send("we live in canada")

    assert "Support in Canada" in chat.text()
    assert "988" in chat.text()


async def test_a_country_typed_with_no_lines_shown_lately_only_sets_it(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("we live in canada")

    assert "Canada" in chat.text()
    assert "988" not in chat.text()


async def test_a_country_asked_about_just_after_the_lines_shows_its_lines(chat: FakeChat) -> None:
    await chat.send("/sos")

    await chat.send("is there like a uk one")

    assert "Samaritans" in chat.text()
