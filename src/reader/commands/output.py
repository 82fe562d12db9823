"""Writing a subcommand's result to stdout: UTF-8 whatever the locale, one final newline."""

from __future__ import annotations

from typing import TextIO

from reader.streams import write_failed


def write_text(out: TextIO, text: str) -> None:
    """Write `text` and a final newline as UTF-8 (a C or POSIX locale must not turn Arabic into
    an encoding error), unencodable characters replaced."""
    try:
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", errors="replace")
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise write_failed(error) from None
