"""The source argument every command shares: a file, `-`, or a web address, and `--refresh`.

While a web address is fetched, a progress line is shown on stderr when stderr is a terminal
(the full-screen app has not started yet, so this is the indicator the user sees); it is erased
when the page has arrived, and never written into a pipe or a log.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from reader.text.document import Document

FILE_HELP = (
    "what to read: a text, HTML, Markdown or EPUB file, '-' for standard input, or an http(s)"
    " address (default: the bundled article)"
)


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare FILE and --refresh."""
    parser.add_argument("file", nargs="?", metavar="FILE", help=FILE_HELP)
    add_refresh_argument(parser)


def add_refresh_argument(parser: argparse.ArgumentParser) -> None:
    """Declare --refresh (for commands that declare their own FILE arguments)."""
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="fetch a web address again instead of reading the copy kept from last time",
    )


def load_source(args: argparse.Namespace, stream: TextIO | None = None) -> Document:
    """Load what `args.file` names, with a progress line while an address is fetched."""
    return load_path(args.file, getattr(args, "refresh", False), stream)


def load_path(file: str | None, refresh: bool = False, stream: TextIO | None = None) -> Document:
    """Load `file` (a path, `-`, an address, or None for the bundled article), with a progress
    line on `stream` (default stderr) while an address is fetched."""
    from reader.text.load import load_document
    from reader.text.sniff import is_address

    out = sys.stderr if stream is None else stream
    progress = None
    if file and is_address(file) and out.isatty():
        progress = _progress_line(file, out)
    try:
        return load_document(file, refresh=refresh, progress=progress)
    finally:
        if progress is not None:
            out.write("\r\x1b[K")
            out.flush()


def _progress_line(address: str, out: TextIO) -> Callable[[int, int | None], None]:
    """A progress callback drawing `reader: fetching ADDRESS … N KB [of M KB]` on one line."""
    from reader.text.load import display_name

    shown = display_name(address)
    if len(shown) > 60:
        shown = shown[:59] + "…"
    out.write(f"\rreader: fetching {shown} …")
    out.flush()

    def report(received: int, expected: int | None) -> None:
        size = f"{received // 1024} KB"
        if expected:
            size += f" of {expected // 1024} KB"
        out.write(f"\r\x1b[Kreader: fetching {shown} … {size}")
        out.flush()

    return report
