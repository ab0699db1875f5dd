"""Evaluation of the detector on a labelled TSV file (columns id, label, text[, category])."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from safety.detect import assess
from safety.errors import SafetyError
from safety.risk import Tier

LABELS = ("crisis", "concern", "safe")
# The tier each label expects: a crisis row must be assessed crisis, a concern row at
# least concern, a safe row none.
EXPECTED = {"crisis": Tier.CRISIS, "concern": Tier.CONCERN, "safe": Tier.NONE}


@dataclass(frozen=True)
class Row:
    """One labelled message."""

    id: str
    label: str
    text: str
    category: str = ""
    writer: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Miss:
    """A row whose tier is not the one its label expects."""

    id: str
    label: str
    tier: Tier
    text: str
    category: str = ""


@dataclass(frozen=True)
class Report:
    """Counts per label and tier, the two headline rates, and the misses."""

    counts: dict[str, Counter[Tier]]
    misses: tuple[Miss, ...]

    @property
    def crisis_recall(self) -> float:
        """Share of crisis rows assessed crisis."""
        return _share(self.counts.get("crisis", Counter()), Tier.CRISIS)

    @property
    def concern_recall(self) -> float:
        """Share of concern rows assessed concern or crisis."""
        tiers = self.counts.get("concern", Counter())
        total = sum(tiers.values())
        return (tiers[Tier.CONCERN] + tiers[Tier.CRISIS]) / total if total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of safe rows assessed crisis or concern."""
        return 1.0 - _share(self.counts.get("safe", Counter()), Tier.NONE)


def read_rows(path: Path) -> list[Row]:
    """Read a TSV with a header naming at least `id`, `label` and `text`.

    Optional columns: `category` (or the corpus's `kind`), `writer` (else the file's name)
    and `language`.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"id", "label", "text"} - set(reader.fieldnames or ())
        if missing:
            raise SafetyError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        rows = []
        for number, raw in enumerate(reader, start=2):
            label = (raw["label"] or "").strip().lower()
            if label not in LABELS:
                raise SafetyError(f"{path}:{number}: label {label!r} is not one of {LABELS}")
            category = (raw.get("category") or raw.get("kind") or "").strip()
            rows.append(
                Row(
                    id=raw["id"],
                    label=label,
                    text=raw["text"] or "",
                    category=category,
                    # A file without a writer column counts as one writer.
                    writer=(raw.get("writer") or "").strip() or path.stem,
                    language=(raw.get("language") or "en").strip() or "en",
                )
            )
    return rows


def evaluate(rows: list[Row]) -> Report:
    """Assess every row and compare with its label."""
    counts: dict[str, Counter[Tier]] = {label: Counter() for label in LABELS}
    misses = []
    for row in rows:
        tier = assess(row.text).tier
        counts[row.label][tier] += 1
        expected = EXPECTED[row.label]
        wrong = tier.rank < expected.rank if row.label == "concern" else tier is not expected
        if wrong:
            misses.append(
                Miss(id=row.id, label=row.label, tier=tier, text=row.text, category=row.category)
            )
    return Report(counts=counts, misses=tuple(misses))


def render(report: Report) -> str:
    """The report as plain text: a table, the rates and the misses."""
    lines = [f"{'label':8} {'rows':>5}  " + "  ".join(f"{t.value:>8}" for t in Tier)]
    for label in LABELS:
        tiers = report.counts.get(label, Counter())
        total = sum(tiers.values())
        shares = "  ".join(f"{(tiers[t] / total if total else 0.0):>8.1%}" for t in Tier)
        lines.append(f"{label:8} {total:>5}  {shares}")
    lines += [
        "",
        f"crisis recall:          {report.crisis_recall:.3f}",
        f"concern recall (>=):    {report.concern_recall:.3f}",
        f"safe false-alarm rate:  {report.false_alarm_rate:.3f}",
        "",
        f"misses ({len(report.misses)}):",
    ]
    lines += [f"  {m.id}\t{m.label}\t-> {m.tier.value}\t{m.text}" for m in report.misses]
    lines += _by_category(report.misses)
    return "\n".join(lines)


def _by_category(misses: tuple[Miss, ...]) -> list[str]:
    """Misses counted per label and category, when the file has a `category` column."""
    counted = Counter((m.label, m.category) for m in misses if m.category)
    if not counted:
        return []
    lines = ["", "misses by category:"]
    for (label, category), count in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {label:8} {category:20} {count:>3}")
    return lines


def _share(tiers: Counter[Tier], tier: Tier) -> float:
    total = sum(tiers.values())
    return tiers[tier] / total if total else 1.0
