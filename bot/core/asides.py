"""What people type at any step that is no answer to the step's question: a way back
("carry on", "go back to where we were"), asking for the country picker, a question back to
the bot ("who reads this?", "is it attention seeking?"), or the child they are writing about
("im a parent, its my kid").

Rules:
1. Read only where the step did not take the text as its answer (bot/core/listening.py).
2. Whole words and phrases, never a fragment; a question back is read only as a question
   (a "?", or the first words of one of its sentences ask: "bro answer the question. does
   mrs reyes see this"), or as what it asks about named alone ("privacy", "wound care").
3. A question back gets a short honest answer, or the topic that answers it; then the step
   the person was at, so nothing is lost.
4. Typed in Spanish, Portuguese, French, Italian or German, the words are read again
   glossed into English (dialogues/glosses.py) when they say nothing as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.core import words
from bot.core.delete_typed import WHAT_YOU_KEEP
from dialogues import glosses, normalise

Way = Literal["resume", "talk", "country", "own_data"]
# Where "how do i turn saving on?" goes: the question that turns it on (/keep).
TURN_SAVING_ON = "welcome:keep_later"
# Where "how do i look after the cut?" goes: the red flags that mean emergency care first,
# then urgent care and first aid (SAFE_MESSAGING.md, Always 10).
FIRST_AID = "realistic_expectations:injury"


@dataclass(frozen=True)
class Answer:
    """A question back: `text` to say (or None), then `target` (a topic) or the step again."""

    text: str | None = None
    target: str | None = None
    anywhere: bool = False  # asked even where a step keeps free text: never an answer to it


def way(text: str) -> Way | None:
    """A way back or on, typed: "carry on", "where were we", "keep talking", "choose my
    country", "can i see my old notes" (what they kept: /mydata), or the same in another
    language ("weiter wo wir waren": rule 4); None for anything else."""
    found = _way(text)
    glossed = glosses.glossed(text) if found is None else None
    return _way(glossed) if glossed is not None else found


def question(text: str) -> Answer | None:
    """A question back to the bot, and its answer (rule 3), asked in English or in
    another language ("Was sind Sie? Ein Mensch oder ein Computer?": rule 4); None for
    anything else."""
    found = _question(text)
    glossed = glosses.glossed(text) if found is None else None
    return _question(glossed) if glossed is not None else found


def _way(text: str) -> Way | None:
    typed = _bare(text)
    last = _bare(_SENTENCES.split(text.strip())[-1])
    if _RESUME.fullmatch(typed) or _WHERE_WE_WERE.search(typed) or _RESUME.fullmatch(last):
        return "resume"  # "I said forty years, not forty tablets. Go back.": said last
    if _TALK.fullmatch(typed):
        return "talk"
    if _COUNTRY.search(typed) and len(typed.split()) <= 8:
        return "country"
    if any(_OWN_DATA.fullmatch(_bare(said)) for said in _SENTENCES.split(text)):
        return "own_data"  # "No thanks. Now, can I see what you've got on me so far?"
    return None


def _question(text: str) -> Answer | None:
    asked = [
        normalise(sentence)
        for sentence in _SENTENCES.split(text)
        if "?" in text or _ASKS.match(normalise(sentence))
    ]  # "bro answer the question. does mrs reyes see this": its last sentence asks
    for pattern, answer in _QUESTIONS:
        if any(pattern.search(typed) for typed in asked):
            return answer
    typed = normalise(text)
    named = (answer for pattern, answer in _NAMED if pattern.fullmatch(typed))
    return next(named, None)  # "privacy", "wound care": said alone, asked about


def child(text: str) -> bool:
    """Whether `text` says the person writes about their child ("im a parent, its my kid",
    "its my daughter, not me"; a short "my daughter, she's 14"), not of their own life."""
    typed = normalise(text)
    if _CHILD.search(typed):
        return True
    return len(typed.split()) <= 6 and bool(_CHILD_NAMED.search(typed))


def _bare(text: str) -> str:
    """`text` without polite and filler words around it ("please", "ok", "i'm safe")."""
    typed = f" {normalise(text)} "
    for filler in _FILLERS:
        typed = typed.replace(f" {filler} ", " ")
    return " ".join(typed.split())


_FILLERS = (
    "please", "pls", "plz", "ok", "okay", "yes", "yeah", "thanks", "thank you", "po", "i m",
    "im", "i am", "completely", "quite", "really", "safe", "fine", "sorry", "just", "can we",
    "could we", "let s", "lets", "i want to", "i d like to", "id like to", "now", "again",
)  # fmt: skip
_RESUME = re.compile(
    r"carry on|continue|keep going|go back|go back to it|where were we|back to what we were doing"
)
_WHERE_WE_WERE = re.compile(r"\bwhere we (?:were|left off)\b|\bcarry on where\b")
_TALK = re.compile(r"(?:keep talking|keep talking (?:with|to) me|talk to me|stay with me)")
_COUNTRY = re.compile(
    r"^(?:choose|pick|change|set|select) (?:my|the|a) country$|"
    r"\b(?:choose|pick|change|set) my country\b"
)
# Asking to see what they kept ("can i see my old notes", "notes", "my data", "can i see
# what you've got on me so far"): /mydata.
_OWN_DATA = re.compile(
    r"(?:(?:can|could|may) i (?:see|read|look at|get|have)|show me|let me see|i want to see|"
    r"see|where (?:is|are)|where s)? ?(?:(?:all )?(?:my |the )?(?:old |saved |past |previous |"
    r"today s |todays |today |check ?in )?(?:notes?|data|saved (?:things|stuff)|"
    rf"what i (?:saved|kept|wrote))|{WHAT_YOU_KEEP.pattern})(?: so far)?"
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_ASKS = re.compile(
    r"^(?:is|isn t|are|am|do|does|did|can|could|should|shall|will|would|who|what|why|how|"
    r"where|when)\b"
)
_HER = r"(?:her|his|their|them|my (?:kid|child|son|daughter)s?)"
_QUESTIONS: tuple[tuple[re.Pattern[str], Answer], ...] = (
    (
        re.compile(
            r"\b(?:who (?:reads|sees|can see|can read)|(?:does|can) (?:anyone|any one|someone|"
            r"anybody|a person|people) (?:see|read)|what do (?:you|u) (?:keep|save|store)|"
            r"is (?:this|it|this chat) private|do (?:you|u) (?:keep|save|store|read)|"
            # "where is my data stored?", "you didn't say where it's stored", "on a server?"
            r"where (?:is |are |do (?:you|u) (?:keep|store) )?(?:my data|the data|my info|"
            r"my messages)(?: (?:stored|kept|saved|held))?$|where (?:is |s )?(?:it|my data|"
            r"the data|everything|this) (?:is |s )?(?:stored|kept|saved|held)|"
            r"(?:stored|kept|saved) on a server|on a server|"
            # "does this tell my counselor", "does mrs reyes see this", "will my mum know"
            r"(?:does|do|will|would|can|could) (?:this|it|you|the bot) (?:tell|show|send|report|"
            r"share|text|email)|(?:does|do|will|would|can|could) (?:\w+ ){1,3}(?:see|read|"
            r"know about|find out about|get|be told) (?:this|it|what i (?:say|type|write)|"
            r"my messages|the chat|this chat)(?: \w+)?$)\b"
        ),
        Answer(words.ASIDE_PRIVACY, anywhere=True),
    ),
    (
        re.compile(
            r"\b(?:turn|switch|put) (?:saving|it|keeping) (?:back )?on\b|\b(?:turn|switch) on "
            r"(?:saving|keeping)\b|\b(?:can|could|will) you (?:save|keep) (?:it|this|that|things|"
            r"my \w+)\b|\bhow do (?:i|you) (?:save|keep) (?:it|this|things|stuff)\b"
        ),
        Answer(target=TURN_SAVING_ON, anywhere=True),
    ),
    (
        re.compile(
            r"\b(?:are|r) (?:you|u) (?:a |an |actually |really |even |just )*(?:human|person|"
            r"real|bot|robot|computer|machine|ai|a i|program|chatbot|chat bot)\b|"
            r"\b(?:human|person|people|someone real) or (?:a |an )?(?:computer|bot|robot|"
            r"machine|ai|program)\b|\b(?:computer|bot|robot|machine|ai) or (?:a )?(?:human|"
            r"person|real)\b|\b(?:am i|are we) (?:talking|speaking|chatting|writing) (?:to|"
            r"with) (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|computer|ai|"
            r"someone)\b|\bis (?:this|it|there) (?:a |an )?(?:real )?(?:bot|robot|person|"
            r"human|ai|computer)\b|^(?:so |but |ok |okay )?what (?:exactly )?(?:are|r) (?:you|u)"
            r"(?: exactly| even| actually)?$"
        ),
        Answer(words.ASIDE_WHAT_I_AM, anywhere=True),
    ),
    (
        re.compile(r"\battention seek\w*|\b(?:for|seeking|wants?|needs?) attention\b"),
        Answer(words.ASIDE_ATTENTION),
    ),
    (
        re.compile(rf"\b(?:take|taking) (?:away )?{_HER} (?:phone|phones|tablet)\b|\bphone away\b"),
        Answer(words.ASIDE_PHONE),
    ),
    (
        re.compile(r"\b(?:post|posting|share|sharing|vent\w*) (?:about )?(?:it|sh|self harm)"),
        Answer(target="chatsafe"),
    ),
    (
        re.compile(r"\bwhat (?:does|do|is) (?:recovered|recovery|being recovered|getting better)"),
        Answer(target="realistic_expectations"),
    ),
    (  # "how do i look after it myself", "what about wound care?": the injury check, first aid
        re.compile(
            r"\b(?:wound care|first aid|(?:look after|care for|take care of|clean|treat|dress) "
            r"(?:it|(?:the|my|a) (?:cut|cuts|wound|wounds|burn|burns)))\b"
        ),
        Answer(target=FIRST_AID),
    ),
)
# What a question above asks about, named alone (rule 2: a question all the same).
_NAMED = (
    (re.compile(r"(?:and |what about |about )?(?:my )?(?:data )?privacy"), _QUESTIONS[0][1]),
    (
        re.compile(r"(?:ugh |and |what about |about )?(?:wound care|first aid)(?: stuff)?"),
        _QUESTIONS[-1][1],
    ),
)
# A short message that only names them ("my daughter, she's 14", "its my kid").
_CHILD_NAMED = re.compile(
    r"^(?:it s |its |it is |this is about |about )?my (?:kid|child|son|daughter|teen|"
    r"teenager|little girl|little boy)\b"
)
_CHILD = re.compile(
    r"\b(?:i m|im|i am) (?:a |her |his |their )?(?:parent|mum|mom|dad|mother|father|carer|"
    r"guardian|stepmum|stepdad)\b|"
    r"\b(?:she s|he s|they re|she is|he is|they are) my (?:kid|child|son|daughter)\b|"
    r"\bmy (?:kid|child|son|daughter|teen|teenager)\b,? not me\b"
)
