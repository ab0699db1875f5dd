"""What surrounds a match: song and film titles, a past behind the writer, an accident."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from safety.lexicon import Sequence

# What each kind of explaining entry explains away, and the words list whose words, outside
# its own, undo it. `explained`: the past with the writer well now ("that was then, i'm well
# now"), or the plain answer to the bot's own question, undone by `present_risk`; means
# questions, preparation and abuse always count. `accident`: how an injury happened ("fell
# off my bike", "hit my head"), its injury words only, and `accident_cut`: a cut told with
# the finger or the food it came from, its blood and the cut an urge's words name ("me corté
# el dedo pelando papas" matches es.self_harm's "me corté"), both undone by `accident_risk`:
# an accident's blood is told with "now" and "ten minutes", which `present_risk` counts.
EXPLAINERS: Mapping[str, tuple[frozenset[str], str]] = MappingProxyType(
    {
        "explained": (
            frozenset({"ideation", "burden", "intent", "overdose", "injury"}),
            "present_risk",
        ),
        "accident": (frozenset({"injury"}), "accident_risk"),
        "accident_cut": (frozenset({"injury", "urge", "lapse"}), "accident_risk"),
    }
)


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
) -> dict[str, frozenset[str]]:
    """For each kind of explaining entry that holds, the kinds of match it explains away.

    An entry of that kind (`EXPLAINERS`) matched, and no word of its `undone_by` list
    stands outside the words of that kind's matches ("last year i tried to end things but
    i'm in a much better place now"; not "... but i want to again").
    """
    told: dict[str, set[int]] = {}
    for seq, spans in found:
        if seq.entry.kind in EXPLAINERS:
            told.setdefault(seq.entry.kind, set()).update(p for s in spans for p in s)
    held: dict[str, frozenset[str]] = {}
    for kind, own in told.items():
        explains, undone_by = EXPLAINERS[kind]
        undo = words.get(undone_by, frozenset())
        # the explaining phrase's own words ("glad i am still here") do not undo it
        if not any(t in undo for n, t in enumerate(tokens) if n not in own):
            held[kind] = explains
    return held


_QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”')
_TITLE_WORDS = re.compile(
    r"\b(song|songs|lyric|lyrics|album|track|playlist|listening|singing|sings|band|"
    r"book|novel|film|movie|episode|poem|title)\b",
    re.IGNORECASE,
)
