"""Running the bot: logs, memory, retention, aggregate counts and the review of its words."""
