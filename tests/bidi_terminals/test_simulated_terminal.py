"""Terminal mode under a simulated terminal that reorders each row, as Konsole and mlterm do.

The real reader runs on a pty with `--bidi terminal`, on every text in `shared/data/texts`,
at three window sizes (resized in place), before and after moving through the article (so the
screen holds both whole-frame writes and partial ones). Its bytes go into a cell grid
(`cellgrid.Grid`); each row, as the terminal stores it (with the zero-width controls of its first
column dropped, as Konsole and VTE do, or kept, as mlterm does), is given to an implementation of
the bidi algorithm applied per row: GNU FriBidi's CLI and python-bidi, each with an LTR and an
automatic base direction. What they show must be, cell for cell, the row's own cells: the app's
visual order, as xterm shows it (`test_terminal_mode_draws_app_modes_cells` holds those to be the
cells app mode draws).
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from bidi import get_display

from reader.terminals.rows import CONTROLS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "security"))
from cellgrid import Grid
from terminals import (
    TEXTS,
    PtyRun,
    reader_command,
    reader_environment,
    require_tool,
)

SIZES = [(80, 24), (120, 36), (160, 48)]
"""Window sizes (columns, rows): the panel is open at each."""
INVISIBLE = CONTROLS | {"\u200e"}
"""What terminal mode adds and a terminal never draws."""


def _texts() -> list[Path]:
    """Every text of the shared data."""
    return sorted(path for path in TEXTS.glob("*.txt") if path.name != "PROVENANCE.md")


def _drawn(row: str) -> str:
    """A row as drawn: the added controls removed, hamza in the form FriBidi gives it."""
    return "".join(c for c in row if c not in INVISIBLE).replace("\u0621", "\ufe80")


def _fribidi(rows: list[str], base: str) -> list[str]:
    """FriBidi's visual order of each row (one paragraph per line), base `--ltr` or auto."""
    arguments = ["fribidi", "--nopad", "--nobreak", "--clean"]
    if base == "ltr":
        arguments.append("--ltr")
    result = subprocess.run(
        arguments, input="\n".join(rows) + "\n", capture_output=True, text=True, check=True
    )
    lines = result.stdout.split("\n")
    return [_drawn(line).replace("\ufeff", "") for line in lines[: len(rows)]]


def _screens(path: Path, tmp_path: Path) -> list[Grid]:
    """The reader's screens on `path` at each size, before and after moving (j, j, space)."""
    screens: list[Grid] = []
    columns, lines = SIZES[0]
    run = PtyRun(
        [*reader_command(), "--bidi", "terminal", str(path)],
        reader_environment(tmp_path),
        cols=columns,
        rows=lines,
    )
    try:
        run.wait_for("¶".encode(), timeout=60)
        for columns, lines in SIZES:
            if (columns, lines) != SIZES[0]:
                fcntl.ioctl(
                    run.master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0)
                )
                os.killpg(run.process.pid, signal.SIGWINCH)
            run.pump(1.2)
            grid = Grid(columns, lines)
            grid.feed(bytes(run.output).decode("utf-8", "replace"))
            screens.append(grid)
            for key in (b"j", b"j", b" "):
                run.send(key)
                run.pump(0.3)
            run.pump(0.5)
            grid = Grid(columns, lines)
            grid.feed(bytes(run.output).decode("utf-8", "replace"))
            screens.append(grid)
        run.send(b"q")
        run.wait_exit(timeout=20)
    finally:
        if run.process.poll() is None:
            run.process.kill()
    return screens


@pytest.mark.parametrize("path", _texts(), ids=lambda path: path.name)
def test_a_row_reordering_terminal_shows_app_mode(path: Path, tmp_path: Path) -> None:
    require_tool("fribidi")
    for grid in _screens(path, tmp_path):
        for keep in (False, True):
            sent = grid.rows(keep_first_column=keep)
            expected = [_drawn(row) for row in sent]
            assert any(any("\u0600" <= c <= "\ufeff" for c in row) for row in expected)
            for base in ("ltr", "auto"):
                shown = _fribidi(sent, base)
                for number, (want, got) in enumerate(zip(expected, shown, strict=True)):
                    assert got == want, (path.name, grid.width, keep, base, number)
                for number, row in enumerate(sent):
                    got = _drawn(get_display(row, base_dir="L" if base == "ltr" else None))
                    assert got == expected[number], ("python-bidi", grid.width, keep, base, number)
