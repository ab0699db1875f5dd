"""The plain values the engine takes (answers, facts) and returns (messages, effects, steps)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Tap:
    """A button the person tapped: the id from `Button.id`."""

    option_id: str


@dataclass(frozen=True)
class Typed:
    """Text the person typed while in a flow (the core has already safety-checked it)."""

    text: str


Answer = Tap | Typed


@dataclass(frozen=True)
class Button:
    """A choice to offer: `id` is at most 64 bytes and never starts with "!"."""

    id: str
    label: str


@dataclass(frozen=True)
class Message:
    """One bubble; a node that waits for input puts its buttons on its last bubble."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Effect:
    """Something the core carries out, e.g. Effect("save", {"field": "wins", "value": "…"})."""

    action: str
    args: Mapping[str, str | int | bool]


@dataclass(frozen=True)
class Facts:
    """What the core knows about the person: flags (consent, country_set, checkins_on),
    how many entries each field holds, and the entries themselves of the fields a flow
    lists as buttons (`list:`), best first."""

    flags: Mapping[str, bool] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    entries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Entries the person hid (kept, but out of suggestions): listed by `list: {hidden: true}`.
    hidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    """What to show and do, in order, and the state to keep (None: the conversation rests)."""

    out: tuple[Message | Effect, ...]
    state: dict[str, Any] | None

    @property
    def messages(self) -> tuple[Message, ...]:
        return tuple(x for x in self.out if isinstance(x, Message))

    @property
    def effects(self) -> tuple[Effect, ...]:
        return tuple(x for x in self.out if isinstance(x, Effect))
