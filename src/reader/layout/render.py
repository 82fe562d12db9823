"""Plain rendering: a document's paragraphs as aligned visual lines of text (`reader render`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reader.layout.engine import layout_paragraph
from reader.layout.lines import Direction


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
        layout = layout_paragraph(text, width, direction)
        for line in layout.lines:
            if layout.rtl and width is not None:
                yield (" " * (width - line.width) + line.text).rstrip(" ")
            else:
                yield line.text.rstrip(" ")
