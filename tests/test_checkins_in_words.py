"""Check-ins typed in free text (issue 19, 4): "checkin" where the topics are, a scale
answered "3,5" or "today 6/10. tired. no urge", and "can i see my old notes" for what the
person kept (/mydata), then the step they were at."""

from __future__ import annotations

import pytest

from bot.core import asides, words
from bot.core.before_the_step import checkin_screen
from dialogues.matching import match_choice, parse_number, read_scale
from dialogues.topics import named_topic
from tests.fakes import FakeChat, shipped_library


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("3,5", 4),  # a decimal comma, rounded half up
        ("3.5", 4),
        ("3. maybe 3,5", 3),  # given first, then only hedged
        ("like an 8?? maybe 7 idk its going up and down", 8),
        ("ok. today 6/10. tired. no urge today", 6),
        ("ein bisschen, so 3 von 10. aber nichts gemacht", 3),
    ],
)
def test_a_number_given_with_a_decimal_or_a_hedge_after_it_is_read(typed: str, number: int) -> None:
    assert parse_number(typed) == number


@pytest.mark.parametrize("typed", ["5. no wait 8", "3 or 4", "7-8", "19:00"])
def test_two_numbers_that_disagree_are_none(typed: str) -> None:
    assert parse_number(typed) is None


def test_a_number_out_of_another_scale_is_put_on_this_one() -> None:
    assert read_scale("today 6/10. tired. no urge", low=1, high=5, high_label="really good") == 3
    assert read_scale("today 6/10. tired. no urge", low=0, high=10, high_label="strong") == 6
    assert read_scale("4/5", low=1, high=5, high_label="really good") == 4
    assert read_scale("1/5", low=1, high=5, high_label="really good") == 1


def test_a_phrase_of_two_words_may_be_typed_as_one() -> None:
    options = [("Check-in times", "check-in"), ("My wins", "wins")]
    assert match_choice("checkin", options) == 0
    assert match_choice("Checkin", options) == 0


def test_checkin_at_the_topics_names_the_check_in_times() -> None:
    named = named_topic(shipped_library(), "checkin", here="topics", at="menu")
    assert named is not None and named[0] == "Check-in times" and named[2]


@pytest.mark.parametrize(
    "text", ["can i see my old notes", "notes", "my notes", "show me my data", "my saved notes"]
)
def test_asking_to_see_their_notes_is_what_they_kept(text: str) -> None:
    assert asides.way(text) == "own_data"


@pytest.mark.parametrize("text", ["i take notes in class", "she read my notes", "nothing"])
def test_notes_in_other_words_are_not_a_way_to_their_data(text: str) -> None:
    assert asides.way(text) != "own_data"


async def test_checkin_typed_at_the_topics_opens_the_check_in_set_up(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("checkin")
    assert any(checkin_screen(reply) for reply in chat.last)


async def test_todays_check_in_reads_a_decimal_comma_and_goes_on(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("My things")
    await chat.send("How am I doing today?")
    assert "How's today going?" in chat.text()
    await chat.send("3. maybe 3,5")
    assert "Middle days count too" in chat.text()


async def test_can_i_see_my_old_notes_shows_what_they_kept_then_the_step(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("My things")
    await chat.send("can i see my old notes")
    assert chat.last[0].text.startswith(words.MYDATA_INTRO)
    assert chat.last[0].document is not None
    assert "Check-in times" in chat.buttons()  # back where they were


async def test_asked_again_just_after_it_says_it_is_above_instead_of_the_file_again(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("can i see my old notes")
    await chat.send("notes")
    assert chat.last[0].text == words.MYDATA_ABOVE
    assert all(reply.document is None for reply in chat.last)
    await chat.send("/mydata")  # the command always shows it whole
    assert chat.last[0].document is not None
