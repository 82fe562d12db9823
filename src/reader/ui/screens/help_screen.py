"""The help screen: the reader's keys over the article; escape, `?` or q close it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.config import Language
from reader.ui.labels import fit
from reader.ui.widgets.key_help import KeyHelp


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

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
