"""Waypoint's conversations: the flow format, its loader and validator, and the engine."""

from dialogues.approval import approval_problems
from dialogues.engine import asks, goes, picks, reads, resume, settled, start, step, unclear, worry
from dialogues.everyday import unsaving
from dialogues.library import TOPICS, Library, content_hash, listed_fields
from dialogues.loader import load_library, read_directory
from dialogues.matching import normalise, numbered
from dialogues.problems import FlowError, Problem
from dialogues.schema import FieldSpec, Flow
from dialogues.topics import named_topic
from dialogues.values import Answer, Button, Effect, Facts, Message, Step, Tap, Typed

__all__ = [
    "TOPICS",
    "Answer",
    "Button",
    "Effect",
    "Facts",
    "FieldSpec",
    "Flow",
    "FlowError",
    "Library",
    "Message",
    "Problem",
    "Step",
    "Tap",
    "Typed",
    "approval_problems",
    "asks",
    "content_hash",
    "goes",
    "listed_fields",
    "load_library",
    "named_topic",
    "normalise",
    "numbered",
    "picks",
    "read_directory",
    "reads",
    "resume",
    "settled",
    "start",
    "step",
    "unclear",
    "unsaving",
    "worry",
]
