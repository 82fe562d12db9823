"""The standard streams, made safe before anything else runs.

A command line can hand the reader closed streams (`reader render FILE >&-`, `<&-`, `2>&-`),
streams that fail on every write (`2>/dev/full`, `>/dev/full`), or a keyboard that is not a
terminal (`reader FILE < /dev/null`). Here:

- `guard()` puts `/dev/null` on any closed descriptor 0–2 (so no file the reader opens later
  takes its number, and Python's `sys.std*` are never None) and remembers which were closed;
  error lines are written by `say`, which never raises, so a failing stderr cannot turn a
  one-line message into a traceback, and a closed stderr never sends it to stdout;
- `OutputError` is raised by the subcommands when stdout fails, and `silence_stdout` points
  descriptor 1 at `/dev/null` afterwards so the interpreter's last flush cannot fail again;
- `terminal_for_app()` gives the full-screen app a terminal on descriptors 0 (keys) and 2
  (Textual draws on stderr) for the time it runs, from whichever standard stream is one, or
  `/dev/tty`; without any, the app refuses in one line instead of drawing nowhere.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from collections.abc import Iterator

from reader.errors import UserError

CLOSED: set[int] = set()
"""The standard descriptors (0, 1, 2) that were closed when the reader started."""


class OutputError(UserError):
    """Standard output cannot be written (closed, a full disk, an I/O error)."""


class _QuietStream(io.TextIOWrapper):
    """stderr that drops what it cannot write (a full disk, a closed pipe) instead of raising:
    a warning must never become a traceback."""

    def write(self, text: str) -> int:
        """Write `text`, or drop it if the stream fails."""
        try:
            return super().write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        """Flush, or drop what cannot be written."""
        with contextlib.suppress(OSError, ValueError):
            super().flush()


def _text_stream(fd: int, mode: str) -> io.TextIOWrapper:
    """A UTF-8 text stream on the standard descriptor `fd` (which stays open)."""
    raw = io.FileIO(fd, mode, closefd=False)
    buffer = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffer, encoding="utf-8", line_buffering=mode == "w")


def guard() -> None:
    """Open `/dev/null` on each closed standard descriptor, in order (each `open` takes the
    lowest free number), and give Python stream objects for those it set to None."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            CLOSED.add(fd)
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:  # cannot happen when the lower ones are open; be sure anyway
                os.dup2(opened, fd)
                os.close(opened)
    if sys.stdin is None or 0 in CLOSED:
        sys.stdin = sys.__stdin__ = _text_stream(0, "r")  # type: ignore[misc]
    if sys.stdout is None or 1 in CLOSED:
        sys.stdout = sys.__stdout__ = _text_stream(1, "w")  # type: ignore[misc]
    if sys.__stderr__ is None or 2 in CLOSED:
        sys.__stderr__ = _text_stream(2, "w")  # type: ignore[misc]
    raw = io.FileIO(2, "w", closefd=False)
    sys.stderr = _QuietStream(raw, encoding="utf-8", errors="backslashreplace", line_buffering=True)


def say(message: str) -> None:
    """Write `reader: message` as one line on stderr; a closed or failing stderr is ignored
    (there is nowhere else to say it: stdout is the output, not the place for errors)."""
    with contextlib.suppress(OSError, ValueError):
        os.write(2, f"reader: {message}\n".encode("utf-8", "replace"))


def require_stdout() -> None:
    """Refuse to run a subcommand whose output has nowhere to go (stdout was closed)."""
    if 1 in CLOSED:
        raise OutputError("standard output is closed; nothing to write the result to")


def require_stdin(path: str | None) -> None:
    """Refuse to read the document from standard input (`-`) when it was closed."""
    if path == "-" and 0 in CLOSED:
        raise UserError("standard input is closed; give a file, or pipe the text in")


def write_failed(error: OSError) -> OutputError:
    """The one-line error for a failed write to stdout."""
    return OutputError(f"cannot write the output: {error.strerror or error}")


def silence_stdout() -> None:
    """Point descriptor 1 at /dev/null, so the interpreter's final flush of what stdout still
    buffers cannot fail (and print a traceback) after the error was reported."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)


def announce_waiting(path: str | None) -> None:
    """Say so before opening something that waits for a writer: a FIFO (a named pipe with no
    writer blocks until one comes) or the keyboard as standard input. ctrl+c ends the wait."""
    if path is None:
        return
    if path == "-":
        if 0 not in CLOSED and os.isatty(0):
            say("reading the text from the keyboard; end it with ctrl+d (ctrl+c gives up)")
        return
    with contextlib.suppress(OSError, ValueError):
        if stat.S_ISFIFO(os.stat(path).st_mode):
            say(
                f"{_shown(path)} is a named pipe: waiting for a program to write to it"
                " (ctrl+c gives up)"
            )


def _shown(path: str) -> str:
    """A path fit for a one-line message."""
    name = os.fsencode(path).decode("utf-8", "replace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _terminal_fd() -> int | None:
    """A descriptor on the controlling terminal: `/dev/tty`, else a standard stream that is
    one. The caller closes it."""
    with contextlib.suppress(OSError):
        return os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    for fd in (0, 1, 2):
        if fd not in CLOSED and os.isatty(fd):
            return os.dup(fd)
    return None


@contextlib.contextmanager
def terminal_for_app() -> Iterator[None]:
    """While the block runs, descriptors 0 and 2 are the terminal (each one that was not
    already); afterwards stderr is what it was, so later messages go where the user sent them.

    Raises `UserError` when there is no terminal at all.
    """
    need = [fd for fd in (0, 2) if fd in CLOSED or not os.isatty(fd)]
    if not need:
        yield
        return
    tty = _terminal_fd()
    if tty is None:
        raise UserError("no terminal to show the reader on (try: reader render FILE)")
    saved_stderr = os.dup(2) if 2 in need else None
    try:
        for fd in need:
            os.dup2(tty, fd)
    finally:
        os.close(tty)
    try:
        yield
    finally:
        if saved_stderr is not None:
            with contextlib.suppress(OSError):
                sys.stderr.flush()
            os.dup2(saved_stderr, 2)
            os.close(saved_stderr)
