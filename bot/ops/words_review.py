"""Everything Waypoint says outside the flows, on one page a clinician can read and approve.

The flows carry their own review blocks (dialogues/). Everything else the bot can say is
reviewed as one piece: the registry bot/core/words.py (replies, button labels, the check-in
screens, the terminal's and the Telegram adapter's own lines), the crisis, concern and
not-safe replies safety/replies.py builds (shown for the United Kingdom and for anywhere
else), and the dialogue engine's own fallback lines (dialogues/engine.py owns them).
`python -m bot words --out FILE` writes the page; `python -m bot words --approve
--reviewer "Name, role"` records the reviewer, the date and a hash of the words in
bot/ops/words_review.yaml, so that any later edit shows as "changed since approval", as a
flow's does.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from html import escape
from pathlib import Path
from typing import Any

import yaml

import safety
from bot.core import words as registry
from dialogues import engine
from dialogues.approval import Status, review_status
from dialogues.review import STATUS_WORDS, page, status_badge

REVIEW_FILE = Path(__file__).with_name("words_review.yaml")
# The engine's own lines, said inside any flow when it cannot go on as written.
ENGINE_WORDS = (
    "STALE",
    "UNCLEAR",
    "UNCLEAR_AGAIN",
    "UNCLEAR_THIRD",
    "UNCLEAR_SCALE",
    "WAY_OUT",
    "WAY_OUT_SECOND",
    "WAY_OUT_TOPICS",
    "WAY_OUT_HELP",
    "WAY_OUT_AGAIN",
    "OFFER",
    "TOLD",
    "ASKED",
    "OFFER_YES",
    "OFFER_NO",
    "OFFER_CHOICE",
    "OFFER_CHOICE_YES",
    "OFFER_CHOICE_NO",
    "MOVED",
    "LOST",
    "STUCK",
)
# The crisis-line replies are shown for one country with its own lines, and for anywhere
# else (the international fallback): the wording around the lines is the same for all.
SAMPLES = (("GB", "the United Kingdom"), (None, "anywhere else"))


def core_words() -> dict[str, str]:
    """Every sentence and label the bot can say outside the flows, by name, in a stable
    order: the registry's, then the engine's, then safety's replies."""
    words: dict[str, str] = {}
    for name, value in vars(registry).items():
        if name.isupper():
            words[f"words.{name}"] = _said(value)
    for name in ENGINE_WORDS:
        words[f"engine.{name}"] = _said(getattr(engine, name))
    for country, where in SAMPLES:
        words[f"crisis reply, danger may be immediate ({where})"] = safety.crisis_reply(country)
        words[f"crisis reply, thoughts without a plan ({where})"] = safety.crisis_reply(
            country, immediate=False
        )
        words[f"crisis reply, about someone else ({where})"] = safety.crisis_reply(
            country, about_someone_else=True
        )
        words[f"crisis reply, abuse or danger ({where})"] = safety.crisis_reply(country, abuse=True)
        words[f"crisis reply, swallowed something ({where})"] = safety.crisis_reply(
            country, swallowed=True
        )
        words[f"crisis reply, an injury that may need care ({where})"] = safety.crisis_reply(
            country, injured=True
        )
        words[f"crisis reply, about the injury again ({where})"] = safety.crisis_reply(
            country, injured=True, injury_told=True
        )
        for swallowed, what in ((True, "something swallowed"), (False, "an injury")):
            words[f"'yes, I'm safe' after {what} ({where})"] = safety.medical_reminder(
                country, swallowed=swallowed
            )
        words[f"after 'no, I'm not safe' ({where})"] = safety.not_safe_reply(country)
        words[f"concern reply ({where})"] = safety.concern_reply(country)
        for kinds in (("abuse", "children"), ("parents", "crisis")):
            words[f"a flow's {' and '.join(kinds)} lines ({where})"] = safety.lines_reply(
                country, kinds
            )
    return words


def _said(value: object) -> str:
    """A registry entry as the reviewer reads it: a sentence, a list, or a command menu."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(str(label) for label in value.values())
    if isinstance(value, tuple) and all(isinstance(item, tuple) for item in value):
        return "\n".join(f"/{name} - {label}" for name, label in value)
    if isinstance(value, tuple):
        return " / ".join(str(item) for item in value)
    raise TypeError(f"bot/core/words.py holds words only, not {type(value).__name__}")


def words_hash(words: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(words, sort_keys=True).encode()).hexdigest()


def read_review(path: Path = REVIEW_FILE) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return loaded if isinstance(loaded, dict) else {"status": "draft", "reviewers": []}


def status(review: dict[str, Any], words: dict[str, str]) -> Status:
    """draft, approved, or changed (approved, but the words' hash no longer matches)."""
    return review_status(review.get("status"), review.get("approved_hash"), words_hash(words))


def status_words(review: dict[str, Any], words: dict[str, str]) -> str:
    """The status as the review pack says it: draft, approved, CHANGED SINCE APPROVAL."""
    return STATUS_WORDS[status(review, words)]


def approval_problems(path: Path = REVIEW_FILE) -> list[str]:
    """A line if the words are not approved, or changed since (as flows' problems read)."""
    review, words = read_review(path), core_words()
    state = status(review, words)
    if state == "draft":
        return ["the bot's own words (python -m bot words): not yet approved by a reviewer"]
    if state == "changed":
        date = review.get("date")
        return [f"the bot's own words (python -m bot words): changed since approved on {date}"]
    return []


def approve(
    reviewer: str, *, note: str | None, today: datetime.date, path: Path = REVIEW_FILE
) -> None:
    """Record that `reviewer` approved the words as they are now."""
    review = read_review(path)
    reviewers = [r for r in review.get("reviewers") or [] if r != reviewer] + [reviewer]
    record = {
        "status": "approved",
        "reviewers": reviewers,
        "date": today.isoformat(),
        "note": note or review.get("note"),
        "approved_hash": words_hash(core_words()),
    }
    path.write_text(
        "# The review of bot/ops/words_review.py's words (python -m bot words --approve).\n"
        + yaml.safe_dump(record, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )


def review_page(words: dict[str, str], review: dict[str, Any]) -> str:
    """The words as a page: the review's status, then every sentence under its name."""
    who = ", ".join(review.get("reviewers") or []) or "nobody yet"
    rows = "".join(
        f'<div class="node"><h3>{escape(name)}</h3><div class="chat">'
        f'<div class="bubble">{escape(text)}</div></div></div>'
        for name, text in words.items()
    )
    body = (
        "<h1>What Waypoint says outside the flows</h1>"
        f"<p>{status_badge(status(review, words))} "
        f"Reviewed by: {escape(who)}; on {escape(str(review.get('date') or '-'))}. "
        f"{escape(str(review.get('note') or ''))}</p>"
        "<p>Crisis, concern and not-safe replies are shown with the United Kingdom's lines "
        "and with the international fallback; other countries' lines are in "
        "<code>python -m safety resources</code>. Words in braces are filled in when "
        "sent.</p>" + rows
    )
    return page("What Waypoint says outside the flows", body)
