"""Plain rendering: a document's paragraphs as aligned visual lines of text (`reader render`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reader.layout.engine import layout_once
from reader.layout.lines import Direction, VisualLine
from reader.layout.pieces import LONG_PARAGRAPH, long_direction, wrapped_lines


def render_lines(
    paragraphs: Iterable[str], width: int | None, direction: Direction = "auto"
) -> Iterator[str]:
    """Yield the screen lines of `paragraphs` laid out at `width` cells (None: one line per
    paragraph): RTL lines padded on the left to the width, LTR lines left as they are, no
    trailing spaces, one blank line between paragraphs."""
    first = True
    for text in paragraphs:
        if not first:
            yield ""
        first = False
        if width is not None and len(text) > LONG_PARAGRAPH:
            # Streamed a piece at a time: memory follows the piece, not the paragraph.
            base = long_direction(text, direction)
            lines: Iterable[VisualLine] = (
                line for line, _ in wrapped_lines(text, width, base, "visual")
            )
            rtl = base == "rtl"
        else:
            layout = layout_once(text, width, direction)  # not cached: each is seen once
            lines, rtl = layout.lines, layout.rtl
        for line in lines:
            if rtl and width is not None:
                yield (" " * (width - line.width) + line.text).rstrip(" ")
            else:
                yield line.text.rstrip(" ")
