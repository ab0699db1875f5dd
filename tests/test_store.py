"""The store, on SQLite and on PostgreSQL: people, kept things, encryption at rest."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Date, Time, bindparam, func, select, text
from sqlalchemy.engine import Connection

from bot.checkins.schedule import DAILY, Plan
from bot.core.questions import AskedSafe, AskedTime, Nothing
from bot.messages import Person, Platform
from bot.store import SCHEMA_HEAD, Kept, Store
from bot.store.migrate import alembic_config, head, upgrade
from bot.store.tables import Base, UTCDateTime
from bot.store.vault import Vault, VaultError
from tests.fakes import every_raw_value, on_admin_database

ALEX = Person(Platform.TELEGRAM, "1001")
SAM = Person(Platform.TELEGRAM, "1002")
NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


async def test_a_person_is_created_on_first_contact_and_found_again(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        assert person.is_new
        person.country = "GB"
        person.flow_state = {"flow": "urges", "node": "now"}

    async with store.person(ALEX, now=NOW + timedelta(days=1)) as person:
        assert not person.is_new
        assert person.country == "GB"
        assert person.flow_state == {"flow": "urges", "node": "now"}


async def test_a_transaction_that_fails_part_way_keeps_none_of_it(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        person.question = AskedTime("d")
        await person.add_entry("toolbox", "music", now=NOW, replace=False)

    with pytest.raises(RuntimeError):
        async with store.person(ALEX, now=NOW) as person:
            person.question = Nothing()
            person.flow_state = {"flow": "urges", "node": "now"}
            await person.add_entry("toolbox", "a walk", now=NOW, replace=False)
            await person.forget("toolbox")
            assert await person.entries("toolbox") == []  # written, inside the transaction
            raise RuntimeError("the bot failed before answering")

    async with store.person(ALEX, now=NOW) as person:
        assert person.question == AskedTime("d") and person.flow_state is None
        assert [entry.text for entry in await person.entries("toolbox")] == ["music"]


async def test_people_do_not_see_each_others_things(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        await person.add_entry("toolbox", "music", now=NOW, replace=False)
    async with store.person(SAM, now=NOW) as person:
        assert await person.entries("toolbox") == []


async def test_the_toolbox_shows_what_helped_most_first(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        for idea in ("a walk", "music", "cold water on my face"):
            await person.add_entry("toolbox", idea, now=NOW, replace=False)
        await person.rate_entry("toolbox", "cold water on my face", 5)
        await person.rate_entry("toolbox", "a walk", 2)

    async with store.person(ALEX, now=NOW) as person:
        entries = [entry.text for entry in await person.entries("toolbox")]
    assert entries == ["cold water on my face", "a walk", "music"]


async def test_a_text_field_keeps_only_the_latest_answer(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        await person.add_entry("next_step", "text a friend", now=NOW, replace=True)
        await person.add_entry("next_step", "go for a walk", now=NOW, replace=True)
        assert [entry.text for entry in await person.entries("next_step")] == ["go for a walk"]


async def test_the_same_entry_is_not_kept_twice(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        await person.add_entry("strengths", "Kindness", now=NOW, replace=False)
        await person.add_entry("strengths", "kindness", now=NOW, replace=False)
        assert (await person.kept()).counts == {"strengths": 1}


async def test_what_a_person_keeps_is_counted_and_changes_in_the_same_transaction_show(
    store: Store,
) -> None:
    async with store.person(ALEX, now=NOW) as person:
        assert await person.kept() == Kept(counts={}, checkins_on=False)
        await person.add_entry("strengths", "patience", now=NOW, replace=False)
        await person.add_entry("strengths", "humour", now=NOW, replace=False)
        await person.add_entry("toolbox", "music", now=NOW, replace=False)
        assert (await person.kept()).counts == {"strengths": 2, "toolbox": 1}

    async with store.person(ALEX, now=NOW) as person:
        assert (await person.kept()).counts == {"strengths": 2, "toolbox": 1}
        await person.forget("strengths")
        assert (await person.kept()).counts == {"toolbox": 1}
    async with store.person(SAM, now=NOW) as person:
        assert (await person.kept()).counts == {}


async def test_whether_check_ins_are_on_follows_the_plan(store: Store) -> None:
    evening = Plan(DAILY, clock(19, 0), "Europe/London")
    async with store.person(ALEX, now=NOW) as person:
        await person.set_checkin_plan(evening, due_at=NOW + timedelta(hours=1))
        assert (await person.kept()).checkins_on

    async with store.person(ALEX, now=NOW) as person:
        assert (await person.kept()).checkins_on
        await person.stop_reminders()
        assert not (await person.kept()).checkins_on

    async with store.person(ALEX, now=NOW) as person:
        assert not (await person.kept()).checkins_on


async def test_my_data_includes_the_check_in_plan(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        assert (await person.export())["checkin_plan"] is None
        evening = Plan(DAILY, clock(19, 30), "Europe/London")
        await person.set_checkin_plan(evening, due_at=NOW + timedelta(hours=1))
    async with store.person(ALEX, now=NOW) as person:
        plan = (await person.export())["checkin_plan"]
    assert plan == {
        "frequency": DAILY,
        "local_time": "19:30",
        "time_zone": "Europe/London",
        "weekday": None,
        "paused_until": None,
    }


async def test_kept_text_is_never_stored_in_the_clear(store: Store) -> None:
    phrase = "purple-giraffe-7731 helps me breathe"
    async with store.person(ALEX, now=NOW) as person:
        person.flow_state = {"vars": {"note": phrase}}
        await person.add_entry("toolbox", phrase, now=NOW, replace=False)
        await person.add_checkin(now=NOW, mood=3, urge=2, note=phrase)

    dump = await every_raw_value(store)
    assert "purple-giraffe" not in dump


async def test_who_uses_the_bot_and_how_they_felt_is_not_in_the_clear(
    store: Store, vault: Vault
) -> None:
    # Issue 21, D9: the chat id, the scores and the time zone are encrypted too.
    someone = Person(Platform.TELEGRAM, "8675309123")
    async with store.person(someone, now=NOW) as person:
        await person.add_checkin(now=NOW, mood=3, urge=9, note=None)
        zone = Plan(DAILY, clock(19, 30), "Pacific/Chatham")
        await person.set_checkin_plan(zone, due_at=NOW + timedelta(hours=1))

    dump = await every_raw_value(store)
    assert "8675309123" not in dump
    assert "Chatham" not in dump
    async with store.engine.connect() as connection:
        [checkin] = (await connection.execute(text("SELECT * FROM checkins"))).all()
    numbers = [value for value in checkin if isinstance(value, int)]
    assert len(numbers) == 2  # its own id and the person's: no scores
    # ...and everything comes back, found again by the keyed hash.
    async with store.person(someone, now=NOW) as person:
        assert not person.is_new
        assert await person.checkins(since=NOW) == [(NOW, 3, 9)]
        assert (await person.export())["person"]["chat_id"] == "8675309123"
        plan = await person.checkin_plan()
        assert plan is not None and plan.timezone == "Pacific/Chatham"
    assert await store.has_person(someone)
    assert not await store.has_person(Person(Platform.TELEGRAM, "8675309124"))


async def test_export_holds_everything_decrypted(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        person.consent_at = NOW
        await person.add_entry("wins", "got through tuesday", now=NOW, replace=False)
        await person.add_checkin(now=NOW, mood=4, urge=1, note="a good day")
        await person.schedule("checkback", due_at=NOW + timedelta(minutes=15))
        data = await person.export()

    assert data["kept"][0]["text"] == "got through tuesday"
    assert data["checkins"][0]["note"] == "a good day"
    assert data["reminders"][0]["kind"] == "checkback"
    assert data["person"]["chat_id"] == "1001"


async def test_moments_come_back_in_utc(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        await person.add_checkin(now=NOW.astimezone(), mood=1, urge=1, note=None)
        [(at, _, _)] = await person.checkins(since=NOW - timedelta(days=1))
    assert at == NOW
    assert at.tzinfo is not None


def _schema_differences(connection: Connection) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with nothing in it."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    request.getfixturevalue("postgres_url")  # skips (or fails under CI) when unreachable
    name = f"waypoint_empty_{secrets.token_hex(4)}"
    on_admin_database(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        on_admin_database(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_the_migrations_build_exactly_the_schema_the_code_expects(
    empty_database: str, vault: Vault
) -> None:
    store = Store.open(empty_database, vault=vault)
    try:
        async with store.engine.begin() as connection:
            await connection.run_sync(lambda c: upgrade(c))  # Alembic, one by one
            assert await connection.run_sync(_schema_differences) == []
        assert await store.schema_is_current()
    finally:
        await store.close()


async def test_an_empty_database_is_built_whole_at_the_newest_migration(
    empty_database: str, vault: Vault
) -> None:
    store = Store.open(empty_database, vault=vault)
    try:
        await store.migrate()
        async with store.engine.connect() as connection:
            assert await connection.run_sync(_schema_differences) == []
            assert await connection.run_sync(lambda c: alembic_config(c) is not None)
        assert await store.schema_is_current()
        await store.migrate()  # and again: nothing to do
        async with store.person(ALEX, now=NOW) as person:
            person.question = AskedTime("d")
    finally:
        await store.close()


async def test_migrating_keeps_every_row_of_every_table(empty_database: str, vault: Vault) -> None:
    # On SQLite a migration that rebuilds a table drops the old one, which with foreign
    # keys on would take every person's kept things with it.
    store = Store.open(empty_database, vault=vault)
    try:
        await store.migrate()
        async with store.person(ALEX, now=NOW) as person:
            person.consent_at = NOW
            person.question = AskedSafe()
            await person.add_entry("wins", "walked it off", now=NOW, replace=False)
            await person.add_checkin(now=NOW, mood=3, urge=2, note="a note")
            await person.schedule("checkback", due_at=NOW + timedelta(minutes=15))
            evening = Plan(DAILY, clock(19, 0), "Europe/London")
            await person.set_checkin_plan(evening, due_at=NOW + timedelta(hours=8))
            person.count_anonymously("crisis", now=NOW)
        before = await _row_counts(store)
        async with store.engine.begin() as connection:
            await connection.run_sync(
                lambda c: command.downgrade(alembic_config(c, vault=vault), "0004")
            )
        await store.migrate()

        assert await _row_counts(store) == before
        assert all(before.values()), before
    finally:
        await store.close()


async def _at_0005_with_people(store: Store) -> None:
    """The schema as 0005 left it, with two people in it: ids, scores and a zone in clear."""
    async with store.engine.begin() as connection:
        await connection.run_sync(lambda c: command.upgrade(alembic_config(c), "0005"))
        for pid, chat in ((1, "1001"), (2, "1002")):
            await connection.execute(
                text(
                    "INSERT INTO people (id, platform, external_id, created_on, last_active_on,"
                    " consent_at, flow_secret, version) VALUES (:id, 'telegram', :chat,"
                    " :today, :today, :now, :flow, 3)"
                ).bindparams(
                    bindparam("now", type_=UTCDateTime()), bindparam("today", type_=Date())
                ),
                {"id": pid, "chat": chat, "today": NOW.date(), "now": NOW, "flow": None},
            )
        checkins = [(1, 4, 7), (1, None, 2), (2, 1, None)]
        for number, (pid, mood, urge) in enumerate(checkins, start=1):
            await connection.execute(
                text(
                    "INSERT INTO checkins (id, person_id, created_at, mood, urge)"
                    " VALUES (:id, :pid, :at, :mood, :urge)"
                ).bindparams(bindparam("at", type_=UTCDateTime())),
                {"id": number, "pid": pid, "at": NOW, "mood": mood, "urge": urge},
            )
        await connection.execute(
            text(
                "INSERT INTO checkin_plans (person_id, frequency, local_time, timezone)"
                " VALUES (1, 'daily', :at, 'Europe/London')"
            ).bindparams(bindparam("at", type_=Time())),
            {"at": clock(19, 30)},
        )


async def test_0007_encrypts_a_populated_database_in_place_and_back(
    empty_database: str, vault: Vault
) -> None:
    store = Store.open(empty_database, vault=vault)
    try:
        await _at_0005_with_people(store)
        await store.migrate()  # 0007, with the key

        assert await store.schema_is_current()
        dump = await every_raw_value(store)
        assert "1001" not in dump and "Europe/London" not in dump
        async with store.person(ALEX, now=NOW) as person:
            assert not person.is_new and person.consented
            assert await person.checkins(since=NOW) == [(NOW, 4, 7), (NOW, None, 2)]
            plan = await person.checkin_plan()
            assert plan is not None and plan.timezone == "Europe/London"
            assert (await person.export())["person"]["chat_id"] == "1001"
        async with store.person(SAM, now=NOW) as person:
            assert not person.is_new
            assert await person.checkins(since=NOW) == [(NOW, 1, None)]

        async with store.engine.begin() as connection:
            await connection.run_sync(
                lambda c: command.downgrade(alembic_config(c, vault=vault), "0005")
            )
            people = (
                await connection.execute(text("SELECT external_id FROM people ORDER BY id"))
            ).all()
            scores = (
                await connection.execute(text("SELECT mood, urge FROM checkins ORDER BY id"))
            ).all()
            zones = (await connection.execute(text("SELECT timezone FROM checkin_plans"))).all()
        assert [row[0] for row in people] == ["1001", "1002"]
        assert [tuple(row) for row in scores] == [(4, 7), (None, 2), (1, None)]
        assert [row[0] for row in zones] == ["Europe/London"]
    finally:
        await store.close()


async def test_0007_refuses_a_populated_database_without_the_key(
    empty_database: str, vault: Vault
) -> None:
    store = Store.open(empty_database, vault=vault)
    keyless = Store.open(empty_database, vault=Vault.keyless())
    try:
        await _at_0005_with_people(store)
        with pytest.raises(VaultError, match="WAYPOINT_ENCRYPTION_KEY"):
            await keyless.migrate()
        assert not await store.schema_is_current()
        await store.migrate()  # nothing was changed: with the key it goes through
        async with store.person(ALEX, now=NOW) as person:
            assert not person.is_new
    finally:
        await keyless.close()
        await store.close()


async def _row_counts(store: Store) -> dict[str, int]:
    async with store.engine.connect() as connection:
        return {
            table.name: await connection.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def test_the_schema_head_the_store_checks_is_alembics_newest_migration() -> None:
    assert head() == SCHEMA_HEAD


async def test_a_database_behind_the_head_is_not_current_until_migrated(
    store: Store, vault: Vault
) -> None:
    async with store.engine.begin() as connection:
        await connection.run_sync(
            lambda c: command.downgrade(alembic_config(c, vault=vault), "0004")
        )
    assert not await store.schema_is_current()
    await store.migrate()  # 0005 makes it the encrypted column, and so on
    assert await store.schema_is_current()
    async with store.person(ALEX, now=NOW) as person:
        person.question = AskedSafe()
    async with store.person(ALEX, now=NOW) as person:
        assert person.question == AskedSafe()


async def test_old_check_in_records_are_purged_and_recent_ones_kept(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        await person.add_checkin(now=NOW - timedelta(days=400), mood=2, urge=5, note="old")
        await person.add_checkin(now=NOW - timedelta(days=10), mood=4, urge=1, note=None)

    purged = await store.purge_checkins(before=NOW - timedelta(days=365))

    assert purged == 1
    async with store.person(ALEX, now=NOW) as person:
        remaining = await person.checkins(since=NOW - timedelta(days=1000))
    assert [mood for _, mood, _ in remaining] == [4]


async def test_one_entry_can_be_taken_out_and_the_rest_stay(store: Store) -> None:
    async with store.person(ALEX, now=NOW) as person:
        for idea in ("a walk", "music"):
            await person.add_entry("toolbox", idea, now=NOW, replace=False)
        assert await person.remove_entry("toolbox", "A Walk") is True
        assert await person.remove_entry("toolbox", "a walk") is False
        assert (await person.kept()).counts == {"toolbox": 1}
    async with store.person(ALEX, now=NOW) as person:
        assert [entry.text for entry in await person.entries("toolbox")] == ["music"]


async def test_a_hidden_entry_is_kept_after_the_others_and_can_be_shown_again(
    store: Store,
) -> None:
    async with store.person(ALEX, now=NOW) as person:
        for idea, score in (("a walk", 5), ("music", 2), ("ice", None)):
            await person.add_entry("toolbox", idea, now=NOW, replace=False)
            if score is not None:
                await person.rate_entry("toolbox", idea, score)
        assert await person.hide_entry("toolbox", "A Walk", hidden=True) is True
        assert await person.hide_entry("toolbox", "not there", hidden=True) is False
    async with store.person(ALEX, now=NOW) as person:
        listed = [(e.text, e.hidden) for e in await person.entries("toolbox")]
        assert listed == [("music", False), ("ice", False), ("a walk", True)]
        assert (await person.kept()).counts == {"toolbox": 3}  # hidden is still kept
        exported = {e["text"]: e["hidden"] for e in (await person.export())["kept"]}
        assert exported == {"a walk": True, "music": False, "ice": False}
        await person.hide_entry("toolbox", "a walk", hidden=False)
    async with store.person(ALEX, now=NOW) as person:
        assert [e.text for e in await person.entries("toolbox")] == ["a walk", "music", "ice"]


async def test_0009_and_0010_keep_what_was_there_visible_and_untagged(
    empty_database: str, vault: Vault
) -> None:
    store = Store.open(empty_database, vault=vault)
    try:
        async with store.engine.begin() as connection:
            await connection.run_sync(lambda c: command.upgrade(alembic_config(c), "0008"))
        async with store.engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO people (id, platform, id_hash, id_secret, created_on,"
                    " last_active_on, version) VALUES (1, 'telegram', :hash, :secret,"
                    " :today, :today, 1)"
                ).bindparams(bindparam("today", type_=Date())),
                {
                    "hash": vault.lookup("telegram", ALEX.id),
                    "secret": vault.encrypt(ALEX.id),
                    "today": NOW.date(),
                },
            )
            await connection.execute(
                text(
                    "INSERT INTO entries (person_id, field, secret, created_at)"
                    " VALUES (1, 'toolbox', :idea, :at)"
                ).bindparams(bindparam("at", type_=UTCDateTime())),
                {"idea": vault.encrypt("a walk"), "at": NOW},
            )
        await store.migrate()

        async with store.person(ALEX, now=NOW) as person:
            assert [(e.text, e.hidden) for e in await person.entries("toolbox")] == [
                ("a walk", False)
            ]
            await person.add_checkin(now=NOW, mood=2, urge=1, note=None, tags=("family",))
            assert await person.checkin_tags(since=NOW) == [(2, 1, ("family",))]
    finally:
        await store.close()
