"""The wrapped lines of a very long paragraph (`reader.layout.pieces`): what each keeps, and
that each computes its own cell map when asked.

The app holds every line of a paragraph it shows, so a one-line document of a few MB is tens
of thousands of `VisualLine`s; each line's cells source was a `functools.partial` of seven
arguments (about 310 bytes a line with its tuple and keyword dictionary, more than the line's
text). Each now keeps a small object pointing at its piece's shared arguments.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from reader.layout.pieces import LONG_PARAGRAPH, layout_long

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
    """The lines of 400,000 characters as one paragraph keep under 560 bytes a line in all,
    their visual text (about 220 bytes at 76 cells) included: 475 now, 665 before."""
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
    assert per_line < 560, f"{per_line:.0f} bytes a line"
