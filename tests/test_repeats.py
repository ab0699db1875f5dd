"""No paragraph said twice within a few turns (bot/core/repeats.py): what a command asks is
asked in other words the second time, and a question asked again more often than it has
other words for it gives way to plain lines, never the same line twice."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.core import repeats, words
from bot.messages import Option, Reply, ReplyKind
from dialogues.engine import TOLD
from tests.fakes import FakeChat

NOW = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
ERASE = Reply("This erases everything. Erase it all?", options=(Option("y", "Yes"),))
HELP = Reply("Here is what I can do.\n\nType /sos for the lines.", options=(Option("t", "Topics"),))


def test_a_command_shows_what_was_asked_for_whole_even_when_said_just_now() -> None:
    shown, said = repeats.vary(
        [HELP], [tuple(map(repeats.key, HELP.text.split("\n\n")))], by_name=True
    )

    assert shown == [HELP]
    assert repeats.key("Here is what I can do.") in said


def test_a_question_a_command_asks_again_is_asked_in_other_words() -> None:
    shown, _ = repeats.vary([ERASE], [(repeats.key(ERASE.text),)], by_name=True)

    assert shown[0].text == "Back to my question: erase it all?"
    assert shown[0].options == ERASE.options


def test_a_question_asked_again_and_again_never_says_the_same_line_twice() -> None:
    recent: list[tuple[str, ...]] = [(repeats.key(ERASE.text),)]
    lines = []
    for _ in range(len(words.QUESTION_AGAIN) + 2):
        shown, said = repeats.vary([ERASE], recent)
        lines.append(shown[0].text)
        recent = [*recent, said][-repeats.TURNS :]

    assert len(set(lines)) == len(lines)
    assert lines[-1] in words.MENU_AGAIN  # the question's other words used up: plain lines


def test_the_turns_remembered_leave_room_for_taps_that_bring_a_step_back() -> None:
    assert repeats.TURNS > 5


async def test_delete_typed_twice_then_by_command_asks_the_second_time_in_other_words(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    first = await chat.send("/delete")
    again = await chat.send("/delete")

    assert first[0].text.startswith("This erases everything")
    assert not again[0].text.startswith("This erases everything")
    assert again[0].text.endswith("erase it all?")


def test_words_told_again_are_heard_again_in_other_words_not_called_unclear() -> None:
    told = Reply(TOLD[0], options=(Option("t", "Back to topics"),))
    shown, _ = repeats.vary([told], [(repeats.key(told.text),)])

    assert shown[0].text == TOLD[1]


def test_with_every_line_said_the_one_said_longest_ago_comes_back_first() -> None:
    lines = [*words.MENU_AGAIN[1:], words.MENU_AGAIN[0]]  # the second said longest ago
    recent = [(repeats.key(ERASE.text),), *((repeats.key(line),) for line in lines)]
    menu = Reply("Pick one.", options=(Option("a", "A"),))
    recent.append((repeats.key(menu.text),))

    shown, _ = repeats.vary([menu], recent)

    assert shown[0].text == words.MENU_AGAIN[1]


def test_crisis_lines_shown_are_remembered_for_a_few_turns() -> None:
    lines = Reply("Samaritans: call 116 123", kind=ReplyKind.CRISIS)
    _, said = repeats.vary([lines], (), now=NOW)
    recent = [said]

    assert repeats.lines_lately(recent, NOW)
    assert not repeats.lines_lately(recent, NOW + repeats.LINES_FOR * 2)
    recent += [("a",)] * repeats.LINES_LATELY
    assert not repeats.lines_lately(recent, NOW)
