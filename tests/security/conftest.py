"""Fixtures for the security tests: a private home for each test (XDG directories), terminals
(tmux, pty) that are always cleaned up, and the hostile document."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from terminals import TEXTS, PtyRun, Tmux, reader_command, reader_environment

HOSTILE_LINES = (
    # A short Arabic headline: the title bar shows the first paragraph.
    "مقال \x1b]0;PWNED-TITLE\x07 عن الأمن",
    "هذا مقال عادي يتحدث عن أمن الطرفيات",
    "clear \x1b[2JCLEARED then home \x1b[HHOMED then reset \x1bcRESET",
    "clipboard \x1b]52;c;UFdORUQtQ0xJUEJPQVJE\x07 end",
    "link \x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ end",
    "title \x1b]2;PWNED-OSC2\x1b\\ and report \x1b[6nREPORTED and \x1b[21tWINOPS",
    "device \x1bP+q544e\x1b\\DCS and private \x1b[?1049lALTOFF",
    "c1 \x9b31mC1RED and \x9d0;C1TITLE\x9c end",
    "markup [bold]x[/bold] [@click=app.quit]q[/] [link=http://x]y[/link]",
    "bidi invoice\u202efdp.exe and \u2067isolate\u2069 \u202aembed\u202c \u202boverride\u202c",
)
"""A document full of terminal escape sequences (each followed by a unique word), C1 controls,
Rich/Textual markup and bidi controls."""

HOSTILE_BIDI_CONTROLS = sum(
    len(re.findall("[\u202a-\u202e\u2066-\u2069]", line)) for line in HOSTILE_LINES
)
"""How many explicit bidi controls (embeddings, overrides, isolates) HOSTILE_LINES holds."""

PLANTED = (
    b"\x1b]0;PWNED-TITLE",
    b"\x1b[2JCLEARED",
    b"\x1b[HHOMED",
    b"\x1bcRESET",
    b"\x1b]52;c;UFdORUQtQ0xJUEJPQVJE",
    b"\x1b]8;;http://evil.example/",
    b"\x1b]2;PWNED-OSC2",
    b"\x1b[6nREPORTED",
    b"\x1b[21tWINOPS",
    b"\x1bP+q544e",
    b"\x1b[?1049lALTOFF",
)
"""The document's sequences as raw bytes: none may ever be written to the terminal."""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home: XDG directories inside the test's temporary directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def texts() -> Path:
    """The shared real texts (fails clearly if they are not beside the checkout)."""
    assert TEXTS.is_dir(), f"shared test texts not found at {TEXTS}"
    return TEXTS


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    """The hostile document, as a UTF-8 file with an ASCII name."""
    path = tmp_path / "hostile.txt"
    path.write_text("\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    """A private tmux server of 100 x 30, killed after the test."""
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def run_in_pty(home: Path) -> Iterator[Callable[..., PtyRun]]:
    """Start `reader ARGUMENTS...` on a fresh pty (extra environment as keywords); every run is
    killed after the test."""
    runs: list[PtyRun] = []

    def start(*arguments: str, cols: int = 100, rows: int = 30, **env: str) -> PtyRun:
        run = PtyRun([*reader_command(), *arguments], reader_environment(home, **env), cols, rows)
        runs.append(run)
        return run

    try:
        yield start
    finally:
        for run in runs:
            run.kill()
