"""What the bot says outside the flows: one page to review, approved as one piece, and an
edit after approval shows."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import ConfigError, Settings
from bot.core import words as texts
from bot.ops import words_review as wording
from bot.store import Store
from bot.wiring import build
from tests.fakes import shipped_library

TODAY = datetime.date(2026, 12, 6)


def test_every_core_sentence_and_the_crisis_replies_are_in_the_words() -> None:
    words = wording.core_words()

    for name in ("HELP", "ASK_ABOUT_SUICIDE", "ASKED_NO", "SAFE_NOW", "UNSUPPORTED_SAFE"):
        assert words[f"words.{name}"] == getattr(texts, name)
    assert "words.CHECKIN_NO_TIME" in words and "words.CHECKIN_HOW_OFTEN" in words
    assert "words.KEEP_TALKING" in words and "words.PRIVATE_ONLY" in words  # labels, adapters
    assert words["words.CHECKIN_PERIODS"].startswith("Morning (6am to noon)\n")
    assert words["engine.UNCLEAR"].startswith("I'm not sure which one you meant")
    assert (
        "Samaritans on 116 123"
        in words["crisis reply, danger may be immediate (the United Kingdom)"]
    )
    assert "checked today" in words["crisis reply, about the injury again (anywhere else)"]
    assert words["after 'no, I'm not safe' (anywhere else)"].startswith(
        "Please call your local emergency number now"
    )


def test_the_page_shows_every_sentence_and_the_review_status() -> None:
    words = wording.core_words()

    html = wording.review_page(words, {"status": "draft", "reviewers": []})

    assert "are you thinking about suicide?" in html
    assert 'class="status draft"' in html
    assert html.count('class="node"') == len(words)
    assert "<script" not in html


def test_approval_records_the_words_and_an_edit_afterwards_shows(tmp_path: Path) -> None:
    record = tmp_path / "review.yaml"
    wording.approve("A. Person, clinical psychologist", note="read", today=TODAY, path=record)
    review = wording.read_review(record)
    words = wording.core_words()

    assert review["reviewers"] == ["A. Person, clinical psychologist"]
    assert review["date"] == "2026-12-06"
    assert wording.status(review, words) == "approved"

    edited = {**words, "words.SAFE_NOW": words["words.SAFE_NOW"] + " (edited)"}
    assert wording.status(review, edited) == "changed"
    assert "CHANGED SINCE APPROVAL" in wording.review_page(edited, review)


def test_the_shipped_review_record_reads_and_says_what_it_is() -> None:
    review = wording.read_review()

    assert wording.status(review, wording.core_words()) in ("draft", "approved")


def test_the_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "words.html"

    assert main(["words", "--out", str(out)]) == 0

    assert "What Waypoint says outside the flows" in out.read_text(encoding="utf-8")
    assert "pieces of wording" in capsys.readouterr().out


def test_approving_needs_a_reviewer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words", "--approve"]) == 2
    assert "--reviewer" in capsys.readouterr().err


def test_a_bot_that_must_run_approved_words_names_the_unapproved_core_words(
    tmp_path: Path,
) -> None:
    assert wording.approval_problems(tmp_path / "none.yaml") == [
        "the bot's own words (python -m bot words): not yet approved by a reviewer"
    ]
    record = tmp_path / "review.yaml"
    wording.approve("A. Person", note=None, today=TODAY, path=record)
    assert wording.approval_problems(record) == []


async def test_with_require_approved_the_bot_will_not_start_on_unapproved_words(
    sqlite_store: Store,
) -> None:
    settings = Settings(waypoint_require_approved=True)

    with pytest.raises(ConfigError, match="the bot's own words"):
        build(settings, sqlite_store, library=shipped_library())


# -- no words outside the registry ---------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "bot" / "core" / "words.py"
# Where a Reply's text and an Option's label go: (position, keyword).
SAID = {"Reply": (0, "text"), "Option": (1, "label"), "option": (1, "label")}


def _written_words(node: ast.AST) -> bool:
    """Whether an expression spells out words itself: a string or f-string with letters
    in its literal parts (an id like "!go:topics" passed on as an id does not count)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_written_words(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _written_words(node.left) or _written_words(node.right)
    return False


def test_no_reply_text_or_button_label_is_written_outside_the_registry() -> None:
    wrong = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if path == REGISTRY:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id not in SAID:
                continue
            position, keyword = SAID[node.func.id]
            said = [kw.value for kw in node.keywords if kw.arg == keyword]
            said += node.args[position : position + 1]
            if any(_written_words(value) for value in said):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


def test_no_module_but_the_registry_keeps_sentences() -> None:
    """Prose kept in a constant elsewhere would be said without review: a module-level
    public string with a space and a letter, outside bot/core/words.py (docstrings aside)."""
    wrong = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if path == REGISTRY or "migrations" in path.parts:
            continue
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            public = any(isinstance(t, ast.Name) and not t.id.startswith("_") for t in targets)
            value = node.value
            prose = isinstance(value, ast.Constant) and isinstance(value.value, str)
            if public and prose and " " in value.value and any(map(str.isalpha, value.value)):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


def test_the_registry_holds_words_only() -> None:
    for name, value in vars(texts).items():
        if name.isupper():
            assert isinstance(value, str | tuple | dict), name
