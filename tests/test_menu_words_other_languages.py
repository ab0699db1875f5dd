"""A menu's own words typed in Spanish, Portuguese, French, Italian or German reach the
button they mean (dialogues/glossary.yaml; issue 19, from c8), and a bare "no" at a menu
that asks no yes-or-no question is taken as it is (dialogues/engine.py, rule 14)."""

from __future__ import annotations

from typing import Any

import pytest

from dialogues import Facts, Step, Tap, Typed, everyday, glosses, resume, step
from dialogues.engine import NO_HERE, UNCLEAR, UNCLEAR_AGAIN
from tests.fakes import shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def tapped(state: dict[str, Any], label: str) -> Step:
    """The step a tap on the button whose label begins with `label` takes."""
    node = shipped_library().flows[state["flow"]].nodes[state["node"]]
    labels = [c.label for c in node.choices or ()]
    index = next(i for i, said in enumerate(labels, 1) if said.startswith(label))
    tap = Tap(f"{state['flow']}.{state['node']}.{index}")
    return step(shipped_library(), state, tap, facts=Facts())


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("scars", "intro", "Wenn Leute fragen. Ein Kollege hat mich gefragt.", "When people ask"),
        ("scars", "intro", "quand on me demande", "When people ask"),
        ("scars", "intro", "abdecken oder nicht", "To cover them or not"),
        ("scars", "covering", "wie ich mich dabei fühle", "How I feel about them"),
        ("scars", "covering", "come mi sento", "How I feel about them"),
        ("scars", "questions", "ein Kollege, den ich nicht gut kenne", "Someone I don't know well"),
        ("scars", "questions", "una desconocida en el bus", "Someone I don't know well"),
        ("scars", "feelings", "gemischt, ist unterschiedlich", "Mixed, or it changes"),
        ("scars", "feelings", "sentimientos encontrados", "Mixed, or it changes"),
        ("insight", "does", "acalma-me, acho eu", "It calms me down"),
        ("insight", "does", "me acalma", "It calms me down"),
        ("insight", "does_more", "o que me custa", "What it costs me"),
        ("insight", "costs", "sinto-me pior depois", "I feel worse after"),
        ("insight", "costs", "je me sens plus mal après", "I feel worse after"),
        ("insight", "costs", "guardar segredos", "Keeping secrets"),
        ("realistic_expectations", "today_after", "comment m'en occuper", "How to look after it"),
        ("realistic_expectations", "feelings", "honte", "Ashamed or angry at myself"),
        ("realistic_expectations", "feelings", "ich schäme mich", "Ashamed or angry at myself"),
        ("topics", "me_and_others", "être plus gentil avec moi-même", "Being kinder to myself"),
        ("topics", "menu", "io e gli altri", "Me and other people"),
        ("topics", "menu", "moi et les autres", "Me and other people"),
        ("topics", "recovery", "porque é que me magoo", "Why I self-injure"),
        ("someone_else", "who", "Sono la nonna", "A friend, partner or family"),
        ("someone_else", "who", "soy su abuela", "A friend, partner or family"),
        ("someone_else", "menu", "come chiedergli", "How to ask them"),
        ("someone_else", "ask_them", "E se mi dice di sì?", "What if they say yes?"),
        ("someone_else", "ask_them", "et s'il dit oui ?", "What if they say yes?"),
        ("someone_else", "menu", "Mi ha chiesto di non dirlo", "They asked me to keep it secret"),
        ("topics", "menu", "tengo ganas ahorita, como un 8", "I have an urge right now"),
        ("urges", "options", "algo que hacer por unos minutos", "Something to do for a few"),
        ("urges", "activity", "para distraerme", "To take my mind off things"),
        ("urges", "activity", "mich ablenken", "To take my mind off things"),
        ("urges", "timer5", "ya terminé", "I'm done"),
        ("urges", "some", "anotarlo como logro", "Note this as a win"),
    ],
)
def test_a_buttons_own_words_in_another_language_go_where_the_button_goes(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    result, button = typed(state, text), tapped(state, label)
    assert result.state == button.state
    assert result.messages == button.messages


def test_portuguese_pronouns_are_read_before_or_after_the_verb() -> None:
    assert glosses.english("acalma-me") == glosses.english("me acalma") == "it calms me down"
    assert glosses.english("sinto-me pior depois") == "i feel worse after"


@pytest.mark.parametrize("text", ["no", "Nein", "non", "não", "no!! why do u keep asking me that"])
def test_a_bare_no_at_a_menu_without_a_no_is_taken_as_it_is(text: str) -> None:
    state = at("scars", "feelings")  # "how do you feel about your scars?": no yes or no
    result = typed(state, text)
    said = [m.text for m in result.messages]
    assert said[0] in NO_HERE
    assert not any(line.startswith((UNCLEAR, *UNCLEAR_AGAIN)) for line in said)
    assert result.state is not None and result.state["node"] == "feelings"  # buttons stay
    shown = resume(shipped_library(), state, facts=Facts())
    assert result.messages[-1].buttons == shown.messages[-1].buttons


def test_a_no_that_goes_on_to_tell_something_is_not_a_bare_no() -> None:
    result = typed(at("scars", "feelings"), "no its me, im the one who hates them so much")
    assert result.messages[0].text not in NO_HERE


def test_a_no_is_still_the_no_of_a_menu_that_has_one() -> None:
    state = at("realistic_expectations", "injury")  # "Does any of this fit?"
    assert typed(state, "no").state == tapped(state, "No, none of it").state


@pytest.mark.parametrize(
    "text",
    [
        "No, I'm not. I was answering your question.",
        "NO. i said dont keep anything",
        "no?? i talk about my friend not me",
        "Não. Eu só respondi à pergunta",
    ],
)
def test_a_no_alone_in_the_first_clause_is_taken_as_it_is(text: str) -> None:
    result = typed(at("scars", "feelings"), text)
    assert result.messages[0].text in NO_HERE
    assert result.state is not None and result.state["node"] == "feelings"


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("urges", "timer5", "voltei. melhorou um pouco", "I'm done"),
        ("safety_plan", "new", "empezamos", "Let's start"),
        ("welcome", "privacy", "ya sure thats grand", "Yes, that's okay"),
        ("welcome", "privacy", "That seems fine. You may keep them.", "Yes, that's okay"),
        ("welcome", "privacy", "c'est quoi que tu gardes?", "What would you keep?"),
        ("topics", "me_and_others", "jemandem davon erzählen, ja", "Telling someone"),
    ],
)
def test_a_ways_on_own_words_in_other_words_go_where_it_goes(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


@pytest.mark.parametrize(
    "text", ["ah no you're grand", "nah im good", "no all good", "nah im good. thx i guess"]
)
def test_a_no_that_says_all_is_well_is_a_plain_no(text: str) -> None:
    assert everyday.said(text) == "no"


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        (
            "topics",
            "me_and_others",
            "mi sento solo anche quando sono con gli altri",
            "I feel alone",
        ),
        ("urges", "activity", "pra tirar a cabeça das coisas", "To take my mind off things"),
        ("telling", "how", "una carta, creo", "In a letter"),
    ],
)
def test_more_menu_words_in_other_languages_go_where_the_button_goes(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("topics", "menu", "meine sachen", "My things"),
        ("topics", "menu", "c'est tout pour aujourd'hui", "That's all for now"),
        ("topics", "me_and_others", "was mir wichtig ist", "What matters to me"),
        (
            "topics",
            "me_and_others",
            "estou preocupada com alguém",
            "I'm worried about someone else",
        ),
        ("topics", "recovery", "i miei punti di forza", "My strengths"),
        ("topics", "recovery", "parte de mí no quiere parar", "Part of me doesn't want to stop"),
        ("urges", "options", "je ne me sens pas en sécurité", "I don't feel safe"),
        ("urges", "options", "non mi sento al sicuro", "I don't feel safe"),
        ("urges", "activity", "getröstet werden", "To feel comforted"),
        ("telling", "who", "meine lehrerin", "A teacher or counsellor"),
        ("telling", "want", "solo que me escuche", "Just to listen"),
        ("toolbox", "need", "superar el momento", "To get through the moment"),
    ],
)
def test_the_topics_own_menus_read_other_languages(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("someone_else", "menu", "warnzeichen", "Signs to look out for"),
        ("someone_else", "menu", "prendre soin de moi", "Looking after myself"),
        ("someone_else", "who", "soy su padre", "I'm their parent or carer"),
        ("scars", "intro", "aprender a aceptarlas", "Learning to accept them"),
        ("realistic_expectations", "feelings", "ich habe noch den drang", "I still have urges"),
        ("insight", "does", "siento que me lo merezco", "It feels like I deserve it"),
    ],
)
def test_someone_elses_menus_and_scars_read_other_languages(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("topics", "menu", "estou com vontade agora", "I have an urge right now"),
        ("topics", "menu", "adesso ho l'impulso", "I have an urge right now"),
        ("topics", "menu", "ich hab jetzt den Drang", "I have an urge right now"),
        ("urges", "options", "fazer algo com as mãos", "Something to do for a few"),
        ("urges", "options", "occuper mes mains", "Something to do for a few"),
        ("urges", "activity", "sacar la rabia", "To let a feeling out"),
        ("urges", "activity", "per sfogare la rabbia", "To let a feeling out"),
        ("urges", "activity", "meine Wut rauslassen", "To let a feeling out"),
        ("safety_plan", "warning_skipped", "o próximo", "Next step"),
        ("safety_plan", "warning_skipped", "siguiente paso", "Next step"),
        ("safety_plan", "warning_skipped", "suivant", "Next step"),
        ("safety_plan", "warning_skipped", "avanti", "Next step"),
        ("safety_plan", "warning_skipped", "nächster Schritt", "Next step"),
        ("toolbox", "breathing", "agrégalo", "Add it to my toolbox"),
        ("toolbox", "breathing", "adicione isso", "Add it to my toolbox"),
        ("toolbox", "breathing", "ajoute-le dans ma boîte à outils", "Add it to my toolbox"),
        ("toolbox", "breathing", "aggiungila", "Add it to my toolbox"),
        ("toolbox", "breathing", "füge es hinzu", "Add it to my toolbox"),
        ("toolbox", "intro", "agregar mi propia idea", "Add my own idea"),
        ("toolbox", "intro", "ajouter mon idée", "Add my own idea"),
        ("toolbox", "intro", "meine eigene Idee", "Add my own idea"),
        ("scars", "accept", "c'était bien en fait", "That felt okay"),
        ("scars", "accept", "es war okay", "That felt okay"),
        ("scars", "accept", "è andata bene", "That felt okay"),
        ("someone_else", "who", "sono il suo papà", "I'm their parent or carer"),
        ("someone_else", "who", "yo soy su mamá", "I'm their parent or carer"),
        ("someone_else", "who", "sou mãe dele", "I'm their parent or carer"),
        ("someone_else", "who", "je suis la maman", "I'm their parent or carer"),
        ("someone_else", "who", "ich bin seine Mama", "I'm their parent or carer"),
        ("realistic_expectations", "toolbox_none", "qué hacer en lugar de eso", "Things to try"),
        ("realistic_expectations", "toolbox_none", "alternativen", "Things to try"),
    ],
)
def test_the_urges_toolbox_and_plan_menus_read_other_languages(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    result, button = typed(state, text), tapped(state, label)
    assert result.state == button.state
    assert result.messages == button.messages


def test_lei_e_is_she_is_not_a_question_about_the_bot() -> None:
    assert "are you" not in glosses.english("sono la sua mamma. lei è adulta")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("hapana", "No, it's an urge"),
        ("hapana, ni urge tu", "No, it's an urge"),
        ("ndiyo", "Yes, or I'm not sure"),
    ],
)
def test_a_no_or_yes_in_sheng_answers_the_urges_suicide_question(text: str, label: str) -> None:
    state = at("urges", "very_strong")
    result, button = typed(state, text), tapped(state, label)
    assert result.state == button.state
    assert result.messages == button.messages


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("welcome", "privacy", "okay lang po", "Yes, that's okay"),
        ("welcome", "privacy", "sawa", "Yes, that's okay"),
        ("checkin", "low", "huwag muna", "Not now"),
        ("checkin", "low", "saka na lang", "Not now"),
        ("checkin", "low", "baadaye", "Not now"),
    ],
)
def test_tagalog_and_sheng_ok_and_later_go_where_the_button_goes(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    result, button = typed(state, text), tapped(state, label)
    assert result.state == button.state
    assert result.messages == button.messages


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("lo de los caramelos ácidos", "Strong mints or sour sweets"),
        ("bonbons acidulés", "Strong mints or sour sweets"),
        ("pastilles de menthe", "Strong mints or sour sweets"),
        ("me mexer", "Moving my body"),
        ("mich bewegen", "Moving my body"),
        ("algo con textura", "Holding something with a texture"),
    ],
)
def test_the_toolbox_ideas_read_other_languages(text: str, label: str) -> None:
    state = at("toolbox", "ground")
    result, button = typed(state, text), tapped(state, label)
    assert result.state == button.state
    assert result.messages == button.messages
