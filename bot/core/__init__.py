"""The core: what the bot says and does on any platform: safety, then the flows, then the store."""
