"""The terminal's own bidi mode: switched off while the reader draws, restored on every way out.

The terminal-wg BiDi spec lets a full-screen program that orders right-to-left text itself switch
a bidi-aware terminal (VTE, mintty) to *explicit* mode with `CSI 8 l`, and asks it to restore
*implicit* mode with `CSI 8 h` when it leaves. Terminals that do not know the sequence ignore it.

The app writes `EXPLICIT_MODE` through Textual's driver once it runs (`enter_explicit_mode`), and
`restoring_implicit_mode` wraps `App.run` so `IMPLICIT_MODE` reaches the real terminal after the
driver has given it back: on a normal exit, on ctrl+c (KeyboardInterrupt) and on an exception.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Protocol

EXPLICIT_MODE = "\x1b[8l"
"""CSI 8 l: the terminal shows cells as sent, without reordering them."""
IMPLICIT_MODE = "\x1b[8h"
"""CSI 8 h: the terminal's default, where it may reorder right-to-left runs itself."""


class Driver(Protocol):
    """What this module needs of a Textual driver: a way to write to the terminal."""

    def write(self, data: str) -> None:
        """Write escape sequences or text to the terminal."""


def enter_explicit_mode(driver: Driver | None, extra: str = "") -> None:
    """Ask a bidi-aware terminal not to reorder what the app draws (no-op without a driver,
    as in tests run headless)."""
    if driver is not None:
        driver.write(EXPLICIT_MODE + extra)


def restore_implicit_mode(driver: Driver | None, extra: str = "") -> None:
    """Give the terminal its implicit bidi mode back through the driver, while it still runs."""
    if driver is not None:
        driver.write(IMPLICIT_MODE + extra)


def _write_to_terminal(data: str) -> None:
    """Write `data` to the real terminal: stdout when it is one, else the controlling tty."""
    stream = sys.__stdout__
    try:
        if stream is not None and stream.isatty():
            stream.write(data)
            stream.flush()
            return
    except (OSError, ValueError):
        pass
    with contextlib.suppress(OSError):
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
        try:
            os.write(fd, data.encode("ascii"))
        finally:
            os.close(fd)


@contextlib.contextmanager
def restoring_implicit_mode(enabled: bool = True, extra: str = "") -> Iterator[None]:
    """Run the block (the app), then always send `IMPLICIT_MODE` to the real terminal.

    Used around `App.run`: whatever ends the app (quit, ctrl+c, an exception), the terminal is
    left in its default mode. `enabled=False` (the `--bidi terminal` mode, which never switched
    the mode) does nothing.
    """
    try:
        yield
    finally:
        if enabled:
            _write_to_terminal(IMPLICIT_MODE + extra)
