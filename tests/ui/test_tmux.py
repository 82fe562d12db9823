"""The real `reader` in a real terminal multiplexer: what a user sees in tmux at 100×30.

Starts `python -m reader` (the installed package) in a detached tmux session with XDG
directories in a temporary place, waits for the article's first words at the right end of the
first article row (their shaped visual form computed by the layout engine), presses `j` and sees
`¶ 2/7`, presses `q` and sees the process exit.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.layout import layout_paragraph
from reader.text.load import load_document

MARKER = "▍"
"""The current-paragraph marker the article draws at the reading edge."""


def _require_tmux() -> str:
    """The tmux executable; missing tmux fails in CI and skips elsewhere."""
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is required in CI (.ci/run installs it)")
        pytest.skip("tmux is not installed")
    return tmux


class Pane:
    """A detached tmux session running one command."""

    def __init__(self, tmux: str, command: str, env: dict[str, str], size: str) -> None:
        """Start `command` in a new session of `size` (COLSxROWS) with `env` set."""
        self.tmux = tmux
        self.name = "reader-test-" + uuid.uuid4().hex[:8]
        cols, rows = size.split("x")
        settings = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        subprocess.run(
            [
                tmux,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                cols,
                "-y",
                rows,
                *settings,
                command,
            ],
            check=True,
        )

    def rows(self) -> list[str]:
        """What the pane shows now, row by row."""
        result = subprocess.run(
            [self.tmux, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.split("\n")

    def keys(self, *keys: str) -> None:
        """Type `keys` (tmux key names) into the pane."""
        subprocess.run([self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, seen: Callable[[list[str]], bool], timeout: float = 20.0) -> list[str]:
        """Wait until `seen(rows)` holds; fail with the screen when it does not in time."""
        deadline = time.monotonic() + timeout
        rows = self.rows()
        while not seen(rows):
            if time.monotonic() > deadline:
                pytest.fail("not seen in time; the pane shows:\n" + "\n".join(rows))
            time.sleep(0.05)
            rows = self.rows()
        return rows

    def close(self) -> None:
        """End the session."""
        subprocess.run([self.tmux, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    """The reader on its bundled article in tmux at 100×30, exit status echoed when it ends."""
    tmux = _require_tmux()
    command = f"{shlex.quote(sys.executable)} -m reader; echo reader-exited-$?; sleep 30"
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    session = Pane(tmux, command, env, "100x30")
    yield session
    session.close()


def test_reader_in_tmux_shows_first_words_at_the_right_then_moves_and_quits(pane: Pane) -> None:
    first = load_document(None).paragraphs[0].text
    opening = " ".join(first.split()[:3])
    expected = layout_paragraph(opening, None).lines[0].text  # shaped, visual order

    def first_row_ends_with_opening(rows: list[str]) -> bool:
        marked = [row for row in rows if row.rstrip().endswith(MARKER)]
        return bool(marked) and marked[0].rstrip().removesuffix(MARKER).rstrip().endswith(expected)

    pane.wait_for(first_row_ends_with_opening)
    pane.wait_for(lambda rows: any("¶ 1/7" in row for row in rows))
    pane.keys("j")
    pane.wait_for(lambda rows: any("¶ 2/7" in row for row in rows))
    pane.keys("q")
    pane.wait_for(lambda rows: any("reader-exited-0" in row for row in rows))
