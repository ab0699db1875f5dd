"""Settings, read once from the environment (and an optional `.env` file)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import DirectoryPath, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFICIAL_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/waypoint.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """A setting is missing or invalid; the message names the variable."""


class Settings(BaseSettings):
    """Everything Waypoint can be configured with. Field names are the variables, lower-cased."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = OFFICIAL_API_BASE_URL
    database_url: str = DEFAULT_DATABASE_URL
    waypoint_default_country: str | None = None
    webhook_url: str | None = None
    port: int = Field(default=8080, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    log_level: str = "INFO"
    waypoint_encryption_key: SecretStr | None = None
    waypoint_key_file: Path = Path("data/waypoint.key")
    waypoint_require_approved: bool = False
    waypoint_retention_days: int = Field(default=365, ge=1)
    waypoint_flows_dir: DirectoryPath | None = None
    waypoint_database_wait: float = Field(default=30.0, ge=0)

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, url: str) -> str:
        """Accept the plain URL forms hosting providers hand out, and pick the async driver."""
        for plain, driver in (
            ("postgres://", "postgresql+asyncpg://"),
            ("postgresql://", "postgresql+asyncpg://"),
            ("sqlite:///", "sqlite+aiosqlite:///"),
        ):
            if url.startswith(plain):
                url = driver + url.removeprefix(plain)
                break
        if not url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
            raise ValueError("must be a postgresql:// or sqlite:/// URL")
        if url.startswith("sqlite") and url.partition(":///")[2].split("?")[0] in ("", ":memory:"):
            raise ValueError("must name a database file, such as sqlite:///data/waypoint.db")
        return url

    @field_validator("waypoint_default_country")
    @classmethod
    def _country_code(cls, code: str | None) -> str | None:
        if code is None or code.strip() == "":
            return None
        code = code.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise ValueError("must be a two-letter country code such as GB, US or IE")
        return code

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, level: str) -> str:
        level = level.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("telegram_api_base_url", "webhook_url")
    @classmethod
    def _http_url(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return url

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def require_token(self) -> str:
        """The bot token, or a ConfigError saying how to set it."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN is not set: ask @BotFather on Telegram for a token, "
                "then run `TELEGRAM_BOT_TOKEN=... python -m bot run` "
                "(or try the bot without one: `python -m bot chat`)."
            )
        return self.telegram_bot_token.get_secret_value()

    def require_webhook(self) -> tuple[str, str]:
        """The public webhook URL and its secret, or a ConfigError naming what is missing."""
        if not self.webhook_url:
            raise ConfigError("WEBHOOK_URL is not set: webhook mode needs the public https URL.")
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise ConfigError(
                "WEBHOOK_SECRET must be set in webhook mode: 16 to 256 characters of "
                "A-Z, a-z, 0-9, _ or - (for example: python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))')."
            )
        return self.webhook_url, secret


def load_settings(**overrides: object) -> Settings:
    """Read the settings once; raise ConfigError with one line naming the bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        variable = str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"{variable}: {first['msg']}") from None
