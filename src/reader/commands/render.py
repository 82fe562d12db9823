"""`reader render [FILE|-] [--width N] [--direction auto|rtl|ltr]`: the document's visual lines.

For pipes and `less -R`, and the layout engine's testable face: nothing but shaped text, spaces
and the text's own marks is written (no escape sequences). Preformatted lines (code from HTML,
Markdown or EPUB) are shown as written: never wrapped, kept together.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterator

from reader.commands.source import add_source_arguments, load_source
from reader.errors import UserError
from reader.layout.blocks import block_lines, block_style
from reader.layout.lines import Direction
from reader.layout.render import render_lines
from reader.streams import write_failed
from reader.text.document import Document

DEFAULT_WIDTH = 80
"""The width when stdout is not a terminal."""
MAX_WIDTH = 4096
"""The widest wrapping width accepted (`--width`, or a terminal's `COLUMNS`): far beyond any
screen, and it bounds the padding of every right-aligned line (memory is width × lines)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    add_source_arguments(parser)
    parser.add_argument(
        "--width",
        type=int,
        help="wrap at this many cells (default: the terminal's width, or 80); 0 does not wrap",
    )
    parser.add_argument(
        "--direction",
        choices=["auto", "rtl", "ltr"],
        default="auto",
        help="paragraph direction (default: auto, from the first strong letter)",
    )


def _width(requested: int | None) -> int | None:
    """The wrapping width: `--width`, else the terminal's (clamped to `MAX_WIDTH`), else 80."""
    if requested is None:
        if sys.stdout.isatty():
            return min(MAX_WIDTH, max(1, shutil.get_terminal_size().columns))
        return DEFAULT_WIDTH
    if not 0 <= requested <= MAX_WIDTH:
        raise UserError(
            f"--width must be 0 (no wrapping) or a number of cells up to {MAX_WIDTH},"
            f" not {requested if len(str(requested)) <= 20 else str(requested)[:20] + '…'}"
        )
    return requested or None


def document_lines(document: Document, width: int | None, direction: Direction) -> Iterator[str]:
    """The document's screen lines. Plain text: paragraphs wrapped and aligned, a blank line
    between them. Structured documents: each block set by its kind (`reader.layout.blocks`:
    bullets and quote bars on the reading-start side, more room before a heading), and a run of
    preformatted lines kept together, each as written, unwrapped."""
    if document.source_format == "text":
        yield from render_lines((p.text for p in document.paragraphs), width, direction)
        return
    previous = None
    for paragraph in document.paragraphs:
        together = paragraph.kind == previous == "preformatted"
        if previous is not None and not together:
            yield ""
            yield from [""] * block_style(paragraph.kind, paragraph.level).space_before
        previous = paragraph.kind
        yield from block_lines(paragraph.text, paragraph.kind, paragraph.level, width, direction)


def run(args: argparse.Namespace) -> int:
    """Print the document's visual lines."""
    width = _width(args.width)
    document = load_source(args)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    try:
        _write_lines(document, width, args.direction)
    except BrokenPipeError:
        raise
    except OSError as error:
        raise write_failed(error) from None
    return 0


def _write_lines(document: Document, width: int | None, direction: Direction) -> None:
    """Write the visual lines to stdout in chunks (a failing stdout raises OSError)."""
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", errors="replace")
    chunk: list[str] = []
    for line in document_lines(document, width, direction):
        chunk.append(line)
        if len(chunk) >= 512:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")
    out.flush()
