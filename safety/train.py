"""Training the learned second opinion (safety/model.py) from labelled TSV files.

Plain logistic regression by stochastic gradient descent, standard library only, seeded
so the same files always give the same model. Thresholds come from out-of-fold scores
on the training rows themselves: the lowest score at which no more than `max_alarms` of
the safe rows would be raised. Run: `python -m safety train FILE.tsv ... --out PATH`.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

from safety.evaluate import Row
from safety.lexicon import lexicon
from safety.model import Model, features

EPOCHS = 12
RATE = 0.2
DECAY = 1e-4
MIN_COUNT = 2
FOLDS = 4
SEED = 20261121
PRUNE = 0.02

Example = tuple[frozenset[str], bool]


def train(rows: Sequence[Row], *, max_alarms: float = 0.01) -> Model:
    """Fit both scores on `rows` and pick thresholds by cross-validation."""
    found = [frozenset(features(lexicon().normaliser.tokens(row.text))) for row in rows]
    counts = Counter(f for fs in found for f in fs)
    kept = [frozenset(f for f in fs if counts[f] >= MIN_COUNT) for fs in found]
    is_crisis = [row.label == "crisis" for row in rows]
    is_risk = [row.label != "safe" for row in rows]
    safe = [row.label == "safe" for row in rows]
    crisis_w, crisis_b = _fit(list(zip(kept, is_crisis, strict=True)))
    risk_w, risk_b = _fit(list(zip(kept, is_risk, strict=True)))
    oof_crisis, oof_risk = _out_of_fold(kept, is_crisis, is_risk)
    return Model(
        crisis=_pruned(crisis_w),
        risk=_pruned(risk_w),
        crisis_bias=crisis_b,
        risk_bias=risk_b,
        crisis_threshold=_threshold(oof_crisis, safe, max_alarms),
        risk_threshold=_threshold(oof_risk, safe, max_alarms),
    )


def _fit(examples: list[Example]) -> tuple[dict[str, float], float]:
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(examples)))
    shuffle = random.Random(SEED).shuffle
    for epoch in range(EPOCHS):
        shuffle(order)
        rate = RATE / (1 + epoch)
        for number in order:
            found, label = examples[number]
            value = bias + sum(weights.get(f, 0.0) for f in found)
            error = _sigmoid(value) - (1.0 if label else 0.0)
            bias -= rate * error
            for f in found:
                old = weights.get(f, 0.0)
                weights[f] = old - rate * (error + DECAY * old)
    return weights, bias


def _out_of_fold(
    kept: list[frozenset[str]], is_crisis: list[bool], is_risk: list[bool]
) -> tuple[list[float], list[float]]:
    """Each row scored by models trained without its fold."""
    crisis = [0.0] * len(kept)
    risk = [0.0] * len(kept)
    for fold in range(FOLDS):
        inside = [i for i in range(len(kept)) if i % FOLDS != fold]
        c_w, c_b = _fit([(kept[i], is_crisis[i]) for i in inside])
        r_w, r_b = _fit([(kept[i], is_risk[i]) for i in inside])
        for i in range(fold, len(kept), FOLDS):
            crisis[i] = _sigmoid(c_b + sum(c_w.get(f, 0.0) for f in kept[i]))
            risk[i] = _sigmoid(r_b + sum(r_w.get(f, 0.0) for f in kept[i]))
    return crisis, risk


def _threshold(scores: list[float], safe: list[bool], max_alarms: float) -> float:
    """The lowest score that raises no more than `max_alarms` of the safe rows."""
    safe_scores = sorted(
        (s for s, is_safe in zip(scores, safe, strict=True) if is_safe), reverse=True
    )
    allowed = int(max_alarms * len(safe_scores))
    if allowed >= len(safe_scores):
        return 0.5
    return round(min(0.99, max(0.5, safe_scores[allowed] + 1e-4)), 4)


def _pruned(weights: dict[str, float]) -> dict[str, float]:
    return {f: w for f, w in weights.items() if abs(w) >= PRUNE}


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))
