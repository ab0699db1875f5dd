"""/delete in words: asking to erase everything ("delete my data", "please delete all of
it"), the answer to "Erase it all?" typed ("yes erase it", "no keep it"), and asking
whether it was erased ("did you delete it?").

Rules:
1. While "Erase it all?" is open, a typed reply is read as its answer first: erase, keep,
   or a question about it ("what does that erase?" asks it again). Anything else closes
   it, as a tap elsewhere would, and an erase button tapped after that erases nothing.
2. A no or a "keep" wins over an erase word ("no don't delete it"); a question is never
   an erase; an erase needs a yes or an erase word.
3. Otherwise, only a message that asks to erase the person's data (an erase word and what
   is theirs, or the bare word) asks the question; "delete the idk one" is a flow's.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.core import yes_no
from bot.core.yes_no import Said
from dialogues import normalise

Reading = Literal["erase", "keep", "ask", "check"]


def read(text: str, *, asked: bool) -> Reading | None:
    """What `text` says about erasing everything; `asked`: "Erase it all?" is open."""
    typed = normalise(text)
    if _CHECK.search(typed):
        return "check"
    if asked:
        said = yes_no.read(text)
        if said in (Said.NO, Said.NO_AND_MORE) or _KEEP.search(typed):
            return "keep"
        if "?" in text or _QUESTION.match(typed):
            return "ask"  # a question about it ("what does that erase?"): never an erase
        if said is Said.YES or _ERASE_WORD.search(typed):
            return "erase"
        return None
    if _ERASE_ALL.fullmatch(typed) or (_ERASE_WORD.search(typed) and _THEIRS.search(typed)):
        return "ask"
    return None


_ERASE_WORD = re.compile(r"\b(?:delete|erase|wipe|remove|clear|forget|do it|go ahead)\b")
_KEEP = re.compile(
    r"\b(?:keep (?:it|them|everything|my)|don t (?:delete|erase|wipe)|dont (?:delete|erase|wipe)|"
    r"do not (?:delete|erase|wipe)|cancel|never ?mind|changed my mind)\b"
)
_ERASE_ALL = re.compile(
    r"(?:please |pls |can you |could you )?(?:delete|erase|wipe)(?: (?:it|everything|all|"
    r"it all|all of it|please|pls|now))*"
)
# What the bot keeps about the person, in their words ("everything you've got on me", "what
# you know about me"): asides.py reads it too, to show it (/mydata).
WHAT_YOU_KEEP = re.compile(
    r"(?:everything|all|what|whatever|anything) (?:that )?(?:you|u) (?:ve |have )?(?:(?:got|have|"
    r"know|hold) (?:on|about|of) me|(?:keep|store|saved|kept|stored)(?: (?:on|about|of) me)?)"
)
_THEIRS = re.compile(
    r"\b(?:my data|my info|my information|my stuff|my account|my things|my details|"
    r"all of it|all my|everything about me|everything you (?:keep|have|know)|"
    rf"{WHAT_YOU_KEEP.pattern}|"
    r"that i was (?:ever )?here|every trace)\b"
)
_QUESTION = re.compile(
    r"^(?:wait |but |and |so )?(?:what|which|why|how|does|do|will|would|is|can|could)\b"
)
_CHECK = re.compile(
    r"\b(?:did you (?:delete|erase|wipe)|(?:is|was) (?:it|my data|everything) "
    r"(?:deleted|erased|gone|wiped)|has it been (?:deleted|erased))\b"
)
