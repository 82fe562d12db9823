"""The key bar: the few most useful keys, as the user has (re)mapped them, in the interface
language."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.config import Language
from reader.ui.keys import BAR_ENTRIES, first_key
from reader.ui.labels import fit, interface_direction
from reader.ui.words import word

DROP_ORDER = (2, 1, 4, 0, 3, 5, 6)
"""Which entries of `BAR_ENTRIES` give way first when the bar is narrow: mention, topic, panel,
paragraph, find, then help and quit last."""


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

    def entries(self) -> list[str]:
        """Each entry as logical text: its keys joined by `/`, then its word."""
        entries = []
        for binding_ids, word_id in BAR_ENTRIES:
            keys = "/".join(key for key in (first_key(i, self._keymap) for i in binding_ids) if key)
            if keys:
                entries.append(f"{keys} {word(word_id, self.language)}")
        return entries

    def render(self) -> Content:
        """The entries, two cells apart, from the reading side (right in Arabic). When they do
        not all fit, the least needed go first (`DROP_ORDER`): help and quit stay longest."""
        width = self.content_size.width
        direction = interface_direction(self.language)
        labels = [fit(entry, width, pad=False, direction=direction) for entry in self.entries()]
        shown = list(range(len(labels)))
        for index in DROP_ORDER:
            if sum(labels[i].cell_length + 2 for i in shown) - 2 <= width:
                break
            if index in shown and len(shown) > 1:
                shown.remove(index)
        drawn = [labels[i] for i in shown]
        used = sum(label.cell_length for label in drawn) + 2 * max(0, len(drawn) - 1)
        if used > width:  # even one entry is too wide: show none rather than half of one
            return Content("")
        if self.language == "ar":
            drawn.reverse()
        bar = Content("  ").join(drawn)
        return bar.pad_left(width - used) if self.language == "ar" else bar
