"""YAML -> Library: reads flow files keeping line numbers, so every problem names file:line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from dialogues.library import Library, Path_, Source
from dialogues.problems import FlowError, Problem
from dialogues.schema import FieldSpec, Flow
from dialogues.validate import validate

FLOWS_DIR = Path(__file__).parent / "flows"
FIELDS_FILE = Path(__file__).parent / "fields.yaml"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_library(directory: Path | None = None, *, forbidden: Sequence[str] = ()) -> Library:
    """Load and validate every flow in `directory` (default: the packaged flows).

    Warnings (such as reading level) do not stop loading; any error raises FlowError
    with one `file:line: message` line per problem.
    """
    library, problems = read_directory(directory, forbidden=forbidden)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise FlowError(errors)
    return library


def read_directory(
    directory: Path | None = None, *, forbidden: Sequence[str] = ()
) -> tuple[Library, list[Problem]]:
    """Read, parse and validate a flow directory; return what loaded and every problem."""
    directory = directory or FLOWS_DIR
    fields_file = directory / "fields.yaml"
    if not fields_file.exists():
        fields_file = directory.parent / "fields.yaml"
    if not fields_file.exists():
        fields_file = FIELDS_FILE
    files = {p: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.yaml"))}
    files.pop(directory / "fields.yaml", None)
    return parse_library(
        files,
        fields_text=fields_file.read_text(encoding="utf-8"),
        fields_path=fields_file,
        forbidden=forbidden,
    )


def parse_library(
    files: Mapping[Path, str],
    *,
    fields_text: str,
    fields_path: Path = FIELDS_FILE,
    forbidden: Sequence[str] = (),
) -> tuple[Library, list[Problem]]:
    """Parse flow texts (by path) and the fields text; validate the result."""
    problems: list[Problem] = []
    fields = _parse_fields(fields_text, fields_path.name, problems)
    flows: dict[str, Flow] = {}
    sources: dict[str, Source] = {}
    unparsed: set[str] = set()
    for path, text in files.items():
        flow, lines = parse_flow(text, path.name, problems)
        if flow is None:
            unparsed.add(path.stem)
            continue
        if flow.id != path.stem:
            problems.append(
                Problem(
                    path.name,
                    lines.get(("id",), 1),
                    f"flow id '{flow.id}' must match the file name '{path.stem}'",
                )
            )
        if flow.id in flows:
            problems.append(
                Problem(
                    path.name,
                    lines.get(("id",), 1),
                    f"duplicate flow id '{flow.id}' (also in {sources[flow.id].path.name})",
                )
            )
            continue
        flows[flow.id] = flow
        sources[flow.id] = Source(path, lines)
    library = Library(flows=flows, fields=fields, sources=sources)
    problems.extend(validate(library, forbidden=forbidden, unparsed=frozenset(unparsed)))
    return library, sorted(problems)


def parse_flow(
    text: str, name: str, problems: list[Problem]
) -> tuple[Flow | None, dict[Path_, int]]:
    """One flow file's text -> Flow (None on errors, added to `problems`) and its key lines."""
    data, lines = read_yaml(text, name, problems)
    if data is None:
        return None, lines
    try:
        return Flow.model_validate(data), lines
    except ValidationError as exc:
        source = Source(Path(name), lines)
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(name, source.line(loc), _describe(loc, err)))
        return None, lines


def read_yaml(text: str, name: str, problems: list[Problem]) -> tuple[Any, dict[Path_, int]]:
    """Compose YAML keeping the line of every key; duplicate keys are problems."""
    lines: dict[Path_, int] = {}
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problems.append(Problem(name, line, f"not valid YAML: {exc.problem or exc}"))
        return None, lines
    if root is None:
        problems.append(Problem(name, 1, "the file is empty"))
        return None, lines
    before = len(problems)
    scalars = yaml.SafeLoader("")  # builds ints, dates, … ; one per file, as it caches
    data = _build(root, (), lines, _Context(name, problems, scalars))
    if len(problems) > before:
        return None, lines
    return data, lines


@dataclass(frozen=True)
class _Context:
    name: str
    problems: list[Problem]
    scalars: yaml.SafeLoader


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], ctx: _Context) -> Any:
    name, problems = ctx.name, ctx.problems
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _build(key_node, path, {}, ctx)
            if not isinstance(key, str | int | bool) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(name, key_node.start_mark.line + 1, "keys must be plain words")
                )
                continue
            key_path = (*path, str(key))
            if key in out:
                problems.append(
                    Problem(
                        name,
                        key_node.start_mark.line + 1,
                        f"duplicate key '{key}' (first at line {lines[key_path]})",
                    )
                )
                continue
            lines[key_path] = key_node.start_mark.line + 1
            out[key] = _build(value_node, key_path, lines, ctx)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, ctx) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value  # YAML 1.2: yes, no, on, off are words, not booleans
    return ctx.scalars.construct_object(node)


def _parse_fields(text: str, name: str, problems: list[Problem]) -> dict[str, FieldSpec]:
    data, lines = read_yaml(text, name, problems)
    fields: dict[str, FieldSpec] = {}
    if not isinstance(data, dict):
        if data is not None:
            problems.append(Problem(name, 1, "fields.yaml maps each field name to its kind"))
        return fields
    for key, value in data.items():
        try:
            fields[str(key)] = FieldSpec.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(
                    Problem(name, lines.get((str(key),), 1), f"field '{key}': {err['msg']}")
                )
    return fields


_ACTIONS = "show, lines, keep, schedule_checkback, open, consent, forget, drop, copy, record"


def _describe(loc: tuple[Any, ...], err: Any) -> str:
    where = ".".join(str(part) for part in loc if not str(part).startswith(("function-", "tagged")))
    kind = err["type"]
    if kind == "extra_forbidden":
        key = loc[-1]
        if len(loc) >= 2 and loc[-3:-1][0:1] == ("do",):
            return f"{where}: '{key}' is not an action Waypoint knows ({_ACTIONS})"
        return f"{where}: unknown key '{key}'"
    if kind == "missing":
        return f"{where}: '{loc[-1]}' is required"
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
