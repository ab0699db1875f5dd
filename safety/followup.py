"""Reading a message in the light of the conversation: what the bot just asked, what was told.

`assess(text, context=...)` stays pure: the caller passes what it knows. Rules:
1. The message alone is assessed first; context only ever raises the tier, never lowers it.
2. After "did you take or swallow anything?", an answer that says yes ("yes", "yeah i
   did", "a few", "sí") is a crisis of kind overdose, with danger now; so is one that says
   how many, whatever no it carries ("i didn't take much", "nothing serious, just a few",
   `how_many`): an amount is a swallow. "No, I didn't take anything" is none.
3. After "are you thinking about suicide?", an answer that says yes is a crisis of kind
   ideation.
4. Soon after the writer told of an injury or of something swallowed, words that it goes
   on or gets worse ("it won't stop", "still bleeding", "i feel dizzy") are a crisis of that
   kind, with danger now; a word of it negated ("it stopped bleeding", "not dizzy") is not,
   and a negation negated is none ("it hasn't stopped bleeding" is still bleeding).
5. Soon after, a crisis only the model found (it cannot tell what kind) is of that kind
   too: "it took longer than 10 min to stop but it has stopped now" is about the injury,
   and gets advice for it, not words for thoughts of suicide.
A yes is a word from the lexicon's `affirmatives` (to the swallowing question also its
`amounts`: "a few", "all of them") with no negator or no in the message.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from safety.risk import Assessment, Tier


class Asked(enum.StrEnum):
    """The questions whose answers safety reads (the bot's own questions)."""

    SWALLOWED = "swallowed"
    SUICIDE = "suicide"


@dataclass(frozen=True)
class Context:
    """What the conversation says around one message: the question it may answer, and the
    kinds of risk the writer told of in this episode (for example {"injury"})."""

    asked: Asked | None = None
    recent_kinds: frozenset[str] = frozenset()


MEDICAL_KINDS = ("overdose", "injury")


def in_context(
    found: Assessment,
    tokens: tuple[str, ...],
    context: Context,
    words: Mapping[str, frozenset[str]],
) -> Assessment:
    """`found` raised by what the conversation says (rules 1-4)."""
    if context.asked is Asked.SWALLOWED and (
        _affirms(tokens, words, also="amounts") or _how_many(tokens, words)
    ):
        return _raised(found, "overdose", "context.swallowed_yes", immediate=True)
    if context.asked is Asked.SUICIDE and _affirms(tokens, words):
        return _raised(found, "ideation", "context.suicide_yes", immediate=found.immediate)
    told = [kind for kind in MEDICAL_KINDS if kind in context.recent_kinds]
    if told and _worsening(tokens, words):
        return _raised(found, told[0], "context.getting_worse", immediate=True)
    if told and found.tier is Tier.CRISIS and _model_only(found):
        return _raised(found, told[0], "context.about_the_injury", immediate=True)
    return found


def _model_only(found: Assessment) -> bool:
    """Whether only the model found the risk (rule 5)."""
    return bool(found.matched) and all(entry.startswith("model.") for entry in found.matched)


def _affirms(
    tokens: tuple[str, ...], words: Mapping[str, frozenset[str]], *, also: str = ""
) -> bool:
    present = set(tokens)
    yes = words.get("affirmatives", frozenset()) | words.get(also, frozenset())
    no = words.get("negators", frozenset()) | words.get("answers_no", frozenset())
    return bool(present & yes) and not present & no


def _how_many(tokens: tuple[str, ...], words: Mapping[str, frozenset[str]]) -> bool:
    """An amount taken (rule 2): a word of how many, or "much" right after a word of taking
    ("didn't take much"; not "thanks so much")."""
    took = words.get("took", frozenset())
    return bool(set(tokens) & words.get("how_many", frozenset())) or any(
        token == "much" and number > 0 and tokens[number - 1] in took
        for number, token in enumerate(tokens)
    )


def _worsening(tokens: tuple[str, ...], words: Mapping[str, frozenset[str]]) -> bool:
    """A word of getting worse not negated just before it (rule 4: "stopped bleeding",
    "not dizzy"), or "not ... stop" (it won't stop, can't stop it)."""
    worse = words.get("worsening", frozenset())
    negators = words.get("negators", frozenset()) | {"no"}
    if any(
        token in worse and not _negated(tokens[max(0, number - 2) : number], negators)
        for number, token in enumerate(tokens)
    ):
        return True
    return any(
        token == "stop" and "not" in tokens[max(0, number - 2) : number]
        for number, token in enumerate(tokens)
    )


def _negated(before: tuple[str, ...], negators: frozenset[str]) -> bool:
    """Whether the words just before a word negate it: one negator ("stopped bleeding", "not
    dizzy"), not two ("hasn't stopped bleeding" is still bleeding)."""
    return sum(token in negators for token in before) % 2 == 1


def _raised(found: Assessment, kind: str, entry: str, *, immediate: bool) -> Assessment:
    return Assessment(
        tier=Tier.CRISIS,
        kinds=found.kinds | {kind},
        matched=(*found.matched, entry),
        about_someone_else=False,
        immediate=immediate or found.immediate,
        sources=found.sources,
    )
