"""What surrounds a match: song and film titles, and risk told as a past now behind the writer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from safety.lexicon import Sequence

# Crisis kinds a "that was then, I'm well now" message may tell as its past. Means
# questions, preparation and abuse always count, whatever the message says around them.
PAST_KINDS = frozenset({"ideation", "burden", "intent", "overdose", "injury"})


def without_titles(text: str) -> str:
    """Quoted words in a message about a song, book or film are a title, not the writer's.

    'listening to "i'm not okay" on repeat' -> 'listening to  on repeat'. A quote with
    no such word around it ('i told her "i want to die"') is kept.
    """
    if '"' not in text and "“" not in text:
        return text
    outside = _QUOTED.sub(" ", text)
    if not _TITLE_WORDS.search(outside):
        return text
    return outside


def told_as_past(
    tokens: tuple[str, ...],
    found: Iterable[tuple[Sequence, list[tuple[int, ...]]]],
    words: Mapping[str, frozenset[str]],
) -> bool:
    """True when the message places its risk in the past and says the writer is well now.

    "last year i tried to end things but i'm in a much better place now": a `recovered`
    entry (a past marker and a present "doing well") matched, and no word of the present
    risk ("tonight", "again", "still", "want", "going") stands anywhere in the message.
    """
    told = {p for seq, spans in found if seq.entry.kind == "recovered" for s in spans for p in s}
    if not told:
        return False
    present = words.get("present_risk", frozenset())
    # the recovered phrase's own words ("glad i am still here") are not present risk
    return not any(t in present for n, t in enumerate(tokens) if n not in told)


_QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”')
_TITLE_WORDS = re.compile(
    r"\b(song|songs|lyric|lyrics|album|track|playlist|listening|singing|sings|band|"
    r"book|novel|film|movie|episode|poem|title)\b",
    re.IGNORECASE,
)
