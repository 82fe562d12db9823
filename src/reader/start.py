"""The `reader` command's entry point: ctrl+c at any moment of start-up ends it quietly.

Python turns SIGINT into `KeyboardInterrupt`, which prints a traceback wherever it lands; while
the reader's modules are still being imported (before `reader.cli.main` can catch anything),
that is tens of milliseconds after the command is typed. Importing this module first sets a
handler that simply ends the process with 130 (nothing has touched the terminal yet), and
`main` puts Python's own handler back once `reader.cli` is loaded, where `KeyboardInterrupt` is
caught and the app's terminal handling takes over. What remains is the interpreter's own start
and the launcher finding this module, up to the line that sets the handler (a few milliseconds);
the handler is set through the built-in `_signal`, because importing `signal` itself builds enums
for milliseconds, long enough for a ctrl+c typed with the command to land inside it.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # built in; `signal` builds enums for ms
import os

EXIT_INTERRUPTED = 130
"""128 + SIGINT, as shells report a program ended by ctrl+c."""


def _end_quietly(signum: int, frame: object) -> None:
    """ctrl+c during start-up: nothing to restore yet, so leave at once."""
    os._exit(EXIT_INTERRUPTED)


_signal.signal(_signal.SIGINT, _end_quietly)


def main() -> int:
    """Load the command line and run it; ctrl+c from here on is Python's `KeyboardInterrupt`."""
    import signal

    from reader import cli

    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return cli.main()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
