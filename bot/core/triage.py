"""Triage: every message assessed once, the moment it arrives, before it waits for anything.

What the adapters need to know before answering is whether the answer is crisis lines: a
crisis message, /sos, "More ways to get help", or "Yes" to "are you thinking about
suicide?". Such a message waits for nothing long: not the store (bot/core/companion.py,
rules 3 and 6), and not the replies to the person's earlier messages (the Telegram
adapter). The Companion answers the Triage, so the text is not assessed a second time.
"""

from __future__ import annotations

from dataclasses import dataclass

import safety
from bot.core.buttons import Asked, Button, MoreHelp
from bot.core.callback_data import ButtonError, decode, is_core
from bot.core.questions import State, context_of
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
    risk = safety.assess(" ".join(part for part in (incoming.text, incoming.args) if part))
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
    )
    return Triage(incoming, risk, urgent, button, refused)


def is_sos(incoming: Incoming) -> bool:
    return (incoming.command or "").lower() == "sos"


def in_context(triaged: Triage, state: State) -> safety.Assessment:
    """The assessment of `triaged` in the light of what the person was just asked and the
    risk kinds of their episode (bot/core/questions.py, `context_of`).

    THE ONE PLACE the context goes to safety. Triage assesses before the person's record
    is read (the crisis fast lane must not wait for the store), so the context can only
    refine that first assessment here, inside the record's transaction. When safety's
    context lands (`safety.assess(text, context=safety.Context(asked=…, recent_kinds=…))`,
    with `Assessment.swallowed` and `.injured`), this becomes:

        asked, recent = context_of(state)
        if asked or recent:
            return safety.assess(text, context=safety.Context(
                asked=_asked_flags(asked), recent_kinds=recent))

    Until then the first assessment stands.
    """
    asked, recent = context_of(state)
    del asked, recent  # read above once safety.Context exists
    return triaged.risk
