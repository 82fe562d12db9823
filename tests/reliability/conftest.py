"""Fixtures for the reliability tests: a private home for each test (XDG directories), the
shared real texts, and terminals (pty, tmux) that are always cleaned up. The terminal harnesses
are the security tests' own (`tests/security/terminals.py`)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "security"))

from terminals import TEXTS, PtyRun, Tmux, reader_command, reader_environment


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
