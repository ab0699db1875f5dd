"""Every conversation can be reached from the topics menu by tapping buttons."""

from __future__ import annotations

import json

import dialogues
from tests.fakes import shipped_library

EVERY_FLOW = {
    "realistic_expectations", "urges", "wins", "strengths", "toolbox", "adversities", "scars",
    "telling", "self_acceptance", "insight", "connection", "values", "safety_plan",
    "someone_else", "checkin",
}  # fmt: skip


def flows_reached_from_topics(*, limit: int = 5000) -> set[str]:
    library = shipped_library()
    facts = dialogues.Facts(flags={"consent": True, "country_set": True, "checkins_on": True})
    first = dialogues.start(library, dialogues.TOPICS, facts=facts)
    frontier = [first.state]
    seen: set[str] = set()
    reached: set[str] = set()
    while frontier and len(seen) < limit:
        state = frontier.pop()
        if state is None:
            continue
        key = json.dumps({"flow": state["flow"], "node": state["node"]}, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        reached.add(state["flow"])
        buttons = [
            b for m in dialogues.resume(library, state, facts=facts).messages for b in m.buttons
        ]
        for button in buttons:
            frontier.append(
                dialogues.step(library, state, dialogues.Tap(button.id), facts=facts).state
            )
    return reached


def test_every_flow_can_be_reached_from_the_topics_menu() -> None:
    assert EVERY_FLOW - flows_reached_from_topics() == set()
