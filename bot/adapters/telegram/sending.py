"""Requests to Telegram: the global rate limit with crisis replies first, a 429 held to the
chat it names, and a crisis reply resent until it is delivered.

python-telegram-bot's AIORateLimiter holds every request, to every chat, for the whole
`retry_after` of any 429, and gives up on a 5xx: a crisis reply waited 19.8 s behind another
chat's 429, and six 5xx answers in a row lost the lines (issue 21, D3 and D4). So:

1. At most RATE requests a second overall (Telegram allows about 30). A crisis request
   (`rate_limit_args=CRISIS`) takes the next free slot before any other waiting request.
2. A 429 holds back only the chat it names, for its `retry_after`; then the request is sent
   again. Other chats go on. (A 429 on a request with no chat holds back everything.)
3. A request that surely failed (a 5xx answer, a connection that never opened) is sent
   again: an ordinary one after RESEND_DELAYS, then the error is raised; a crisis one with
   a backoff from CRISIS_FIRST_DELAY up to CRISIS_LONGEST_DELAY, until it is delivered,
   the person is gone (403, or "chat not found"), Telegram refuses it outright (400), or
   `give_up()` has been called (on stop: the update is then not confirmed, and comes again).
   A read timeout may have delivered the message: not resent here (the adapter decides).
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import BaseRateLimiter

RATE = 30  # requests a second, overall
RESEND_DELAYS = (0.25, 1.0)  # seconds before each resend of an ordinary request that failed
CRISIS_FIRST_DELAY, CRISIS_LONGEST_DELAY = 0.03, 3.0  # a crisis request's backoff (rule 3)
CRISIS = "crisis"  # rate_limit_args of a crisis reply's requests
RETRIES_AFTER_429 = 3  # an ordinary request is sent again this often after a 429, then raised

_log = logging.getLogger("bot.adapters.telegram")
Answer = bool | dict[str, Any] | list[dict[str, Any]]


class GaveUp(TelegramError):
    """A crisis request was still failing when the bot began to stop (rule 3)."""


class Sending(BaseRateLimiter[str]):
    """The rate limiter the Application's bot sends every request through (see the rules)."""

    def __init__(self, *, rate: int = RATE, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = rate
        self._clock = clock
        self._sent: collections.deque[float] = collections.deque()  # within the last second
        self._crisis_waiting = 0
        self._held: dict[object, float] = {}  # chat (or None: every chat) -> held until
        self._giving_up = asyncio.Event()

    async def initialize(self) -> None:
        self._giving_up.clear()

    async def shutdown(self) -> None:
        pass

    def give_up(self) -> None:
        """Stop resending crisis requests that keep failing (rule 3): the bot is stopping."""
        self._giving_up.set()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Answer]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: str | None,
    ) -> Answer:
        crisis = rate_limit_args == CRISIS
        chat = data.get("chat_id")
        failures, after_429 = 0, 0
        while True:
            await self._turn(chat, crisis=crisis)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                after_429 += 1
                if not crisis and after_429 > RETRIES_AFTER_429:
                    raise
                self._hold(chat, seconds(error.retry_after))
                _log.info("rate limited; this chat waits", extra={"method": endpoint})
            except NetworkError as error:
                if not surely_failed(error):
                    raise
                failures += 1
                if crisis:
                    delay = min(CRISIS_LONGEST_DELAY, CRISIS_FIRST_DELAY * 1.6 ** (failures - 1))
                elif failures <= len(RESEND_DELAYS):
                    delay = RESEND_DELAYS[failures - 1]
                else:
                    raise
                _log.warning(
                    "sending again", extra={"method": endpoint, "error": type(error).__name__}
                )
                if crisis and await self._stopping_within(delay):
                    raise GaveUp("a crisis reply was not delivered before stopping") from error
                if not crisis:
                    await asyncio.sleep(delay)

    async def _turn(self, chat: object, *, crisis: bool) -> None:
        """Wait until the chat is not held (rule 2) and a slot in the overall rate is free,
        crisis requests first (rule 1)."""
        if crisis:
            self._crisis_waiting += 1
        try:
            while True:
                now = self._clock()
                held = max(self._held.get(chat, 0.0), self._held.get(None, 0.0))
                if held > now:
                    await asyncio.sleep(held - now)
                    continue
                while self._sent and now - self._sent[0] >= 1.0:
                    self._sent.popleft()
                if len(self._sent) < self._rate and (crisis or not self._crisis_waiting):
                    self._sent.append(now)
                    return
                free_in = 1.0 - (now - self._sent[0]) if len(self._sent) >= self._rate else 0.0
                await asyncio.sleep(max(free_in, 0.002))
        finally:
            if crisis:
                self._crisis_waiting -= 1

    def _hold(self, chat: object, wait: float) -> None:
        until = self._clock() + wait
        self._held[chat] = max(self._held.get(chat, 0.0), until)
        now = self._clock()
        for key in [key for key, end in self._held.items() if end <= now]:
            del self._held[key]  # chats whose wait is over are forgotten

    async def _stopping_within(self, delay: float) -> bool:
        try:
            async with asyncio.timeout(delay):
                await self._giving_up.wait()
        except TimeoutError:
            return False
        return True


def seconds(after: int | float | timedelta) -> float:
    """Telegram's retry_after in seconds (a timedelta in newer releases of the library)."""
    return after.total_seconds() if isinstance(after, timedelta) else float(after)


def surely_failed(error: NetworkError) -> bool:
    """Whether Telegram certainly did not act on the request (so sending again is safe)."""
    if isinstance(error, BadRequest):
        return False
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout)
    return cause is None or isinstance(cause, TelegramError | httpx.ConnectError)
