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


def _start(tmp_path: Path, arguments: str) -> Pane:
    """`python -m reader ARGUMENTS` in tmux at 100×30, its exit status echoed when it ends."""
    tmux = _require_tmux()
    reader = f"{shlex.quote(sys.executable)} -m reader {arguments}"
    command = f"{reader}; echo reader-exited-$?; sleep 30"
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    return Pane(tmux, command, env, "100x30")


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    """The reader on its bundled article in tmux."""
    session = _start(tmp_path, "")
    yield session
    session.close()


def _opening(text: str) -> str:
    """The first three words of `text` as the terminal shows them: shaped, in visual order."""
    return layout_paragraph(" ".join(text.split()[:3]), None).lines[0].text


def _first_row_ends_with(expected: str) -> Callable[[list[str]], bool]:
    """A check: the first row marked as the current paragraph ends with `expected`."""

    def seen(rows: list[str]) -> bool:
        # The topic map takes the pane's last three cells: the article ends before it.
        rows = [row.ljust(100)[:97] for row in rows]
        marked = [row for row in rows if row.rstrip().endswith(MARKER)]
        return bool(marked) and marked[0].rstrip().removesuffix(MARKER).rstrip().endswith(expected)

    return seen


def test_reader_in_tmux_shows_first_words_at_the_right_then_moves_and_quits(pane: Pane) -> None:
    pane.wait_for(_first_row_ends_with(_opening(load_document(None).paragraphs[0].text)))
    pane.wait_for(lambda rows: any("¶ 1/7" in row for row in rows))
    pane.keys("j")
    pane.wait_for(lambda rows: any("¶ 2/7" in row for row in rows))
    pane.keys("q")
    pane.wait_for(lambda rows: any("reader-exited-0" in row for row in rows))


def test_reader_reads_the_article_from_stdin_and_keys_from_the_terminal(
    tmp_path: Path, texts: Path
) -> None:
    news = texts / "news-01.ar.txt"
    document = load_document(str(news))
    session = _start(tmp_path, f"- < {shlex.quote(str(news))}")
    try:
        session.wait_for(_first_row_ends_with(_opening(document.paragraphs[0].text)))
        total = len(document.paragraphs)
        session.wait_for(lambda rows: any(f"¶ 1/{total}" in row for row in rows))
        session.keys("G")
        session.wait_for(lambda rows: any(f"¶ {total}/{total}" in row for row in rows))
        session.keys("q")
        session.wait_for(lambda rows: any("reader-exited-0" in row for row in rows))
    finally:
        session.close()
