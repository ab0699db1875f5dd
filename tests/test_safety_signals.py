"""Frames, signals, typing slips, titles and the learned second opinion."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import safety.detect as detect
from safety import Tier, assess
from safety.errors import SafetyError
from safety.evaluate import Row, evaluate, read_rows, render
from safety.lexicon import lexicon
from safety.model import from_data, model, to_data
from safety.sources import merge
from safety.train import train


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


def test_the_model_only_ever_raises_the_lexicons_tier(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [row.text for row in read_rows(Path(__file__).parent / "data" / "safety_blind_e.tsv")]
    with_model = [assess(text).tier.rank for text in texts]
    silent = dataclasses.replace(model(), crisis_threshold=2.0, risk_threshold=2.0)
    monkeypatch.setattr(detect, "model", lambda: silent)
    without = [assess(text).tier.rank for text in texts]
    assert all(a >= b for a, b in zip(with_model, without, strict=True))


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


def test_training_is_repeatable_and_the_model_round_trips() -> None:
    rows = [
        Row(id=f"r{n}", label=label, text=text)
        for n, (label, text) in enumerate(
            [("crisis", "i want to die tonight"), ("crisis", "going to end it all")] * 5
            + [("concern", "i feel so empty"), ("safe", "i had pizza today")] * 5
            + [("safe", "my cat is asleep"), ("safe", "see you tomorrow")] * 5
        )
    ]
    first, second = train(rows), train(rows)
    assert first == second
    assert 0.5 <= first.crisis_threshold <= 0.99
    assert from_data(to_data(first)) == from_data(to_data(second))
    with pytest.raises(SafetyError):
        from_data({"crisis": {}})


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
