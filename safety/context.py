"""What surrounds a match: song and film titles, a past behind the writer, an accident."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from safety.lexicon import Sequence

# Crisis kinds a message may explain away ("that was then, i'm well now", "cut my finger
# chopping onions"). Means questions, preparation and abuse always count.
EXPLAINABLE_KINDS = frozenset({"ideation", "burden", "intent", "overdose", "injury"})
# What a cut told with the finger or the food it came from (`accident_cut`) explains: its
# blood, and the cut an urge's words name ("me corté el dedo pelando papas" matches
# es.self_harm's "me corté"); an `accident` ("hit my head") explains injury words only.
CUT_KINDS = frozenset({"injury", "urge", "lapse"})


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
    *,
    kind: str = "explained",
    undone_by: str = "present_risk",
) -> bool:
    """True when the message explains its risk words and says nothing that undoes it.

    An entry of `kind` matched, and no word of the `undone_by` list stands outside its own
    words. `explained`: a past marker with a present "doing well" ("last year i tried to end
    things but i'm in a much better place now"), or an everyday accident ("cut my finger
    chopping onions"), undone by a `present_risk` word ("tonight", "again", "still", "want",
    "wrist", "on purpose"). `accident`: how an injury happened ("fell off my bike", "on a
    broken glass", "at football"), which explains injury words only, undone by an
    `accident_risk` word ("on purpose", "again", "urge", "wrist"): an accident's blood may be
    told with "now" and "ten minutes" ("it stopped now after ten minutes of pressure").
    """
    told = {p for seq, spans in found if seq.entry.kind == kind for s in spans for p in s}
    if not told:
        return False
    undo = words.get(undone_by, frozenset())
    # the explaining phrase's own words ("glad i am still here") do not undo it
    return not any(t in undo for n, t in enumerate(tokens) if n not in told)


_QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”')
_TITLE_WORDS = re.compile(
    r"\b(song|songs|lyric|lyrics|album|track|playlist|listening|singing|sings|band|"
    r"book|novel|film|movie|episode|poem|title)\b",
    re.IGNORECASE,
)
