"""What surrounds a match: song and film titles, a past behind the writer, an accident."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from safety.lexicon import Sequence

# Crisis kinds a message may explain away ("that was then, i'm well now", "cut my finger
# chopping onions"). Means questions, preparation and abuse always count.
EXPLAINABLE_KINDS = frozenset({"ideation", "burden", "intent", "overdose", "injury"})
# An accident explains cutting words too ("me corté el dedo pelando papas" matches an urge's
# "me corté"); the past does not explain away someone's self-injury ("she is okay now").
ACCIDENT = "explained.accident"
ACCIDENT_KINDS = EXPLAINABLE_KINDS | {"urge", "lapse"}


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


def explained_away(
    tokens: tuple[str, ...],
    found: Iterable[tuple[Sequence, list[tuple[int, ...]]]],
    words: Mapping[str, frozenset[str]],
) -> frozenset[str]:
    """The kinds of risk the message explains away, when it says nothing of present risk.

    An `explained` entry matched: a past marker with a present "doing well" ("last year i
    tried to end things but i'm in a much better place now"), or an everyday accident ("cut
    my finger chopping onions", ACCIDENT_KINDS); and no `present_risk` word ("tonight",
    "again", "still", "want", "wrist", "on purpose") stands outside that entry's own words.
    """
    found = [(seq, spans) for seq, spans in found if seq.entry.kind == "explained"]
    told = {p for _, spans in found for s in spans for p in s}
    present = words.get("present_risk", frozenset())
    # the explaining phrase's own words ("glad i am still here") are not present risk
    if not told or any(t in present for n, t in enumerate(tokens) if n not in told):
        return frozenset()
    accident = any(seq.entry.id.startswith(ACCIDENT) for seq, _ in found)
    return ACCIDENT_KINDS if accident else EXPLAINABLE_KINDS


_QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”')
_TITLE_WORDS = re.compile(
    r"\b(song|songs|lyric|lyrics|album|track|playlist|listening|singing|sings|band|"
    r"book|novel|film|movie|episode|poem|title)\b",
    re.IGNORECASE,
)
