"""Helpers for driving the real reader app in tests: build it on a shared text, wait for its
workers, and read back what is on screen."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from reader.config import Settings
from reader.layout import Direction
from reader.positions import ReadingPositions, document_key
from reader.text.document import Document
from reader.text.load import load_document
from reader.ui.app import ReaderApp
from reader.ui.screens.reader_screen import ReaderScreen

TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "texts"
"""The shared real texts."""


def text_path(name: str) -> str:
    """The path of a shared text, as a string for `load_document`."""
    return str(TEXTS / name)


def reader_app(
    path: str | None = None,
    *,
    document: Document | None = None,
    settings: Settings | None = None,
    direction: Direction = "auto",
) -> ReaderApp:
    """The reader app on `path` (None: the bundled article) or on `document`, remembering
    positions in the XDG state directory (a temporary one in tests)."""
    if document is None:
        document = load_document(path)
    return ReaderApp(
        document,
        settings=settings,
        direction=direction,
        positions=ReadingPositions(),
        document_key=document_key(path, document.text),
    )


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the analysis workers (started just after the first screen) to finish and the
    screen to catch up."""
    while not reader_screen(pilot).analysis_started:
        await pilot.pause(0.02)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def searched(pilot: Pilot[None]) -> None:
    """Wait until the search typed so far has run (it starts a moment after the last key, in a
    worker) and its hits are shown."""
    from reader.ui.widgets.search_bar import SEARCH_DELAY

    await pilot.pause(SEARCH_DELAY + 0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def reader_screen(pilot: Pilot[None]) -> ReaderScreen:
    """The app's reader screen."""
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


def screen_text(pilot: Pilot[None]) -> list[str]:
    """Every row of the screen as the terminal would show it (characters only)."""
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def status(pilot: Pilot[None]) -> str:
    """The status line row."""
    from reader.ui.widgets.status_line import StatusLine

    widget = reader_screen(pilot).query_one(StatusLine)
    return str(widget.render().plain)
