"""Tier and Assessment: what the detector says about one message."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Tier(enum.StrEnum):
    """How worried to be: carry on, a warm check, or the crisis reply."""

    NONE = "none"
    CONCERN = "concern"
    CRISIS = "crisis"

    @property
    def rank(self) -> int:
        """0, 1, 2: for taking the highest of several tiers."""
        return _RANK[self]


_RANK = {Tier.NONE: 0, Tier.CONCERN: 1, Tier.CRISIS: 2}

# Concern that can hide thoughts of suicide the message does not state. Urges and lapses
# on their own are about self-injury, which is not the same thing.
UNSTATED_SUICIDE_KINDS = frozenset({"hopelessness", "distress"})
# The kinds of risk that are concern, not crisis, on their own.
CONCERN_KINDS = frozenset({"urge", "lapse", "hopelessness", "distress"})


@dataclass(frozen=True)
class Assessment:
    """The detector's view of one message.

    `matched` holds lexicon entry ids (never the text); `immediate` means danger may be
    immediate, so the crisis reply leads with the emergency number.
    """

    tier: Tier
    kinds: frozenset[str]
    matched: tuple[str, ...]
    about_someone_else: bool
    immediate: bool
    # the lexicon patterns that matched ("entry.id#n"): what the model may trust (model.py)
    sources: tuple[str, ...] = ()

    @property
    def swallowed(self) -> bool:
        """The writer took or swallowed something: medical help now (SAFE_MESSAGING, Always 10)."""
        return self.tier is Tier.CRISIS and not self.about_someone_else and "overdose" in self.kinds

    @property
    def injured(self) -> bool:
        """The writer tells of an injury that may need care now."""
        return self.tier is Tier.CRISIS and not self.about_someone_else and "injury" in self.kinds

    @property
    def unsure_about_suicide(self) -> bool:
        """Whether to ask the writer directly if they are thinking about suicide
        (SAFE_MESSAGING.md, Always 4): their own hopelessness or distress, short of crisis."""
        return (
            self.tier is Tier.CONCERN
            and not self.about_someone_else
            and not self.kinds.isdisjoint(UNSTATED_SUICIDE_KINDS)
        )
