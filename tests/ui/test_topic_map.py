"""The article's structure on screen: the topic map beside the article, its legend in the Topics
tab, `]`/`[` over theme changes and the theme named in the status line, driven through the real
app on real texts. What each paragraph's theme is comes from `reader.nlp.topics` itself; the
map's cells are read back from the screen as the terminal gets them.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from reader_pilot import reader_app, reader_screen, settle, status, text_path
from textual.pilot import Pilot

from reader.config import Settings
from reader.nlp.topics import TopicIndex, extract_topics
from reader.text.document import Document
from reader.ui.labels import fit
from reader.ui.screens import reader_screen as reader_screen_module
from reader.ui.topic_legend import LETTERS, OTHER, PALETTE_SIZE, legend
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.topic_map import TopicMap

NEWS = [f"news-0{n}.ar.txt" for n in range(1, 9)]


def _index(app: Any) -> TopicIndex:
    """The topic index of the app's document, found by the core (not by the app)."""
    return extract_topics([p.text for p in app.document.paragraphs])


def _map_cells(pilot: Pilot[Any]) -> list[str]:
    """The topic map's three cells on each of its rows, as the terminal gets them."""
    region = reader_screen(pilot).query_one(TopicMap).region
    strips = pilot.app.screen._compositor.render_strips()
    return [
        strips[y].crop(region.x, region.x + region.width).text
        for y in range(region.y, region.y + region.height)
    ]


def _position(pilot: Pilot[Any]) -> str:
    """The status line's position text, in logical order."""
    return reader_screen(pilot).query_one(StatusLine).position


def _changes(main_theme: tuple[int | None, ...]) -> list[int]:
    """Where a new main theme starts, paragraphs without one passed over (written out here
    again, from the rule, to check the app's own)."""
    stops, last = [], None
    for paragraph, theme in enumerate(main_theme):
        if theme is not None and theme != last:
            stops.append(paragraph)
            last = theme
    return stops


@pytest.mark.parametrize("name", NEWS)
async def test_each_paragraph_has_map_rows_in_its_themes_letter(name: str) -> None:
    app = reader_app(text_path(name))
    index = _index(app)
    letters = {
        position: fit(swatch.letter, 1).plain
        for position, swatch in enumerate(legend(index.topics, "en"))
    }
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        topic_map = reader_screen(pilot).query_one(TopicMap)
        rows = topic_map.rows
        cells = _map_cells(pilot)
        assert len(rows) == len(cells) == topic_map.region.height  # the whole column is used
        # Every paragraph has at least one row, in reading order, the rows in one run each.
        assert [row.first for row in rows] == sorted(row.first for row in rows)
        assert {row.first for row in rows} == set(range(len(app.document.paragraphs)))
        for y, row in enumerate(rows):
            assert row.first == row.last  # a short document: one paragraph per row
            theme = index.main_theme[row.first]
            band = cells[y][1:]
            if theme is None:
                assert band == "  "
            elif letters[theme] == OTHER:  # a theme without a colour: its dot on every row
                assert band == OTHER + " "
            elif y == 0 or rows[y - 1].theme != theme:
                assert band == letters[theme] + " "  # the band's first row names it
            else:
                assert band == "  "


async def test_a_long_text_maps_stretches_to_the_theme_with_most_characters() -> None:
    app = reader_app(text_path("mixed-03.ar.txt"))  # 211 paragraphs on 26 rows
    index = _index(app)
    lengths = [len(p.text) + 1 for p in app.document.paragraphs]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = reader_screen(pilot).query_one(TopicMap).rows
        assert len(rows) < len(lengths)
        assert rows[0].first == 0 and rows[-1].last == len(lengths) - 1
        for row, following in itertools.pairwise(rows):
            assert following.first in (row.last, row.last + 1)  # no paragraph left out
        for row in rows:
            weight: dict[int | None, int] = {}
            for paragraph in range(row.first + 1, row.last):  # wholly inside the row
                theme = index.main_theme[paragraph]
                weight[theme] = weight.get(theme, 0) + lengths[paragraph]
            if weight and row.last - row.first > 2:
                heaviest = max(weight.values())
                # The row's theme holds at least as much of it as any other, up to the two
                # paragraphs it shares with the rows beside it.
                shared = lengths[row.first] + lengths[row.last]
                assert weight.get(row.theme, 0) + shared >= heaviest


async def test_brackets_stop_where_the_main_theme_changes_and_the_status_names_it() -> None:
    app = reader_app(text_path("news-01.ar.txt"))  # has a paragraph without a theme
    index = _index(app)
    stops = _changes(index.main_theme)
    assert None in index.main_theme and len(stops) > 3
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        visited = [screen.current]
        for _ in range(len(stops)):  # one press more than changes after ¶1: it stays put
            await pilot.press("right_square_bracket")
            await pilot.pause()
            visited.append(screen.current)
            theme = index.theme_of(screen.current)
            assert theme is not None
            assert f"topic: {theme.label}" in _position(pilot)  # logical text
            assert fit(theme.label, 60).plain.strip() in status(pilot)  # as drawn
        assert visited == [*stops, stops[-1]]
        for stop in reversed(stops[:-1]):
            await pilot.press("left_square_bracket")
            await pilot.pause()
            assert screen.current == stop


async def test_the_status_line_names_each_paragraphs_theme_in_arabic() -> None:
    app = reader_app(text_path("news-01.ar.txt"), settings=Settings(language="ar"))
    index = _index(app)
    assert None in index.main_theme  # news-01 has a paragraph without a theme
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for paragraph in range(len(app.document.paragraphs)):
            assert reader_screen(pilot).current == paragraph
            theme = index.theme_of(paragraph)
            shown = _position(pilot)
            if theme is None:
                assert "الموضوع" not in shown
            else:
                assert f"الموضوع: {theme.label}" in shown
                assert fit(theme.label, 60).plain.strip() in status(pilot)
            await pilot.press("j")
            await pilot.pause()


async def test_the_map_is_blank_until_the_themes_arrive_and_a_click_goes_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The analysis starts a moment after the first screen; topics now run first and a short
    # article's are ready within that moment on a fast run, so the first screen is read
    # before the analysis is let start.
    monkeypatch.setattr(reader_screen_module, "ANALYSIS_DELAY", 3.0)
    app = reader_app(text_path("news-06.ar.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = reader_screen(pilot)
        cells = _map_cells(pilot)
        assert screen.navigator.topic_index is None  # the first screen: no themes yet
        assert all(not cell.strip(" ▍") for cell in cells)
        await settle(pilot)
        topic_map = screen.query_one(TopicMap)
        rows = topic_map.rows
        last = len(rows) - 1
        await pilot.click(TopicMap, offset=(2, last))
        await pilot.pause()
        await pilot.pause()
        assert screen.current == rows[last].first
        marked = [y for y, cell in enumerate(_map_cells(pilot)) if cell.startswith("▍")]
        assert marked and all(rows[y].first == screen.current for y in marked)


async def test_no_color_shows_each_themes_letter_on_every_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = reader_app(text_path("news-06.ar.txt"), settings=Settings(language="ar"))
    assert app.no_color
    index = _index(app)
    swatches = legend(index.topics, "ar")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows = reader_screen(pilot).query_one(TopicMap).rows
        cells = _map_cells(pilot)
        for y, row in enumerate(rows):
            assert row.theme is not None  # every paragraph of news-06 has a theme
            swatch = swatches[row.theme]
            assert cells[y][1] == fit(swatch.letter, 1).plain
        shown = {swatches[row.theme].letter for row in rows if row.theme is not None}
        # Distinct themes, distinct letters: as many letters as themes with a slot on the map.
        slotted = {row.theme for row in rows if swatches[row.theme or 0].slot is not None}
        assert len(shown - {OTHER}) == len(slotted)
        assert shown - {OTHER} <= set(LETTERS["ar"][:PALETTE_SIZE])


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_the_ansi_themes_colour_the_map_from_the_terminals_palette(theme: str) -> None:
    app = reader_app(settings=Settings(theme=theme))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        topic_map = reader_screen(pilot).query_one(TopicMap)
        strip = topic_map.render_line(0)
        band = list(strip)[-1]
        assert band.style is not None and band.style.bgcolor is not None
        assert band.style.bgcolor.type.name == "STANDARD"  # one of the terminal's sixteen


async def test_the_topics_tab_lists_each_theme_with_its_letter_and_paragraph_count() -> None:
    app = reader_app()
    index = _index(app)
    swatches = legend(index.topics, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = reader_screen(pilot).query_one(SidePanel)
        panel.show_tab("topics")
        await pilot.pause()
        topic_list = panel.topic_list
        assert topic_list.option_count == len(index.topics)
        for position, topic in enumerate(index.topics):
            option = topic_list.get_option(f"topic:{position}")
            first_line = str(option.prompt).split("\n")[0]
            letter = fit(swatches[position].letter, 1).plain
            assert first_line.startswith(letter + " ")  # the swatch, on the reading side
            assert f"({len(topic.paragraphs)})" in first_line
            assert fit(topic.label, 40).plain.strip() in first_line


@pytest.mark.parametrize(
    ("text", "note"),
    [("", "the document is empty"), ("التعاون الأمني بين المغرب وتركيا", "one paragraph")],
)
async def test_the_topics_tab_on_an_empty_or_one_paragraph_document(text: str, note: str) -> None:
    app = reader_app(document=Document.from_text(text, name="short.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        panel = reader_screen(pilot).query_one(SidePanel)
        panel.show_tab("topics")
        await pilot.pause()
        lines = [str(panel.topic_list.get_option_at_index(i).prompt) for i in range(1)]
        assert note in lines[0]
        assert all(not cell.strip(" ▍") or text for cell in _map_cells(pilot))
