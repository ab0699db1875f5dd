"""The ports: what the core and the periodic jobs expect of the parts around them.

Each is a Protocol, so a part fits by having the methods (the Companion is a Handler and a
FastLane, the Telegram adapter and the terminal are Outboxes, bot.checkins.screens.Checkins
is the CheckinMenus); nothing here is inherited from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.core.buttons import CheckinButton
from bot.core.triage import Triage
from bot.core.turn import Turn
from bot.messages import Incoming, Reply


class Handler(Protocol):
    """What an adapter talks to: the Companion, or anything with its `handle`."""

    async def handle(self, incoming: Incoming) -> list[Reply]: ...


class FastLane(Protocol):
    """What the Telegram adapter talks to (the Companion): each message triaged the moment
    it arrives, so crisis lines wait behind nothing; answered from that same Triage; and,
    if handling failed outside the core, the safe fallback only the core may decide."""

    def triage(self, incoming: Incoming) -> Triage: ...

    async def answer(self, triaged: Triage) -> list[Reply]: ...

    def fallback(self, triaged: Triage) -> list[Reply]: ...


class Outbox(Protocol):
    """Where scheduled messages go: the Telegram adapter, the terminal, a test's recorder.

    `send` raises RecipientGone when the person blocked the bot, Undeliverable otherwise.
    """

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None: ...


class CheckinMenus(Protocol):
    """The check-in screens: settings and the progress picture (bot/checkins/screens.py)."""

    async def settings(self, turn: Turn) -> list[Reply]: ...

    async def choose(self, turn: Turn, button: CheckinButton) -> list[Reply]: ...

    async def progress(self, turn: Turn) -> list[Reply]: ...

    async def typed(self, turn: Turn, awaiting: str, text: str) -> list[Reply]: ...
