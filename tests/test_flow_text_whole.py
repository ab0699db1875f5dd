"""No flow's words are cut short by YAML: an unquoted " #" starts a comment, so
"- The #chatsafe guidelines …" said only "The"."""

from __future__ import annotations

import re
from pathlib import Path

from tests.fakes import shipped_library

FLOWS = Path(__file__).resolve().parent.parent / "dialogues" / "flows"
# A plain (unquoted) scalar after "- " or "key: " with " #" later on the line.
_CUT = re.compile(r"^\s*(?:- |[A-Za-z_]+: )(?![\"'\[{|>#]).*\s#\S")


def test_no_plain_text_in_a_flow_holds_a_comment_mark() -> None:
    cut = [
        f"{path.name}:{number}"
        for path in sorted(FLOWS.glob("*.yaml"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if _CUT.match(line)
    ]
    assert cut == []


def test_the_online_safety_topic_says_its_whole_sentence() -> None:
    intro = shipped_library().flows["chatsafe"].nodes["intro"].say
    assert intro[-1].startswith("The #chatsafe guidelines share ways to keep it safer.")
