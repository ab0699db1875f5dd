"""Typed words read before the open question and the flow's step: the crisis lines asked
for ("crisis lines", "show me the UK numbers"), a safe answer to "are you safe right
now?" that names a button of the crisis reply too ("I am safe. Please go back"), and
/delete in words ("delete my data", "yes erase it").

Rules:
1. Only typed text (no tap, no command), and never a check-in's own question.
2. Lines asked for are the step's when the step reads the words as one of its own answers
   (a menu's "I need help now"); where the step keeps what is typed, only a request put as
   one counts (bot/core/lines_asked.py). A yes, no or doubt to "are you safe right now?"
   or "are you thinking about suicide?" is that answer first ("no. what number do i
   call?" to "are you safe?" gets the emergency number first).
"""

from __future__ import annotations

import dialogues
from bot.core import delete_typed, lines_asked, yes_no
from bot.core.buttons import Button
from bot.core.delete_typed import Reading
from bot.core.questions import AskedDelete, AskedSafe, AskedSuicide, AskedTime, AskedZone
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.core.yes_no import Said


def lines(library: dialogues.Library, turn: Turn) -> tuple[str, ...] | None:
    """Whose crisis lines the typed text asks for (empty: the person's own), or None."""
    text, state, question = _typed(turn), turn.person.flow_state, turn.person.question
    if text is None or isinstance(question, AskedTime | AskedZone):
        return None
    said = yes_no.read(text) if isinstance(question, AskedSafe | AskedSuicide) else None
    if said not in (None, Said.FINE):
        return None  # "no. what number do i call?": the answer first (not safe: 999 first)
    if said is None and state is not None and dialogues.reads(library, state, text):
        return None  # the step's own (a "fine" goes to the question, not to the step)
    keeps_words = state is not None and dialogues.asks(library, state)
    return lines_asked.read(text, keeps_words=keeps_words)


def safe_and_a_button(questions: Questions, turn: Turn) -> Button | None:
    """The crisis reply's button a safe answer to "are you safe right now?" names too."""
    text, question = _typed(turn), turn.person.question
    if text is None or not isinstance(question, AskedSafe) or yes_no.read(text) is not Said.FINE:
        return None
    return questions.offered(question, text)


def delete(library: dialogues.Library, turn: Turn) -> Reading | None:
    """/delete in words (bot/core/delete_typed.py): while "Erase it all?" is open, every
    typed reply is read as its answer; otherwise only asking to erase the person's data,
    where the step does not read the words as its own ("delete" to take out an entry)."""
    text, state = _typed(turn), turn.person.flow_state
    if text is None:
        return None
    asked = isinstance(turn.person.question, AskedDelete)
    if not asked and state is not None and dialogues.reads(library, state, text):
        return None
    return delete_typed.read(text, asked=asked)


def _typed(turn: Turn) -> str | None:
    incoming = turn.incoming
    return incoming.text if incoming.choice is None and incoming.command is None else None
