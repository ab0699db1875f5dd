"""Command line: `python -m safety eval FILE.tsv` and `python -m safety resources`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from safety.check import check
from safety.check import render as render_check
from safety.errors import SafetyError
from safety.evaluate import evaluate, read_rows, render
from safety.model import to_data
from safety.replies import more_options
from safety.resources import directory


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m safety")
    commands = parser.add_subparsers(dest="command", required=True)
    run_eval = commands.add_parser("eval", help="assess a labelled TSV (id, label, text)")
    run_eval.add_argument("file", type=Path)
    learn = commands.add_parser("train", help="train the learned second opinion from TSVs")
    learn.add_argument("files", type=Path, nargs="+")
    learn.add_argument("--out", type=Path, required=True)
    learn.add_argument("--max-alarms", type=float, default=0.02)
    listing = commands.add_parser("resources", help="print the crisis-resource directory")
    listing.add_argument("--country", help="ISO 3166 alpha-2 code, e.g. GB")
    listing.add_argument("--stale", type=int, metavar="DAYS", help="list entries older than DAYS")
    listing.add_argument(
        "--check", action="store_true", help="check every entry; exit 1 if one is wrong"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "eval":
            print(render(evaluate(read_rows(args.file))))
        elif args.command == "train":
            print(_train(args.files, args.out, args.max_alarms))
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


def _train(files: list[Path], out: Path, max_alarms: float) -> str:
    """Train on every row of `files`, write the model as JSON, say what was written."""
    from safety.train import train  # only the command line trains

    rows = [row for path in files for row in read_rows(path)]
    learned = train(rows, max_alarms=max_alarms)
    out.write_text(json.dumps(to_data(learned), separators=(",", ":")) + "\n", encoding="utf-8")
    return (
        f"{len(rows)} rows -> {out}: {len(learned.crisis)} crisis and {len(learned.risk)} risk "
        f"weights, thresholds {learned.crisis_threshold} / {learned.risk_threshold}"
    )


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
