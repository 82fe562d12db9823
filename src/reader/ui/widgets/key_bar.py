"""The key bar: the few most useful keys, as the user has (re)mapped them, in the interface
language."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.config import Language
from reader.ui.keys import BAR_ENTRIES, first_key
from reader.ui.labels import fit
from reader.ui.words import word


class KeyBar(Widget):
    """`j/k paragraph  ]/[ topic  n/N mention  / find  e panel  ? help  q quit`.

    Built from the key table and the user's keymap, so a remapped key shows as remapped. In
    Arabic the whole bar is one right-to-left label drawn by the layout engine.
    """

    language: reactive[Language] = reactive("en")
    """The language of the words."""

    def __init__(self, keymap: Mapping[str, str], language: Language, *, id: str | None = None):
        """Show the keys of `keymap` (binding id to keys; missing ids keep their defaults)."""
        super().__init__(id=id)
        self._keymap = dict(keymap)
        self.set_reactive(KeyBar.language, language)

    def bar_text(self) -> str:
        """The bar as logical text: each entry's keys joined by `/`, then its word."""
        entries = []
        for binding_ids, word_id in BAR_ENTRIES:
            keys = "/".join(key for key in (first_key(i, self._keymap) for i in binding_ids) if key)
            if keys:
                entries.append(f"{keys} {word(word_id, self.language)}")
        return "  ".join(entries)

    def render(self) -> Content:
        """The bar fitted to the widget's width, dimmed keys left to the theme."""
        return fit(self.bar_text(), self.content_size.width)
