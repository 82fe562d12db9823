"""`reader check-terminal`: the sample both ways, and the advice for each answer."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bidi import get_display

from reader.commands.check_terminal import ADVICE, sample_lines
from reader.terminals.rows import CONTROLS, LRM


def _run(*arguments: str) -> str:
    """The command's output, stdin not a terminal (no query, no question)."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "check-terminal", *arguments],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "KONSOLE_VERSION": "221203"},
    )
    return result.stdout


def test_both_lines_show_the_same_cells_and_line_two_survives_a_reordering_terminal() -> None:
    app, terminal = sample_lines()
    drawn = "".join(c for c in terminal if c not in CONTROLS | {LRM})
    assert drawn[3:] == app[3:] and app.startswith("1) ") and drawn.startswith("2) ")
    assert any("\ufe70" <= c <= "\ufefc" for c in app)  # shaped Arabic, in visual order
    for base in ("L", None):
        shown = get_display(terminal, base_dir=base)
        assert "".join(c for c in shown if c not in CONTROLS | {LRM}) == drawn
    assert (
        get_display(app[3:], base_dir="L") != app[3:]
    )  # line 1 is what a reordering terminal breaks


@pytest.mark.parametrize("answer", ["1", "2", "n"])
def test_each_answer_names_what_to_use(answer: str) -> None:
    output = _run("--answer", answer)
    assert "terminal: Konsole" in output and "uses: terminal" in output
    if answer in ADVICE:
        assert ADVICE[answer][1] in output
    else:
        assert "Disable bidirectional text display" in output


def test_without_a_terminal_no_question_is_asked() -> None:
    assert "no question asked" in _run()
