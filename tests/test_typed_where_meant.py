"""Typed answers go where their writers meant (issue 19, l16, from the conversation bench's
misrouted turns): the core's buttons read typed words only while they are the last shown;
where the writer lives, said beside a step's answer, is kept and the answer taken; asking
whether the bot speaks French does not hide a no to "are you thinking about suicide?"; a
person as a one-word synonym, a Scots word, "stopped bleeding" and a parent's "come
parlarle" are read as their writers meant."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import countries, words, yes_no
from bot.core.yes_no import Said
from dialogues import Facts, Step, Tap, Typed, step
from dialogues.matching import match_choice
from tests.fakes import FakeChat, shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def tapped(state: dict[str, Any], label: str) -> Step:
    node = shipped_library().flows[state["flow"]].nodes[state["node"]]
    index = next(i for i, c in enumerate(node.choices or (), 1) if c.label == label)
    return step(
        shipped_library(), state, Tap(f"{state['flow']}.{state['node']}.{index}"), facts=Facts()
    )


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


async def test_the_cores_buttons_read_nothing_once_a_flows_buttons_are_shown(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("i feel so awful today")
    if "No" in chat.buttons():  # "are you thinking about suicide?"
        await chat.tap("No")
    await chat.send("i feel awful. my toolbox please")  # worried, and that button, typed
    assert "Find ideas to try" in chat.buttons()

    await chat.send("ok, ideas")  # "ideas" was also a word for the core's "My toolbox"

    assert "what do you need most?" in chat.text()


async def test_where_the_writer_lives_said_beside_a_buttons_words_keeps_both(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("blorp")
    await chat.send("zzzz qqqq")
    assert "People I can talk to" in chat.buttons()  # the way out

    await chat.send("people to talk to please. I live in Ireland")

    assert "Support in Ireland" in chat.text()  # the button's lines, for where they live
    assert "I'll show crisis lines for" not in chat.text()


async def test_where_the_writer_lives_said_alone_is_still_said_back(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("I live in Ireland")

    assert "Ireland" in chat.first.text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Ansprechpersonen, ja. Ich lebe in Wien, Österreich.", "ansprechpersonen ja"),
        ("people to talk to please, i live in ireland", "people to talk to please"),
        ("i live in ireland", ""),
    ],
)
def test_what_is_said_besides_where_the_writer_lives(text: str, rest: str) -> None:
    assert countries.besides_where(text) == rest


async def test_asking_if_the_bot_speaks_french_does_not_hide_a_no_about_suicide(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("i feel so awful today")
    assert "are you thinking about suicide?" in chat.text()

    await chat.send("Non, pas ça, comme il y a des années. Vous parlez français ?")

    assert chat.first.text.startswith("Désolé")  # English only, said in French
    assert "Thanks for answering" in chat.text()  # and the no heard


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Non, pas ça. Juste l'envie, comme il y a des années.", Said.NO_AND_MORE),
        ("no y no", Said.NO_AND_MORE),
        ("y", Said.YES),
        ("y im ok", Said.YES),
    ],
)
def test_a_lone_y_is_a_yes_only_at_the_head_of_a_reply(text: str, said: Said) -> None:
    assert yes_no.read(text, about_suicide=True) is said


PARENT = ("someone_else", "parent")


@pytest.mark.parametrize(
    ("state", "text", "label"),
    [
        # "me" in another's words is no "Looking after myself"
        (
            PARENT,
            "How do I even start talking to her about it? I'm terrified she'll shut me out.",
            "How to talk with them",
        ),
        (
            PARENT,
            "and honestly how do I look after myself, I haven't slept",
            "Looking after myself",
        ),
        (PARENT, "Come parlarle. Non voglio che si chiuda.", "How to talk with them"),
        (PARENT, "cómo hablarle sin que se enoje", "How to talk with them"),
        # Taglish: Tagalog's small words say nothing of which; a few menu words glossed
        (("topics", "menu"), "may urge ako ngayon po", "I have an urge right now"),
        (("topics", "menu"), "ginawa ko ulit po kagabi", "I did it again"),
        (("topics", "me_and_others"), "yung mag-isa", "I feel alone"),
        (("topics", "recovery"), "bakit ko ba to ginagawa po", "Why I self-injure"),
        # a grandchild is family, in any of the six languages
        (("scars", "questions"), "Meine Enkelin, sie ist 12.", "Someone I trust"),
        (("scars", "questions"), "my granddaughter, she's 9", "Someone I trust"),
        # Scots, as typed in Glasgow
        (("telling", "intro"), "dinnae want tae tell anyone really", "I don't want to tell anyone"),
        # a symptom said to have stopped is no symptom
        (
            ("realistic_expectations", "injury"),
            "naw its stopped bleedin its no that deep. its just on my leg",
            "No, none of it",
        ),
    ],
)
def test_typed_words_at_a_step_go_where_the_button_meant_goes(
    state: tuple[str, str], text: str, label: str
) -> None:
    where = at(*state)
    result, button = typed(where, text), tapped(where, label)
    assert result.state == button.state
    assert result.messages == button.messages


def test_a_bleeding_still_going_is_still_a_symptom() -> None:
    where = at("realistic_expectations", "injury")
    assert typed(where, "its still bleeding").state == tapped(where, "Yes, some of it fits").state


def test_a_pronoun_synonym_still_answers_a_short_message() -> None:
    assert match_choice("me", [("Looking after them",), ("Looking after myself", "me")]) == 1
    assert match_choice("and what about me", [("Them",), ("Looking after myself", "me")]) is None


async def test_my_data_asked_for_twice_soon_does_not_open_with_the_same_words(
    chat: FakeChat,
) -> None:
    await chat.send("/mydata")
    assert chat.first.text.startswith(words.MYDATA_INTRO)

    await chat.send("/mydata")

    assert chat.first.text.startswith(words.MYDATA_AGAIN)
    assert chat.first.document is not None  # the file all the same


async def test_words_typed_under_crisis_lines_are_not_kept_as_a_hidden_steps_answer(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.tap('What does "recovered" mean?')
    await chat.tap("What it means to me")
    assert "What might getting better look like for you?" in chat.text()
    await chat.send("i want to kill myself")
    assert chat.is_crisis()

    await chat.send("ok")  # to the lines, not to the question they came after

    assert "Here's what you wrote" not in chat.text()
    await chat.send("/mydata")
    assert "• ok" not in chat.text()


async def test_a_lapse_told_with_when_at_the_topics_is_i_did_it_again(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("i did it last nite")

    assert "Did you take or swallow anything?" in chat.text()


@pytest.mark.parametrize("typed", ["ok thanks", "passt, danke", "vale"])
async def test_a_plain_ok_to_the_cores_menu_carries_on_where_we_were(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.send("i feel so awful today")
    if "No" in chat.buttons():  # "are you thinking about suicide?"
        await chat.tap("No")
    assert "Carry on where we were" in chat.buttons()

    await chat.send(typed)

    assert chat.first.text in words.MENU_AGAIN  # as the tap says: no "you're welcome"
    assert "What recovery can look like" in chat.buttons()  # the step they were at


@pytest.mark.parametrize(
    "typed",
    ["how do i look after it masel then", "what about wound care?", "wound care", "first aid"],
)
async def test_wound_care_asked_anywhere_gets_the_injury_check_then_first_aid(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")

    await chat.send(typed)

    assert "Does any of this fit?" in chat.text()  # the red flags first (SAFE_MESSAGING 10)
    assert "Yes, some of it fits" in chat.buttons()


async def test_privacy_named_alone_is_answered(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("privacy")

    assert chat.first.text == words.ASIDE_PRIVACY


@pytest.mark.parametrize("text", ["Then not now. It does not work.", "not right now, sorry"])
def test_a_plain_not_now_first_skips_a_step_that_asks_for_words(text: str) -> None:
    where = at("realistic_expectations", "meaning_ask")
    result = typed(where, text)
    assert result.state is not None and result.state["node"] != "meaning_kept_after"
    assert not result.effects  # nothing kept


def test_words_that_begin_otherwise_are_still_kept() -> None:
    where = at("realistic_expectations", "meaning_ask")
    assert typed(where, "not hurting myself when things go wrong").effects
