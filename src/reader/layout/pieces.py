"""Very long paragraphs laid out in bounded pieces, so memory follows the piece, not the
paragraph.

The cluster pipeline keeps a few hundred bytes per character while it works (a cluster object,
levels, classes, cell maps); a 5 MB line without a space would take gigabytes. A paragraph
longer than `LONG_PARAGRAPH` characters is therefore laid out `PIECE` characters at a time:

- with a width, each piece is wrapped and all its lines but the last are kept; the next piece
  starts where that last line started, so the greedy wrap goes on exactly as in one pass;
- without a width (one line per paragraph), pieces are cut before a run of spaces (or, in text
  without spaces, before a base character), and their visual texts joined, right to left for an
  RTL paragraph.

The paragraph's direction is decided once, by its first strong character. Lines keep no cell map:
it is computed from their piece when asked (a few pieces are cached). What can differ from one
pass, only at the seams between pieces (every ~16,000 characters): the joining form of a letter
at a forced break inside a word longer than the line, the class of a number whose strong context
is in the previous piece, and, without a width, the order of a run that crosses a seam.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache, partial
from typing import overload

from reader.layout.clusters import BIDI_CONTROLS
from reader.layout.lines import Direction, Order, ParagraphLayout, VisualLine
from reader.layout.uax9 import first_strong_level

LONG_PARAGRAPH = 32768
"""Paragraphs longer than this many characters are laid out in pieces (real articles' longest
paragraphs are a few thousand)."""
PIECE = 16384
"""Characters laid out at a time."""

_LAM_ALEF = re.compile("\u0644[\u0622\u0623\u0625\u0627]")
"""Lam then alef: one ligature, never cut between."""


def _continues(char: str) -> bool:
    """Whether `char` belongs to the cluster before it (a mark, a joiner, a selector)."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char in "\u200c\u200d"
        or ("\ufe00" <= char <= "\ufe0f")
    )


def _cut(text: str, start: int, limit: int, *, at_space: bool) -> int:
    """Where a piece from `start` ends, at most at `limit`: before a run of spaces if
    `at_space` and one is in the second half, else before a base character (not a mark, not
    the alef of a lam-alef)."""
    if limit >= len(text):
        return len(text)
    if at_space:
        space = text.rfind(" ", start + (limit - start) // 2, limit)
        if space > start:
            while space > start and text[space - 1] == " ":
                space -= 1
            if space > start:
                return space
    cut = limit
    while cut > start + 1 and (_continues(text[cut]) or _LAM_ALEF.match(text, cut - 1) is not None):
        cut -= 1
    return cut


def _direction(text: str) -> Direction:
    """The paragraph's direction by its first strong character, read a piece at a time."""
    for start in range(0, len(text), PIECE):
        level = first_strong_level(text[start : start + PIECE])
        if level is not None:
            return "rtl" if level else "ltr"
    return "ltr"


def _layout(piece: str, width: int | None, direction: Direction, order: Order) -> ParagraphLayout:
    """One piece through the engine, uncached (the engine caches whole paragraphs)."""
    from reader.layout.engine import layout_once

    return layout_once(piece, width, direction, order, cached=False)


@lru_cache(maxsize=4)
def _piece_cells(
    piece: str, width: int | None, direction: Direction, order: Order
) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Every line's cell map of one piece, through the cluster pipeline (whose lines are the
    fast lane's, cell for cell); the last few pieces asked for are kept."""
    from reader.layout.engine import layout_clusters_once

    return tuple(line.cells for line in layout_clusters_once(piece, width, direction, order).lines)


def _shifted_cells(
    text: str,
    start: int,
    end: int,
    width: int | None,
    direction: Direction,
    order: Order,
    index: int,
) -> tuple[tuple[int, int], ...]:
    """The cell map of line `index` of the piece `text[start:end]`, in paragraph offsets."""
    cells = _piece_cells(text[start:end], width, direction, order)[index]
    return tuple((a + start, b + start) for a, b in cells)


PIECES_KEPT = 4
"""How many pieces' lines a `WrappedLines` keeps made (a screen spans one or two)."""

_Piece = tuple[str, int, int, int | None, Direction, Order]
"""A piece of a paragraph as `_shifted_cells` takes it: text, start, end, width, direction,
order."""


class _LineCells:
    """The cell map of line `index` of a piece, computed when asked: what each wrapped line of a
    long paragraph keeps as its `VisualLine` cells source. A `functools.partial` of the seven
    arguments took about 310 bytes a line (with its tuple and keyword dictionary), more than the
    line's text; this object takes 56, the piece's arguments shared by all its lines."""

    __slots__ = ("index", "piece")

    def __init__(self, piece: _Piece, index: int) -> None:
        """Line `index` of `piece`, given as `_shifted_cells`'s first six arguments."""
        self.piece = piece
        self.index = index

    def __call__(self) -> tuple[tuple[int, int], ...]:
        """The line's cell map, in paragraph offsets."""
        return _shifted_cells(*self.piece, self.index)


def _joined_cells(
    text: str, spans: tuple[tuple[int, int], ...], direction: Direction, order: Order
) -> tuple[tuple[int, int], ...]:
    """The cell map of an unwrapped long paragraph: its pieces' maps, in drawing order."""
    return tuple(
        cell
        for start, end in spans
        for cell in _shifted_cells(text, start, end, None, direction, order, 0)
    )


def _bidi_controls(text: str, start: int, end: int) -> int:
    """How many explicit bidi controls are in `text[start:end]`."""
    return sum(text.count(control, start, end) for control in BIDI_CONTROLS)


def _wrapped_pieces(
    text: str, width: int, direction: Direction, order: Order
) -> Iterator[tuple[int, int, tuple[VisualLine, ...], list[int]]]:
    """``(start, end, lines, removed)`` of each piece of a long paragraph at `width`: the
    piece's span, the lines of `_layout(text[start:end], ...)` that are kept (in piece
    offsets), and the paragraph offsets they leave undrawn."""
    start = 0
    while start < len(text):
        end = _cut(text, start, start + PIECE, at_space=False)
        laid = _layout(text[start:end], width, direction, order)
        if end == len(text) or len(laid.lines) < 2:
            lines, following = laid.lines, end
        else:
            # Go on from the last line that starts after a space (no letter joins across the
            # seam), else from the last line.
            seam = next(
                (
                    i
                    for i in range(len(laid.lines) - 1, 0, -1)
                    if text[start + laid.lines[i].start - 1] == " "
                ),
                len(laid.lines) - 1,
            )
            lines, following = laid.lines[:seam], start + laid.lines[seam].start
        removed = [start + r for r in laid.removed if start + r < following]
        yield start, end, tuple(lines), removed
        start = following


def _shifted(line: VisualLine, piece: _Piece, index: int) -> VisualLine:
    """Line `index` of `piece` (`line`, in piece offsets) in paragraph offsets."""
    start = piece[1]
    return VisualLine(
        line.text,
        None,
        line.start + start,
        line.end + start,
        line.rtl,
        width=line.width,
        cells_source=_LineCells(piece, index),
    )


def wrapped_lines(
    text: str, width: int, direction: Direction, order: Order
) -> Iterator[tuple[VisualLine, list[int]]]:
    """The lines of a long paragraph at `width` (`direction` rtl or ltr), each with the offsets
    it leaves undrawn: a stream, so `reader render` holds one piece at a time."""
    for start, end, lines, removed in _wrapped_pieces(text, width, direction, order):
        piece = (text, start, end, width, direction, order)
        for index, line in enumerate(lines):
            yield _shifted(line, piece, index), removed if index == 0 else []


class WrappedLines(Sequence[VisualLine]):
    """The wrapped lines of a long paragraph, kept as numbers: each line is made again from its
    piece when asked for (the last `PIECES_KEPT` pieces' lines are kept), the same line as
    `wrapped_lines` gives. The app holds every line of a paragraph on screen: as objects
    (text, offsets, cells source) they took about 475 bytes a line, 12 MB for 4 MB of Arabic as
    one line; as numbers, 16 bytes. Compared and hashed by identity."""

    __slots__ = ("_direction", "_firsts", "_kept", "_order", "_pieces", "_text", "_width", "starts")

    def __init__(self, text: str, width: int, direction: Direction, order: Order) -> None:
        """No line yet: `add` each piece's, in order."""
        self._text = text
        self._width = width
        self._direction: Direction = direction
        self._order: Order = order
        self._pieces = array("q")
        """Each piece's start and end, one after the other."""
        self._firsts = array("q")
        """The index of each piece's first line."""
        self.starts = array("q")
        """Each line's first logical offset (`start`), for finding a line without making it."""
        self._kept: dict[int, tuple[VisualLine, ...]] = {}

    def add(self, start: int, end: int, lines: Sequence[VisualLine]) -> None:
        """Take the lines (in piece offsets) kept from the piece `text[start:end]`."""
        self._firsts.append(len(self.starts))
        self._pieces.extend((start, end))
        self.starts.extend(line.start + start for line in lines)

    def __len__(self) -> int:
        """How many lines."""
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> VisualLine: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[VisualLine, ...]: ...

    def __getitem__(self, index: int | slice) -> VisualLine | tuple[VisualLine, ...]:
        """Line `index` (negative counts from the end), or a slice's lines as a tuple."""
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        number = bisect_right(self._firsts, index) - 1
        start, end = self._pieces[2 * number], self._pieces[2 * number + 1]
        kept = self._kept.get(number)
        if kept is None:
            laid = _layout(self._text[start:end], self._width, self._direction, self._order)
            kept = tuple(laid.lines)  # a piece is short: its lines are a tuple already
            if len(self._kept) >= PIECES_KEPT:
                del self._kept[next(iter(self._kept))]
            self._kept[number] = kept
        lines = kept
        piece = (self._text, start, end, self._width, self._direction, self._order)
        within = index - self._firsts[number]
        return _shifted(lines[within], piece, within)

    def __eq__(self, other: object) -> bool:
        """The same lines object (identity): never compared line by line."""
        return self is other

    def __hash__(self) -> int:
        """By identity, as `__eq__`."""
        return id(self)


def long_direction(text: str, direction: Direction) -> Direction:
    """`direction`, or for `auto` the paragraph's, by its first strong character."""
    return _direction(text) if direction == "auto" else direction


def layout_long(
    text: str, width: int | None, direction: Direction, order: Order
) -> ParagraphLayout:
    """Lay out a paragraph longer than `LONG_PARAGRAPH` in pieces (see the module)."""
    direction = long_direction(text, direction)
    rtl = direction == "rtl"
    controls = _bidi_controls(text, 0, len(text))
    if width is not None:
        lines = WrappedLines(text, width, direction, order)
        removed: list[int] = []
        for start, end, kept, undrawn in _wrapped_pieces(text, width, direction, order):
            lines.add(start, end, kept)
            removed.extend(undrawn)
        return ParagraphLayout(lines, rtl, tuple(sorted(removed)), controls)
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    removed = []
    cells = 0
    start = 0
    while start < len(text):
        end = _cut(text, start, start + PIECE, at_space=True)
        laid = _layout(text[start:end], None, direction, order)
        texts.append(laid.lines[0].text)
        cells += laid.lines[0].width
        spans.append((start, end))
        removed.extend(start + r for r in laid.removed)
        start = end
    if rtl and order == "visual":
        texts.reverse()
        spans.reverse()
    line = VisualLine(
        "".join(texts),
        None,
        0,
        len(text),
        rtl,
        width=cells,
        cells_source=partial(_joined_cells, text, tuple(spans), direction, order),
    )
    return ParagraphLayout((line,), rtl, tuple(sorted(removed)), controls)
