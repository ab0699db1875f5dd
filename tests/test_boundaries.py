"""The import table of ARCHITECTURE.md and the layers of docs/architecture.md, enforced by
reading every module's imports (relative ones too) and calls."""

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
# Training the safety model is offline tooling (the dev extra): nothing at run time imports
# safety/train.py (test_safety_model.py checks that).
EXCEPTIONS = {
    ("dialogues/__main__.py", "safety"),
    ("safety/train.py", "numpy"),
    ("safety/train.py", "scipy"),
    ("safety/train.py", "sklearn"),
}


def imports(path: Path, *, root: Path = ROOT) -> Iterator[str]:
    """Every module `path` imports, relative imports made absolute. `from a.b import c`
    gives a.b and a.b.c (c may be a module)."""
    package = list(path.relative_to(root).with_suffix("").parts)[:-1]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if node.module:
                yield module
            yield from (f"{module}.{alias.name}" for alias in node.names if alias.name != "*")


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


# -- purity: no I/O and no clock in the pure parts ------------------------------------------------

# Modules whose import means I/O, waiting or the outside world.
IO_MODULES = {
    "asyncio", "socket", "ssl", "select", "selectors", "subprocess", "threading", "time",
    "os", "shutil", "http", "urllib", "sqlite3", "sqlalchemy", "aiosqlite", "asyncpg",
    "alembic", "telegram", "httpx", "tornado", "apscheduler", "requests",
}  # fmt: skip
# Calls that read the clock: a pure part is told the time (Incoming.now, `today=`).
CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic", "perf_counter"}
# The pure parts: safety/ and dialogues/ (their command lines are the edge, and read the
# clock to pass it in), and the core but for the two modules that wait (the Companion
# waits for the store with a timeout; its per-person locks are asyncio's).
IMPURE_CORE = {"bot/core/companion.py", "bot/core/locks.py"}


def pure_modules() -> list[Path]:
    found = [*modules("safety"), *modules("dialogues"), *modules("bot/core")]
    return [
        path
        for path in found
        if path.name != "__main__.py" and str(path.relative_to(ROOT)) not in IMPURE_CORE
    ]


def test_the_pure_parts_import_no_io_or_clock_module() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in pure_modules()
        for name in imports(path)
        if name.split(".")[0] in IO_MODULES
    ]
    assert wrong == []


def test_the_pure_parts_never_read_the_clock() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in pure_modules()
        for line in clock_calls(path, bare=CLOCK_CALLS, any_arguments={"now"})
    ]
    assert wrong == []


def test_the_clock_is_read_only_at_the_edges() -> None:
    """The periodic jobs get a clock; only the wiring and the adapters read the time."""
    edges = ("bot/wiring.py", "bot/adapters/", "bot/__main__.py")
    wrong = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in modules("bot")
        if not str(path.relative_to(ROOT)).startswith(edges)
        for line in clock_calls(path, bare=set(), any_arguments={"now", "utcnow", "today"})
    ]
    assert wrong == []


def clock_calls(path: Path, *, bare: set[str], any_arguments: set[str]) -> Iterator[int]:
    """Lines calling `x.name()` for a name in `bare`, or `x.name(...)` in `any_arguments`."""
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        called = node.func.attr
        if called in any_arguments or (called in bare and not node.args and not node.keywords):
            yield node.lineno


# -- the layers inside bot/ -----------------------------------------------------------------------

# package -> the parts of bot/ it must not import. The core is the middle: it imports only
# the shared values (bot.messages) and the check-in plan's pure values (bot.checkins.schedule,
# and what a person typed they want for it: bot.checkins.wanted);
# the store implements the core's ports; the adapters talk to the core, never to the store;
# only bot/wiring.py (and the command line) joins everything.
LAYERS = {
    "bot/core/": ("bot.store", "bot.adapters", "bot.ops", "bot.wiring", "bot.__main__",
                  "bot.config", "bot.checkins.screens", "bot.checkins.sender",
                  "bot.checkins.menus", "bot.checkins.zones", "bot.checkins.progress_chart",
                  "bot.checkins.around"),
    "bot/checkins/": ("bot.adapters", "bot.ops", "bot.wiring", "bot.__main__", "bot.config"),
    "bot/store/": ("bot.adapters", "bot.ops", "bot.wiring", "bot.__main__", "bot.config",
                   "bot.checkins.screens", "bot.checkins.sender", "bot.checkins.menus",
                   "bot.core.companion"),
    "bot/adapters/": ("bot.store", "bot.checkins", "bot.ops", "bot.wiring", "bot.__main__"),
    "bot/ops/": ("bot.adapters", "bot.wiring", "bot.__main__"),
    "bot/messages.py": ("bot",),
    "bot/config.py": ("bot",),
}  # fmt: skip


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_the_layers_inside_bot_keep_their_order(layer: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in modules("bot")
        if str(path.relative_to(ROOT)).startswith(layer)
        for name in imports(path)
        if any(name == banned or name.startswith(banned + ".") for banned in LAYERS[layer])
    ]
    assert wrong == []


def test_relative_imports_are_read_too(tmp_path: Path) -> None:
    package = tmp_path / "pkg" / "sub"
    package.mkdir(parents=True)
    module = package / "mod.py"
    module.write_text("from . import sibling\nfrom ..other import thing\nfrom .x.y import z\n")
    assert list(imports(module, root=tmp_path)) == [
        "pkg.sub.sibling", "pkg.other", "pkg.other.thing", "pkg.sub.x.y", "pkg.sub.x.y.z",
    ]  # fmt: skip
