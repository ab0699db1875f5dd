"""What people said around crisis lines they did not want (issue 19, c11): a protest at
being shown the lines is heard, never answered with them (bot/core/lines_asked.py, rule 7;
bot/core/questions.py, rule 6); a parent who says it is her son who is hurt, not her, is
taken back to where she was (bot/core/before_the_step.py, rule 7); how often an act
happens is no doubt about suicide (bot/core/yes_no.py, rule 10)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import safety
from bot.core import lines_asked, questions, words
from bot.core.yes_no import Said, fine_said, read
from tests.fakes import FakeChat

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
LINES = "116 123"  # Samaritans, in the lines for the United Kingdom


@pytest.mark.parametrize(
    "typed",
    [
        "Why are you showing helpline again and again? I am fine, I only meant Rohan. Go back",
        "Ja, ich bin in Sicherheit. Ich habe nur gefragt, was Sie aufbewahren. "
        "Warum zeigen Sie mir Notrufnummern?",
        "stop giving me numbers",
        "please stop sending me helplines, im ok",
        "why do you keep giving me crisis numbers?? im safe",
        "¿por qué me das números de ayuda? estoy bien",
        "pourquoi tu me donnes des numéros d'urgence ? je vais bien",
        "por que vc fica me mandando numero? to bem",
        "perché mi dai numeri di emergenza? sto bene",
        "enough with the hotlines",
        "Hör auf mit den Nummern",
    ],
)
def test_a_protest_at_the_lines_asks_for_none(typed: str) -> None:
    assert lines_asked.protested(typed)
    assert lines_asked.read(typed) is None


@pytest.mark.parametrize(
    "typed",
    [
        "why is there no helpline in my country?",
        "can you give me the helpline",
        "why should i call a helpline?",
        "show me the numbers again",
        "I keep cutting. is there a helpline",
        # a "stop" in one sentence denies nothing in the next
        "i want to stop. give me a helpline",
        "stop. i need the crisis line",
    ],
)
def test_asking_for_lines_is_no_protest(typed: str) -> None:
    assert not lines_asked.protested(typed)
    assert lines_asked.read(typed) is not None


@pytest.mark.parametrize(
    "typed", ["the lines on my arm are getting worse every time", "i want to stop cutting"]
)
def test_lines_and_stopping_told_of_are_no_protest(typed: str) -> None:
    assert not lines_asked.protested(typed)


def test_safety_said_in_one_sentence_of_a_protest_is_heard() -> None:
    assert fine_said("Why are you showing helpline again and again? I am fine, I only meant him")
    assert fine_said("Warum zeigen Sie mir Notrufnummern? Ich bin in Sicherheit.")
    assert not fine_said("stop giving me numbers")
    assert not fine_said("why do you keep giving me numbers, im not ok")


def test_a_protest_with_safety_answers_are_you_safe_and_closes_it() -> None:
    state = questions.State(questions.AskedSafe(), questions.Episode(lines_shown=True))

    outcome = questions.step(state, questions.Protested(NOW, safe=True))

    assert outcome.say == (questions.LinesHeard(), questions.SafeNow())
    assert outcome.state.question == questions.Nothing()


def test_a_protest_with_nothing_open_is_only_heard() -> None:
    outcome = questions.step(questions.State(), questions.Protested(NOW, safe=True))

    assert outcome.say == (questions.LinesHeard(),)
    assert outcome.state.question == questions.Nothing()


def test_worried_words_said_with_a_protest_get_the_short_concern_reply_with_no_line() -> None:
    urge = safety.Assessment(
        tier=safety.Tier.CONCERN,
        kinds=frozenset({"urge"}),
        matched=("urge.test",),
        about_someone_else=False,
        immediate=False,
    )
    state = questions.State(questions.Nothing(), questions.Episode(lines_shown=True))

    outcome = questions.step(state, questions.Protested(NOW, safe=True, worried=urge))

    assert outcome.say == (questions.LinesHeard(), questions.ConcernWords(urge, time=1))
    assert outcome.state.episode.concern_replies == 1


async def test_an_urge_said_in_a_protest_is_heard_with_ways_on(chat: FakeChat) -> None:
    await chat.send("/sos")
    await chat.send("im safe. go back")

    await chat.send(
        "why do u keep saying call emergency. i said im not gonna do anything i just have an urge"
    )

    assert not chat.is_crisis()
    assert LINES not in chat.text()
    assert "findahelpline" not in chat.text()
    assert words.LINES_HEARD in chat.text()
    assert "I have an urge right now" in chat.buttons()


def test_a_protest_without_safety_asks_once_more_in_words_with_no_lines() -> None:
    state = questions.State(questions.AskedSafe(), questions.Episode(lines_shown=True))

    outcome = questions.step(state, questions.Protested(NOW, safe=False))

    assert outcome.say == (questions.LinesHeard(ask_safe=True),)
    assert isinstance(outcome.state.question, questions.AskedSafe)
    assert not any(isinstance(said, questions.CrisisLines) for said in outcome.say)


async def test_a_protest_after_the_lines_is_heard_and_goes_back(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")

    await chat.send("why do you keep giving me numbers?? im safe. go back")

    assert not chat.is_crisis()
    assert LINES not in chat.text()
    assert words.LINES_HEARD in chat.text()
    assert "what would you like to talk about?" in chat.text().lower()


async def test_a_protest_in_another_language_is_heard_too(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")

    await chat.send("Warum zeigen Sie mir Notrufnummern? Ich bin in Sicherheit.")

    assert not chat.is_crisis()
    assert LINES not in chat.text()
    assert words.LINES_HEARD in chat.text()


async def test_a_protest_without_safety_gets_no_lines_and_the_question(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")

    await chat.send("stop giving me numbers")

    assert not chat.is_crisis()
    assert LINES not in chat.text()
    assert "are you safe right now?" in chat.text()


async def test_a_second_protest_is_heard_again_not_cut(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")
    await chat.send("stop sending me helplines, im ok")
    await chat.send("/sos")

    await chat.send("why are you showing me helplines again? i'm fine")

    assert words.LINES_HEARD in chat.text()


async def test_a_protest_said_with_a_crisis_still_gets_the_lines(chat: FakeChat) -> None:
    await chat.send("/topics")
    await chat.send("/sos")

    await chat.send("stop giving me numbers, i am going to kill myself tonight")

    assert chat.is_crisis()


async def test_a_parent_whose_son_is_hurt_is_taken_back_not_given_emergency_advice(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.send("I'm worried about my son, he burns himself")
    await chat.send("I'm his mum")
    await chat.send("/sos")  # the lines, and "are you safe right now?" asked of her

    await chat.send(
        "Sorry, I think you've misunderstood, it's not me who is hurt, it's my son, and "
        "he's fine, it's just a small blister."
    )

    assert not chat.is_crisis()
    assert "put some distance between you and anything" not in chat.text()
    assert words.NOT_YOURS in chat.text()


@pytest.mark.parametrize(
    "typed",
    [
        "i cut sometimes",
        "my friend said i should try this. i cut sometimes",
        "sometimes i burn myself",
        "i still self harm on and off",
        "i cut myself sometimes",
        "a veces me corto",
        "manchmal ritze ich mich",
        "parfois je me coupe",
    ],
)
def test_how_often_an_act_happens_is_no_answer_about_suicide(typed: str) -> None:
    assert read(typed, about_suicide=True) is None


@pytest.mark.parametrize(
    "typed", ["sometimes", "i think about it sometimes", "maybe", "sometimes i want to die"]
)
def test_doubt_about_the_question_itself_is_still_unsure(typed: str) -> None:
    assert read(typed, about_suicide=True) is Said.UNSURE


async def test_i_cut_sometimes_to_the_suicide_question_gets_no_crisis_lines(
    chat: FakeChat,
) -> None:
    await chat.send("/start")
    await chat.tap("Not now")
    await chat.send("i feel so empty and tired of everything")
    assert "are you thinking about suicide?" in chat.text()

    await chat.send("my friend said i should try this. i cut sometimes")

    assert not chat.is_crisis()
    assert LINES not in chat.text()
