"""Command line: `python -m safety eval|train|resources`.

`eval FILE...` assesses labelled rows (with figures per kind, length and language when
the files have them); `train FILE... [--out DIR]` fits the learned second opinion and
prints its leave-writers-out figures (writing the model only with --out).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from safety import breakdown
from safety.check import check
from safety.check import render as render_check
from safety.detect import assess
from safety.errors import SafetyError
from safety.evaluate import Row, evaluate, read_rows, render
from safety.language import ENGLISH
from safety.model import MODEL_FILE, WEIGHTS_FILE, to_data
from safety.replies import more_options
from safety.resources import directory


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m safety")
    commands = parser.add_subparsers(dest="command", required=True)
    run_eval = commands.add_parser("eval", help="assess labelled TSVs (id, label, text)")
    run_eval.add_argument("files", type=Path, nargs="+")
    learn = commands.add_parser(
        "train", help="fit the learned second opinion; print leave-writers-out figures"
    )
    learn.add_argument("files", type=Path, nargs="+", help="TSV files or folders of them")
    learn.add_argument("--out", type=Path, help="folder to write model.json and model.bin to")
    learn.add_argument("--max-crisis", type=float, default=0.03, help="safe rows to crisis")
    learn.add_argument("--max-any", type=float, default=0.10, help="safe rows flagged at all")
    learn.add_argument(
        "--crisis-threshold",
        type=float,
        help="ship this crisis threshold instead of the one chosen on the folds (both shown)",
    )
    learn.add_argument(
        "--part-threshold",
        type=float,
        help="ship this part threshold instead of the one chosen on the folds (both shown)",
    )
    listing = commands.add_parser("resources", help="print the crisis-resource directory")
    listing.add_argument("--country", help="ISO 3166 alpha-2 code, e.g. GB")
    listing.add_argument("--stale", type=int, metavar="DAYS", help="list entries older than DAYS")
    listing.add_argument(
        "--check", action="store_true", help="check every entry; exit 1 if one is wrong"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "eval":
            print(_evaluate(_rows(args.files)))
        elif args.command == "train":
            print(
                _train(
                    _rows(args.files),
                    args.out,
                    args.max_crisis,
                    args.max_any,
                    crisis_threshold=args.crisis_threshold,
                    part_threshold=args.part_threshold,
                )
            )
        elif args.check:
            report = check(directory(), today=dt.date.today())
            print(render_check(report))
            return 0 if report.passed else 1
        else:
            print(_resources(args.country, args.stale, today=dt.date.today()))
    except (SafetyError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _rows(paths: list[Path]) -> list[Row]:
    """Every row of the TSV files named, and of the TSV files in the folders named."""
    files = [
        found
        for path in paths
        for found in (sorted(path.glob("*.tsv")) if path.is_dir() else [path])
    ]
    return [row for path in files for row in read_rows(path)]


def _evaluate(rows: list[Row]) -> str:
    """The plain report, and the breakdown when the rows say their kind."""
    report = render(evaluate(rows))
    if not any(row.category for row in rows):
        return report
    tiers = [assess(row.text).tier for row in rows]
    return f"{report}\n\n{breakdown.render(rows, tiers, title='The shipped detector')}"


def _train(
    rows: list[Row],
    out: Path | None,
    max_crisis: float,
    max_any: float,
    *,
    crisis_threshold: float | None = None,
    part_threshold: float | None = None,
) -> str:
    """Fit on every row; the leave-writers-out figures; the model written to `out`.

    With `crisis_threshold` or `part_threshold`, that threshold is shipped and measured
    instead of the folds' choice, which the model's header keeps beside it (`about`)."""
    from safety.train import tiers, train  # only the command line trains

    learned, scored = train(rows, max_crisis=max_crisis, max_any=max_any)
    about: dict[str, object] = {"rows": len(rows), "writers": len({r.writer for r in rows})}
    if crisis_threshold is not None:
        about["crisis_threshold_on_folds"] = learned.crisis_threshold
        learned = dataclasses.replace(learned, crisis_threshold=crisis_threshold)
    if part_threshold is not None:
        about["part_threshold_on_folds"] = learned.part_threshold
        learned = dataclasses.replace(learned, part_threshold=part_threshold)
    chosen = {
        "crisis_threshold": learned.crisis_threshold,
        "risk_threshold": learned.risk_threshold,
        "crisis_veto": learned.crisis_veto,
        "risk_veto": learned.risk_veto,
        "part_threshold": learned.part_threshold,
    }
    by_language = dict(learned.crisis_thresholds)
    found = breakdown.render(
        rows,
        tiers(scored, chosen, by_language),
        title=f"Leave-writers-out, lexicon and model: {chosen}, other languages {by_language}",
    )
    told = sum(
        (row.language or ENGLISH) == language
        for row, language in zip(rows, scored.language, strict=True)
    )
    found += f"\n\nlanguage told right for {told} of {len(rows)} rows"
    lexicon_alone = breakdown.render(
        rows, [first.tier for first in scored.first], title="The lexicon alone"
    )
    if out is None:
        return f"{found}\n\n{lexicon_alone}"
    header, weights = to_data(learned, **about)
    (out / MODEL_FILE).write_text(json.dumps(header, indent=1) + "\n", encoding="utf-8")
    (out / WEIGHTS_FILE).write_bytes(weights)
    return f"{found}\n\n{lexicon_alone}\n\nwrote {out / MODEL_FILE} and {out / WEIGHTS_FILE}"


def _resources(country: str | None, stale: int | None, *, today: dt.date) -> str:
    """Every entry (or one country's), then the entries older than `stale` days."""
    found = directory()
    codes = [country.strip().upper()] if country else sorted(found.countries)
    unknown = [code for code in codes if code not in found.countries]
    if unknown:
        raise SafetyError(f"no directory entry for {', '.join(unknown)}")
    text = "\n\n".join(f"[{code}]\n{more_options(code)}" for code in codes)
    if stale is None:
        return text
    cutoff = today - dt.timedelta(days=stale)
    old = [
        f"  {code}: {line.name} (verified {line.verified_on}, {line.source})"
        for code in codes
        for line in found.countries[code].lines
        if line.verified_on < cutoff
    ]
    old += [
        f"  {code}: emergency numbers (verified {found.countries[code].verified_on})"
        for code in codes
        if found.countries[code].verified_on < cutoff
    ]
    listing = "\n".join(old) if old else "  none"
    return f"{text}\n\nEntries verified more than {stale} days ago ({len(old)}):\n{listing}"


if __name__ == "__main__":
    raise SystemExit(main())
