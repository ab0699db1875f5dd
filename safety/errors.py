"""SafetyError: the one exception family of the safety package."""


class SafetyError(Exception):
    """A safety data file is missing or malformed; the message names the file and entry."""
