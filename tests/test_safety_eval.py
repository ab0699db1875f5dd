"""The evaluation command, and the quality bar the development set must clear."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safety.__main__ import _resources, main
from safety.errors import SafetyError
from safety.evaluate import evaluate, read_rows
from safety.risk import Tier

DATA = Path(__file__).parent / "data"


def test_development_set_has_the_intended_size_and_mix() -> None:
    rows = read_rows(DATA / "safety_dev.tsv")
    assert len(rows) >= 400
    share = {
        label: sum(r.label == label for r in rows) / len(rows)
        for label in ("crisis", "concern", "safe")
    }
    assert 0.35 <= share["crisis"] <= 0.45
    assert 0.15 <= share["concern"] <= 0.25
    assert 0.35 <= share["safe"] <= 0.45
    assert len({r.id for r in rows}) == len(rows)


def test_development_set_crisis_recall_and_false_alarms_meet_the_bar() -> None:
    report = evaluate(read_rows(DATA / "safety_dev.tsv"))
    assert report.crisis_recall >= 0.98
    assert report.false_alarm_rate <= 0.05


def test_holdout_set_is_readable_and_large_enough() -> None:
    # Figures on this file are reported, never asserted: it is not used for tuning.
    rows = read_rows(DATA / "safety_holdout.tsv")
    assert len(rows) >= 100


def test_eval_counts_tiers_per_label_and_lists_misses(tmp_path: Path) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text(
        "id\tlabel\ttext\textra\n"
        "a\tcrisis\ti want to die\tx\n"
        "b\tcrisis\thello there\tx\n"
        "c\tsafe\tmy battery died\tx\n"
        "d\tsafe\ti cant cope anymore\tx\n"
        "e\tconcern\ti want to die\tx\n",
        encoding="utf-8",
    )
    report = evaluate(read_rows(path))
    assert report.counts["crisis"][Tier.CRISIS] == 1
    assert report.crisis_recall == 0.5
    assert report.false_alarm_rate == 0.5
    assert report.concern_recall == 1.0
    assert [m.id for m in report.misses] == ["b", "d"]


def test_eval_command_prints_rates_and_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mini.tsv"
    path.write_text("id\tlabel\ttext\n1\tcrisis\thi\n2\tsafe\thi\n", encoding="utf-8")
    assert main(["eval", str(path)]) == 0
    out = capsys.readouterr().out
    assert "crisis recall:          0.000" in out
    assert "safe false-alarm rate:  0.000" in out
    assert "1\tcrisis\t-> none" in out


def test_eval_refuses_unknown_labels_and_missing_columns(tmp_path: Path) -> None:
    bad_label = tmp_path / "bad.tsv"
    bad_label.write_text("id\tlabel\ttext\n1\turgent\thi\n", encoding="utf-8")
    with pytest.raises(SafetyError, match=r"bad\.tsv:2"):
        read_rows(bad_label)
    no_text = tmp_path / "none.tsv"
    no_text.write_text("id\tlabel\n1\tsafe\n", encoding="utf-8")
    with pytest.raises(SafetyError, match="text"):
        read_rows(no_text)


def test_eval_command_reports_a_missing_file_as_an_error(tmp_path: Path) -> None:
    assert main(["eval", str(tmp_path / "absent.tsv")]) == 2


def test_resources_command_lists_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resources", "--country", "nz"]) == 0
    out = capsys.readouterr().out
    assert "[NZ]" in out and "1737" in out


def test_resources_stale_lists_entries_older_than_the_cutoff() -> None:
    far_future = dt.date(2100, 1, 1)
    text = _resources("GB", 30, today=far_future)
    assert "GB: Samaritans (verified" in text
    assert "GB: emergency numbers" in text
    assert _resources("GB", 30, today=dt.date(2026, 11, 21)).endswith("(0):\n  none")


def test_resources_command_refuses_an_unknown_country() -> None:
    assert main(["resources", "--country", "XX"]) == 2
