"""Widths and settings within bounds: `--width` and `COLUMNS` cannot ask for gigabytes, a huge
number is one line, a deeply nested config.toml is one line, a relative XDG directory is
ignored (the XDG spec says so)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import run_cli
from terminals import PtyRun

from reader.commands.render import MAX_WIDTH


@pytest.mark.parametrize("width", ["1000000000", "99999999999999999999", "4097", "-1"])
def test_a_width_out_of_bounds_is_one_line(width: str, texts: Path, home: Path) -> None:
    """Too wide or negative: one line naming the bound, status 2, at once."""
    done = run_cli(["render", "--width", width, str(texts / "news-01.ar.txt")], home, timeout=30)
    text = done.stderr.decode()
    assert done.returncode == 2 and done.stdout == b""
    assert "Traceback" not in text and text.count("\n") == 1 and str(MAX_WIDTH) in text


def test_the_widest_width_stays_small(texts: Path, home: Path) -> None:
    """`--width 4096` on a real article: output bounded by lines × 4096 cells."""
    done = run_cli(["render", "--width", str(MAX_WIDTH), str(texts / "news-01.ar.txt")], home)
    assert done.returncode == 0
    assert max(len(line) for line in done.stdout.decode().splitlines()) <= MAX_WIDTH


def test_a_huge_columns_on_a_terminal_is_clamped(
    run_in_pty: Callable[..., PtyRun], texts: Path, home: Path
) -> None:
    """`COLUMNS=1000000000 reader render FILE` on a tty: lines of at most 4096 cells (it
    reached a MemoryError before)."""
    run = run_in_pty("render", str(texts / "news-01.ar.txt"), COLUMNS="1000000000")
    assert run.wait_exit(timeout=60) == 0
    output = bytes(run.output).decode("utf-8", "replace")
    assert "Traceback" not in output and "Error" not in output
    assert max(len(line) for line in output.splitlines()) <= MAX_WIDTH + 1


def test_a_deeply_nested_config_is_one_line(
    texts: Path, home: Path, run_in_pty: Callable[..., PtyRun]
) -> None:
    """config.toml of 100,000 nested arrays: one line naming the file, status 2."""
    config = home / "config" / "reader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    run = run_in_pty(str(texts / "news-01.ar.txt"))
    assert run.wait_exit(timeout=30) == 2
    output = bytes(run.output).decode("utf-8", "replace").strip()
    assert output.count("\n") == 0 and "config.toml" in output and "Traceback" not in output


def test_a_relative_xdg_state_home_is_ignored(texts: Path, home: Path, tmp_path: Path) -> None:
    """XDG_STATE_HOME=relative: positions go to ~/.local/state, not under the working
    directory."""
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_STATE_HOME": "relative/state"}
    script = (
        "from reader.positions import ReadingPositions\n"
        "p = ReadingPositions(); p.set('doc', 4); p.save(); print(p.path)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(done.stdout.strip()) == home / ".local" / "state" / "reader" / "positions.json"
    assert not (work / "relative").exists()
