"""No paragraph said twice within a few turns: a person who goes back to a menu, or taps
"Tell me more" again, is not lectured with the same paragraph a second time.

Rules:
1. A paragraph (a reply's text split at blank lines) said in the person's last TURNS turns
   is left out of a reply; a reply with nothing left is dropped, unless it carries buttons:
   then a short line stands above them, one not said in those turns either: its question
   asked again in other words (QUESTION_AGAIN: "Back to my question: is anyone in danger right
   now?"), or for a menu MENU_AGAIN; the engine's "not sure" gets UNCLEAR_AGAIN, and its
   plain "thank you for telling me" another of its words (TOLD): heard, not "not sure".
2. Crisis lines and the replies around them (CRISIS, CONCERN) are never shortened: they
   may be asked for again, and talk.py already varies the concern reply. Nor is a notice
   about the message just sent ("That button was from earlier", a check-in time just
   saved, perhaps put back as it was, a protest at the lines heard): it is news each time.
3. Something is always said: if every reply would go, the first short line stands alone.
4. What a person asked for by a command (/help, /mydata) is shown whole, and remembered
   (so is a picture or a file of theirs, however asked for: `said_lately`);
   but a question a command asks with buttons (/delete's "Erase it all?", /checkin's "Is
   that okay?") asked again within the turns is asked in other words, like any question.
5. The record keeps a short key of each paragraph (`key`), in the episode, so a second
   instance or a restart knows what was said.
6. The turns remembered are more than the five a person counts: a tap that only brings
   back a step ("Carry on where we were") is a turn too, and must not push a paragraph
   said four of the person's own turns ago out of mind.
7. A question asked again more often than it has other words for it gives way to the
   plain lines above a menu (MENU_AGAIN): never the same "Back to my question" twice;
   with every line said, the one said longest ago.
8. Crisis lines shown are remembered too (LINES_SHOWN and the time, among the turn's
   keys): a country typed in the few turns after them, within the hour, shows that
   country's lines (bot/core/choices.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import dialogues
from bot.core import words
from bot.messages import Reply, ReplyKind
from dialogues.engine import STALE, TOLD

LINES_SHOWN = "lines@"  # rule 8: a mark and the time, not a paragraph's key (those are hex)
LINES_LATELY = 3  # turns after crisis lines in which a country typed shows that country's
LINES_FOR = timedelta(hours=1)  # and not longer ago than this
TURNS = 10  # rule 6: five of the person's turns, with room for taps that bring a step back
_KEEP = (ReplyKind.CRISIS, ReplyKind.CONCERN)
# Notices about the very message just sent (a button from earlier, a time saved): news.
_NOTICES = (
    STALE,
    words.STALE_BUTTON,
    words.CHECKIN_DONE,
    words.LINES_HEARD,
    words.LINES_HEARD_ASK_SAFE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LEAD = re.compile(r"^(?:first|so|and|now|then|okay|ok),?\s+", re.IGNORECASE)


def vary(
    replies: Sequence[Reply],
    recent: Sequence[Sequence[str]],
    *,
    by_name: bool = False,
    now: datetime | None = None,
) -> tuple[list[Reply], tuple[str, ...]]:
    """`replies` without what the last turns said already (`recent`: the keys of each
    turn's paragraphs, oldest first), and the keys of what this turn says. `by_name`:
    asked for by a command, shown whole but for the questions it asks (rule 4); `now`:
    when, for crisis lines shown (rule 8)."""
    said_before = {key for turn in recent for key in turn}
    seen: set[str] = set()
    out: list[Reply] = []
    for reply in replies:
        whole = reply.kind in _KEEP or reply.text.startswith(_NOTICES)
        if reply.kind is ReplyKind.CRISIS and now is not None:
            seen.add(f"{LINES_SHOWN}{_utc(now):%Y-%m-%dT%H:%M}")
        if by_name and not whole and not asks(reply):
            seen.update(key(p) for p in _paragraphs(reply.text))
            out.append(reply)
            continue
        if whole or reply.image is not None or reply.document is not None:
            if not whole:  # a picture or a file of theirs: shown whole, and remembered
                seen.update(key(p) for p in _paragraphs(reply.text))
            out.append(reply)
            continue
        paragraphs = _paragraphs(reply.text)
        fresh = [p for p in paragraphs if key(p) not in said_before and key(p) not in seen]
        seen.update(key(p) for p in paragraphs)
        if len(fresh) == len(paragraphs):
            out.append(reply)
        elif fresh:
            out.append(replace(reply, text="\n\n".join(fresh)))
        elif reply.options:
            asked = _question(paragraphs[-1])
            lines: Sequence[str] = words.MENU_AGAIN
            if reply.text.startswith(TOLD):  # heard again, not "still not sure"
                lines = (*TOLD, *words.MENU_AGAIN)
            elif dialogues.unclear(reply.text):
                lines = words.UNCLEAR_AGAIN
            elif asked is not None:
                again = tuple(line.format(question=asked) for line in words.QUESTION_AGAIN)
                lines = (*again, *words.MENU_AGAIN)  # all said: carry on, without the question
            line = _unsaid(lines, recent, seen)
            seen.add(key(line))
            out.append(replace(reply, text=line))
    if not out and replies:
        line = _unsaid(words.MENU_AGAIN, recent, seen)
        seen.add(key(line))
        out.append(Reply(line))
    return out, tuple(sorted(seen))


def said_lately(paragraph: str, recent: Sequence[Sequence[str]]) -> bool:
    """Whether `paragraph` was said in the last turns (`recent`, as `vary` takes them)."""
    return any(key(paragraph) in turn for turn in recent)


def lines_lately(recent: Sequence[Sequence[str]], now: datetime) -> bool:
    """Whether crisis lines were shown in the last LINES_LATELY turns, within LINES_FOR
    of `now` (rule 8)."""
    for turn in recent[-LINES_LATELY:]:
        for said in turn:
            if said.startswith(LINES_SHOWN):
                at = datetime.fromisoformat(said.removeprefix(LINES_SHOWN))
                if abs(_utc(now) - at) <= LINES_FOR:
                    return True
    return False


def _utc(moment: datetime) -> datetime:
    """`moment` as a naive UTC time (the mark keeps no zone)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def asks(reply: Reply) -> bool:
    """Whether `reply` asks a question with buttons to answer it ("Erase it all?")."""
    paragraphs = _paragraphs(reply.text)
    return bool(reply.options and paragraphs) and _question(paragraphs[-1]) is not None


def _paragraphs(text: str) -> list[str]:
    return [p for p in (p.strip() for p in text.split("\n\n")) if p]


def key(paragraph: str) -> str:
    """A short key for a paragraph: the record keeps these, never the words."""
    return hashlib.sha256(paragraph.strip().encode()).hexdigest()[:12]


def _question(paragraph: str) -> str | None:
    """The last question a paragraph asks ("… Which would you like to try?"), without a
    leading "First," or "So,"; None when it asks nothing."""
    asks = [s for s in _SENTENCE.split(paragraph) if s.endswith("?")]
    if not asks:
        return None
    asked = _LEAD.sub("", asks[-1]).strip()
    return asked[:1].lower() + asked[1:] if asked else None


def _unsaid(lines: Sequence[str], recent: Sequence[Sequence[str]], seen: set[str]) -> str:
    """The first of `lines` not said in the `recent` turns nor in this one (`seen`); all
    said, the one said longest ago."""

    def last_said(line: str) -> int:
        if key(line) in seen:
            return len(recent)
        return max((i for i, turn in enumerate(recent) if key(line) in turn), default=-1)

    return min(lines, key=last_said)
