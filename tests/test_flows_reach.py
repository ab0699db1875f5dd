"""Every conversation can be reached from the topics menu by tapping buttons."""

from __future__ import annotations

import json

import dialogues
from tests.fakes import shipped_library

EVERY_FLOW = {
    "realistic_expectations", "urges", "wins", "strengths", "toolbox", "adversities", "scars",
    "telling", "self_acceptance", "insight", "connection", "values", "safety_plan",
    "someone_else", "checkin", "ambivalence", "chatsafe",
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


def nodes_reached_from_topics(
    *, limit: int = 20000, facts: dialogues.Facts | None = None
) -> set[str]:
    """Every "flow:node" a person can get to by tapping, from the topics menu."""
    library = shipped_library()
    flags = {"consent": True, "country_set": True, "checkins_on": True}
    facts = facts or dialogues.Facts(flags=flags)
    frontier = [dialogues.start(library, dialogues.TOPICS, facts=facts).state]
    seen: set[str] = set()
    while frontier and len(seen) < limit:
        state = frontier.pop()
        if state is None:
            continue
        key = f"{state['flow']}:{state['node']}"
        if key in seen:
            continue
        seen.add(key)
        shown = dialogues.resume(library, state, facts=facts).messages
        for button in [b for m in shown for b in m.buttons]:
            frontier.append(
                dialogues.step(library, state, dialogues.Tap(button.id), facts=facts).state
            )
    return seen


NEW_PARTS = (
    "realistic_expectations:swallowed_after", "realistic_expectations:scared",
    "realistic_expectations:first_aid", "someone_else:parent", "someone_else:parent_injury",
    "telling:repair", "self_acceptance:friend_harsh", "ambivalence:step", "chatsafe:post",
    "urges:timer5", "urges:timer15", "urges:rerate", "scars:accept", "scars:trigger",
    "scars:intimacy", "adversities:solve_pick",
)  # fmt: skip


def test_each_new_part_can_be_reached_from_the_topics_menu_by_tapping() -> None:
    reached = nodes_reached_from_topics()
    # self_acceptance:friend_harsh waits on typed words, so tapping reaches its question
    missing = {n for n in NEW_PARTS if n not in reached} - {"self_acceptance:friend_harsh"}
    assert missing == set()
    assert "self_acceptance:friend" in reached
