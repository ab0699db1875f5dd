"""Fixtures for the Telegram tests: the fake Bot API server and a polling Application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from telegram.ext import Application

from bot.config import Settings, load_settings
from tests.fake_bot_api import FakeBotApi

ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A started fake Bot API server; stopped after the test."""
    with FakeBotApi() as api:
        yield api


def settings_for(api: FakeBotApi, **overrides: Any) -> Settings:
    """Settings pointing the bot at the fake server."""
    return load_settings(
        telegram_bot_token=api.token, telegram_api_base_url=api.base_url, **overrides
    )


@asynccontextmanager
async def polling(
    application: Application[Any, Any, Any, Any, Any, Any],
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """Run the Application as `run_polling` does, inside the test's event loop."""
    async with application:
        if application.post_init is not None:
            await application.post_init(application)
        assert application.updater is not None
        await application.updater.start_polling(
            poll_interval=0.0, timeout=1, allowed_updates=ALLOWED_UPDATES
        )
        await application.start()
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()
