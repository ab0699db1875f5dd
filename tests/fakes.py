"""FakeChat: a person talking to the real Companion, the way an adapter would."""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text

import dialogues
from bot.adapters.terminal import COMMAND
from bot.config import load_settings
from bot.core.companion import STORE_PATIENCE, Companion
from bot.core.flood import FloodGate
from bot.core.talk import Questions
from bot.core.triage import Triage, triage
from bot.core.without_store import WithoutStore
from bot.messages import Incoming, Person, Platform, Reply, ReplyKind
from bot.store import Store
from bot.store.tables import Base, PersonRow
from bot.store.vault import Vault, generate_key
from bot.wiring import build

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


@functools.cache
def shipped_library() -> dialogues.Library:
    """The flows in dialogues/flows, loaded once for the whole test run."""
    return dialogues.load_library()


class ScriptedCore:
    """Stands in for the Companion's FastLane port in the adapters' tests: a subclass
    answers `handle`; the triage and the fallback are the core's own (they need no store)."""

    def triage(self, incoming: Incoming) -> Triage:
        return triage(incoming)

    async def answer(self, triaged: Triage) -> list[Reply]:
        return await self.handle(triaged.incoming)

    async def handle(self, incoming: Incoming) -> list[Reply]:
        raise NotImplementedError

    def fallback(self, triaged: Triage) -> list[Reply]:
        questions = Questions(default_country=None)
        return WithoutStore(questions=questions, default_country=None).fallback(triaged)


class FakeChat:
    """`await chat.send("hi")`, `await chat.tap("Show topics")`, then look at `chat.replies`."""

    def __init__(
        self,
        companion: Companion,
        *,
        person: Person,
        now: datetime = START,
        pace: timedelta = timedelta(minutes=1),
    ) -> None:
        self.companion = companion
        self.person = person
        self.now = now
        self.pace = pace
        self.replies: list[Reply] = []
        self.last: list[Reply] = []

    @classmethod
    def on(
        cls,
        store: Store,
        *,
        default_country: str | None = None,
        person_id: str = "tester",
        flood: FloodGate | None = None,
        pace: timedelta = timedelta(minutes=1),
        store_patience: float = STORE_PATIENCE,
    ) -> FakeChat:
        settings = load_settings(waypoint_default_country=default_country)
        companion = build(
            settings, store, library=shipped_library(), flood=flood, store_patience=store_patience
        )
        return cls(companion, person=Person(Platform.TELEGRAM, person_id), pace=pace)

    async def send(self, text: str) -> list[Reply]:
        """Send text, or a /command with arguments."""
        command = COMMAND.match(text.strip())
        if command:
            return await self._do(command=command["name"], args=(command["args"] or "").strip())
        return await self._do(text=text)

    async def tap(self, label: str) -> list[Reply]:
        """Tap the button with this label (or id) on the most recent reply that has it."""
        for reply in reversed(self.replies):
            for option in reply.options:
                if label in (option.label, option.id):
                    return await self._do(choice=option.id)
        raise AssertionError(f"no button {label!r} in {self.buttons()}")

    async def press(self, choice_id: str) -> list[Reply]:
        """Send a raw button id, as a stale or forged tap would arrive."""
        return await self._do(choice=choice_id)

    def buttons(self) -> list[str]:
        """The labels of the buttons on the latest replies."""
        return [option.label for reply in self.last for option in reply.options]

    def text(self) -> str:
        return "\n".join(reply.text for reply in self.last)

    @property
    def first(self) -> Reply:
        return self.last[0]

    def is_crisis(self) -> bool:
        return bool(self.last) and self.last[0].kind is ReplyKind.CRISIS

    async def _do(self, **what: str) -> list[Reply]:
        self.now += self.pace
        self.last = await self.companion.handle(Incoming(self.person, self.now, **what))
        self.replies.extend(self.last)
        return self.last


async def every_raw_value(store: Store) -> str:
    """Every row of every table as the database holds it: for looking for words in the clear."""
    rows: list[str] = []
    async with store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            result = await connection.execute(text(f"SELECT * FROM {table.name}"))
            rows.extend(repr(tuple(row)) for row in result)
    return "\n".join(rows)


async def people_in(url: str) -> list[PersonRow]:
    """The people rows of a database, read with a store of its own (another process's data)."""
    store = Store.open(url, vault=Vault([generate_key()]))
    try:
        async with store.session() as session:
            return list(await session.scalars(select(PersonRow)))
    finally:
        await store.close()


POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def on_admin_database(statement: str) -> None:
    """Run one statement on the admin database, from any thread (fixtures may run in a loop)."""
    import asyncpg

    async def run() -> None:
        connection = await asyncpg.connect(POSTGRES_ADMIN)
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, run()).result()
