"""Opt-in check-ins: the settings screens, due times, and the periodic job that sends them."""
