"""The terminal chat: numbered buttons, commands as text, scripted input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.terminal import Terminal
from bot.messages import Option, Reply

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[1]


class Silent:
    async def handle(self, incoming: object) -> list[Reply]:
        return []


def terminal_showing(*options: Option) -> Terminal:
    terminal = Terminal(Silent(), stdin=io.StringIO(), stdout=io.StringIO(), files=Path("."))
    terminal._options = options
    return terminal


def test_a_number_picks_the_numbered_button() -> None:
    terminal = terminal_showing(Option("a.b.1", "Tell me more"), Option("a.b.2", "Not now"))

    incoming = terminal.incoming("2", now=NOW)

    assert incoming is not None and incoming.choice == "a.b.2"


def test_on_a_scale_a_number_means_that_value_not_that_position() -> None:
    scale = tuple(Option(f"u.now.{n}", str(n)) for n in range(11))
    terminal = terminal_showing(*scale)

    incoming = terminal.incoming("4", now=NOW)

    assert incoming is not None and incoming.choice == "u.now.4"


def test_a_slash_command_is_a_command_with_arguments() -> None:
    incoming = terminal_showing().incoming("/country ie", now=NOW)

    assert incoming is not None
    assert (incoming.command, incoming.args) == ("country", "ie")


def test_other_text_is_text() -> None:
    incoming = terminal_showing(Option("a.b.1", "Yes")).incoming("yes please", now=NOW)

    assert incoming is not None and incoming.text == "yes please"


def test_blank_lines_are_ignored() -> None:
    assert terminal_showing().incoming("   ", now=NOW) is None


def run_chat(script: str, tmp_path: Path, **env: str) -> str:
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}",
        "WAYPOINT_KEY_FILE": str(tmp_path / "waypoint.key"),
        **env,
    }
    environment.pop("WAYPOINT_ENCRYPTION_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=script,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=60,
        check=True,
    )
    return result.stdout


def test_piped_start_shows_the_welcome_and_exits_at_end_of_input(tmp_path: Path) -> None:
    output = run_chat("/start\n1\n", tmp_path)

    assert "I'm a bot" in output
    assert "1) Tell me more" in output
    assert "What I can do" in output
    assert (tmp_path / "waypoint.key").exists()


def test_a_crisis_message_in_the_terminal_shows_crisis_lines(tmp_path: Path) -> None:
    output = run_chat(
        "/start\ni dont want to be alive anymore\n", tmp_path, WAYPOINT_DEFAULT_COUNTRY="GB"
    )

    assert "116 123" in output


async def test_a_scale_is_shown_as_one_row_of_numbers() -> None:
    out = io.StringIO()
    terminal = Terminal(Silent(), stdin=io.StringIO(), stdout=out, files=Path("."))

    await terminal.deliver(
        [Reply("How strong?", options=tuple(Option(f"u.now.v{n}", str(n)) for n in range(11)))]
    )

    assert "[ 0 1 2 3 4 5 6 7 8 9 10 ]" in out.getvalue()
    assert "11)" not in out.getvalue()


class Exporting:
    """Answers every message as /mydata does: the summary, with the file beside it."""

    async def handle(self, incoming: object) -> list[Reply]:
        return [Reply("Here is everything I keep about you.", document=("my-data.json", b"{}"))]


async def test_mydata_in_the_terminal_writes_no_file_unless_asked(tmp_path: Path) -> None:
    # a shared family computer: /mydata shows what is kept, and leaves nothing on the disk
    out = io.StringIO()
    terminal = Terminal(Exporting(), stdin=io.StringIO(), stdout=out, files=tmp_path)
    incoming = terminal.incoming("/mydata", now=NOW)
    assert incoming is not None

    await terminal.deliver(await terminal._handler.handle(incoming))

    assert list(tmp_path.iterdir()) == []
    assert "Here is everything I keep about you." in out.getvalue()
    assert "/mydata export" in out.getvalue()


async def test_mydata_export_writes_the_file_and_says_where(tmp_path: Path) -> None:
    out = io.StringIO()
    terminal = Terminal(Exporting(), stdin=io.StringIO(), stdout=out, files=tmp_path)
    incoming = terminal.incoming("/mydata export", now=NOW)
    assert incoming is not None and incoming.command == "mydata"

    await terminal.deliver(await terminal._handler.handle(incoming))

    assert (tmp_path / "my-data.json").read_bytes() == b"{}"
    assert f"[file saved to {(tmp_path / 'my-data.json').resolve()}]" in out.getvalue()
