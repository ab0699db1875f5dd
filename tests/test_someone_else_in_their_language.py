"""Someone else's self-injury or risk told in any of six languages (c8-08: a grandmother in
Florence writing Italian about her grandson was asked "are you thinking about suicide?"
about herself): the someone-else flow, or the crisis reply for them when their life is at
risk, never the writer's own questions (bot/core/someone_else.py)."""

from __future__ import annotations

import pytest

import safety
from bot.core import someone_else
from bot.core.triage import triage
from bot.messages import Incoming, Person, Platform
from tests.fakes import START, FakeChat

SUICIDE_QUESTION = "are you thinking about suicide?"
THEIR_FLOW = "First, is anyone in danger right now?"
FOR_THEM = "If they are in danger right now, call 112 for them"


async def _ready(chat: FakeChat, country: str = "italy") -> None:
    await chat.send("/start")
    await chat.tap("Tell me more")
    await chat.send("yes")
    await chat.send(country)
    await chat.send("not now")


@pytest.mark.parametrize(
    "text",
    [
        "Vorrei aiutare mio nipote che si taglia",
        "mi hija se corta los brazos, qué hago",
        "estoy muy preocupada por mi nieta, tiene cicatrices",
        "meu filho se corta e eu não sei o que fazer",
        "ma fille se scarifie, je ne sais pas quoi faire",
        "meine Tochter ritzt sich",
        "Meine Enkelin verletzt sich selbst",
        "my grandson cuts himself",
        "one of my students has been self harming",
    ],
)
async def test_anothers_self_injury_in_any_language_goes_to_their_flow(
    chat: FakeChat, text: str
) -> None:
    await _ready(chat)

    await chat.send(text)

    assert THEIR_FLOW in chat.text()
    assert SUICIDE_QUESTION not in chat.text()
    assert not chat.is_crisis()


@pytest.mark.parametrize(
    "text",
    [
        "mia nipote dice che vuole uccidersi stanotte",
        "mi nieto quiere morir",
        "mi hija dice que se quiere matar",
        "minha filha quer morrer",
        "ma fille veut mourir",
        "meine Tochter will sterben",
        "my student told me she wants to die",
        "mi hija está en peligro ahora",
        "mein Sohn hat versucht, sich umzubringen",
        "ma fille a tenté de se suicider hier",
    ],
)
async def test_anothers_life_at_risk_in_any_language_gets_the_lines_for_them(
    chat: FakeChat, text: str
) -> None:
    await _ready(chat)

    await chat.send(text)

    assert chat.is_crisis()
    assert FOR_THEM in chat.first.text
    assert "Are you safe right now?" not in chat.text()
    assert "How to help them" in chat.buttons()


@pytest.mark.parametrize(
    "answer",
    [
        "No, non io! È mio nipote che si fa del male. Io sto bene.",
        "no its not me, my daughter cuts herself",
        "no, no soy yo, es mi hija la que se corta",
        "non, pas moi, c'est ma fille qui se scarifie",
        "no?? i talk about my friend not me",
    ],
)
async def test_not_me_its_my_grandson_to_the_suicide_question_goes_to_their_flow(
    chat: FakeChat, answer: str
) -> None:
    await _ready(chat)
    await chat.send("i feel so hopeless lately")
    assert SUICIDE_QUESTION in chat.text()

    await chat.send(answer)

    assert not chat.is_crisis()
    assert THEIR_FLOW in chat.text()
    assert SUICIDE_QUESTION not in chat.text()


@pytest.mark.parametrize(
    "text",
    [
        "my friend wants to die and i do too",
        "my friend wants to die and honestly same",
        "my friend killed himself and now i feel like doing the same",
        "mi novia me dejó y quiero morir",
        "meine Mutter schreit mich an und ich will sterben",
        "this is not for me. i want to end it all tonight",
        "its not about me, nothing matters anymore and i have a plan",
    ],
)
def test_the_writers_own_crisis_beside_another_person_stays_theirs(text: str) -> None:
    risk = someone_else.theirs(safety.assess(text), text, None)

    assert risk.tier is safety.Tier.CRISIS
    assert not risk.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "she doesn't want to die, she just cuts",
        "er will nicht sterben, er ritzt sich nur",
        "mi hija no está en peligro, pero se corta",
        "my dad died by suicide years ago",
        "i want to die",
    ],
)
def test_their_life_is_at_risk_only_when_it_is_said_of_them(text: str) -> None:
    assert not someone_else.their_danger(text)


def test_the_writers_own_self_injury_beside_another_person_is_not_theirs() -> None:
    assert not someone_else.mentioned("mi mamá me grita y me corto")
    assert not someone_else.mentioned("my sister found out and now i cut my arms")
    assert not someone_else.mentioned("my mum found my scars and now she is worried")
    assert not someone_else.mentioned("my boyfriend doesnt know ive been cutting again")
    assert not someone_else.mentioned("mi madre vio mis cicatrices")
    assert someone_else.mentioned("i just found out my 14 year old has been cutting her arms")


@pytest.mark.parametrize(
    ("first", "worried", "who"),
    [
        ("Vorrei aiutare mio nipote che si taglia", "No, ma sono preoccupata", "Sono la nonna"),
        ("my grandson cuts himself", "no but im worried", "I'm his grandma"),
        ("meine Enkelin ritzt sich", "nein, aber ich mache mir Sorgen", "ich bin die Oma"),
        ("my student self harms", "no just worried", "im her teacher"),
    ],
)
async def test_a_grandparent_or_teacher_says_who_they_are_in_their_words(
    chat: FakeChat, first: str, worried: str, who: str
) -> None:
    await _ready(chat)
    await chat.send(first)
    await chat.send(worried)

    await chat.send(who)

    assert "What would help most right now?" in chat.text()


def test_anothers_life_at_risk_is_urgent_before_the_store_is_read() -> None:
    incoming = Incoming(Person(Platform.TELEGRAM, "1"), START, text="mi hija quiere matarse")

    triaged = triage(incoming)

    assert triaged.urgent
    assert triaged.risk.about_someone_else
