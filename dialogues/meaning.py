"""Typed words at a menu read by what they mean, when `matching.match_choice` finds no
option by its label or synonyms (dialogues/engine.py, rule 8).

Rules:
1. Words, not letters. Each word is cut to a simple stem ("hiding", "hides", "hide" ->
   "hid"; "scars" -> "scar"; "worried" -> "worry"); small words that say nothing of which
   option is meant ("the", "i", "what", "please", "now", "back") and words too common to
   ("feel", "help", "today", "stop") are left out; words for the same person or place
   are one ("boyfriend" and "wife" are "partner", "gp" is "doctor", "funny" is
   "humour", "my mom" is "family"); a word is never matched by a piece of it
   ("boyfriend" is not "friend").
2. A word after a negation in the same clause stands apart: "don't write" is "not write".
   It matches an option that says "don't write anything" and rules out one that says
   "write it again".
3. An option is known by the stems of its label and synonyms that no other option of the
   step has. Its score is how many typed stems are such; an option the text denies
   (rule 2) scores nothing.
4. An option is `meant` when it scores and no other does, unless it shares one word only
   with a message that has other words that mean something ("i hate my body" is no
   choice of "Moving my body"); a question is asked of the one option that answers it
   ("what do i say to her?"), unless it is long (seven such words or more). Otherwise the
   best option, when it leads, is only hinted (`meant` false: "Did you mean …?"); a tie
   is nothing.
All of it is exact and ordered: the same text and options always read the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dialogues.matching import normalise

# Words that carry no meaning for which option is meant (rule 1).
_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "to", "of", "in", "on"}
    | {"at", "by", "for", "with", "from", "into", "about", "as", "up", "out", "off", "over"}
    | {"i", "me", "my", "mine", "myself", "you", "your", "yours", "u", "ur", "he", "him", "his"}
    | {"she", "her", "hers", "they", "them", "their", "theirs", "we", "us", "our", "it", "its"}
    | {"this", "that", "these", "those", "there", "here", "is", "am", "are", "was", "were"}
    | {"be", "been", "being", "do", "does", "did", "doing", "done", "have", "has", "had"}
    | {"having", "will", "would", "shall", "should", "can", "could", "may", "might", "must"}
    | {"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "just", "really"}
    | {"very", "too", "also", "even", "still", "only", "quite", "pretty", "kinda", "sorta"}
    | {"like", "maybe", "perhaps", "probably", "ok", "okay", "yeah", "yes", "yep", "yup", "ya"}
    | {"yea", "sure", "fine", "alright", "please", "pls", "plz", "thanks", "thank", "thx", "ty"}
    | {"lol", "haha", "tbh", "idk", "ngl", "rn", "po", "one", "ones", "thing", "things"}
    | {"stuff", "something", "anything", "everything", "nothing", "someone", "anyone"}
    | {"everyone", "somebody", "anybody", "get", "got", "go", "going", "gonna", "wanna", "want"}
    | {"need", "know", "think", "mean", "meant", "make", "let", "lets", "now", "right", "back"}
    | {"more", "other", "another", "some", "any", "all", "each", "every", "much", "many", "lot"}
    | {"lots", "im", "ive", "id", "ill", "youre", "theyre", "hes", "shes", "thats", "whats"}
    | {"theres", "hmm", "um", "uh", "oh", "well", "honestly", "actually", "mostly", "bit"}
    | {"tho", "though", "guess", "topics", "topic", "menu", "option"}
    # Tagalog's small words, as Taglish is typed ("may urge ako ngayon po", "yung mag-isa")
    | {"ako", "ko", "ikaw", "ka", "mo", "siya", "sya", "kami", "tayo", "sila", "ang", "ng"}
    | {"sa", "na", "pa", "lang", "naman", "yung", "ung", "mga", "ba", "kasi", "talaga", "din"}
    | {"rin", "ngayon", "nga", "eh", "daw", "raw", "ito", "yan", "yun", "kung", "si", "ni"}
)
# Words too common in what people type to say which option is meant ("i feel terrible
# today", "can you help me", "i keep thinking about it"); an exact label or synonym with
# them is still read by `matching.match_choice`. "stop" is here too: "i want to stop" is
# about self-injury, never "Stop for now".
_GENERIC = frozenset(
    {"feel", "feeling", "keep", "talk", "help", "today", "tonight", "think", "try", "time"}
    | {"day", "way", "good", "bad", "hard", "better", "worse", "life", "again", "start"}
    | {"stop", "first", "last", "people", "person", "said", "put", "take", "look", "see"}
    | {"work"}
)
# Words whose simple stem would be another word's ("scared" is not "scar").
_OWN_STEMS = {"scared": "scare", "scare": "scare", "scary": "scare", "scaring": "scare"}
# Words for the same person or place, read as one (rule 1): "my boyfriend" for "partner".
# Not "mum" or "dad": "my mum" is someone else, "i'm their mum" the writer.
_FAMILIES = (
    ("partner", "boyfriend", "girlfriend", "husband", "wife", "bf", "gf", "fiance", "spouse"),
    ("doctor", "gp", "doc", "physician"),
    ("counsellor", "counselor", "therapist", "psychologist", "psychiatrist", "psych"),
    ("school", "college", "uni", "university", "class", "classes"),
    ("humour", "humor", "funny", "jokes", "joke", "laugh", "laughing", "laughter"),
    ("family", "families", "relatives"),
)
# Relatives, read as "family" after "my" (rule 1): "my mom" is someone in my family; "i'm
# their mum" is not.
_RELATIVES = frozenset(
    {"mom", "mum", "mam", "mama", "mother", "dad", "father", "papa", "brother", "sister"}
    | {"bro", "sis", "aunt", "auntie", "uncle", "cousin", "grandma", "granny", "nan", "nana"}
    | {"grandad", "grandpa", "grandmother", "grandfather", "stepmom", "stepdad", "parents"}
    | {"parent", "siblings", "sibling", "mommy", "mummy", "daddy", "stepmum"}
    | {"granddaughter", "grandson", "grandchild", "grandkid", "niece", "nephew"}
)
_KIN = {word: family[0] for family in _FAMILIES for word in family}
# Words that turn what follows in their clause into its opposite (rule 2).
_NEGATIONS = frozenset(
    {"not", "no", "never", "nah", "nope", "dont", "doesnt", "didnt", "cant", "cannot", "wont"}
    | {"isnt", "arent", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "havent"}
    | {"hasnt", "without", "nor"}
)
_NEGATION_REACH = 4  # words after a negation that it turns
# Where a clause ends: a sentence, a comma, a "but".
_CLAUSE = re.compile(r"[.!?,;:]+|\bbut\b", re.IGNORECASE)
# Contractions that `normalise` splits ("don't" -> "don t"), put back together.
_TAILS = frozenset({"t", "m", "s", "re", "ve", "ll", "d"})
_QUESTION_WORDS = frozenset({"what", "how", "why", "who", "when", "where", "which", "should"})
_QUESTION_WORDS |= frozenset({"can", "could", "is", "are", "do", "does", "will", "would"})
# Rule 4: one word in common is only a hint among more words that mean something than
# _FEW (a question: fewer than _LONG).
_FEW = 1
_LONG = 7
NOT = "not "


@dataclass(frozen=True)
class Reading:
    """Which option the words point to, and whether clearly (`meant`) or only as a hint."""

    index: int
    meant: bool


def read_options(text: str, options: Sequence[Sequence[str]]) -> Reading | None:
    """The option `text` points to by its meaningful words (rules 3-4); None for none or a
    tie. Each option is its label followed by its synonyms."""
    typed = set(stems(text))
    if not typed:
        return None
    said = [{stem for phrase in option for stem in stems(phrase)} for option in options]
    scores = sorted(
        ((_score(typed, i, said), i) for i in range(len(said))),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if not scores or scores[0][0] == 0:
        return None
    best, index = scores[0]
    second = scores[1][0] if len(scores) > 1 else 0
    if best == second:
        return None
    # one word in common, among several that mean something, is only a hint; but a
    # question one option answers is asked of that option ("what do i say to her?")
    few = len(typed) <= _FEW or _asks(text)
    brushed = best == 1 and (len(typed) >= _LONG or not few)
    return Reading(index, meant=second == 0 and not brushed)


def stems(text: str) -> list[str]:
    """The stems of the meaningful words of `text`, in order; a word a negation turns is
    "not <stem>" (rules 1-2): "I don't want to cover them" -> ["not cover"]."""
    found: list[str] = []
    for clause in _CLAUSE.split(text):
        reach = 0
        said = words(clause)
        for at, word in enumerate(said):
            if word in _RELATIVES and at and said[at - 1] in ("my", "our"):
                word = "family"  # "my mom", "our dad" (rule 1)
            if word in _NEGATIONS:
                reach = _NEGATION_REACH
                continue
            turned = reach > 0
            reach = max(reach - 1, 0)
            if word in _SMALL or word.isdecimal() or stem(word) in _GENERIC_STEMS:
                continue
            found.append(f"{NOT}{stem(word)}" if turned else stem(word))
    return found


def says_something(text: str) -> bool:
    """Whether `text` has a word that means something, common ones too ("help")."""
    return any(w not in _SMALL and w not in _NEGATIONS and not w.isdecimal() for w in words(text))


def words(text: str) -> list[str]:
    """The words of `text` with contractions whole again: "don't" -> "dont", "I'm" -> "im"."""
    joined: list[str] = []
    for word in normalise(text).split():
        if joined and word in _TAILS:
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def stem(word: str) -> str:
    """A simple stem, the same for a word's common forms: "scars", "scar" -> "scar";
    "hiding", "hide", "hides" -> "hid"; "worried", "worries", "worry" -> "worry"."""
    if word in _OWN_STEMS:
        return _OWN_STEMS[word]
    if word in _KIN:
        return _KIN[word]
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouy":
        word = word[:-1]  # "stopp" (stopped) -> "stop"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "hide" and "hid(ing)" alike
    return _KIN.get(word, word)


_GENERIC_STEMS = frozenset(stem(word) for word in _GENERIC)


def _asks(text: str) -> bool:
    """Whether `text` asks a question: a "?", or its first word asks ("what happens if")."""
    said = words(text)
    return "?" in text or (bool(said) and said[0] in _QUESTION_WORDS)


def _score(typed: set[str], index: int, said: list[set[str]]) -> int:
    """Rule 3: typed stems only this option has; none where the text denies the option."""
    own = said[index]
    if any(f"{NOT}{stem}" in typed for stem in own if not stem.startswith(NOT)):
        return 0
    others = set().union(*(s for i, s in enumerate(said) if i != index))
    return len(typed & (own - others))
