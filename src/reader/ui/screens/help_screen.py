"""The help screen: the reader's keys over the article; escape, `?` or q close it.

On a small terminal (60×20) the box is taller than the screen: it scrolls with the reader's own
keys (j/k and the arrows, space/b and the page keys, g/G and home/end, as remapped), so `j` and
`k` work here as they do in the article.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.config import Language
from reader.ui.keys import keys_in_effect
from reader.ui.labels import fit
from reader.ui.widgets.key_help import KeyHelp

_SCROLLS: dict[str, Callable[[VerticalScroll], object]] = {
    "next-paragraph": lambda box: box.scroll_relative(y=1, animate=False),
    "previous-paragraph": lambda box: box.scroll_relative(y=-1, animate=False),
    "next-page": lambda box: box.scroll_page_down(animate=False),
    "previous-page": lambda box: box.scroll_page_up(animate=False),
    "first-paragraph": lambda box: box.scroll_home(animate=False),
    "last-paragraph": lambda box: box.scroll_end(animate=False),
}
"""How each of the reader's moving keys scrolls the help box."""


class HelpScreen(ModalScreen[None]):
    """A box listing every key (as remapped) and what it does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,f1,q",
            "dismiss",
            "close help",
            tooltip="Close the help and go back to the article.",
            id="help-close",
        ),
    ]

    def __init__(self, keymap: Mapping[str, str], language: Language) -> None:
        """Describe the keys as `keymap` leaves them, in `language`."""
        super().__init__(id="help")
        self._keymap = keymap
        self._language: Language = language

    def compose(self) -> ComposeResult:
        """The key list in a scrollable box."""
        with VerticalScroll(id="help-box"):
            yield KeyHelp(self._keymap, self._language, id="help-keys")
            note = str(getattr(self.app, "bidi_note", ""))
            if note:  # which bidi mode is in use and why (reader.terminals)
                yield Static(
                    fit(note, max(20, self.app.size.width - 8), direction="ltr"), id="help-bidi"
                )

    def on_key(self, event: events.Key) -> None:
        """Scroll the box with the reader's paragraph, page and first/last keys."""
        box = self.query_one("#help-box", VerticalScroll)
        for binding_id, scroll in _SCROLLS.items():
            if event.key in keys_in_effect(binding_id, self._keymap):
                event.stop()
                event.prevent_default()
                scroll(box)
                return

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
