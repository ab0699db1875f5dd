"""Library: every loaded flow and declared field, and the content hash used for approval."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dialogues.schema import FieldSpec, Flow

TOPICS = "topics"
END = ("", "end")

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """Where a flow came from: its file and the line of every key in it."""

    path: Path
    lines: Mapping[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of `path`, or of its nearest enclosing key that has one."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(path[:end])
            if found is not None:
                return found
        return 1


@dataclass(frozen=True)
class Library:
    """All flows by id, the declared fields, and where each flow was read from."""

    flows: Mapping[str, Flow]
    fields: Mapping[str, FieldSpec]
    sources: Mapping[str, Source] = field(default_factory=dict)

    def file(self, flow_id: str) -> str:
        """The file name a flow was read from, for messages."""
        source = self.sources.get(flow_id)
        return source.path.name if source else f"{flow_id}.yaml"

    def line(self, flow_id: str, path: Path_) -> int:
        source = self.sources.get(flow_id)
        return source.line(path) if source else 1

    def resolve(self, flow_id: str, target: str) -> tuple[str, str] | None:
        """Where `target` (written in flow `flow_id`) leads: (flow, node); ("", "end") for
        `end`; None when it does not resolve."""
        if target == "end":
            return END
        if ":" in target:
            other, _, node = target.partition(":")
            flow = self.flows.get(other)
            return (other, node) if flow is not None and node in flow.nodes else None
        here = self.flows.get(flow_id)
        if here is not None and target in here.nodes:
            return (flow_id, target)
        flow = self.flows.get(target)
        return (target, flow.start) if flow is not None and flow.start in flow.nodes else None


def listed_fields(library: Library) -> frozenset[str]:
    """The fields some flow shows as buttons (`list:`): the engine needs their entries."""
    return frozenset(
        node.listing.field
        for flow in library.flows.values()
        for node in flow.nodes.values()
        if node.listing is not None
    )


def content_hash(flow: Flow) -> str:
    """sha256 over the flow's canonical JSON without its `review` block."""
    data = flow.model_dump(mode="json", by_alias=True, exclude={"review"}, exclude_defaults=True)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
