"""The reader leaves the terminal as it found it, however it ends: `q`, ctrl+c, SIGTERM, SIGHUP.

Checked on the bytes the real reader writes to a pseudo-terminal: after the way out, the
alternate screen is left, the cursor shown, mouse reporting and bracketed paste turned off, the
terminal's bidi mode back to implicit (`CSI 8 h`), each *after* the last sequence that turned it
on; the terminal's line modes (echo, canonical input) are what they were before; the process
exits with the conventional status and no traceback. A terminal that goes away (the pty closed,
as when an SSH connection drops) ends the reader too, within seconds.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from terminals import PtyRun, processes

TURNED_ON_THEN_OFF = (
    (b"\x1b[?1049h", b"\x1b[?1049l"),  # alternate screen
    (b"\x1b[?25l", b"\x1b[?25h"),  # cursor hidden, shown
    (b"\x1b[?1000h", b"\x1b[?1000l"),  # mouse button reporting
    (b"\x1b[?1003h", b"\x1b[?1003l"),  # mouse motion reporting
    (b"\x1b[?1006h", b"\x1b[?1006l"),  # SGR mouse coordinates
    (b"\x1b[?2004h", b"\x1b[?2004l"),  # bracketed paste
    (b"\x1b[8l", b"\x1b[8h"),  # bidi: explicit while reading, implicit again after
)
"""Each mode the reader turns on while it runs, and the sequence that turns it off."""

WAYS_OUT: dict[str, tuple[Callable[[PtyRun], None], int]] = {
    "q": (lambda run: run.send(b"q"), 0),
    "ctrl+c": (lambda run: run.send(b"\x03"), 0),
    "SIGTERM": (lambda run: run.signal(signal.SIGTERM), 128 + signal.SIGTERM),
    "SIGHUP": (lambda run: run.signal(signal.SIGHUP), 128 + signal.SIGHUP),
    "SIGINT": (lambda run: run.signal(signal.SIGINT), 0),  # Textual treats it as a quit
}
"""How the reader is ended, and the exit status expected (128 + n for signal n)."""


def started(run: PtyRun) -> int:
    """Wait for the reader's first full screen (its key bar); returns the output offset then."""
    run.wait_for(b"\x1b[?1049h")
    run.wait_for(b"quit")
    run.pump(0.3)
    return len(run.output)


def assert_restored(run: PtyRun, since: int) -> None:
    """Every mode the reader turned on was turned off after `since`, after its last turning on,
    and the pty's line modes are back as they were."""
    output = bytes(run.output)
    after = output[since:]
    for on, off in TURNED_ON_THEN_OFF:
        assert on in output, f"the reader never sent {on!r}: the test no longer tests it"
        assert off in after, f"{off!r} not sent on the way out"
        assert output.rfind(off) > output.rfind(on), f"{on!r} sent again after {off!r}"
    assert run.modes_now() == run.modes_before, "echo/canonical modes not restored"
    assert b"Traceback" not in output


@pytest.mark.parametrize("way_out", list(WAYS_OUT))
def test_every_way_out_restores_the_terminal(
    run_in_pty: Callable[..., PtyRun], texts: Path, way_out: str
) -> None:
    """q, ctrl+c, SIGTERM and SIGHUP (terminal still there): the reader exits promptly with the
    expected status and restores every mode."""
    run = run_in_pty(str(texts / "news-01.ar.txt"))
    since = started(run)
    act, expected_status = WAYS_OUT[way_out]
    act(run)
    assert run.wait_exit(timeout=15) == expected_status
    assert_restored(run, since)


def test_sigterm_still_saves_the_reading_position(
    run_in_pty: Callable[..., PtyRun], texts: Path, home: Path
) -> None:
    """SIGTERM is a clean quit: the paragraph reached (two `j` presses: the third) is saved."""
    path = str(texts / "news-01.ar.txt")
    run = run_in_pty(path)
    started(run)
    run.send(b"j")
    run.wait_for("¶ 2/".encode())
    run.send(b"j")
    run.wait_for("¶ 3/".encode())
    run.signal(signal.SIGTERM)
    assert run.wait_exit(timeout=15) == 128 + signal.SIGTERM
    positions = json.loads((home / "state" / "reader" / "positions.json").read_text("utf-8"))
    saved = [entry["paragraph"] for key, entry in positions.items() if os.path.abspath(path) in key]
    assert saved == [2]


def test_a_terminal_that_goes_away_ends_the_reader(
    run_in_pty: Callable[..., PtyRun], texts: Path
) -> None:
    """Closing the pty (the kernel sends SIGHUP, output now fails): the reader and anything it
    started end within seconds (the watchdog ends it if writing to the dead terminal blocks)."""
    run = run_in_pty(str(texts / "news-01.ar.txt"))
    started(run)
    group = run.process.pid
    run.hang_up()
    assert run.wait_exit(timeout=10) == 128 + signal.SIGHUP
    assert [process for process in processes() if process.group == group] == []


def test_terminal_mode_switches_and_restores_the_bidi_mode_too(
    run_in_pty: Callable[..., PtyRun], texts: Path
) -> None:
    """`--bidi terminal` draws the app's visual cells too (under overrides), so it also asks a
    VTE terminal not to reorder, and gives implicit mode back on the way out."""
    run = run_in_pty("--bidi", "terminal", str(texts / "news-01.ar.txt"))
    since = started(run)
    run.send(b"q")
    assert run.wait_exit(timeout=15) == 0
    output = bytes(run.output)
    assert b"\x1b[8l" in output and b"\x1b[8h" in output[since:]
    assert b"\x1b[?1049l" in output[since:] and b"\x1b[?25h" in output[since:]
