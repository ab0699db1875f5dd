"""Typed answers to the core's yes-or-no questions, read by their words, never guessed."""

from __future__ import annotations

import pytest

from bot.core.yes_no import Said, read


@pytest.mark.parametrize(
    "typed",
    ["yes", "YES!", "yeah", "yep", "y", "yeh", "yesss", "honestly yes", "i am", "I do",
     "i've been", "sure", "yes right now", "yes thanks a lot", "sí", "ja"],
)  # fmt: skip
def test_a_yes_anywhere_is_yes(typed: str) -> None:
    assert read(typed) is Said.YES


@pytest.mark.parametrize(
    "typed",
    [
        # doubt, or frequency: more than a no
        "kinda", "not sure", "i dunno", "idk tbh", "no idea", "no clue", "i guess so",
        "sometimes", "always", "most days", "a little yeah", "i'm thinking about it",
        "not today", "not right now",
        # a no that hedges, or takes itself back
        "no... maybe", "no but sometimes", "nah kinda", "nah idk", "no not sure",
        "never... well sometimes", "no i mean yes", "no lol yes",
        # not ok, not safe, afraid, hurt
        "not ok", "I'm not safe", "no i'm not safe", "unsafe", "I'm in danger", "scared",
        "no i'm hurt",
    ],
)  # fmt: skip
def test_doubt_anywhere_or_a_yes_and_a_no_together_is_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


@pytest.mark.parametrize(
    "typed",
    ["no", "No!", "nope", "nah", "noo", "no thanks", "no, not really", "no I'm not",
     "not really", "not at all", "never", "of course not", "definitely not", "I'm not",
     "I don't", "hell no", "I don't think so", "nah not rly", "n", "nein",
     "no im not thinking about it", "i haven't thought about it"],
)  # fmt: skip
def test_only_a_bare_no_is_no(typed: str) -> None:
    assert read(typed) is Said.NO


@pytest.mark.parametrize("typed", ["no, i feel so alone", "nope i can't cope anymore"])
def test_a_no_that_goes_on_is_its_own_answer(typed: str) -> None:
    # To "are you safe right now?" it is not safe; to "are you thinking about suicide?"
    # it is no answer on its own.
    assert read(typed) is Said.NO_AND_MORE


@pytest.mark.parametrize("typed", ["I'm fine", "i'm ok", "fine thanks", "I'm safe", "all good"])
def test_fine_is_its_own_answer(typed: str) -> None:
    assert read(typed) is Said.FINE


@pytest.mark.parametrize("typed", ["I'd rather not say", "rather not", "skip", "pass"])
def test_rather_not_say(typed: str) -> None:
    assert read(typed) is Said.RATHER_NOT_SAY


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "ok", "hmm", "what do you mean", "nobody gets it",
     "i want this to pass", "Getting better", "everything is pointless"],
)  # fmt: skip
def test_anything_else_is_no_answer(typed: str) -> None:
    assert read(typed) is None


@pytest.mark.parametrize("typed", ["no one cares about me", "no point anymore"])
def test_a_no_that_goes_on_with_worry_is_unsure_never_a_no(typed: str) -> None:
    assert read(typed) is Said.UNSURE


@pytest.mark.parametrize(
    "typed",
    ["im not in danger its just the urge. can we just talk",
     "omg no. i said im not in danger. keep talking", "i won't do anything",
     "not going to do anything tonight", "im safe rn", "I am safe. Please go back",
     "i'm perfectly safe", "i won't hurt myself", "bruh im not dying its just an urge"],
)  # fmt: skip
def test_danger_denied_is_safe_however_the_reply_goes_on(typed: str) -> None:
    # To "are you safe right now?" these are a yes, never "call your emergency number now".
    assert read(typed) is Said.FINE


@pytest.mark.parametrize("typed", ["i'm not safe", "im in danger", "not sure im safe"])
def test_danger_not_denied_is_still_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


def test_a_last_sentence_that_is_a_bare_no_is_no() -> None:
    assert read("I already answered this. No.") is Said.NO
    assert read("I already answered this. No?") is Said.NO
    assert read("No. I feel so alone.") is not Said.NO


def test_safe_with_a_hedge_is_no_plain_safe() -> None:
    assert read("im safe ish. can we just keep talking") is not Said.FINE


@pytest.mark.parametrize(
    ("text", "said"),
    [("não!!", Said.NO), ("sim", Said.YES), ("estou bem", Said.FINE), ("nada", Said.NO)],
)
def test_a_reply_in_another_language_is_read_by_the_same_rules(text: str, said: Said) -> None:
    assert read(text) is said


def test_a_question_in_another_language_is_no_yes_for_a_word_the_glossary_knows() -> None:
    assert read("você pode me ajudar?") is None  # "can you help me?": "pode" alone is "yes"


# c7 (issue 19): answers to the bot's own safety questions that said the person was safe.


@pytest.mark.parametrize(
    "typed",
    [
        "Oh goodness no I'm perfectly safe love, nobody's in danger! It's just the scars, "
        "I'm worried about folk staring at them",
        "Yes, I am perfectly safe. I was only saying goodbye. Thank you.",
        "im safe. i said its NOT bleeding. go back",
        "sì sono al sicuro, non farò niente. ci sono numeri in Italia?",
        "er tut mir nichts!! he's lovely. I'm just scared of how he'll react",
        "Eh?? I don't need an ambulance love! I think you've got the wrong end of the stick. "
        "Can we go back?",
        "eu disse NÃO. to segura. só quero alternativas pra vontade",
        "No, he is not in immediate danger",
    ],
)
def test_safety_stated_is_fine_after_a_no_a_yes_or_other_words(typed: str) -> None:
    assert read(typed) is Said.FINE


@pytest.mark.parametrize(
    "typed",
    [
        "I'm totally safe", "nobody's in danger", "no one is in danger",
        "estoy bien", "estoy a salvo", "No, estoy bien", "sí, estoy a salvo",
        "no estoy en peligro", "no voy a hacer nada",
        "estou segura", "tô bem", "sim, estou segura", "não vou fazer nada",
        "je suis en sécurité", "oui, je vais bien", "je ne suis pas en danger",
        "sono al sicuro", "sto bene", "nessuno è in pericolo",
        "mir geht's gut, ich bin sicher", "ich bin in Sicherheit", "niemand ist in Gefahr",
        "I don't need an ambulance",
        # about someone else: "he is not in danger"
        "no, él no está en peligro", "não, ele não está em perigo", "non, il n'est pas en danger",
        "no, lui non è in pericolo", "nein, er ist nicht in Gefahr",
    ],
)  # fmt: skip
def test_safety_stated_in_six_languages_is_fine(typed: str) -> None:
    assert read(typed) is Said.FINE


@pytest.mark.parametrize("typed", ["yes, but i'm safe", "sí, estoy a salvo", "yeah im fine"])
def test_to_are_you_thinking_about_suicide_a_yes_said_with_safety_stays_yes(typed: str) -> None:
    assert read(typed, about_suicide=True) is Said.YES


@pytest.mark.parametrize(
    "typed",
    [
        "i don't think i'm safe", "i don't feel safe", "im safe... probably",
        "no estoy bien", "no estoy a salvo", "não estou segura", "je ne suis pas en sécurité",
        "non sono al sicuro", "mir geht's nicht gut", "ich bin nicht sicher",
        "estoy en peligro", "je suis en danger",
        "i'm safe but scared", "er tut mir nichts, aber ich habe Angst... vielleicht",
    ],
)  # fmt: skip
def test_safety_not_stated_or_taken_back_is_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


@pytest.mark.parametrize(
    "typed",
    ["I'm safe but I took them", "sí, ya me corté", "yes im fine i just cut myself",
     "estou bem, já me cortei", "je vais bien mais je me suis coupée",
     "sto bene, ho preso tutte le pastiglie", "mir geht's gut, ich hab mich geritzt"],
)  # fmt: skip
def test_an_act_told_with_a_yes_or_with_safety_is_unsure_never_safe(typed: str) -> None:
    assert read(typed) is Said.UNSURE


def test_an_act_denied_takes_no_safety_back() -> None:
    assert read("I'm safe, I haven't taken anything") is Said.FINE
    assert read("im safe i didn't cut myself") is Said.FINE


def test_to_are_you_thinking_about_suicide_an_act_is_no_yes() -> None:
    # safety reads the act on its own; the answer about suicide stays the no it is
    assert read("no, im not suicidal, i just cut myself", about_suicide=True) is Said.FINE


@pytest.mark.parametrize(
    "typed",
    ["no... quizás", "não sei", "talvez", "peut-être", "forse", "vielleicht", "a veces"],
)
def test_doubt_in_the_other_languages_is_unsure(typed: str) -> None:
    assert read(typed) is Said.UNSURE


def test_a_spanish_se_that_is_not_i_dont_know_is_no_doubt() -> None:
    assert read("no sé") is Said.UNSURE
    assert read("no, no se lo he dicho a nadie") is Said.NO_AND_MORE


@pytest.mark.parametrize("typed", ["não", "No, para nada", "pas du tout", "nein, gar nicht"])
def test_a_bare_no_in_the_other_languages_is_no(typed: str) -> None:
    assert read(typed) is Said.NO


@pytest.mark.parametrize(
    "typed",
    ["não, não quero morrer. só quero parar de sentir isso",
     "no, no quiero morir. solo quiero dejar de sentir esto",
     "non. je suis juste épuisée", "nein. mir geht es einfach schlecht"],
)  # fmt: skip
def test_a_no_with_distress_in_any_language_is_a_no_and_more(typed: str) -> None:
    assert read(typed) is Said.NO_AND_MORE


@pytest.mark.parametrize(
    "typed", ["hindi", "hindi po", "hindi naman po", "hapana", "hapana asante"]
)
def test_a_bare_no_in_tagalog_or_sheng_is_no(typed: str) -> None:
    assert read(typed) is Said.NO


@pytest.mark.parametrize("typed", ["oo", "opo", "oo po", "ndio", "ndiyo"])
def test_a_yes_in_tagalog_or_sheng_is_yes(typed: str) -> None:
    assert read(typed) is Said.YES


@pytest.mark.parametrize("typed", ["hindi ko na kaya", "hindi ako okay"])
def test_a_tagalog_not_at_the_head_of_more_words_is_no_no(typed: str) -> None:
    assert read(typed, about_suicide=True) not in (Said.NO, Said.NO_AND_MORE)


def test_a_no_in_sheng_that_goes_on_is_a_no_that_goes_on() -> None:
    assert read("hapana, ni stress tu", about_suicide=True) is Said.NO_AND_MORE
