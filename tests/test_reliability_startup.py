"""A broken flow, lexicon or crisis-line directory stops the bot at start, naming what is wrong."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store.vault import generate_key
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]


def flows_with(tmp_path: Path, name: str, change: tuple[str, str]) -> Path:
    """A copy of the shipped flows in which `name` has its first `change[0]` made `change[1]`."""
    folder = tmp_path / "flows"
    shutil.copytree(ROOT / "dialogues" / "flows", folder)
    text = (folder / name).read_text(encoding="utf-8")
    assert change[0] in text
    (folder / name).write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    return folder


def safety_with(tmp_path: Path, data_file: str, change: tuple[str, str]) -> Path:
    """A copy of the safety package with one data file changed; put first on PYTHONPATH."""
    shadow = tmp_path / "shadow"
    shutil.copytree(
        ROOT / "safety", shadow / "safety", ignore=shutil.ignore_patterns("__pycache__")
    )
    path = shadow / "safety" / "data" / data_file
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    return shadow


def run_bot(tmp_path: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'data' / 'bot.db'}",
        "WAYPOINT_DEFAULT_COUNTRY": "GB",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=environment,
        input="/start\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_chat_refuses_a_flow_pointing_nowhere_with_its_file_and_line(tmp_path: Path) -> None:
    folder = flows_with(tmp_path, "urges.yaml", ("next: options", "next: nowhere_at_all"))
    done = run_bot(tmp_path, "chat", env={"WAYPOINT_FLOWS_DIR": str(folder)})
    assert done.returncode == 2
    assert re.search(r"urges\.yaml:\d+: target 'nowhere_at_all' does not resolve", done.stderr)
    assert "I'm a bot" not in done.stdout
    assert not (tmp_path / "data").exists()  # no key file, no database: nothing half-made


def test_chat_refuses_a_flow_that_is_not_yaml_with_its_file_and_line(tmp_path: Path) -> None:
    folder = flows_with(tmp_path, "scars.yaml", ("id: scars", "id: [scars"))
    done = run_bot(tmp_path, "chat", env={"WAYPOINT_FLOWS_DIR": str(folder)})
    assert done.returncode == 2
    assert re.search(r"scars\.yaml:\d+: not valid YAML", done.stderr)


def test_a_flows_folder_that_is_not_there_is_named_as_a_setting(tmp_path: Path) -> None:
    done = run_bot(tmp_path, "chat", env={"WAYPOINT_FLOWS_DIR": str(tmp_path / "missing")})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("waypoint: WAYPOINT_FLOWS_DIR:")


def test_run_refuses_a_broken_flow_before_it_talks_to_telegram(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    folder = flows_with(tmp_path, "urges.yaml", ("next: options", "next: nowhere_at_all"))
    env = {
        "WAYPOINT_FLOWS_DIR": str(folder),
        "TELEGRAM_BOT_TOKEN": fake_api.token,
        "TELEGRAM_API_BASE_URL": fake_api.base_url,
        "WAYPOINT_ENCRYPTION_KEY": generate_key(),
    }
    done = run_bot(tmp_path, "run", env=env)
    assert done.returncode == 2
    assert "urges.yaml:" in done.stderr
    assert fake_api.calls == []


@pytest.mark.parametrize(
    ("data_file", "change", "said"),
    [
        ("lexicon.yaml", ("kind:", "kind: no-such-kind #"), "lexicon.yaml: "),
        ("resources.yaml", ("fallback:", "fallbacks:"), "resources.yaml: "),
    ],
)
def test_chat_refuses_a_broken_safety_file_at_start(
    tmp_path: Path, data_file: str, change: tuple[str, str], said: str
) -> None:
    shadow = safety_with(tmp_path, data_file, change)
    done = run_bot(tmp_path, "chat", env={"PYTHONPATH": f"{shadow}{os.pathsep}{ROOT}"})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(f"waypoint: {said}")
    assert "I'm a bot" not in done.stdout
