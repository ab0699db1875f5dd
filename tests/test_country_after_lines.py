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


async def test_a_country_said_with_the_one_it_is_not_shows_only_its_lines_and_keeps_it(
    chat: FakeChat,
) -> None:
    # c5-04, a mother in Australia shown UK lines by the default country
    await chat.send("/sos")

    await chat.send("We're in Australia btw, not the UK. Is there an Aussie line for parents?")

    assert "000" in chat.text() and "Lifeline" in chat.text()
    assert "Samaritans" not in chat.text()

    await chat.send(
        "Why are you showing me UK numbers?? And I'm not in danger, my daughter isn't either."
    )

    assert not chat.is_crisis()
    assert "Samaritans" not in chat.text() and "999" not in chat.text()

    await chat.send("/sos")

    assert "000" in chat.first.text
