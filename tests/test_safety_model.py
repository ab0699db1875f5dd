"""The learned second opinion: how it reads a message, how it joins the lexicon, its file."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from collections import Counter

import pytest

from safety import Tier, assess
from safety.errors import SafetyError
from safety.lexicon import lexicon
from safety.model import (
    PART_FLOOR,
    RISK_BACKING,
    Model,
    Score,
    _bucket,
    _word_buckets,
    buckets,
    decide,
    from_data,
    model,
    parts,
    read,
    scores,
    sentences,
    to_data,
    vector,
)
from safety.normalize import BOUNDARY
from safety.risk import Assessment

LONG_EVERYDAY = (
    "I'm opening a small bakery next month and need a logo. Which font feels warm but still "
    "easy to read on a sign? I like rounded letters. Also, what is the difference between "
    "RGB and CMYK, because the printer keeps asking me, and should the menu boards use the "
    "same colours as the website? Last thing: I gave blood yesterday and they gave me "
    "biscuits, which was nice, so maybe a biscuit in the logo?"
)


def probabilities(text: str) -> tuple[float, float]:
    return scores(model(), lexicon().normaliser.tokens(text))


@pytest.mark.parametrize(
    "text",
    ["everything feels pointless and i am so tired of it", "help me choose a font for my logo"],
)
def test_saying_a_message_again_and_again_does_not_raise_its_scores(text: str) -> None:
    once = probabilities(text)
    twenty = probabilities(". ".join([text] * 20))
    assert twenty == pytest.approx(once, abs=0.02)


def test_a_long_everyday_request_is_not_flagged() -> None:
    crisis, risk = probabilities(LONG_EVERYDAY)
    assert crisis < model().crisis_threshold
    assert risk < model().risk_threshold
    assert assess(LONG_EVERYDAY).tier is Tier.NONE


def test_one_risky_sentence_among_everyday_ones_still_counts() -> None:
    text = f"{LONG_EVERYDAY} Honestly I don't think I'll be around to open it, I've decided."
    assert assess(text).tier is Tier.CRISIS


def test_features_are_hashed_words_pairs_within_a_sentence_and_letters() -> None:
    found = buckets(("i", "feel", "|", "low"))
    assert all(0 <= bucket < 1 << 18 for bucket in found)
    assert _bucket("w:feel") in found
    assert _bucket("c: lo") in found
    assert _bucket("b:i_feel") in found
    assert _bucket("b:feel_low") not in found  # a sentence end stands between them


def test_a_message_s_parts_are_its_sentences_and_each_two_side_by_side() -> None:
    tokens = ("i", "feel", "so", "very", "low", "|", "help", "me", "with", "this", "email")
    told = sentences(tokens)
    assert [sentence.words for sentence in told] == [4, 5]  # "i": too short to count
    assert told[0].features + told[1].features == buckets(tokens)
    assert [part.words for part in parts(told)] == [4, 5, 9]
    assert parts(told[:1]) == []  # one sentence is the whole message
    short = sentences(("hi", "|", "thank", "you", "so", "much"))
    assert [part.words for part in parts(short)] == [4, 5]  # "hi" alone is too short


def test_a_part_scores_as_the_same_words_would_alone() -> None:
    shipped = dataclasses.replace(model(), part_threshold=0.95)
    alone = "Honestly I don't think I'll be around to open it, I've decided"
    reading = read(shipped, lexicon().normaliser.tokens(f"{LONG_EVERYDAY} {alone}."))
    assert reading.part == pytest.approx(probabilities(alone)[0], abs=0.15)
    assert reading.part > reading.crisis
    assert read(shipped, lexicon().normaliser.tokens(alone)).part == 0.0


@pytest.mark.parametrize(
    "text",
    [
        LONG_EVERYDAY,
        "i feel so low tonight. the the the. help me with this email please. ok",
        "hi. i took them all. bye bye bye bye. thanks",
    ],
)
def test_the_fast_part_score_is_the_best_of_the_parts_scored_one_by_one(text: str) -> None:
    shipped = model()
    told = sentences(lexicon().normaliser.tokens(text))
    one_by_one = [shipped.crisis.raw(vector(part.features, shipped.idf)) for part in parts(told)]
    assert shipped.part_crisis(told) == pytest.approx(max(one_by_one), abs=1e-9)


SPOKEN = [
    LONG_EVERYDAY,
    "i feel so low tonight. the the the. help me with this email please. ok",
    "hi. i took them all. bye bye bye bye. thanks",
    "I swallowed the whole packet of my mum's tablets an hour ago and my stomach hurts",
    "he hit me again last night and i'm scared to go home, he said he'd do worse",
]


@pytest.mark.parametrize("text", SPOKEN)
def test_the_fast_scores_are_the_vector_and_the_weights_summed_one_by_one(text: str) -> None:
    shipped = model()
    counts = buckets(lexicon().normaliser.tokens(text))
    found = vector(counts, shipped.idf)
    expected = (shipped.crisis.raw(found), shipped.risk.raw(found))
    assert shipped.whole_scores(counts) == pytest.approx(expected, abs=1e-9)
    # The kind of crisis: the same sums in the same order, so the same to the bit.
    assert shipped.kind_raw(counts) == [kind.raw(found) for kind in shipped.kinds]


@pytest.mark.parametrize("text", SPOKEN)
def test_a_message_s_features_are_counted_as_word_by_word_in_the_same_order(text: str) -> None:
    tokens = lexicon().normaliser.tokens(text)
    told, whole = [], Counter[int]()
    for sentence in " ".join(tokens).split(BOUNDARY):  # rule 1, a word at a time
        features, previous = Counter[int](), ""
        for token in sentence.split():
            features.update(_word_buckets(token))
            if previous:
                features[_bucket(f"b:{previous}_{token}")] += 1
            previous = token
        told.append(features)
        whole.update(features)
    assert [list(part.features.items()) for part in sentences(tokens)] == [
        list(features.items()) for features in told if features
    ]
    assert list(buckets(tokens).items()) == list(whole.items())  # the order sums follow


def test_a_message_that_scores_almost_no_crisis_as_a_whole_is_not_read_in_parts() -> None:
    letter = (
        "Please help me write a cover letter for a junior accountant job. I have two years "
        "of experience with invoices. I am good with spreadsheets."
    )
    everyday = read(model(), lexicon().normaliser.tokens(letter))
    assert everyday.crisis < PART_FLOOR
    assert everyday.part == 0.0


def lexicon_crisis(*, immediate: bool = False, sources: tuple[str, ...] = ("x#0",)) -> Assessment:
    return Assessment(
        tier=Tier.CRISIS,
        kinds=frozenset({"ideation"}),
        matched=("x",),
        about_someone_else=False,
        immediate=immediate,
        sources=sources,
    )


NOTHING = Assessment(
    tier=Tier.NONE, kinds=frozenset(), matched=(), about_someone_else=False, immediate=False
)


@pytest.mark.parametrize(
    ("first", "crisis", "risk", "expected"),
    [
        (NOTHING, 0.95, 0.99, Tier.CRISIS),  # raised above the crisis threshold
        (NOTHING, 0.5, 0.9, Tier.CONCERN),  # raised to concern by the risk score
        (NOTHING, 0.5, 0.5, Tier.NONE),
        (lexicon_crisis(), 0.6, 0.9, Tier.CRISIS),  # not sure enough to lower it
        (lexicon_crisis(), 0.1, 0.6, Tier.CONCERN),  # lowered, risk still there
        (lexicon_crisis(), 0.1, 0.1, Tier.NONE),  # lowered: the model is sure
        (lexicon_crisis(immediate=True), 0.0, 0.0, Tier.CRISIS),  # danger now: never lowered
        (lexicon_crisis(sources=("trusted#0",)), 0.0, 0.0, Tier.CRISIS),  # reliable pattern
        (NOTHING, 0.95, 0.1, Tier.NONE),  # rule 8: a crisis its own risk score does not back
        (NOTHING, 0.95, RISK_BACKING, Tier.CRISIS),  # ... backed enough
        (lexicon_crisis(), 0.95, 0.1, Tier.CRISIS),  # the lexicon's crisis is its own
    ],
)
def test_decide_joins_the_lexicon_and_the_model(
    first: Assessment, crisis: float, risk: float, expected: Tier
) -> None:
    rules = Model(
        idf=(),
        crisis=Score(weights=(), bias=0.0),
        risk=Score(weights=(), bias=0.0),
        crisis_threshold=0.9,
        risk_threshold=0.8,
        crisis_veto=0.5,
        risk_veto=0.3,
        trusted_crisis=frozenset({"trusted#0"}),
    )
    assert decide(first, crisis, risk, rules) is expected


@pytest.mark.parametrize(
    ("part", "settled", "expected"),
    [
        (0.97, False, Tier.CRISIS),  # one part is a crisis: the message is
        (0.9, False, Tier.NONE),  # a part below its threshold raises nothing
        (0.97, True, Tier.NONE),  # an idiom or denial settled it: the whole must be sure
    ],
)
def test_a_part_at_or_above_its_threshold_raises_the_message_to_crisis(
    part: float, settled: bool, expected: Tier
) -> None:
    rules = Model(
        idf=(),
        crisis=Score(weights=(), bias=0.0),
        risk=Score(weights=(), bias=0.0),
        crisis_threshold=0.9,
        risk_threshold=0.8,
        part_threshold=0.95,
    )
    assert decide(NOTHING, 0.2, 0.2, rules, part=lambda: part, settled=settled) is expected


def test_a_message_the_whole_makes_a_crisis_is_not_read_in_parts() -> None:
    rules = Model(
        idf=(),
        crisis=Score(weights=(), bias=0.0),
        risk=Score(weights=(), bias=0.0),
        crisis_threshold=0.9,
        risk_threshold=0.8,
        part_threshold=0.95,
    )
    asked: list[float] = []

    def part() -> float:
        asked.append(0.99)
        return 0.99

    assert decide(NOTHING, 0.92, 0.2, rules, part=part) is Tier.CRISIS
    assert asked == []  # the whole was enough
    assert decide(NOTHING, 0.2, 0.2, rules, part=part) is Tier.CRISIS
    assert asked == [0.99]  # below the threshold: the parts decide


@pytest.mark.parametrize("text", SPOKEN)
def test_a_part_read_when_asked_is_the_part_read_at_once(text: str) -> None:
    shipped = dataclasses.replace(model(), part_threshold=0.95)
    reading = read(shipped, lexicon().normaliser.tokens(text))
    told = sentences(lexicon().normaliser.tokens(text))
    raw = shipped.part_crisis(told)
    expected = (
        shipped.crisis.probability(raw) if raw > -math.inf and reading.crisis >= PART_FLOOR else 0.0
    )
    assert reading.part == expected


def test_the_model_round_trips_through_its_files() -> None:
    shipped = model()
    header, weights = to_data(shipped)
    again = from_data(header, weights)
    assert again.crisis_threshold == shipped.crisis_threshold
    assert again.trusted_crisis == shipped.trusted_crisis
    assert again.crisis.weights == shipped.crisis.weights
    with pytest.raises(SafetyError):
        from_data(header, weights[:100])
    with pytest.raises(SafetyError):
        from_data({"crisis": {}}, weights)


def test_the_shipped_model_says_how_it_was_trained() -> None:
    header, _ = to_data(dataclasses.replace(model()), rows=1)
    assert header["about"] == {"rows": 1}
    assert 0.5 <= model().crisis_threshold <= 1.0


def test_assessing_never_imports_the_training_libraries() -> None:
    code = (
        "import sys, safety; safety.assess('i want to die'); "
        "print(sorted({'numpy', 'scipy', 'sklearn', 'safety.train'} & set(sys.modules)))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("crisis", "expected"),
    [(0.99, Tier.CRISIS), (0.9, Tier.NONE)],  # only when the model is sure (rule 6)
)
def test_a_message_an_idiom_or_denial_settled_is_raised_only_when_the_model_is_sure(
    crisis: float, expected: Tier
) -> None:
    rules = Model(
        idf=(),
        crisis=Score(weights=(), bias=0.0),
        risk=Score(weights=(), bias=0.0),
        crisis_threshold=0.5,
        risk_threshold=0.5,
    )
    assert decide(NOTHING, crisis, 0.99, rules, settled=True) is expected


@pytest.mark.parametrize(
    "text",
    [
        "I took a whole lot of my pills about an hour ago. I feel fine now though",
        "mi mama dijo q se va a matar y se encerro en el baño. tengo 15 q hago",
    ],
)
def test_a_denial_or_an_idiom_beside_a_clear_crisis_does_not_hide_it(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    ("denied", "risk", "expected"),
    [
        (True, 0.9, Tier.CONCERN),  # a denial settles the crisis words, not distress beside
        (True, 0.4, Tier.NONE),  # below the risk threshold: nothing to add
        (False, 0.9, Tier.NONE),  # an idiom alone ("my mum is going to kill me") adds none
    ],
)
def test_the_model_may_raise_a_denied_message_to_concern_never_to_crisis(
    denied: bool, risk: float, expected: Tier
) -> None:
    rules = Model(
        idf=(),
        crisis=Score(weights=(), bias=0.0),
        risk=Score(weights=(), bias=0.0),
        crisis_threshold=0.5,
        risk_threshold=0.8,
    )
    # a crisis score over the usual threshold, under the sure one: still not a crisis
    assert decide(NOTHING, 0.9, risk, rules, settled=True, denied=denied) is expected


def test_an_ordinary_question_the_crisis_weights_misread_is_no_crisis() -> None:
    """Rule 8, c7-11: 0.89 crisis against 0.10 risk; a crisis is a risk."""
    text = "what happens if I type /stop, do you delete my stuff?"
    reading = read(model(), lexicon().normaliser.tokens(text))
    assert reading.crisis >= model().crisis_threshold_for(reading.language)
    assert reading.risk < RISK_BACKING
    assert assess(text).tier is Tier.NONE
