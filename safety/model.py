"""A learned second opinion: two logistic regressions over word and letter n-grams.

The lexicon finds what it has words for; this model, trained on the labelled sets in
tests/data (see safety/train.py), scores how much a message resembles the crisis and the
risk rows it has seen, so a new phrasing of a familiar thought still counts. It can only
raise a tier, never lower one, and its thresholds are set for few false alarms.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources as importlib_resources
from types import MappingProxyType
from typing import Any

from safety.errors import SafetyError
from safety.normalize import BOUNDARY

MODEL_FILE = "model.json"
NGRAMS = (3, 4)


@dataclass(frozen=True)
class Model:
    """Weights per feature for two scores: crisis (vs the rest) and risk (vs safe)."""

    crisis: Mapping[str, float]
    risk: Mapping[str, float]
    crisis_bias: float
    risk_bias: float
    crisis_threshold: float
    risk_threshold: float


def features(tokens: Iterable[str]) -> set[str]:
    """Words, word pairs and letter n-grams of the normalised tokens."""
    words = [token for token in tokens if token != BOUNDARY]
    found = {f"b:{first}_{second}" for first, second in itertools.pairwise(words)}
    for word in words:
        found.update(_word_features(word))
    return found


@functools.lru_cache(maxsize=1 << 15)
def _word_features(word: str) -> frozenset[str]:
    """A word and its letter n-grams (memoised: people reuse their words)."""
    padded = f"<{word}>"
    grams = {f"c:{padded[i : i + size]}" for size in NGRAMS for i in range(len(padded) - size + 1)}
    return frozenset({f"w:{word}", *grams})


def scores(model: Model, found: set[str]) -> tuple[float, float]:
    """(probability of crisis, probability of risk) for a set of features."""
    crisis, risk = model.crisis_bias, model.risk_bias
    crisis_weights, risk_weights = model.crisis, model.risk
    for feature in found:
        crisis += crisis_weights.get(feature, 0.0)
        risk += risk_weights.get(feature, 0.0)
    return _sigmoid(crisis), _sigmoid(risk)


@functools.cache
def model() -> Model:
    """The shipped model, loaded on first use."""
    raw = importlib_resources.files("safety").joinpath("data", MODEL_FILE).read_text("utf-8")
    return from_data(json.loads(raw))


def from_data(data: Any) -> Model:
    """Build a Model from its JSON form; SafetyError when a part is missing."""
    try:
        return Model(
            crisis=MappingProxyType({str(k): float(v) for k, v in data["crisis"].items()}),
            risk=MappingProxyType({str(k): float(v) for k, v in data["risk"].items()}),
            crisis_bias=float(data["crisis_bias"]),
            risk_bias=float(data["risk_bias"]),
            crisis_threshold=float(data["crisis_threshold"]),
            risk_threshold=float(data["risk_threshold"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SafetyError(f"{MODEL_FILE}: malformed model ({exc})") from exc


def to_data(found: Model) -> dict[str, Any]:
    """The JSON form of a Model (weights rounded, sorted for stable diffs)."""
    return {
        "crisis_bias": round(found.crisis_bias, 4),
        "risk_bias": round(found.risk_bias, 4),
        "crisis_threshold": found.crisis_threshold,
        "risk_threshold": found.risk_threshold,
        "crisis": {k: round(v, 4) for k, v in sorted(found.crisis.items())},
        "risk": {k: round(v, 4) for k, v in sorted(found.risk.items())},
    }


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))
