"""Answers at menus that c11's writers typed and the bot did not understand (issue 19): a
number given first and hedged, "none" and "in a message" in other languages, a no said
twice, "you choose for me", a verb glossed as "skip" in running French, and check-in
times changed in words or said in German."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from bot.checkins.wanted import read as schedule
from dialogues import Facts, Step, Typed, step
from dialogues.engine import PICKED_FOR_YOU
from dialogues.everyday import declines, said, undecided
from dialogues.glosses import english
from dialogues.matching import match_choice, small_talk
from tests.fakes import shipped_library

FIVE = [["a"], ["b"], ["c"], ["d"], ["e"]]


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def where(result: Step) -> tuple[str, str] | None:
    return (result.state["flow"], result.state["node"]) if result.state else None


@pytest.mark.parametrize(
    ("text", "index"),
    [("4 i think", 3), ("4, je viens de te l'expliquer.", 3), ("ok el 1", 0), ("4 please", 3),
     ("the 2", 1)],
)  # fmt: skip
def test_a_number_given_first_picks_by_place(text: str, index: int) -> None:
    assert match_choice(text, FIVE) == index


@pytest.mark.parametrize("text", ["2, and 4", "4pm", "at 4", "2 maybe 3", "10, sorry"])
def test_a_number_among_others_or_a_time_picks_nothing(text: str) -> None:
    assert match_choice(text, FIVE) is None


def test_a_hedged_number_in_portuguese_picks_the_topic() -> None:
    assert where(typed(at("topics", "menu"), "4 acho eu")) == ("topics", "me_and_others")


@pytest.mark.parametrize("text", ["ninguna creo", "ninguna", "nenhuma", "aucune", "keine davon"])
def test_none_in_other_languages_is_none_of_it(text: str) -> None:
    result = typed(at("realistic_expectations", "injury"), text)
    assert "I'm glad none of those fit." in " ".join(m.text for m in result.messages)


@pytest.mark.parametrize("text", ["por mensagem", "por mensaje", "par message", "per messaggio"])
def test_in_a_message_in_other_languages(text: str) -> None:
    result = typed(at("telling", "how"), text)
    assert "A message can feel easier" in " ".join(m.text for m in result.messages)


@pytest.mark.parametrize(
    "text",
    [
        "No thanks, no need for reminders for now.",
        "Non merci, pas besoin de rappels pour l'instant.",
        "Maybe later. I have something I want to talk about first.",
    ],
)
def test_a_no_said_again_declines_the_check_ins(text: str) -> None:
    assert declines(text, "Not now", ["no", "skip", "later"])
    assert where(typed(at("welcome", "checkins_q"), text)) == ("topics", "menu")


@pytest.mark.parametrize(
    "text", ["no thanks, i did it again last night", "no, nothing like that, i did it again"]
)
def test_a_no_before_a_disclosure_is_still_no_decline(text: str) -> None:
    assert not declines(text, "Not now", ["no", "skip", "later"])


@pytest.mark.parametrize(
    "text",
    ["idk wat 2 pick", "you choose", "i dont know which one to pick", "no sé cuál elegir",
     "escolhe tu", "choisis pour moi", "such du aus", "I cant decide"],
)  # fmt: skip
def test_not_knowing_which_to_pick_is_undecided(text: str) -> None:
    assert undecided(text)


@pytest.mark.parametrize("text", ["i dont know what to do anymore", "idk", "i want to pick"])
def test_other_words_are_not_undecided(text: str) -> None:
    assert not undecided(text)


def test_the_bot_picks_the_first_way_through_for_someone_who_cannot_choose() -> None:
    result = typed(at("urges", "options"), "idk wat 2 pick")

    said = [m.text for m in result.messages]
    assert said[0] == PICKED_FOR_YOU.format(label="Wait 15 minutes with me")
    assert where(result) != ("urges", "options")


def test_a_yes_or_no_is_never_picked_for_them() -> None:
    result = typed(at("welcome", "checkins_q"), "you choose")

    assert PICKED_FOR_YOU.split("{")[0] not in " ".join(m.text for m in result.messages)


def test_a_french_answer_to_what_it_costs_is_kept_not_skipped() -> None:
    # c11-12: "je passe mon temps à cacher" (I spend my time hiding) glossed "skip" once
    text = (
        "Le secret, clairement. Ma copine sait rien, je mets des manches longues même en "
        "été. Je passe mon temps à cacher, à mentir un peu, et ça m'épuise."
    )
    result = typed(at("insight", "costs"), text)

    assert where(result) == ("insight", "costs_more")


@pytest.mark.parametrize("text", ["skip", "skip this", "je passe", "paso"])
def test_skip_alone_still_skips_the_costs(text: str) -> None:
    assert where(typed(at("insight", "costs"), text)) == ("insight", "both_plain")


@pytest.mark.parametrize(
    ("text", "at", "hours"),
    [
        ("Actually, make it ten o'clock. The dog gets walked at half nine.", None,
         (time(10), time(22))),
        ("No, I said ten. 10pm, not half nine.", time(22), ()),
        ("10pm not 9", time(22), ()),
        ("Am liebsten abends, so gegen halb neun, wenn ich zu Hause bin.", time(20, 30), ()),
        ("Ich möchte die Uhrzeit ändern, auf morgens um sieben.", time(7), ()),
        ("halb neun", None, (time(8, 30), time(20, 30))),
        ("every day. at 9pm", time(21), ()),
    ],
)  # fmt: skip
def test_the_time_a_change_asks_for_is_read(
    text: str, at: time | None, hours: tuple[time, ...]
) -> None:
    wanted = schedule(text)
    assert wanted is not None
    assert (wanted.at, wanted.hours) == (at, hours)


@pytest.mark.parametrize("text", ["gn", "gn!", "nite", "night night"])
def test_good_night_typed_short_is_goodbye(text: str) -> None:
    assert small_talk(text) == "bye"


@pytest.mark.parametrize(
    "text",
    ["Right. Can we go back to the list of topics?", "back to topics please",
     "can i see the topics again"],
)  # fmt: skip
def test_the_topics_asked_for_in_words(text: str) -> None:
    assert said(text) == "menu"


@pytest.mark.parametrize("text", ["my topics are hard", "back to the topic of my mum"])
def test_topics_talked_about_are_no_way_back(text: str) -> None:
    assert said(text) is None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("What sort of things would you keep, exactly?", "What would you keep?"),
        ("Tu garderais quoi, concrètement ?", "What would you keep?"),
        ("Gut, damit bin ich einverstanden.", "Yes, that's okay"),
    ],
)
def test_the_consent_questions_asked_in_other_words(text: str, label: str) -> None:
    options = [["Yes, that's okay", "yes", "ok"], ["No, don't keep anything", "no"],
               ["What would you keep?", "what"]]  # fmt: skip
    index = match_choice(text, options)
    if index is None:
        index = match_choice(english(text), options)
    assert index is not None and options[index][0] == label


def test_lets_talk_and_the_question_again_in_other_languages() -> None:
    assert english("hablemos") == "keep talking"
    assert english("Die Frage bitte noch einmal.") == "the question again."
