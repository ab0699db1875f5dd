"""Configuration: read once, one clear line naming a bad variable."""

from __future__ import annotations

import pytest

from bot.config import OFFICIAL_API_BASE_URL, ConfigError, load_settings


def test_defaults_need_no_configuration_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "TELEGRAM_API_BASE_URL", "WAYPOINT_DEFAULT_COUNTRY"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()

    assert settings.database_url == "sqlite+aiosqlite:///data/waypoint.db"
    assert settings.telegram_api_base_url == OFFICIAL_API_BASE_URL
    assert settings.waypoint_default_country is None


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u@db/waypoint", "postgresql+asyncpg://u@db/waypoint"),
        ("postgresql://u@db/waypoint", "postgresql+asyncpg://u@db/waypoint"),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
    ],
)
def test_plain_database_urls_get_the_async_driver(given: str, used: str) -> None:
    assert load_settings(database_url=given).database_url == used


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("WAYPOINT_DEFAULT_COUNTRY", "Britain"),
        ("DATABASE_URL", "mysql://x"),
        ("DATABASE_URL", "sqlite://"),  # in memory: everyone forgotten at a restart
        ("DATABASE_URL", "sqlite:///:memory:"),
        ("PORT", "eighty"),
        ("LOG_LEVEL", "LOUD"),
        ("TELEGRAM_API_BASE_URL", "127.0.0.1:8081/bot"),
    ],
)
def test_an_invalid_setting_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(ConfigError, match=f"^{variable}: "):
        load_settings()


def test_the_country_code_is_normalised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYPOINT_DEFAULT_COUNTRY", " ie ")

    assert load_settings().waypoint_default_country == "IE"


def test_running_on_telegram_without_a_token_says_how_to_get_one() -> None:
    with pytest.raises(ConfigError, match=r"TELEGRAM_BOT_TOKEN.*BotFather"):
        load_settings(telegram_bot_token=None).require_token()


def test_webhook_mode_requires_a_strong_secret() -> None:
    settings = load_settings(webhook_url="https://example.org/hook", webhook_secret="short")

    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        settings.require_webhook()
