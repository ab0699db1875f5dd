"""Requests to Telegram: resend what surely failed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, BaseRateLimiter

RESEND_DELAYS = (0.25, 1.0)  # seconds before each resend of a request that surely failed

_log = logging.getLogger("bot.adapters.telegram")


class Resending(BaseRateLimiter[int]):
    """AIORateLimiter (which waits out 429s), plus a resend for requests that surely failed.

    A 5xx answer or a connection that never opened means Telegram did not take the message,
    so it is sent again after a short pause. A read timeout may have delivered it: not resent.
    """

    def __init__(self, limiter: AIORateLimiter) -> None:
        self._limiter = limiter

    async def initialize(self) -> None:
        await self._limiter.initialize()

    async def shutdown(self) -> None:
        await self._limiter.shutdown()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        for delay in (*RESEND_DELAYS, None):
            try:
                return await self._limiter.process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as error:
                if delay is None or not surely_failed(error):
                    raise
                _log.warning(
                    "sending again", extra={"method": endpoint, "error": type(error).__name__}
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")


def surely_failed(error: NetworkError) -> bool:
    """Whether Telegram certainly did not act on the request (so sending again is safe)."""
    if isinstance(error, BadRequest):
        return False
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout)
    return cause is None or isinstance(cause, TelegramError | httpx.ConnectError)
