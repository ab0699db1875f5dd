"""Typed text -> a choice or a number on a scale, by the step's own question.

Rules for choices (`match_choice`):
1. "1", "2", … pick by position; a whole answer that is exactly a label or a synonym wins,
   and so does a last sentence that is ("I already answered this. No."), and a first
   clause that is, hedges aside ("mixed i guess. some days i hate them so much"); a bare
   yes or no first only when the rest names no other option ("no, the help now one").
2. Otherwise a label or synonym counts only where it stands in the text as whole words
   ("wait" in "ok i'll wait"; never "hate them" in "what do i want from them"), and not
   right after a negation ("not the wave"). The option whose phrase covers the most words
   wins, and only with a clear lead: a tie with another option is unclear, unless the
   text denies all but one of the tied options (a phrase of it later in the same clause
   as a negation: "I don't think she's in danger right now, but I'm worried").
   A word that ends the chat ("stop", "bye", "done") counts only as the whole message,
   with filler at most ("stop pls", "ok bye"): "part of me doesn't want to stop" is
   about self-injury, not about leaving. A common word as a one-word synonym ("want",
   "need", "feel", or a person: "me", "them") counts only in a message of three words at
   most: "i really want to cut right now" is no "What do I want from them?", "she'll shut
   me out" no "Looking after myself". "stopped" negates too ("its stopped bleeding").
3. Failing that, a label or synonym of three words or more with a word put in, once in
   each gap at most ("what exactly would you keep?" for "What would you keep?"; after its
   question word, up to three: "what sort of things would you keep?"), when only
   one option's does; then a label typed part way ("ride the wav") or with a small typo ("surff"
   for "surf") is forgiven: the whole text against the start of a label or a whole
   label or synonym, never a fragment in the middle of either.
4. A bare "ok", "thanks", "nah", "idk" picks the one option whose label says the same.
5. Politeness at either end ("4 po", "Add to it, please", "ok carry on") is left out.
6. A label's contractions may be typed without the apostrophe ("thats it for now", "im
   done", "dont keep anything"), and a phrase of two words as one ("checkin").
7. A word typed short, its last "g" dropped or as people text it ("easin a lil", "somethin
   to do"), or in Scots ("dinnae want tae tell"), is read as the options spell it, where
   one of them has that word.
8. What someone is thanked for is no option: "thank you for your help" never picks "Who can
   help".
9. A number given first picks by position too, with a hedge after it ("4 i think", "4 acho
   eu" glossed), an article or an "ok" before it ("ok el 1"), or as the first clause of a
   message that names no other number ("4, je viens de te l'expliquer").
Rules for scales (`read_scale`): a number in figures or words ("like a 9", "seven",
"7/10", "10000%": past the ends means the end; "3,5" and "3.5" round half up; "6/10" on a
scale of 1 to 5 is 3; given first and then only hedged, "3. maybe 3,5", the first), or a
phrase ("pretty strong", "about half", "not much"), read along the scale's own direction
(its `high` label). Numbers in words are read in Spanish, Portuguese, French, Italian and
German too ("uns cinco", "tipo sete", "environ huit", "vielleicht sieben"); a number word
that is also an everyday word ("one", "uno", "eins", Italian "sei" that is Portuguese
"I know", French "neuf" that is "new") counts only alone or after a hedge ("like", "tipo",
"circa", "etwa"). The articles "un", "une", "um", "uma", "ein" are never numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

THRESHOLD = 85.0  # a typo-forgiving match must score at least this (0-100)
MARGIN = 10.0  # and beat the next choice by this much, or it is unclear

_NOT_WORD = re.compile(r"[^\w]+")
# A contraction split by `normalise` ("that s", "don t", "i m"), to be put back whole.
_CONTRACTION = re.compile(r"\b(\w+) (s|t|m|re|ve|ll|d)\b")
_SENTENCE_END = re.compile(r"[.!?]+")
# Where a negation's reach ends: a sentence, a comma, a "but".
_CLAUSE = re.compile(r"[.!?,;]+|\bbut\b", re.IGNORECASE)
# Words that say nothing of which entry is meant ("the walk one", "my music").
_SMALL_WORDS = frozenset(
    ("the", "a", "an", "my", "one", "that", "this", "it", "to", "for", "of", "and", "i")
)
# Words around a request that name no entry ("take ice out of my toolbox please").
_FRAMING = frozenset(
    ("from", "out", "in", "toolbox", "list", "please", "pls", "can", "you", "could", "idea")
)
_NUMBER_WORDS = {
    "zero": 0,
    "none": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "hundred": 100,
    # es, pt, fr, it, de (accents folded, as `normalise` leaves them)
    **dict.fromkeys(("cero", "null"), 0),
    **dict.fromkeys(("uno", "eins"), 1),
    **dict.fromkeys(("dos", "dois", "duas", "deux", "due", "zwei"), 2),
    **dict.fromkeys(("tres", "trois", "tre", "drei"), 3),
    **dict.fromkeys(("cuatro", "quatro", "quatre", "quattro", "vier"), 4),
    **dict.fromkeys(("cinco", "cinq", "cinque", "funf", "fuenf"), 5),
    **dict.fromkeys(("seis", "sei", "sechs"), 6),
    **dict.fromkeys(("siete", "sete", "sept", "sette", "sieben"), 7),
    **dict.fromkeys(("ocho", "oito", "huit", "otto", "acht"), 8),
    **dict.fromkeys(("nueve", "nove", "neuf", "neun"), 9),
    **dict.fromkeys(("diez", "dez", "dix", "dieci", "zehn"), 10),
}
# Number words that are also everyday words: numbers only alone or after a hedge.
_LIKE_ONE = frozenset({"one", "uno", "eins", "sei", "neuf"})
_BEFORE_ONE = frozenset(
    {"a", "like", "about", "maybe", "around", "only", "just", "prob"}
    # es, pt, fr, it, de: "como", "unos", "tipo", "uns", "environ", "genre", "circa", "etwa"...
    | {"como", "unos", "unas", "quizas", "tipo", "uns", "umas", "talvez", "acho", "environ"}
    | {"genre", "peut", "etre", "circa", "forse", "sui", "verso", "etwa", "so", "ungefahr"}
    | {"vielleicht", "ca"}
)
# A number in figures, a decimal with a point or a comma ("3,5"), and what it is out of
# ("6/10", "7 out of 10", "3 von 10", "8 sur 10", "4 de 5", "6 su 10").
_NUMBER_OUT_OF = re.compile(
    r"(?P<n>-?\d+(?:[.,]\d+)?)(?:\s*(?:/|out of|of|von|sur|de|su|em)\s*(?P<of>\d+))?"
)
# Where a sentence ends for numbers: not the point of a decimal ("3.5").
_NUMBER_SENTENCE = re.compile(r"(?:[!?;]|\.(?!\d))+")
_PERCENT = re.compile(r"(\d+)\s*(?:%|percent|per cent)")
_NEGATION = frozenset(
    {"not", "no", "never", "t", "dont", "cant", "wont", "didnt", "isnt", "nt", "doesnt", "wasnt"}
    | {"arent", "hasnt", "havent", "aint", "stopped"}  # "its stopped bleeding": no more of it
    | {"dinnae", "didnae", "cannae", "isnae", "wasnae", "wouldnae", "havnae"}  # Scots
)
# Words between a negation and what it turns ("not really close", "not that strong").
_SOFTENING = frozenset({"really", "very", "that", "so", "too", "even", "all", "rly", "exactly"})
# How far along a scale a phrase puts it (0 the low end, 1 the high end), longest first.
# Intensity: how much of something (an urge, how much a thing helped).
_INTENSITY: tuple[tuple[str, float], ...] = (
    ("through the roof", 1.0),
    ("off the charts", 1.0),
    ("not at all", 0.0),
    ("not really", 0.2),
    ("not much", 0.2),
    ("not very", 0.2),
    ("not that strong", 0.3),
    ("not too bad", 0.3),
    ("about half", 0.5),
    ("half and half", 0.5),
    ("so so", 0.5),
    ("a little", 0.2),
    ("a bit", 0.3),
    ("a lot", 0.8),
    ("really strong", 0.9),
    ("very strong", 0.9),
    ("so strong", 0.9),
    ("super strong", 0.9),
    ("really bad", 0.9),
    ("so bad", 0.9),
    ("pretty strong", 0.8),
    ("quite strong", 0.7),
    ("fairly strong", 0.7),
    ("pretty bad", 0.8),
    ("strongest", 1.0),
    ("unbearable", 1.0),
    ("overwhelming", 1.0),
    ("worst", 1.0),
    ("max", 1.0),
    ("maximum", 1.0),
    ("extreme", 1.0),
    ("extremely", 1.0),
    ("intense", 0.9),
    ("huge", 0.9),
    ("strong", 0.7),
    ("high", 0.8),
    ("bad", 0.7),
    ("big", 0.7),
    ("lots", 0.8),
    ("loads", 0.8),
    ("medium", 0.5),
    ("moderate", 0.5),
    ("middle", 0.5),
    ("half", 0.5),
    ("meh", 0.5),
    ("some", 0.5),
    ("somewhat", 0.5),
    ("mild", 0.3),
    ("low", 0.2),
    ("weak", 0.2),
    ("slight", 0.2),
    ("barely", 0.1),
    ("hardly", 0.1),
    ("tiny", 0.1),
    ("gone", 0.0),
    ("nothing", 0.0),
)
# Feeling: how good a day is, on a scale whose high end is good ("really good").
_FEELING: tuple[tuple[str, float], ...] = (
    ("really good", 1.0),
    ("very good", 1.0),
    ("great", 1.0),
    ("amazing", 1.0),
    ("not too bad", 0.6),
    ("not bad", 0.6),
    ("not good", 0.25),
    ("not great", 0.3),
    ("pretty good", 0.8),
    ("good", 0.75),
    ("fine", 0.6),
    ("alright", 0.5),
    ("ok", 0.5),
    ("okay", 0.5),
    ("so so", 0.5),
    ("meh", 0.5),
    ("really bad", 0.0),
    ("really hard", 0.0),
    ("awful", 0.0),
    ("terrible", 0.0),
    ("horrible", 0.0),
    ("worst", 0.0),
    ("shit", 0.1),
    ("crap", 0.1),
    ("pretty bad", 0.15),
    ("bad", 0.2),
    ("hard", 0.2),
    ("low", 0.2),
    ("rough", 0.2),
)
# Words that, in a longer message, say little about which option is meant (rule 2).
_WEAK = frozenset(
    {"hi", "hello", "hey", "ok", "okay", "more", "yes", "no", "sure", "fine", "later", "bye"}
    | {"back", "menu", "now", "how", "other", "try", "urge", "wave"}
)
_GREETINGS = frozenset({"hi", "hello", "hey"})
# Rule 2: common words that, as a one-word synonym, name their option only in a short
# message ("what i want"): in a longer one they say something else ("i really want to cut
# right now" is no "What do I want from them?").
_COMMON = frozenset(
    {"want", "need", "think", "feel", "feeling", "make", "see", "go", "going", "get", "still"}
    | {"for", "off", "all", "another", "maybe", "idk"}
    # "skip" (and the verbs glossed as it: "je passe", "paso", "passo") in a longer message
    # says something else ("je passe mon temps à cacher": I spend my time hiding)
    | {"skip", "pass"}
    # a person as a one-word synonym ("me" for "Looking after myself"): "she'll shut me
    # out" is what another might do, not that option ("myself" still is: "how do i look
    # after myself")
    | {"me", "mine", "you", "them", "her", "him", "us"}
)
# Rule 1: words that hedge an answer put first ("mixed i guess", "maybe the first").
_HEDGES = frozenset({"maybe", "probably", "prob", "tbh", "honestly", "idk", "lol", "i", "think"})
_REACTIONS = frozenset({"no", "nah", "nope", "yes", "yeah", "yep", "ok", "okay", "sure", "k"})
# A question word alone as a synonym ("what" for "What would you keep?") says nothing in a
# longer message, which asks a question of its own.
_ASKING = frozenset({"what", "who", "when", "where"})
# Rule 2: words that end the chat, and the filler they may come with as a whole message.
_LEAVING = frozenset({"stop", "bye", "done", "quit", "exit", "end", "later", "nothing", "leave"})
_LEAVING_FILLER = _LEAVING | frozenset(
    {"ok", "okay", "k", "please", "pls", "plz", "now", "for", "just", "lol", "thanks", "thx"}
    | {"ty", "i", "m", "im", "am", "so", "then", "that", "s", "all", "it", "can", "we", "let"}
    | {"lets", "here", "today", "else", "this", "chat", "talking", "yeah", "yes", "sorry"}
    | {"actually", "no", "nah", "thank"}
    | {"you", "u", "bye", "the", "there", "good", "night", "na", "po", "ako", "ko", "muna"}
)
# Rule 4: "that's all", said as the whole message.
_THATS_ALL = frozenset(
    {"thats all", "that s all", "thats it", "that s it", "im good", "i m good"}
    | {"nah thats it", "nah that s it", "done", "im done", "i m done", "thats all thx"}
    | {"that s all thanks", "thats all thanks", "no thats all", "nothing else"}
)
# Rule 4: a yes that only says it is fine ("yes thats fine", "ya sure thats grand").
_FINE = ("thats fine", "that s fine", "thats ok", "that s ok", "thats okay", "that s okay")
_FINE_BY_ME = frozenset(
    f"{yes}{fine}".strip()
    for yes in ("", "yes ", "yeah ", "ya ", "yep ", "sure ", "ok ", "yes sure ", "ya sure ")
    for fine in (*_FINE, "thats grand", "that s grand", "fine by me", "sounds good", "fine")
) - {"fine", "ok fine"}
# Rule 4: short answers, and how the labels that mean the same begin.
_INTENTS: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (
        frozenset({"ok", "okay", "k", "kk", "cool", "alright", "sure", "fine", "ready", "yep"})
        | {"ok thanks", "ok thank you", "okay thanks", "got it", "ok cool", "ok yep", "ok fine"}
        | {"lets do it", "let s do it", "ok lets do it", "ok let s do it", "go on", "ok go on"}
        | {"i will try", "ok i will try", "im ready", "i m ready"},
        ("ok", "okay", "i m ready", "let s", "carry on", "go on", "got it", "yes let s"),
    ),
    (
        frozenset({"ty", "thx", "thanks", "thank you", "thanks so much", "ta", "cheers"}),
        ("okay thank", "ok thank", "thank", "that s all", "that s it"),
    ),
    (
        _THATS_ALL,
        ("that s all", "that s it", "stop for now", "i m done", "done for now", "not now"),
    ),
    (
        frozenset({"nah", "nope", "no", "no thanks", "not now", "not rn", "nah not rn", "later"})
        | {"hindi", "hindi naman", "wala", "wala naman", "later na"}  # Tagalog: no, none
        | {"hapana", "apana", "hapana asante"},  # Swahili and Sheng: no
        (
            *("not now", "not right now", "no ", "no,", "maybe later", "not today"),
            *("stop for now", "i ll try it later", "later"),
        ),
    ),
    (
        frozenset({"idk", "dunno", "not sure", "i m not sure", "im not sure", "no idea"})
        | {"i dont know", "i don t know", "don t know", "dont know", "unsure", "idk tbh"},
        ("i m not sure", "not sure", "i don t know", "don t know", "i m unsure", "unsure"),
    ),
    (
        frozenset({"ye", "ya", "yea", "yeah", "yep", "yup", "yes", "sure", "yes please", "y"})
        | {"oo", "opo", "oo po", "yes po", "sige", "sige po"}
        | {"ndio", "ndiyo"}  # Swahili and Sheng: yes
        | _FINE_BY_ME,
        ("yes", "yeah", "ok", "okay"),
    ),
)
# Rule 5: words of politeness around an answer say nothing of which ("4 po", "Add to it,
# please", "carry on pls"): left out at either end.
_polite = re.compile(
    r"^(?:(?:please|pls|plz|ok|okay|um|uhm|uh|hmm|well|oh|ugh) )+|"
    r"(?: (?:po|please|pls|plz|lang|na|thanks|thank you|thx|ty|then|tbh|lol|haha))+$"
)
# What someone is thanked for names no option (rule 8): "thank you for your help" is thanks.
_THANKED_FOR = re.compile(
    r"\b(?:thank you|thanks|thank u|thx|ty) (?:so much |a lot )?for (?:your |the |all the |all "
    r"your |all )?(?:help|helping|support|time|listening|advice|info|information)\b",
    re.IGNORECASE,
)
# Small talk (`small_talk`): thanks, goodbye, a bare "ok", when no option is meant.
_THANKS = frozenset({"thanks", "thank", "thx", "ty", "tysm", "cheers", "ta", "thankyou", "thnx"})
_THANKS |= frozenset({"tnx", "salamat", "danke", "merci", "gracias"})
_BYE = (
    "bye", "goodbye", "bye bye", "cya", "see ya", "see you", "good night", "goodnight", "gtg",
    "gotta go", "got to go", "that s all", "thats all", "that is all", "that s it for",
    "thats it for", "that will do", "that ll do", "done for today", "enough for today",
    "i m going now", "im going now", "i m going to bed", "im going to bed", "i m going to sleep",
    "im going to sleep", "i m going to go", "im going to go", "i m going out", "im going out",
    "i m going to his", "im going to his", "i m going to her", "im going to her",
    "i m gonna go", "im gonna go", "i ll go now", "ill go now", "ok na po ako", "i m off",
    "im off", "signing off", "leaving now", "gn", "gnight", "nite", "night night", "nighty night",
)  # fmt: skip
# Leaving, said as the whole message ("stop for now", "nah that's it").
_BYE_WHOLE = frozenset(
    {"stop for now", "stop", "that s it", "thats it", "nah that s it", "nah thats it", "done"}
    | {"i m done", "im done", "done for now", "that s all", "thats all", "no that s it"}
    | {"that s it for now", "thats it for now", "that s all for now", "thats all for now"}
)
_OK = frozenset({"ok", "okay", "okey", "k", "kk", "alright", "understood", "noted", "cool"})
_OK |= frozenset({"ya", "yeah", "yep", "yes", "yup", "ye", "yea", "oo", "sige", "sure", "right"})
_OK_TOO = frozenset({"po", "lol", "tbh", "ngl", "then", "so", "oh", "ah", "i", "see", "got"})
_OK_TOO |= frozenset({"it", "that", "s", "thats", "is", "reassuring", "makes", "sense", "good"})
_OK_TOO |= frozenset({"great", "nice", "fair", "enough", "true", "haha", "hm", "hmm", "mm"})
_DECLINE = frozenset({"no", "not", "nah", "nope", "dont", "don", "never", "stop"})
_PUT = ("put", "say", "write", "type")
# `not_known`: a whole message that says "I don't know", and the filler around it.
_NOT_KNOWN = frozenset(
    {"idk", "idek", "dunno", "i dunno", "i don t know", "i dont know", "i do not know", "no idea"}
    | {"not sure", "i m not sure", "im not sure", "no clue", "not a clue", "don t know"}
    | {"dont know", "i really don t know", "i really dont know", "can t think", "cant think"}
    | {"i can t think of anything", "i cant think of anything", "nothing comes to mind"}
    | {"hmm", "hm", "umm", "um", "no se", "yo no se", "ewan", "ewan ko", "hindi ko alam"}
    | {f"{i} what to {verb}" for i in ("i don t know", "i dont know", "idk") for verb in _PUT}
)
_NOT_KNOWN_FILLER = frozenset({"lol", "tbh", "honestly", "really", "yet", "sorry", "haha", "ngl"})
_GOOD_HIGH = re.compile(r"\b(?:good|great|well|happy|fine)\b")


def normalise(text: str) -> str:
    """Lowercase, accents folded, punctuation to spaces, spaces collapsed: "Ride it out!" ->
    "ride it out"; "São Paulo" -> "sao paulo"; "não" -> "nao"."""
    folded = "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    )
    return " ".join(_NOT_WORD.sub(" ", folded).replace("_", " ").split())


def names_label(text: str, label: str) -> bool:
    """Whether `text` is `label` typed as a whole, small words around it aside ("the
    when people ask one"), or with its last "them" or "it" said as what it stands for
    ("learning to accept my scars" for "Learning to accept them")."""
    typed = [w for w in normalise(text).split() if w not in _AROUND_A_LABEL]
    said = normalise(label).split()
    if typed == said:
        return True
    if len(said) < 2 or said[-1] not in ("them", "it"):
        return False
    told = normalise(text).split()[len(said) - 1 :]
    return (
        normalise(text).split()[: len(said) - 1] == said[:-1]
        and 2 <= len(told) <= 3
        and told[0] in _STANDS_FOR
    )


_AROUND_A_LABEL = frozenset({"the", "one", "please", "pls", "po", "ok", "okay", "yeah", "um"})
_STANDS_FOR = frozenset({"my", "the", "those", "these", "his", "her", "their", "our"})


def plain(text: str) -> str:
    """`text` normalised, without politeness at either end (rule 5): "Skip po" -> "skip"."""
    return _polite.sub("", normalise(text)) or normalise(text)


def numbered(text: str) -> int | None:
    """The option number `text` is on its own: "4", "option 4", "number 4", "no. 4", "#4",
    "the 4th one"; None for anything else ("4pm", "at 4", "4 times")."""
    typed = normalise(text.replace("#", " number "))
    if typed.isdecimal():
        return int(typed)
    found = _NUMBERED.match(typed)
    if found is None:
        return None
    return int(found.group(1) or found.group(2))


_NUMBERED = re.compile(
    r"^(?:(?:option|number|no|choice)\s+(\d{1,2})|"
    r"(?:the\s+)?(\d{1,2})\s*(?:st|nd|rd|th)(?:\s+(?:one|option|choice))?)$"
)


def match_choice(text: str, options: Sequence[Sequence[str]]) -> int | None:
    """The index of the option `text` clearly means, or None when unclear (rules 1-3).

    Each option is its label followed by its synonyms.
    """
    said = [_with_contractions_whole(option) for option in options]
    text = _respelled(_THANKED_FOR.sub("thanks", text), said)
    typed = plain(text)
    if not typed:
        return None
    exact = [i for i, phrases in enumerate(said) if typed in phrases]
    if len(exact) == 1:
        return exact[0]
    last = normalise(([""] + [p for p in _SENTENCE_END.split(text) if normalise(p)])[-1])
    exact = [i for i, phrases in enumerate(said) if last != typed and last in phrases]
    if len(exact) == 1:
        return exact[0]
    first = _answered_first(text, said)
    if first is not None:
        return first
    number = numbered(typed)
    if number is None:
        number = _number_first(text)  # rule 9: "4 i think", "4, je viens de te l'expliquer"
    if number is not None:
        return number - 1 if 1 <= number <= len(options) else None
    words = typed.split()
    intent = _intent(typed, said)
    if intent is not None:
        return intent
    covered = sorted(
        (
            (max((_covers(words, p) for p in phrases), default=0), i)
            for i, phrases in enumerate(said)
        ),
        reverse=True,
    )
    if covered and covered[0][0] > 0:
        tied = [i for size, i in covered if size == covered[0][0]]
        if len(tied) > 1:
            kept = [i for i in tied if not _denied(text, said[i])]
            return kept[0] if len(kept) == 1 else None
        return covered[0][1]
    spread = {i for i, phrases in enumerate(said) for p in phrases if _spread(words, p)}
    if len(spread) == 1:
        return spread.pop()
    begun = {i for i, phrases in enumerate(said) for p in phrases if _begins(typed, p)}
    if len(begun) == 1:
        return begun.pop()
    return _typo(typed, said)


def _number_first(text: str) -> int | None:
    """Rule 9: the option number a message gives first, hedged, after an article or an
    "ok", or as its first clause when no other number follows; None for anything else."""
    typed = normalise(text)
    found = _NUMBER_FIRST.match(typed)
    if found is not None:
        return int(found.group(1) or found.group(2))
    clauses = _CLAUSE_END.split(text, maxsplit=1)
    rest = clauses[1] if len(clauses) > 1 else ""
    head = normalise(clauses[0])
    if head.isdecimal() and len(head) <= 2 and not re.search(r"\d", rest):
        return int(head)
    return None


_NUMBER_FIRST = re.compile(
    r"^(?:(?:ok|okay|so|um|uh|hmm|the|el|la|le|il|o|a|der|die|das)\s+)*(\d{1,2})"
    r"(?:\s+(?:i think|i guess|maybe|probably|please|pls|plz|thanks|thank you|then|i suppose))+$"
    r"|^(?:ok|okay|so|um|uh|hmm)?\s*(?:the|el|la|le|il|o|a|der|die|das)\s+(\d{1,2})$"
)
_CLAUSE_END = re.compile(r"[,.;:!?]+")


def _respelled(text: str, said: list[list[str]]) -> str:
    """Rule 7: a word typed short ("easin", "helpin", "lil") spelled as the options spell
    it ("easing", "little"), only where an option has that word."""
    known = {word for phrases in said for phrase in phrases for word in phrase.split()}

    def spelled(match: re.Match[str]) -> str:
        word = normalise(match.group())
        if word in known:
            return match.group()
        for whole in (f"{word}g", _SHORTHAND.get(word, "")):
            if whole in known:
                return whole
        return match.group()

    return re.sub(r"\w+", spelled, text)


_SHORTHAND = {
    **{"lil": "little", "ppl": "people", "sth": "something", "smth": "something"},
    **{"nite": "night", "tonite": "tonight", "rly": "really", "abt": "about", "bc": "because"},
    **{"cuz": "because", "cos": "because"},
    # Scots, as a Glaswegian types it ("dinnae want tae tell anyone", "what wid i put")
    **{"dinnae": "dont", "didnae": "didnt", "cannae": "cant", "wouldnae": "wouldnt"},
    **{"isnae": "isnt", "wasnae": "wasnt", "havnae": "havent", "tae": "to", "wid": "would"},
    **{"masel": "myself", "naw": "no", "aye": "yes", "wee": "little", "dae": "do"},
}


def _with_contractions_whole(option: Sequence[str]) -> list[str]:
    """An option's phrases normalised, each also with its contractions whole, as people
    type them without the apostrophe (rule 6): "that s it for now" and "thats it for now";
    and a phrase of two words also as one ("check in" and "checkin": `joined`)."""
    phrases = [normalise(p) for p in option if normalise(p)]
    whole = [_CONTRACTION.sub(r"\1\2", p) for p in phrases]
    one_word = [word for p in phrases if (word := joined(p)) is not None]
    return list(dict.fromkeys([*phrases, *whole, *one_word]))


def joined(phrase: str) -> str | None:
    """A phrase of two words as people type it in one (rule 6): "check in" ("check-in") ->
    "checkin", "safety plan" -> "safetyplan"; None for any other phrase."""
    words = normalise(phrase).split()
    return "".join(words) if len(words) == 2 and all(len(w) > 1 for w in words) else None


def _answered_first(text: str, said: list[list[str]]) -> int | None:
    """Rule 1: the answer first, hedges aside, then more about it ("mixed i guess. some
    days i hate them"): the option the first clause is exactly; a bare yes or no only
    when the rest names no other option."""
    clauses = [normalise(c) for c in _CLAUSE.split(text) if normalise(c)]
    if len(clauses) < 2:
        return None
    first = " ".join(w for w in f" {clauses[0]} ".replace(" i guess ", " ").split())
    first = " ".join(w for w in first.split() if w not in _HEDGES)
    thanked = first.split()
    if len(thanked) >= 2 and thanked[0] in _REACTIONS and set(thanked[1:]) <= _THANKS | {"you"}:
        first = thanked[0]  # "no thanks, no need for reminders for now": a bare no first
    exact = [i for i, phrases in enumerate(said) if first in phrases]
    if len(exact) != 1 or first in _GREETINGS or first in _THANKS:
        return None  # "hello. i was clean for 5 months but ..." says hello first
    if first not in _REACTIONS:
        return exact[0]
    # a bare "no" first may be corrected after ("no, the help now one")
    rest = " ".join(clauses[1:]).split()
    named = {i for i, phrases in enumerate(said) for p in phrases if _covers(rest, p)}
    return exact[0] if named <= {exact[0]} else None


def small_talk(text: str) -> str | None:
    """What a message says when it answers no option but is plain small talk: "bye" (leaving:
    "ok im going to his place now. thanks", "that is all for now", a last sentence that
    only says goodbye: "no, not heavy. thanks, bye"), "thanks" ("thx",
    "thanks, that actually helps a lot") or "ok" (a bare "ok", "ya", "oh ok i see"); else
    None. Never a question, nor a decline ("no thanks")."""
    if plain(text) in _BYE_WHOLE and "?" not in text:
        return "bye"
    sentences = [part for part in _SENTENCE_END.split(text) if normalise(part)]
    if len(sentences) > 1 and small_talk(sentences[-1]) == "bye" and "?" not in text:
        return "bye"  # "no, it's not heavy. thanks, goodbye": leaving, said last
    words = normalise(text).split()
    if not words or "?" in text or _DECLINE & set(words[:2]):
        return None
    padded = f" {' '.join(words)} "
    if len(words) <= 16 and any(f" {phrase} " in padded for phrase in _BYE):
        return "bye"
    if len(words) <= 14 and _THANKS & set(words):
        return "thanks"
    if len(words) <= 6 and _OK & set(words) and set(words) <= _OK | _OK_TOO:
        return "ok"
    return None


def before_goodbye(text: str) -> str | None:
    """What `text` says before a goodbye said last, when it says something else first ("it
    felt a little bit okay actually. thanks. bye"); None for no goodbye said last."""
    sentences = [part for part in _SENTENCE_END.split(text) if normalise(part)]
    if len(sentences) < 2 or small_talk(sentences[-1]) != "bye":
        return None
    rest = ". ".join(sentences[:-1])
    return rest if small_talk(rest) is None else None


def only_leaving(text: str) -> bool:
    """Whether the whole message only leaves: a word that ends the chat with filler at most
    ("stop pls", "done na po ako"), or a short "that's all" ("im good", "nah thats it")."""
    typed = plain(text)
    words = set(normalise(text).split())
    return typed in _THATS_ALL or (bool(words & _LEAVING) and words <= _LEAVING_FILLER)


def not_known(text: str) -> bool:
    """Whether the whole message says only "I don't know" ("idk", "dunno lol", "no idea",
    "not sure tbh", "?"): no answer to keep, however a step asks for words."""
    words = [w for w in normalise(text).split() if w not in _NOT_KNOWN_FILLER]
    said = " ".join(words)
    return said in _NOT_KNOWN or (not said and "?" in text)


def match_entry(text: str, entries: Sequence[str]) -> int | None:
    """The index of the one entry of the person's own (a toolbox idea, a safe person) that
    has every word typed ("walk" for "Go for a walk", "music" for "Music that calms me"),
    small words aside; None when no entry or several do. Their own words, unlike a label,
    are known by any of their words."""
    words = [w for w in normalise(text).split() if w not in _SMALL_WORDS]
    if not words:
        return None
    found = [i for i, entry in enumerate(entries) if set(words) <= set(normalise(entry).split())]
    return found[0] if len(found) == 1 else None


def leftover(text: str, phrases: Sequence[str]) -> str:
    """`text` without the words of `phrases` (a choice's label and synonyms) and words
    that only frame a request ("from my toolbox", "please"): "remove ice from my toolbox"
    with "remove" leaves "ice"."""
    said = {word for phrase in phrases for word in normalise(phrase).split()}
    return " ".join(
        word
        for word in normalise(text).split()
        if word not in said and word not in _FRAMING and word not in _SMALL_WORDS
    )


def parse_number(text: str) -> int | None:
    """The one number in `text`: "7", "7/10", "7 out of 10", "about 7", "seven", "3,5" (a
    decimal, rounded half up); else None. Rule for scales: see `out_of`."""
    found = out_of(text)
    return found[0] if found is not None else None


def out_of(text: str) -> tuple[int, int | None] | None:
    """The one number in `text`, and what it is out of when it says ("6/10", "3 von 10"):
    a number given first and then only hedged ("3. maybe 3,5", "like an 8?? maybe 7") is
    the first; two numbers side by side ("3 or 4", "7-8") are none."""
    typed = text.casefold().strip()
    said = [_numbers(part) for part in _NUMBER_SENTENCE.split(typed)]
    numbers = [n for part in said for n in part]
    if not numbers:
        return _number_in_words(typed)
    first = next(part for part in said if part)
    if len(first) != 1:
        return None
    value, whole = first[0]
    if any(abs(other - value) > 1 for other, _ in numbers):
        return None  # "5. no wait 8": a correction, not a hedge
    return _half_up(value), whole


def _numbers(sentence: str) -> list[tuple[float, int | None]]:
    """The numbers of a sentence, each with what it is out of ("6/10": 6 of 10)."""
    found: list[tuple[float, int | None]] = []
    for match in _NUMBER_OUT_OF.finditer(sentence):
        value = float(match.group("n").replace(",", "."))
        whole = match.group("of")
        found.append((value, int(whole) if whole else None))
    return found


def _number_in_words(typed: str) -> tuple[int, int | None] | None:
    said = normalise(typed).split()
    found = [(n, _NUMBER_WORDS[w]) for n, w in enumerate(said) if w in _NUMBER_WORDS]
    if len(found) != 1:
        return None
    at, number = found[0]
    # "one" is a number only alone or after "a", "like", "about" ("the urge one" is not)
    if said[at] in _LIKE_ONE and len(said) > 1 and (at == 0 or said[at - 1] not in _BEFORE_ONE):
        return None
    return number, None


def _half_up(value: float) -> int:
    return math.floor(value + 0.5)


def read_scale(text: str, *, low: int, high: int, high_label: str | None = None) -> int | None:
    """A point on the scale `low`..`high` from a number or a phrase; None when there is none.

    A number past an end means that end ("10000%", "11/10"); a percentage is a share of
    the scale. `high_label` (the scale's own word for its high end) says which way words
    go: "really good" at the top reads "good" high, "the strongest" reads "strong" high.
    """
    typed = normalise(text)
    percent = _PERCENT.search(text.casefold())
    if percent:
        share = min(int(percent.group(1)), 100) / 100
        return low + round(share * (high - low))
    found = out_of(text)
    if found is not None:
        number, whole = found
        if whole and whole != high:  # "6/10" on a scale of 1 to 5 is 3
            number = _half_up(number * high / whole)
        return min(max(number, low), high)
    feeling = bool(high_label and _GOOD_HIGH.search(normalise(high_label)))
    padded = f" {typed} "
    for phrase, share in _FEELING if feeling else _INTENSITY:
        at = padded.find(f" {phrase} ")
        if at >= 0 and not _negated(padded[:at].split(), phrase):
            return low + round(share * (high - low))
    return None


def _covers(words: list[str], phrase: str) -> int:
    """How many words `phrase` covers where it stands in `words` as whole words, not just
    after a negation (rule 2); 0 when it does not. A weak word ("hi", "ok", "more") counts
    in a longer message only as its first word."""
    size = len(phrase.split())
    target = phrase.split()
    if phrase in _ASKING and len(words) > 2:  # "what do i do now" asks its own question
        return 0
    if phrase in _WEAK and len(words) > 3:
        return 1 if words[0] == phrase and phrase not in _GREETINGS else 0
    if phrase in _COMMON and len(words) > 3:
        return 0  # a common word, in a longer message, says something else (rule 2)
    if phrase in _LEAVING and not set(words) <= _LEAVING_FILLER:
        return 0  # leaving: only the whole message says it (rule 2)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == target and not _negated(words[:start], phrase):
            return size
    return 0


def _intent(typed: str, said: list[list[str]]) -> int | None:
    """Rule 4: a bare "ok", "thanks", "nah", "that's all" picks the one option whose label
    says the same ("Okay, I notice it", "That's all for now"), if only one does."""
    for answers, starts in _INTENTS:
        if typed in answers:
            found = [i for i, p in enumerate(said) if p and p[0].startswith(starts)]
            if len(found) == 1:
                return found[0]
    return None


def _spread(words: list[str], phrase: str) -> bool:
    """Rule 3: `phrase` (three words or more) in `words` in order, with at most one word
    put in each gap, and not after a negation."""
    target = phrase.split()
    if len(target) < 3:
        return False
    for start, word in enumerate(words):
        if word != target[0] or _negated(words[:start], phrase):
            continue
        at, found = start, 1
        while found < len(target):
            # after a question word, a kind of thing ("what sort of things would you keep")
            wide = found == 1 and target[0] in _ASKING | {"which", "how"}
            ahead = words[at + 1 : at + (5 if wide else 3)]
            if target[found] not in ahead:
                break
            at += 1 + ahead.index(target[found])
            found += 1
        if found == len(target):
            return True
    return False


def _begins(typed: str, phrase: str) -> bool:
    """A label typed part way, cut short ("ride the wav" for "ride the wave with me"):
    whole words but the last, at least two words and eight letters."""
    return len(typed) >= 8 and " " in typed and phrase.startswith(typed) and typed != phrase


def _negated(before: list[str], phrase: str) -> bool:
    """Whether a negation stands right before `phrase`, or before a softening word that
    stands right before it ("not really close", "not very strong")."""
    if phrase.split()[0] in _NEGATION:
        return False
    softened = len(before) > 1 and before[-1] in _SOFTENING
    listed = len(before) > 2 and before[-1] in ("or", "nor")  # "not red or swollen"
    return bool(before) and (
        before[-1] in _NEGATION
        or (softened and before[-2] in _NEGATION)
        or (listed and _negated(before[:-2], before[-2]))
    )


def _denied(text: str, phrases: list[str]) -> bool:
    """Whether a phrase stands later in a clause of `text` than a negation ("don't think
    she's in danger"): the text says the option is not so."""
    for clause in _CLAUSE.split(text):
        words = normalise(clause).split()
        for at, word in enumerate(words):
            if word in _NEGATION and any(
                _covers(words[at + 1 :], p) for p in phrases if p.split()[0] not in _NEGATION
            ):
                return True
    return False


def _typo(typed: str, said: list[list[str]]) -> int | None:
    """Rule 3: the whole answer against whole phrases of four letters or more."""
    if len(typed) < 4:
        return None
    scores = sorted(
        (
            (max((fuzz.ratio(typed, p) for p in phrases if len(p) >= 4), default=0.0), i)
            for i, phrases in enumerate(said)
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < THRESHOLD:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < MARGIN:
        return None
    return scores[0][1]
