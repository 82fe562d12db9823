"""The body of the help screen: every key of the reader and what it does, one line each."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widget import Widget

from reader.config import Language
from reader.ui.keys import READER_KEYS, key_display, keys_in_effect
from reader.ui.labels import Align, fit, interface_direction
from reader.ui.words import word

KEYS_COLUMN = 16
"""Cells given to the keys column."""


class KeyHelp(Widget):
    """Lines of `keys  description`, the keys in effect (after remaps), descriptions in the
    interface language; each line drawn by the layout engine, so Arabic reads right to left."""

    def __init__(self, keymap: Mapping[str, str], language: Language, *, id: str | None = None):
        """Describe the keys as `keymap` (binding id to keys) leaves them."""
        super().__init__(id=id)
        self._keymap = dict(keymap)
        self._language: Language = language

    def lines(self) -> list[tuple[str, str]]:
        """(keys, description) for every binding, in the key table's order, plus the palette."""
        rows = []
        for key in READER_KEYS:
            keys = ", ".join(key_display(k) for k in keys_in_effect(key.id, self._keymap))
            rows.append((keys, word(key.id, self._language)))
        rows.append(("← →", word("switch-tab", self._language)))
        rows.append(("tab ↓ enter", word("choose-entity", self._language)))
        rows.append(("n", word("adjectives-note", self._language)))
        rows.append(("ctrl+p", word("command-palette", self._language)))
        return rows

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """One line per key, a title line and a closing line."""
        return len(self.lines()) + 4

    def render(self) -> Content:
        """The title, the keys, and how to close the help."""
        width = self.content_size.width
        align: Align = "right" if self._language == "ar" else "left"
        rtl = interface_direction(self._language)
        out = [
            fit(
                word("help-title", self._language), width, align=align, style="bold", direction=rtl
            ),
            Content(""),
        ]
        text_width = max(1, width - KEYS_COLUMN)
        for keys, description in self.lines():
            keys_cell = Content(keys[: KEYS_COLUMN - 1].ljust(KEYS_COLUMN)).stylize("bold")
            body = fit(description, text_width, align=align, direction=rtl)
            if self._language == "ar":
                out.append(
                    Content.assemble(
                        body,
                        Content(" "),
                        Content(keys[: KEYS_COLUMN - 1].rjust(KEYS_COLUMN - 1)).stylize("bold"),
                    )
                )
            else:
                out.append(Content.assemble(keys_cell, body))
        out += [
            Content(""),
            fit(word("help-close", self._language), width, align=align, style="dim", direction=rtl),
        ]
        return Content("\n").join(out)
