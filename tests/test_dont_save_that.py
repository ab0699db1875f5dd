"""An instruction not to keep what was typed is honoured, never kept as the answer (issue
19, from c8: "wait no thats not what i meant, dont save that" and "skip. i dont want
anything saved" were saved as what recovery means to the person)."""

from __future__ import annotations

from typing import Any

import pytest

from dialogues import Effect, Facts, Step, Typed, everyday, step
from dialogues.engine import NOT_KEPT
from tests.fakes import FakeChat, shipped_library

ASKED = {"flow": "realistic_expectations", "node": "meaning_ask", "vars": {}, "known": {}}


def typed(state: dict[str, Any], text: str) -> Step:
    return step(shipped_library(), {"last": {}, **state}, Typed(text), facts=Facts())


def saves(result: Step) -> list[dict[str, Any]]:
    return [dict(e.args) for e in result.out if isinstance(e, Effect) and e.action == "save"]


@pytest.mark.parametrize(
    "text",
    [
        "don't save that",
        "no don't keep it",
        "forget that",
        "delete what i wrote",
        "skip. i dont want anything saved",
        "please do not store this",
        "no lo guardes",
        "nicht speichern",
    ],
)
def test_an_instruction_not_to_keep_it_is_no_answer_to_keep(text: str) -> None:
    assert everyday.unsaving(text)
    result = typed(ASKED, text)
    assert saves(result) == []
    assert result.state is not None and result.state["node"] == "meaning_skipped"


@pytest.mark.parametrize(
    "text", ["i don't keep track of it", "dont forget to breathe", "i keep thinking about it"]
)
def test_words_about_keeping_something_else_are_still_an_answer(text: str) -> None:
    assert not everyday.unsaving(text)
    assert saves(typed(ASKED, text)) == [{"field": "recovery_meaning", "value": text}]


@pytest.mark.parametrize("text", ["skip for now, thanks. i feel a bit better", "saltar por ahora"])
def test_a_first_clause_that_skips_skips(text: str) -> None:
    result = typed(ASKED, text)
    assert saves(result) == []
    assert result.state is not None and result.state["node"] == "meaning_skipped"


def test_dont_save_that_right_after_an_answer_was_kept_takes_it_out() -> None:
    kept = typed(ASKED, "fewer hard nights")
    assert kept.state is not None and kept.state["node"] == "meaning_kept_after"

    result = step(shipped_library(), kept.state, Typed("wait no, don't save that"), facts=Facts())

    drops = [dict(e.args) for e in result.out if isinstance(e, Effect) and e.action == "drop"]
    assert drops == [{"field": "recovery_meaning", "value": "fewer hard nights"}]
    assert result.messages[0].text == NOT_KEPT
    assert result.state is not None and result.state["node"] == "meaning_kept_after"


async def test_what_was_taken_out_is_not_in_my_data(chat: FakeChat) -> None:
    await chat.send("/start")
    await chat.send("yes")
    await chat.send("yes")  # keep things
    await chat.send("/topics")
    await chat.tap("Getting better")
    await chat.tap("What recovery can look like")
    await chat.tap("Tell me more")
    await chat.tap("What it means to me")
    await chat.send("nothing ever changes")
    assert "nothing ever changes" in chat.text()

    await chat.send("wait no thats not what i meant, dont save that")
    await chat.send("/mydata")

    assert "nothing ever changes" not in chat.text()
