"""One menu a turn: a step that opens one of the core's screens (the country picker, the
check-in settings) shows that screen as the menu, with the step's own "Carry on" on it."""

from __future__ import annotations

from bot.core.flows import one_menu
from bot.messages import Option, Reply, ReplyKind
from tests.fakes import FakeChat


def menus(chat: FakeChat) -> list[Reply]:
    return [reply for reply in chat.last if reply.options]


async def welcome_to_the_country_question(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")


async def test_picking_a_country_in_the_welcome_shows_one_menu_with_carry_on(
    chat: FakeChat,
) -> None:
    await welcome_to_the_country_question(chat)
    await chat.tap("Pick my country")

    assert len(menus(chat)) == 1
    assert "Brazil" in chat.buttons() and chat.buttons()[-1] == "Carry on"
    await chat.tap("Carry on")
    assert "Set up check-ins" in chat.buttons()


async def test_setting_up_check_ins_in_the_welcome_shows_one_menu(chat: FakeChat) -> None:
    await welcome_to_the_country_question(chat)
    await chat.tap("Skip this")
    await chat.tap("Set up check-ins")

    assert len(menus(chat)) == 1
    assert chat.buttons().count("Carry on") == 1


def test_crisis_lines_after_a_step_keep_the_steps_buttons_where_they_are() -> None:
    replies = [
        Reply("step", options=(Option("f.n.1", "Carry on"),)),
        Reply(
            "lines",
            options=(Option("x", "Call", url="https://example.org"),),
            kind=ReplyKind.CRISIS,
        ),
    ]
    assert one_menu(replies, flow_said=[0]) == replies


def test_a_step_alone_keeps_its_buttons() -> None:
    replies = [Reply("one"), Reply("two", options=(Option("f.n.1", "Next"),))]
    assert one_menu(replies, flow_said=[0, 1]) == replies
