"""The detector's data files, read and merged into one structure for the lexicon compiler."""

from __future__ import annotations

from importlib import resources as importlib_resources
from typing import Any

import yaml

from safety.errors import SafetyError

# Phrase lists first, then the frames and signals that generalise over them.
DATA_FILES = ("lexicon.yaml", "frames.yaml", "signals.yaml")
# libyaml's loader when PyYAML has it (ten times faster: start-up time), else the pure one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data() -> dict[str, Any]:
    """Every data file, merged in the order of DATA_FILES."""
    folder = importlib_resources.files("safety").joinpath("data")
    parts = [
        yaml.load(folder.joinpath(name).read_text("utf-8"), Loader=_LOADER) for name in DATA_FILES
    ]
    return merge(parts)


def merge(parts: list[Any]) -> dict[str, Any]:
    """Data files as one: mappings merged by name (their lists joined), lists appended."""
    merged: dict[str, Any] = {}
    for number, part in enumerate(parts):
        if not isinstance(part, dict):
            raise SafetyError(f"data file {number + 1}: expected a mapping at the top")
        for section, value in part.items():
            if isinstance(value, dict):
                target = merged.setdefault(section, {})
                for name, item in value.items():
                    old = target.get(name)
                    target[name] = [*old, *item] if isinstance(old, list) else item
            elif isinstance(value, list):
                merged[section] = [*merged.get(section, []), *value]
            else:
                merged[section] = value
    return merged
