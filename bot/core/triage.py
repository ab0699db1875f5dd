"""Triage: every message assessed once, the moment it arrives, before it waits for anything.

What the adapters need to know before answering is whether the answer is crisis lines: a
crisis message, /sos or the lines asked for in words, "More ways to get help", or "Yes" to
"are you thinking about suicide?". Such a message waits for nothing long: not the store
(bot/core/companion.py, rules 3 and 6), and not the replies to the person's earlier
messages (the Telegram adapter). The Companion answers the Triage, so the text is not
assessed a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

import safety
from bot.core import lines_asked, someone_else, yes_no
from bot.core.buttons import Asked, Button, MoreHelp
from bot.core.callback_data import ButtonError, decode, is_core
from bot.core.questions import State, context_of
from bot.core.yes_no import Said
from bot.messages import Incoming


@dataclass(frozen=True)
class Triage:
    """A message with what safety found in it; `urgent`: the answer is crisis lines.
    `button`: the core's button it taps (None for a flow's, or for an id the core refuses:
    `refused` names why)."""

    incoming: Incoming
    risk: safety.Assessment
    urgent: bool
    button: Button | None = None
    refused: str | None = None


def triage(incoming: Incoming) -> Triage:
    """Assess every piece of text in what the person sent (a command's arguments too)."""
    text = " ".join(part for part in (incoming.text, incoming.args) if part)
    # whose risk it is, from the words alone ("mia nipote vuole uccidersi": a crisis for her,
    # which safety does not read), so the fast lane gives the lines for them too
    risk = someone_else.theirs(safety.assess(text), text, None) if text else safety.assess(text)
    button, refused = None, None
    if incoming.choice is not None and is_core(incoming.choice):
        try:
            button = decode(incoming.choice)
        except ButtonError as error:
            refused = str(error)
    urgent = (
        risk.tier is safety.Tier.CRISIS
        or isinstance(button, MoreHelp)
        or button == Asked("yes")
        or is_sos(incoming)
        or asks_for_lines(incoming)
    )
    return Triage(incoming, risk, urgent, button, refused)


def is_sos(incoming: Incoming) -> bool:
    return (incoming.command or "").lower() == "sos"


def asks_for_lines(incoming: Incoming) -> bool:
    """Typed words asking for the lines ("crisis lines", "necesito ayuda ahora"): as /sos."""
    typed = incoming.text if incoming.choice is None and incoming.command is None else None
    return typed is not None and lines_asked.read(typed) is not None


def in_context(triaged: Triage, state: State) -> safety.Assessment:
    """The assessment of `triaged` in the light of what the person was just asked and the
    risk kinds of their episode (bot/core/questions.py, `context_of`).

    THE ONE PLACE the context goes to safety. Triage assesses before the person's record
    is read (the crisis fast lane must not wait for the store), so the context can only
    refine that first assessment here, inside the record's transaction: a bare "yes" to
    "did you swallow anything?", or "it won't stop" after an injury (safety/followup.py).
    Context only ever raises the tier, but for one thing: a plain answer to the question
    just asked that nothing but a denial or the model finds risky ("i won't do anything"
    to "are you safe right now?", "I already answered this. No." to "did you swallow
    anything?") is that answer (`answers_plainly`), not a crisis.
    """
    asked, recent = context_of(state)
    text = " ".join(part for part in (triaged.incoming.text, triaged.incoming.args) if part)
    question = next((CONTEXT_QUESTIONS[a] for a in sorted(asked) if a in CONTEXT_QUESTIONS), None)
    risk = triaged.risk
    if text and (question is not None or recent):
        risk = safety.assess(text, context=safety.Context(asked=question, recent_kinds=recent))
    if text and answers_plainly(text, asked, risk):
        return NOTHING_FOUND
    return risk


def answers_plainly(text: str, asked: frozenset[str], risk: safety.Assessment) -> bool:
    """Whether `text` is a plain answer to what was just asked, with nothing risky in it
    but the answer's own denial or the model's reading: "i'm safe", "i won't do anything"
    to "are you safe right now?"; a no to "did you swallow anything?" or "are you thinking
    about suicide?". A word of doubt, a yes, or any other risk word keeps the risk."""
    if risk.tier is safety.Tier.NONE or not set(risk.matched) <= ANSWERS_EXPLAIN:
        return False
    said = yes_no.read(text)
    if "safe" in asked and said is Said.FINE:
        return True
    return bool(asked & {"swallowed", "suicide"}) and said is Said.NO


# What a plain answer explains: its own denial ("i won't do anything stupid"), and the
# model's reading of a short answer with no risk word of the lexicon's in it (also when,
# just after an injury, safety takes that reading to be about it: "im safe. i said its NOT
# bleeding. go back").
ANSWERS_EXPLAIN = frozenset(
    {"ideation.vague_act_denied", "model.crisis", "model.risk", "context.about_the_injury"}
)
NOTHING_FOUND = safety.Assessment(
    tier=safety.Tier.NONE, kinds=frozenset(), matched=(), about_someone_else=False, immediate=False
)


# The questions whose answers safety reads in context (bot/core/questions.py names them).
CONTEXT_QUESTIONS = {"swallowed": safety.Asked.SWALLOWED, "suicide": safety.Asked.SUICIDE}
