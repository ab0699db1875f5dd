"""Safety: risk detection, the crisis-resource directory and crisis replies (pure, no I/O)."""

from safety.detect import assess
from safety.errors import SafetyError
from safety.followup import Asked, Context
from safety.lexicon import lexicon as _lexicon
from safety.model import model as _model
from safety.opening import Opening, lines_by_opening
from safety.replies import (
    concern_reply,
    crisis_reply,
    lines_reply,
    medical_reminder,
    more_options,
    not_safe_reply,
)
from safety.resources import KINDS, Line, countries, country_name, lines_of_kind
from safety.resources import directory as _directory
from safety.risk import Assessment, Tier

__all__ = [
    "KINDS",
    "Asked",
    "Assessment",
    "Context",
    "Line",
    "Opening",
    "SafetyError",
    "Tier",
    "assess",
    "concern_reply",
    "countries",
    "country_name",
    "crisis_reply",
    "forbidden_phrases",
    "lines_by_opening",
    "lines_of_kind",
    "lines_reply",
    "load",
    "medical_reminder",
    "more_options",
    "not_safe_reply",
]


def forbidden_phrases() -> tuple[str, ...]:
    """Words and phrases that must never appear in anything Waypoint says.

    Lowercase; match them case-insensitively on word boundaries (method and lethality
    words, blaming language, injury-mimicking "replacements"; see SAFE_MESSAGING.md).
    """
    return _lexicon().forbidden


def load() -> None:
    """Read and check safety's data now: the lexicon, the model and the crisis-line
    directory, each once (SafetyError naming what is broken). Call it at start, so that
    nothing is read on, or fails on, someone's first message."""
    _lexicon()
    _model()
    _directory()
