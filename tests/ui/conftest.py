"""Shared set-up for the app's tests: XDG directories in a temporary place, so no test reads the
user's settings or leaves reading positions behind."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def xdg_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG_CONFIG_HOME and XDG_STATE_HOME into the test's temporary directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Many colours, as in most terminals today: the app gives entity types extra text styles
    # where colours are few (TERM=xterm), so a screen must not depend on the caller's TERM.
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    return tmp_path
