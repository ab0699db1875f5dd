"""Typed words a menu's buttons do not name, read for the button they fit (issue 19, l18):
a slip asked about is a question, never a lapse told; loneliness told at a menu is the
button about being alone, reaching out or other people; words of one's own at a menu are
kept by its button that asks for them (English ones; others open that step); worried words
are kept only by a step that asks about hard things; a time said the way Spanish,
Portuguese, French, Italian, German or Dutch say it is that time; feelings, directions
("a bit lower") and other languages' words pick the button meant. The examples are in
voices of their own, beside the bench's."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from bot.checkins import wanted
from bot.core import fit
from dialogues import Facts, Step, Tap, Typed, step
from tests.fakes import FakeChat, shipped_library

SETBACKS = "Setbacks are common."
LAPSE = "Did you take or swallow anything?"


@pytest.mark.parametrize(
    "text",
    [
        "what if I relapse",
        "and if it happens again?",
        "So one slip does not reset the 5 months?",
        "does a relapse mean i have to start over?",
        "if i slip up does that mean i failed",
        "I'm scared it will happen again",
        "qué pasa si recaigo después de seis meses? lo pierdo todo?",
        "y si vuelvo a hacerlo?",
        "e se eu recair depois de tanto tempo?",
        "et si je rechute ?",
        "e se ci ricasco?",
        "Was ist, wenn ich rückfällig werde?",
    ],
)
def test_a_slip_asked_about_is_a_question(text: str) -> None:
    assert fit.asks_about_a_slip(text)


@pytest.mark.parametrize(
    "text",
    [
        "i did it again",
        "I relapsed last night, what if it happens again",
        "what if he thinks im a freak",
        "what if my mum finds out",
        "lo volví a hacer anoche",
    ],
)
def test_a_slip_told_or_another_worry_is_no_such_question(text: str) -> None:
    assert not fit.asks_about_a_slip(text)


async def test_a_slip_asked_about_at_recoverys_menu_is_its_talk_of_setbacks(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    assert "I did it again" in chat.buttons()

    await chat.send("so one slip doesnt reset the 5 months?")  # "slip": a word of the lapse

    assert SETBACKS in chat.text()
    assert LAPSE not in chat.text()


async def test_a_slip_asked_about_anywhere_gets_what_recovery_can_look_like(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")

    await chat.send("what if i relapse after all this time and lose everything")

    assert SETBACKS in chat.text()
    assert LAPSE not in chat.text()
    assert "are you thinking about suicide?" not in chat.text()


async def test_a_getting_better_menu_goes_by_its_own_button(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")

    await chat.send("qué pasa si recaigo después de seis meses? lo pierdo todo?")

    assert "Let's talk about what getting better can look like." in chat.text()
    assert LAPSE not in chat.text()


async def test_a_slip_told_with_a_what_if_is_still_the_lapse(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("I relapsed last night, what if it happens again")

    assert LAPSE in chat.text()


@pytest.mark.parametrize(
    "text",
    [
        "also I am lonely here, my family is in Poland",
        "I am alone here in Paris, I have not many friends.",
        "me siento muy sola, estoy lejos de mi casa",
        "je suis seule ici depuis septembre",
        "ich bin so einsam seit dem Umzug",
        "i dont have any friends at uni",
    ],
)
def test_loneliness_is_read_in_several_languages(text: str) -> None:
    assert fit.lonely(text)


@pytest.mark.parametrize("text", ["leave me alone", "solo quiero hablar", "things i can do alone"])
def test_alone_in_other_senses_is_no_loneliness(text: str) -> None:
    assert not fit.lonely(text)


@pytest.mark.parametrize(
    ("labels", "fits"),
    [
        (["Stress", "I feel alone", "Back"], 1),
        (["Reach out to someone", "My safety plan", "Not now"], 0),
        (["Telling someone", "Something else is going on too", "Back to topics"], 1),
        (["Someone is hurting me", "Finding safe people", "Something else is going on too"], 1),
        (["Things I can do alone", "People I can ask", "Back"], 1),
        (["Wait 15 minutes with me", "Something else"], None),
    ],
)
def test_loneliness_fits_the_button_about_being_alone_then_people(
    labels: list[str], fits: int | None
) -> None:
    assert fit.lonely_button(labels) == fits


async def test_loneliness_told_at_a_menu_is_the_button_it_fits(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("What's going on underneath")
    await chat.tap("School or work")
    assert "Something else is going on too" in chat.buttons()

    await chat.send("also I am lonely here, my family is in Poland")

    assert "are you thinking about suicide?" not in chat.text()
    assert "what's weighing on you?" in chat.text().lower()


@pytest.mark.parametrize(
    ("text", "code", "at"),
    [
        ("en la tarde, tipo 8", None, time(20, 0)),
        ("a la noche, tipo 10", None, time(22, 0)),
        ("todos los días en la tarde, tipo 8", "d", time(20, 0)),
        ("pela manhã, lá pelas 8", None, time(8, 0)),
        ("todo dia às 20h", "d", time(20, 0)),
        ("dans la soirée vers 9", None, time(21, 0)),
        ("tous les soirs vers 21h", "d", time(21, 0)),
        ("nel pomeriggio verso le 4", None, time(16, 0)),
        ("ogni sera alle 9", "d", time(21, 0)),
        ("am Nachmittag so um 4", None, time(16, 0)),
        ("jeden Tag um 8 abends", "d", time(20, 0)),
        ("'s avonds om 9", None, time(21, 0)),
        ("de segunda a sexta, 7 da manhã", "k", time(7, 0)),
    ],
)
def test_a_time_said_the_way_other_languages_say_it_is_that_time(
    text: str, code: str | None, at: time
) -> None:
    read = wanted.read(text)
    assert read is not None
    assert (read.code, read.at) == (code, at)


@pytest.mark.parametrize(
    ("text", "period"),
    [("en la tarde", "afternoon"), ("le soir", "evening"), ("de manhã", "morning")],
)
def test_a_part_of_the_day_in_other_languages_is_that_part(text: str, period: str) -> None:
    read = wanted.read(text)
    assert read is not None and read.period == period


def test_tomorrow_is_no_morning() -> None:
    assert wanted.read("mañana a las 8") is None  # "mañana" alone: tomorrow, which 8 unsaid


async def _at_more_strengths(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("My strengths")
    await chat.tap("Yes, let's look")
    await chat.tap("More ideas")
    assert "In my own words" in chat.buttons()


async def test_own_words_at_a_menu_are_kept_by_its_button_that_asks_for_them(
    chat: FakeChat,
) -> None:
    await _at_more_strengths(chat)

    await chat.send("making my little brother laugh when he is down")

    assert not any(line.startswith("Thank you for telling me") for line in chat.text().split("\n"))
    await chat.send("/mydata")
    assert "making my little brother laugh when he is down" in chat.text()


@pytest.mark.parametrize(
    "text", ["what counts as brave?", "idk", "no i meant the other list", "hi there"]
)
async def test_a_question_a_no_or_idk_at_such_a_menu_is_never_kept(
    chat: FakeChat, text: str
) -> None:
    await _at_more_strengths(chat)

    await chat.send(text)

    await chat.send("/mydata")
    assert text not in chat.text()


@pytest.mark.parametrize("text", ["stubborn af", "medyo matapang po"])
async def test_own_words_not_plainly_english_open_the_step_and_keep_nothing(
    chat: FakeChat, text: str
) -> None:
    await _at_more_strengths(chat)

    await chat.send(text)

    assert "What is a strength of yours, in your own words?" in chat.text()
    await chat.send("/mydata")
    assert text not in chat.text()


async def _writing_a_value(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/topics")
    await chat.tap("Me and other people")
    await chat.tap("What matters to me")
    await chat.tap("Find my values")
    await chat.tap("More ideas")
    await chat.tap("In my own words")
    assert "in your own words" in chat.text().lower()


async def test_worried_words_at_a_step_asking_for_a_value_are_heard_not_kept(
    chat: FakeChat,
) -> None:
    await _writing_a_value(chat)

    await chat.send("i hate myself and everything is falling apart")

    assert "kept" not in chat.text().lower()
    if "No" in chat.buttons():  # "are you thinking about suicide?"
        await chat.tap("No")
    assert "Carry on where we were" in chat.buttons()  # the concern reply, the place kept
    await chat.send("/mydata")
    assert "i hate myself" not in chat.text()


async def test_a_calm_value_in_own_words_is_still_kept(chat: FakeChat) -> None:
    await _writing_a_value(chat)

    await chat.send("looking after animals")

    await chat.send("/mydata")
    assert "looking after animals" in chat.text()


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


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("urges", "activity", "im just so mad at her", "To let a feeling out"),
        (
            "urges",
            "activity",
            "idk i just feel so much and it needs to go somewhere",
            "To let a feeling out",
        ),
        ("urges", "surf_breathe", "a bit lower, 2 maybe", "It's easing a little"),
        ("urges", "surf_breathe", "un po meglio dai", "It's easing a little"),
        ("urges", "surf_breathe", "ein bisschen besser", "It's easing a little"),
        ("urges", "surf_breathe", "still the same", "It's still strong"),
        ("urges", "surf_peak", "weaker now i think", "It's easing now"),
        ("telling", "intro", "Je pense à le dire à mon chum.", "I'm thinking of telling someone"),
        ("telling", "intro", "quiero contarle a mi novio", "I'm thinking of telling someone"),
        ("insight", "does_more", "autre. like i deserve it", "Pick another"),
    ],
)
def test_feelings_directions_and_other_languages_pick_the_button_meant(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


def test_a_direction_denied_picks_neither_way() -> None:
    state = at("urges", "surf_breathe")
    assert typed(state, "its not going down").state != tapped(state, "It's easing a little").state


def test_a_menu_after_a_kept_answer_would_keep_words_saying_not_to() -> None:
    # the engine's own reading (dialogues/engine.py), which the core guards against
    result = typed(
        at("realistic_expectations", "meaning_kept_after"),
        "wait no thats not what i meant, dont save that",
    )
    assert any(getattr(item, "action", None) == "save" for item in result.out)


async def test_words_saying_not_to_keep_them_are_never_kept(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.tap('What does "recovered" mean?')
    await chat.tap("What it means to me")
    await chat.send("fewer hard nights")
    assert "Change it" in chat.buttons()

    await chat.send("wait no thats not what i meant, dont save that")

    assert "• wait no thats not what i meant" not in chat.text()
    await chat.send("/mydata")
    assert "dont save that" not in chat.text()


async def test_a_slip_asked_beside_a_buttons_words_takes_that_button(chat: FakeChat) -> None:
    await chat.send("/topics")

    await chat.send("Getting better, I suppose. Does one slip mean I'm back to square one?")

    assert "These are about getting better." in chat.text()


@pytest.mark.parametrize("text", ["4, je viens de te l'expliquer.", "4. like i said", "#4 - that"])
async def test_a_menus_number_said_first_with_more_words_is_that_button(
    chat: FakeChat, text: str
) -> None:
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("Why I self-injure")
    await chat.tap("Yes, gently")
    labels = chat.buttons()
    assert labels[3] == "It feels like I deserve it"

    await chat.send(text)

    assert "You don't deserve to be hurt." in chat.text()
