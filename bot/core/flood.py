"""Per-person flood control: a burst of messages gets one gentle "slow down".

Rules:
1. Safety is not part of this: the Companion assesses every message, and a crisis
   message gets its crisis reply however fast messages arrive.
2. Within a window, the first `limit` messages are answered; the next gets one
   "slow down"; the rest of the burst get no reply until the window has passed.
3. In memory only, per process: it protects the bot and the person's screen, not data.
   People who have gone quiet are forgotten every few hundred messages, so memory
   follows the people active in the last window, not everyone ever seen.
"""

from __future__ import annotations

import enum
from collections import deque
from datetime import datetime, timedelta

from bot.messages import Person

FORGET_EVERY = 500  # messages between sweeps of people who have gone quiet


class Verdict(enum.Enum):
    ANSWER = "answer"
    SLOW_DOWN = "slow_down"
    QUIET = "quiet"


class FloodGate:
    """Counts each person's recent messages over a sliding window."""

    def __init__(self, *, limit: int = 12, window: timedelta = timedelta(seconds=10)) -> None:
        self._limit = limit
        self._window = window
        self._recent: dict[Person, deque[datetime]] = {}
        self._checks = 0

    def check(self, person: Person, now: datetime) -> Verdict:
        recent = self._recent.setdefault(person, deque())
        while recent and now - recent[0] > self._window:
            recent.popleft()
        recent.append(now)
        self._checks += 1
        if self._checks % FORGET_EVERY == 0:
            self._forget_idle(now)
        if len(recent) <= self._limit:
            return Verdict.ANSWER
        return Verdict.SLOW_DOWN if len(recent) == self._limit + 1 else Verdict.QUIET

    def _forget_idle(self, now: datetime) -> None:
        idle = [who for who, times in self._recent.items() if now - times[-1] > self._window]
        for who in idle:
            del self._recent[who]
