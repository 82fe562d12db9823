"""Resizing: the panel collapses below 70 columns (and `e` still shows it); below 40×10 the
reader asks for a larger terminal; themes and NO_COLOR keep the screen readable."""

from __future__ import annotations

import pytest
from reader_pilot import reader_app, reader_screen, screen_text, settle, status

from reader.config import Settings
from reader.ui.widgets.side_panel import SidePanel


async def test_the_panel_collapses_when_narrow_and_e_shows_it() -> None:
    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        panel = screen.query_one(SidePanel)
        assert panel.display
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not panel.display
        await pilot.press("e")
        assert panel.display
        await pilot.press("e")
        assert not panel.display
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert panel.display  # the wide preference comes back


async def test_hiding_the_panel_when_wide_is_remembered_across_resizes() -> None:
    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = reader_screen(pilot).query_one(SidePanel)
        await pilot.press("e")
        await pilot.resize_terminal(60, 20)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not panel.display


async def test_a_tiny_terminal_gets_a_clear_message_and_recovers() -> None:
    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(36, 8)
        await pilot.pause()
        rows = "\n".join(screen_text(pilot))
        assert "too small" in rows and "40×10" in rows, rows
        await pilot.press("j")  # keys still work behind the message
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "too small" not in "\n".join(screen_text(pilot))
        assert "¶ 2/7" in status(pilot)


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light", "textual-light"])
async def test_themes_apply(theme: str) -> None:
    app = reader_app(settings=Settings(theme=theme))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == theme
        assert "¶ 1/7" in status(pilot)


async def test_no_color_still_shows_the_current_paragraph_and_hits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = reader_app()
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = screen_text(pilot)
        # The marker is a character (the topic map takes the last three cells of the row).
        assert any(row.ljust(80)[:77].rstrip().endswith("▍") for row in rows)
        assert any("¶ 1/7" in row for row in rows)


@pytest.mark.parametrize("width", [60, 45])
async def test_the_key_bar_keeps_help_and_quit_when_narrow(width: int) -> None:
    app = reader_app()
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.pause()
        bar = screen_text(pilot)[-1]
        assert "? help" in bar and "q quit" in bar and "j/k paragraph" in bar
        assert "n/N mention" not in bar  # what gave way first
