"""`python -m bot chat|run|migrate|stats|keygen|words`: the one place objects are wired."""

from __future__ import annotations

import argparse
import asyncio
import datetime
import gc
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import dialogues
import safety
from bot.checkins.screens import Checkins
from bot.config import ConfigError, Settings, load_settings
from bot.core import words
from bot.core.companion import Companion
from bot.core.flood import FloodGate
from bot.messages import Platform
from bot.ops import memory
from bot.ops.logs import configure_logging
from bot.ops.retention import Retention
from bot.store import Store, StoreError, StoreUnreachable
from bot.store.vault import Vault, VaultError, generate_key, load_or_create_key_file

log = logging.getLogger("bot")

TERMINAL_TICK_SECONDS = 5.0
CHECKIN_TICK_SECONDS = 20.0
_WARM_UP = "hello, just checking in"  # assessed at start: loads and compiles the lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("chat", help="talk to Waypoint in this terminal (no token needed)")
    run = commands.add_parser("run", help="run on Telegram (long polling, or --webhook)")
    run.add_argument("--webhook", action="store_true", help="receive updates by webhook")
    commands.add_parser("migrate", help="bring the database schema up to date")
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
                asyncio.run(_chat(settings))
            case "run":
                _run(settings, webhook=args.webhook)
            case "migrate":
                asyncio.run(_migrate(_store(settings, _keyless_vault())))
                print("waypoint: the database is up to date.")
            case "stats":
                asyncio.run(_stats(settings))
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


def build(
    settings: Settings,
    store: Store,
    *,
    platform: Platform = Platform.TELEGRAM,
    library: dialogues.Library | None = None,
    flood: FloodGate | None = None,
) -> tuple[Companion, Checkins]:
    """The Companion and the check-ins, joined to one store and one flow library.

    Without `library`, the flows are loaded here (see load_flows).
    """
    library = library or load_flows(settings)
    # The lexicon and the crisis-line directory, loaded (or failing) now, not on a first message.
    safety.assess(_WARM_UP)
    safety.crisis_reply(settings.waypoint_default_country)
    if settings.waypoint_require_approved:
        from bot.ops import words_review

        problems = [*dialogues.approval_problems(library), *words_review.approval_problems()]
        if problems:
            raise ConfigError(
                "WAYPOINT_REQUIRE_APPROVED=1 but some words are not approved: "
                + "; ".join(problems)
            )
    checkins = Checkins(store=store, library=library, platform=platform)
    companion = Companion(
        store=store,
        library=library,
        checkins=checkins,
        default_country=settings.waypoint_default_country,
        flood=flood,
    )
    return companion, checkins


def load_flows(settings: Settings) -> dialogues.Library:
    """The flow library (FlowError naming `file:line` if any is broken), with the safety
    lexicon and directory loaded too (SafetyError): none can fail on someone's first message."""
    library = dialogues.load_library(settings.waypoint_flows_dir)
    safety.assess(_WARM_UP)
    safety.crisis_reply(settings.waypoint_default_country)
    return library


async def _chat(settings: Settings) -> None:
    from bot.adapters.terminal import Terminal

    library = load_flows(settings)  # before anything is made on disk
    store = _store(settings, _chat_vault(settings))
    await store.migrate()
    companion, checkins = build(settings, store, platform=Platform.TERMINAL, library=library)
    files = settings.waypoint_key_file.parent
    terminal = Terminal(companion, stdin=sys.stdin, stdout=sys.stdout, files=files)
    checkins.attach(terminal)
    ticking = asyncio.create_task(_every(TERMINAL_TICK_SECONDS, checkins.tick))
    try:
        await terminal.run()
    finally:
        ticking.cancel()
        await store.close()


async def _every(seconds: float, job: Callable[[], Awaitable[object]]) -> None:
    while True:
        await asyncio.sleep(seconds)
        await job()


def _chat_vault(settings: Settings) -> Vault:
    """The configured key, or a local key file made on first use."""
    if settings.waypoint_encryption_key is not None:
        return Vault.from_setting(settings.waypoint_encryption_key.get_secret_value())
    key, created = load_or_create_key_file(settings.waypoint_key_file)
    if created:
        print(
            f"waypoint: made an encryption key for your local chat at {settings.waypoint_key_file} "
            "(keep it private; without it your kept things cannot be read).",
            file=sys.stderr,
        )
    return Vault.from_setting(key)


def _run(settings: Settings, *, webhook: bool) -> None:
    from bot.adapters.telegram.adapter import TelegramAdapter

    memory.limit_arenas()  # before the database's threads start (bot/ops/memory.py)
    settings.require_token()
    if webhook:
        settings.require_webhook()
    store = _store(settings, _server_vault(settings))
    companion, checkins = build(
        settings, store, platform=Platform.TELEGRAM, library=load_flows(settings)
    )
    asyncio.run(_prepare(store, migrate=settings.is_sqlite, wait=settings.waypoint_database_wait))
    retention = Retention(store, days=settings.waypoint_retention_days)

    async def maintenance() -> None:
        await checkins.tick()
        await retention.run_if_due()
        memory.give_back()

    adapter = TelegramAdapter(
        companion,
        settings=settings,
        commands=words.COMMANDS,
        tick=maintenance,
        tick_every=CHECKIN_TICK_SECONDS,
    )
    checkins.attach(adapter)
    # The flows, the lexicon and the libraries live as long as the process: keep the
    # garbage collector from walking them again and again (about 170,000 objects).
    gc.freeze()
    log.info("starting", extra={"mode": "webhook" if webhook else "polling"})
    if webhook:
        adapter.run_webhook()
    else:
        adapter.run_polling()


async def _prepare(
    store: Store,
    *,
    migrate: bool,
    wait: float = 30.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> None:
    """Migrate the embedded SQLite database, or check PostgreSQL is migrated; then let go
    of the connections so the bot's own event loop opens fresh ones.

    An unreachable database is tried again after 1, 2, 4, 8 … seconds, `wait` seconds in
    all (a database that starts with the bot may be a moment behind), then StoreUnreachable.
    """
    where = store.engine.url.render_as_string(hide_password=True)
    waited, delay = 0.0, 1.0
    while True:
        try:
            if migrate:
                await store.migrate()
            elif not await store.schema_is_current():
                raise StoreError("the database schema is out of date: run `python -m bot migrate`")
            return
        except StoreUnreachable as error:
            if waited >= wait:
                raise StoreUnreachable(
                    f"the database at {where} is unreachable ({error}); gave up after {waited:g} s"
                ) from error
            delay = min(delay, wait - waited)
            print(
                f"waypoint: the database at {where} is unreachable ({error}); "
                f"trying again in {delay:g} s",
                file=sys.stderr,
                flush=True,
            )
            await sleep(delay)
            waited, delay = waited + delay, delay * 2
        finally:
            await store.close()


async def _migrate(store: Store) -> None:
    try:
        await store.migrate()
    finally:
        await store.close()


async def _stats(settings: Settings) -> None:
    from bot.ops.stats import print_stats

    store = _store(settings, _keyless_vault())
    try:
        await print_stats(store, out=sys.stdout)
    finally:
        await store.close()


def _store(settings: Settings, vault: Vault) -> Store:
    return Store.open(settings.database_url, vault=vault)


def _keyless_vault() -> Vault:
    """For commands that read no kept text (migrate, stats): a key that opens nothing."""
    return Vault([generate_key()])


def _server_vault(settings: Settings) -> Vault:
    if settings.waypoint_encryption_key is None:
        raise ConfigError(
            "WAYPOINT_ENCRYPTION_KEY is not set: what people keep is encrypted with it. "
            "Make one with `python -m bot keygen` and keep it safe (losing it loses their data)."
        )
    return Vault.from_setting(settings.waypoint_encryption_key.get_secret_value())


if __name__ == "__main__":
    sys.exit(main())
