"""Typed text read the way people type (issue 19): scales in words, choices by whole
words, countries by any name, someone else's self-injury, and a way out."""

from __future__ import annotations

import pytest

import dialogues
from bot.core import asides, countries, repeats, someone_else
from bot.messages import Option, Reply, ReplyKind
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
    assert "what would you like to talk about?" in chat.text()  # asked again, in other words
    assert "I have an urge right now" in chat.buttons()


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

    assert "what would you like to talk about?" in chat.text().casefold()


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


# -- Issue 19, second pass: topics, ways back, questions back, a parent, anywhere ----------


@pytest.mark.parametrize(
    ("typed", "heard"),
    [
        ("yeah the scars one please", "Many people who have self-injured have scars"),
        ("being kinder to myself is something I really struggle with tbh", "Self-acceptance"),
        ("The safety plan, please.", "plan"),
        ("talking about it online", "Talking about self-harm online"),
    ],
)
async def test_a_topic_named_at_a_step_with_other_buttons_is_taken_there(
    chat: FakeChat, typed: str, heard: str
) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")  # a step whose buttons are about the urge
    await chat.send(typed)

    assert heard.casefold() in chat.text().casefold()
    assert "not sure" not in chat.text()


async def test_a_topic_only_hinted_at_is_asked_about_with_a_way_to_stay(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")  # a step of its own: how strong is the urge
    await chat.send("I'm going to the beach and I'm freaking out about my scars, can we talk?")

    assert 'Did you mean "My scars"?' in chat.text()
    await chat.send("no")
    assert "how strong is the urge right now?" in chat.text().casefold()  # the step again
    await chat.send("freaking out about my scars, can we talk?")
    await chat.tap("Yes, go there")
    assert "scars" in chat.text()


@pytest.mark.parametrize("typed", ["how to fade scars", "looking after scars", "my scars po"])
async def test_at_the_topics_a_word_of_a_topic_in_another_menu_goes_there(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")  # choosing a topic: one word of one is enough
    await chat.send(typed)

    assert "Many people who have self-injured have scars." in chat.text()


@pytest.mark.parametrize(
    ("typed", "heard"),
    [("getting better", "about getting better"), ("me and other people", "people around you")],
)
async def test_another_menu_of_the_topics_named_plainly_at_a_step_goes_there(
    chat: FakeChat, typed: str, heard: str
) -> None:
    await chat.send("/topics")
    await chat.tap("My things")
    await chat.tap("My safety plan")  # a menu of its own, far from those
    await chat.send(typed)

    assert heard in chat.text()
    assert "not sure" not in chat.text()


def test_a_topic_is_never_named_by_a_word_in_passing() -> None:
    library = shipped_library()
    assert dialogues.named_topic(library, "when I am alone in my flat after work") is None
    assert dialogues.named_topic(library, "i'm not worried", here="") is None


@pytest.mark.parametrize(
    "typed", ["carry on", "go back to where we were", "Could we go back, please?", "carry on po"]
)
async def test_a_way_back_typed_shows_where_we_were(chat: FakeChat, typed: str) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")
    await chat.send(typed)

    assert "how strong is the urge right now?" in chat.text().casefold()  # asked again
    assert chat.buttons()  # the step's own buttons
    assert "not sure" not in chat.text()


async def test_choose_my_country_typed_anywhere_opens_the_picker(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("choose my country")

    assert "More countries" in chat.buttons()


@pytest.mark.parametrize(
    ("typed", "heard"),
    [
        ("who reads this? does anyone see what I type?", "No one reads this chat"),
        ("Is it attention seeking? my wife thinks it is", "a way of coping"),
        ("should I take her phone away?", "Taking a phone away"),
        ("is it bad to post about it", "Talking about self-harm online"),
        ("What does recovered mean then", "getting better"),
    ],
)
async def test_a_question_back_gets_an_answer_then_the_step_again(
    chat: FakeChat, typed: str, heard: str
) -> None:
    await chat.send("/topics")
    await chat.send(typed)

    assert heard.casefold() in chat.text().casefold()
    assert "not sure" not in chat.text()
    assert chat.buttons()


@pytest.mark.parametrize(
    "typed", ["im a parent, its my kid", "my daughter, she's 14", "its my daughter, not me"]
)
async def test_a_parent_writing_about_their_child_reaches_the_someone_else_path(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.send(typed)

    assert "is anyone in danger right now?" in chat.text()
    assert "I have an urge right now" not in chat.buttons()


async def test_a_typed_yes_to_erase_everything_erases_it(chat: FakeChat) -> None:
    await chat.send("/delete")
    await chat.send("yes, delete everything")

    assert "Everything I kept about you is erased" in chat.text()


async def test_a_country_typed_at_the_welcomes_country_question_goes_on(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("I live in Scotland, in Glasgow.")

    assert "Which country are you in?" not in chat.text()
    assert "check in with you" in chat.text()


async def test_a_menu_shown_again_within_a_few_turns_is_not_the_same_paragraph(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("Back")
    await chat.tap("Me and other people")

    assert "These are about you" not in chat.text()  # said two turns ago
    assert "Telling someone" in chat.buttons()
    await chat.tap("Back")
    assert chat.last[-1].text == "Let me ask again: what would you like to talk about?"


async def test_not_understood_again_is_said_in_other_words(chat: FakeChat) -> None:
    await chat.send("/topics")
    said = [(await chat.send(typed))[0].text for typed in ("purple", "1", "purple", "3")]

    assert said[0] != said[2]  # both "not sure", in different words
    assert dialogues.unclear(said[0]) and dialogues.unclear(said[2])


def test_a_question_said_again_is_asked_in_other_words() -> None:
    asked = Reply("First, is anyone in danger right now?", options=(Option("x", "Yes"),))
    shown, said = repeats.vary([asked], [(repeats.key(asked.text),)])

    assert shown[0].text == "Back to my question: is anyone in danger right now?"
    assert shown[0].options == asked.options
    assert repeats.key(asked.text) in said


def test_crisis_lines_asked_for_again_are_shown_again_in_full() -> None:
    lines = Reply("Samaritans: call 116 123", kind=ReplyKind.CRISIS)
    shown, _ = repeats.vary([lines], [(repeats.key(lines.text),)])

    assert shown == [lines]


async def test_a_parents_worried_words_reach_the_someone_else_flow_not_the_concern_reply(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("I'm worried about my daughter")

    assert "is anyone in danger right now?" in chat.text()
    assert "are you thinking about suicide" not in chat.text()


def test_worried_words_about_them_are_told_from_the_writers_own() -> None:
    assert someone_else.about_them("What do I say to her? I don't want to make it worse")
    assert not someone_else.about_them("my mum shouts at me and i want to cut")
    assert not someone_else.about_them("i hate myself")


@pytest.mark.parametrize(
    ("typed", "index"),
    [("4 po", 3), ("Add to it, please.", 0), ("ok carry on", 0), ("keep it as a win po", 0)],
)
def test_politeness_around_an_answer_is_left_out(typed: str, index: int) -> None:
    options = [("Add to it",), ("Show it",), ("Back",), ("Fourth",)]
    if "carry" in typed:
        options = [("Carry on",), ("Stop for now",)]
    if "win" in typed:
        options = [("Keep it as a win",), ("Not now",)]
    assert match_choice(typed, options) == index


def test_i_dont_know_picks_the_option_that_says_so() -> None:
    assert match_choice("idk", [("Humour",), ("Kindness",), ("I'm not sure",)]) == 2


async def test_more_pages_the_country_picker(chat: FakeChat) -> None:
    await chat.send("/country")
    first = chat.buttons()
    await chat.send("more")

    assert chat.buttons() != first and "More countries" in chat.buttons()


async def test_something_told_in_own_words_at_a_menu_is_acknowledged_plainly_not_praised(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")
    await chat.send("5")
    await chat.send("ice maybe. theres some in the freezer")

    assert chat.text().startswith("Thank you for telling me.")
    assert "not sure" not in chat.text()
    assert chat.buttons()  # the step's own, still there
    await chat.send("purple elephants are dancing on the roof")  # a second miss: a way out
    assert "Something else" in chat.buttons()


async def test_who_reads_this_is_answered_even_where_a_step_keeps_free_text(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/plan")
    await chat.tap("Let's make one")
    await chat.send("who can see this? is this private?")

    assert "No one reads this chat" in chat.text()
    await chat.send("/mydata")
    assert "who can see this" not in chat.text()  # not kept as a warning sign


async def test_a_topic_offered_is_forgotten_once_the_person_taps_something_else(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")
    await chat.send("I'm freaking out about my scars at the beach, can we talk?")
    await chat.tap("No, stay here")
    await chat.tap("3")
    await chat.send("yes")

    assert "scars" not in chat.text()


@pytest.mark.parametrize(
    ("typed", "way"),
    [
        ("carry on", "resume"),
        ("I'm completely safe. Please go back to where we were.", "resume"),
        ("Carry on where we were. I want to talk about telling my GP.", "resume"),
        ("keep talking pls", "talk"),
        ("choose my country", "country"),
        ("I don't want to go back to school", None),
        ("my mum wants me to carry on with college", None),
    ],
)
def test_ways_back_are_read_as_whole_phrases(typed: str, way: str | None) -> None:
    assert asides.way(typed) == way


@pytest.mark.parametrize(
    "typed",
    ["can you pay attention to me", "she posted a photo", "my daughter is 14", "i take my phone"],
)
def test_what_is_no_question_back_is_left_to_the_step(typed: str) -> None:
    assert asides.question(typed) is None


def test_a_parents_child_is_read_only_when_the_writer_says_so() -> None:
    assert asides.child("im a parent, its my kid")
    assert asides.child("its my daughter, not me")
    assert not asides.child("my daughter makes me smile when i feel low")


@pytest.mark.parametrize(
    "typed", ["still really strong", "is the urge too strong?", "thats all for now"]
)
def test_a_word_in_passing_names_no_topic(typed: str) -> None:
    assert dialogues.named_topic(shipped_library(), typed) is None


def test_i_need_help_now_is_a_topic_from_anywhere() -> None:
    assert dialogues.named_topic(shipped_library(), "help")[1] == "help_now"  # type: ignore[index]
    assert dialogues.named_topic(shipped_library(), "no the help now one") == (
        "I need help now",
        "help_now",
        True,
    )


def test_a_question_word_alone_names_no_button_in_a_longer_message() -> None:
    keep = [("Yes, that's okay",), ("What would you keep?", "what")]
    assert match_choice("what do i do now", keep) is None
    assert match_choice("what", keep) == 1


async def test_a_button_of_an_earlier_step_of_the_flow_typed_goes_there(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("the scars one")
    await chat.tap("How I feel about them")
    await chat.send("when people ask")

    assert "You never owe anyone your story" in chat.text()


async def test_not_understood_a_third_time_says_so_and_shows_the_step_again(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    for typed in ("purple", "orange", "green"):
        await chat.send(typed)

    assert dialogues.unclear(chat.last[0].text)
    assert "I have an urge right now" in chat.buttons()


@pytest.mark.parametrize("typed", ["skip po", "Skip this, please", "pass"])
async def test_a_step_that_keeps_free_text_is_skipped_in_other_words_never_kept(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.tap("Yes, that's okay")
    await chat.send("/plan")
    await chat.tap("Let's make one")
    await chat.send(typed)

    assert "We can skip that one" in chat.text()
    await chat.send("/mydata")
    assert typed not in chat.text()


@pytest.mark.parametrize("typed", ["stop for now", "nah thats it", "thats it po"])
async def test_leaving_in_a_few_words_at_a_step_without_such_a_button_is_a_goodbye(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.tap("I have an urge right now")  # a scale: no "stop" button
    await chat.send(typed)

    assert "Take care" in chat.text() or "take care" in chat.text()
    assert not dialogues.unclear(chat.last[0].text)


def test_a_no_in_tagalog_picks_the_option_that_says_no() -> None:
    assert match_choice("hindi po", [("Yes, I did",), ("No, I didn't",)]) == 1
    assert match_choice("later na lang po", [("Try one now",), ("I'll try it later",)]) == 1


DANGER_QUESTION = [
    ("Yes, right now", "yes", "danger", "now", "i think so"),
    ("I'm not sure", "not sure", "maybe"),
    ("No, but I'm worried", "no", "worried", "not right now"),
]


@pytest.mark.parametrize(
    "typed",
    [
        "I don't think she's in danger right now, she's in her room. But I'm very worried.",
        "she's not in danger now. worried though",
    ],
)
def test_an_option_the_text_denies_loses_a_tie(typed: str) -> None:
    assert match_choice(typed, DANGER_QUESTION) == 2


def test_a_tie_with_nothing_denied_stays_unclear() -> None:
    assert match_choice("danger and worried", DANGER_QUESTION) is None


async def test_a_helpers_right_now_in_the_someone_else_flow_is_never_their_own_urge(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("my 14 year old daughter has been cutting herself")
    await chat.send("she's in her room right now and I keep checking on her")

    assert "How strong is the urge right now?" not in chat.text()
    assert dialogues.named_topic(shipped_library(), "i have an urge right now") is not None
    assert (
        dialogues.named_topic(shipped_library(), "i have an urge right now", here="someone_else")
        is None
    )


CONSENT_QUESTION = [
    ("Yes, that's okay", "yes", "ok"),
    ("No, don't keep anything", "no", "don't keep anything", "keep nothing"),
    ("What would you keep?", "what", "question", "what would you keep"),
]


def test_an_options_words_with_one_put_in_are_that_option() -> None:
    typed = "What exactly would you keep? And who can see it?"
    assert match_choice(typed, CONSENT_QUESTION) == 2


async def test_a_question_at_the_consent_step_is_answered_by_its_own_option(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("Tell me more")
    assert "Is it okay for me to keep" in chat.text()
    await chat.send("What exactly would you keep? And who can see it?")

    assert "Only things you choose to keep." in chat.text()


def test_an_answer_put_first_is_read_before_what_follows_it() -> None:
    feelings = [
        ("Upset or ashamed", "upset", "hate them"),
        ("Mixed, or it changes", "mixed", "both"),
        ("Mostly okay with them", "okay", "fine"),
    ]
    typed = "mixed i guess. some days i dont care and some days i hate them so much"
    assert match_choice(typed, feelings) == 1
    welcome = [("Tell me more", "hello", "more"), ("I need help right now", "help"), ("Not now",)]
    assert match_choice("hello. i did it again last week", welcome) is None  # hello, first
    yes_no = [("Yes", "yes"), ("No", "no"), ("Back to topics", "topics")]
    assert match_choice("no, the topics please", yes_no) != 1  # a no, corrected after


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("tipo uns sete", 7),
        ("acho que seis", 6),
        ("como unos ocho", 8),
        ("quizás tres", 3),
        ("environ huit", 8),
        ("genre deux", 2),
        ("forse sei", 6),
        ("circa quattro", 4),
        ("vielleicht sieben", 7),
        ("so etwa fünf", 5),
        ("uno", 1),
        ("eins", 1),
    ],
)
def test_a_number_in_words_in_another_language_is_read_on_a_scale(typed: str, number: int) -> None:
    assert read_scale(typed, low=0, high=10, high_label="the strongest") == number


@pytest.mark.parametrize(
    "typed", ["não sei", "c'est tout neuf", "ein bisschen", "un poco", "sei tu?"]
)
def test_a_number_word_that_is_also_an_everyday_word_is_no_number(typed: str) -> None:
    assert read_scale(typed, low=0, high=10) is None


async def test_an_urge_rated_in_portuguese_words_goes_on_as_the_number_does(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("I have an urge right now")
    await chat.send("acho que uns cinco")

    assert "That's a real urge" in chat.text()
