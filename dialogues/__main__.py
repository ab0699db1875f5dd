"""`python -m dialogues check|review|approve`: the tools writers and reviewers run."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from dialogues import glosses
from dialogues.loader import FLOWS_DIR, read_directory
from dialogues.problems import FlowError
from dialogues.review import write_pack
from dialogues.stamp import approve
from safety import forbidden_phrases


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dialogues", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every flow")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("directory", nargs="?", type=Path, default=FLOWS_DIR)
    review = commands.add_parser("review", help="write the review pack (static HTML)")
    review.add_argument("--out", type=Path, required=True)
    review.add_argument("--flows", type=Path, default=FLOWS_DIR)
    approve = commands.add_parser("approve", help="mark a reviewed flow approved")
    approve.add_argument("flow")
    approve.add_argument("--reviewer", required=True, help='"Name, role"')
    approve.add_argument("--note", default=None)
    approve.add_argument("--flows", type=Path, default=FLOWS_DIR)
    args = parser.parse_args(argv)
    if args.command == "review":
        return _review(args.flows, args.out)
    if args.command == "approve":
        return _approve(args.flows, args.flow, reviewer=args.reviewer, note=args.note)
    return _check(args.directory, strict=args.strict)


def _check(directory: Path, *, strict: bool) -> int:
    library, problems = read_directory(directory, forbidden=forbidden_phrases())
    problems = [*problems, *glosses.problems(glosses.button_words(library))]
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    nodes = sum(len(f.nodes) for f in library.flows.values())
    print(
        f"{len(library.flows)} flows, {nodes} nodes: {errors} errors, {warnings} warnings"
        + (" (strict: warnings count as errors)" if strict and warnings else "")
    )
    return 1 if errors or (strict and warnings) else 0


def _review(flows: Path, out: Path) -> int:
    library, problems = read_directory(flows, forbidden=forbidden_phrases())
    pages = write_pack(library, out, problems=problems)
    print(f"review pack: {len(pages)} pages in {out} (open {out / 'index.html'})")
    return 0


def _approve(flows: Path, flow_id: str, *, reviewer: str, note: str | None) -> int:
    try:
        path = approve(flows, flow_id, reviewer=reviewer, note=note, today=datetime.date.today())
    except FlowError as exc:
        print(f"{flow_id} not approved:\n{exc}", file=sys.stderr)
        return 1
    print(f"{flow_id}: approved by {reviewer}; review block updated in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
