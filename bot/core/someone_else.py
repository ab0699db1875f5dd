"""Typed text about someone else's self-injury or risk: a child, a friend, a partner, a parent.

Safety says whether worried words are about someone else (`about_someone_else`); this
reads plain words that safety finds nothing in ("my daughter has been cutting her arms",
"i'm worried about my friend", "my son has scars") so that they go to the someone_else
flow, never to the writer's own urge.
"""

from __future__ import annotations

import dataclasses
import re

import safety
from bot.core import words
from bot.messages import Reply
from dialogues import normalise

_PERSON = (
    r"(?:my|our|a|his|her) (?:\d+ ?(?:year|yr)s? ?old|(?:teenage |little |best |close |older |"
    r"younger |step ?)?(?:friend|mate|bestie|bff|daughter|son|child|kid|teen|teenager|boy|girl|"
    r"partner|boyfriend|girlfriend|bf|gf|wife|husband|mum|mom|mother|dad|father|parent|"
    r"brother|sister|sibling|cousin|student|pupil|flatmate|roommate|niece|nephew|grandchild))s?"
)
_WORRY = (
    r"(?:cut|cuts|cutting|self ?harm\w*|harm\w* (?:him|her|them)sel(?:f|ves)|"
    r"hurt\w* (?:him|her|them)sel(?:f|ves)|scars?|burn\w* (?:him|her|them)sel(?:f|ves)|"
    r"suicid\w*|wants? to die|kill (?:him|her|them)sel(?:f|ves)|injur\w*|worried|worry|"
    r"scared for|concerned)"
)
_THIRD = re.compile(r"\b(?:she|he|her|him|they|them|their|she s|he s|they re)\b")
_OWN = re.compile(
    r"\b(?:myself|me|i (?:want|wanna|need|feel|keep|can t|cant|did|just)|"
    r"my (?:arm|arms|leg|legs|skin|wrist|wrists|body|thigh|thighs))\b"
)
_ABOUT = re.compile(rf"\b{_PERSON}\b.*\b{_WORRY}\b|\b{_WORRY}\b.*\b{_PERSON}\b")
_NOT_ME = re.compile(
    r"\b(?:(?:it s|its|it is|this is|this isn t|this is not) not (?:me|about me|for me)|"
    r"not (?:me|about me|for me) (?:it s |its |it is |i mean |)(?:her|him|them|my \w+)|"
    r"i mean (?:for |about |)(?:her|him|them)|"
    r"(?:for|about) (?:someone|somebody) else|(?:someone|somebody) else (?:is|s|might|may))\b"
)
FLOW = "someone_else"
# Kinds of worry that are someone else's self-injury or risk, when safety says it is theirs.
_RISK_KINDS = frozenset({"urge", "lapse", "injury", "hopelessness", "distress", "burden"})


def mentioned(text: str) -> bool:
    """Whether `text` is about someone else self-injuring or at risk."""
    return bool(_ABOUT.search(normalise(text)))


def about_them(text: str) -> bool:
    """Whether worried words are plainly about someone else and not the writer's own: a
    person of theirs named with the worry ("i'm worried about my daughter"), or in the
    someone-else flow a "she", "him", "them" ("what do i say to her?"), and nothing of the
    writer's own wanting or body ("myself", "i want to", "my arms")."""
    typed = normalise(text)
    return not _OWN.search(typed) and bool(_ABOUT.search(typed) or _THIRD.search(typed))


def worried_about_them(text: str, risk: safety.Assessment) -> bool:
    """Whether worried words are about someone else's self-injury or risk: safety says so,
    or only the model found worry (no risk words of the writer's own) in words about
    another person ("I'm worried about my daughter")."""
    if self_injury(risk):
        return True
    model_only = bool(risk.matched) and all(m.startswith("model.") for m in risk.matched)
    return model_only and mentioned(text)


def in_their_flow(state: dict[str, object] | None) -> bool:
    """Whether the person is in the someone_else flow: their worried words are about the
    other person, or their own worry for them, not their own distress."""
    return state is not None and state.get("flow") == FLOW


def for_them(replies: list[Reply], state: dict[str, object] | None) -> list[Reply]:
    """The flow's replies to a helper's worried words: its first "not sure which one you
    meant" at a step becomes words for their worry, with the same buttons; a second miss
    gets the flow's way out, so worry never meets the same words in a loop."""
    if state is None or state.get("missed") != 1 or len(replies) != 1:
        return replies
    return [Reply(words.WORRIED_FOR_THEM, options=replies[0].options)]


def not_the_writer(text: str) -> bool:
    """Whether the writer says the danger is someone else's, not theirs: "its not me its
    HER", "i mean for her", "someone else is in danger"."""
    return _NOT_ME.search(normalise(text)) is not None


def theirs(
    risk: safety.Assessment, text: str, state: dict[str, object] | None
) -> safety.Assessment:
    """`risk` read as someone else's when nothing but the model found it (the model cannot
    tell whose words these are) and the writer says it is not theirs ("its not me its
    HER"), or, in the someone-else flow, speaks of the other person and not of themselves
    ("she was an hour ago. now shes at the hospital"); else `risk`."""
    model_only = bool(risk.matched) and all(m.startswith("model.") for m in risk.matched)
    if risk.about_someone_else or not model_only:
        return risk
    if not_the_writer(text) or (in_their_flow(state) and about_them(text)):
        return dataclasses.replace(risk, about_someone_else=True)
    return risk


# What a crisis reply for someone else is given when only the writer's words say it is theirs.
THEIR_DANGER = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"danger"}),
    matched=(),
    about_someone_else=True,
    immediate=True,
)


def self_injury(risk: safety.Assessment) -> bool:
    """Whether worried words, about someone else, are about their self-injury or risk."""
    return risk.about_someone_else and not risk.kinds.isdisjoint(_RISK_KINDS)
