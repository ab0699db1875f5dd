"""What surrounds a match: song and film titles, a past behind the writer, an accident."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from safety.lexicon import Entry, Sequence
from safety.normalize import BOUNDARY

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


# Explaining entries that explain only the matches of their own sentence: a long message
# tells many things, and what explains one sentence says nothing of the next. `told_past`:
# the writer's past, long over ("when i was 16", "years ago", "back in 1987"), undone by a
# `present_risk` word in its sentence ("... and i still want to"); `topic`: a subject asked
# or studied ("the difference between", "for my essay", "the signs in someone"), `story`: a
# film, book, song or game and its characters, both undone by a `topic_risk` word in their
# sentence and never explaining the writer's own words ("i want to die", "... kill myself");
# `figure`: hyperbole and jokes ("if i hear it one more time", "as a joke", "not really"),
# undone by a `figure_risk` word ("seriously", "tonight"). Means questions, preparation,
# abuse and self-injury now are never explained (docs/safety.md, 2026-12-08).
IN_SENTENCE: Mapping[str, tuple[frozenset[str], tuple[str, ...]]] = MappingProxyType(
    {
        "told_past": (
            frozenset(
                {"ideation", "burden", "intent", "overdose", "injury", "urge", "lapse"}
                | {"hopelessness", "distress"}
            ),
            ("told_risk", "present_risk_more"),
        ),
        "topic": (
            frozenset({"ideation", "burden", "intent", "overdose", "urge", "lapse"}),
            ("topic_risk",),
        ),
        "story": (
            frozenset({"ideation", "burden", "intent", "injury", "urge", "lapse"})
            | frozenset({"hopelessness", "distress"}),
            ("topic_risk",),
        ),
        "figure": (frozenset({"ideation", "burden", "intent"}), ("figure_risk",)),
    }
)
# the kinds that never explain the writer's own words, said of themselves, and those that
# explain only them (a joke about a friend's "kms" is no joke to worry less about, and a
# friend's past the writer tells of is the writer's worry now)
_NOT_THE_WRITERS = frozenset({"topic", "story"})
# a subject explains an urge or a lapse only when people in general have it ("why do people
# hurt themselves"), never a friend ("how do i help my friend, he keeps hurting himself")
_GENERIC_ONLY = {"topic": frozenset({"urge", "lapse"})}
_THE_WRITERS_ONLY = frozenset({"figure", "told_past"})
# the kinds whose undoing words count in their own clauses only: "when i was 16 i cut every
# night" is over, "... and now i'm fine" begins another clause, and "now" is not undone by it;
# "jk but fr she's evil" takes nothing back, "jk ... but also i kind of want to die" does
_IN_CLAUSE = frozenset({"told_past", "figure"})
# the kinds a means question anywhere in the message undoes ("the character dies ... what
# would she use?"): means questions count however they are framed
_MEANS_UNDO = frozenset({"topic", "story"})
# words that, right before an explaining entry, take it back: "not joking", "like i used
# to", "como hacía de joven" (a comparison with the past is about now), "desde hace años"
# (since then: it goes on)
_TAKEN_BACK = frozenset(
    {"like", "as", "como", "come", "wie", "igual", "since", "desde", "depuis", "seit"}
)
# "want" right after these is told of the past: "did not want to live", "used to want"
_PAST_AUXILIARIES = frozenset({"did", "used"})
_SUBJECT_LOOKBACK = 8
_HEDGED = frozenset({"figure"})
_MINE = frozenset({"my", "mine"})  # "at my funeral": the writer's
_OTHER_LANGUAGES = frozenset({"de", "es", "fr", "it", "pt", "tl", "xx"})


@dataclass(frozen=True)
class _Telling:
    """An explaining entry of sentence scope, found: its sentence, words and kind."""

    kind: str
    sentence: int
    words: frozenset[int]


def told_in_sentence(
    tokens: tuple[str, ...],
    found: Iterable[tuple[Sequence, list[tuple[int, ...]]]],
    words: Mapping[str, frozenset[str]],
) -> Callable[[Entry, tuple[int, ...]], bool]:
    """Whether a match (its entry, its words' positions) is explained in its own sentence.

    An entry of an `IN_SENTENCE` kind in the same sentence explains it, unless a word of that
    kind's undoing list stands in the sentence outside the two ("when i was 16 i tried to kill
    myself"; not "... and i want to again"), a negation comes right before the entry ("not
    joking"), or the match is the writer's own words and the entry a topic or a story.
    """
    found = list(found)
    sentence_of = list(itertools.accumulate(token == BOUNDARY for token in tokens))
    starts = words.get("clause_starts", frozenset()) | {BOUNDARY}
    clause_of = list(itertools.accumulate(token in starts for token in tokens))
    back = words.get("negators", frozenset()) | _TAKEN_BACK
    tellings = [
        _Telling(seq.entry.kind, sentence_of[span[0]], frozenset(span))
        for seq, spans in found
        if seq.entry.kind in IN_SENTENCE
        for span in spans
        if len({sentence_of[p] for p in span}) == 1
        and not back.intersection(tokens[max(0, span[0] - 2) : span[0]])
    ]
    # a hedge in a joke's sentence or the next takes the joke back: "kms lol jk... unless"
    hedged = {
        sentence_of[span[0]] for seq, spans in found if seq.entry.kind == "hedge" for span in spans
    }
    tellings = [
        telling
        for telling in tellings
        if telling.kind not in _HEDGED or not {telling.sentence, telling.sentence + 1} & hedged
    ]
    if set(tokens) & words.get("means_risk", frozenset()):
        tellings = [telling for telling in tellings if telling.kind not in _MEANS_UNDO]
    if not tellings:
        return lambda entry, span: False
    undoing = {
        kind: frozenset().union(*(words.get(name, frozenset()) for name in names))
        for kind, (_, names) in IN_SENTENCE.items()
    }

    def told(entry: Entry, span: tuple[int, ...]) -> bool:
        kind = entry.kind
        sentence = sentence_of[span[0]]
        if any(sentence_of[p] != sentence for p in span):
            return False
        own = entry.person != "other" and (
            entry.person == "self" or _other_language(entry) or _the_writers(tokens, span, words)
        )
        for telling in tellings:
            if telling.sentence != sentence or kind not in IN_SENTENCE[telling.kind][0]:
                continue
            if (
                telling.kind == "told_past"
                and span[0] <= min(telling.words) <= max(telling.words) <= span[-1]
            ):
                continue  # a signal made of the past itself ("apologised ... years ago")
            if own and telling.kind in _NOT_THE_WRITERS:
                continue
            if kind in _GENERIC_ONLY.get(telling.kind, ()) and not _generic(tokens, span, words):
                continue
            if telling.kind in _THE_WRITERS_ONLY and _someone_elses(tokens, span, words):
                continue  # "my buddy keeps joking about kms", "she used to hurt herself"
            undo = undoing[telling.kind]
            # the past's own clauses, from the first of the two to the last; or the sentence
            first, last = min(*telling.words, *span), max(*telling.words, *span)
            scope = clause_of if telling.kind in _IN_CLAUSE else sentence_of
            reach = range(scope[first], scope[last] + 1)
            if not any(
                tokens[p] in undo and not _past_want(tokens, p)
                for p in range(len(tokens))
                if scope[p] in reach and sentence_of[p] == sentence and p not in telling.words
            ):
                return True
        return False

    return told


def _other_language(entry: Entry) -> bool:
    """An entry of another language: its verb, not a pronoun, says whose wish it is ("quiero
    morir", "ho voglia di farmi male"), so it is the writer's unless marked `person: other`."""
    language = entry.id.split(".")[0]
    return language in _OTHER_LANGUAGES or ".xx_" in entry.id


def _past_want(tokens: tuple[str, ...], position: int) -> bool:
    """ "want" told of the past: "did not want to live", "used to want to die"."""
    before = tokens[max(0, position - 2) : position]
    return tokens[position] == "want" and bool(_PAST_AUXILIARIES.intersection(before))


def _someone_elses(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """Whether the nearest subject before a match, in its sentence, is someone else."""
    selves = words.get("self_subjects", frozenset())
    others = words.get("other_subjects", frozenset())
    if tokens[span[0]] in selves:
        return False  # the match names the writer its subject: "i will shoot myself"
    for position in range(span[0] - 1, max(span[0] - 1 - _SUBJECT_LOOKBACK, -1), -1):
        token = tokens[position]
        if token == BOUNDARY or token in selves:
            return False
        if token in others:
            return True
    return False


def _generic(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """Whether the nearest subject before a match, in its sentence, is people in general
    (`generic_subjects`: "people", "students", "young people")."""
    generic = words.get("generic_subjects", frozenset())
    subjects = generic | words.get("self_subjects", frozenset())
    subjects |= words.get("other_subjects", frozenset())
    for position in range(span[0] - 1, max(span[0] - 1 - _SUBJECT_LOOKBACK, -1), -1):
        token = tokens[position]
        if token == BOUNDARY:
            return False
        if token in subjects:
            return token in generic
    return False


def _the_writers(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """Whether a match is the writer's own words: a word of the writer's in it ("kill myself",
    "my funeral"), or the nearest subject before it in its sentence the writer ("i ... want
    to die")."""
    selves = words.get("self_subjects", frozenset())
    if any(tokens[p] in selves or tokens[p] in _MINE for p in span):
        return True
    others = words.get("other_subjects", frozenset())
    for position in range(span[0] - 1, max(span[0] - 1 - _SUBJECT_LOOKBACK, -1), -1):
        token = tokens[position]
        if token == BOUNDARY or token in others:
            return False
        if token in selves or token in _MINE:
            return True
    return False


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
