"""The Textual application: thin, it sets the theme and keymap, shows the reader screen, switches
the terminal's bidi mode and remembers where the reader stopped."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from reader.config import Settings
from reader.keymap import settings_keymap
from reader.layout import Direction
from reader.positions import ReadingPositions, state_dir
from reader.text.document import Document
from reader.ui import signals, terminal, workers
from reader.ui.keys import LastKey
from reader.ui.labels import set_order
from reader.ui.screens.reader_screen import ReaderScreen

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter before another waiting one gets it."""
LEAVE_WAIT = 1.0
"""Longest wait, in seconds, for the side panel's tabs before quitting anyway."""


def screenshot_dir() -> Path:
    """Where the palette's Screenshot command saves: beside the reading positions."""
    return state_dir() / "screenshots"


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
        # Textual picks its NO_COLOR filter here, from the theme of the moment: a theme that uses
        # the terminal's own colours (ansi-dark/-light) chosen later went through the filter for
        # RGB colours, which turned the whole screen black on black. Under NO_COLOR every theme
        # gets the filter that leaves the terminal's own colours (no greys made up either).
        theme = BUILTIN_THEMES.get((settings or Settings()).theme or "")
        ansi = "NO_COLOR" in os.environ or (theme is not None and theme.ansi)
        super().__init__(ansi_color=True if ansi else None)
        if self.no_color or self.console.color_system in (None, "standard", "windows"):
            self.add_class("-few-colours")  # 16, 8 or no colours: entity types get text styles
        self.document = document
        checked = settings_keymap(settings or Settings())  # config.toml's problems, one line each
        self.settings = dataclasses.replace(settings or Settings(), keys=checked.keymap)
        """The settings, key remaps checked (no clash, no unknown id or key left)."""
        self.settings_warnings = checked.warnings
        """What in the settings was ignored or changed, told once the screen is up."""
        self.direction: Direction = direction
        self.positions = positions
        self.document_key = document_key
        self.last_key = LastKey()
        """The last key pressed (the screen's key guard looks at it)."""
        self.reader_screen: ReaderScreen | None = None
        self._leaving = False  # an exit is waiting for the side panel's tabs
        self._left = False  # the exit has been made
        """The main screen, once shown."""
        set_order("logical" if self.settings.bidi == "terminal" else "visual")
        self.terminal_switch: tuple[str, str] = ("", "")
        """Sequences one terminal needs besides CSI 8 l/h to stop and resume reordering
        (mlterm's bidi off and on: `reader.terminals.detect.switch_sequences`)."""
        self.bidi_note = ""
        """Which bidi mode is in use and why (the help screen shows it)."""
        self.typed_ahead = ""
        """Keys typed while the terminal was asked what it is, before the app took the screen
        (`q` pressed at once): pressed again once the app is ready, so none is lost."""
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
        with `return_code`. Right after the first frame the side panel's tabs may still be
        mounting, and Textual's tabs fail when the app closes under them: then the exit waits
        for them (at most `LEAVE_WAIT` seconds)."""
        screen, panel = self.reader_screen, None
        if screen is not None and screen.is_attached:
            with contextlib.suppress(NoMatches):
                panel = screen.panel
        if panel is not None and not panel.built and not self._leaving:
            self._leaving = True
            panel.when_built(lambda: self._leave_now(return_code))
            self.set_timer(LEAVE_WAIT, lambda: self._leave_now(return_code))
            return
        self._leave_now(return_code)

    def _leave_now(self, return_code: int) -> None:
        """Save the position, restore the bidi mode, exit (once)."""
        if self._left:
            return
        self._left = True
        self.save_position()
        if self.settings.bidi == "app":
            terminal.restore_implicit_mode(self._driver, self.terminal_switch[1])
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
        for warning in self.settings_warnings:
            self.notify(warning, severity="warning", markup=False, timeout=10)
        if self.settings.bidi == "app":
            terminal.enter_explicit_mode(self._driver, self.terminal_switch[0])
        if self.positions is not None and self.positions.warning:
            self.notify(self.positions.warning, severity="warning", markup=False)
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False)
        for key in self.typed_ahead:
            self.call_after_refresh(self.simulate_key, key)

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands, but "Screenshot" saves where reader keeps its state and
        says where (Textual's own tried a downloads folder that may not exist, and failed)."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand(
                    "Screenshot",
                    f"Save an SVG picture of the screen in {screenshot_dir()}",
                    lambda: self.set_timer(0.1, self.save_screen_picture),
                )
            else:
                yield command

    def save_screen_picture(self) -> None:
        """Save the screen as SVG in the screenshots folder and say where (or why not)."""
        folder = screenshot_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(f"screenshot not saved: {error}", severity="error", markup=False)
            return
        self.notify(f"screenshot saved: {path}", markup=False, timeout=10)

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
        with terminal.restoring_implicit_mode(self.settings.bidi == "app", self.terminal_switch[1]):
            try:
                self.run(**kwargs)
            finally:
                self.save_position()
