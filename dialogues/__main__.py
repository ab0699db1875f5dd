"""`python -m dialogues check|review|approve`: the tools writers and reviewers run."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from dialogues.loader import FLOWS_DIR, read_directory
from dialogues.problems import Problem


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dialogues", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every flow")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("directory", nargs="?", type=Path, default=FLOWS_DIR)
    args = parser.parse_args(argv)
    return _check(args.directory, strict=args.strict)


def _forbidden() -> tuple[tuple[str, ...], list[Problem]]:
    try:
        forbidden_phrases = importlib.import_module("safety").forbidden_phrases
    except (ImportError, AttributeError):
        missing = Problem(
            "safety",
            0,
            "safety.forbidden_phrases() is not available, so forbidden phrases were NOT checked",
            "warning",
        )
        return (), [missing]
    return tuple(forbidden_phrases()), []


def _check(directory: Path, *, strict: bool) -> int:
    forbidden, problems = _forbidden()
    library, found = read_directory(directory, forbidden=forbidden)
    problems += found
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


if __name__ == "__main__":
    sys.exit(main())
