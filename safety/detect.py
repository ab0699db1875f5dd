"""assess(text): find risk in one message, fast, and never fail.

Rules, in the order they apply to each lexicon match:
1. An idiom ("killing it", "my battery died") suppresses only the risk matches that
   share a word with it; a risk phrase elsewhere in the message still counts. An idiom
   negated between its own words ("rope ... not for camping") suppresses nothing.
2. A clear denial just before a match ("i'm not going to ...", "i would never ...")
   drops it, unless the message hedges anywhere ("probably", "not today", "for now",
   "idk"), or for crisis "today" or "tonight" in the same sentence ("i won't do it
   tonight", but not "he's not in danger. he's at school today"): a hedged denial keeps
   its tier. Not knowing what, who or why is no hedge ("she's not in danger, i just don't
   know what to say to her"). A denied crisis match next to any other risk (distress,
   urges) still counts as concern. A denial the lexicon knows whole (`denials`: "i didn't
   take anything", "non j'ai rien avalé") denies in the same way, unless hedged. One of
   danger in general (`general`: "i'm safe", "sono al sicuro") denies only a plain answer:
   not negated or made a condition just before ("non sono al sicuro", "if i am safe"), no
   contrast after it ("i'm safe, but i took them"), and at most GENERAL_DENIAL_REST words
   besides it in the message.
3. A message that explains its crisis words away (told as the past, "two years ago ...
   doing well now"; an accident, "cut my finger chopping onions") with no word of
   present risk drops those matches (means, preparation and abuse still count); an
   accident drops cutting urges too ("me corté el dedo pelando papas"), the past does not.
   A past long over, a subject, a story or a joke (safety/context.py, IN_SENTENCE) explains
   only the matches of its own sentence: "when i was 16 i tried to kill myself. these days
   i run a bakery" drops the first sentence's match, and another sentence's risk counts.
4. A match whose subject is someone else ("my friend ... she wants to die",
   "... kill herself", a match that begins with them: "my 14 year old daughter has been
   cutting"; a person named by their age: "my 14 year old has been cutting") is about
   someone else; the writer's own words win. An entry marked `person: other` is always about
   someone else (a verb in the third person: "mi hija quiere matarse", "mon fils veut
   mourir"), and so is a match inside one of its matches, unless "me" or "mi" follows it
   ("vuole uccidermi": the writer is in danger, not them).
5. The tier is the highest of the matches; `immediate` comes from the top-tier entries,
   or, in a crisis message, from the writer's own lower-tier entries marked immediate
   (self-injury now or just done: the injury may need care now).
6. A learned second opinion (safety/model.py) may raise the tier when the message
   resembles the crisis or risk rows of the corpus, or lower a lexicon match it is sure
   is everyday talk (never a match of danger now); when an idiom or a denial explains
   every risky word, only to crisis, and only when it is sure (safety/model.py, rule 6),
   or, after a denial, to concern at its usual threshold: a denial settles the crisis
   words, not the distress beside them.
7. With a context (safety/followup.py), an answer to the bot's own question or news that
   an injury is getting worse may raise the tier; context never lowers it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from safety.context import EXPLAINERS, IN_SENTENCE, explained_away, told_in_sentence, without_titles
from safety.followup import Context, in_context
from safety.lexicon import Lexicon, Sequence, lexicon
from safety.model import MIN_WORDS, decide, model, read, words
from safety.model import words as model_words  # where `words` names a lexicon's lists
from safety.normalize import BOUNDARY
from safety.risk import CONCERN_KINDS, Assessment, Tier

NEGATION_LOOKBACK = 4
# Rule 2: a denial of danger in general ("i'm safe") settles a message that says at most
# this many words besides it ("Yes, I am perfectly safe. I was only saying goodbye.")
GENERAL_DENIAL_REST = 10
SUBJECT_LOOKBACK = 8
MAX_CHARS = 20_000
EXPLAINED = "explained"  # settled by an idiom (rule 1)
DENIED = "denied"  # settled by a denial, with more said besides: the model may add concern
PAST = "past"  # settled as told in the past (rule 3)

# An answer word with a comma, colon, dash or ellipsis after it is an answer, a clause of its
# own, not the negation of what follows: "no, quiero morir", "não, quero morrer" (rule 2).
# Its punctuation is lost in the tokens, so the lexicon reads it as its own sentence; the
# model reads the tokens as always. A hyphen counts only beside a space ("no-one", "non-stop").
_ANSWER = re.compile(
    r"(?<![\w'])(no|non|n[aã]o|na\u0303o|nein|nee|nope|nah|naw|nop)"
    r"(?=\s*(?:[,;:…，]|\.\.|[–—]|-(?:\s|$))|\s+-)",
    re.IGNORECASE,
)

_NOTHING = Assessment(
    tier=Tier.NONE, kinds=frozenset(), matched=(), about_someone_else=False, immediate=False
)


def assess(text: str, *, context: Context | None = None) -> Assessment:
    """Assess one message. Pure: the same text and context always give the same answer.

    `context`: what the bot just asked and what the writer told of before (rule 7).
    """
    if not text or not text.strip():
        return _NOTHING
    found, tokens, harmed_now, settled = _first_layer(text)
    if settled != PAST:  # told as the past: the model cannot tell then from now
        found = _second_opinion(found, tokens, harmed_now=harmed_now, settled=settled)
    if context is None:
        return found
    return in_context(found, tokens, context, lexicon().words)


def first_layer(text: str) -> tuple[Assessment, str]:
    """The lexicon's assessment alone, and whether it is settled without the model.

    For training the model (safety/train.py), which must combine with it as assess does.
    """
    if not text or not text.strip():
        return _NOTHING, EXPLAINED  # nothing to read
    found, _, _, settled = _first_layer(text)
    return found, settled


def _first_layer(text: str) -> tuple[Assessment, tuple[str, ...], bool, str]:
    """Rules 1-5: (the lexicon's assessment, the tokens, self-injury just now, settled).

    Settled: "" when the model may second-guess the lexicon, DENIED when a clear denial
    explains every risky word and the message says more besides (the model may add concern),
    EXPLAINED when an idiom or a denial explains every risky word and nothing else is said,
    PAST when the message tells them as the past."""
    lex = lexicon()
    text = without_titles(text[:MAX_CHARS])
    read_by_model = lex.normaliser.tokens(text)
    apart = _ANSWER.sub(r"\1 . ", text)
    tokens = lex.read(apart, read_by_model if apart == text else lex.normaliser.tokens(apart))
    found = _find_all(lex, tokens)
    idiom_words: set[int] = set()
    hedged: set[Tier] = set()  # the tiers whose denials a hedge in this message undoes
    sentence_of = list(itertools.accumulate(token == BOUNDARY for token in tokens))
    hedged_in: set[int] = set()  # the sentences whose crisis denials a time hedge undoes
    # the lexicon's `denials` found (rule 2), and whether each denies danger in general
    known_denials: list[tuple[tuple[int, ...], bool]] = []
    for seq, spans in found:
        if seq.entry.kind == "denial":
            known_denials += [(span, seq.entry.general) for span in spans]
        elif seq.entry.kind == "idiom":
            idiom_words.update(
                position
                for span in spans
                if not _negated_inside(tokens, span, lex.words)
                for position in span
            )
        elif seq.entry.kind == "hedge" and seq.entry.tier is Tier.CRISIS:
            hedged_in.update(sentence_of[span[0]] for span in spans)  # "... tonight"
        elif seq.entry.kind == "hedge" and not all(
            _asks_what(tokens, span, lex.words) for span in spans
        ):
            hedged.update(tuple(Tier))
    # Someone else's wish in a language whose verb says so (person: other, rule 4), unless
    # the writer is its object ("vuole uccidermi") or its subject is part of the writer ("una
    # parte de mí que quiere morirse"); a match inside one of them is theirs too.
    clitics = lex.words.get("clitics", frozenset())
    whose = {
        span: _whose(tokens, span, clitics)
        for seq, spans in found
        if seq.entry.person == "other"
        for span in spans
    }
    theirs = {position for span, who in whose.items() if who == "theirs" for position in span}
    explained = explained_away(tokens, found, lex.words)
    told = told_in_sentence(tokens, found, lex.words)
    past = explained.get("explained", frozenset())
    accidental = explained.get("accident", frozenset()) | explained.get("accident_cut", frozenset())
    hits: list[tuple[Sequence, Tier, bool]] = []
    denials: list[tuple[Sequence, Tier, bool]] = []
    denied_any = told_as_past = told_as_accident = told_here = False
    denied_words: set[int] = set()  # the denials and the words they deny
    for span, general in known_denials:  # a whole denial the lexicon knows, unless hedged
        if general and _undone_in_general(tokens, span, lex.words):
            continue
        if Tier.CRISIS not in hedged and sentence_of[span[0]] not in hedged_in:
            denied_any = True
            idiom_words.update(span)  # a risk match sharing its words is denied with it
    for seq, spans in found:
        entry = seq.entry
        if entry.kind in ("idiom", "denial", "hedge") or entry.kind in EXPLAINERS:
            continue
        if entry.kind in IN_SENTENCE:
            continue
        if entry.kind in past:
            told_as_past = True  # explained away: rule 3
            continue
        if entry.kind in accidental:
            told_as_accident = True  # an accident's blood, or a cut's: rule 3
            continue
        best: tuple[int, bool] | None = None
        for span in spans:
            if idiom_words.intersection(span):
                continue
            if told(entry, span):
                told_here = True  # explained in its own sentence: rule 3
                continue
            if entry.whole and not _whole(tokens, span, lex.words):
                continue
            if entry.person == "other" and whose[span] == "object":
                continue  # "vuole uccidermi": the writer is the one in danger
            undone = entry.tier in hedged or (
                entry.tier is Tier.CRISIS and sentence_of[span[0]] in hedged_in
            )
            denial = (
                _denial(tokens, span, lex.words, theirs=entry.person == "other")
                if entry.negatable and not undone
                else None
            )
            denied = denial is not None
            if denial is not None:
                denied_words.update(range(denial, span[-1] + 1))
            other = (entry.person == "other" and whose[span] == "theirs") or (
                entry.person == "check"
                and (theirs.issuperset(span) or _someone_else(tokens, span, lex.words))
            )
            if best is None or (not denied, not other) > (not best[0], not best[1]):
                best = (denied, other)
        if best is None:
            continue
        denied_any = denied_any or bool(best[0])
        if not best[0]:
            hits.append((seq, entry.tier, best[1]))
        elif entry.tier is Tier.CRISIS:
            denials.append((seq, Tier.CONCERN, best[1]))
    if hits:
        # A clear denial of crisis with distress beside it is still concern.
        hits += denials
    specific = {tier for seq, tier, _ in hits if not seq.entry.fallback}
    hits = [hit for hit in hits if not (hit[0].entry.fallback and hit[1] in specific)]
    harmed_now = _harmed_just_now(hits)
    found_by_lexicon = _summarise(hits, harmed_now=harmed_now)
    # An idiom that explains the only risky words, or a clear denial, leaves the model only
    # a crisis it is sure of; the past, nothing.
    settled = ""
    if not hits and told_as_past:
        settled = PAST
    elif not hits and denied_any and _says_more(tokens, denied_words | idiom_words):
        settled = DENIED
    elif not hits and told_here:
        settled = ""  # explained in their own sentences: the model reads the rest as any text
    elif not hits and (idiom_words or denied_any or told_as_accident):
        settled = EXPLAINED
    return found_by_lexicon, read_by_model, harmed_now, settled


def _second_opinion(
    found: Assessment, tokens: tuple[str, ...], *, harmed_now: bool, settled: str
) -> Assessment:
    """The learned model raises a tier, or lowers one it is sure of: rule 6."""
    learned = model()
    reading = read(learned, tokens)
    tier = decide(
        found,
        reading.crisis,
        reading.risk,
        learned,
        words=words(tokens),
        language=reading.language,
        part=lambda: reading.part,  # read in parts only if the whole is below the threshold
        settled=bool(settled),
        denied=settled == DENIED,
        firm=lexicon().firm,
    )
    if tier is found.tier:
        return found
    if tier.rank < found.tier.rank:
        return Assessment(
            tier=tier,
            kinds=(found.kinds & CONCERN_KINDS) | {"distress"}
            if tier is Tier.CONCERN
            else frozenset(),
            matched=(*found.matched, "model.lowered"),
            about_someone_else=found.about_someone_else,
            immediate=False,
            sources=found.sources,
        )
    if tier is Tier.CONCERN:
        kind, entry = "distress", "model.risk"
    else:
        kind, entry = reading.kind or "ideation", "model.crisis"
    return Assessment(
        tier=tier,
        kinds=found.kinds | {kind},
        matched=(*found.matched, entry),
        # The model cannot tell whose words these are: keep the lexicon's view if it had one.
        about_someone_else=found.about_someone_else and found.tier is not Tier.NONE,
        immediate=tier is Tier.CRISIS and (harmed_now or reading.kind is not None),
        sources=found.sources,
    )


def _summarise(hits: list[tuple[Sequence, Tier, bool]], *, harmed_now: bool) -> Assessment:
    if not hits:
        return _NOTHING
    tier = max((hit[1] for hit in hits), key=lambda t: t.rank)
    top = [hit for hit in hits if hit[1] is tier]
    matched = tuple(dict.fromkeys(seq.entry.id for seq, _, _ in hits))
    # a denied crisis match, kept as concern, vouches for no other match (safety/model.py)
    sources = tuple(dict.fromkeys(seq.source for seq, t, _ in hits if t is seq.entry.tier))
    return Assessment(
        tier=tier,
        kinds=frozenset(seq.entry.kind for seq, _, _ in hits),
        matched=matched,
        about_someone_else=all(other for _, _, other in top),
        immediate=tier is Tier.CRISIS
        and (any(seq.entry.immediate for seq, _, _ in top) or harmed_now),
        sources=sources,
    )


def _harmed_just_now(hits: list[tuple[Sequence, Tier, bool]]) -> bool:
    """Whether the writer tells of their own self-injury now or just done (rule 5)."""
    return any(seq.entry.immediate and not other for seq, _, other in hits)


def _find_all(
    lex: Lexicon, tokens: tuple[str, ...]
) -> list[tuple[Sequence, list[tuple[int, ...]]]]:
    """Every lexicon sequence found in the tokens, with the positions of its words."""
    positions: dict[str, list[int]] = {}
    sentence: list[int] = []
    current = 0
    for number, token in enumerate(tokens):
        if token == BOUNDARY:
            current += 1
        sentence.append(current)
        positions.setdefault(token, []).append(number)
    candidates: set[int] = set()
    for token in positions:
        candidates.update(lex.index.get(token, ()))
    found = []
    present = positions.keys()
    checks, sequences = lex.checks, lex.sequences
    for number in sorted(candidates):
        for slot in checks[number]:
            if present.isdisjoint(slot):
                break
        else:
            seq = sequences[number]
            spans = (
                _unordered(seq, positions, sentence)
                if seq.any_order
                else _ordered(seq, tokens, positions)
            )
            if spans:
                found.append((seq, spans))
    return found


def _ordered(
    seq: Sequence, tokens: tuple[str, ...], positions: Mapping[str, list[int]]
) -> list[tuple[int, ...]]:
    spans = []
    for start in _places(seq.slots[0], positions):
        span = _extend(seq, tokens, (start,))
        if span is not None:
            spans.append(span)
    return spans


def _extend(
    seq: Sequence, tokens: tuple[str, ...], span: tuple[int, ...]
) -> tuple[int, ...] | None:
    """Depth-first: place the next word within `gap` words, never across a boundary."""
    if len(span) == len(seq.slots):
        return span
    wanted = seq.slots[len(span)]
    last = span[-1]
    for position in range(last + 1, min(last + seq.gap + 2, len(tokens))):
        token = tokens[position]
        if token in wanted:
            found = _extend(seq, tokens, (*span, position))
            if found is not None:
                return found
        if token == BOUNDARY:
            break
    return None


def _unordered(
    seq: Sequence, positions: Mapping[str, list[int]], sentence: list[int]
) -> list[tuple[int, ...]]:
    """All slots within `gap` words of the first one, in any order, in one sentence."""
    spans = []
    first, rest = seq.slots[0], seq.slots[1:]
    for start in _places(first, positions):
        span = [start]
        for slot in rest:
            near = [
                p
                for p in _places(slot, positions)
                if p not in span
                and abs(p - start) <= seq.gap + 1
                and (sentence[p] == sentence[start] or not seq.same_sentence)
            ]
            if not near:
                break
            span.append(near[0])
        else:
            spans.append(tuple(sorted(span)))
    return spans


def _places(slot: frozenset[str], positions: Mapping[str, list[int]]) -> list[int]:
    """Where any word of a slot occurs, in order."""
    if len(slot) == 1:
        return positions.get(next(iter(slot)), [])
    return sorted(p for token in slot & positions.keys() for p in positions[token])


def _whole(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """True when the match is the whole message, but for sentence ends and small talk."""
    filler = words.get("whole_fillers", frozenset())
    inside = set(span)
    return all(
        position in inside or token == BOUNDARY or token in filler
        for position, token in enumerate(tokens)
    )


def _asks_what(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """A hedge that names what is not known ("don't know what to say"): rule 2."""
    after = span[-1] + 1
    return after < len(tokens) and tokens[after] in words.get("unknowns", frozenset())


def _negated_inside(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """A negation between an idiom's words takes its innocent reading back: "rope ... not for
    camping" explains nothing (while "not killing it" is still only an idiom)."""
    negators = words.get("negators", frozenset()) | words.get("more_negators", frozenset())
    gaps = set(range(span[0], span[-1])) - set(span)
    return any(tokens[position] in negators for position in gaps)


def _undone_in_general(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """Whether a denial of danger in general ("i'm safe") is undone (rule 2): negated or made
    a condition just before ("no estoy a salvo", "non sono al sicuro", "asked if i am safe"),
    or followed in the message by a contrast ("i'm safe, but i already took them", "sono al
    sicuro, ma ..."), or told in a message that says more than GENERAL_DENIAL_REST words
    besides: a plain answer settles, a story tells more than the answer ("io sto bene, sto
    al sicuro. è Lorenzo: ...")."""
    before = tokens[span[0] - 1] if span[0] else BOUNDARY
    undo_before = (
        words.get("negators", frozenset())
        | words.get("more_negators", frozenset())
        | words.get("near_negators", frozenset())
        | words.get("conditions", frozenset())
    )
    contrasts = words.get("contrasts", frozenset())
    if before in undo_before or any(token in contrasts for token in tokens[span[-1] + 1 :]):
        return True
    # a plain answer, not a story: what else the message says is short
    rest = (token for position, token in enumerate(tokens) if position not in span)
    return model_words(rest) > GENERAL_DENIAL_REST


def _says_more(tokens: tuple[str, ...], settled: set[int]) -> bool:
    """Whether a message says MIN_WORDS words or more besides its denials and idioms: only
    then may the model read concern in it (rule 6). "i'm not in any danger" or "i resisted
    the urge to cut" says nothing besides."""
    rest = (token for position, token in enumerate(tokens) if position not in settled)
    return words(rest) >= MIN_WORDS


def _denial(
    tokens: tuple[str, ...],
    span: tuple[int, ...],
    words: Mapping[str, frozenset[str]],
    *,
    theirs: bool = False,
) -> int | None:
    """Where a negation just before the match (only filler words between), or inside its
    gaps, begins; None when there is none.

    "no" and its kin count only when no "i" stands between or begins the match ("no urge
    to cut"), so that "no, i want to die" and "non, je veux mourir" are not read as denials;
    an answer word before a comma is a sentence of its own already (_ANSWER: "no, quiero
    morir"). A clitic right after the negation goes with it: "no me quiero morir" denies.
    """
    negators = words.get("negators", frozenset()) | words.get("more_negators", frozenset())
    start = span[0]
    gaps = set(range(start, span[-1])) - set(span)
    if any(tokens[position] in negators for position in gaps):
        return start
    near = words.get("near_negators", frozenset())
    fillers = words.get("fillers", frozenset())
    ends = words.get("negation_ends", frozenset())
    clitics = words.get("clitics", frozenset())
    if theirs:  # "no se quiere morir", "non si vuole uccidere": their wish denied
        clitics |= words.get("other_clitics", frozenset())
    clitic_negators = words.get("clitic_negators", frozenset())
    between: set[str] = set()
    for position in range(start - 1, max(start - 2 - NEGATION_LOOKBACK, -1), -1):
        token = tokens[position]
        if token in clitics and position > 0 and tokens[position - 1] in clitic_negators:
            continue  # "no me quiero morir": the negation takes its clitic with it
        doubled = position > 0 and tokens[position - 1] in negators  # "can not stop"
        doubled = doubled or tokens[position + 1] in ends  # "nicht mehr leben": one negation
        if token in negators and not doubled:
            return position
        if (
            token in near
            and not doubled
            and not between & words.get("self_subjects", set())
            and tokens[start] not in words.get("clause_subjects", frozenset())
        ):
            return position
        between.add(token)
        if token not in fillers:
            return None
    return None


def _someone_else(
    tokens: tuple[str, ...], span: tuple[int, ...], words: Mapping[str, frozenset[str]]
) -> bool:
    """True when the subject of the matched words is another person."""
    matched = {tokens[position] for position in span}
    if matched & words.get("self_words", frozenset()):
        return False
    if matched & words.get("other_reflexives", frozenset()):
        return True
    selves = words.get("self_subjects", frozenset())
    others = words.get("other_subjects", frozenset())
    start = span[0]
    if tokens[start] in others:  # the match names its subject: "daughter has been cutting"
        return True
    for position in range(start - 1, max(start - 1 - SUBJECT_LOOKBACK, -1), -1):
        token = tokens[position]
        if token == BOUNDARY:
            return False
        if token in selves:
            return False
        if token in others or _aged(tokens, position):
            return True
    return False


# "a part of me" before a third-person verb: the writer's own wish ("una parte de mí que
# quiere morirse", "une partie de moi veut mourir"); "parte" itself is read "party"
_PART_OF_ME = frozenset({("de", "mi"), ("de", "moi"), ("von", "mir"), ("de", "mim"), ("di", "me")})


def _whose(tokens: tuple[str, ...], span: tuple[int, ...], clitics: frozenset[str]) -> str:
    """Whose wish a `person: other` match tells of: "theirs", "object" when the writer is
    its object ("vuole uccidermi") or "me" stands before it ("me quiera morir", read "me
    quiere": the writer's, left to the first-person entries), "mine" when its subject is
    part of the writer."""
    after = span[-1] + 1
    if after < len(tokens) and tokens[after] in clitics:
        return "object"
    if span[0] > 0 and tokens[span[0] - 1] in clitics:
        return "object"  # "no es que me quiera morir" (read "quiere"): the writer's words
    start = span[0]
    before = range(max(0, start - 3), start - 1)
    if any((tokens[i], tokens[i + 1]) in _PART_OF_ME for i in before):
        return "mine"
    return "theirs"


def _aged(tokens: tuple[str, ...], position: int) -> bool:
    """A person named by their age: "my 14 year old" ("old" after "my xnum year")."""
    return (
        tokens[position] == "old"
        and position >= 3
        and tokens[position - 1] in ("year", "years", "yr", "yrs")
        and tokens[position - 3] in ("my", "our", "a", "his", "her", "their")
    )
