"""Small helpers shared by the reliability tests: starting the reader on a pty and waiting for
its first full screen, checking the terminal was restored, running the CLI with any streams."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from terminals import PtyRun, reader_command, reader_environment

TURNED_ON_THEN_OFF = (
    (b"\x1b[?1049h", b"\x1b[?1049l"),  # alternate screen
    (b"\x1b[?25l", b"\x1b[?25h"),  # cursor hidden, shown
    (b"\x1b[?1000h", b"\x1b[?1000l"),  # mouse button reporting
    (b"\x1b[?1006h", b"\x1b[?1006l"),  # SGR mouse coordinates
    (b"\x1b[?2004h", b"\x1b[?2004l"),  # bracketed paste
    (b"\x1b[8l", b"\x1b[8h"),  # bidi: explicit while reading, implicit again after
)
"""Each mode the reader turns on while it runs, and the sequence that turns it off."""


def started(run: PtyRun, timeout: float = 30.0) -> int:
    """Wait for the reader's first full screen (its key bar); returns the output offset then."""
    run.wait_for(b"\x1b[?1049h", timeout)
    run.wait_for(b"quit", timeout)
    run.pump(0.3)
    return len(run.output)


INTERPRETER_START = b"init_import_site"
"""What Python writes when ctrl+c lands while the interpreter itself starts (importing `site`
and the `.pth` files of its environment), before any of the reader's code runs: outside the
reader's reach, and a limit stated in docs/SECURITY.md."""


def _handler_line() -> int:
    """The line of reader/start.py that sets the quiet ctrl+c handler: a ctrl+c landing on an
    earlier line of that module is still before any of the reader's handling exists."""
    start = Path(__file__).parents[2] / "src" / "reader" / "start.py"
    for number, line in enumerate(start.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("_signal.signal("):
            return number
    raise AssertionError("reader/start.py no longer sets its handler with _signal.signal")


def _before_the_handler(path: str, line: int) -> bool:
    """A frame of the launcher, of importlib, or of the reader's package before its handler."""
    if path.startswith("<frozen") or path.endswith("/bin/reader"):
        return True
    if path.endswith("/reader/__init__.py"):
        return True
    return path.endswith("/reader/start.py") and line <= _handler_line()


def assert_no_traceback(output: bytes, where: str = "") -> None:
    """No traceback in `output`, except one from before the reader's ctrl+c handler exists: the
    interpreter's own start (see `INTERPRETER_START`), or the `reader` launcher that pip writes
    still finding `reader.start`, up to the line of reader/start.py that sets the handler (its
    frames are the launcher's, importlib's and those first lines). docs/SECURITY.md states this
    limit."""
    if b"Traceback" not in output:
        return
    text = output[-3000:].decode("utf-8", "replace")
    frames = [(path, int(line)) for path, line in re.findall(r'File "([^"]*)", line (\d+)', text)]
    before_handler = bool(frames) and all(_before_the_handler(p, n) for p, n in frames)
    assert INTERPRETER_START in output or before_handler, f"{where}\n{text}"
    if INTERPRETER_START in output:
        assert not re.search(r'File "[^"]*/reader/[^"]*\.py"', text), f"{where}\n{text}"


def assert_restored(run: PtyRun, *, before_start: bool = False) -> None:
    """Every mode the reader turned on was turned off after its last turning on, the pty's line
    modes are back as they were, and no traceback was written (`before_start`: except by the
    interpreter's own start, for ctrl+c in the first milliseconds)."""
    output = bytes(run.output)
    for on, off in TURNED_ON_THEN_OFF:
        if on in output:
            assert output.rfind(off) > output.rfind(on), f"{on!r} not turned off ({off!r})"
    assert run.modes_now() == run.modes_before, "echo/canonical modes not restored"
    if before_start:
        assert_no_traceback(output)
    else:
        assert b"Traceback" not in output, output[-3000:].decode("utf-8", "replace")


def run_cli(
    arguments: Sequence[str],
    home: Path,
    *,
    timeout: float = 60.0,
    **streams: object,
) -> subprocess.CompletedProcess[bytes]:
    """Run `reader ARGUMENTS...` to completion with the given streams (stdin/stdout/stderr as
    for `subprocess.run`, default: captured, stdin empty)."""
    options: dict[str, object] = {"stdin": subprocess.DEVNULL, "capture_output": True}
    if "stdout" in streams or "stderr" in streams:
        options.pop("capture_output")
        options.setdefault("stdout", subprocess.PIPE)
        options.setdefault("stderr", subprocess.PIPE)
    options.update(streams)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*reader_command(), *arguments],
        env=reader_environment(home),
        timeout=timeout,
        **options,
    )
