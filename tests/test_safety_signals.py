"""Frames, signals, typing slips, titles and the learned second opinion."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import safety.detect as detect
from safety import Tier, assess
from safety.errors import SafetyError
from safety.evaluate import evaluate, read_rows, render
from safety.lexicon import lexicon
from safety.model import model
from safety.sources import merge


def tier(text: str) -> Tier:
    return assess(text).tier


@pytest.mark.parametrize(
    "text",
    [
        "i wish i could just fade away forever",
        "honestly i would not mind if a lorry hit me",
        "signing off for good tonight",
        "death sounds so peaceful to me",
        "nice knowing you all",
        "i put my affairs in order this week",
        "is it painful to drown",
        "how many mg of sertraline is too much",
        "i keep staring at the top floor window",
        "im out",
        "i wnat to dei",
        "tomorrow ill be gone",
        "i want to 💀 myself",
    ],
)
def test_new_phrasings_of_risk_are_crisis(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "im out of milk",
        "checking out of the hotel at ten",
        "i drank some tea and watched tv",
        "i feel ill today",
        "my phone is about to die",
        "i'll die on this hill",
        "my character overdosed on potions lol",
        "i gave away my old books to the library",
        "i threw away my stash of pills last week",
        "how can i support someone who self harms",
        'listening to "i want to die" on repeat, what a song',
    ],
)
def test_hard_negatives_stay_safe(text: str) -> None:
    assert tier(text) is Tier.NONE


def test_a_quote_without_a_title_word_is_the_writers_own_words() -> None:
    assert tier('i told her "i want to die" and she laughed') is Tier.CRISIS


def test_whole_message_signals_need_the_whole_message() -> None:
    assert tier("ok im out") is Tier.CRISIS
    assert tier("im out of ideas for dinner") is Tier.NONE


def test_counts_written_with_an_x_read_as_numbers() -> None:
    assert "xnum" in lexicon().normaliser.tokens("💊 x50")
    assert tier("😵 💊 x50") is Tier.CRISIS


def test_ill_before_a_verb_is_i_will_and_otherwise_stays_ill() -> None:
    tokens = lexicon().normaliser.tokens
    assert tokens("ill be gone")[:2] == ("i", "will")
    assert tokens("i feel ill") == ("i", "feel", "ill")


def test_the_model_never_lowers_a_lexicon_match_of_danger_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doubting = dataclasses.replace(
        model(),
        crisis_threshold=2.0,
        risk_threshold=2.0,
        crisis_veto=2.0,
        risk_veto=2.0,
        trusted_crisis=frozenset(),
        trusted_risk=frozenset(),
    )
    monkeypatch.setattr(detect, "model", lambda: doubting)
    assert assess("i'm hurting myself right now").tier is Tier.CRISIS
    lowered = assess("i want to kill myself")
    assert lowered.tier is Tier.NONE
    assert lowered.matched[-1] == "model.lowered"


def test_a_clear_denial_is_not_second_guessed_by_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eager = dataclasses.replace(model(), crisis_threshold=0.0, risk_threshold=0.0)
    monkeypatch.setattr(detect, "model", lambda: eager)
    assert tier("i don't want to hurt myself anymore") is Tier.NONE
    assert tier("my battery died") is Tier.NONE
    raised = assess("the sky is grey")
    assert raised.tier is Tier.CRISIS
    assert raised.matched == ("model.crisis",)


def test_data_files_merge_lists_and_join_named_lists() -> None:
    merged = merge(
        [
            {"classes": {"a": ["x"]}, "entries": [1], "words": {"w": ["p"]}},
            {"classes": {"a": ["y"], "b": ["z"]}, "entries": [2]},
        ]
    )
    assert merged == {
        "classes": {"a": ["x", "y"], "b": ["z"]},
        "entries": [1, 2],
        "words": {"w": ["p"]},
    }
    with pytest.raises(SafetyError):
        merge([["not", "a", "mapping"]])


def test_eval_lists_misses_per_category_when_the_file_has_one(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(
        "id\tlabel\tcategory\ttext\na\tcrisis\tshort\thello there\nb\tsafe\tidiom\thi\n",
        encoding="utf-8",
    )
    report = evaluate(read_rows(path))
    assert report.misses[0].category == "short"
    assert "misses by category:" in render(report)
    assert "short" in render(report).split("misses by category:")[1]
