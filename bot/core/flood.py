"""Per-person flood control: a burst of messages gets one gentle "slow down".

Rules:
1. Safety is not part of this: the Companion assesses every message, and a crisis
   message gets its crisis reply however fast messages arrive.
2. Within a window, the first `limit` messages are answered; the next gets one
   "slow down"; the rest of the burst get no reply until the window has passed.
3. Taps on the bot's buttons are counted on their own, against `tap_limit`: a person
   tapping through a flow at a tap a second is not a flood.
4. For AFTER_CRISIS after a crisis reply, nothing the person does is held back: a tap on
   "Keep talking with me" or "Choose my country" under the lines, or words typed fast in
   distress, never meets silence (issue 21, D1).
5. In memory only, per process: it protects the bot and the person's screen, not data.
   People who have gone quiet are forgotten every few hundred messages, so memory
   follows the people active in the last window, not everyone ever seen.
"""

from __future__ import annotations

import enum
from collections import deque
from datetime import datetime, timedelta

from bot.messages import Person

FORGET_EVERY = 500  # messages between sweeps of people who have gone quiet
AFTER_CRISIS = timedelta(minutes=15)  # rule 4


class Verdict(enum.Enum):
    ANSWER = "answer"
    SLOW_DOWN = "slow_down"
    QUIET = "quiet"


class FloodGate:
    """Counts each person's recent messages over a sliding window."""

    def __init__(
        self, *, limit: int = 12, tap_limit: int = 30, window: timedelta = timedelta(seconds=10)
    ) -> None:
        self._limits = {False: limit, True: tap_limit}
        self._window = window
        self._recent: dict[tuple[Person, bool], deque[datetime]] = {}
        self._crisis_at: dict[Person, datetime] = {}
        self._checks = 0

    def crisis_shown(self, person: Person, now: datetime) -> None:
        """The person was answered with crisis lines now (rule 4)."""
        self._crisis_at[person] = now

    def check(self, person: Person, now: datetime, *, tap: bool = False) -> Verdict:
        recent = self._recent.setdefault((person, tap), deque())
        while recent and now - recent[0] > self._window:
            recent.popleft()
        recent.append(now)
        self._checks += 1
        if self._checks % FORGET_EVERY == 0:
            self._forget_idle(now)
        crisis_at = self._crisis_at.get(person)
        if crisis_at is not None and now - crisis_at <= AFTER_CRISIS:
            return Verdict.ANSWER
        limit = self._limits[tap]
        if len(recent) <= limit:
            return Verdict.ANSWER
        return Verdict.SLOW_DOWN if len(recent) == limit + 1 else Verdict.QUIET

    def _forget_idle(self, now: datetime) -> None:
        idle = [key for key, times in self._recent.items() if now - times[-1] > self._window]
        for key in idle:
            del self._recent[key]
        calm = [who for who, at in self._crisis_at.items() if now - at > AFTER_CRISIS]
        for who in calm:
            del self._crisis_at[who]
