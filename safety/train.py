"""Training the learned second opinion (safety/model.py) on the labelled corpus.

Offline tooling, never imported by `assess`: it needs NumPy, SciPy and scikit-learn (the
`dev` extra). Rules:
1. Leave-writers-out. Rows are grouped by writer; every row is scored by models that
   never saw its writer (FOLDS folds). Those out-of-fold scores fit the calibration and
   choose the thresholds, and they are the honest figures `python -m safety cv` reports.
2. Thresholds are chosen for the whole detector (the lexicon first, then the model, as
   `safety.model.decide` combines them): the most crisis rows found while safe rows
   raised to crisis stay within `max_crisis` and safe rows flagged at all within `max_any`.
3. The shipped model is fitted on every row, with the out-of-fold calibration and
   thresholds.
4. The lexicon entries that the corpus shows to be reliable are trusted: the model never
   lowers their matches (see `trusted`).
5. The kind of crisis (safety.model.KINDS) is a softmax fitted on the crisis rows alone.
6. Languages: the words that tell each language (safety/language.py) are those common in
   its rows and rare in the others' (`language_words`). After rule 2, one crisis threshold
   for the rows read as any language but English, the lowest that holds the same caps on
   those rows (`language_thresholds`): pooled, as no one language has enough rows for a
   steady threshold of its own. The same risk scores lower in those languages, so the
   threshold chosen for all rows at once finds too few of their crises.
7. Each row weighs (rows in English / rows in its language) ** LANGUAGE_BALANCE in the
   fits, scaled to a mean of 1: the languages with fewer rows are learned better (on the
   held-out sets, German crisis rows to crisis 0.57 -> 0.70, English unchanged).
8. Parts (safety.model, rule 7): every row's sentences and pairs of sentences are scored
   out of fold by the same fold models, calibrated as whole messages are, and the part
   threshold is chosen with the crisis threshold, at the vetoes rule 2 chose, as the pair
   that finds the most crisis rows within the same caps (`with_parts`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from safety.detect import DENIED, EXPLAINED, first_layer
from safety.evaluate import Row
from safety.language import ENGLISH, language_of
from safety.lexicon import lexicon
from safety.model import (
    BITS,
    KINDS,
    MIN_WORDS,
    NEVER,
    PART_FLOOR,
    RISK_BACKING,
    SURE_DESPITE_SETTLED,
    Model,
    Score,
    buckets,
    parts,
    sentences,
    words,
)
from safety.risk import Assessment, Tier

FOLDS = 5
MIN_SUPPORT = 10
# The corpus's crisis kinds (docs/safety.md, the label guide) as the model's KINDS.
CRISIS_KINDS = {
    "swallowed": "overdose",
    "injury_care": "injury",
    "abuse_danger": "abuse",
    "self_injury_now": "harming_now",
    "ideation": "other",
    "plan": "other",
    "preparation": "other",
    "means": "other",
    "recent_attempt": "other",
    "someone_else_crisis": "other",
}
SHORT = 6  # words: a short message, like most of what people type in a chat
SHORT_SHARE = 0.5
TRUSTED = 0.75
REGULARISATION = 10.0  # scikit-learn's C
# Rule 6: a word tells its language when at least LANGUAGE_SHARE of the rows using it, each
# language weighted by its number of rows, are in that language, and LANGUAGE_MIN_ROWS of
# them are; the LANGUAGE_WORDS commonest such words are kept.
LANGUAGE_SHARE = 0.9
LANGUAGE_MIN_ROWS = 5
LANGUAGE_WORDS = 400
LANGUAGE_BALANCE = 0.5
GRID = [round(0.10 + 0.01 * step, 2) for step in range(90)]  # thresholds tried (rule 2)
PART_GRID = [round(0.80 + 0.01 * step, 2) for step in range(20)]  # (rule 8)
CRISIS_CAP, ANY_CAP = 1, 2  # which cap of `_caps` a flag is held to

T = TypeVar("T")

Thresholds = dict[str, float]


@dataclass(frozen=True)
class OutOfFold:
    """Every row's calibrated scores from models that never saw its writer (rule 1)."""

    rows: tuple[Row, ...]
    crisis: np.ndarray
    risk: np.ndarray
    first: tuple[Assessment, ...]
    settled: tuple[str, ...]  # as safety.detect.first_layer: "", EXPLAINED, DENIED or PAST
    keeps_crisis: tuple[bool, ...] = ()  # a trusted crisis entry matched (rule 4)
    keeps_risk: tuple[bool, ...] = ()
    short: tuple[bool, ...] = ()  # fewer than MIN_WORDS words: the model does not raise it
    language: tuple[str, ...] = ()  # as safety.language reads each row (rule 6)
    part: tuple[float, ...] = ()  # the highest crisis probability of a part (rule 8)


def normalised(rows: Sequence[Row]) -> list[tuple[str, ...]]:
    """Every row's normalised tokens, exactly as `assess` reads them."""
    tokens = lexicon().normaliser.tokens
    return [tokens(row.text) for row in rows]


def counts(rows: Sequence[Row], read: Sequence[tuple[str, ...]] | None = None) -> sparse.csr_matrix:
    """The hashed feature counts of every row, read exactly as `assess` reads them."""
    return _matrix([buckets(tokens) for tokens in (normalised(rows) if read is None else read)])


def part_counts(read: Sequence[tuple[str, ...]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rule 8: the hashed feature counts of every row's parts, and the row each is of."""
    found: list[Counter[int]] = []
    owners: list[int] = []
    for number, tokens in enumerate(read):
        for part in parts(sentences(tokens)):
            found.append(part.features)
            owners.append(number)
    return _matrix(found), np.array(owners, dtype=np.int64)


def _matrix(found: Sequence[Counter[int]]) -> sparse.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for counted in found:
        indices.extend(counted.keys())
        data.extend(float(count) for count in counted.values())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.array(data), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
        shape=(len(found), 1 << BITS),
    )


def train(
    rows: Sequence[Row], *, max_crisis: float = 0.03, max_any: float = 0.10
) -> tuple[Model, OutOfFold]:
    """The shipped model and the out-of-fold scores its calibration came from (rule 3)."""
    read = normalised(rows)
    matrix = counts(rows, read)
    told_by = language_words(rows, read)
    weights = language_weights(rows)
    is_crisis = np.array([row.label == "crisis" for row in rows])
    is_risk = np.array([row.label != "safe" for row in rows])
    part_matrix, owners = part_counts(read)
    raw_crisis, raw_risk, raw_part = _out_of_fold(
        rows, matrix, is_crisis, is_risk, weights, parts=(part_matrix, owners)
    )
    weighting = TfidfTransformer(sublinear_tf=True).fit(matrix)
    features = weighting.transform(matrix)
    crisis = _calibrated(_fit(features, is_crisis, weights), raw_crisis, is_crisis)
    risk = _calibrated(_fit(features, is_risk, weights), raw_risk, is_risk)
    first = [first_layer(row.text) for row in rows]
    scored = OutOfFold(
        rows=tuple(rows),
        crisis=_probabilities(crisis, raw_crisis),
        risk=_probabilities(risk, raw_risk),
        first=tuple(found for found, _ in first),
        settled=tuple(settled for _, settled in first),
        part=tuple(
            float(value) if value > -np.inf and whole >= PART_FLOOR else 0.0
            for value, whole in zip(
                _probabilities(crisis, raw_part), _probabilities(crisis, raw_crisis), strict=True
            )
        ),
    )
    trusted_crisis, trusted_risk = trusted(rows, scored.first)
    scored = dataclasses.replace(
        scored,
        keeps_crisis=tuple(bool(set(f.sources) & trusted_crisis) for f in scored.first),
        keeps_risk=tuple(bool(set(f.sources) & trusted_risk) for f in scored.first),
        short=tuple(words(tokens) < MIN_WORDS for tokens in read),
        language=tuple(language_of(tokens, told_by) for tokens in read),
    )
    chosen = choose_thresholds(scored, max_crisis=max_crisis, max_any=max_any)
    chosen = with_parts(scored, chosen, max_crisis=max_crisis, max_any=max_any)
    by_language = language_thresholds(scored, chosen, max_crisis=max_crisis)
    learned = Model(
        idf=weighting.idf_.tolist(),
        crisis=crisis,
        risk=risk,
        trusted_crisis=trusted_crisis,
        trusted_risk=trusted_risk,
        kinds=_fit_kinds(features, rows, weights),
        crisis_threshold=chosen["crisis_threshold"],
        risk_threshold=chosen["risk_threshold"],
        crisis_veto=chosen["crisis_veto"],
        risk_veto=chosen["risk_veto"],
        crisis_thresholds=by_language,
        language_words=told_by,
        part_threshold=chosen["part_threshold"],
    )
    return learned, scored


def language_weights(rows: Sequence[Row]) -> np.ndarray:
    """Rule 7: each row's weight in the fits, by how many rows its language has."""
    languages = _languages(rows)
    size = Counter(languages)
    english = size[ENGLISH] or len(rows)
    weights = np.array([(english / size[code]) ** LANGUAGE_BALANCE for code in languages])
    return np.asarray(weights / weights.mean(), dtype=float)


def language_words(
    rows: Sequence[Row], read: Sequence[tuple[str, ...]]
) -> dict[str, frozenset[str]]:
    """Rule 6: for each language of the rows, the words that tell it from the others."""
    languages = _languages(rows)
    size = Counter(languages)
    used: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for language, tokens in zip(languages, read, strict=True):
        for token in {t for t in tokens if len(t) > 1 and t.isalpha()}:
            used[token][language] += 1
    told: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for token, by_code in used.items():
        weighted = {code: count / size[code] for code, count in by_code.items()}
        code = max(weighted, key=weighted.__getitem__)
        if by_code[code] >= LANGUAGE_MIN_ROWS and weighted[code] >= LANGUAGE_SHARE * sum(
            weighted.values()
        ):
            told[code].append((by_code[code], token))
    return {
        code: frozenset(token for _, token in sorted(found, reverse=True)[:LANGUAGE_WORDS])
        for code, found in told.items()
    }


def language_thresholds(
    scored: OutOfFold,
    chosen: Thresholds,
    *,
    max_crisis: float,
    short_share: float = SHORT_SHARE,
) -> dict[str, float]:
    """Rule 6: one crisis threshold for every language but English, pooled: the lowest that
    holds the safe-to-crisis caps on those rows, with the vetoes and risk threshold `chosen`
    (and never above the threshold `chosen`)."""
    others = np.array([language != ENGLISH for language in scored.language])
    if not others.any():
        return {}
    pooled = _only(scored, others)
    caps = _caps(pooled.rows, max_crisis=max_crisis, max_any=1.0, short_share=short_share)
    rest = {key: value for key, value in chosen.items() if key != "crisis_threshold"}
    threshold = chosen["crisis_threshold"]
    for candidate in GRID:
        crisis, _ = _flags(pooled, crisis_threshold=candidate, **rest)
        if _within(crisis, caps, CRISIS_CAP):
            threshold = min(candidate, threshold)
            break
    return {code: threshold for code in sorted(set(scored.language)) if code != ENGLISH}


def _only(scored: OutOfFold, keep: np.ndarray) -> OutOfFold:
    """The out-of-fold scores of the rows `keep` marks."""
    at = np.flatnonzero(keep)

    def pick(values: tuple[T, ...]) -> tuple[T, ...]:
        return tuple(values[n] for n in at) if values else ()

    return OutOfFold(
        rows=pick(scored.rows),
        crisis=scored.crisis[at],
        risk=scored.risk[at],
        first=pick(scored.first),
        settled=pick(scored.settled),
        keeps_crisis=pick(scored.keeps_crisis),
        keeps_risk=pick(scored.keeps_risk),
        short=pick(scored.short),
        language=pick(scored.language),
        part=pick(scored.part),
    )


def _languages(rows: Sequence[Row]) -> list[str]:
    """Each row's language, English where the row does not say."""
    return [row.language or ENGLISH for row in rows]


def _caps(
    rows: Sequence[Row], *, max_crisis: float, max_any: float, short_share: float
) -> list[tuple[np.ndarray, float, float]]:
    """Rule 2's caps: (the safe rows they hold for, safe to crisis, safe to any flag), for
    all safe rows and, at `short_share` of them, for the short ones."""
    is_safe = np.array([row.label == "safe" for row in rows])
    short = np.array([len(row.text.split()) <= SHORT for row in rows])
    return [
        (is_safe, max_crisis, max_any),
        (is_safe & short, max_crisis * short_share, max_any * short_share),
    ]


def _within(flags: np.ndarray, caps: list[tuple[np.ndarray, float, float]], which: int) -> bool:
    """Whether the rows flagged stay within each cap of kind `which`."""
    return all(_share(flags, among) <= cap[which - 1] for among, *cap in caps)


def trusted(
    rows: Sequence[Row], first: Sequence[Assessment]
) -> tuple[frozenset[str], frozenset[str]]:
    """Rule 4: the lexicon entries the corpus shows to be reliable for crisis, and for risk.

    An entry is trusted unless it matched at least MIN_SUPPORT rows and fewer than TRUSTED
    of them carry its tier (or, for risk, any risk label): too few rows tell nothing.
    """
    seen: dict[str, list[str]] = defaultdict(list)
    for row, found in zip(rows, first, strict=True):
        for source in found.sources:
            seen[source].append(row.label)
    tiers_of = {seq.source: seq.entry.tier for seq in lexicon().sequences}

    def reliable(entry: str, good: set[str]) -> bool:
        labels = seen.get(entry, [])
        return len(labels) < MIN_SUPPORT or sum(lab in good for lab in labels) >= TRUSTED * len(
            labels
        )

    firm = lexicon().firm
    crisis = {
        e
        for e, t in tiers_of.items()
        if t is Tier.CRISIS and (e in firm or reliable(e, {"crisis"}))
    }
    risk = {
        e for e, t in tiers_of.items() if t is not Tier.NONE and reliable(e, {"crisis", "concern"})
    }
    return frozenset(crisis), frozenset(risk)


def tiers(
    scored: OutOfFold, chosen: Thresholds, by_language: dict[str, float] | None = None
) -> list[Tier]:
    """The whole detector's tier for each row, the model's scores being out of fold, with
    each language's crisis threshold (rule 6)."""
    thresholds = dict(chosen)
    crisis_threshold: float | np.ndarray = thresholds.pop("crisis_threshold")
    if by_language and scored.language:
        crisis_threshold = np.array(
            [by_language.get(language, crisis_threshold) for language in scored.language]
        )
    crisis, concern = _flags(scored, crisis_threshold=crisis_threshold, **thresholds)
    return [
        Tier.CRISIS if c else Tier.CONCERN if k else Tier.NONE
        for c, k in zip(crisis, concern, strict=True)
    ]


def choose_thresholds(
    scored: OutOfFold, *, max_crisis: float, max_any: float, short_share: float = SHORT_SHARE
) -> Thresholds:
    """Rule 2: the thresholds that find the most crisis rows within the false-alarm caps.

    The caps hold for all safe rows, and `short_share` of them for short ones (SHORT words
    or fewer): most of what people type in a chat is short, so a false alarm there is the one
    met most often. For each pair of vetoes, the lowest crisis threshold within the crisis
    caps, then the lowest risk threshold within the caps on any flag (crisis recall first).
    """
    labels = np.array([row.label for row in scored.rows])
    is_crisis, is_concern = (labels == "crisis"), (labels == "concern")
    caps = _caps(scored.rows, max_crisis=max_crisis, max_any=max_any, short_share=short_share)

    def within(flags: np.ndarray, which: int) -> bool:
        return _within(flags, caps, which)

    # A lexicon crisis is lowered only when the model is sure: never above 0.3.
    vetoes = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]
    best: tuple[tuple[float, float], Thresholds] | None = None
    for crisis_veto in vetoes:
        for risk_veto in vetoes:
            chosen = {"crisis_veto": crisis_veto, "risk_veto": risk_veto, "risk_threshold": 1.0}
            crisis_threshold = _lowest(scored, chosen, "crisis_threshold", caps, CRISIS_CAP)
            if crisis_threshold is None:
                continue
            chosen["crisis_threshold"] = crisis_threshold
            chosen["risk_threshold"] = (
                _lowest(scored, chosen, "risk_threshold", caps, ANY_CAP) or 1.0
            )
            crisis, concern = _flags(scored, **chosen)
            if not (within(crisis, CRISIS_CAP) and within(crisis | concern, ANY_CAP)):
                continue
            key = (_share(crisis, is_crisis), _share(crisis | concern, is_concern))
            if best is None or key > best[0]:
                best = (key, dict(chosen))
    if best is None:  # the caps cannot be met: loosen them a quarter, rather than go without
        return choose_thresholds(
            scored, max_crisis=max_crisis * 1.25, max_any=max_any * 1.25, short_share=short_share
        )
    return best[1]


def with_parts(
    scored: OutOfFold,
    chosen: Thresholds,
    *,
    max_crisis: float,
    max_any: float,
    short_share: float = SHORT_SHARE,
) -> Thresholds:
    """Rule 8: at the vetoes `chosen`, the part threshold and crisis threshold that find the
    most crisis rows within rule 2's caps, then the lowest risk threshold within them; no
    part threshold (NEVER) when parts find nothing more."""
    labels = np.array([row.label for row in scored.rows])
    is_crisis, is_concern = (labels == "crisis"), (labels == "concern")
    caps = _caps(scored.rows, max_crisis=max_crisis, max_any=max_any, short_share=short_share)
    vetoes = {key: chosen[key] for key in ("crisis_veto", "risk_veto")}
    found = dict(chosen, part_threshold=NEVER)
    best = _share(_flags(scored, **found)[0], is_crisis)
    crisis, concern = _flags(scored, **chosen)
    concern_found = _share(crisis | concern, is_concern)
    for part_threshold in [*PART_GRID, NEVER]:
        trial = dict(vetoes, part_threshold=part_threshold, risk_threshold=1.0)
        crisis_threshold = _lowest(scored, trial, "crisis_threshold", caps, CRISIS_CAP)
        if crisis_threshold is None:
            continue
        trial["crisis_threshold"] = crisis_threshold
        if _share(_flags(scored, **trial)[0], is_crisis) <= best:
            continue
        trial["risk_threshold"] = _lowest(scored, trial, "risk_threshold", caps, ANY_CAP) or 1.0
        crisis, concern = _flags(scored, **trial)
        if _within(crisis | concern, caps, ANY_CAP) and (
            _share(crisis | concern, is_concern) >= concern_found - 0.01
        ):
            best, found = _share(crisis, is_crisis), trial
    return found


def _lowest(
    scored: OutOfFold,
    trial: Thresholds,
    key: str,
    caps: list[tuple[np.ndarray, float, float]],
    which: int,
) -> float | None:
    """Rule 2's search: the lowest threshold `key` of the grid (or 1.0) at which the flags
    of kind `which` (crisis alone, or any flag) stay within `caps`, the rest as `trial`;
    None when none does."""
    for value in [*GRID, 1.0]:
        crisis, concern = _flags(scored, **{**trial, key: value})
        if _within(crisis if which == CRISIS_CAP else crisis | concern, caps, which):
            return value
    return None


def _flags(
    scored: OutOfFold,
    *,
    crisis_threshold: float | np.ndarray,
    risk_threshold: float,
    crisis_veto: float,
    risk_veto: float,
    part_threshold: float = NEVER,
) -> tuple[np.ndarray, np.ndarray]:
    """(crisis, concern) per row, exactly as safety.model.decide combines the two layers."""
    first = np.array([found.tier.rank for found in scored.first])
    keeps = np.array([found.immediate for found in scored.first])
    if scored.keeps_crisis:
        keeps |= np.array(scored.keeps_crisis)
    keeps_risk = np.array(scored.keeps_risk) if scored.keeps_risk else np.zeros(len(first), bool)
    settled = np.array([bool(found) for found in scored.settled])
    explained = np.array([found in (EXPLAINED, DENIED) for found in scored.settled], dtype=bool)
    denied = np.array([found == DENIED for found in scored.settled], dtype=bool)
    # As safety.model.decide: a message too short for the model keeps the lexicon's tier
    short = np.array(scored.short) if scored.short else np.zeros(len(first), bool)
    settled = settled | short
    c, r = scored.crisis, scored.risk
    part = np.array(scored.part) if scored.part else np.zeros(len(first))
    crisis = np.where(
        settled,
        (first == 2) | (explained & ~short & (c >= SURE_DESPITE_SETTLED)),
        ((c >= crisis_threshold) & (r >= RISK_BACKING))
        | (part >= part_threshold)
        | ((first == 2) & (keeps | (c >= crisis_veto))),
    )
    concern = ~crisis & np.where(
        settled,
        (first >= 1) | (denied & ~short & (r >= risk_threshold)),
        (r >= risk_threshold) | ((first >= 1) & ((r >= risk_veto) | keeps_risk)),
    )
    return crisis, concern


def _share(flags: np.ndarray, among: np.ndarray) -> float:
    total = int(among.sum())
    return float((flags & among).sum()) / total if total else 0.0


def _out_of_fold(
    rows: Sequence[Row],
    matrix: sparse.csr_matrix,
    is_crisis: np.ndarray,
    is_risk: np.ndarray,
    weights: np.ndarray,
    *,
    parts: tuple[sparse.csr_matrix, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rule 1: every row's raw scores from models trained without its writer's rows; and
    the highest raw crisis score of its parts (rule 8; -inf for a row without parts)."""
    writers = [row.writer or row.id for row in rows]
    raw_crisis = np.zeros(len(rows))
    raw_risk = np.zeros(len(rows))
    raw_part = np.full(len(rows), -np.inf)
    part_matrix, owners = parts
    for inside, outside in GroupKFold(n_splits=FOLDS).split(matrix, groups=writers):
        weighting = TfidfTransformer(sublinear_tf=True).fit(matrix[inside])
        train_features = weighting.transform(matrix[inside])
        test_features = weighting.transform(matrix[outside])
        for positive, raw in ((is_crisis, raw_crisis), (is_risk, raw_risk)):
            score = _fit(train_features, positive[inside], weights[inside])
            raw[outside] = test_features @ np.array(score.weights) + score.bias
            if positive is is_crisis:
                mine = np.flatnonzero(np.isin(owners, outside))
                scored = weighting.transform(part_matrix[mine]) @ np.array(score.weights)
                np.maximum.at(raw_part, owners[mine], scored + score.bias)
    return raw_crisis, raw_risk, raw_part


def _fit(features: sparse.csr_matrix, positive: np.ndarray, weights: np.ndarray) -> Score:
    """A logistic regression, both classes weighted alike, each row by `weights` (rule 7)."""
    fitted = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=3000)
    fitted.fit(features, positive, sample_weight=weights)
    return Score(
        weights=fitted.coef_[0].astype(np.float32).tolist(), bias=float(fitted.intercept_[0])
    )


def _fit_kinds(
    features: sparse.csr_matrix, rows: Sequence[Row], weights: np.ndarray
) -> tuple[Score, ...]:
    """Rule 5: a softmax over the kinds of crisis, fitted on the corpus's crisis rows."""
    chosen = [
        n for n, row in enumerate(rows) if row.label == "crisis" and row.category in CRISIS_KINDS
    ]
    labels = [CRISIS_KINDS[rows[n].category] for n in chosen]
    fitted = LogisticRegression(C=REGULARISATION, max_iter=3000)
    fitted.fit(features[chosen], labels, sample_weight=weights[chosen])
    order = list(fitted.classes_)
    return tuple(
        Score(
            weights=fitted.coef_[order.index(kind)].astype(np.float32).tolist(),
            bias=float(fitted.intercept_[order.index(kind)]),
        )
        for kind in KINDS
    )


def _calibrated(score: Score, raw: np.ndarray, positive: np.ndarray) -> Score:
    """Platt scaling fitted on the out-of-fold raw scores (rule 1)."""
    platt = LogisticRegression(C=1e6, max_iter=1000)
    platt.fit(raw.reshape(-1, 1), positive)
    return Score(
        weights=score.weights,
        bias=score.bias,
        scale=float(platt.coef_[0][0]),
        shift=float(platt.intercept_[0]),
    )


def _probabilities(score: Score, raw: np.ndarray) -> np.ndarray:
    return np.array([score.probability(float(value)) for value in raw])
