"""A learned second opinion: two calibrated logistic regressions over hashed n-grams.

The lexicon finds what it has words for; this model, trained on the corpus in
tests/data/corpus (safety/train.py), scores how much a message resembles the crisis and
the risk rows written there by many different writers, so a new phrasing still counts.

Rules:
1. Features: the normalised words, word pairs within a sentence, and the letter n-grams
   (2 to 5) of each word, hashed (CRC-32) into 2**BITS buckets.
2. Weighting: 1 + ln(count), times the bucket's inverse document frequency, and the
   whole vector scaled to length 1 (TF-IDF): a score does not grow with the length of a
   message, so a long everyday request is no riskier than a short one.
3. Two scores, crisis (against everything else) and risk (crisis or concern, against
   safe), each turned into a probability by a calibration fitted on writers the model
   never saw in training (leave-writers-out). A third reads what kind of crisis it is
   (`KINDS`: something swallowed, an injury, abuse or danger, self-injury now), so that a
   crisis the lexicon has no words for still gets the advice that fits; below KIND_SURE
   it says nothing.
4. With the lexicon's assessment, `decide` gives the tier: the model raises it to crisis
   at or above `crisis_threshold`, to concern at or above `risk_threshold`; it lowers a
   lexicon crisis only when its crisis probability is below `crisis_veto` (to concern, or
   to none when the risk probability is below `risk_veto` too), and a lexicon concern only
   when its risk probability is below `risk_veto`. Never lowered: a lexicon match of danger
   now (`immediate`), and a match of a lexicon pattern the corpus shows to be reliable
   (`trusted`: most corpus rows it matched carry its tier: safety/train.py, rule 4).
5. The crisis threshold is the message's language's (`crisis_thresholds`, told by
   safety/language.py), or `crisis_threshold` for English and any language without one:
   the same risk scores lower in a language with fewer rows behind it.
6. A message the lexicon settled (an idiom or a denial explains every risky word: "my mum
   is going to kill me") is raised only when the model is sure of a crisis
   (SURE_DESPITE_SETTLED): "I took a whole lot of my pills an hour ago. I feel fine now
   though" is a crisis whatever denial it carries. After a denial (not an idiom alone) it
   may still raise the message to concern at `risk_threshold` ("i'm not going to do
   anything, i just feel empty all the time"): the denial settles the crisis words only.
7. Parts: a risk told as one sentence of a long message weighs little in the whole
   message's vector (rule 2). Every sentence, and every two sentences side by side, is
   also scored on its own with the crisis weights (`Reading.part`, the highest), and a
   part at or above `part_threshold` raises the message to crisis. The threshold is
   chosen on the same leave-writers-out folds, higher than the whole message's: a sentence
   alone has less around it to tell a book or an essay from a life. A message whose whole
   scores below PART_FLOOR is not read in parts, nor one whose whole already reaches the
   crisis threshold (`decide` asks for the part only below it: the tier is the same).
8. A crisis is a risk: the whole message's crisis score raises it to crisis only when its
   risk score is at least RISK_BACKING. The two scores are fitted apart, and where they
   disagree grossly (a crisis score over the threshold, a risk score under 0.2) the message
   is an ordinary one the crisis weights misread ("what happens if I type /stop, do you
   delete my stuff?"). The lexicon's tier, the parts and concern read as before.
"""

from __future__ import annotations

import array
import functools
import itertools
import json
import math
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from operator import mul
from typing import Any, NamedTuple

from safety.errors import SafetyError
from safety.language import ENGLISH, language_of
from safety.normalize import BOUNDARY
from safety.risk import Assessment, Tier

MODEL_FILE = "model.json"
WEIGHTS_FILE = "model.bin"
BITS = 18
LETTER_NGRAMS = (2, 3, 4, 5)
# The kinds of crisis the model can tell apart (the lexicon's kind names), and "other".
KINDS = ("overdose", "injury", "abuse", "harming_now", "other")
KIND_SURE = 0.6
MIN_WORDS = 4  # words: a shorter message is too short for the model
NEVER = 2.0  # a threshold no probability reaches
# Rule 7: parts are read only when the whole message scores this much crisis or more. Of
# the 61,184 corpus rows, leave-writers-out, no crisis row below it had a part at or above
# 0.97 (4 safe rows did); 28% of the messages of two sentences or more are below it.
PART_FLOOR = 0.02
# Rule 8: a crisis is a risk, so the whole message's crisis score raises it only when its own
# risk score backs it at least this much (a gross disagreement is no crisis: "what happens
# if I type /stop, do you delete my stuff?" scored 0.89 crisis, 0.10 risk). Of the model-only
# crises of the held-out sets (b1-b9), the corpus and the blind and dev sets, none of a crisis
# row had a risk below it; 3 safe rows of w33-w37 (not trained on) did. At 0.3: a held-out
# crisis row lost. Parts (rule 7) have no risk score of their own and are not asked.
RISK_BACKING = 0.2
# Rule 6: leave-writers-out on the corpus, 32 of the 98 crisis rows an idiom or a denial
# settled score at least this, against 5 of its 1,450 safe rows (at 0.95: 49 against 9).
SURE_DESPITE_SETTLED = 0.98


@dataclass(frozen=True)
class Score:
    """One logistic score: a weight per bucket, a bias and its calibration."""

    weights: Sequence[float]
    bias: float
    scale: float = 1.0
    shift: float = 0.0

    def raw(self, vector: Mapping[int, float]) -> float:
        """The uncalibrated score of a TF-IDF vector (rule 2)."""
        weights = self.weights
        return self.bias + sum(value * weights[bucket] for bucket, value in vector.items())

    def probability(self, raw: float) -> float:
        """The calibrated probability of a raw score (rule 3)."""
        return _sigmoid(self.scale * raw + self.shift)


@dataclass(frozen=True)
class Model:
    """The inverse document frequencies, both scores, and where they change a tier."""

    idf: Sequence[float]
    crisis: Score
    risk: Score
    crisis_threshold: float
    risk_threshold: float
    crisis_veto: float = 0.0
    risk_veto: float = 0.0
    trusted_crisis: frozenset[str] = frozenset()
    trusted_risk: frozenset[str] = frozenset()
    kinds: tuple[Score, ...] = ()  # one per KINDS, in that order (a softmax)
    crisis_thresholds: Mapping[str, float] = field(default_factory=dict)  # by language
    language_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    part_threshold: float = NEVER  # rule 7; NEVER: parts raise nothing

    def crisis_threshold_for(self, language: str) -> float:
        """The crisis threshold for a message in `language` (rule 5)."""
        return self.crisis_thresholds.get(language, self.crisis_threshold)

    @functools.cached_property
    def _table(self) -> array.array[float]:
        """Per bucket, side by side at 3 * bucket: idf times the crisis weight, idf times the
        risk weight, and idf squared (float64, as the lists give them). The hot loops' memory:
        a message's buckets are scattered over 2**BITS, and three lists of float objects cost
        a cache miss each (pointer and float) for every feature; here one line holds all three.
        """
        idf = self.idf
        if not len(idf) == len(self.crisis.weights) == len(self.risk.weights):
            raise SafetyError("the idf and the weights differ in length")
        return _interleaved(
            list(map(mul, idf, self.crisis.weights)),  # in C: start-up
            list(map(mul, idf, self.risk.weights)),
            list(map(mul, idf, idf)),
        )

    @functools.cached_property
    def _kind_table(self) -> array.array[float]:
        """Per bucket, side by side at (1 + len(kinds)) * bucket: the idf and each kind's
        weight, for `kind_raw` (rule 3)."""
        return _interleaved(self.idf, *(kind.weights for kind in self.kinds))

    def prepare(self) -> Model:
        """Lay out the tables the scores read (`_table`, `_kind_table`) now, not on the first
        message: part of start-up."""
        _ = self._table, self._kind_table
        return self

    def whole_scores(self, counts: Mapping[int, int]) -> tuple[float, float]:
        """The raw crisis and risk scores of a message's counts: `crisis.raw(vector(counts,
        idf))` and the same for risk, in one pass."""
        table = self._table
        dot_crisis = dot_risk = norm = 0.0
        log = math.log
        for bucket, count in counts.items():
            at = 3 * bucket
            if count == 1:  # rule 2, inline: the hot loop (tf 1, most features)
                dot_crisis += table[at]
                dot_risk += table[at + 1]
                norm += table[at + 2]
            else:
                tf = 1.0 + log(count)
                dot_crisis += tf * table[at]
                dot_risk += tf * table[at + 1]
                norm += tf * tf * table[at + 2]
        return (
            self.crisis.bias + _cosine(dot_crisis, norm),
            self.risk.bias + _cosine(dot_risk, norm),
        )

    def kind_raw(self, counts: Mapping[int, int]) -> list[float]:
        """The raw score of each kind (rule 3): `kind.raw(vector(counts, idf))` for each of
        `kinds`, the same sums in the same order, from the side-by-side table."""
        if len(self.kinds) != len(KINDS):
            return [kind.raw(vector(counts, self.idf)) for kind in self.kinds]
        table, log = self._kind_table, math.log
        weighted = []
        norm = 0.0
        for bucket, count in counts.items():
            value = table[6 * bucket]  # 6: the idf and five kinds; rule 2: tf 1 for 1
            if count != 1:
                value *= 1.0 + log(count)
            weighted.append(value)
            norm += value * value
        norm = math.sqrt(norm)
        if not norm:
            return [kind.bias for kind in self.kinds]
        a = b = c = d = e = 0.0  # the five kinds' sums, unrolled: the loop that reads kinds
        for bucket, value in zip(counts, weighted, strict=True):
            value /= norm
            at = 6 * bucket
            a += value * table[at + 1]
            b += value * table[at + 2]
            c += value * table[at + 3]
            d += value * table[at + 4]
            e += value * table[at + 5]
        return [kind.bias + dot for kind, dot in zip(self.kinds, (a, b, c, d, e), strict=True)]

    def part_crisis(self, found: Sequence[Sentence]) -> float:
        """The highest raw crisis score of the parts of a message's sentences (rule 7):
        `crisis.raw(vector(part.features, idf))` for each of `parts(found)`, computed from
        each sentence's sums once, a pair's corrected only where its sentences share a
        feature; -inf when it has no part."""
        if len(found) < 2:
            return -math.inf
        table = self._table
        sums = []
        log = math.log
        for sentence in found:
            dot = norm = 0.0
            for bucket, count in sentence.features.items():
                at = 3 * bucket
                if count == 1:  # rule 2, inline: the hot loop
                    dot += table[at]
                    norm += table[at + 2]
                else:
                    tf = 1.0 + log(count)
                    dot += tf * table[at]
                    norm += tf * tf * table[at + 2]
            sums.append((dot, norm))
        best = -math.inf
        for sentence, (dot, norm) in zip(found, sums, strict=True):
            if sentence.words >= MIN_WORDS:
                best = max(best, _cosine(dot, norm))
        for n in range(len(found) - 1):
            first, second = found[n].features, found[n + 1].features
            if found[n].words + found[n + 1].words < MIN_WORDS:
                continue
            dot, norm = sums[n][0] + sums[n + 1][0], sums[n][1] + sums[n + 1][1]
            smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
            for bucket in filter(larger.__contains__, smaller):  # shared: in C, in order
                count, other = smaller[bucket], larger[bucket]
                joined, apart = _tf(count + other), (_tf(count), _tf(other))
                dot += (joined - sum(apart)) * table[3 * bucket]
                norm += (joined * joined - apart[0] ** 2 - apart[1] ** 2) * table[3 * bucket + 2]
            best = max(best, _cosine(dot, norm))
        return self.crisis.bias + best if best > -math.inf else best


def _interleaved(*columns: Sequence[float]) -> array.array[float]:
    """The columns side by side, float64: row n's values at n * len(columns) onwards."""
    stride = len(columns)
    table = array.array("d", bytes(8 * stride * len(columns[0])))
    for n, column in enumerate(columns):
        table[n::stride] = array.array("d", column)
    return table


def _tf(count: int) -> float:
    """Rule 2's sublinear term frequency."""
    return 1.0 if count == 1 else 1.0 + math.log(count)


def _cosine(dot: float, norm: float) -> float:
    return dot / math.sqrt(norm) if norm > 0 else 0.0


@dataclass(frozen=True)
class Reading:
    """What the model reads in one message: its probabilities, its language, its most
    crisis-like part (rule 7), and the kind of crisis if it is sure of one (rule 3)."""

    crisis: float
    risk: float
    language: str = ENGLISH
    counts: Mapping[int, int] = field(default_factory=dict, repr=False, compare=False)
    model: Model | None = field(default=None, repr=False, compare=False)
    told: Sequence[Sentence] = field(default=(), repr=False, compare=False)

    @functools.cached_property
    def part(self) -> float:
        """The highest crisis probability of a part (rule 7); 0 for one sentence, or for a
        message whose whole scores below PART_FLOOR. Read only when asked: `decide` needs it
        only when the whole message is below the crisis threshold."""
        if self.model is None or self.model.part_threshold >= NEVER or self.crisis < PART_FLOOR:
            return 0.0
        raw = self.model.part_crisis(self.told)
        return self.model.crisis.probability(raw) if raw > -math.inf else 0.0

    @functools.cached_property
    def kind(self) -> str | None:
        """The kind of crisis with the highest softmax probability, if it is at least
        KIND_SURE and not "other"; read only when asked (only a crisis needs it)."""
        if self.model is None or len(self.model.kinds) != len(KINDS):
            return None
        raw = self.model.kind_raw(self.counts)
        top = max(raw)
        shares = [math.exp(value - top) for value in raw]
        best = max(range(len(KINDS)), key=lambda n: shares[n])
        sure = shares[best] / sum(shares) >= KIND_SURE
        return KINDS[best] if sure and KINDS[best] != "other" else None


def decide(
    first: Assessment,
    crisis: float,
    risk: float,
    model: Model,
    *,
    words: int = MIN_WORDS,
    language: str = ENGLISH,
    settled: bool = False,
    denied: bool = False,
    part: Callable[[], float] = lambda: 0.0,
    firm: frozenset[str] = frozenset(),
) -> Tier:
    """The tier from the lexicon's assessment and the model's probabilities (rules 4-8).

    A message of fewer than MIN_WORDS words is too short for the model ("plan", "not sure"):
    its risk is the lexicon's, or its context's, to read. `part` gives the highest
    probability of a part (rule 7), asked only when the whole message is below the
    crisis threshold (a message the whole already makes a crisis is not read in parts).
    `firm`: the lexicon's firm entries, trusted like those the model was trained to trust
    (an entry added since)."""
    if words < MIN_WORDS:
        return first.tier
    if settled:
        if crisis >= SURE_DESPITE_SETTLED:
            return Tier.CRISIS
        if denied and first.tier is Tier.NONE and risk >= model.risk_threshold:
            return Tier.CONCERN  # a denial settles the crisis words, not distress beside them
        return first.tier
    if crisis >= model.crisis_threshold_for(language) and risk >= RISK_BACKING:
        return Tier.CRISIS
    if part() >= model.part_threshold:
        return Tier.CRISIS
    matched = set(first.sources)
    if first.tier is Tier.CRISIS and (
        first.immediate
        or crisis >= model.crisis_veto
        or matched & model.trusted_crisis
        or matched & firm
    ):
        return Tier.CRISIS
    if risk >= model.risk_threshold:
        return Tier.CONCERN
    if first.tier is not Tier.NONE and (risk >= model.risk_veto or matched & model.trusted_risk):
        return Tier.CONCERN
    return Tier.NONE


def words(tokens: Iterable[str]) -> int:
    """How many words of two letters or more: what MIN_WORDS counts ("0:W:TN:0" has one)."""
    return sum(len(token) > 1 and token.isalpha() for token in tokens)


def buckets(tokens: Iterable[str]) -> Counter[int]:
    """How often each hashed feature occurs in the normalised tokens (rule 1)."""
    return _added(sentences(tokens))


def _added(found: Sequence[Sentence]) -> Counter[int]:
    """The sentences' features added up, in the order they first occur (counted in C)."""
    return Counter(itertools.chain.from_iterable(s.features.elements() for s in found))


class Sentence(NamedTuple):
    """One sentence's hashed features (word pairs never cross a sentence) and its words."""

    features: Counter[int]
    words: int


def sentences(tokens: Iterable[str]) -> list[Sentence]:
    """The message's sentences: their features add up to the message's `buckets`."""
    found: list[Sentence] = []
    features: list[int] = []  # in order, counted at the sentence's end (in C)
    counted, previous = 0, ""
    for token in (*tokens, BOUNDARY):
        if token == BOUNDARY:
            if features:
                found.append(Sentence(Counter(features), counted))
            features, counted, previous = [], 0, ""
            continue
        features += _word_buckets(token)
        counted += len(token) > 1 and token.isalpha()
        if previous:
            features.append(_bucket(f"b:{previous}_{token}"))
        previous = token
    return found


def parts(found: Sequence[Sentence]) -> list[Sentence]:
    """Rule 7: each sentence, and each two side by side, of a message of two or more, that
    has MIN_WORDS words."""
    if len(found) < 2:
        return []
    pairs = [
        Sentence(first.features + second.features, first.words + second.words)
        for first, second in itertools.pairwise(found)
    ]
    return [part for part in (*found, *pairs) if part.words >= MIN_WORDS]


def vector(counts: Mapping[int, int], idf: Sequence[float]) -> dict[int, float]:
    """The TF-IDF vector of the counts, scaled to length 1 (rule 2)."""
    weighted = {bucket: (1.0 + math.log(count)) * idf[bucket] for bucket, count in counts.items()}
    norm = math.sqrt(sum(value * value for value in weighted.values()))
    if not norm:
        return {}
    return {bucket: value / norm for bucket, value in weighted.items()}


def scores(model: Model, tokens: Iterable[str]) -> tuple[float, float]:
    """(probability of crisis, probability of risk) for a message's normalised tokens."""
    found = read(model, tokens)
    return found.crisis, found.risk


def read(model: Model, tokens: Iterable[str]) -> Reading:
    """The model's probabilities for a message's normalised tokens, its kind and language."""
    seen = tuple(tokens)
    told = sentences(seen)
    whole = _added(told)
    crisis, risk = model.whole_scores(whole)
    return Reading(
        crisis=model.crisis.probability(crisis),
        risk=model.risk.probability(risk),
        language=language_of(seen, model.language_words),
        counts=whole,
        model=model,
        told=told,
    )


@functools.cache
def model() -> Model:
    """The shipped model, loaded on first use."""
    data = importlib_resources.files("safety").joinpath("data")
    header = json.loads(data.joinpath(MODEL_FILE).read_text("utf-8"))
    return from_data(header, data.joinpath(WEIGHTS_FILE).read_bytes()).prepare()


def from_data(header: Any, weights: bytes) -> Model:
    """Build a Model from its JSON header and its float32 weights (idf, crisis, risk)."""
    size = 1 << BITS
    table = array.array("f")
    kinds = header.get("kinds", []) if isinstance(header, dict) else []
    expected = (3 + len(kinds)) * size * table.itemsize
    if len(weights) != expected:
        raise SafetyError(f"{WEIGHTS_FILE}: {len(weights)} bytes, not {expected}")
    table.frombytes(weights)
    if sys.byteorder == "big":
        table.byteswap()
    values = table.tolist()
    try:
        return Model(
            idf=values[:size],
            crisis=_score(header["crisis"], values[size : 2 * size]),
            risk=_score(header["risk"], values[2 * size : 3 * size]),
            kinds=tuple(
                _score(kind, values[(3 + n) * size : (4 + n) * size])
                for n, kind in enumerate(kinds)
            ),
            crisis_threshold=float(header["crisis_threshold"]),
            risk_threshold=float(header["risk_threshold"]),
            crisis_veto=float(header.get("crisis_veto", 0.0)),
            risk_veto=float(header.get("risk_veto", 0.0)),
            trusted_crisis=frozenset(map(str, header.get("trusted_crisis", ()))),
            trusted_risk=frozenset(map(str, header.get("trusted_risk", ()))),
            crisis_thresholds={
                str(code): float(value)
                for code, value in header.get("crisis_thresholds", {}).items()
            },
            language_words={
                str(code): frozenset(map(str, listed))
                for code, listed in header.get("language_words", {}).items()
            },
            part_threshold=float(header.get("part_threshold", NEVER)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SafetyError(f"{MODEL_FILE}: malformed model ({exc})") from exc


def to_data(found: Model, **about: Any) -> tuple[dict[str, Any], bytes]:
    """The JSON header and the little-endian float32 weights of a Model."""
    header = {
        "about": about,
        "bits": BITS,
        "crisis_threshold": round(found.crisis_threshold, 4),
        "risk_threshold": round(found.risk_threshold, 4),
        "crisis_veto": round(found.crisis_veto, 4),
        "risk_veto": round(found.risk_veto, 4),
        "part_threshold": round(found.part_threshold, 4),
        "crisis": _calibration(found.crisis),
        "risk": _calibration(found.risk),
        "trusted_crisis": sorted(found.trusted_crisis),
        "trusted_risk": sorted(found.trusted_risk),
        "kinds": [_calibration(kind) for kind in found.kinds],
        "crisis_thresholds": {
            code: round(value, 4) for code, value in sorted(found.crisis_thresholds.items())
        },
        "language_words": {
            code: sorted(listed) for code, listed in sorted(found.language_words.items())
        },
    }
    weights = [found.idf, found.crisis.weights, found.risk.weights]
    weights += [kind.weights for kind in found.kinds]
    table = array.array("f", [value for part in weights for value in part])
    if sys.byteorder == "big":
        table.byteswap()
    return header, table.tobytes()


@functools.lru_cache(maxsize=1 << 15)
def _word_buckets(word: str) -> tuple[int, ...]:
    """A word's own bucket and its letter n-grams' (memoised: people reuse their words)."""
    padded = f" {word} "
    grams = [padded[i : i + size] for size in LETTER_NGRAMS for i in range(len(padded) - size + 1)]
    return (_bucket(f"w:{word}"), *(_bucket(f"c:{gram}") for gram in grams))


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << BITS) - 1)


def _score(header: Any, weights: list[float]) -> Score:
    return Score(
        weights=weights,
        bias=float(header["bias"]),
        scale=float(header["scale"]),
        shift=float(header["shift"]),
    )


def _calibration(score: Score) -> dict[str, float]:
    return {
        "bias": round(score.bias, 6),
        "scale": round(score.scale, 6),
        "shift": round(score.shift, 6),
    }


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    if value > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-value))
