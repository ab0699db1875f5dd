"""The lexicon compiler: data errors are named, and the module stays pure and quiet."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from safety.errors import SafetyError
from safety.lexicon import KINDS, Entry, compile_lexicon, lexicon

SAFETY = Path(__file__).parent.parent / "safety"


def _data(*patterns: Any, classes: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "classes": classes or {},
        "entries": [{"id": "t.one", "kind": "ideation", "patterns": list(patterns)}],
    }


def test_patterns_allow_words_in_between_up_to_the_gap() -> None:
    compiled = compile_lexicon(_data("want to die"))
    seq = compiled.sequences[0]
    assert [sorted(slot) for slot in seq.slots] == [["want"], ["to"], ["die"]]
    assert seq.gap == 2


def test_alternatives_nest_and_classes_expand() -> None:
    compiled = compile_lexicon(_data("(hurt|cut) ({me}|my arm)", classes={"me": ["myself"]}))
    shapes = sorted([sorted(slot) for slot in s.slots] for s in compiled.sequences)
    assert shapes == [[["cut", "hurt"], ["my"], ["arm"]], [["cut", "hurt"], ["myself"]]]


def test_patterns_are_normalised_like_messages() -> None:
    compiled = compile_lexicon({**_data("don't wanna live"), "rewrites": {"dont": "do not"}})
    assert [next(iter(slot)) for slot in compiled.sequences[0].slots] == [
        "do",
        "not",
        "wanna",
        "live",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_data("{nothing} here"), "unknown class"),
        (_data("(open group"), "unbalanced"),
        (_data(True), "quoted"),
        (_data("x", classes={"c": [False]}), "quote"),
        ({"entries": [{"id": "t.x", "kind": "sadness", "patterns": ["x"]}]}, "unknown kind"),
        ({"entries": [{"kind": "urge", "patterns": ["x"]}]}, "id"),
        ({"entries": [{"id": "t.y", "kind": "urge", "patterns": []}]}, "no patterns"),
        (_data("(a b|c d|e f|g h) " * 5), "expands"),
    ],
)
def test_data_errors_name_what_is_wrong(data: dict[str, Any], message: str) -> None:
    with pytest.raises(SafetyError, match=message):
        compile_lexicon(data)


def test_the_shipped_lexicon_uses_known_kinds_and_unique_ids() -> None:
    compiled = lexicon()
    assert {seq.entry.kind for seq in compiled.sequences} <= set(KINDS)
    ids: dict[str, Entry] = {}
    for seq in compiled.sequences:
        ids.setdefault(seq.entry.id, seq.entry)
        assert ids[seq.entry.id] == seq.entry


def test_the_safety_package_never_logs_or_prints_outside_its_command_line() -> None:
    for path in SAFETY.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in (
                node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
            )
        }
        assert "logging" not in imported, path.name
        assert not imported & {"bot", "dialogues", "telegram", "sqlalchemy"}, path.name
        if path.name != "__main__.py":
            calls = [
                node
                for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print"
            ]
            assert not calls, path.name
