"""The `--format table` listings of `reader entities` and `reader topics`, in two forms.

A listing is blocks of rows: each block has a heading ("PERSON (2)") and rows of cells (a name,
a count, the paragraphs). Piped, it is written as logical text, cells joined by two spaces, for
`grep` and editors. On a terminal it goes through the layout engine like everything else reader
draws: each cell shaped and reordered on its own (a name reads right to left, "¶1, ¶6" left to
right), columns measured in terminal cells and aligned, and an Arabic table laid out right to
left (names in the right-hand column, the whole table against the right edge, as `reader render`
aligns RTL lines). With `--bidi terminal` (Konsole, mlterm) the cells are shaped but left in
logical order, for the terminal to reorder. Rows wider than the terminal lose the end of their
last column (then of their first), cut in logical order with an ellipsis, never wrapped.

The layout engine is imported only to lay a listing out for a terminal: JSON, TSV and a piped
table never load it (`reader entities` starts that much sooner).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast
from unicodedata import bidirectional

from reader.text.clipboard import listing_text

if TYPE_CHECKING:
    from reader.layout.lines import VisualLine

GAP = 2
"""Cells between two columns, and before the first column of a row."""

UNCUT = 1 << 16
"""A width no cell reaches: lays a cell out whole, to measure it."""

MIN_CUT_COLUMN = 8
"""A column cut to fit the terminal keeps at least this many cells."""


@dataclass(frozen=True, slots=True)
class Block:
    """A heading and its rows (each a tuple of cells, logical text)."""

    heading: str
    rows: tuple[tuple[str, ...], ...]


def as_text(blocks: Sequence[Block]) -> str:
    """The listing as logical text: each heading, its rows indented by two spaces with cells
    joined by two spaces, a blank line between blocks."""
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.append(block.heading)
        lines += [" " * GAP + (" " * GAP).join(row) for row in block.rows]
    return "\n".join(lines)


def _logical(text: str, width: int) -> VisualLine:
    """`text` as one line of at most `width` cells, shaped but in logical order (for terminals
    that reorder), cut where `fit_label` would cut it."""
    from reader.layout import fit_label, layout_paragraph

    text = " ".join(text.split())
    visual = fit_label(text, width)
    if visual.end < len(text):  # cut: the label shows text[:end - 1] and an ellipsis
        text = text[: visual.end - 1] + "…"
    lines = layout_paragraph(text, None, "auto", order="logical").lines
    return lines[0] if lines else visual


def _mostly_rtl(texts: Iterable[str]) -> bool:
    """Whether more of `texts` start (by their first strong letter) right to left than left to
    right: cells without a strong letter (numbers, "¶4") do not vote."""
    votes = 0
    for text in texts:
        strong = next((c for c in map(bidirectional, text) if c in ("L", "R", "AL")), None)
        votes += 0 if strong is None else (-1 if strong == "L" else 1)
    return votes > 0


def _cell(text: str, width: int, logical: bool) -> VisualLine:
    """One cell laid out in at most `width` cells."""
    from reader.layout import fit_label

    return _logical(text, width) if logical else fit_label(text, width)


def _fit_widths(natural: list[int], width: int) -> list[int]:
    """Column widths that fit a row (indent, gaps and cells) into `width` terminal cells: the
    last column gives up cells first, then the first, each keeping `MIN_CUT_COLUMN`."""
    widths = list(natural)
    over = GAP * len(widths) + sum(widths) - width
    for column in (len(widths) - 1, 0):
        if over <= 0:
            break
        give = min(over, max(0, widths[column] - MIN_CUT_COLUMN))
        widths[column] -= give
        over -= give
    return widths


def as_screen(blocks: Sequence[Block], width: int, *, logical: bool = False) -> str:
    """The listing for a terminal `width` cells wide: every cell through the layout engine,
    columns aligned by cells. The table is right to left when most of its cells are;
    `logical` keeps each line in logical order for a terminal that reorders (`--bidi terminal`).
    """
    rows = [row for block in blocks for row in block.rows]
    rtl = _mostly_rtl(text for row in rows for text in row)
    naturals: dict[int, list[int]] = {}  # rows of each length share their columns' widths
    for row in rows:
        natural = naturals.setdefault(len(row), [0] * len(row))
        for index, text in enumerate(row):
            natural[index] = max(natural[index], _cell(text, UNCUT, logical).width)
    widths = {length: _fit_widths(natural, width) for length, natural in naturals.items()}
    visual_rtl = rtl and not logical
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        heading = _cell(block.heading, width, logical)
        lines.append(
            " " * max(0, width - heading.width) + heading.text if visual_rtl else heading.text
        )
        for row in block.rows:
            columns = widths[len(row)]
            cells = [_cell(text, columns[i], logical) for i, text in enumerate(row)]
            lines.append(_row(cells, columns, width, visual_rtl))
    return "\n".join(lines)


def _row(cells: list[VisualLine], widths: list[int], width: int, visual_rtl: bool) -> str:
    """One row, each cell padded to its column. In visual order an RTL table's columns run right
    to left, each cell against its column's right side, and the row ends `GAP` cells before the
    terminal's right edge; otherwise (LTR, or logical order that the terminal reorders: padding
    after a cell lands on its far side) the row starts `GAP` cells in, padding after each cell."""
    padded = []
    for cell, column in zip(cells, widths, strict=True):
        room = " " * max(0, column - cell.width)
        padded.append(room + cell.text if visual_rtl else cell.text + room)
    gap = " " * GAP
    if visual_rtl:
        used = sum(widths) + GAP * len(cells)
        return " " * max(0, width - used) + gap.join(reversed(padded))
    return (gap + gap.join(padded)).rstrip(" ")


def add_bidi_argument(parser: argparse.ArgumentParser) -> None:
    """`--bidi`, as the app takes it: who reorders the table on a terminal."""
    parser.add_argument(
        "--bidi",
        choices=("app", "terminal"),
        default=None,
        help="for a table on a terminal: who reorders right-to-left text, reader (app, the"
        " default) or a terminal that insists on doing it itself (Konsole, mlterm)",
    )


def listing(blocks: Sequence[Block], bidi: str | None, empty: str) -> str:
    """What `--format table` writes: `as_screen` when standard output is a terminal (at its
    width, `bidi` or the settings' bidi mode), else `as_text` made inert; `empty` when there are
    no blocks."""
    if not sys.stdout.isatty():
        return listing_text(as_text(blocks)) if blocks else empty
    from reader.layout import fit_label  # only a terminal's listing is laid out

    if not blocks:
        return fit_label(empty, UNCUT).text
    if bidi is None or bidi == "auto":
        import os

        from reader.config import load_settings
        from reader.terminals.detect import Requested, decide

        # As the app decides, from the environment (a listing does not query the terminal).
        asked = cast("Requested", bidi or load_settings().bidi_request)
        bidi = decide(asked, os.environ).mode
    width = max(1, shutil.get_terminal_size().columns)
    return as_screen(blocks, width, logical=bidi == "terminal")
