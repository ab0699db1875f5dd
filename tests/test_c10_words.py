"""What the c10 writers typed and the bot missed (issue 19, l17), by cause: a menu's words
and goodbyes in other languages (dialogues/glossary.yaml), what someone is thanked for read
as no option, a negated urge glossed as no urge, a label's "them" said as what it stands
for, privacy asked in words, and the country picker's button typed with the country."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import asides, delete_typed, words
from dialogues import Facts, Step, Tap, Typed, glosses, step
from dialogues.matching import before_goodbye, match_choice, names_label
from tests.fakes import FakeChat, shipped_library


def at(flow: str, node: str) -> dict[str, Any]:
    return {"flow": flow, "node": node, "vars": {}, "last": {}, "known": {}}


def tapped(state: dict[str, Any], label: str) -> Step:
    node = shipped_library().flows[state["flow"]].nodes[state["node"]]
    index = next(i for i, c in enumerate(node.choices or (), 1) if c.label.startswith(label))
    return step(
        shipped_library(), state, Tap(f"{state['flow']}.{state['node']}.{index}"), facts=Facts()
    )


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), state, Typed(text), facts=Facts())


@pytest.mark.parametrize(
    ("flow", "node", "text", "label"),
    [
        ("realistic_expectations", "recovered", "O que significa para mim", "What it means to me"),
        ("realistic_expectations", "recovered", "cosa significa per me", "What it means to me"),
        ("toolbox", "intro", "Ideen finden. Aber bitte was Gescheites.", "Find ideas to try"),
        ("toolbox", "intro", "buscar ideas", "Find ideas to try"),
        ("toolbox", "picked", "Nein. Andere Idee.", "Pick another idea"),
        ("toolbox", "picked", "otra idea", "Pick another idea"),
        ("telling", "want_listen", "Et si ça tourne mal?", "What if it goes badly?"),
        ("telling", "want_listen", "e se der errado?", "What if it goes badly?"),
        ("telling", "words", "Ce que je veux de lui", "What do I want from them?"),
        ("telling", "words", "lo que quiero de ella", "What do I want from them?"),
        ("urges", "some", "basta per ora", "That's all for now"),
        ("urges", "some", "Obrigada. Por hoje chega.", "That's all for now"),
        ("toolbox", "later", "doei!", "I'm done for now"),
        ("toolbox", "picked", "Voltar aos temas", "Back to topics"),
    ],
)
def test_a_buttons_words_and_goodbyes_in_other_languages_go_where_it_goes(
    flow: str, node: str, text: str, label: str
) -> None:
    state = at(flow, node)
    assert typed(state, text).state == tapped(state, label).state


def test_what_someone_is_thanked_for_picks_no_option() -> None:
    options = [("Who can help", "help", "doctor"), ("Back",), ("That's all for now",)]
    assert match_choice("OK. That is all for now, thank you for your help. Goodbye.", options) != 0
    assert match_choice("thanks for the help", options) != 0
    assert match_choice("who can help her?", options) == 0
    state = at("someone_else", "parent_self")
    result = typed(state, "OK. That is all for now, thank you for your help. Goodbye.")
    assert result.state == tapped(state, "That's all for now").state


def test_an_urge_denied_in_spanish_is_no_urge() -> None:
    assert glosses.glossed("no tengo ganas ahora") == "no urge ahora"
    assert glosses.glossed("ho voglia adesso") == "i have an urge right now"
    result = typed(at("topics", "menu"), "ya lo hice hace 2 días. no tengo ganas ahora")
    assert result.state != tapped(at("topics", "menu"), "I have an urge right now").state


@pytest.mark.parametrize(
    ("text", "label", "names"),
    [
        ("learning to accept my scars", "Learning to accept them", True),
        ("learning to accept the scars please", "Learning to accept them", True),
        ("the when people ask one", "When people ask", True),
        ("learning to accept nothing", "Learning to accept them", False),
        ("learning to accept my scars is hard for me", "Learning to accept them", False),
    ],
)
def test_a_labels_them_may_be_said_as_what_it_stands_for(
    text: str, label: str, names: bool
) -> None:
    assert names_label(text, label) is names


def test_learning_to_accept_my_scars_goes_there_from_another_step_of_scars() -> None:
    result = typed(at("scars", "doctor_asks"), "learning to accept my scars")
    assert result.state == tapped(at("scars", "intro"), "Learning to accept them").state


@pytest.mark.parametrize(
    "text",
    [
        "No thanks. Now, can I see what you've got on me so far?",
        "can I see what you have on me",
        "show me everything you keep about me",
    ],
)
def test_asking_to_see_what_the_bot_has_on_them_shows_their_data(text: str) -> None:
    assert asides.way(text) == "own_data"


@pytest.mark.parametrize("text", ["anything you have", "what you got", "i hate what you said"])
def test_what_you_have_without_me_is_no_ask_for_their_data(text: str) -> None:
    assert asides.way(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to delete everything you've got on me, please.",
        "delete whatever you know about me",
        "erase everything you have stored",
    ],
)
def test_asking_in_words_to_erase_what_the_bot_has_on_them_asks_to_erase(text: str) -> None:
    assert delete_typed.read(text, asked=False) == "ask"


@pytest.mark.parametrize(
    "text",
    [
        "where is my data stored?",
        "You didn't say where it's stored. Is it on a server overseas or on my phone?",
        "who can see it?",
        "where do you keep my data?",
    ],
)
def test_where_their_data_is_kept_is_asked_of_privacy(text: str) -> None:
    answer = asides.question(text)
    assert answer is not None and answer.text == words.ASIDE_PRIVACY


@pytest.mark.parametrize("text", ["where is it?", "where are you?", "where is the toolbox"])
def test_other_where_questions_are_not_about_privacy(text: str) -> None:
    answer = asides.question(text)
    assert answer is None or answer.text != words.ASIDE_PRIVACY


async def test_deleting_what_the_bot_has_typed_in_words_asks_to_erase(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("I'd like to delete everything you've got on me, please.")
    assert chat.last[0].text == words.DELETE_ASK


async def test_the_country_buttons_words_typed_with_a_country_choose_it(chat: FakeChat) -> None:
    await chat.send("i want to kill myself")  # the lines, with "Choose my country" under them
    assert words.CHOOSE_MY_COUNTRY in chat.buttons()
    await chat.send("Choose my country. I live in the United Kingdom, in Birmingham.")
    said = " ".join(reply.text for reply in chat.last)
    assert "crisis lines for United Kingdom" in said and "999" in said
    assert "Where do you live" not in said


@pytest.mark.parametrize(
    "text",
    [
        "Good grief. I haven't taken anything. I said forty years, not forty tablets. Go back.",
        "Coudonc! Je suis pas en danger. Retourner où on était.",
    ],
)
def test_a_way_back_said_last_is_a_way_back(text: str) -> None:
    assert asides.way(text) == "resume"


def test_a_way_back_said_first_and_then_refused_is_none() -> None:
    assert asides.way("I dont want to go back. its hard") is None


async def test_asking_to_see_their_data_at_a_menu_shows_it_and_the_menu_stays(
    chat: FakeChat,
) -> None:
    await chat.send("/topics")
    await chat.send("No thanks. Now, can I see what you've got on me so far?")
    assert chat.last[0].text.startswith(words.MYDATA_INTRO)
    assert "I have an urge right now" in chat.buttons()


def test_an_answer_before_a_goodbye_is_read_as_the_answer() -> None:
    state = at("scars", "accept")  # "That was hard", "That felt okay", "Back to topics"
    result = typed(state, "that felt okay actually. thanks, bye")
    assert result.state == tapped(state, "That felt okay").state
    told = "it felt a little bit okay actually. dank je, I think I am ready for the job now. doei"
    unsure = typed(state, told)
    assert unsure.messages[0].text == 'Did you mean "That felt okay"?'  # asked, not left
    assert before_goodbye("it felt okay actually. thanks, bye") == "it felt okay actually"
    assert before_goodbye("thanks. bye") is None  # only small talk before it: a goodbye
    assert before_goodbye("it felt okay actually") is None
