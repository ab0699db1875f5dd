"""Review pack, approval stamps and the `python -m dialogues` command line."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from dialogues import FlowError, approval_problems, content_hash, load_library
from dialogues.__main__ import main
from dialogues.review import write_pack
from dialogues.stamp import approve

CHROMIUM = Path("/usr/bin/chromium")
FIELDS = "wins: {kind: list, label: Times I got through}\n"
TOPICS = """\
id: topics
title: Topics
area: core
format: 1
version: 1
start: menu
nodes:
  menu:
    say: [What would you like to talk about?]
    choices:
      - {label: Wins, to: wins}
      - {label: Nothing right now, to: end}
"""
WINS = """\
# A comment the approval must keep.
id: wins
title: Wins & <small> steps
area: self-efficacy
format: 1
version: 2
review:
  status: draft
  reviewers: []
  date: null
  note: First draft.
  approved_hash: null

# Another comment, kept too.
start: ask
nodes:
  ask:
    say:
      - Think of a time you got through an urge.
      - What helped? <b>Anything</b> counts.
    ask: {field: wins, then: thanks, skip: Not now}
  thanks:
    say: [Thank you for sharing that.]
    do: [{show: wins}]
    end: true
"""
TODAY = datetime.date(2026, 11, 21)


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    directory = tmp_path / "flows"
    directory.mkdir()
    (directory / "fields.yaml").write_text(FIELDS)
    (directory / "topics.yaml").write_text(TOPICS)
    (directory / "wins.yaml").write_text(WINS)
    return directory


def test_the_pack_shows_each_node_as_the_chat_will_with_escaped_text(
    flows: Path, tmp_path: Path
) -> None:
    pages = write_pack(load_library(flows), tmp_path / "pack")
    assert sorted(p.name for p in pages) == ["index.html", "topics.html", "wins.html"]
    page = (tmp_path / "pack" / "wins.html").read_text()
    assert "What helped? &lt;b&gt;Anything&lt;/b&gt; counts." in page
    assert "Wins &amp; &lt;small&gt; steps" in page
    assert '<span class="button">Not now</span>' in page
    assert 'id="n-thanks"' in page and 'href="#n-thanks"' in page
    assert "Shows their kept “Times I got through”." in page
    assert "<svg" in page and "<script" not in page
    index = (tmp_path / "pack" / "index.html").read_text()
    assert '<span class="status draft">draft</span>' in index


def test_approving_rewrites_only_the_review_block(flows: Path) -> None:
    approve(flows, "wins", reviewer="A. Person, Clinical psychologist", note=None, today=TODAY)
    text = (flows / "wins.yaml").read_text()
    before, after = WINS.split("review:\n")[0], WINS.split("\n\n# Another")[1]
    assert text.startswith(before) and text.endswith(after)
    flow = load_library(flows).flows["wins"]
    assert flow.review.status == "approved"
    assert flow.review.reviewers[0].name == "A. Person"
    assert flow.review.reviewers[0].role == "Clinical psychologist"
    assert flow.review.date == TODAY
    assert flow.review.note == "First draft."
    assert flow.review.approved_hash == content_hash(flow)


def test_a_second_reviewer_of_the_same_content_is_added(flows: Path) -> None:
    approve(flows, "wins", reviewer="A. Person, Psychologist", note=None, today=TODAY)
    approve(flows, "wins", reviewer="B. Other, Nurse", note="Both read it.", today=TODAY)
    review = load_library(flows).flows["wins"].review
    assert [r.name for r in review.reviewers] == ["A. Person", "B. Other"]
    assert review.note == "Both read it."


def test_editing_an_approved_flow_shows_it_changed_since_approval(
    flows: Path, tmp_path: Path
) -> None:
    approve(flows, "wins", reviewer="A. Person, Psychologist", note=None, today=TODAY)
    assert approval_problems(load_library(flows)) == ["topics: not yet approved by a reviewer"]
    path = flows / "wins.yaml"
    path.write_text(path.read_text().replace("Thank you for sharing", "Thanks for sharing"))
    library = load_library(flows)
    assert approval_problems(library) == [
        "topics: not yet approved by a reviewer",
        "wins: changed since it was approved on 2026-11-21",
    ]
    write_pack(library, tmp_path / "pack")
    assert "CHANGED SINCE APPROVAL" in (tmp_path / "pack" / "index.html").read_text()


def test_comments_and_layout_do_not_change_the_content_hash(flows: Path) -> None:
    first = content_hash(load_library(flows).flows["wins"])
    path = flows / "wins.yaml"
    path.write_text("# new comment\n" + path.read_text().replace("note: First draft.", "note: x"))
    assert content_hash(load_library(flows).flows["wins"]) == first


def test_a_reviewer_needs_a_name_and_a_role(flows: Path) -> None:
    with pytest.raises(FlowError, match="Name, role"):
        approve(flows, "wins", reviewer="Just a name", note=None, today=TODAY)


def test_a_flow_with_errors_cannot_be_approved(flows: Path) -> None:
    path = flows / "wins.yaml"
    path.write_text(path.read_text().replace("then: thanks", "then: nowhere"))
    with pytest.raises(FlowError, match="nowhere"):
        approve(flows, "wins", reviewer="A. Person, Psychologist", note=None, today=TODAY)


def test_check_prints_problems_and_a_summary_and_fails_on_errors(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(flows)]) == 0
    assert capsys.readouterr().out == "2 flows, 3 nodes: 0 errors, 0 warnings\n"
    path = flows / "wins.yaml"
    path.write_text(path.read_text().replace("then: thanks", "then: nowhere"))
    assert main(["check", str(flows)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "wins.yaml:17: from node 'ask' neither an end nor the topics menu can be reached",
        "wins.yaml:21: target 'nowhere' does not resolve (a node here, flow:node, a flow, "
        "topics or end)",
        "wins.yaml:22: node 'thanks' cannot be reached from start 'ask'",
        "2 flows, 3 nodes: 3 errors, 0 warnings",
    ]


def test_check_strict_fails_on_warnings(flows: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = flows / "wins.yaml"
    hard = "Institutional considerations necessitate comprehensive individualised formulation."
    path.write_text(path.read_text().replace("Thank you for sharing that.", hard))
    assert main(["check", str(flows)]) == 0
    assert main(["check", "--strict", str(flows)]) == 1
    assert "warning: reading level is grade" in capsys.readouterr().out


def test_check_uses_the_safety_modules_forbidden_phrases(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from safety import forbidden_phrases

    phrase = forbidden_phrases()[0]
    path = flows / "wins.yaml"
    path.write_text(path.read_text().replace("Thank you for sharing that.", f"A {phrase} here."))
    assert main(["check", str(flows)]) == 1
    assert f"'{phrase}' must not be used" in capsys.readouterr().out


def test_approve_on_the_command_line_stamps_the_file(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["approve", "wins", "--reviewer", "A. Person, GP", "--flows", str(flows)]
    assert main(argv) == 0
    assert "status: approved" in (flows / "wins.yaml").read_text()
    assert main(["approve", "wins", "--reviewer", "nobody", "--flows", str(flows)]) == 1
    assert "not approved" in capsys.readouterr().err


def test_the_shipped_flows_pass_check() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dialogues", "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout
    assert " 0 errors" in done.stdout.splitlines()[-1]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed at /usr/bin/chromium")
def test_a_review_page_renders_in_headless_chromium(flows: Path, tmp_path: Path) -> None:
    write_pack(load_library(flows), tmp_path / "pack")
    page = (tmp_path / "pack" / "wins.html").as_uri()
    profile = tempfile.mkdtemp()
    flags = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    try:
        dom = subprocess.run(
            [*flags, "--dump-dom", page], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        shot = tmp_path / "wins.png"
        subprocess.run(
            [*flags, f"--screenshot={shot}", "--window-size=1000,1400", page],
            capture_output=True,
            timeout=60,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert "Think of a time you got through an urge." in dom
    assert 'id="n-thanks"' in dom
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
