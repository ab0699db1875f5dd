"""Short answers in Spanish, Portuguese, German and French read by what they mean, at any
step with buttons (dialogues/glosses.py); paraphrases read by meaning (dialogues/meaning.py)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import countries
from dialogues import Facts, Step, Typed, glosses, normalise, step
from dialogues.matching import match_choice, small_talk
from dialogues.meaning import read_options
from dialogues.topics import named_topic
from tests.fakes import shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


def where(result: Step) -> tuple[str, str] | None:
    return (result.state["flow"], result.state["node"]) if result.state else None


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("si", "yes"),
        ("Sí", "yes"),
        ("sim, pode", "yes, yes"),
        ("ja", "yes"),
        ("nein danke", "no thanks"),
        ("agora não, obrigada", "not now, thanks"),
        ("jetzt nicht", "not now"),
        ("jeden tag", "every day"),
        ("arbeit", "work"),
        ("vamos", "let s do it"),
        ("para agora, to cansada", "stop for now, to cansada"),
        ("hello there", "hello there"),
    ],
)
def test_short_answers_are_glossed_into_english(text: str, english: str) -> None:
    assert glosses.english(text) == english


def test_accents_are_folded_so_typed_and_untyped_accents_read_alike() -> None:
    assert normalise("São Paulo") == "sao paulo"
    assert normalise("não") == "nao"


@pytest.mark.parametrize(
    ("state", "text", "goes"),
    [
        (at("welcome", "hello"), "sim, pode", ("welcome", "privacy")),
        (at("welcome", "privacy"), "si", ("welcome", "country_q")),
        (at("welcome", "checkins_q"), "sim", ("welcome", "checkins_open")),
        (at("welcome", "hello"), "no gracias", ("welcome", "not_now")),
        (at("welcome", "hello"), "jetzt nicht", ("welcome", "not_now")),
    ],
)
def test_a_yes_or_no_in_another_language_picks_the_button_that_means_it(
    state: dict[str, Any], text: str, goes: tuple[str, str]
) -> None:
    assert where(typed(state, text)) == goes


def test_a_glossed_word_is_read_with_the_same_margins_as_english() -> None:
    # "si" is "yes", which two options both say: no guess
    assert match_choice(glosses.english("si"), [("Yes, now",), ("Yes, later",)]) is None


@pytest.mark.parametrize("text", ["my mom", "my dad", "telling my sister"])
def test_a_relative_after_my_is_someone_in_my_family(text: str) -> None:
    options = [
        ("A friend",),
        ("Someone in my family", "family"),
        ("A teacher or counsellor",),
        ("A doctor or nurse",),
    ]
    reading = read_options(text, options)
    assert reading is not None and reading.index == 1


def test_funny_is_humour() -> None:
    options = [("Kindness",), ("Humour",), ("Not giving up",), ("Being honest",)]
    reading = read_options("funny", options)
    assert reading is not None and reading.index == 1 and reading.meant


def test_a_word_two_topics_share_names_the_one_whose_label_says_it() -> None:
    named = named_topic(shipped_library(), "toolbox pls", here="topics", at="menu")
    assert named is not None and named[0] == "My coping toolbox" and named[2]


@pytest.mark.parametrize(
    ("text", "code"), [("São Paulo", "BR"), ("sao paulo", "BR"), ("Lisboa", "PT"), ("wien", "AT")]
)
def test_a_big_city_typed_with_or_without_accents_is_its_country(text: str, code: str) -> None:
    assert countries.find(text) == code
    assert countries.named(text) == code


def test_im_back_after_an_urge_timer_is_done() -> None:
    result = typed(at("urges", "timer5"), "im back. it helped a bit")
    assert where(result) == ("urges", "rerate")


# -- the glossary (dialogues/glossary.yaml) ----------------------------------------------------


def test_the_shipped_glossary_has_no_problems() -> None:
    assert glosses.problems(glosses.button_words(shipped_library())) == []


def test_a_phrase_glossed_two_ways_is_a_problem() -> None:
    data = {"glosses": [{"english": "yes", "pt": ["certo"]}, {"english": "ok", "it": ["certo"]}]}
    found = glosses.problems(frozenset(), data=data)
    assert [p.message for p in found] == ["'certo' glossed as both 'yes' and 'ok'"]


def test_a_phrase_that_is_an_english_button_word_is_a_problem() -> None:
    data = {"glosses": [{"english": "how", "it": ["come"]}]}
    found = glosses.problems(frozenset({"come", "back"}), data=data)
    assert "also an English word the buttons say" in found[0].message


def test_an_unknown_language_or_an_entry_without_english_is_a_problem() -> None:
    data = {"glosses": [{"english": "yes", "sv": ["ja"]}, {"es": ["si"]}]}
    messages = [p.message for p in glosses.problems(frozenset(), data=data)]
    assert any("not a language of the glossary" in m for m in messages)
    assert any("without its English" in m for m in messages)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("algo más", "something else"),
        ("dime más", "tell me more"),
        ("seguir donde estábamos", "carry on where we were"),
        ("weiter wo wir waren", "carry on where we were"),
        ("c'est tout", "that s it"),
        ("me calmer", "calm down"),
        ("la musique, oui", "music, yes"),
        ("cicatrizes", "scars"),
        ("Narben", "scars"),
        ("não!!", "no!!"),
        ("ah ok. valeu, tchau", "ah ok. thanks, bye"),
        ("lo hice otra vez", "i did it again"),
        ("recaí", "i did it again"),
        ("ich habe es wieder getan", "i did it again"),
        ("l'ho rifatto", "i did it again"),
        ("grazie mille", "thanks"),
    ],
)
def test_menu_words_in_five_languages_are_glossed_into_the_buttons_english(
    text: str, english: str
) -> None:
    assert glosses.english(text) == english


def test_english_is_not_glossed() -> None:
    assert glosses.glossed("I did it again last night") is None


@pytest.mark.parametrize(
    ("state", "text", "goes"),
    [
        (at("topics", "menu"), "cicatrizes", ("scars", "intro")),
        (at("topics", "menu"), "Narben", ("scars", "intro")),
        (at("topics", "menu"), "lo hice otra vez", ("relapse", None)),
        (at("topics", "menu"), "recaí", ("relapse", None)),
        (at("topics", "recovery"), "como es la recuperación", ("realistic_expectations", "intro")),
        (at("realistic_expectations", "intro"), "dime más", ("realistic_expectations", None)),
        (at("insight", "costs_more"), "c'est tout", ("insight", None)),
        (at("toolbox", "need"), "me calmer", ("toolbox", "calm")),
        (at("toolbox", "ground"), "una bebida fria", ("toolbox", None)),
        (at("scars", "questions"), "alguém que não conheço bem", ("scars", None)),
    ],
)
def test_words_typed_in_another_language_pick_the_button_that_means_them(
    state: dict[str, Any], text: str, goes: tuple[str, str | None] | None
) -> None:
    result = typed(state, text)
    if goes is None:
        return
    flow, node = goes
    assert result.state is not None
    if flow == "relapse":  # "I did it again": wherever the menu's own button goes
        tapped = step(shipped_library(), state, Typed("I did it again"), facts=Facts())
        assert where(result) == where(tapped)
        return
    assert result.state["flow"] == flow
    if node is not None:
        assert result.state["node"] == node
    assert result.state["node"] != state["node"]  # it went on: understood


@pytest.mark.parametrize(
    "text",
    ["Nein, es ist nicht schwer. Danke, auf Wiedersehen", "ah ok. valeu, tchau", "no. bye"],
)
def test_a_last_sentence_that_only_says_goodbye_is_leaving(text: str) -> None:
    assert small_talk(glosses.english(text)) == "bye"


def test_a_goodbye_asked_as_a_question_is_not_leaving() -> None:
    assert small_talk("I dont know what to do. bye?") is None


def test_a_negation_glossed_keeps_the_word_after_it_negated() -> None:
    # "no puedo seguir" is "I can't carry on", never the button "Carry on"
    assert match_choice(glosses.english("no puedo seguir"), [("Carry on",), ("Back",)]) is None
    assert match_choice(glosses.english("seguir"), [("Carry on",), ("Back",)]) == 0


@pytest.mark.parametrize(
    ("text", "english"),
    [("não!!", "no!!"), ("sim, pode", "yes, yes"), ("estou bem", "i m fine")],
)
def test_a_reply_the_glossary_has_every_word_of_is_glossed_whole(text: str, english: str) -> None:
    assert glosses.wholly(text) == english


@pytest.mark.parametrize("text", ["você pode me ajudar?", "sim, mas não sei", "hello"])
def test_a_reply_with_words_left_in_another_language_is_not_glossed_whole(text: str) -> None:
    assert glosses.wholly(text) is None


def test_the_bot_reads_the_glossary_at_start_not_on_someones_first_message() -> None:
    from bot.config import load_settings
    from bot.wiring import load_data

    glosses.glossary.cache_clear()
    load_data(load_settings())
    assert glosses.glossary.cache_info().currsize == 1  # a first crisis waits for no file


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("cosas q probar en lugar de eso", "things to try instead"),
        ("pq me acalma", "pq it calms me down"),
        ("vc fala mais", "vc fala more"),
    ],
)
def test_words_texted_short_are_read_in_full_only_inside_a_phrase(typed: str, said: str) -> None:
    assert glosses.english(typed) == said
