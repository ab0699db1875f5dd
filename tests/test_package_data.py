"""A built wheel carries every data file the packages read, not only the Python."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_SUFFIXES = {".yaml", ".json", ".bin", ".ini", ".mako"}


def test_every_data_file_in_a_package_is_listed_in_package_data() -> None:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]
    missing = []
    for package in ("bot", "dialogues", "safety"):
        for path in (ROOT / package).rglob("*"):
            if path.suffix not in DATA_SUFFIXES or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(ROOT)
            owners = [
                (name, patterns)
                for name, patterns in listed.items()
                if relative.parts[: len(name.split("."))] == tuple(name.split("."))
            ]
            if not any(
                fnmatch.fnmatch(relative.relative_to(*name.split(".")).as_posix(), pattern)
                for name, patterns in owners
                for pattern in patterns
            ):
                missing.append(relative.as_posix())
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
