"""The wrapped lines of a very long paragraph (`reader.layout.pieces`): what they keep, and
that each line, made again from its piece when asked, is the line of one pass.

The app holds every line of a paragraph it shows, so a one-line document of a few MB is tens
of thousands of lines. Each was a `VisualLine` with its visual text, offsets and a
`functools.partial` of seven arguments as its cells source (about 665 bytes a line); the
partial became a small object (475), and the lines are now kept as numbers
(`WrappedLines`), each made from its piece's layout when asked.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from reader.layout.pieces import LONG_PARAGRAPH, WrappedLines, layout_long, wrapped_lines

WIDTH = 76


def _one_line(texts: Path, characters: int) -> str:
    """The words of large-01's first `characters` characters as one paragraph."""
    prose = (texts / "large-01.ar.txt").read_text("utf-8")[:characters]
    return " ".join(prose.split())


def test_each_line_maps_its_own_cells(texts: Path) -> None:
    """Every line's cells cover exactly its width and only characters of its own span: a cells
    source pointing at another line or piece would map other offsets."""
    text = _one_line(texts, 120_000)
    assert len(text) > 3 * LONG_PARAGRAPH
    lines = layout_long(text, WIDTH, "auto", "visual").lines
    for line in lines[:: max(1, len(lines) // 200)] + lines[-3:]:
        cells = line.cells
        assert len(cells) == line.width
        covered = [offset for start, end in cells for offset in range(start, end)]
        assert covered and min(covered) >= line.start and max(covered) < line.end


def test_wrapped_lines_keep_little_beside_their_text(texts: Path) -> None:
    """The lines of 400,000 characters as one paragraph keep under 150 bytes a line in all:
    55 now, 475 with each line's text and a small cells source, 665 with a partial."""
    layout_long(_one_line(texts, 40_000), WIDTH, "auto", "visual")  # tables loaded once
    text = _one_line(texts, 400_000)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        laid = layout_long(text, WIDTH, "auto", "visual")
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    per_line = kept / len(laid.lines)
    assert per_line < 150, f"{per_line:.0f} bytes a line"


def test_lines_made_when_asked_are_the_streamed_lines(texts: Path) -> None:
    """Every line of the kept layout, read in order and backwards (pieces made again), is the
    line `wrapped_lines` streams: text, offsets, width, direction; and the undrawn offsets are
    the stream's."""
    text = _one_line(texts, 120_000)
    laid = layout_long(text, WIDTH, "rtl", "visual")
    assert isinstance(laid.lines, WrappedLines)
    streamed = list(wrapped_lines(text, WIDTH, "rtl", "visual"))
    expected = [(line.text, line.start, line.end, line.width, line.rtl) for line, _ in streamed]
    ahead = [(line.text, line.start, line.end, line.width, line.rtl) for line in laid.lines]
    behind = [
        (line.text, line.start, line.end, line.width, line.rtl)
        for line in (laid.lines[i] for i in range(len(laid.lines) - 1, -1, -1))
    ]
    assert ahead == expected
    assert behind[::-1] == expected
    assert laid.lines[-1].start == laid.lines[len(laid.lines) - 1].start
    assert list(laid.lines.starts) == [start for _, start, *_ in expected]
    assert laid.removed == tuple(sorted(r for _, undrawn in streamed for r in undrawn))
