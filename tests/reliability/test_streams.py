"""Closed, failing or odd standard streams and special files: one clear line or a working app,
never a traceback, never a hang.

The subcommands run as real processes with their streams closed (`>&-`), failing
(`/dev/full`) or pointing at a FIFO; the app runs in tmux through `sh -c` so the redirections
are the shell's own, as a user types them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from harness import run_cli
from terminals import Tmux, children_of, reader_command, reader_environment

ARTICLE = "news-01.ar.txt"
"""A real article, short enough that every subcommand runs in seconds."""


def closed(fd: int) -> dict[str, object]:
    """`subprocess` options that start the child with descriptor `fd` closed."""
    return {"preexec_fn": lambda: os.close(fd)}


def one_line(stream: bytes) -> str:
    """The stream as text, asserting it is a single `reader: ...` line and no traceback."""
    text = stream.decode("utf-8", "replace")
    assert "Traceback" not in text, text
    assert text.startswith("reader: ") and text.count("\n") == 1, text
    return text


@pytest.mark.parametrize("command", ["render", "entities", "topics"])
def test_a_full_disk_on_stdout_is_one_line(command: str, texts: Path, home: Path) -> None:
    """`reader render FILE > /dev/full`: one line on stderr naming the failure, status 1."""
    with open("/dev/full", "wb") as full:
        done = run_cli([command, str(texts / ARTICLE)], home, stdout=full)
    assert "No space left" in one_line(done.stderr)
    assert done.returncode == 1


@pytest.mark.parametrize("command", ["render", "entities", "topics"])
def test_a_full_disk_on_stderr_does_not_stop_the_output(
    command: str, texts: Path, home: Path
) -> None:
    """Warnings to a failing stderr (`2>/dev/full`) are dropped; the result is still written."""
    bad = home / "bad.txt"
    bad.write_bytes((texts / ARTICLE).read_bytes()[:-1] + b"\xff\n")  # a warning: 1 bad byte
    with open("/dev/full", "wb") as full:
        done = run_cli([command, str(bad)], home, stderr=full)
    assert done.returncode == 0
    assert len(done.stdout) > 100


def test_closed_stdin_is_one_line(home: Path) -> None:
    """`reader render - <&-`: one line, status 2."""
    done = run_cli(["render", "-"], home, stdin=None, **closed(0))
    assert "standard input is closed" in one_line(done.stderr)
    assert done.returncode == 2


def test_closed_stdout_is_one_line(texts: Path, home: Path) -> None:
    """`reader render FILE >&-`: one line on stderr, status 1."""
    done = run_cli(["render", str(texts / ARTICLE)], home, stdout=None, **closed(1))
    assert "standard output is closed" in one_line(done.stderr)
    assert done.returncode == 1


def test_with_stderr_closed_no_error_reaches_stdout(home: Path, tmp_path: Path) -> None:
    """`reader render missing.txt 2>&-`: the error line must not land in the output."""
    done = run_cli(["render", str(tmp_path / "missing.txt")], home, stderr=None, **closed(2))
    assert done.stdout == b""
    assert done.returncode == 2


def test_a_fifo_without_a_writer_says_so_and_ctrl_c_ends_it(home: Path, tmp_path: Path) -> None:
    """`reader render FIFO` with no writer: says it waits (within 5 s), SIGINT ends it cleanly;
    with a writer, the text is rendered."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    waiting = subprocess.Popen(
        [*reader_command(), "render", str(fifo)],
        env=reader_environment(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(3)
        assert waiting.poll() is None
        waiting.send_signal(signal.SIGINT)
        out, err = waiting.communicate(timeout=10)
    finally:
        waiting.kill()
    assert "named pipe" in one_line(err)
    assert waiting.returncode == 130 and out == b""
    reading = subprocess.Popen(
        [*reader_command(), "render", str(fifo)],
        env=reader_environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with open(fifo, "wb") as writer:
        writer.write("سلام عليكم\n".encode())
    out, _ = reading.communicate(timeout=30)
    assert reading.returncode == 0 and "ﻢﻜﻴﻠﻋ" in out.decode()


def start_in_shell(tmux: Tmux, home: Path, path: Path, redirection: str) -> None:
    """Start `reader PATH REDIRECTION` in tmux through `sh -c`."""
    command = " ".join(reader_command())
    tmux.start(
        ["sh", "-c", f'exec {command} "$1" {redirection}', "sh", str(path)],
        reader_environment(home),
    )


@pytest.mark.parametrize(
    "redirection", ["2>/dev/full", "2>&-", "</dev/null", "<&-", ">/dev/full", "2>err.log"]
)
def test_the_app_works_whatever_its_streams(
    tmux: Tmux, texts: Path, home: Path, redirection: str
) -> None:
    """The app draws, reads keys and quits with q, whatever stdin or stderr are."""
    start_in_shell(tmux, home, texts / ARTICLE, redirection.replace("err.log", str(home / "e")))
    tmux.wait_for_reader()
    tmux.keys("j")
    tmux.wait_for_text("¶ 2/")
    tmux.keys("q")
    assert tmux.wait_exit() == 0
    assert "Traceback" not in "\n".join(tmux.screen())


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_the_app_with_a_failing_stderr_ends_on_a_signal(
    tmux: Tmux, texts: Path, home: Path, signum: int
) -> None:
    """`reader FILE 2>/dev/full`, then SIGTERM or SIGHUP: it exits with 128 + n."""
    start_in_shell(tmux, home, texts / ARTICLE, "2>/dev/full")
    tmux.wait_for_reader()
    shell = int(tmux.pane("pane_pid"))
    (reader,) = [child for child in children_of(shell) if "reader" in child.command]
    os.kill(reader.pid, signum)
    assert tmux.wait_exit() == 128 + signum
