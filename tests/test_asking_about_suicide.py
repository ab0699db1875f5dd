"""The core's own questions. Asking straight out (SAFE_MESSAGING.md, Always 4): when a
person's hopelessness or distress could hide thoughts of suicide, Waypoint asks; a "yes"
gets the crisis lines at once, and a "no" never hides them. And "Are you safe right now?",
which ends every crisis reply: a "no" gets the emergency number first."""

from __future__ import annotations

from datetime import timedelta

import pytest

import safety
from bot.core.questions import EPISODE_QUIET
from bot.core.talk import ASKED_YES
from bot.core.triage import triage
from bot.core.words import (
    ASK_ABOUT_SUICIDE,
    ASK_AGAIN,
    ASKED_NO,
    ASKED_NOT_SAYING,
    CONCERN_AGAIN,
    SAFE_NOW,
    STAY,
    UNSUPPORTED_SAFE,
)
from bot.messages import Incoming, Person, ReplyKind
from bot.store import Store
from bot.store.vault import Vault, generate_key
from tests.fake_bot_api import free_port
from tests.fakes import FakeChat

HOPELESS = "everything is pointless"
ANSWERS = ["Yes", "No", "I'd rather not say"]
COPING = ["I have an urge right now", "I did it again", "My toolbox", "Crisis lines"]


async def topic_buttons(chat: FakeChat, topic: str) -> list[str]:
    """The buttons a topic shows, leaving the person back at the topics menu."""
    await chat.send("/topics")
    await chat.tap(topic)
    buttons = chat.buttons()
    await chat.send("/topics")
    return buttons


@pytest.fixture
def gb_chat(sqlite_store: Store) -> FakeChat:
    return FakeChat.on(sqlite_store, default_country="GB")


@pytest.mark.parametrize(
    "text",
    [
        HOPELESS,
        # passive ideation: the corpus-trained model gives it the crisis lines instead
        pytest.param(
            "I don't want to be here",
            marks=pytest.mark.xfail(strict=True, reason="read as crisis (passive ideation)"),
        ),
        "I feel so alone",
        "i can't cope anymore",
    ],
)
async def test_hopelessness_or_distress_gets_a_line_then_the_question(
    gb_chat: FakeChat, text: str
) -> None:
    concern, question = await gb_chat.send(text)

    assert concern.kind is ReplyKind.CONCERN and "116 123" in concern.text
    assert concern.options == ()  # one set of buttons: the question's
    assert question.text == ASK_ABOUT_SUICIDE
    assert "are you thinking about suicide?" in question.text
    assert gb_chat.buttons() == ANSWERS


async def test_someone_elses_feelings_go_to_how_to_help_them_not_the_question(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send("my friend feels hopeless")

    assert ASK_ABOUT_SUICIDE not in gb_chat.text()
    assert "is anyone in danger right now?" in gb_chat.text()  # the someone_else flow


@pytest.mark.parametrize("text", ["i really want to cut right now", "I did it again"])
async def test_urges_lapses_and_someone_elses_feelings_are_not_asked_about(
    gb_chat: FakeChat, text: str
) -> None:
    [concern] = await gb_chat.send(text)

    assert concern.kind is ReplyKind.CONCERN
    assert ASK_ABOUT_SUICIDE not in gb_chat.text()


async def test_yes_gets_the_crisis_reply_for_their_country(gb_chat: FakeChat) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.tap("Yes")

    assert gb_chat.is_crisis()
    assert "Samaritans on 116 123" in gb_chat.first.text
    assert "If you might act on these thoughts, call 999" in gb_chat.first.text
    assert "Are you safe right now?" in gb_chat.first.text
    assert "Keep talking with me" in gb_chat.buttons()


@pytest.mark.parametrize("answer", ["No", "no, not really", "nope"])
async def test_a_no_keeps_the_crisis_lines_a_tap_away(gb_chat: FakeChat, answer: str) -> None:
    await gb_chat.send(HOPELESS)
    if answer == "No":
        await gb_chat.tap(answer)
    else:
        await gb_chat.send(answer)

    assert gb_chat.text() == ASKED_NO
    assert "/sos" in gb_chat.text()
    assert gb_chat.buttons() == COPING


async def test_rather_not_say_is_respected_and_keeps_the_lines_a_tap_away(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.tap("I'd rather not say")

    assert gb_chat.text() == ASKED_NOT_SAYING
    assert gb_chat.buttons() == COPING


async def test_mid_flow_the_answer_leads_back_to_where_they_were(gb_chat: FakeChat) -> None:
    await gb_chat.send("/topics")
    topics = gb_chat.buttons()
    await gb_chat.send(HOPELESS)
    await gb_chat.tap("No")
    assert "Carry on where we were" in gb_chat.buttons()

    await gb_chat.tap("Carry on where we were")

    assert gb_chat.buttons() == topics


async def test_text_that_does_not_answer_goes_on_as_usual_and_is_not_asked_again(
    gb_chat: FakeChat,
) -> None:
    getting_better = await topic_buttons(gb_chat, "Getting better")
    await gb_chat.send(HOPELESS)

    await gb_chat.send("Getting better")  # a topic, typed: no answer

    assert ASK_AGAIN not in gb_chat.text() and ASK_ABOUT_SUICIDE not in gb_chat.text()
    assert gb_chat.buttons() == getting_better


async def test_an_answer_one_message_later_still_counts(gb_chat: FakeChat) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("hmm")
    assert ASK_AGAIN not in gb_chat.text()

    await gb_chat.send("i guess")

    assert gb_chat.is_crisis()


@pytest.mark.parametrize(
    "typed",
    [
        # a yes, or an unsure answer
        "yes",
        "Yeah.",
        "yep",
        "kinda",
        "not sure",
        "I don't know",
        "not today",
        # with worried words, or a no that hedges
        "yes, everything is pointless",
        "yeah i just can't cope anymore",
        "yes i feel so alone",
        "yes and i want to cut",
        "i'm thinking about it",
        "no... maybe",
        "nah sometimes",
        # a yes said with safety is still a yes to this question (yes_no.py, rule 7)
        "yes, but i'm safe",
        "sí, estoy a salvo",
        "no... quizás",
    ],
)
async def test_a_typed_yes_or_unsure_answer_gets_the_crisis_reply(
    gb_chat: FakeChat, typed: str
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send(typed)

    assert gb_chat.is_crisis() and "116 123" in gb_chat.first.text


async def test_the_question_is_not_asked_again_while_unanswered(gb_chat: FakeChat) -> None:
    await gb_chat.send(HOPELESS)

    [concern] = await gb_chat.send("I feel so alone")
    assert concern.options  # the usual buttons, not the question again
    assert gb_chat.buttons() == COPING

    await gb_chat.send("yes")  # still answers it
    assert gb_chat.is_crisis()


async def test_words_that_answer_nothing_after_the_coping_buttons_are_not_met_with_it(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("i really want to cut right now")  # the coping buttons, not the question

    await gb_chat.send("ok")

    assert ASK_AGAIN not in gb_chat.text()


async def test_no_im_not_safe_to_the_question_gets_the_emergency_number_first(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("No, I'm not safe")

    assert gb_chat.is_crisis() and gb_chat.first.text.startswith("Please call 999 or 112 now")


async def test_someone_elses_crisis_closes_the_question_asked_of_the_writer(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("my friend wants to kill herself")
    assert "How to help them" in gb_chat.buttons()

    await gb_chat.send("idk what to do")

    assert not gb_chat.is_crisis()


@pytest.mark.parametrize("answer", ["No", "I'd rather not say"])
async def test_worried_words_straight_after_an_answer_are_not_asked_about_again(
    gb_chat: FakeChat, answer: str
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.tap(answer)

    [concern] = await gb_chat.send("I feel so alone")

    assert concern.kind is ReplyKind.CONCERN and gb_chat.buttons() == COPING
    await gb_chat.send("what now")  # and nothing is waiting for an answer
    assert ASK_AGAIN not in gb_chat.text() and not gb_chat.is_crisis()


async def test_after_a_no_new_distress_in_the_same_episode_is_not_asked_about_again(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.tap("No")
    await gb_chat.tap("My toolbox")

    second = await gb_chat.send("I feel so alone")

    assert gb_chat.buttons() != ANSWERS and ASK_ABOUT_SUICIDE not in gb_chat.text()
    assert [reply.text for reply in second] == [CONCERN_AGAIN[0]]  # short, and new words


async def test_a_new_episode_hours_later_is_asked_about_again(gb_chat: FakeChat) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.tap("No")
    gb_chat.now += EPISODE_QUIET + timedelta(minutes=1)

    await gb_chat.send("I feel so alone")

    assert gb_chat.buttons() == ANSWERS


async def test_three_worried_messages_never_get_the_same_words_twice(gb_chat: FakeChat) -> None:
    seen: list[str] = []
    for text in ["i hate myself", "everything is pointless", "i can't cope anymore", "i hate me"]:
        seen += [reply.text for reply in await gb_chat.send(text)]

    assert len(seen) == len(set(seen))
    assert seen.count(ASK_ABOUT_SUICIDE) <= 1


async def test_a_yes_from_an_older_question_still_gets_the_lines(gb_chat: FakeChat) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("/help")

    await gb_chat.press(ASKED_YES)

    assert gb_chat.is_crisis()


async def test_a_typed_yes_that_comes_again_after_a_crash_gets_the_lines_again(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    yes = Incoming(gb_chat.person, gb_chat.now, text="yes", delivery=1001)
    first = await gb_chat.companion.handle(yes)
    assert first[0].kind is ReplyKind.CRISIS

    again = await gb_chat.companion.handle(yes)  # whether the first reply got out is unknown

    assert again and again[0].kind is ReplyKind.CRISIS and "116 123" in again[0].text


async def test_yes_is_urgent_and_gets_the_lines_while_the_database_is_away() -> None:
    away = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/test"
    store = Store.open(away, vault=Vault([generate_key()]))
    chat = FakeChat.on(store, default_country="GB", person_id="away", pace=timedelta(0))
    try:
        replies = await chat.press(ASKED_YES)
    finally:
        await store.close()

    assert triage(Incoming(Person("telegram", "1"), chat.now, choice=ASKED_YES)).urgent
    assert replies[0].kind is ReplyKind.CRISIS and "Samaritans on 116 123" in replies[0].text


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        (HOPELESS, True),
        ("I feel so alone", True),
        ("i really want to cut right now", False),  # self-injury is not suicide
        ("I did it again", False),
        ("my friend feels hopeless", False),  # not the writer's own
        ("i want to kill myself", False),  # crisis: the lines, not a question
        ("i had pizza today", False),
    ],
)
def test_the_assessment_says_when_to_ask(text: str, asks: bool) -> None:
    assert safety.assess(text).unsure_about_suicide is asks


# -- "Are you safe right now?" ---------------------------------------------------------------


@pytest.mark.parametrize("start", ["i want to kill myself", "/sos"])
@pytest.mark.parametrize(
    "typed",
    [
        "no",
        "not really",
        "I'm not safe",
        "i don't feel safe",
        "idk",
        "scared",
        "no, i feel so alone",  # worried words, after a no
        "no, i want to die",  # a crisis message, after a no
    ],
)
async def test_not_safe_gets_the_emergency_number_first(
    gb_chat: FakeChat, start: str, typed: str
) -> None:
    await gb_chat.send("/topics")
    await gb_chat.send(start)
    assert "Are you safe right now?" in gb_chat.first.text

    await gb_chat.send(typed)

    assert gb_chat.is_crisis()
    assert gb_chat.first.text.startswith("Please call 999 or 112 now")
    assert "Samaritans on 116 123" in gb_chat.first.text
    assert "Keep talking with me" in gb_chat.buttons()


@pytest.mark.parametrize("typed", ["yes", "yeah I'm safe", "I'm ok"])
async def test_safe_gets_support_and_ways_to_carry_on(gb_chat: FakeChat, typed: str) -> None:
    await gb_chat.send("i want to kill myself")
    await gb_chat.send(typed)

    assert gb_chat.text() == SAFE_NOW
    assert "More ways to get help" in gb_chat.buttons()


async def test_keep_talking_asks_again_and_hears_the_answer(gb_chat: FakeChat) -> None:
    await gb_chat.send("/sos")
    await gb_chat.tap("Keep talking with me")
    assert gb_chat.text() == STAY

    await gb_chat.send("no")

    assert gb_chat.first.text.startswith("Please call 999 or 112 now")


async def test_after_a_crisis_reply_the_question_about_suicide_is_closed(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send("i want to kill myself")

    await gb_chat.send("yes")  # to "are you safe right now?", the reply's last question

    assert gb_chat.text() == SAFE_NOW


async def test_text_that_does_not_answer_are_you_safe_goes_on_as_usual(
    gb_chat: FakeChat,
) -> None:
    getting_better = await topic_buttons(gb_chat, "Getting better")
    await gb_chat.send("/sos")

    await gb_chat.send("Getting better")  # the topic, typed: no answer to "are you safe?"

    assert gb_chat.buttons() == getting_better


async def test_a_crisis_about_someone_else_does_not_ask_if_the_writer_is_safe(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send("my friend says she wants to kill herself")
    assert "Are you safe right now?" not in gb_chat.first.text

    await gb_chat.send("no")

    assert not gb_chat.is_crisis()


async def test_after_not_safe_a_later_answer_is_still_heard(gb_chat: FakeChat) -> None:
    await gb_chat.send("/sos")
    await gb_chat.send("no")
    no_again = Incoming(gb_chat.person, gb_chat.now, text="no", delivery=2002)
    first = await gb_chat.companion.handle(no_again)
    assert first[0].text.startswith("Please call 999 or 112 now")
    again = await gb_chat.companion.handle(no_again)  # came again after a crash
    assert again and again[0].kind is ReplyKind.CRISIS

    await gb_chat.send("I'm safe now")

    assert gb_chat.text() == SAFE_NOW


async def test_not_safe_is_heard_in_the_middle_of_a_flow_question(gb_chat: FakeChat) -> None:
    await gb_chat.send("/topics")
    await gb_chat.tap("I have an urge right now")  # "how strong, 0 to 10?"
    await gb_chat.send("i want to kill myself")

    await gb_chat.send("i don't feel safe")

    assert gb_chat.first.text.startswith("Please call 999 or 112 now")
    assert "Go back to where we were" in gb_chat.buttons()


async def test_a_sticker_or_voice_note_asks_again_and_leaves_the_question_open(
    gb_chat: FakeChat,
) -> None:
    # Someone who cannot type may try their voice first.
    await gb_chat.send("i want to die")
    sticker = Incoming(gb_chat.person, gb_chat.now, unsupported=True)
    [reply] = await gb_chat.companion.handle(sticker)
    assert reply.text == UNSUPPORTED_SAFE

    await gb_chat.send("no")

    assert gb_chat.first.text.startswith("Please call 999 or 112 now")


@pytest.mark.parametrize("tap", ["More ways to get help", "Choose my country"])
async def test_taps_under_the_lines_leave_are_you_safe_open(gb_chat: FakeChat, tap: str) -> None:
    await gb_chat.send("i want to die")
    await gb_chat.tap(tap)

    await gb_chat.send("n")

    assert gb_chat.first.text.startswith("Please call 999 or 112 now")


async def test_a_country_chosen_under_the_lines_gets_its_lines_at_once(gb_chat: FakeChat) -> None:
    await gb_chat.send("i want to die")
    await gb_chat.tap("Choose my country")

    await gb_chat.press("!country:IE")

    chosen, lines = gb_chat.last
    assert chosen.text == "Thanks. I'll show crisis lines for Ireland."
    assert lines.kind is ReplyKind.CRISIS
    assert "If you are in danger or hurt right now, please call 112" in lines.text
    await gb_chat.send("no")
    assert gb_chat.first.text.startswith("Please call 112 or 999 now")


async def test_worried_words_just_after_the_lines_keep_are_you_safe_the_question(
    gb_chat: FakeChat,
) -> None:
    await gb_chat.send("i want to die")
    [concern] = await gb_chat.send("i feel so alone")
    assert concern.kind is ReplyKind.CONCERN and "Crisis lines" in gb_chat.buttons()
    assert ASK_ABOUT_SUICIDE not in gb_chat.text()

    await gb_chat.send("no")

    assert gb_chat.first.text.startswith("Please call 999 or 112 now")


@pytest.mark.parametrize(
    "typed", ["no im not thinking about it", "No, I'm not thinking about suicide"]
)
async def test_a_plain_no_to_the_question_is_a_no(gb_chat: FakeChat, typed: str) -> None:
    await gb_chat.send(HOPELESS)
    await gb_chat.send(typed)

    assert gb_chat.text() == ASKED_NO
