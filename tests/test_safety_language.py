"""Telling a message's language, and the crisis threshold that language brings."""

from __future__ import annotations

import dataclasses

import pytest

from safety import Tier
from safety.language import ENGLISH, language_of
from safety.lexicon import lexicon
from safety.model import Model, Score, decide, from_data, model, read, to_data
from safety.risk import Assessment

WORDS = {
    "en": frozenset({"the", "and", "my"}),
    "es": frozenset({"que", "mi", "porque"}),
    "de": frozenset({"ich", "nicht", "und"}),
}


def tokens(text: str) -> tuple[str, ...]:
    return lexicon().normaliser.tokens(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no se que hacer con mi vida porque todo duele", "es"),
        ("ich kann nicht mehr und will nicht", "de"),
        ("the day was long and my head hurts", "en"),
        ("ok", ENGLISH),  # no word of any language: English
        ("que the", ENGLISH),  # a tie goes to English
    ],
)
def test_a_message_is_in_the_language_whose_words_it_uses_most(text: str, expected: str) -> None:
    assert language_of(tokens(text), WORDS) == expected


def test_without_language_words_everything_is_english() -> None:
    assert language_of(tokens("no se que hacer"), {}) == ENGLISH


NOTHING = Assessment(
    tier=Tier.NONE, kinds=frozenset(), matched=(), about_someone_else=False, immediate=False
)
RULES = Model(
    idf=(),
    crisis=Score(weights=(), bias=0.0),
    risk=Score(weights=(), bias=0.0),
    crisis_threshold=0.9,
    risk_threshold=0.8,
    crisis_thresholds={"es": 0.7},
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", Tier.CRISIS), ("en", Tier.NONE), ("de", Tier.NONE)],  # de: none of its own
)
def test_each_language_raises_to_crisis_at_its_own_threshold(language: str, expected: Tier) -> None:
    assert RULES.crisis_threshold_for("de") == RULES.crisis_threshold
    assert decide(NOTHING, 0.75, 0.5, RULES, language=language) is expected


def test_the_thresholds_and_words_of_languages_round_trip_through_the_files() -> None:
    shipped = dataclasses.replace(model(), crisis_thresholds={"es": 0.7}, language_words=WORDS)
    again = from_data(*to_data(shipped))
    assert again.crisis_thresholds == {"es": 0.7}
    assert again.language_words == WORDS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya no quiero seguir viviendo, estoy muy cansada de todo", "es"),
        ("je ne veux plus vivre, je suis tellement fatiguée de tout", "fr"),
        ("ich will nicht mehr leben, ich bin so müde von allem", "de"),
        ("non voglio più vivere, sono così stanca di tutto", "it"),
        ("não quero mais viver, estou muito cansada de tudo", "pt"),
        ("i don't want to live anymore, i'm so tired of everything", "en"),
    ],
)
def test_the_shipped_model_tells_the_six_languages(text: str, expected: str) -> None:
    assert read(model(), tokens(text)).language == expected


def test_the_shipped_model_lowers_the_crisis_threshold_for_other_languages() -> None:
    shipped = model()
    assert set(shipped.crisis_thresholds) >= {"es", "fr", "de", "it", "pt"}
    assert all(value <= shipped.crisis_threshold for value in shipped.crisis_thresholds.values())
