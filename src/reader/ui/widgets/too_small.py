"""The message shown instead of everything else when the terminal is too small to read in."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reader.config import Language
from reader.ui.labels import fit, interface_direction
from reader.ui.words import word


class TooSmall(Widget):
    """ "The terminal is too small. Make it at least 40×10.", fitted to the width it has."""

    def __init__(self, language: Language, *, id: str | None = None) -> None:
        """The message in `language`."""
        super().__init__(id=id)
        self._language: Language = language

    def render(self) -> Content:
        """Two lines, each cut to the width (in the interface's direction)."""
        width = self.content_size.width
        direction = interface_direction(self._language)
        lines = [
            fit(word(word_id, self._language), width, direction=direction)
            for word_id in ("too-small", "too-small-hint")
        ]
        return Content("\n").join(lines)
