"""Golden transcripts: each flow replayed as a person would see it, against tests/golden/*.txt.

Format of a transcript (one or more conversations per file; blank lines do not matter):

    # A comment, kept as written.
    facts: consent country_set      flags that are true for the next conversation (optional)
    counts: toolbox=2 wins=1         saved entries per field for the next conversation (optional)
    entries: toolbox=Music|A walk    a field's saved entries, best first, for `list:` nodes
                                     (optional; one line a field; they count as saved too)
    hidden: toolbox=Ice              a field's entries the person hid (optional; saved too)
    start: urges:now                 begins a conversation at a target (flow, flow:node, topics)
    Waypoint: a bubble               what Waypoint says (longer text continues on indented lines)
       [Ride the wave with me]       the buttons on that bubble
       * show field="crisis_lines"   something the core is asked to do (save, show, open, ...)
    > [Ride the wave with me]        the person taps that button
    > I went for a walk              the person types this
    (the conversation rests)         the flow ended

Only `#`, `facts:`, `counts:`, `entries:`, `hidden:`, `start:` and `>` lines are input;
every other line is Waypoint's side and is compared with what the engine produces. Saves,
consent, forgets, drops and hides update the facts as the core would, so later branches
see them.

To write a new transcript, write only the input lines, run
`WAYPOINT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_flows_golden.py`, then read the
result line by line before committing it: it becomes what the flow is expected to say.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dialogues import Effect, Facts, Library, Message, Step, Tap, Typed, load_library, start, step

GOLDEN = Path(__file__).parent / "golden"
FLOWS = Path(__file__).parent.parent / "dialogues" / "flows"
SPEAKER = "Waypoint: "
INDENT = " " * len(SPEAKER)
RESTS = "(the conversation rests)"
Entries = dict[str, list[str]]
UPDATE = os.environ.get("WAYPOINT_UPDATE_GOLDEN") == "1"


@dataclass
class Conversation:
    """One conversation: the facts it starts with, where, and what the person does."""

    comments: list[str] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    entries: dict[str, list[str]] = field(default_factory=dict)
    hidden: dict[str, list[str]] = field(default_factory=dict)
    target: str = ""
    moves: list[str] = field(default_factory=list)


class TranscriptError(Exception):
    """A transcript that cannot be read or replayed; the message names the file and the line."""


def parse(text: str, *, name: str) -> list[Conversation]:
    """The conversations in a transcript, from its input lines only."""
    conversations: list[Conversation] = []
    pending = Conversation()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            pending.comments.append(line)
        elif line.startswith("facts:"):
            pending.flags = {flag: True for flag in line.removeprefix("facts:").split()}
        elif line.startswith("counts:"):
            pending.counts = _counts(line.removeprefix("counts:"), where=f"{name}:{number}")
        elif line.startswith("entries:"):
            key, _, listed = line.removeprefix("entries:").strip().partition("=")
            pending.entries[key] = [entry.strip() for entry in listed.split("|") if entry.strip()]
        elif line.startswith("hidden:"):
            key, _, listed = line.removeprefix("hidden:").strip().partition("=")
            pending.hidden[key] = [entry.strip() for entry in listed.split("|") if entry.strip()]
        elif line.startswith("start:"):
            pending.target = line.removeprefix("start:").strip()
            conversations.append(pending)
            pending = Conversation()
        elif line.startswith(">"):
            if not conversations:
                raise TranscriptError(f"{name}:{number}: a '>' line before any 'start:'")
            conversations[-1].moves.append(line.removeprefix(">").strip())
    if not conversations:
        raise TranscriptError(f"{name}: no 'start:' line")
    return conversations


def replay(library: Library, conversation: Conversation, *, name: str) -> list[str]:
    """The conversation written out, Waypoint's side as the engine produces it now."""
    lines = [*conversation.comments]
    if conversation.flags:
        lines.append("facts: " + " ".join(sorted(conversation.flags)))
    if conversation.counts:
        pairs = sorted(conversation.counts.items())
        lines.append("counts: " + " ".join(f"{k}={v}" for k, v in pairs))
    for key, listed in sorted(conversation.entries.items()):
        lines.append(f"entries: {key}=" + "|".join(listed))
    for key, listed in sorted(conversation.hidden.items()):
        lines.append(f"hidden: {key}=" + "|".join(listed))
    lines.append(f"start: {conversation.target}")
    flags, counts = dict(conversation.flags), dict(conversation.counts)
    entries = {key: list(listed) for key, listed in conversation.entries.items()}
    hidden = {key: list(listed) for key, listed in conversation.hidden.items()}
    for key, listed in entries.items():
        counts[key] = max(counts.get(key, 0), len(listed))  # hidden ones are not counted
    current = start(library, conversation.target, facts=_facts(flags, counts, entries, hidden))
    lines += _render(current, flags, counts, entries, hidden)
    for move in conversation.moves:
        lines.append(f"> {move}")
        if current.state is None:
            raise TranscriptError(f"{name}: '> {move}' after the conversation rested")
        answer = _answer(move, current, name=name)
        facts = _facts(flags, counts, entries, hidden)
        current = step(library, current.state, answer, facts=facts)
        lines += _render(current, flags, counts, entries, hidden)
    return lines


def _facts(
    flags: dict[str, bool], counts: dict[str, int], entries: Entries, hidden: Entries
) -> Facts:
    listed = {key: tuple(values) for key, values in entries.items()}
    away = {key: tuple(values) for key, values in hidden.items()}
    return Facts(flags=dict(flags), counts=dict(counts), entries=listed, hidden=away)


def render_file(library: Library, text: str, *, name: str) -> str:
    """The whole transcript file as it should read now."""
    blocks = ["\n".join(replay(library, c, name=name)) for c in parse(text, name=name)]
    return "\n\n".join(blocks) + "\n"


def _meaningful(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _counts(text: str, *, where: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for pair in text.split():
        key, _, value = pair.partition("=")
        if not value.isdigit():
            raise TranscriptError(f"{where}: counts are written field=number, not {pair!r}")
        counts[key] = int(value)
    return counts


def _answer(move: str, current: Step, *, name: str) -> Tap | Typed:
    if not (move.startswith("[") and move.endswith("]")):
        return Typed(move)
    label = move[1:-1]
    offered = [b for m in current.messages for b in m.buttons]
    for button in offered:
        if button.label == label:
            return Tap(button.id)
    labels = ", ".join(f"[{b.label}]" for b in offered) or "none"
    raise TranscriptError(f"{name}: no button [{label}] here; the buttons are {labels}")


def _render(
    current: Step,
    flags: dict[str, bool],
    counts: dict[str, int],
    entries: Entries,
    hidden: Entries,
) -> list[str]:
    lines: list[str] = []
    for item in current.out:
        if isinstance(item, Message):
            first, *rest = item.text.splitlines() or [""]
            lines.append(SPEAKER + first)
            lines += [INDENT + more for more in rest]
            if item.buttons and all(b.label.isdigit() for b in item.buttons):
                lines.append("   " + " ".join(f"[{b.label}]" for b in item.buttons))
            else:
                lines += [f"   [{b.label}]" for b in item.buttons]
        else:
            lines.append("   * " + _effect(item))
            _apply(item, flags, counts, entries, hidden)
    if current.state is None:
        lines.append(RESTS)
    return lines


def _effect(effect: Effect) -> str:
    args = " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in effect.args.items())
    return f"{effect.action} {args}".rstrip()


def _apply(
    effect: Effect,
    flags: dict[str, bool],
    counts: dict[str, int],
    entries: Entries | None = None,
    hidden: Entries | None = None,
) -> None:
    """Update the facts as the core would after carrying out the effect."""
    entries = {} if entries is None else entries
    hidden = {} if hidden is None else hidden
    name = str(effect.args.get("field", ""))
    value = str(effect.args.get("value", ""))
    if effect.action == "consent":
        flags["consent"] = True
    elif effect.action == "save":
        counts[name] = counts.get(name, 0) + 1
        kept = entries.setdefault(name, [])
        if value.casefold() not in (entry.casefold() for entry in kept):
            kept.append(value)
    elif effect.action == "drop":
        was_hidden = value.casefold() in (e.casefold() for e in hidden.get(name, []))
        if not was_hidden:
            counts[name] = max(0, counts.get(name, 0) - 1)
        entries[name] = [e for e in entries.get(name, []) if e.casefold() != value.casefold()]
        hidden[name] = [e for e in hidden.get(name, []) if e.casefold() != value.casefold()]
    elif effect.action in ("hide", "unhide"):
        source, into = (entries, hidden) if effect.action == "hide" else (hidden, entries)
        moved = [e for e in source.get(name, []) if e.casefold() == value.casefold()]
        source[name] = [e for e in source.get(name, []) if e.casefold() != value.casefold()]
        into[name] = [*into.get(name, []), *moved]
        counts[name] = len(entries[name])
    elif effect.action == "forget":
        counts[name] = 0
        entries[name] = []


def _transcripts() -> list[Path]:
    return sorted(GOLDEN.glob("*.txt"))


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize("path", _transcripts(), ids=lambda p: p.stem)
def test_transcript_reads_as_the_flow_says_now(library: Library, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = render_file(library, text, name=path.name)
    if UPDATE:
        path.write_text(expected, encoding="utf-8")
    assert _meaningful(text) == _meaningful(expected), (
        f"{path.name} no longer matches the flows; if the change is intended, rerun with "
        "WAYPOINT_UPDATE_GOLDEN=1, read the new transcript and commit it"
    )


@pytest.mark.parametrize("path", _transcripts(), ids=lambda p: p.stem)
def test_transcript_starts_in_its_own_flow(path: Path) -> None:
    targets = [c.target for c in parse(path.read_text(encoding="utf-8"), name=path.name)]
    assert any(t.split(":")[0] == path.stem for t in targets)


def test_every_flow_has_a_golden_transcript() -> None:
    flows = {p.stem for p in FLOWS.glob("*.yaml")}
    missing = sorted(flows - {p.stem for p in _transcripts()})
    assert not missing, f"flows without a transcript in tests/golden: {missing}"


def test_a_tap_on_a_button_that_is_not_offered_names_the_buttons(library: Library) -> None:
    with pytest.raises(TranscriptError, match=r"no button \[Nope\].*\[Tell me more\]"):
        render_file(library, "start: welcome\n> [Nope]\n", name="inline")


def test_a_transcript_without_a_start_is_refused() -> None:
    with pytest.raises(TranscriptError, match="no 'start:' line"):
        parse("# only a comment\nfacts: consent\n", name="inline")


def test_saving_counts_as_having_for_later_branches() -> None:
    flags: dict[str, bool] = {}
    counts: dict[str, int] = {}
    _apply(Effect("save", {"field": "wins", "value": "a walk"}), flags, counts)
    _apply(Effect("consent", {}), flags, counts)
    assert counts == {"wins": 1}
    assert flags == {"consent": True}
    _apply(Effect("forget", {"field": "wins"}), flags, counts)
    assert counts == {"wins": 0}
