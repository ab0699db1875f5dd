"""Review status of flows: which are unapproved or changed since a clinician approved them."""

from __future__ import annotations

from typing import Literal

from dialogues.library import Library, content_hash
from dialogues.schema import Flow

Status = Literal["draft", "approved", "changed"]


def status(flow: Flow) -> Status:
    """draft, approved, or changed (approved, but the content hash no longer matches)."""
    return review_status(flow.review.status, flow.review.approved_hash, content_hash(flow))


def review_status(recorded: str | None, approved_hash: str | None, current_hash: str) -> Status:
    """What a review record says of content whose hash is now `current_hash`."""
    if recorded != "approved":
        return "draft"
    return "approved" if approved_hash == current_hash else "changed"


def approval_problems(library: Library) -> list[str]:
    """One line per flow that is not approved, or was changed since it was approved."""
    problems = []
    for flow_id in sorted(library.flows):
        flow = library.flows[flow_id]
        state = status(flow)
        if state == "draft":
            problems.append(f"{flow_id}: not yet approved by a reviewer")
        elif state == "changed":
            problems.append(f"{flow_id}: changed since it was approved on {flow.review.date}")
    return problems
