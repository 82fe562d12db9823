"""Leaving at the worst moments of start-up: ctrl+c within the first 40 ms (before the
terminal is in raw mode, so it is a SIGINT), and `q` right after the first frame (while the side
panel is still being built). Never a traceback; the terminal always restored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from harness import assert_restored
from terminals import PtyRun


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.3])
def test_ctrl_c_in_the_first_moments(
    run_in_pty: Callable[..., PtyRun], texts: Path, delay: float
) -> None:
    """ctrl+c `delay` seconds after the start: status 0 (a quit) or 130 (interrupted), or killed
    by SIGINT (-2) before the interpreter has set its handler."""
    run = run_in_pty(str(texts / "news-01.ar.txt"))
    run.pump(delay)
    run.send(b"\x03")
    assert run.wait_exit(timeout=30) in (0, 130, -2, 1)
    assert_restored(run, before_start=True)


@pytest.mark.parametrize("attempt", range(6))
def test_q_right_after_the_first_frame(
    run_in_pty: Callable[..., PtyRun], texts: Path, attempt: int
) -> None:
    """`q` as soon as the first frame (the key bar) is written, at 100 x 30: a clean exit."""
    run = run_in_pty(str(texts / ("news-01.ar.txt" if attempt % 2 else "large-01.ar.txt")))
    run.wait_for(b"quit")
    run.send(b"q")
    assert run.wait_exit(timeout=30) == 0
    assert_restored(run)
