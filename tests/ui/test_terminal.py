"""The terminal's bidi mode: explicit (`CSI 8 l`) while the reader runs, implicit (`CSI 8 h`)
again on every way out, checked on the bytes a real pseudo-terminal receives."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.ui.terminal import EXPLICIT_MODE, IMPLICIT_MODE

EXPLICIT = EXPLICIT_MODE.encode()
IMPLICIT = IMPLICIT_MODE.encode()


class PtyProcess:
    """A process whose stdin, stdout and stderr are a new pseudo-terminal of 100×30."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        """Start `args` on the terminal."""
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = bytearray()

    def read_until(self, wanted: bytes, timeout: float = 20.0) -> None:
        """Collect output until `wanted` appears (fail after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        while wanted not in self.output:
            if time.monotonic() > deadline:
                pytest.fail(f"{wanted!r} not seen; output ends {bytes(self.output[-300:])!r}")
            self._read(0.1)

    def _read(self, wait: float) -> bool:
        """Read what is there; False at end of output."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the other side closed
            return False
        self.output += data
        return bool(data)

    def finish(self, timeout: float = 20.0) -> int:
        """Wait for the process to end, collecting the rest of its output; its exit status."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.05)
        while self._read(0.05):
            pass
        os.close(self.master)
        return self.process.wait(timeout=1)

    def write(self, data: bytes) -> None:
        """Type `data`."""
        os.write(self.master, data)


def _env(tmp_path: Path) -> dict[str, str]:
    """The environment for a reader under test: XDG directories in the test's temp dir."""
    env = dict(os.environ)
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        TERM="xterm-256color",
    )
    return env


def _restored_last(output: bytes) -> bool:
    """True when the terminal was put in explicit mode and left in implicit mode."""
    return EXPLICIT in output and output.rfind(IMPLICIT) > output.rfind(EXPLICIT)


def test_quitting_restores_implicit_mode(tmp_path: Path) -> None:
    reader = PtyProcess([sys.executable, "-m", "reader"], _env(tmp_path))
    reader.read_until("¶ 1/7".encode())
    reader.write(b"q")
    assert reader.finish() == 0
    assert _restored_last(bytes(reader.output))


def test_an_interrupt_restores_implicit_mode(tmp_path: Path) -> None:
    reader = PtyProcess([sys.executable, "-m", "reader"], _env(tmp_path))
    reader.read_until("¶ 1/7".encode())
    reader.process.send_signal(signal.SIGINT)
    reader.finish()  # Textual turns SIGINT into a quiet exit; what matters is the terminal
    assert _restored_last(bytes(reader.output))


def test_an_exception_restores_implicit_mode(tmp_path: Path) -> None:
    script = (
        "from reader.ui.terminal import restoring_implicit_mode\n"
        "with restoring_implicit_mode():\n"
        "    raise RuntimeError('boom')\n"
    )
    process = PtyProcess([sys.executable, "-c", script], _env(tmp_path))
    assert process.finish() != 0
    assert IMPLICIT in process.output
    assert b"boom" in process.output


def test_terminal_mode_sends_app_cells_under_overrides(tmp_path: Path) -> None:
    """`--bidi terminal` draws the same visual cells, each row under LRM LRO (for terminals that
    reorder rows), and still asks a VTE terminal not to reorder (harmless where ignored)."""
    reader = PtyProcess([sys.executable, "-m", "reader", "--bidi", "terminal"], _env(tmp_path))
    reader.read_until(b"1/7")
    reader.write(b"q")
    assert reader.finish() == 0
    assert EXPLICIT in reader.output
    assert "\u200e\u202d".encode() in reader.output
