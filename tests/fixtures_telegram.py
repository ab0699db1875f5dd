"""Fixtures for the Telegram tests: the fake Bot API server and settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.config import Settings, load_settings
from tests.fake_bot_api import FakeBotApi


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
