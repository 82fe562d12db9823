"""What the layout engine hands out: visual lines that know which source characters each cell
shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["auto", "rtl", "ltr"]
"""A paragraph's base direction: `auto` takes the first strong character (UAX #9 P2/P3)."""


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One screen line of a paragraph, in visual (left-to-right) order, ready for a terminal.

    `text` holds shaped presentation forms, each combining mark right after its base, brackets
    mirrored, no control or zero-width format character. `cells` has one entry per terminal cell,
    left to right: the range `[start, end)` of paragraph offsets that cell shows (a lam-alef
    ligature shows two letters and any marks between them; a wide character fills two cells that
    share one range). Alignment is the caller's: pad on the left for an RTL paragraph.
    """

    text: str
    """The cells' characters, left to right."""
    cells: tuple[tuple[int, int], ...]
    """Per cell, left to right: the source range `[start, end)` it shows."""
    start: int
    """Offset of the first logical character this line holds."""
    end: int
    """Offset just past the last logical character this line holds."""
    rtl: bool
    """True when the paragraph is right-to-left (so the line is right-aligned)."""

    @property
    def width(self) -> int:
        """The line's width in terminal cells."""
        return len(self.cells)


@dataclass(frozen=True, slots=True)
class ParagraphLayout:
    """A paragraph laid out at one width: its visual lines, first line first."""

    lines: tuple[VisualLine, ...]
    rtl: bool
    """True when the paragraph's base direction is right-to-left."""
    removed: tuple[int, ...]
    """Offsets of characters not drawn at all: explicit bidi controls (which could make text lie
    about itself) and other invisible format characters that no cell shows."""
    bidi_controls: int
    """How many explicit bidi controls (U+202A..U+202E, U+2066..U+2069) were removed."""
