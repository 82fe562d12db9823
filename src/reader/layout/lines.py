"""What the layout engine hands out: visual lines that know which source characters each cell
shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

Direction = Literal["auto", "rtl", "ltr"]
"""A paragraph's base direction: `auto` takes the first strong character (UAX #9 P2/P3)."""
Order = Literal["visual", "logical"]
"""`visual` for terminals that do no bidi (almost all); `logical` for those that insist on doing
it themselves (Konsole, mlterm): wrapped and shaped, but not reordered."""


class VisualLine:
    """One screen line of a paragraph, in visual (left-to-right) order, ready for a terminal.

    `text` holds shaped presentation forms, each combining mark right after its base, brackets
    mirrored, no control or zero-width format character. `cells` has one entry per terminal cell,
    left to right: the range `[start, end)` of paragraph offsets that cell shows (a lam-alef
    ligature shows two letters and any marks between them; a wide character fills two cells that
    share one range). Alignment is the caller's: pad on the left for an RTL paragraph.

    The fast lane makes lines without their cell map; it is computed on first use.
    """

    __slots__ = ("_cells", "_cells_source", "end", "rtl", "start", "text", "width")

    text: str
    """The cells' characters, left to right."""
    start: int
    """Offset of the first logical character this line holds."""
    end: int
    """Offset just past the last logical character this line holds."""
    rtl: bool
    """True when the paragraph is right-to-left (so the line is right-aligned)."""
    width: int
    """The line's width in terminal cells."""

    def __init__(
        self,
        text: str,
        cells: tuple[tuple[int, int], ...] | None,
        start: int,
        end: int,
        rtl: bool,
        *,
        width: int | None = None,
        cells_source: Callable[[], tuple[tuple[int, int], ...]] | None = None,
    ) -> None:
        if cells is None and (width is None or cells_source is None):
            raise ValueError("a VisualLine needs its cells, or its width and a source of cells")
        self.text = text
        self._cells = cells
        self._cells_source = cells_source
        self.start = start
        self.end = end
        self.rtl = rtl
        self.width = len(cells) if cells is not None else int(width or 0)

    @property
    def cells(self) -> tuple[tuple[int, int], ...]:
        """Per cell, left to right: the source range `[start, end)` it shows."""
        if self._cells is None:
            assert self._cells_source is not None
            self._cells = self._cells_source()
        return self._cells

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VisualLine):
            return NotImplemented
        return (self.text, self.start, self.end, self.rtl, self.width) == (
            other.text,
            other.start,
            other.end,
            other.rtl,
            other.width,
        ) and self.cells == other.cells

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.rtl, self.width))

    def __repr__(self) -> str:
        return f"VisualLine({self.text!r}, start={self.start}, end={self.end}, rtl={self.rtl})"


@dataclass(frozen=True, slots=True)
class ParagraphLayout:
    """A paragraph laid out at one width: its visual lines, first line first (a tuple, or for
    a very long paragraph `reader.layout.pieces.WrappedLines`, which makes each when asked)."""

    lines: Sequence[VisualLine]
    rtl: bool
    """True when the paragraph's base direction is right-to-left."""
    removed: tuple[int, ...]
    """Offsets of characters not drawn at all: explicit bidi controls (which could make text lie
    about itself) and other invisible format characters that no cell shows."""
    bidi_controls: int
    """How many explicit bidi controls (U+202A..U+202E, U+2066..U+2069) were removed."""
