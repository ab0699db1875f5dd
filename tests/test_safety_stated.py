"""Safety stated to the bot's own safety questions (c7, issue 19: "never lectured"): a clear
"I'm safe" in any of six languages, after a no or a yes and whatever else is said, is safe,
never "Please call your local emergency number now"; a no to "are you thinking about
suicide?" that goes on with worried words is heard gently, not as a crisis (one that goes
on with none is only thanked); and an act told
beside safety ("I'm safe but I took them", "sí, ya me corté") still gets the emergency number
first (bot/core/yes_no.py, rules 7 and 10; bot/core/questions.py)."""

from __future__ import annotations

import pytest

from bot.core.words import ASKED_NO, ASKED_NO_AND_MORE, SAFE_NOW
from tests.fakes import FakeChat

NOT_SAFE = "put some distance between you and anything you might use"
HOPELESS = "everything is pointless"
BLEEDING = "i did it again tonight and its kinda still bleeding? its been like 20 min"


@pytest.mark.parametrize(
    "typed",
    [
        # c7-04: a grandmother with thirty-year-old scars
        "Oh goodness no I'm perfectly safe love, nobody's in danger! It's just the scars, "
        "I'm worried about folk staring at them on the beach.",
        # c7-02: a father saying goodbye (the model alone reads this as a crisis)
        "Yes, I am perfectly safe. I was only saying goodbye. Thank you.",
        # c7-08: worry about a partner's reaction misread as abuse
        "er tut mir nichts!! he's lovely. I'm just scared of how he'll react",
        "I don't need an ambulance, I'm fine",
    ],
)
async def test_safety_stated_after_the_lines_is_safe_never_the_emergency_number(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/sos")

    await chat.send(typed)

    assert not chat.is_crisis()
    assert NOT_SAFE not in chat.text()
    assert SAFE_NOW in chat.text()


@pytest.mark.parametrize(
    "typed",
    ["No, estoy bien", "estou segura, obrigada", "je suis en sécurité", "sono al sicuro",
     "mir geht's gut, ich bin sicher"],
)  # fmt: skip
async def test_safety_stated_in_other_languages_is_safe(chat: FakeChat, typed: str) -> None:
    await chat.send("/sos")

    await chat.send(typed)

    assert not chat.is_crisis()
    assert SAFE_NOW in chat.text()


async def test_safe_after_an_injury_and_go_back_goes_back_with_no_second_alarm(
    chat: FakeChat,
) -> None:
    # c7-01: "second alarm in a row ... did not go back though I said go back"
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.send(BLEEDING)
    assert chat.is_crisis()

    await chat.send("im safe. i said its NOT bleeding. go back")

    assert not chat.is_crisis()
    assert "Tell me more" in chat.buttons()  # the step they were at


@pytest.mark.parametrize(
    "typed", ["I'm safe but I took them", "sí, ya me corté", "yes im fine i just cut myself"]
)
async def test_an_act_told_beside_safety_still_gets_the_emergency_number_first(
    chat: FakeChat, typed: str
) -> None:
    await chat.send("/sos")

    await chat.send(typed)

    assert chat.is_crisis()
    assert NOT_SAFE in chat.first.text


@pytest.mark.parametrize(
    "typed",
    [
        # c7-03 without "não quero morrer" (safety reads that as a crisis on its own words)
        "não. só quero parar de sentir isso",
        "no. solo estoy muy cansada de todo",
        "nein. mir geht es einfach schlecht",
        "no. i just feel so alone",
    ],
)
async def test_a_no_with_distress_to_the_suicide_question_is_heard_gently(
    chat: FakeChat, typed: str
) -> None:
    await chat.send(HOPELESS)

    await chat.send(typed)

    assert not chat.is_crisis()
    assert ASKED_NO_AND_MORE in chat.text()
    assert ASKED_NO not in chat.text() and SAFE_NOW not in chat.text()
    assert "Crisis lines" in chat.buttons()  # a no never hides the lines


@pytest.mark.parametrize(
    "typed", ["No, para nada", "no?? lol no im fine i just want ideas", "Nein! Um Gottes willen."]
)
async def test_a_no_with_nothing_worrying_in_it_is_only_thanked(chat: FakeChat, typed: str) -> None:
    await chat.send(HOPELESS)

    await chat.send(typed)

    assert ASKED_NO in chat.text()
