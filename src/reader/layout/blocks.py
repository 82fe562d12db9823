"""How each kind of block is set: indent, marker, emphasis and spacing, for the view and for
`reader render` alike.

A block's text is laid out by `layout_paragraph` like any paragraph, at the width left once its
indent is taken; the marker (a list item's bullet, a quote's bar) is drawn in the indent on the
reading-start side: on the right of a right-to-left block, on the left of a left-to-right one.
So an Arabic list has its bullets on the right and an English one on the left, and the text's
cells (and what they map back to) are untouched by the decoration.

Preformatted lines are never wrapped: a code line or a verse laid out by hand keeps its shape,
and what does not fit is cut at the edge by whoever draws it, not folded into nonsense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.layout.engine import layout_paragraph
from reader.layout.lines import Direction, ParagraphLayout

QUOTE_BAR = "┃"
"""The mark beside every line of a quote."""

BULLETS = ("•", "◦", "▪")
"""List bullets by nesting depth (the last repeats for deeper lists)."""

ITEM_INDENT = 2
"""Cells each list level takes: the bullet and a space."""

QUOTE_INDENT = 3
"""Cells a quote takes: a space, the bar, a space (the space before the bar sets it apart from
the text around it)."""


@dataclass(frozen=True, slots=True)
class BlockStyle:
    """How a block is set."""

    indent: int = 0
    """Cells on the reading-start side before the text, on every line."""
    first_marker: str = ""
    """What the indent shows on the block's first line (a bullet), placed next to the text."""
    marker: str = ""
    """What the indent shows on the other lines (a quote's bar), placed next to the text."""
    bold: bool = False
    """Whether the text is drawn bold (titles and headings)."""
    dim: bool = False
    """Whether the text is drawn faint (the byline)."""
    space_before: int = 0
    """Blank rows before the block beyond the one between any two paragraphs."""
    wrap: bool = True
    """False for preformatted lines: laid out unwrapped."""


PLAIN = BlockStyle()
"""A paragraph's style: nothing added."""

_NUMBERED = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]{1,9}[.)] ")
"""An ordered list item's own number at the start of its text."""


def block_style(kind: str, level: int = 0, text: str = "") -> BlockStyle:
    """The style of a block of `kind` (see `reader.text.document.BlockKind`) at `level`; an
    item whose `text` begins with its number (`1. `, from an ordered list) gets no bullet."""
    if kind == "title":
        return BlockStyle(bold=True)
    if kind == "byline":
        return BlockStyle(dim=True)
    if kind == "heading":
        return BlockStyle(bold=True, space_before=1 if level <= 2 else 0)
    if kind == "quote":
        return BlockStyle(indent=QUOTE_INDENT, first_marker=QUOTE_BAR, marker=QUOTE_BAR)
    if kind == "item":
        depth = max(1, level)
        if _NUMBERED.match(text):
            return BlockStyle(indent=ITEM_INDENT * depth)
        bullet = BULLETS[min(depth, len(BULLETS)) - 1]
        return BlockStyle(indent=ITEM_INDENT * depth, first_marker=bullet)
    if kind == "preformatted":
        return BlockStyle(wrap=False)
    return PLAIN


def layout_block(
    text: str, kind: str, level: int, width: int | None, direction: Direction = "auto"
) -> tuple[BlockStyle, ParagraphLayout]:
    """The block's style and its text laid out at the width its indent leaves (unwrapped for
    preformatted text or `width` None)."""
    style = block_style(kind, level, text)
    wrap_at = None if width is None or not style.wrap else max(1, width - style.indent)
    return style, layout_paragraph(text, wrap_at, direction)


def indent_cells(style: BlockStyle, first: bool, rtl: bool) -> str:
    """The indent's cells for one line, in visual order: the marker next to the text, blanks
    towards the edge (so `"  •"`… for an RTL item reads edge-blank-bullet from the right)."""
    if not style.indent:
        return ""
    marker = style.first_marker if first else style.marker
    if not marker:
        return " " * style.indent
    if rtl:  # the indent is right of the text: text, space, marker, then blanks to the edge
        return (" " + marker).ljust(style.indent)
    return marker.rjust(style.indent - 1) + " "


def block_lines(
    text: str, kind: str, level: int, width: int | None, direction: Direction = "auto"
) -> list[str]:
    """The block's screen lines as plain strings (for `reader render`): decorated, RTL lines
    right-aligned to `width`, no trailing spaces."""
    style, layout = layout_block(text, kind, level, width, direction)
    lines: list[str] = []
    for number, line in enumerate(layout.lines):
        indent = indent_cells(style, number == 0, layout.rtl)
        if layout.rtl:
            body = line.text + indent
            used = line.width + style.indent
            pad = width - used if width is not None and used < width else 0
            lines.append((" " * pad + body).rstrip(" "))
        else:
            lines.append((indent + line.text).rstrip(" "))
    return lines
