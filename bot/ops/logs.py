"""Structured logs: one line of key=value pairs an event, never a person's words.

Rules:
1. No message text, names or raw chat ids are ever passed to a logger; ids are hashed
   by the caller (`Vault.pseudonym`) when one is needed at all.
2. Libraries that would log request URLs (which carry the bot token) are kept quiet.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from pathlib import Path

STANDARD = set(vars(logging.makeLogRecord({})))


class KeyValueFormatter(logging.Formatter):
    """`time level logger event key=value …`, easy to grep and to ship."""

    def format(self, record: logging.LogRecord) -> str:
        extras = {k: v for k, v in vars(record).items() if k not in STANDARD and k != "message"}
        fields = " ".join(f"{key}={value}" for key, value in sorted(extras.items()))
        line = f"{self.formatTime(record)} {record.levelname} {record.name} {record.getMessage()}"
        if record.exc_info and record.exc_info[0] is not None:
            # The type and where it happened, never the exception's message: messages
            # can quote the input that failed.
            frames = traceback.extract_tb(record.exc_info[2])[-6:]
            where = "<".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
            fields = f"{fields} error={record.exc_info[0].__name__} at={where}".strip()
        return f"{line} {fields}".rstrip()


class WithholdLibraryData(logging.Filter):
    """Drops the arguments of python-telegram-bot's own log lines: some quote raw updates
    (people's words), e.g. "Error while parsing updates! Received data was %r". Each
    placeholder becomes "(withheld)" in the text itself and the arguments are dropped, so a
    numeric one (`%f`, `%d`: "Retrying after %f seconds") cannot fail to format."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("telegram") and record.args:
            record.msg = _PLACEHOLDER.sub(_withheld, str(record.msg))
            record.args = None
        return True


# A printf-style placeholder: %s, %r, %d, %5.1f, %(name)s, and %% (a literal percent sign).
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([a-zA-Z%])")


def _withheld(match: re.Match[str]) -> str:
    return "%" if match.group(1) == "%" else "(withheld)"


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    handler.addFilter(WithholdLibraryData())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for noisy in ("httpx", "httpcore", "apscheduler", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # At DEBUG, python-telegram-bot logs whole updates (people's words) and request URLs
    # (which carry the token): never let it below INFO.
    logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelName(level)))
