"""The import table of ARCHITECTURE.md, enforced by reading every module's imports."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STDLIB = set(sys.stdlib_module_names)

# package -> the top-level modules it may import besides the standard library and itself
ALLOWED = {
    "safety": {"rapidfuzz", "yaml"},
    "dialogues": {"pydantic", "yaml", "rapidfuzz"},
}
# The validator's command line hands safety's list of forbidden phrases to the validator.
EXCEPTIONS = {("dialogues/__main__.py", "safety")}


def imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_pure_packages_import_only_what_the_architecture_allows(package: str) -> None:
    wrong = []
    for path in modules(package):
        relative = str(path.relative_to(ROOT))
        for name in imports(path):
            top = name.split(".")[0]
            if top in STDLIB or top == package or top in ALLOWED[package]:
                continue
            if (relative, top) in EXCEPTIONS:
                continue
            wrong.append(f"{relative}: {name}")
    assert wrong == []


@pytest.mark.parametrize(
    ("library", "home"),
    [
        ("telegram", "bot/adapters/telegram/"),
        ("sqlalchemy", "bot/store/"),
        ("alembic", "bot/store/"),
    ],
)
def test_outside_libraries_stay_in_their_one_adapter(library: str, home: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for package in ("bot", "dialogues", "safety")
        for path in modules(package)
        for name in imports(path)
        if name.split(".")[0] == library and not str(path.relative_to(ROOT)).startswith(home)
    ]
    assert wrong == []


def test_only_the_configuration_reads_the_environment() -> None:
    wrong = [
        str(path.relative_to(ROOT))
        for package in ("bot", "dialogues", "safety")
        for path in modules(package)
        if "os.environ" in path.read_text() or "getenv(" in path.read_text()
        if path.relative_to(ROOT) != Path("bot/config.py")
    ]
    assert wrong == []


def test_no_adapter_imports_safety() -> None:
    """Only the core decides what a crisis reply is (ARCHITECTURE.md): adapters ask it."""
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in modules("bot/adapters")
        for name in imports(path)
        if name.split(".")[0] == "safety"
    ]
    assert wrong == []
