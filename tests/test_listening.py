"""Typed text read the way people type (issue 19): scales in words, choices by whole
words, countries by any name, someone else's self-injury, and a way out."""

from __future__ import annotations

import pytest

import dialogues
from bot.core import countries, someone_else
from dialogues.matching import match_choice, read_scale, small_talk
from tests.fakes import FakeChat, shipped_library

SUICIDE_QUESTION = [
    ("No, it's an urge to self-injure", "no", "nope", "nah", "just an urge", "urge"),
    ("Yes, or I'm not sure", "yes", "yeah", "not sure", "maybe", "i think so", "no idea"),
    ("I don't feel safe", "not safe", "unsafe"),
]


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("like a 9", 9),
        ("pretty strong tbh", 8),
        ("about half", 5),
        ("not much", 2),
        ("10000%", 10),
        ("11/10", 10),
        ("seven", 7),
        ("still really strong", 9),
    ],
)
def test_a_scale_reads_numbers_in_words_and_phrases(typed: str, number: int) -> None:
    assert read_scale(typed, low=0, high=10, high_label="the strongest") == number


def test_a_scale_of_how_good_a_day_is_reads_words_its_own_way() -> None:
    assert read_scale("pretty bad", low=1, high=5, high_label="really good") == 2
    assert read_scale("really good", low=1, high=5, high_label="really good") == 5


@pytest.mark.parametrize("typed", ["the urge one", "purple", "3 or 4"])
def test_a_scale_does_not_guess(typed: str) -> None:
    assert read_scale(typed, low=0, high=10, high_label="the strongest") is None


@pytest.mark.parametrize(
    "typed",
    [
        "what do i do while i wait",  # once matched "i think so"
        "what if he thinks im a freak",
        "what do i want from them",  # once matched "hate them"
        "should i take away her razors",
    ],
)
def test_a_choice_never_matches_a_fragment(typed: str) -> None:
    assert match_choice(typed, SUICIDE_QUESTION) is None
    upset = [("Upset or ashamed", "hate them", "angry"), ("Feeling like there's no one", "alone")]
    assert match_choice(typed, upset) is None


@pytest.mark.parametrize(
    ("typed", "index"),
    [("nah just the urge", 0), ("i think so", 1), ("no idea", 1), ("nope not really", 0)],
)
def test_a_choice_matches_whole_words(typed: str, index: int) -> None:
    assert match_choice(typed, SUICIDE_QUESTION) == index


def test_a_choice_needs_a_clear_lead() -> None:
    assert match_choice("surf or toolbox", [("Surf", "surf"), ("Toolbox", "toolbox")]) is None


def test_short_answers_pick_the_option_that_says_the_same() -> None:
    assert match_choice("k", [("I'm ready",), ("Not now",)]) == 0
    assert match_choice("nah", [("Yes, let's look",), ("Not now",)]) == 1
    assert match_choice("thats all", [("Add another",), ("That's all for now",)]) == 1


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("uk", "GB"),
        ("england", "GB"),
        ("the states", "US"),
        ("USA", "US"),
        ("deutschland", "DE"),
        ("méxico", "MX"),
        ("ireland", "IE"),
        ("irish", "IE"),
        ("in the uk", "GB"),
        ("Espana", "ES"),
    ],
)
def test_a_country_by_what_people_type(typed: str, code: str) -> None:
    assert countries.find(typed) == code


@pytest.mark.parametrize("typed", ["no", "in", "it", "my", "somewhere", "uk or ireland"])
def test_a_country_is_never_guessed(typed: str) -> None:
    assert countries.find(typed) is None


def test_i_live_in_is_read_at_any_time_but_only_for_a_country() -> None:
    assert countries.lives_in("i live in ireland") == "IE"
    assert countries.lives_in("im from the states lol") == "US"
    assert countries.lives_in("i'm in a bad place") is None


@pytest.mark.parametrize(
    "text",
    [
        "i just found out my 14 year old has been cutting her arms",
        "my daughter has scars on her legs",
        "im worried about my friend",
        "my boyfriend keeps hurting himself",
    ],
)
def test_someone_elses_self_injury_is_recognised(text: str) -> None:
    assert someone_else.mentioned(text)


async def test_a_parent_is_answered_as_a_parent_not_as_having_an_urge(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("i just found out my 14 year old has been cutting her arms")

    assert "I have an urge right now" not in chat.buttons()
    assert "is anyone in danger right now?" in chat.text()


async def test_a_typed_country_under_the_picker_sets_it(chat: FakeChat) -> None:
    await chat.send("/country")
    await chat.send("uk")

    assert "United Kingdom" in chat.text()
    await chat.send("i want to kill myself")
    assert "116 123" in chat.text()  # the person's own lines, not the international ones


async def test_i_live_in_sets_the_country_at_any_time(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("i live in ireland")

    assert "Ireland" in chat.text()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("uk pls", "GB"),
        ("canada 🇨🇦", "CA"),
        ("Germany please", "DE"),
        ("The UK", "GB"),
        ("philippines po", "PH"),
        ("the states", "US"),
        ("texas", "US"),
        ("Dublin", "IE"),
    ],
)
def test_a_message_that_is_only_a_country_is_read_at_any_time(typed: str, code: str) -> None:
    assert countries.named(typed) == code


@pytest.mark.parametrize(
    "typed", ["ye", "no", "ok", "is there like a uk one", "I feel alone in france", "uk or ireland"]
)
def test_a_message_is_not_a_country_for_one_word_in_it(typed: str) -> None:
    assert countries.named(typed) is None


def test_i_live_in_reads_the_country_before_the_rest_of_the_sentence() -> None:
    assert countries.lives_in("I live in Scotland, in Glasgow.") == "GB"
    assert countries.lives_in("I live in France but I am Portuguese") == "FR"
    assert countries.lives_in("im in leeds") == "GB"
    assert countries.lives_in("i'm from ireland but live in the uk") == "GB"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("vivo en Alemania, en Munich. soy de Colombia", "DE"),
        ("i am from mexico but i live in texas", "US"),
        ("i live in ohio", "US"),
        ("ich wohne in österreich", "AT"),
        ("soy de méxico", "MX"),
        ("wait can u give me like canada ones im in toronto", "CA"),
    ],
)
def test_where_the_writer_lives_wins_in_any_clause_and_some_other_languages(
    typed: str, code: str
) -> None:
    assert countries.lives_in(typed) == code


def test_a_question_about_something_else_is_not_read_for_where_the_writer_lives() -> None:
    assert (
        countries.lives_in("Should I take her to a doctor? Who do I call, we're in Ontario") is None
    )
    assert countries.lives_in("I'm in the UK, Leeds. What now?") == "GB"


@pytest.mark.parametrize("typed", ["India, Bangalore", "straya mate, melbourne"])
def test_a_country_with_a_city_is_still_only_a_country(typed: str) -> None:
    assert countries.named(typed) is not None


async def test_a_short_country_sets_it_at_a_menu_and_the_same_again_is_not_the_same_words(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    first = await chat.send("uk pls")
    again = await chat.send("uk")

    assert "United Kingdom" in first[0].text and "United Kingdom" in again[0].text
    assert first[0].text != again[0].text
    assert "What would you like to talk about?" in chat.text()


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("thx", "thanks"),
        ("thanks, that actually helps a lot", "thanks"),
        ("ok im going to his place now. thanks", "bye"),
        ("That is helpful, thank you. I think that is all for now.", "bye"),
        ("ok", "ok"),
        ("oh ok i see", "ok"),
        ("no thanks", None),
        ("thanks but what do i say?", None),
        ("i hate my scars", None),
    ],
)
def test_small_talk_is_read_as_what_it_is(typed: str, kind: str | None) -> None:
    assert small_talk(typed) == kind


def test_thanks_and_goodbye_at_a_step_are_answered_not_met_with_not_sure() -> None:
    library = shipped_library()
    begun = dialogues.start(library, "scars", facts=dialogues.Facts())
    assert begun.state is not None
    thanks = dialogues.step(
        library, begun.state, dialogues.Typed("thanks"), facts=dialogues.Facts()
    )
    assert thanks.state is not None
    bye = dialogues.step(library, thanks.state, dialogues.Typed("ok bye"), facts=dialogues.Facts())
    said = [m.text for m in (*thanks.out, *bye.out) if isinstance(m, dialogues.Message)]

    assert "welcome" in said[0].casefold() and "not sure" not in said[0]
    assert "take care" in said[1].casefold()
    assert bye.state is not None and bye.state["node"] == begun.state["node"]  # still there


async def test_not_understood_twice_offers_a_way_out_never_the_same_menu_a_third_time(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    first = await chat.send("purple monkey dishwasher")
    second = await chat.send("more purple")
    third = await chat.send("purple again")

    assert "not sure which one you meant" in first[0].text
    assert [o.label for o in second[0].options] == [
        "Something else",
        "People I can talk to",
        "Try this question again",
    ]
    assert third[0].text != second[0].text and third[0].text != first[0].text


async def test_the_way_out_can_be_typed(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("purple")
    await chat.send("purple")
    await chat.send("something else")

    assert "What would you like to talk about?" in chat.text()


async def test_the_cores_own_buttons_can_be_typed(chat: FakeChat) -> None:
    await chat.send("/sos")
    await chat.send("can we just keep talking")

    assert "I'm here with you" in chat.text()


async def test_worried_words_that_answer_the_step_are_answered_inside_the_flow(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("/topics")
    await chat.tap("I have an urge right now")
    replies = await chat.send("still really strong")  # the scale's answer: 9

    assert "really strong" in replies[0].text.lower()
    assert "Thank you for telling me. That sounds really hard" not in chat.text()
