"""The core's open question and the episode, to and from the JSON kept (encrypted) with a
person's record; the free strings kept before issue 19 are read too."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.core.questions import (
    AskedCountry,
    AskedDelete,
    AskedSafe,
    AskedSuicide,
    AskedTime,
    AskedZone,
    Episode,
    Nothing,
    Offered,
    Question,
)


def dump_question(question: Question) -> str | None:
    """JSON for `question`; None when nothing is open."""
    kept = _kept(question)
    offered = getattr(question, "offered", ())
    if kept is not None and offered:
        kept["offered"] = [list(pair) for pair in offered]
    return json.dumps(kept) if kept is not None else None


def _kept(question: Question) -> dict[str, Any] | None:
    match question:
        case Nothing(offered=offered):
            return {"asked": None} if offered else None
        case AskedSuicide(again=again):
            return {"asked": "suicide", "again": again}
        case AskedSafe():
            return {"asked": "safe"}
        case AskedDelete():
            return {"asked": "delete"}
        case AskedTime(code=code):
            return {"asked": "time", "code": code}
        case AskedZone(code=code, hhmm=hhmm):
            return {"asked": "zone", "code": code, "hhmm": hhmm}
        case AskedCountry():
            return {"asked": "country"}


def load_question(text: str | None) -> Question:
    """The question `text` keeps: JSON, or one of the old free strings (`legacy`)."""
    if not text:
        return Nothing()
    if not text.startswith("{"):
        return legacy(text)
    try:
        kept = json.loads(text)
    except ValueError:
        return Nothing()
    if not isinstance(kept, dict):
        return Nothing()
    asked = kept.get("asked")
    code, hhmm = str(kept.get("code", "")), str(kept.get("hhmm", ""))
    match asked:
        case "suicide":
            return AskedSuicide(again=bool(kept.get("again")))
        case "safe":
            return AskedSafe(_offered(kept))
        case None:
            return Nothing(_offered(kept))
        case "delete":
            return AskedDelete()
        case "country":
            return AskedCountry(_offered(kept))
        case "time" if code:
            return AskedTime(code, _offered(kept))
        case "zone" if code and hhmm:
            return AskedZone(code, hhmm, _offered(kept))
    return Nothing()


def legacy(text: str) -> Question:
    """The free strings kept in `awaiting` before issue 19: "suicide", "suicide:again",
    "safe", "delete", "time:CODE", "zone:CODE:HHMM" ("suicide:answered" only kept the
    question from being asked again at once; it opens nothing)."""
    kind, _, rest = text.partition(":")
    match kind:
        case "suicide" if rest == "":
            return AskedSuicide()
        case "suicide" if rest == "again":
            return AskedSuicide(again=True)
        case "safe":
            return AskedSafe()
        case "delete":
            return AskedDelete()
        case "time" if rest:
            return AskedTime(rest)
        case "zone" if rest.count(":") == 1:
            code, _, hhmm = rest.partition(":")
            return AskedZone(code, hhmm)
    return Nothing()


def dump_episode(episode: Episode) -> str | None:
    """JSON for `episode`; None when there is none."""
    if episode == Episode():
        return None
    return json.dumps(
        {
            "started": _time(episode.started),
            "last_at": _time(episode.last_at),
            "kinds": sorted(episode.kinds),
            "suicide_asked_at": _time(episode.suicide_asked_at),
            "suicide_said": episode.suicide_said,
            "concern_replies": episode.concern_replies,
            "lines_shown": episode.lines_shown,
            "lines_for_them": episode.lines_for_them,
            "flow_asked": sorted(episode.flow_asked),
            "said": [list(turn) for turn in episode.said],
        }
    )


def load_episode(text: str | None) -> Episode:
    """The episode kept as `text`; an empty one if it cannot be read."""
    if not text:
        return Episode()
    try:
        kept: dict[str, Any] = json.loads(text)
        said = kept.get("suicide_said")
        return Episode(
            started=_read_time(kept.get("started")),
            last_at=_read_time(kept.get("last_at")),
            kinds=frozenset(str(kind) for kind in kept.get("kinds", ())),
            suicide_asked_at=_read_time(kept.get("suicide_asked_at")),
            suicide_said=said if said in ("yes", "no", "skip") else None,
            concern_replies=int(kept.get("concern_replies", 0)),
            lines_shown=bool(kept.get("lines_shown", False)),
            lines_for_them=bool(kept.get("lines_for_them", False)),
            flow_asked=frozenset(str(about) for about in kept.get("flow_asked", ())),
            said=tuple(tuple(str(k) for k in turn) for turn in kept.get("said", ())),
        )
    except (ValueError, TypeError, AttributeError):
        return Episode()


def _offered(kept: dict[str, Any]) -> Offered:
    pairs = kept.get("offered") or ()
    return tuple((str(p[0]), str(p[1])) for p in pairs if isinstance(p, list) and len(p) == 2)


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _read_time(text: object) -> datetime | None:
    return datetime.fromisoformat(text) if isinstance(text, str) else None
