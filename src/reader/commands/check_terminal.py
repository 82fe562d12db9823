"""`reader check-terminal`: show one Arabic line both ways, ask which reads right, and say which
bidi mode (option or config line) to use in this terminal.

Line 1 is what `--bidi app` sends (the app's visual order as is); line 2 what `--bidi terminal`
sends (the same cells, each run under a left-to-right override, `reader.terminals.rows`). A
terminal without bidi shows both right; one that reorders each row (Konsole, mlterm) only line 2;
one that mirrors whole rows and honours no override (PuTTY with its bidi on) neither.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from reader.layout import fit_label
from reader.terminals.detect import PUTTY_ADVICE, Decision, decide, parse_answers
from reader.terminals.rows import OverrideWriter

SAMPLE = "افتتح معرض IGEF 2025 يوم 18 سبتمبر (1)."
"""Arabic with Latin, digits, brackets and a final full stop: the cases that go wrong."""
WIDTH = 48
"""Cells of the sample line, right-aligned as the reader draws Arabic."""
HINT = (
    "Read right to left, the right line starts «افتتح», has IGEF and 2025 left to right, ends"
    " with «(1)» and the full stop at its LEFT end."
)
ADVICE = {
    "1": ("app", 'reader --bidi app, or in ~/.config/reader/config.toml: bidi = "app"'),
    "2": (
        "terminal",
        'reader --bidi terminal, or in ~/.config/reader/config.toml: bidi = "terminal"',
    ),
}
"""What each answer means: the mode and how to choose it."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """No arguments but `--answer` (for scripts and tests: skip the question)."""
    parser.add_argument(
        "--answer", choices=("1", "2", "n"), help="answer the question without asking"
    )


def sample_lines() -> tuple[str, str]:
    """Rows `1) sample` as `--bidi app` and `2) sample` as `--bidi terminal` send them (the
    sample right-aligned in WIDTH cells), each to be written from the first column."""
    line = fit_label(SAMPLE, WIDTH, "rtl")
    cells = " " * (WIDTH - line.width) + line.text
    written = OverrideWriter(len(cells) + 3).feed("2) " + cells)
    terminal = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", written)  # the row alone, printed in place
    return "1) " + cells, terminal


def _detect() -> Decision:
    """What `--bidi auto` decides here, asking the terminal (and its answerback) if it can."""
    answers = None
    if sys.stdin.isatty() and sys.stdout.isatty():
        from reader.terminals.query import ask

        answers = parse_answers(ask(sys.stdin.fileno(), sys.stdout.fileno(), answerback=True))
    return decide("auto", os.environ, answers)


def run(args: argparse.Namespace) -> int:
    """Print the two lines and the advice; ask unless `--answer` or stdin is not a terminal."""
    decision = _detect()
    app_line, terminal_line = sample_lines()
    write = sys.stdout.write
    write(f"terminal: {decision.terminal} ({decision.reason})\n")
    write(f"reader --bidi auto uses: {decision.mode}\n\n")
    tty = sys.stdout.isatty()
    explicit, implicit = ("\x1b[8l", "\x1b[8h") if tty else ("", "")
    write(f"{explicit}{app_line}\n{implicit}")  # app mode asks VTE not to reorder, as the app does
    write(f"{terminal_line}\n\n{HINT}\n")
    if decision.advice:
        write(f"note: {decision.advice}\n")
    if decision.terminal == "mlterm":
        write(
            "note: reader switches mlterm's own bidi off while it runs (and back on after), so"
            " there you will see line 1 as a terminal without bidi shows it: right.\n"
        )
    answer = args.answer
    if answer is None and sys.stdin.isatty():
        write("Which line reads right: 1, 2, or n (neither)? ")
        sys.stdout.flush()
        answer = sys.stdin.readline().strip().lower()[:1] or "n"
    if answer is None:
        write("(not a terminal: no question asked)\n")
        return 0
    if answer in ADVICE:
        mode, how = ADVICE[answer]
        if mode == decision.mode:
            write(f"reader already picks {mode} here; to fix it anyway: {how}\n")
        else:
            write(f"use {mode}: {how}\n")
        return 0
    write(
        "neither: this terminal mirrors whole rows or shapes by itself. Turn its own bidi off"
        " and use app mode. " + PUTTY_ADVICE + "; Konsole: Settings > Edit Current Profile >"
        " Advanced > untick 'Bi-Directional text rendering'; mlterm: Ctrl+right click >"
        " 'Bidi' off (or use_ctl = false in ~/.mlterm/main).\n"
    )
    return 0
