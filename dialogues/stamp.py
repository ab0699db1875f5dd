"""Approving a flow: rewrite just its `review` block, keeping every other line of the file."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import yaml

from dialogues.library import content_hash
from dialogues.loader import read_directory
from dialogues.problems import FlowError, Problem
from dialogues.schema import Review, Reviewer


def approve(
    directory: Path, flow_id: str, *, reviewer: str, note: str | None, today: datetime.date
) -> Path:
    """Mark `flow_id` approved by `reviewer` ("Name, role") today, with its content hash.

    A flow with errors cannot be approved. When the flow was already approved with the
    same content, the reviewer is added beside the earlier ones (a second reader);
    otherwise the approval starts afresh.
    """
    path = directory / f"{flow_id}.yaml"
    name, _, role = reviewer.partition(",")
    if not name.strip() or not role.strip():
        raise FlowError([Problem(path.name, 0, 'give the reviewer as "Name, role"')])
    library, problems = read_directory(directory)
    errors = [p for p in problems if p.severity == "error" and p.file == path.name]
    if flow_id not in library.flows or errors:
        raise FlowError(errors or [Problem(path.name, 0, f"no flow '{flow_id}' in {directory}")])
    flow = library.flows[flow_id]
    digest = content_hash(flow)
    who = Reviewer(name=name.strip(), role=role.strip())
    earlier = flow.review
    same = earlier.status == "approved" and earlier.approved_hash == digest
    reviewers = (*earlier.reviewers, who) if same and who not in earlier.reviewers else (who,)
    review = Review(
        status="approved",
        reviewers=reviewers,
        date=today,
        note=earlier.note if note is None else note,
        approved_hash=digest,
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(replace_review(text, review), encoding="utf-8")
    return path


def replace_review(text: str, review: Review) -> str:
    """`text` with its top-level `review:` block replaced by `review` (added if missing)."""
    lines = text.splitlines(keepends=True)
    block = render_review(review)
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    keys = [k for k, _ in root.value] if isinstance(root, yaml.MappingNode) else []
    starts = [k.start_mark.line for k in keys]
    names = [k.value for k in keys]
    if "review" not in names:
        at = starts[names.index("start")] if "start" in names else len(lines)
        return "".join([*lines[:at], block, *lines[at:]])
    i = names.index("review")
    begin = starts[i]
    end = starts[i + 1] if i + 1 < len(starts) else len(lines)
    while end > begin + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments after the block belong to what follows
    return "".join([*lines[:begin], block, *lines[end:]])


def render_review(review: Review) -> str:
    """The review block as YAML, strings quoted so any name or note stays one value."""
    out = ["review:\n", f"  status: {review.status}\n"]
    if review.reviewers:
        out.append("  reviewers:\n")
        out.extend(
            f"    - {{name: {json.dumps(r.name)}, role: {json.dumps(r.role)}}}\n"
            for r in review.reviewers
        )
    else:
        out.append("  reviewers: []\n")
    out.append(f"  date: {review.date.isoformat() if review.date else 'null'}\n")
    out.append(f"  note: {json.dumps(review.note, ensure_ascii=False)}\n")
    out.append(f"  approved_hash: {review.approved_hash or 'null'}\n")
    return "".join(out)
