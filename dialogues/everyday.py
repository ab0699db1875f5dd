"""Short everyday answers at a menu ("nah", "not rn", "bin it", "main menu please",
"back", "the second one"), and the option of the step that means the same.

Rules:
1. `said` names what a message says, one of: no, later, yes, ok (agreeing to what is
   offered, no "yes" to a question), stop, skip, remove, back, menu (the topics, or
   something else), again (the question again). No, later, yes, ok and stop (here, for
   now: never "stop" alone, which may be about self-injury) are read from the first
   clause: the form, with only small words around it ("then not now. it does not work",
   "okay, it is fine for me", "i need to stop here for today"), or a no followed by what
   it says no to ("nah dont keep stuff"); the longest form wins ("ok not now" is later).
   Skip, remove, back, menu and again are the whole message, politeness aside ("bin it",
   "main menu please", "try again").
2. "no one", "no idea", "no point" are no "no"; a "not" is one only in a form
   ("not now", "not really"); a "but" or a doubt anywhere makes none of them plain ("no,
   but sometimes i think about it", "yes but i'm scared", "nah, maybe a bit").
3. `position`: an option named by its place, the whole message ("the second one", "2nd",
   "number 3", "the last one").
4. `option` is the one option whose label begins the way that answer is put ("No, don't
   keep anything", "Not right now", "Take it out", "Back"); a no falls back on a not-now
   option, never the other way ("not now" is no "no" to "did you take anything?"), and
   never when two options could be meant.
5. `declines`: a message clearly declines when it is only a no, a not-now, a stop-for-now
   a skip or a goodbye ("no", "not now thanks", "skip this", "bye", "no gracias", "im
   good", "done na po ako"), exactly the words of the
   option that leaves, or that option's label as its first clause ("Not now. Can I talk
   about being alone?"). Anything more ("ok no pasa nada, hoy me volví a lastimar", "no
   nothing like that, i did it again") is no decline: a choice that ends the chat is never
   read into it (dialogues/engine.py); but a short no or not-now first, said again after
   or with something else wanted first, is one ("No thanks, no need for reminders for
   now", "Non merci, pas besoin de rappels pour l'instant", "Maybe later. I have
   something I want to talk about first").
7. `undecided`: not knowing which option to pick, or asking the bot to pick one, in
   English and the other five languages ("idk wat 2 pick", "you choose", "can't decide",
   "no sé cuál elegir", "escolhe você", "choisis pour moi", "such du aus").
6. `unsaving`: an instruction not to keep what was typed ("don't save that", "no don't
   keep it please", "forget that", "delete what i wrote", "i dont want anything saved",
   "no lo guardes", "não guarde"), a clause of the message, in English, glossed, or as
   typed in five more languages: never itself an answer to keep. Not "forget it", which
   is as often "never mind".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogues.glosses import english
from dialogues.matching import normalise, only_leaving, plain, small_talk
from dialogues.meaning import says_something, words

# Rule 1: forms read at the start of a message, by what they say.
_LEADING: dict[str, frozenset[str]] = {
    "later": frozenset(
        {"not rn", "not right now", "not now", "not yet", "not today", "maybe later", "later"}
        | {"another time", "some other time", "not at the moment", "not atm", "not tonight"}
        | {"maybe another time", "later na", "later na lang", "another day", "not for now"}
        # Tagalog: not yet, later; Swahili: later
        | {"wag na muna", "huwag na muna", "wag muna", "huwag muna", "mamaya na", "saka na"}
        | {"mamaya na lang", "saka na lang", "sa susunod na lang", "baadaye", "baadaye sana"}
    ),
    "no": frozenset(
        {"no", "nah", "nope", "no thanks", "no thank you", "nah thanks", "hell no", "no way"}
        | {"not really", "nah not really", "no not really", "not at all", "no not at all"}
        | {"nooo", "noo", "na", "nay", "hindi", "hindi po", "nein", "non"}
        | {"hapana", "apana", "hapana asante", "hapana bana"}  # Swahili and Sheng: no
    ),
    "yes": frozenset(
        {"yes", "yeah", "yep", "yup", "ya", "yea", "ye", "sure", "yes please", "of course"}
        | {"oo", "opo", "sige", "sige po", "yes po"}
        | {"ndio", "ndiyo", "ndio sawa", "eeh ndio"}  # Swahili and Sheng: yes
    ),
    # "ok" agrees to something offered; it is no "yes" to "are you thinking of suicide?"
    "ok": frozenset(
        {"ok", "okay", "alright", "sounds good", "ok fine", "fine", "why not", "go on"}
        | {"ok sure", "okay sure", "k", "kk", "sawa", "sawa sawa", "poa"}  # Swahili: ok
        | {"ok lang", "okay lang", "ok lang po", "okay lang po", "pwede", "pwede po"}  # Tagalog
    ),
}
# Rule 1: stopping here for now, however it is put ("i need to stop here for today").
_STOP_HERE = (
    *("stop here", "stop there", "stop for now", "stop for today", "stop for tonight"),
    *("leave it here", "leave it there", "leave it for now", "leave it for today"),
    *("call it a day", "pause here", "pause for now", "finish later", "finish it later"),
)
_STOP_FIRST = (
    *("", "i need to ", "i have to ", "i want to ", "ill ", "id like to ", "lets "),
    *("can we ", "we can ", "i think ill ", "gotta ", "i gotta ", "im going to "),
    *("im gonna ", "i might "),
)
_LEADING["stop"] = frozenset(
    f"{first}{core}{last}"
    for first in _STOP_FIRST
    for core in _STOP_HERE
    for last in ("", " for today", " for now", " for tonight", " today")
)
# Rule 1: whole messages, by what they ask for.
_WHOLE: dict[str, frozenset[str]] = {
    "menu": frozenset(
        {"main menu", "menu", "the menu", "the main menu", "home", "start again", "start over"}
        | {"topics", "the topics", "all topics", "back to the menu", "back to menu"}
        | {"back to the main menu", "back to main menu", "go to the menu", "show me the menu"}
        | {"take me to the menu", "back to the start", "main topics", "list of topics"}
        | {"something else", "something different", "talk about something else"}
        | {"another topic", "a different topic", "different topic", "other topics"}
        | {"change the topic", "change topic", "can we talk about something else"}
    ),
    "again": frozenset(
        {"try again", "again", "say that again", "repeat", "repeat that", "show me again"}
        | {"what were the options", "what are the options", "show the options", "options"}
        | {"show me the options", "can you repeat that", "come again", "sorry what", "huh"}
        | {"what are my options", "the options again", "what were my options"}
    ),
    "back": frozenset(
        {"back", "go back", "take me back", "previous", "back a step", "go back a step"}
        | {"one step back", "back one", "back please"}
    ),
    "remove": frozenset(
        {"bin it", "bin that", "bin", "delete", "delete it", "delete that", "remove"}
        | {"remove it", "remove that", "get rid of it", "get rid of that", "scrap it"}
        | {"scrap that", "ditch it", "ditch that", "chuck it", "take it out", "take that out"}
        | {"take it off", "drop it", "throw it out", "throw it away", "erase it", "lose it"}
    ),
    "skip": frozenset(
        {"skip", "skip it", "skip this", "skip that", "pass", "next", "next one", "move on"}
        | {"skip for now", "skip this one", "i ll skip", "ill skip", "let s skip", "lets skip"}
    ),
}
_GRUDGING_THANKS = re.compile(r"\b(?:thanks|thank you|thx|ty) i guess\b")
# Rule 1: a no that goes on only to say all is well ("nah im good", "no you're grand").
_ALL_GOOD = frozenset(
    f"{who} {well}"
    for who in ("im", "i am", "youre", "you are", "its", "were", "all")
    for well in ("good", "fine", "ok", "okay", "alright", "grand", "all good", "grand thanks")
) | frozenset({"all good", "im good thanks", "im good thx", "thanks", "thank you", "thx"})
# Rule 2: words after "no" that make it something else.
_NOT_A_NO = frozenset(
    {"one", "idea", "clue", "point", "body", "more", "longer", "matter", "hope", "reason"}
    | {"use", "sense", "way", "problem", "worries", "need", "what"}
)
# Rule 3: how the labels that mean each answer begin (normalised), in order of preference.
_LABELS: dict[str, tuple[tuple[str, ...], ...]] = {
    "no": (("no ",), ("not now", "not right now", "not yet", "maybe another time")),
    "later": (
        ("not now", "not right now", "not yet", "not today", "maybe another time"),
        ("maybe later", "i ll try it later", "later"),
        ("stop for now",),
    ),
    "yes": (("yes",), ("okay", "ok ", "let s", "i feel ready")),
    "ok": (("okay", "ok ", "let s", "yes let s", "i feel ready", "carry on", "go on"),),
    "skip": (("skip",), ("not now", "not right now", "not yet", "maybe another time")),
    "remove": (
        ("take it out", "take one out", "yes take it out", "remove", "delete"),
        ("change or take out", "please clear it"),
    ),
    "back": (("back",), ("back to",)),
    "stop": (
        ("stop for now", "i m done for now", "done for now"),
        ("that s all", "that s it", "i m done"),
    ),
    "menu": (("back to topics",),),
}
_CLAUSE = re.compile(r"[.!?,;:]+|\bbut\b")
# Rule 6: not to keep it, however it is put (a clause at a time; "don't keep track" is no
# such thing: the words kept are a pronoun, or nothing).
_KEEP = r"(?:save|keep|store|record|write down|note down)"
_IT = (
    r"(?: (?:that|it|this|anything|any of (?:it|that|this)|those|them|my answer|"
    r"what i (?:said|wrote)))?(?: please| pls| thanks)?$"
)
_UNSAVING = re.compile(
    rf"\b(?:dont|do not|never|no need to|not) (?:ever )?{_KEEP}{_IT}"
    r"|\b(?:i )?dont want (?:that|it|this|anything|any of (?:it|that|this)|my answer|them) "
    r"(?:saved|kept|stored|recorded|written down)\b"
    r"|\b(?:forget|unsave|scratch|delete|erase|remove|undo) "
    r"(?:that|this|what i (?:said|wrote|typed))$"
    rf"|\bdont want you to (?:{_KEEP}|remember){_IT}"
    # as typed in Spanish, Portuguese, French, Italian and German ("não guarde, obrigada")
    r"|\bno (?:lo |la )?guardes\b|\bnao (?:guarde|guarda|salve|salva)\b"
    r"|\bne (?:le |la |l )?(?:garde|enregistre|sauvegarde) pas\b"
    r"|\bnon (?:lo |la )?(?:salvare|tenere)\b|\bnicht (?:speichern|behalten)\b"
)
# Rule 5: a decline is short ("no thanks not right now"); more words say something else.
_SHORT_DECLINE = 6
# `position`: words for a place in the list, and the words around them.
_PLACES = {
    **dict.fromkeys(("first", "1st", "top"), 0),
    **dict.fromkeys(("second", "2nd"), 1),
    **dict.fromkeys(("third", "3rd"), 2),
    **dict.fromkeys(("fourth", "4th"), 3),
    **dict.fromkeys(("fifth", "5th"), 4),
    **dict.fromkeys(("sixth", "6th"), 5),
    **dict.fromkeys(("seventh", "7th"), 6),
    **dict.fromkeys(("eighth", "8th"), 7),
}
_AROUND_A_PLACE = frozenset({"the", "one", "option", "button", "pls", "please", "i", "ll", "take"})
# Words that may stand before a short answer ("then not now", "wait no", "um yeah").
_LEAD_FILLER = frozenset({"then", "um", "umm", "uh", "well", "oh", "hmm", "honestly", "wait"})
_LEAD_FILLER |= frozenset({"so", "ok", "okay", "ah", "erm", "actually", "i", "think"})
_NEGATIONS = frozenset({"not", "dont", "no", "never", "nah", "cant", "wont", "didnt"})
# A turn or a doubt anywhere makes a short answer no plain one ("no, but sometimes ...").
# Rule 1: the topics asked for as a whole message, a word of filler first ("right. can we
# go back to the list of topics?", "back to topics please", "can i see the topics again").
_MENU_ASKED = re.compile(
    r"^(?:(?:right|ok|okay|so|um|hmm|actually|alright|thanks|thank you) )*"
    r"(?:(?:can|could) (?:we|i|you) (?:please )?(?:go |get |take me |see |have |show me )?|"
    r"(?:please )?(?:go |take me |bring me )?)(?:back )?(?:to )?(?:the )?"
    r"(?:list of topics|topics list|topic list|list of the topics|topics|main menu|menu)"
    r"(?: again| please| list)*$"
)
_DOUBT = re.compile(
    r"\b(?:but|maybe|sometimes|kinda|sorta|kind of|sort of|a bit|a little|idk|dunno|unsure|"
    r"not sure|probably|possibly|perhaps|i guess|except|although|though|tho)\b"
)


def said(text: str) -> str | None:
    """What a short everyday answer says (rules 1-2), or None."""
    whole = plain(text)
    for kind, forms in _WHOLE.items():
        if whole in forms:
            return kind
    if _MENU_ASKED.match(whole):  # "Right. Can we go back to the list of topics?"
        return "menu"
    typed = words(first_clause(text))
    found = [
        (len(form.split()), kind, rest)
        for kind, forms in _LEADING.items()
        for form in forms
        if (rest := _after(typed, form.split())) is not None
    ]
    if not found:
        return None
    _, kind, rest = max(found)
    agrees = kind in ("no", "later") and (
        (rest[:1] and rest[0] in _NEGATIONS)  # "nah dont keep"
        or " ".join(rest) in _ALL_GOOD  # "nah im good", "ah no you're grand"
    )
    if says_something(" ".join(rest)) and not agrees:
        return None  # more is said than the short answer: other rules read it
    plainly = normalise(text).replace("maybe later", "later").replace("maybe another", "another")
    plainly = _GRUDGING_THANKS.sub("thanks", plainly)  # "thx i guess" doubts nothing
    if _DOUBT.search(plainly):
        return None  # "no, but sometimes i think about it", "yes but i'm scared": not plain
    if kind in ("yes", "ok") and _NEGATIONS & set(rest):
        return None  # "yes i dont" is no plain yes
    return kind


def declines(text: str, label: str, synonyms: Sequence[str] = ()) -> bool:
    """Rule 5: whether `text` (or its English gloss: "no gracias") clearly declines: a short
    no, not-now, stop or goodbye; exactly the leaving option's label or a synonym; or its
    label as the first clause ("Not now. Can I talk about being alone?")."""
    for typed in dict.fromkeys((text, english(text))):
        plainly = plain(typed)
        if plainly.isdecimal() or plainly in {normalise(p) for p in (label, *synonyms)}:
            return True
        if normalise(first_clause(typed)) == normalise(label):
            return True
        if said(typed) in ("no", "later", "stop", "skip") and len(words(typed)) <= _SHORT_DECLINE:
            return True
        if small_talk(typed) == "bye" or only_leaving(typed):  # "im good", "done na po ako"
            return True
        first = first_clause(typed)
        rest = normalise(typed.casefold().replace(first, " ", 1))
        if said(first) in ("no", "later") and _STILL_DECLINING.search(rest):
            return True  # "No thanks, no need for reminders for now"
    return False


# Rule 5: what may follow a short no or not-now that still declines: the no said again, or
# something else wanted first.
_STILL_DECLINING = re.compile(
    r"^(?:(?:i |we )?(?:do ?n t|dont|do not) need|no need|not now|not today|not yet|maybe later)\b|"
    r"\b(?:for now|not now|for the moment|another time|later|"
    r"(?:something|things?) (?:else )?(?:i (?:want|d like|would like) )?(?:to )?"
    r"(?:talk|chat) about|"
    r"(?:want|like|rather) to talk about \w+(?: \w+)?)(?: first)?$"
)


def undecided(text: str) -> bool:
    """Rule 7: whether `text` says the person can't choose, or asks the bot to."""
    typed = " ".join(words(text.replace(" 2 ", " to ")))
    return _UNDECIDED.search(typed) is not None


def first_clause(text: str, *, ends: re.Pattern[str] = _CLAUSE) -> str:
    """The first clause of `text` that has words (casefolded; "" for none): "Not now" in
    "Not now. Can I talk about being alone?". `ends`: what ends a clause (by default a
    sentence, a comma or a "but")."""
    return next((c for c in ends.split(text.casefold()) if normalise(c)), "")


def unsaving(text: str) -> bool:
    """Rule 6: whether `text` says not to keep what was typed."""
    return any(
        _UNSAVING.search(" ".join(words(clause)))
        for said in {text, english(text)}
        for clause in _CLAUSE.split(said.casefold())
    )


def position(text: str, count: int) -> int | None:
    """The option a message names by its place ("the second one", "2nd", "number 3",
    "the last one"), 0-based among `count`; None for anything else or out of range."""
    said = [w for w in plain(text).split() if w not in _AROUND_A_PLACE]
    if len(said) == 2 and said[0] in ("number", "option", "no", "choice", "nr"):
        said = said[1:]
    if len(said) != 1:
        return None
    word = said[0]
    at = count - 1 if word in ("last", "bottom") else _PLACES.get(word)
    if at is None and word.isdecimal() and len(said) == 1 and text.strip() != word:
        at = int(word) - 1  # "number 2", "option 3"
    return at if at is not None and 0 <= at < count else None


def option(kind: str, labels: Sequence[str]) -> int | None:
    """The one option whose label means `kind` (rule 4), or None."""
    said_labels = [f"{normalise(label)} " for label in labels]
    for starts in _LABELS.get(kind, ()):
        found = [
            i
            for i, label in enumerate(said_labels)
            if label.startswith(starts)
            or label.strip() in {s.strip() for s in starts}
            or (kind == "ok" and label.endswith(" okay "))  # "Yes, that's okay"
        ]
        if kind == "back":
            found = [i for i in found if said_labels[i].strip() != "back to topics"] or found
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _after(typed: list[str], form: list[str]) -> list[str] | None:
    """The words after `form` when the clause begins with it (a little filler before it
    aside: "then not now", "wait no"); None when it does not, or when a "no" is followed
    by a word that makes it something else (rule 2)."""
    for start in range(min(len(typed), 3)):
        if typed[start : start + len(form)] == form:
            rest = typed[start + len(form) :]
            if form[-1] in ("no", "nah") and rest[:1] and rest[0] in _NOT_A_NO:
                return None
            return rest
        if typed[start] not in _LEAD_FILLER:
            return None
    return None


# Rule 7: "idk wat 2 pick", "you choose", "no sé cuál elegir", "choisis pour moi".
_UNDECIDED = re.compile(
    r"\b(?:(?:i |)(?:do ?n t|dont|do not|idk|dunno|not sure|no idea)(?: know)? "
    r"(?:what|wat|which|wich)(?: one)? (?:to |i should |should i |i want to )?"
    r"(?:pick|choose|chose|try)|"
    r"(?:you|u) (?:choose|chose|pick|decide)(?: for me)?|(?:pick|choose) (?:one )?for me|"
    r"(?:can t|cant|cannot) (?:decide|choose|pick)|"
    r"no se (?:cual|que) (?:elegir|escoger)|elige tu|escoge tu|elige por mi|"
    r"nao sei (?:qual|o que) (?:escolher)|escolhe (?:tu|voce|vc)|escolha (?:voce|vc)|"
    r"je (?:ne )?sais pas (?:lequel|laquelle|quoi) choisir|choisis pour moi|choisissez pour moi|"
    r"non so (?:quale|cosa) scegliere|scegli tu|"
    r"(?:weiss|weis) nicht was ich (?:wahlen|nehmen) soll|such du (?:aus|eins aus)|entscheide du)\b"
)
