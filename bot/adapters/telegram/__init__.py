"""The Telegram adapter: python-telegram-bot's Application, long polling or a webhook."""
