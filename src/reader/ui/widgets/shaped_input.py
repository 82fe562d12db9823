"""A one-line input that shows right-to-left text as a reader reads it (shaped, reordered).

Textual's `Input` draws its value in logical order with unjoined letters, so Arabic typed into it
reads backwards. `ShapedInput` keeps all of `Input`'s editing (the value and the cursor stay
logical) and only changes the drawing: when the value holds right-to-left text, the line is laid
out by the layout engine and the cursor is drawn on the cell showing the character it stands
before (or beside the text, on its reading end, when the cursor is at the end).
"""

from __future__ import annotations

import re

from rich.cells import get_character_cell_size
from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.command import CommandInput, CommandPalette
from textual.strip import Strip
from textual.widgets import Input

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew, Arabic, Syriac, Thaana, NKo... and the Arabic presentation forms."""
_LINE_END = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Where a pasted line ends (what `str.splitlines` splits at)."""
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def pasted_line(text: str, room: int) -> str:
    """What a one-line input takes of a paste: its first line, at most `room` characters, with
    each control character (ESC, BEL, C1...) as its visible picture, so that it is inert data
    wherever the value is drawn or sent. Found in one pass over the start of `text` only: a
    paste of megabytes costs no more than a short one."""
    from reader.layout.clusters import control_picture

    end = _LINE_END.search(text, 0, room + 1)
    line = text[: min(room, end.start() if end else len(text))]
    return _CONTROL.sub(lambda match: control_picture(match.group()), line)


def _cell_texts(text: str) -> list[str]:
    """Split a visual line's text into its cells (a base character with its marks)."""
    cells: list[str] = []
    for char in text:
        if get_character_cell_size(char) == 0 and cells:
            cells[-1] += char
        else:
            cells.append(char)
    return cells


class ShapedInput(Input):
    """An `Input` whose right-to-left value is drawn through the layout engine."""

    def _on_paste(self, event: events.Paste) -> None:
        """Insert the paste's first line, controls made visible and cut to the room left under
        `max_length` (Textual's `Input` refuses a paste longer than that whole, and splits all
        of a paste into lines to keep the first)."""
        event.stop()
        event.prevent_default()
        start, end = sorted(self.selection)
        room = (self.max_length or len(event.text)) - (len(self.value) - (end - start))
        line = pasted_line(event.text, max(0, room))
        if line:
            self.replace(line, start, end)

    def render_line(self, y: int) -> Strip:
        """The value as one shaped visual line with the cursor on its cell; plain `Input`
        drawing for left-to-right text, the placeholder and other rows."""
        if y != 0 or not self.value or not _RTL.search(self.value):
            return super().render_line(y)
        from reader.layout import layout_paragraph

        width = self.scrollable_content_region.width
        base = self.rich_style
        lines = layout_paragraph(self.value, None).lines
        line = lines[0] if lines else None
        if line is None or len(line.cells) + 1 > width:
            return super().render_line(y)  # too long to shape whole: plain drawing scrolls
        cursor_style = base + self.get_component_rich_style("input--cursor")
        show_cursor = self.has_focus and self._cursor_visible
        position = self.cursor_position
        segments: list[Segment] = []
        cells = _cell_texts(line.text)
        at_end = position >= len(self.value)
        if show_cursor and at_end and line.rtl:
            segments.append(Segment(" ", cursor_style))
        for text, (start, end) in zip(cells, line.cells, strict=False):
            on_cursor = show_cursor and not at_end and start <= position < end
            segments.append(Segment(text, cursor_style if on_cursor else base))
        if show_cursor and at_end and not line.rtl:
            segments.append(Segment(" ", cursor_style))
        used = sum(segment.cell_length for segment in segments)
        if line.rtl:  # right-to-left text reads from the right edge
            segments.insert(0, Segment(" " * max(0, width - used), base))
        else:
            segments.append(Segment(" " * max(0, width - used), base))
        return Strip(segments).adjust_cell_length(self.size.width, base)


class ShapedCommandInput(CommandInput, ShapedInput):
    """The command palette's query box, drawn like `ShapedInput` (typed Arabic reads right).

    `CommandInput` comes first: Textual's CSS type names and queries follow the first base, and
    the palette finds its box as `CommandInput`; the drawing still comes from `ShapedInput`."""


class ShapedCommandPalette(CommandPalette):
    """Textual's command palette with its query box drawn through the layout engine."""

    def compose(self) -> ComposeResult:
        """The palette's own widgets, its `CommandInput` swapped for a `ShapedCommandInput`."""
        for widget in super().compose():
            if type(widget) is CommandInput:
                yield ShapedCommandInput(placeholder=widget.placeholder, select_on_focus=False)
            else:
                yield widget
