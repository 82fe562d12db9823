"""Running the real `reader` command in real terminals, for the security tests.

Two harnesses:

- `PtyRun` starts the reader on a pseudo-terminal it controls (the pty is the process's
  controlling terminal, as in a real login) and records every byte the reader writes to it, so a
  test can prove which escape sequences reached the terminal and which did not;
- `Tmux` starts a command in a detached tmux server of its own (its own socket, never the
  user's) and reads the screen back as tmux draws it, so a test can see what a user sees.

Tests needing a system tool call `require_tool`: missing is a failure when the CI variable is
set, a skip otherwise.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

from reader.layout import layout_paragraph

REPO = Path(__file__).resolve().parents[2]
"""The checkout."""

TEXTS = REPO / ".." / "shared" / "data" / "texts"
"""The shared real texts, beside the checkout (as in CI)."""

POLL_SECONDS = 0.05
"""How long to sleep between looks at a terminal."""

EXIT_STATUS = re.compile(r"\[exit status (\d+)\]")
"""The line the tmux harness's shell prints when the program exits."""

T = TypeVar("T")


def reader_command() -> list[str]:
    """The installed `reader` script of this environment (as a user runs it), or the module."""
    script = Path(sys.executable).with_name("reader")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "reader"]


def require_tool(name: str) -> str:
    """The path of the system tool `name`; fails the test under CI when it is missing, else
    skips it."""
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/sbin") / name) if p.is_file()), None
    )
    if found:
        return found
    message = f"{name} is not installed (apt-get install the package that provides it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def reader_environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a reader under test: UTF-8, XDG directories under `home` (no user
    settings read, no reading positions left behind), no NO_COLOR, plus `extra`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"NO_COLOR", "TEXTUAL", "COLUMNS", "LINES", "TMUX", "TMUX_PANE"}
    }
    env.update(
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        PYTHONFAULTHANDLER="1",
        TERM="xterm-256color",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
    )
    env.update(extra)
    return env


def wait_until(probe: Callable[[], T], timeout: float, what: str) -> T:
    """Poll `probe` until it returns something true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(POLL_SECONDS)


def first_words_visual(paragraph: str, words: int = 3) -> str:
    """The first `words` words of an RTL paragraph as the terminal shows them: shaped, in visual
    order (so they end the first row of the paragraph, at its right edge)."""
    head = " ".join(paragraph.split()[:words])
    shown: str = layout_paragraph(head, None, "rtl").lines[0].text
    return shown


@dataclass(frozen=True)
class Process:
    """A live process, as /proc shows it (no procps needed)."""

    pid: int
    parent: int
    group: int
    state: str
    command: str
    """The command line, arguments joined by spaces."""


def processes() -> list[Process]:
    """Every live (not zombie) process."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (
                (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            )
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z":
            found.append(
                Process(int(entry.name), int(fields[1]), int(fields[2]), fields[0], command.strip())
            )
    return found


def children_of(pid: int) -> list[Process]:
    """The live processes whose parent is `pid`."""
    return [process for process in processes() if process.parent == pid]


# The pseudo-terminal harness


class PtyRun:
    """The reader (or any command) on a pty of `cols` x `rows`, every output byte recorded."""

    def __init__(
        self, arguments: Sequence[str], env: Mapping[str, str], cols: int = 100, rows: int = 30
    ) -> None:
        """Start `arguments` as a session leader whose controlling terminal is the new pty."""
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.modes_before = termios.tcgetattr(slave)
        """The terminal modes before the program ran (cooked: echo, canonical input)."""
        self.output = bytearray()
        """Every byte the program wrote to its terminal so far."""
        self.closed = False
        self.process = subprocess.Popen(
            list(arguments),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=dict(env),
            start_new_session=True,
            preexec_fn=_take_controlling_terminal,
        )
        os.close(slave)

    def pump(self, seconds: float) -> None:
        """Read whatever the program writes for `seconds` (returns early if the pty closes)."""
        deadline = time.monotonic() + seconds
        while not self.closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], min(left, POLL_SECONDS))
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:  # EIO: every slave descriptor is closed
                    data = b""
                if not data:
                    return
                self.output.extend(data)

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> int:
        """Read until `marker` has been written; returns the offset just past it."""
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.pump(0.2)
                if marker in self.output:
                    break
                tail = bytes(self.output[-2000:]).decode("utf-8", "replace")
                pytest.fail(f"{marker!r} not written within {timeout} s; last output:\n{tail}")
            self.pump(POLL_SECONDS)
        return self.output.index(marker) + len(marker)

    def send(self, data: bytes) -> None:
        """Type `data` on the terminal's keyboard."""
        os.write(self.master, data)

    def signal(self, signum: int) -> None:
        """Send `signum` to the program."""
        self.process.send_signal(signum)

    def hang_up(self) -> None:
        """Close the terminal, as when a terminal window or an SSH connection goes away: the
        kernel sends SIGHUP to the program and its terminal stops accepting output."""
        os.close(self.master)
        self.closed = True

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Read output until the program exits; returns its status (fails on a hang)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"the program did not exit within {timeout} s")
            if self.closed:
                time.sleep(POLL_SECONDS)
            else:
                self.pump(POLL_SECONDS)
        if not self.closed:
            self.pump(0.2)
        return self.process.returncode

    def modes_now(self) -> list[object]:
        """The terminal's modes now (read through the master side)."""
        return termios.tcgetattr(self.master)

    def kill(self) -> None:
        """End the program and close the pty (cleanup)."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        if not self.closed:
            os.close(self.master)
            self.closed = True


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make the pty on stdin the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


# The tmux harness


class Tmux:
    """A private tmux server (own socket) with one session of `cols` x `rows`."""

    def __init__(self, workdir: Path, cols: int = 100, rows: int = 30) -> None:
        """Prepare (nothing runs until `start`); the configuration file goes in `workdir`."""
        self.tmux = require_tool("tmux")
        self.socket = f"reader-test-{uuid.uuid4().hex[:12]}"
        self.cols, self.rows = cols, rows
        self.target = "main:0.0"
        self.config = workdir / "tmux.conf"
        # Programs may set tmux's clipboard buffers (OSC 52), so a test can see whether one did.
        self.config.write_text("set -g set-clipboard on\n")

    def run(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run a tmux command against this server."""
        return subprocess.run(
            [self.tmux, "-u", "-L", self.socket, "-f", str(self.config), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=20,
            check=check,
            env={
                **{k: v for k, v in os.environ.items() if k not in {"TMUX", "TMUX_PANE"}},
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            },
        )

    @staticmethod
    def command(arguments: Sequence[str], env: Mapping[str, str]) -> str:
        """The shell command tmux runs: `arguments` with exactly the environment `env`, then a
        line giving its exit status (`[exit status N]`), then a long sleep. The status is read
        from the screen, not from tmux, which was seen not to reap an exited pane process now
        and then when driven from pytest."""
        program = shlex.join(["env", "-i", *(f"{k}={v}" for k, v in env.items()), *arguments])
        return f'{program}; echo "[exit status $?]"; exec sleep 3600'

    def start(
        self, arguments: Sequence[str], env: Mapping[str, str], cwd: Path | None = None
    ) -> None:
        """Run `arguments` with exactly `env` in the session (see `command`), in `cwd`."""
        size = ["-x", str(self.cols), "-y", str(self.rows)]
        where = ["-c", str(cwd)] if cwd is not None else []
        self.run("new-session", "-d", "-s", "main", *size, *where, self.command(arguments, env))

    def screen(self) -> list[str]:
        """The rows of the pane as shown (trailing spaces removed)."""
        text = self.run("capture-pane", "-p", "-t", self.target).stdout
        return [row.rstrip() for row in text.split("\n")][: self.rows]

    def wait_for_text(self, text: str, timeout: float = 30.0) -> list[str]:
        """Wait until `text` shows somewhere on the screen; returns the screen."""

        def probe() -> list[str]:
            rows = self.screen()
            return rows if any(text in row for row in rows) else []

        try:
            return wait_until(probe, timeout, f"{text!r} on screen")
        except pytest.fail.Exception:
            print("\n".join(self.screen()))
            raise

    def wait_for_reader(self, text: str = "", timeout: float = 30.0) -> list[str]:
        """Wait until the reader's screen is complete (status line and key bar drawn, `text`
        shown) and has stopped changing for a moment; returns it."""
        previous: list[str] = []

        def probe() -> list[str]:
            nonlocal previous
            rows = self.screen()
            complete = any(row.startswith(" ¶") for row in rows) and rows[-1].endswith("quit")
            settled = complete and text in "\n".join(rows) and rows == previous
            previous = rows
            if not settled:
                time.sleep(0.25)
            return rows if settled else []

        try:
            return wait_until(probe, timeout, f"the reader's screen with {text!r}")
        except pytest.fail.Exception:
            print("\n".join(self.screen()))
            raise

    def keys(self, *keys: str) -> None:
        """Press keys (tmux key names, e.g. `space`, `q`, `C-c`)."""
        self.run("send-keys", "-t", self.target, *keys)

    def pane(self, field: str) -> str:
        """A pane format field, e.g. `pane_dead`, `pane_dead_status`, `pane_title`."""
        return self.run("display-message", "-p", "-t", self.target, f"#{{{field}}}").stdout.strip()

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the program to exit; returns its status (fails, showing where the program
        is stuck, if it does not exit)."""

        def probe() -> str:
            found = EXIT_STATUS.search("\n".join(self.screen()))
            return found.group(1) if found else ""

        try:
            return int(wait_until(probe, timeout, "the program to exit"))
        except pytest.fail.Exception:
            self.dump_threads()
            raise

    def dump_threads(self) -> None:
        """Print where a hung program is: SIGABRT makes Python's faulthandler (enabled by
        `reader_environment`) write every thread's stack to the pane, which is printed."""
        for child in children_of(int(self.pane("pane_pid") or 0)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGABRT)
        time.sleep(1)
        print(self.run("capture-pane", "-p", "-S", "-300", "-t", self.target).stdout)

    def respawn(self, arguments: Sequence[str], env: Mapping[str, str]) -> None:
        """Run another command in the same pane, ending what runs there."""
        self.run("respawn-pane", "-k", "-t", self.target, self.command(arguments, env))

    def buffers(self) -> str:
        """The samples of tmux's paste buffers, one a line (programs fill them with OSC 52)."""
        return self.run("list-buffers", "-F", "#{buffer_sample}").stdout

    def kill(self) -> None:
        """Stop this tmux server and everything in it, and remove its socket."""
        self.run("kill-server", check=False)
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


TOPIC_MAP_CELLS = 3
"""The topic map's width at the right edge of the screen (`#topic-map` in reader.tcss)."""


def article_row(row: str, cols: int) -> str:
    """A screen row without the topic map (drawn once the themes arrive, so a test cannot know
    whether it is there yet) and without the current-paragraph marker at its end."""
    return row.ljust(cols)[: cols - TOPIC_MAP_CELLS].rstrip(" ▍")
