"""Ending the reader cleanly when it is told to stop (SIGTERM) or its terminal goes away (SIGHUP).

Textual handles neither: by default both kill the process at once, leaving the terminal in the
alternate screen with the cursor hidden and mouse reporting on. Here each becomes an ordinary
quit run inside the event loop (the driver then writes its restoring sequences), and a watchdog
ends the process anyway a few seconds later: when the terminal has really gone (a dropped SSH
connection), writing to it may fail or block, and the reader must not linger.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
"""The signals that end the reader cleanly instead of killing it on the spot."""

GRACE_SECONDS = 3.0
"""How long a clean exit may take after such a signal before the process is ended regardless."""


def exit_status(signum: int) -> int:
    """The shell's convention for a program ended by signal `signum`: 128 + its number."""
    return 128 + signum


def install_exit_handlers(on_signal: Callable[[int], None]) -> bool:
    """From inside the running event loop, call `on_signal(signum)` on SIGTERM or SIGHUP.

    Returns False when handlers cannot be installed (not the main thread, or no running loop):
    the signals then keep their default action, which ends the process.
    """
    try:
        loop = asyncio.get_running_loop()
        for signum in EXIT_SIGNALS:
            loop.add_signal_handler(signum, _on_exit_signal, signum, on_signal)
    except (RuntimeError, ValueError, NotImplementedError):
        return False
    return True


def _on_exit_signal(signum: int, on_signal: Callable[[int], None]) -> None:
    """Arm the watchdog first (the clean exit may block on a dead terminal), then quit."""
    arm_watchdog(exit_status(signum))
    on_signal(signum)


def arm_watchdog(status: int, seconds: float = GRACE_SECONDS) -> threading.Timer:
    """End the process with `status` after `seconds` unless it has exited by then."""
    timer = threading.Timer(seconds, _end_now, args=(status,))
    timer.daemon = True
    timer.start()
    return timer


def _end_now(status: int) -> None:
    """The watchdog's last resort: leave without waiting for threads or buffered output."""
    with contextlib.suppress(OSError):
        os.write(2, b"reader: the terminal did not respond; exiting\n")
    os._exit(status)
