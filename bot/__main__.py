"""`python -m bot chat|run|migrate|rekey|stats|keygen|words`: the command line (bot/wiring.py
builds and joins the objects)."""

from __future__ import annotations

import argparse
import asyncio
import datetime
import sys
from pathlib import Path

import dialogues
import safety
from bot import wiring
from bot.config import ConfigError, load_settings
from bot.ops.logs import configure_logging
from bot.store import StoreError
from bot.store.vault import VaultError, generate_key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("chat", help="talk to Waypoint in this terminal (no token needed)")
    run = commands.add_parser("run", help="run on Telegram (long polling, or --webhook)")
    run.add_argument("--webhook", action="store_true", help="receive updates by webhook")
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser(
        "rekey", help="re-encrypt everything under the first key, so older keys can be dropped"
    )
    commands.add_parser("stats", help="print anonymous, aggregate counts")
    commands.add_parser("keygen", help="print a new encryption key")
    review = commands.add_parser("words", help="what the bot says outside the flows, to review")
    review.add_argument("--out", type=Path, help="write the page here (HTML)")
    review.add_argument("--approve", action="store_true", help="record a review of the words")
    review.add_argument("--reviewer", help='with --approve: "Name, role"')
    review.add_argument("--note", help="with --approve: what the reviewer said")
    args = parser.parse_args(argv)
    if args.command == "keygen":
        print(generate_key())
        return 0
    if args.command == "words":
        return _words(args.out, approve=args.approve, reviewer=args.reviewer, note=args.note)
    try:
        settings = load_settings()
        configure_logging(settings.log_level)
        match args.command:
            case "chat":
                asyncio.run(wiring.chat(settings))
            case "run":
                wiring.run(settings, webhook=args.webhook)
            case "migrate":
                asyncio.run(wiring.migrate(settings))
                print("waypoint: the database is up to date.")
            case "rekey":
                asyncio.run(wiring.rekey(settings))
            case "stats":
                asyncio.run(wiring.stats(settings))
    except (ConfigError, VaultError, StoreError, dialogues.FlowError, safety.SafetyError) as error:
        print(f"waypoint: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def _words(out: Path | None, *, approve: bool, reviewer: str | None, note: str | None) -> int:
    from bot.ops import words_review  # the review page's tools: not loaded when the bot runs

    if approve:
        if not reviewer:
            print('waypoint: --approve needs --reviewer "Name, role"', file=sys.stderr)
            return 2
        words_review.approve(reviewer, note=note, today=datetime.date.today())
        print(f"waypoint: the words approved by {reviewer}; recorded in {words_review.REVIEW_FILE}")
    words, review = words_review.core_words(), words_review.read_review()
    if out is not None:
        out.write_text(words_review.review_page(words, review), encoding="utf-8")
        print(f"waypoint: {len(words)} pieces of wording in {out}")
    print(f"waypoint: the words are {words_review.status_words(review, words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
