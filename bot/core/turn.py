"""A Turn: one thing a person did, with their open record and the ways back into the flows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core.ports import PersonState
from bot.messages import Incoming, Reply

Go = Callable[["Turn", str], Awaitable[list[Reply]]]
Resume = Callable[["Turn"], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Turn:
    """One thing a person did, with their open record and ways back into the flows."""

    person: PersonState
    incoming: Incoming
    go: Go
    resume: Resume
