"""Wiring: the one place the bot's objects are built and joined (for `python -m bot`).

Safety's data and the flows are read once, first (`load_data`); then the store, the
Companion, the adapter, and the periodic jobs with the adapter as their outbox and the
wall clock as their clock.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import dialogues
import safety
from bot.adapters.telegram.spool import Spool, SpoolError
from bot.checkins.screens import Checkins
from bot.checkins.sender import Sender
from bot.config import ConfigError, Settings
from bot.core import words
from bot.core.companion import STORE_PATIENCE, Companion
from bot.core.flood import FloodGate
from bot.core.ports import Outbox
from bot.messages import Platform
from bot.ops import memory
from bot.ops.retention import Retention
from bot.store import Store, StoreError, StoreUnreachable
from bot.store.vault import Vault, load_or_create_key_file
from dialogues import glosses

log = logging.getLogger("bot")

TERMINAL_TICK_SECONDS = 5.0
CHECKIN_TICK_SECONDS = 20.0


def wall_clock() -> datetime:
    """The time now, in UTC: the periodic jobs' clock."""
    return datetime.now(UTC)


def load_data(settings: Settings) -> dialogues.Library:
    """Safety's data (SafetyError), the glossary of words in other languages and the flow
    library (FlowError naming `file:line`), each read once, now: none can fail on, or be
    read on, someone's first message (a crisis is answered within a second)."""
    safety.load()
    glosses.glossary()
    return dialogues.load_library(settings.waypoint_flows_dir)


def build(
    settings: Settings,
    store: Store,
    *,
    library: dialogues.Library,
    flood: FloodGate | None = None,
    store_patience: float = STORE_PATIENCE,
) -> Companion:
    """The Companion, joined to one store and one flow library (see load_data)."""
    if settings.waypoint_require_approved:
        from bot.ops import words_review

        problems = [*dialogues.approval_problems(library), *words_review.approval_problems()]
        if problems:
            raise ConfigError(
                "WAYPOINT_REQUIRE_APPROVED=1 but some words are not approved: "
                + "; ".join(problems)
            )
    return Companion(
        store=store,
        library=library,
        checkins=Checkins(library=library),
        default_country=settings.waypoint_default_country,
        flood=flood,
        store_patience=store_patience,
    )


def checkin_sender(
    store: Store, library: dialogues.Library, *, outbox: Outbox, platform: Platform
) -> Sender:
    """The periodic check-in job, sending through `outbox` (the adapter) on the wall clock."""
    return Sender(store=store, library=library, outbox=outbox, clock=wall_clock, platform=platform)


async def chat(settings: Settings) -> None:
    """`python -m bot chat`: the whole bot in this terminal."""
    from bot.adapters.terminal import Terminal

    library = load_data(settings)  # before anything is made on disk
    store = _store(settings, _chat_vault(settings))
    await store.migrate()
    companion = build(settings, store, library=library)
    files = settings.waypoint_key_file.parent
    terminal = Terminal(companion, stdin=sys.stdin, stdout=sys.stdout, files=files)
    sender = checkin_sender(store, library, outbox=terminal, platform=Platform.TERMINAL)
    ticking = asyncio.create_task(_every(TERMINAL_TICK_SECONDS, sender.tick))
    try:
        await terminal.run()
    finally:
        ticking.cancel()
        await store.close()


def run(settings: Settings, *, webhook: bool) -> None:
    """`python -m bot run`: Telegram, by long polling or a webhook."""
    from bot.adapters.telegram.adapter import TelegramAdapter

    memory.limit_arenas()  # before the database's threads start (bot/ops/memory.py)
    settings.require_token()
    if webhook:
        settings.require_webhook()
    vault = _server_vault(settings)
    store = _store(settings, vault)
    library = load_data(settings)
    companion = build(settings, store, library=library)
    # Polling keeps what it took from Telegram and has not handled in a local spool; a
    # webhook needs none (Telegram holds an update until its request is answered).
    spool = None if webhook else _open_spool(settings, vault)
    asyncio.run(_prepare(store, migrate=settings.is_sqlite, wait=settings.waypoint_database_wait))
    retention = Retention(store, days=settings.waypoint_retention_days, clock=wall_clock)

    async def maintenance() -> None:
        await sender.tick()
        await retention.run_if_due()
        memory.give_back()

    adapter = TelegramAdapter(
        companion,
        settings=settings,
        commands=words.COMMANDS,
        tick=maintenance,
        tick_every=CHECKIN_TICK_SECONDS,
        spool=spool,
    )
    # The adapter sends the check-ins; its periodic tick (above) runs the job.
    sender = checkin_sender(store, library, outbox=adapter, platform=Platform.TELEGRAM)
    # The flows, the lexicon and the libraries live as long as the process: keep the
    # garbage collector from walking them again and again (about 170,000 objects).
    gc.freeze()
    log.info("starting", extra={"mode": "webhook" if webhook else "polling"})
    try:
        if webhook:
            adapter.run_webhook()
        else:
            adapter.run_polling()
    finally:
        if spool is not None:
            spool.close()


def spool_folder(settings: Settings) -> Path:
    """Where polling spools updates: beside the key file, in the bot's own data folder
    (data/spool by default), on the same persistent disk, whatever the database."""
    return settings.waypoint_key_file.parent / "spool"


async def migrate(settings: Settings) -> None:
    """`python -m bot migrate`, with the key when it is set: a migration that encrypts
    rows (0007) needs it, and refuses to run on a database with rows without it."""
    key = settings.waypoint_encryption_key
    vault = Vault.from_setting(key.get_secret_value()) if key is not None else keyless_vault()
    store = _store(settings, vault)
    try:
        await store.migrate()
    finally:
        await store.close()


async def rekey(settings: Settings) -> None:
    """`python -m bot rekey`: everything moved to the first key of WAYPOINT_ENCRYPTION_KEY."""
    from bot.store.rekey import rekey as run_rekey

    store = _store(settings, _server_vault(settings))
    try:
        if not await store.schema_is_current():
            raise StoreError("the database schema is out of date: run `python -m bot migrate`")

        def progress(table: str, changed: int) -> None:
            if changed:
                print(f"waypoint: {table}: {changed} re-encrypted", file=sys.stderr, flush=True)

        done = await run_rekey(store, after_batch=progress)
    finally:
        await store.close()
    _rekey_spool(settings, _server_vault(settings))
    print(
        f"waypoint: {done.total} values and hashes moved to the first key; "
        f"{done.current} were there already."
    )
    if done.unreadable:
        raise StoreError(
            f"{done.unreadable} values could not be decrypted with any configured key: "
            "they were encrypted under a key no longer listed; put it back after the first "
            "and run rekey again before dropping it"
        )
    print("waypoint: every value is under the first key: the keys after it can be dropped.")


def _open_spool(settings: Settings, vault: Vault) -> Spool:
    try:
        return Spool.open(spool_folder(settings), vault)
    except SpoolError as error:  # a deployment problem, told like a setting's
        raise ConfigError(str(error)) from None


def _rekey_spool(settings: Settings, vault: Vault) -> None:
    """The polling spool's updates under the first key too (opening it moves them)."""
    folder = spool_folder(settings)
    if not folder.is_dir():
        return
    try:
        Spool.open(folder, vault).close()
    except SpoolError:
        print(
            f"waypoint: the bot is running with its spool at {folder}: what it holds is "
            "under the key it runs with, and moves to the first key when it starts again.",
            file=sys.stderr,
        )


async def stats(settings: Settings) -> None:
    """`python -m bot stats`, counted back from today (UTC)."""
    from bot.ops.stats import print_stats

    store = _store(settings, keyless_vault())
    try:
        await print_stats(store, out=sys.stdout, today=wall_clock().date())
    finally:
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


def _store(settings: Settings, vault: Vault) -> Store:
    return Store.open(settings.database_url, vault=vault)


def keyless_vault() -> Vault:
    """For commands that read no kept text (migrate, stats): a key that opens nothing."""
    return Vault.keyless()


def _server_vault(settings: Settings) -> Vault:
    if settings.waypoint_encryption_key is None:
        raise ConfigError(
            "WAYPOINT_ENCRYPTION_KEY is not set: what people keep is encrypted with it. "
            "Make one with `python -m bot keygen` and keep it safe (losing it loses their data)."
        )
    return Vault.from_setting(settings.waypoint_encryption_key.get_secret_value())
