"""Typed answers to the core's own yes-or-no questions ("are you thinking about suicide?",
"are you safe right now?"), read by their words.

Rules:
1. Exact words, never fuzzy matching: on questions like these a guess could turn a
   "kinda" into a "no".
2. A word of doubt anywhere makes the answer UNSURE ("no... maybe", "nah idk", "yes and
   no", "sometimes", "not ok"); so does a yes and a no together ("no i mean yes").
3. NO only for a bare no: the whole reply is no-words ("no", "nope, not really", "no i'm
   not", "i don't think so"); a reply that starts with a no and goes on ("no, i feel so
   alone", "no one cares") is NO_AND_MORE.
4. YES for a yes-word anywhere ("honestly yes", "yeah i am"), or a whole reply like "i am".
5. FINE for a whole reply like "i'm ok", "fine thanks" (not a bare "ok": that may only
   mean "go on"); RATHER_NOT_SAY for "i'd rather not say" and the like. Anything else is
   no answer (None).
6. A no that goes on with worry ("no one cares", "no point", "nobody would notice") is
   UNSURE, never a plain no.
7. Danger denied is safe: "i'm not in danger", "i won't do anything tonight", "im safe rn",
   "im not dying its just an urge"
   (with no doubt word) are FINE, however the reply goes on ("... its just the urge") and
   even after a no ("no. i said im not in danger"); "i'm not safe" is still UNSURE.
8. A reply whose last sentence is a bare no ("I already answered this. No.") is NO.
9. A hedge qualifies the words it is said with: "ride it out i guess", "getting better
   i guess", "idk i dont wanna call anyone" are those words, said without certainty, and
   no answer to the question (HEDGED); a hedge alone, or with a yes, a no or a word of
   safety ("maybe", "yes maybe", "i'm fine i guess"), is still UNSURE (rule 2).
10. Fear of how someone else will take a thing ("I'm only scared of my father's reaction",
   "afraid she'll tell my parents") is no doubt about the question: read as the rest
   of the reply reads ("No no. I am only scared of my father's reaction" is a no that
   goes on). Fear of anything else ("scared of myself") is still doubt.
Each question decides what UNSURE, FINE and NO_AND_MORE mean for it (bot/core/questions.py).
"""

from __future__ import annotations

import enum
import re

from dialogues import normalise


class Said(enum.Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    FINE = "fine"
    RATHER_NOT_SAY = "rather not say"
    NO_AND_MORE = "no, and more"  # "no, i feel so alone": a no that goes on
    HEDGED = "hedged"  # "ride it out i guess": other words, said without certainty (rule 9)


# Matched on the normalised reply (lowercase, punctuation to spaces: "don't" -> "don t").
_DOUBT = re.compile(
    r"\b(?:maybe|idk|dunno|unsure|kinda|sorta|sometimes|often|always|constantly|lately|"
    r"probably|possibly|perhaps|somewhat|partly|not sure|no idea|no clue|"
    r"(?:do ?n t|dont|do not) know|kind of|sort of|a bit|a little|i guess|"
    r"yes and no|most days|every day|all the time|some days|on and off|"
    r"not (?:right )?now|not today|not at the moment|"
    r"not (?:safe|ok|okay|fine|good|alright|great)|unsafe|scared|afraid|"
    r"(?<!not )(?<!n t )(?<!not any )in danger|(?<!not )(?<!n t )(?<!never )hurt|"
    r"(?<!not )(?<!n t )(?<!never )(?:thinking|thought|think) about it)\b"
)
# Rule 9: the words of doubt that only hedge what they are said with.
_HEDGE = re.compile(
    r"\b(?:maybe|idk|dunno|unsure|kinda|sorta|probably|possibly|perhaps|not sure|no idea|"
    r"no clue|(?:i |)(?:do ?n t|dont|do not) know|kind of|sort of|i guess)\b"
)
_YES = re.compile(r"\b(?:y|ye|yes+|yeah+|yeh|yh|yep|yup|yea|ya|yah|ja|si|sí|sure)\b")
_NO_WORD = re.compile(
    r"\b(?:no+|nope+|nah+|nein|non|nee|never|not (?:really|rly|realy)|not at all)\b"
)
_NOT_THINKING = (
    r"(?:(?:i m |im |i am )?not thinking|(?:i haven t|i havent|i have not|i never|never) "
    r"(?:thought|think)) (?:about|of) (?:it|that|suicide)"
)
_BARE_NO = re.compile(
    r"^(?:hell )?(?:n|no+|nope+|nah+|nein|non|nee|never|not (?:really|rly|realy)|not at all|"
    r"no way|of course not|definitely not|(?:i m|im|i am) not|(?:i do ?n t|i dont|i do not)|"
    rf"(?:i do ?n t|i dont|i do not) think so|{_NOT_THINKING})"
    r"(?: (?:no+|nope+|not (?:really|rly|realy)|not at all|never|(?:i m|im|i am) not|"
    rf"(?:i do ?n t|i dont|i do not)|thanks|thank you|really|at all|{_NOT_THINKING}))*$"
)
_WORRIED_NO = re.compile(
    r"^(?:no one|nobody|no body|no point|no hope|no reason|no future|no way out|no more|"
    r"no longer|no use|nothing matters|never (?:get|be|going) )"
)
# Rule 7: danger denied ("don't"/"won't" are normalised to "don t"/"won t").
_SAFE = re.compile(
    r"\b(?:(?:not|n t|never) in (?:any )?danger|(?:i m|im|i am|i feel|i ll be|i will be) "
    r"(?:totally |completely |perfectly |quite |)safe(?! ish| ?ish\b)|(?:i won t|i wont|i will not|"
    r"i m not|im not|i am not|i m not going to|im not going to|i am not going to|"
    r"not going to|not gonna) (?:do|try) anything|"
    r"(?:i won t|i wont|i will not|not going to|not gonna) (?:hurt|harm) myself|"
    r"(?:i m|im|i am) not (?:dying|going to die|suicidal))\b"
)
_SENTENCES = re.compile(r"[.!?]+")
_WHOLE_YES = re.compile(r"^(?:i am|i m|im|i do|i have|i have been|i ve been|i think so)$")
_FINE = re.compile(
    r"^(?:(?:i m|im|i am) (?:fine|ok|okay|alright|all right|good|safe)|fine|safe|all good)"
    r"(?: (?:thanks|thank you|now|right now))*$"
)
_RATHER_NOT = re.compile(
    r"^(?:skip|pass)$|\b(?:rather not|prefer not|"
    r"(?:do ?n t|dont|do not) (?:want|wanna) (?:to )?(?:say|answer|talk|tell))\b"
)


def read(text: str) -> Said | None:
    """What a typed reply says to a yes-or-no question; None when it is no answer to it."""
    typed = normalise(text)
    if not typed:
        return None
    typed = " ".join(_FEAR_OF_OTHERS.sub(" ", typed).split()) or typed  # rule 10
    yes, no_word = bool(_YES.search(typed)), bool(_NO_WORD.search(typed))
    if _DOUBT.search(typed):
        rest = " ".join(_HEDGE.sub(" ", typed).split())
        if _hedges_other_words(rest):
            return Said.HEDGED  # rule 9
        return Said.UNSURE
    if _SAFE.search(typed) and not yes:
        return Said.FINE  # rule 7
    if yes and no_word:
        return Said.UNSURE
    if yes or _WHOLE_YES.match(typed):
        return Said.YES
    if _BARE_NO.match(typed):
        return Said.NO
    if _NO_WORD.match(typed):
        # "no one cares", "no point": worry, not a no (rule 6)
        return Said.UNSURE if _WORRIED_NO.match(typed) else Said.NO_AND_MORE
    if _FINE.match(typed):
        return Said.FINE
    if _RATHER_NOT.search(typed):
        return Said.RATHER_NOT_SAY
    last = [part for part in _SENTENCES.split(text) if normalise(part)][-1:]
    if last and last[0] != text and _BARE_NO.match(normalise(last[0])):
        return Said.NO  # rule 8
    return None


def _hedges_other_words(rest: str) -> bool:
    """Whether what is left without the hedge (rule 9) is words of their own: two or
    more, with no doubt, no negation ("probably not tonight" is still unsure, while
    wanting not to act is no negation of safety) and no yes or no in them."""
    words = rest.split()
    resisting = _RESISTING.sub(" ", rest)  # "i want to not do it" denies no safety
    if len(words) < 2 or _DOUBT.search(rest) or _NEGATED.search(resisting):
        return False
    return read(rest) is None


# Rule 10: fear of how someone else will react, or of them telling or finding out.
_WHO = r"(?:(?:my|our|his|her|their|the) \w+(?: s)?|she|he|they|people|everyone|someone)"
_FEAR_OF_OTHERS = re.compile(
    r"\b(?:(?:only|just|really|so|very) )?(?:scared|afraid|worried|nervous|frightened) "
    rf"(?:(?:of|about|that|if|what|how) )*{_WHO}(?: ll| will| might| would| s)? "
    r"(?:reaction|react|reacts|tell|tells|find out|finds out|know|knows|think|thinks|say|"
    r"says|hate me|hates me|judge me|judges me)\b(?: \w+){0,3}$"
)
_NEGATED = re.compile(r"\b(?:not|never|no|nope|nah|nothing|none)\b")
_RESISTING = re.compile(r"\b(?:to not|not to)\b")
