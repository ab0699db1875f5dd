"""Training: the words that tell a language, each language's weight, its crisis threshold."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from safety.evaluate import Row
from safety.model import RISK_BACKING
from safety.risk import Assessment, Tier
from safety.train import (
    OutOfFold,
    language_thresholds,
    language_weights,
    language_words,
    normalised,
    tiers,
    with_parts,
)

NOTHING = Assessment(
    tier=Tier.NONE, kinds=frozenset(), matched=(), about_someone_else=False, immediate=False
)


def rows_in(language: str, texts: list[str], label: str = "safe") -> list[Row]:
    return [
        Row(id=f"{language}{n}", label=label, text=text, writer=f"{language}-w", language=language)
        for n, text in enumerate(texts)
    ]


def test_a_language_is_told_by_words_common_in_its_rows_and_rare_in_the_others() -> None:
    spanish = rows_in("es", [f"hoy no se que hacer con la vida {n}" for n in range(8)])
    english = rows_in("en", [f"today i do not know what to do with the day {n}" for n in range(8)])
    english += rows_in("en", ["la la land is a film"])  # "la" once in English: still Spanish
    rows = spanish + english
    told = language_words(rows, normalised(rows))
    assert {"que", "hacer", "la"} <= told["es"]
    assert {"today", "know"} <= told["en"]
    assert not told["es"] & told["en"]


def test_languages_with_fewer_rows_weigh_more_in_the_fits() -> None:
    rows = rows_in("en", ["a"] * 16) + rows_in("de", ["b"] * 4)
    weights = language_weights(rows)
    assert weights.mean() == pytest.approx(1.0)
    assert weights[-1] == pytest.approx(2 * weights[0])  # four times fewer rows: twice the weight


def scored(rows: list[Row], crisis: list[float], part: list[float] | None = None) -> OutOfFold:
    # a risk that backs every crisis score (model rule 8) and raises no concern of its own
    return OutOfFold(
        rows=tuple(rows),
        crisis=np.array(crisis),
        risk=np.full(len(rows), RISK_BACKING),
        first=(NOTHING,) * len(rows),
        settled=("",) * len(rows),
        language=tuple(row.language for row in rows),
        part=tuple(part or ()),
    )


CHOSEN = {"crisis_threshold": 0.9, "risk_threshold": 1.0, "crisis_veto": 0.0, "risk_veto": 0.0}


def test_other_languages_get_the_lowest_threshold_that_holds_the_caps_on_their_rows() -> None:
    texts = [f"a message of more than six words number {n}" for n in range(100)]
    safe = rows_in("es", texts)
    crisis = rows_in("es", texts[:10], label="crisis")
    # Two safe rows in a hundred score 0.6 and 0.5; the crisis rows score 0.7.
    found = scored(safe + crisis, [0.6, 0.5] + [0.1] * 98 + [0.7] * 10)
    assert language_thresholds(found, CHOSEN, max_crisis=0.01) == {"es": 0.51}
    assert language_thresholds(found, CHOSEN, max_crisis=0.02) == {"es": 0.11}


def test_each_row_is_judged_at_its_own_language_s_threshold() -> None:
    rows = rows_in("en", ["one"], label="crisis") + rows_in("es", ["uno"], label="crisis")
    found = scored(rows, [0.8, 0.8])
    assert tiers(found, CHOSEN) == [Tier.NONE, Tier.NONE]
    assert tiers(found, CHOSEN, {"es": 0.7}) == [Tier.NONE, Tier.CRISIS]


def test_parts_get_the_threshold_that_finds_more_crises_within_the_same_caps() -> None:
    texts = [f"a message of more than six words number {n}" for n in range(100)]
    safe = rows_in("en", texts)
    crisis = rows_in("en", texts[:10], label="crisis")
    # Whole messages: the crisis rows score 0.5, no better than a safe one. Their parts
    # score 0.9, and one safe row's part 0.85.
    whole = [0.5] + [0.1] * 99 + [0.5] * 10
    found = scored(safe + crisis, whole, [0.85] + [0.2] * 99 + [0.9] * 10)
    chosen = with_parts(found, CHOSEN, max_crisis=0.0, max_any=0.1)
    assert chosen["part_threshold"] == 0.86
    assert tiers(found, chosen)[100:] == [Tier.CRISIS] * 10
    # Parts that find nothing more leave the threshold unreachable.
    same = scored(safe + crisis, whole, [0.2] * 110)
    assert with_parts(same, CHOSEN, max_crisis=0.0, max_any=0.1)["part_threshold"] > 1.0


def test_a_crisis_score_its_risk_score_does_not_back_is_no_crisis_in_training_either() -> None:
    """Model rule 8, as safety.model.decide: the folds choose thresholds for what ships."""
    rows = rows_in("en", ["one", "two"], label="crisis")
    found = scored(rows, [0.95, 0.95])
    unbacked = dataclasses.replace(found, risk=np.array([RISK_BACKING, RISK_BACKING - 0.01]))
    assert tiers(unbacked, CHOSEN) == [Tier.CRISIS, Tier.NONE]
