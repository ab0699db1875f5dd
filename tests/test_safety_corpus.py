"""The corpus the model learns from, and the held-out sets it is measured on."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from safety import breakdown
from safety.detect import assess
from safety.evaluate import Row, read_rows

DATA = Path(__file__).parent / "data"
KINDS = {
    "crisis": {
        "ideation",
        "plan",
        "preparation",
        "means",
        "self_injury_now",
        "injury_care",
        "swallowed",
        "recent_attempt",
        "abuse_danger",
        "someone_else_crisis",
    },
    "concern": {"urge", "lapse", "hopelessness", "distress", "someone_else"},
    "safe": {"idiom", "games_media", "medical_everyday", "academic", "recovery_past", "everyday"},
}
# First contact and since (docs/safety.md): the held-out sets may not fall below these.
# b5 (646 rows, five languages) came in at 0.673 / 0.954 / 0.867 / 0.049 / 0.133 (the model
# of the morning), b6 (596, half long requests to an assistant) at 0.783 / 0.883 / 0.920 /
# 0.043 / 0.086 (the same with a crisis threshold per language). All six with the model of
# 2026-12-07 afternoon: 0.837 / 0.936 / 0.877 / 0.045 / 0.095 (the model before it: 0.792 /
# 0.940 / 0.895 / 0.044 / 0.109). b7 (650 rows, half long) came in at 0.812 / 0.902 / 0.868 /
# 0.062 / 0.098. All seven with the model of 2026-12-07 evening (parts, 266 writers): 0.855 /
# 0.943 / 0.869 / 0.047 / 0.092 (the afternoon's: 0.834 / 0.932 / 0.876 / 0.047 / 0.095).
# Issue 18's rules (a denial settles crisis words, not the concern beside them; negation in
# five languages; denied swallows; idioms), the same model: 0.855 / 0.944 / 0.878 / 0.047 /
# 0.0912. Issue 19's (an answer word before a comma is an answer; someone else's wish in five
# languages; a few Tagalog statements), the same model: 0.8566 / 0.9444 / 0.8778 / 0.0473 /
# 0.0912.
# b8 (704 rows, 8 writers, half not English, a third long, a fifth replies inside a
# conversation) came in at 0.875 / 0.948 / 0.840 / 0.061 / 0.103 (the evening's model);
# all eight then: 0.857 / 0.944 / 0.866 / 0.049 / 0.093.
# All eight with issue 18's and 19's rules (s1, s2), the same model: 0.8585 / 0.9448 /
# 0.8735 / 0.0488 / 0.0926. Not thinking of suicide said in four more languages, and
# thinking of it often in Italian and Portuguese: 0.8590 / 0.9448 / 0.8735 / 0.0488 / 0.0926.
# b9 (10 writers, half in five other languages, a tenth Nigerian Pidgin, most crisis
# rows quiet; 770 rows) came in at 0.755 / 0.884 / 0.866 / 0.047 / 0.125; all nine then: 0.848 /
# 0.938 / 0.873 / 0.0485 / 0.0967. Self-harm and suicide asked about as a subject (how they
# differ, the signs in someone, the law) no longer a crisis: 0.848 / 0.9384 / 0.8729 /
# 0.0441 / 0.0923. How an accident happened explains its blood: 0.848 / 0.9384 / 0.8729 /
# 0.0426 / 0.0908. A double letter no stretch into short slang ("odd" is no "od"): 0.848 /
# 0.9384 / 0.8729 / 0.0423 / 0.0904. The quiet kinds in five languages, words the spelling
# makes negators read as typed, a cut in the kitchen, a denied firm match no voucher, what one
# did weeks ago (s3; b1-b8 alone 0.8590 / 0.9448 / 0.8735 / 0.0425 / 0.0863 -> 0.8632 /
# 0.9452 / 0.8735 / 0.0412 / 0.0829): 0.8518 / 0.9388 / 0.8729 / 0.0412 / 0.0871.
# Crisis said short or quietly (issue 18, s4: the lexicon's quiet.* entries; 16 rows better,
# none worse): 0.8578 / 0.9426 / 0.8729 / 0.0412 / 0.0871.
# Long messages (s6, 2026-12-08): a past long over, a subject, a story or a joke explains only
# its own sentence's risk words (alone on d3bc796, the long safe rows of b1-b9: 0.0669 /
# 0.1420 -> 0.0617 / 0.1214; 0.8518 / 0.9388 / 0.8729 / 0.0375 / 0.0761); with s4's:
# 0.8578 / 0.9426 / 0.8729 / 0.0375 / 0.0761.
# With s5's (safety said plainly, a crisis its risk does not back): the same, 47 rows better
# than d3bc796, none worse. b10 (660 rows, 13 writers: English short chat from four countries,
# long messages to an assistant from four more, and es/pt/fr/de/it; written 2026-12-08) came in
# on d3bc796 at 0.818 / 0.951 / 0.939 / 0.072 / 0.117 (its long-message part: safe -> crisis
# 0.163, any flag 0.250); after s4, s5 and s6, which had not seen it: 0.826 / 0.951 / 0.939 /
# 0.061 / 0.102 (long part 0.125 / 0.213). All ten: 0.8549 / 0.9433 / 0.8776 / 0.0396 / 0.0785.
HELD_OUT_AT_LEAST = {
    "crisis -> crisis": 0.8549,
    "crisis -> at least concern": 0.9433,
    "concern -> any flag": 0.8776,
}
HELD_OUT_AT_MOST = {"safe -> crisis": 0.0396, "safe -> any flag": 0.0785}


def rows(folder: str) -> list[Row]:
    return [row for path in sorted((DATA / folder).glob("*.tsv")) for row in read_rows(path)]


def test_the_corpus_is_large_varied_and_labelled_by_kind() -> None:
    corpus = rows("corpus")
    assert len(corpus) >= 15_000
    assert len({row.writer for row in corpus}) >= 50
    assert len({row.id for row in corpus}) == len(corpus)
    for row in corpus:
        assert row.category in KINDS[row.label], row.id
    languages = Counter(row.language for row in corpus)
    assert all(languages[code] >= 1_000 for code in ("es", "fr", "de", "pt", "it"))
    long = sum(len(row.text.split()) > 40 for row in corpus)
    assert long / len(corpus) >= 0.25


def test_every_kind_is_written_by_many_writers() -> None:
    writers: dict[str, set[str]] = {}
    for row in rows("corpus"):
        writers.setdefault(row.category, set()).add(row.writer)
    assert all(len(found) >= 40 for found in writers.values()), writers.keys()


def test_held_out_writers_never_wrote_for_the_corpus() -> None:
    corpus = {row.writer for row in rows("corpus")}
    held_out = {row.writer for row in rows("heldout")}
    assert held_out and not corpus & held_out
    # Short replies ("thanks", "not really") are everyone's; longer ones are a writer's own.
    texts = {row.text.casefold() for row in rows("corpus") if len(row.text.split()) > 3}
    assert not [row.id for row in rows("heldout") if row.text.casefold() in texts]


@pytest.fixture(scope="module")
def held_out_rates() -> dict[str, float]:
    held_out = rows("heldout")
    return breakdown.headline(held_out, [assess(row.text).tier for row in held_out])


@pytest.mark.parametrize(("rate", "floor"), sorted(HELD_OUT_AT_LEAST.items()))
def test_the_held_out_sets_keep_their_recall(
    held_out_rates: dict[str, float], rate: str, floor: float
) -> None:
    assert held_out_rates[rate] >= floor


@pytest.mark.parametrize(("rate", "ceiling"), sorted(HELD_OUT_AT_MOST.items()))
def test_the_held_out_sets_keep_their_false_alarms_down(
    held_out_rates: dict[str, float], rate: str, ceiling: float
) -> None:
    assert held_out_rates[rate] <= ceiling
