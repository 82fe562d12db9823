"""`reader [FILE|-]` as a user runs it: bad input and bad settings are one line, never a
traceback; the options reach the app."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.commands import app as app_command


def _reader(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m reader ARGS` without a terminal (so it fails before starting the app)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _env(tmp_path: Path) -> dict[str, str]:
    """XDG directories in the test's temporary directory."""
    env = dict(os.environ)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"))
    return env


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The error line, checked to be a single `reader: ...` line with status 2."""
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    line = _one_line_error(_reader(str(tmp_path / "missing.txt"), env=_env(tmp_path)))
    assert line.startswith("reader: ") and "missing.txt" in line


def test_an_unknown_theme_is_one_line(tmp_path: Path) -> None:
    line = _one_line_error(_reader("--theme", "no-such-theme", env=_env(tmp_path)))
    assert "unknown theme 'no-such-theme'" in line and "ansi-dark" in line


def test_a_broken_settings_file_is_one_line(tmp_path: Path) -> None:
    env = _env(tmp_path)
    config = tmp_path / "config" / "reader"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('panel = "middle"\n', encoding="utf-8")
    line = _one_line_error(_reader(env=env))
    assert "config.toml" in line and "panel must be one of left, right" in line


def test_options_are_parsed() -> None:
    parser = argparse.ArgumentParser()
    app_command.add_arguments(parser)
    args = parser.parse_args(
        ["-", "--direction", "rtl", "--bidi", "terminal", "--theme", "ansi-light", "--lang", "ar"]
    )
    assert (args.file, args.direction, args.bidi, args.theme, args.lang) == (
        "-",
        "rtl",
        "terminal",
        "ansi-light",
        "ar",
    )
    defaults = parser.parse_args([])
    assert (defaults.file, defaults.direction, defaults.bidi) == (None, "auto", None)
    with pytest.raises(SystemExit):
        parser.parse_args(["--lang", "fr"])
