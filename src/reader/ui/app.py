"""The Textual application: thin, it sets the theme and keymap, shows the reader screen, switches
the terminal's bidi mode and remembers where the reader stopped."""

from __future__ import annotations

import sys
from typing import Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches

from reader.config import ReadingPositions, Settings
from reader.layout import Direction
from reader.text.document import Document
from reader.ui import signals, terminal, workers
from reader.ui.keys import LastKey
from reader.ui.labels import set_order
from reader.ui.screens.reader_screen import ReaderScreen

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter before another waiting one gets it."""


class ReaderApp(App[None]):
    """Read one document: the main screen does the work; the app holds what outlives it."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Textual's own ctrl+c only says "press ctrl+q to quit"; a reader quits.
        Binding(
            "ctrl+c",
            "quit",
            "quit",
            show=False,
            priority=True,
            tooltip="Quit the reader (as q does).",
            id="interrupt",
        ),
    ]

    def __init__(
        self,
        document: Document,
        *,
        settings: Settings | None = None,
        direction: Direction = "auto",
        positions: ReadingPositions | None = None,
        document_key: str | None = None,
    ) -> None:
        """Show `document`; `positions` and `document_key` (both or neither) remember and restore
        the reading position."""
        super().__init__()
        self.document = document
        self.settings = settings or Settings()
        self.direction: Direction = direction
        self.positions = positions
        self.document_key = document_key
        self.last_key = LastKey()
        """The last key pressed (the screen's key guard looks at it)."""
        self.reader_screen: ReaderScreen | None = None
        """The main screen, once shown."""
        set_order("logical" if self.settings.bidi == "terminal" else "visual")
        # The analysis threads run pure-Python NLP; a shorter switch interval hands the
        # interpreter back to the keys and the screen sooner (5 ms by default).
        sys.setswitchinterval(SWITCH_INTERVAL)

    def on_load(self) -> None:
        """Before the terminal is taken over: SIGTERM and SIGHUP become a clean quit, and the
        analysis threads are ones that quitting does not wait for."""
        signals.install_exit_handlers(self.quit_on_signal)
        workers.use_daemon_threads()

    def quit_on_signal(self, signum: int) -> None:
        """Quit as `q` does (position saved, terminal restored), with status 128 + signum."""
        self.leave(signals.exit_status(signum))

    def leave(self, return_code: int = 0) -> None:
        """The one way out: save the reading position, restore the terminal's bidi mode, exit
        with `return_code`."""
        self.save_position()
        if self.settings.bidi == "app":
            terminal.restore_implicit_mode(self._driver)
        self.exit(return_code=return_code)

    def get_default_screen(self) -> ReaderScreen:
        """The reader screen is the app's first screen (no blank screen under it to build),
        opened at the paragraph where the reader stopped last time."""
        start = 0
        if self.positions is not None and self.document_key is not None:
            start = self.positions.get(self.document_key) or 0
        start = min(start, max(0, len(self.document.paragraphs) - 1))
        self.reader_screen = ReaderScreen(
            self.document,
            self.settings,
            direction=self.direction,
            start_paragraph=start,
            last_key=self.last_key,
        )
        return self.reader_screen

    def on_mount(self) -> None:
        """Apply theme and keymap, switch the terminal's bidi mode, pass on warnings."""
        if self.settings.theme:
            self.theme = self.settings.theme
        if self.settings.keys:
            self.set_keymap(dict(self.settings.keys))
        if self.settings.bidi == "app":
            terminal.enter_explicit_mode(self._driver)
        if self.positions is not None and self.positions.warning:
            self.notify(self.positions.warning, severity="warning", markup=False)
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False)

    async def on_event(self, event: events.Event) -> None:
        """Note each key before the bindings see it (for the screen's key guard)."""
        if isinstance(event, events.Key):
            self.last_key.key = event.key
            self.last_key.printable = event.is_printable
        await super().on_event(event)

    def save_position(self) -> None:
        """Remember the current paragraph of this document (a failure to write is not fatal)."""
        if self.positions is None or self.document_key is None or self.reader_screen is None:
            return
        try:
            current = self.reader_screen.current
        except NoMatches:  # the app has ended and its widgets are gone (saved when quitting)
            return
        self.positions.set(self.document_key, current, self.document.name)
        try:
            self.positions.save()
        except OSError as error:
            self.log.warning(f"reading position not saved: {error}")

    def action_command_palette(self) -> None:
        """Open the command palette (ctrl+p), its query box drawn through the layout engine."""
        from reader.ui.widgets.shaped_input import ShapedCommandPalette

        if self.use_command_palette and not self.screen.has_class("--textual-command-palette"):
            self.push_screen(ShapedCommandPalette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Quit (`q`, ctrl+c): `leave`."""
        self.leave()

    def run_reader(self, **kwargs: Any) -> None:
        """Run the app, always restoring the terminal's implicit bidi mode and saving the
        reading position afterwards, however it ends."""
        with terminal.restoring_implicit_mode(self.settings.bidi == "app"):
            try:
                self.run(**kwargs)
            finally:
                self.save_position()
