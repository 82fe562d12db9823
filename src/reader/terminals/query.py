"""Asking the terminal what it is: XTVERSION (`CSI > q`) and DA2 (`CSI > c`), then DA1 (`CSI c`).

Every terminal answers DA1, and answers in order, so its reply marks the end of the answers: the
query usually returns within one round trip (a few milliseconds locally). A terminal that does
not answer costs at most `timeout` seconds; any reply arriving after that is read and thrown
away before the app reads keys (`tcflush`), so it never turns into key presses.
"""

from __future__ import annotations

import os
import re
import select
import termios
import time

QUERY = b"\x1b[>q\x1b[>c\x1b[c"
"""XTVERSION, DA2, then DA1 as the end marker."""
ENQ = b"\x05"
"""Asks for the answerback string (PuTTY: `PuTTY`); only sent where a wait is expected."""
TIMEOUT = 0.15
"""Seconds to wait for a terminal that does not answer (SSH round trips are usually less)."""
_DA1 = re.compile(rb"\x1b\[\?[0-9;]*c")


def ask(fd_in: int, fd_out: int, *, timeout: float = TIMEOUT, answerback: bool = False) -> bytes:
    """Send the query to the terminal on `fd_out` and read its replies from `fd_in` (a tty) in
    raw mode, until the DA1 reply or `timeout`. Returns the bytes read (maybe none); the tty's
    modes are always restored."""
    old = termios.tcgetattr(fd_in)
    raw = termios.tcgetattr(fd_in)
    raw[3] &= ~(termios.ICANON | termios.ECHO)  # lflags: no line editing, no echo
    raw[6][termios.VMIN] = 0
    raw[6][termios.VTIME] = 0
    data = b""
    try:
        termios.tcsetattr(fd_in, termios.TCSANOW, raw)
        os.write(fd_out, (ENQ if answerback else b"") + QUERY)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([fd_in], [], [], left)
            if not ready:
                break
            chunk = os.read(fd_in, 4096)
            if not chunk:
                break
            data += chunk
            if _answered_da1(data):
                break
    except OSError:
        pass
    finally:
        try:
            if not _answered_da1(data):
                termios.tcflush(fd_in, termios.TCIFLUSH)
            termios.tcsetattr(fd_in, termios.TCSADRAIN, old)
        except termios.error:
            pass
    return data


_SEQUENCE = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|P.*?(?:\x1b\\|\x07)|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)", re.S
)
"""An escape sequence in what was read: a CSI reply (DA1, DA2), a DCS or OSC string (XTVERSION),
or any other ESC pair."""


def typed_keys(data: bytes) -> str:
    """What the user typed while the terminal was being asked: the printable characters of
    `data` once the terminal's replies are taken out (a `q` pressed at once is not lost)."""
    rest = _SEQUENCE.sub(b"", data).decode("utf-8", "replace")
    return "".join(c for c in rest if c.isprintable() and c != "\ufffd")


def _answered_da1(data: bytes) -> bool:
    """Whether `data` holds a complete DA1 reply (`ESC [ ? ... c`)."""
    return _DA1.search(data) is not None
