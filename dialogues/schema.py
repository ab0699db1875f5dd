"""The flow format as pydantic models: what a flow file may contain, checked on load."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

AREAS = (
    "realistic-expectations",
    "thoughts-and-urges",
    "self-efficacy",
    "strengths",
    "alternatives",
    "underlying-adversities",
    "scarring",
    "disclosure",
    "self-acceptance",
    "insight",
    "connection",
    "values",
    "core",
)
FACTS = ("consent", "country_set", "checkins_on", "asked_about_suicide")
# Kinds of helpline a flow may show (`{lines: [...]}`); the same names as safety.KINDS.
LINE_KINDS = ("crisis", "children", "abuse", "self_harm", "parents", "lgbtq")
LineKind = Literal["crisis", "children", "abuse", "self_harm", "parents", "lgbtq"]
Area = Literal[
    "realistic-expectations",
    "thoughts-and-urges",
    "self-efficacy",
    "strengths",
    "alternatives",
    "underlying-adversities",
    "scarring",
    "disclosure",
    "self-acceptance",
    "insight",
    "connection",
    "values",
    "core",
]
Scalar = str | int | bool


def _as_text(value: object) -> object:
    """Words a person sees may be written bare in YAML (`15`, `true`): keep them as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int | float) else value


Text = Annotated[str, BeforeValidator(_as_text)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Reviewer(_Model):
    name: str
    role: str = ""


class Review(_Model):
    status: Literal["draft", "approved"] = "draft"
    reviewers: tuple[Reviewer, ...] = ()
    date: datetime.date | None = None
    note: str = ""
    approved_hash: str | None = None


class Save(_Model):
    field: str
    value: Text


class Hold(_Model):
    """Hold a value in a var for this conversation (e.g. the idea a person picked)."""

    var: str
    value: Text


class Choice(_Model):
    label: Text = Field(min_length=1)
    synonyms: tuple[Text, ...] = ()
    # Worries this choice answers, as people put them ("what if she tells my parents",
    # "scared of how he'll react"): typed at any step of the flow, worried-sounding or
    # not, they go where the choice goes (dialogues/engine.py, rule 12).
    worries: tuple[Text, ...] = ()
    to: str
    save: Save | None = None
    hold: Hold | None = None
    # Add a value to a list held for this conversation (check-in tags: pick several).
    collect: Hold | None = None
    # What the choice says to the node's `asked` question (the core's episode remembers).
    means: Literal["yes", "no", "unsure", "skip"] | None = None


class Ask(_Model):
    field: str | None = None
    var: str | None = None
    then: str
    skip: Text = Field(min_length=1)
    skip_to: str | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Ask:
        if (self.field is None) == (self.var is None):
            raise ValueError("an ask keeps its answer in exactly one of `field` or `var`")
        return self


class Scale(_Model):
    min: int = 0
    max: int = 10
    var: str | None = None
    low: Text | None = None
    high: Text | None = None
    then: str
    rate: str | None = None

    @model_validator(mode="after")
    def _range(self) -> Scale:
        if not 0 <= self.max - self.min <= 10:
            raise ValueError("a scale needs min <= max and at most 11 numbers")
        return self


class Condition(_Model):
    var: str | None = None
    at_least: int | None = None
    at_most: int | None = None
    is_: Scalar | None = Field(default=None, alias="is")
    mentions: tuple[Text, ...] | None = Field(default=None, min_length=1)
    has: str | None = None
    hidden: str | None = None  # the person has hidden at least one entry of this field
    fact: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        checks = (self.at_least, self.at_most, self.is_, self.mentions)
        tests = sum(x is not None for x in checks)
        kept = (self.has is not None) + (self.hidden is not None)
        if self.var is not None:
            ok = kept == 0 and self.fact is None and tests == 1
        elif self.fact is not None:
            ok = kept == 0 and self.is_ is not None and tests == 1
        else:
            ok = kept == 1 and tests == 0
        if not ok:
            raise ValueError(
                "a condition is one of {var, at_least|at_most|is|mentions}, {has}, {hidden},"
                " {fact, is}"
            )
        return self


class Arm(_Model):
    if_: Condition | None = Field(default=None, alias="if")
    to: str | None = None
    else_: str | None = Field(default=None, alias="else")

    @model_validator(mode="after")
    def _shape(self) -> Arm:
        if self.else_ is not None:
            if self.if_ is not None or self.to is not None:
                raise ValueError("`else` stands alone: {else: target}")
        elif self.if_ is None or self.to is None:
            raise ValueError("a branch arm is {if: condition, to: target} or {else: target}")
        return self

    @property
    def target(self) -> str:
        return self.else_ if self.else_ is not None else str(self.to)


class Checkback(_Model):
    minutes: int = Field(ge=1, le=1440)


class Keep(_Model):
    var: str
    field: str


class Listing(_Model):
    """The person's kept entries of `field` as buttons before the node's choices; the one
    tapped or typed is held in `var`, and the conversation goes on to `to`."""

    field: str
    var: str
    to: str
    hidden: bool = False  # list the entries the person hid, instead of the others


class Action(_Model):
    show: str | None = None
    lines: tuple[LineKind, ...] | None = Field(default=None, min_length=1)
    keep: Keep | None = None
    schedule_checkback: Checkback | None = None
    open: Literal["country", "checkins"] | None = None
    consent: Literal["given"] | None = None
    forget: str | None = None
    drop: Keep | None = None
    hide: Keep | None = None  # the entry in the var leaves suggestions, still kept
    unhide: Keep | None = None  # a hidden entry is suggested again
    copy_: Literal["safety_plan"] | None = Field(default=None, alias="copy")
    record: Literal["checkin"] | None = None
    # This node asks about suicide, or whether anything was swallowed: the core remembers
    # it for the episode, so the person is not asked again (bot/core/questions.py).
    asked: Literal["suicide", "swallowed"] | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Action:
        if len(self.model_fields_set) != 1:
            raise ValueError("each `do` item is exactly one action, e.g. {show: toolbox}")
        return self


class Node(_Model):
    say: tuple[Text, ...] = ()
    choices: tuple[Choice, ...] | None = None
    ask: Ask | None = None
    scale: Scale | None = None
    next: str | None = None
    branch: tuple[Arm, ...] | None = None
    end: bool = False
    do: tuple[Action, ...] = ()
    listing: Listing | None = Field(default=None, alias="list")

    @field_validator("say", mode="before")
    @classmethod
    def _one_bubble(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @property
    def ways_on(self) -> tuple[str, ...]:
        """The keys that say how the conversation goes on from here."""
        keys = ("choices", "ask", "scale", "next", "branch")
        found = tuple(k for k in keys if getattr(self, k) is not None)
        return (*found, "end") if self.end else found

    @property
    def waits(self) -> bool:
        """Whether the node waits for the person (choices, ask or scale)."""
        return self.choices is not None or self.ask is not None or self.scale is not None

    def targets(self) -> tuple[str, ...]:
        """Every target this node can go to, in the order the file gives them."""
        if self.choices is not None:
            listed = (self.listing.to,) if self.listing is not None else ()
            return (*listed, *(c.to for c in self.choices))
        if self.ask is not None:
            return (self.ask.then, self.ask.skip_to or self.ask.then)
        if self.scale is not None:
            return (self.scale.then,)
        if self.next is not None:
            return (self.next,)
        if self.branch is not None:
            return tuple(arm.target for arm in self.branch)
        return ()


class Flow(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Text
    area: Area
    format: Literal[1]
    version: int = Field(ge=1)
    review: Review = Review()
    start: str
    nodes: dict[str, Node] = Field(min_length=1)


class FieldSpec(_Model):
    kind: Literal["text", "list"]
    label: str
    rated: bool = False
