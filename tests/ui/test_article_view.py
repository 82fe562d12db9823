"""The article view: what reaches the screen, row by row and cell by cell, in a real Textual app.

Rendered rows are read back from the widget (`render_line`) and compared with what the layout
engine says the paragraph's lines are; highlights are checked cell by cell against the engine's
cell maps. Documents are the shared real texts.
"""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip

from reader.layout import VisualLine, layout_paragraph
from reader.text.document import Document
from reader.ui.highlights import KINDS, Highlight
from reader.ui.widgets import article_view
from reader.ui.widgets.article_view import MARKER, ArticleView
from reader.ui.widgets.rows import RowIndex, estimate_heights

TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "texts"


def load(name: str) -> Document:
    """A shared real text as a Document."""
    return Document.from_text((TEXTS / name).read_text(encoding="utf-8"), name)


class ArticleApp(App[None]):
    """The smallest host for an ArticleView: the view fills the screen."""

    def __init__(self, document: Document, **options: object) -> None:
        """Remember the document and the view's options."""
        super().__init__()
        self.document = document
        self.options = options
        self.changes: list[int] = []

    def compose(self) -> ComposeResult:
        """Just the view."""
        yield ArticleView(self.document, id="article", **options_of(self.options))

    def on_article_view_current_changed(self, message: ArticleView.CurrentChanged) -> None:
        """Record every CurrentChanged the view posts."""
        self.changes.append(message.paragraph)


def options_of(options: dict[str, object]) -> dict[str, object]:
    """Pass the test's options through unchanged (typed loosely on purpose)."""
    return options


Cell = tuple[str, Style | None]


def cells_of(strip: Strip) -> list[Cell]:
    """Split a rendered row into terminal cells: (what the cell shows, its style). A wide
    character's second cell is ("", style); combining marks join the cell before them."""
    cells: list[Cell] = []
    for segment in strip:
        for char in segment.text:
            size = get_character_cell_size(char)
            if size == 0:
                assert cells, "a row starts with a combining mark"
                cells[-1] = (cells[-1][0] + char, cells[-1][1])
            else:
                cells.append((char, segment.style))
                cells.extend([("", segment.style)] * (size - 1))
    return cells


def screen_rows(view: ArticleView) -> list[Strip]:
    """Every row of the view as drawn now."""
    return [view.render_line(y) for y in range(view.scrollable_content_region.height)]


def text_field(view: ArticleView, strip: Strip) -> list[Cell]:
    """The cells of the measure (the text column) in a row, gutters and margins left out."""
    cells = cells_of(strip)
    left = text_left(view)
    return cells[left : left + view.measure]


def text_left(view: ArticleView) -> int:
    """The column where the measure starts, worked out from the widget's width: the measure
    and its two 2-cell gutters are centred in the width left of the scrollbar."""
    width = view.scrollable_content_region.width
    if not view.show_vertical_scrollbar:
        width -= view.styles.scrollbar_size_vertical
    return (width - view.measure - 4) // 2 + 2


def aligned(view: ArticleView, line: VisualLine) -> str:
    """What the measure should show for a line: RTL padded on the left, LTR on the right."""
    pad = " " * (view.measure - line.width)
    return pad + line.text if line.rtl else line.text + pad


def visible_text(cells: list[Cell]) -> str:
    """The characters of some cells, as one string."""
    return "".join(text for text, _ in cells)


async def test_first_row_holds_the_first_words_at_the_right_edge() -> None:
    """The first screen row of an RTL paragraph is the engine's first visual line, right-aligned
    in the measure: its rightmost cell shows the paragraph's first letter."""
    document = load("news-01.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.measure == 80
        for paragraph in (0, 1):
            text = document.paragraphs[paragraph].text
            first = layout_paragraph(text, 80).lines[0]
            assert first.rtl
            row = view.render_line(view.row_of(paragraph) - view.scroll_offset.y)
            field = text_field(view, row)
            assert visible_text(field).lstrip(" ") == first.text
            # Right-aligned: padding on the left, the text ends at the measure's right edge.
            assert visible_text(field) == " " * (80 - first.width) + first.text
            assert first.cells[-1][0] == 0  # the rightmost cell shows the first character


async def test_measure_is_centred_in_a_wide_view() -> None:
    """In a terminal wider than the measure, the blank space left and right is balanced."""
    app = ArticleApp(load("news-02.ar.txt"))
    async with app.run_test(size=(140, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.measure == 80
        width = view.scrollable_content_region.width
        rows = [visible_text(cells_of(strip)) for strip in screen_rows(view)]
        longest = max(rows, key=lambda row: len(row.strip()))
        right_edge = len(longest.rstrip(f" {MARKER}"))
        left = text_left(view)
        assert right_edge == left + 80
        assert abs(left - (width - right_edge)) <= 3  # margins within a cell or two of each other


async def test_narrow_view_wraps_to_its_width() -> None:
    """Narrower than the measure: lines wrap to what fits, every row within the width."""
    document = load("news-03.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.measure < 40
        text = document.paragraphs[1].text
        lines = layout_paragraph(text, view.measure).lines
        start = view.row_of(1) - view.scroll_offset.y
        for number, line in enumerate(lines[:3]):
            field = text_field(view, view.render_line(start + number))
            assert visible_text(field) == aligned(view, line)


async def test_blank_line_between_paragraphs() -> None:
    """Each paragraph starts one blank row after the previous one ends."""
    document = load("news-01.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        for paragraph in range(3):
            height = len(view.layout_of(paragraph).lines)
            assert view.row_of(paragraph + 1) == view.row_of(paragraph) + height + 1
            gap = view.render_line(view.row_of(paragraph + 1) - 1)
            assert visible_text(cells_of(gap)).strip() == ""


async def test_marker_on_every_line_of_the_current_paragraph_at_its_reading_edge() -> None:
    """▍ sits right of the measure on each line of the current RTL paragraph, and nowhere else."""
    document = load("news-01.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.goto_paragraph(1)
        await pilot.pause()
        assert view.current == 1
        height = len(view.layout_of(1).lines)
        assert height > 1
        marker_column = text_left(view) + 80 + 1
        for y, strip in enumerate(screen_rows(view)):
            cells = cells_of(strip)
            absolute = y + view.scroll_offset.y
            inside = view.row_of(1) <= absolute < view.row_of(1) + height
            assert (cells[marker_column][0] == MARKER) == inside
            assert visible_text(cells).count(MARKER) == (1 if inside else 0)


async def test_marker_is_left_of_an_ltr_paragraph() -> None:
    """An LTR paragraph (the `<doc ...>` header of a Wikipedia dump) is left-aligned and, when
    current, marked on its left."""
    document = load("mixed-01.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        first = view.layout_of(0).lines[0]
        assert not first.rtl
        assert view.current == 0
        cells = cells_of(view.render_line(view.row_of(0) - view.scroll_offset.y))
        left = text_left(view)
        assert cells[left - 2][0] == MARKER
        assert visible_text(cells[left : left + first.width]) == first.text
        assert visible_text(cells[left + 80 :]).strip() == ""


async def test_goto_paragraph_scrolls_it_into_view_and_posts_current_changed() -> None:
    """goto_paragraph makes a paragraph current and visible (at the top with top=True)."""
    document = load("news-07.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        last = len(document.paragraphs) - 1
        view.goto_paragraph(last)
        await pilot.pause()
        assert view.current == last
        y = view.scroll_offset.y
        assert y > 0
        start = view.row_of(last)
        height = len(view.layout_of(last).lines)
        assert y <= start and start + min(height, 12) <= y + 12
        view.goto_paragraph(3, top=True)
        await pilot.pause()
        assert view.scroll_offset.y == view.row_of(3)
        assert view.paragraph_at_top() == 3
        assert app.changes == [last, 3]
        first_line = view.layout_of(3).lines[0]
        assert visible_text(text_field(view, view.render_line(0))) == aligned(view, first_line)


async def test_goto_with_an_offset_shows_the_line_holding_it() -> None:
    """goto_paragraph(offset=...) scrolls to the line showing a logical offset deep in a
    paragraph taller than the view (a search hit, a mention)."""
    document = load("news-07.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        tallest = max(range(len(document.paragraphs)), key=lambda i: len(view.layout_of(i).lines))
        lines = view.layout_of(tallest).lines
        assert len(lines) > 8
        target = lines[-2]
        view.goto_paragraph(tallest, offset=target.start + 1)
        await pilot.pause()
        assert view.current == tallest
        row = view.row_of(tallest) + len(lines) - 2 - view.scroll_offset.y
        assert 0 <= row < 6
        assert visible_text(text_field(view, view.render_line(row))) == aligned(view, target)
        view.goto_paragraph(tallest, top=True, offset=lines[3].start)
        await pilot.pause()
        assert view.scroll_offset.y == view.row_of(tallest) + 3


async def test_setting_current_scrolls_to_it() -> None:
    """Assigning `current` directly (as a screen may) also brings the paragraph into view."""
    document = load("news-07.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.current = 6
        await pilot.pause()
        y = view.scroll_offset.y
        assert y <= view.row_of(6) < y + 8
        assert view.current == 6
        assert app.changes == [6]


class OpeningApp(ArticleApp):
    """Opens the article at a remembered paragraph, before the view has a size."""

    def on_mount(self) -> None:
        """Go to paragraph 5 as soon as the screen is mounted."""
        self.query_one(ArticleView).goto_paragraph(5, top=True)


async def test_opening_at_a_remembered_paragraph() -> None:
    """goto_paragraph before the first frame: the first screen starts at that paragraph."""
    document = load("news-07.ar.txt")
    app = OpeningApp(document)
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.current == 5
        assert view.paragraph_at_top() == 5
        assert view.scroll_offset.y == view.row_of(5)


async def test_page_moves_a_screenful_and_current_follows() -> None:
    """page(1) scrolls by the view's height; the paragraph now at the top becomes current."""
    document = load("news-07.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.page(1)
        await pilot.pause()
        assert view.scroll_offset.y == 10
        assert view.current == view.paragraph_at_top() > 0
        view.page(-1)
        await pilot.pause()
        assert view.scroll_offset.y == 0
        assert view.current == 0
        for _ in range(50):
            view.page(1)
        await pilot.pause()
        assert view.current == len(document.paragraphs) - 1


def word_span(text: str, word: str, occurrence: int = 0) -> tuple[int, int]:
    """Logical offsets of the n-th occurrence of `word` in a paragraph's text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def highlighted_sources(view: ArticleView, paragraph: int, style: Style) -> set[tuple[int, int]]:
    """The source ranges of the cells drawn with `style`'s background, over all of a
    paragraph's rows (read from the screen, mapped through the engine's cell maps)."""
    lines = view.layout_of(paragraph).lines
    found: set[tuple[int, int]] = set()
    top = view.row_of(paragraph) - view.scroll_offset.y
    left = text_left(view)
    for number, line in enumerate(lines):
        cells = cells_of(view.render_line(top + number))
        pad = view.measure - line.width if line.rtl else 0
        for index, source in enumerate(line.cells):
            drawn = cells[left + pad + index][1]
            if drawn is not None and drawn.bgcolor == style.bgcolor:
                found.add(source)
    return found


async def test_search_highlight_lands_on_the_cells_of_its_span() -> None:
    """A search hit covers exactly the cells whose source overlaps its logical span."""
    document = load("news-01.ar.txt")
    text = document.paragraphs[2].text
    start, end = word_span(text, "الائتلاف", 1)
    app = ArticleApp(document)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights([Highlight(2, start, end, "search")])
        await pilot.pause()
        search = view.get_component_rich_style("article--search", partial=True)
        assert search.bgcolor is not None
        lines = view.layout_of(2).lines
        expected = {
            source
            for line in lines
            for source in line.cells
            if source[0] < end and start < source[1]
        }
        assert highlighted_sources(view, 2, search) == expected
        # «الائتلاف» is 8 letters in 6 cells: each of its two lam-alefs is one cell.
        assert len(expected) == 6
        assert "".join(text[s:e] for s, e in sorted(expected)) == "الائتلاف"


async def test_ligature_is_highlighted_when_one_of_its_letters_is() -> None:
    """A span starting at the alef of a lam-alef still lights the ligature's one cell."""
    document = load("news-01.ar.txt")
    text = document.paragraphs[2].text
    start, _ = word_span(text, "الائتلاف", 1)
    ligature = start + 1  # «لا» at offsets start+1, start+2
    app = ArticleApp(document)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights([Highlight(2, ligature + 1, ligature + 2, "current-search")])
        await pilot.pause()
        style = view.get_component_rich_style("article--current-search", partial=True)
        assert highlighted_sources(view, 2, style) == {(ligature, ligature + 2)}


async def test_wide_characters_are_highlighted_on_both_cells() -> None:
    """A wide (CJK) character is one chunk of two cells: a span covering it styles both, and
    its neighbours not at all."""
    text = "قال الأمن 中文 IGEF اليوم"
    start = text.index("中")
    app = ArticleApp(Document.from_text(text))
    async with app.run_test(size=(100, 6)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights([Highlight(0, start, start + 1, "search")])
        await pilot.pause()
        search = view.get_component_rich_style("article--search", partial=True)
        field = text_field(view, view.render_line(0))
        lit = [
            text for text, style in field if style is not None and style.bgcolor == search.bgcolor
        ]
        assert lit == ["中", ""]


async def test_styles_change_only_between_clusters_in_diacritised_text() -> None:
    """With highlights cutting through voweled words, no segment starts with a combining mark
    (a mark is never cut away from its base), and every hit's marks share its style."""
    document = load("diacritics-03.ar.txt")
    text = document.paragraphs[1].text
    rng = random.Random(7)
    highlights = []
    for _ in range(40):
        start = rng.randrange(len(text) - 5)
        highlights.append(Highlight(1, start, start + rng.randrange(1, 6), "PERSON"))
    app = ArticleApp(document)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights(highlights)
        await pilot.pause()
        person = view.get_component_rich_style("article--person", partial=True)
        styled = 0
        for strip in screen_rows(view):
            for segment in strip:
                assert segment.text == "" or get_character_cell_size(segment.text[0]) > 0
                if segment.style is not None and segment.style.color == person.color:
                    styled += 1
        assert styled > 5


async def test_highlight_kinds_have_distinct_styles() -> None:
    """Entity types are coloured; selected, search and current search are told apart."""
    document = Document.from_text(" ".join(["كلمة"] * 12))
    app = ArticleApp(document)
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        kinds = KINDS
        view.set_highlights([Highlight(0, 5 * i, 5 * i + 4, kind) for i, kind in enumerate(kinds)])
        await pilot.pause()
        styles = {style for _, style in text_field(view, view.render_line(0))}
        # one style per kind, plus the plain text's
        assert len(styles) == len(kinds) + 1
        selected = view.get_component_rich_style("article--selected", partial=True)
        assert selected.reverse or (selected.bold and selected.underline)
        search = view.get_component_rich_style("article--search", partial=True)
        assert search.bgcolor is not None and search.underline


def without_colour(style: Style) -> tuple[bool | None, ...]:
    """What is left of a style under NO_COLOR (which drops every colour)."""
    return (style.bold, style.italic, style.underline, style.reverse)


async def test_selection_and_search_survive_no_colour() -> None:
    """Without colour, the selected entity, search hits, the current hit and plain text still
    look different from each other (text styles, not only colours)."""
    app = ArticleApp(Document.from_text("كلمة"))
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        looks = [
            without_colour(view.get_component_rich_style(f"article--{kind}", partial=True))
            for kind in ("selected", "search", "current-search")
        ]
        looks.append(without_colour(view.visual_style.rich_style))
        assert len(set(looks)) == 4


async def test_every_cell_on_screen_is_highlighted_exactly_when_its_source_is() -> None:
    """Random spans over a fully diacritised text at a narrow width: each cell of each line on
    screen carries the highlight if and only if one of its source characters is in a span."""
    document = load("diacritics-01.ar.txt")
    rng = random.Random(11)
    spans: dict[int, list[tuple[int, int]]] = {}
    highlights = []
    for paragraph in range(6):
        text = document.paragraphs[paragraph].text
        for _ in range(8):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randrange(1, 12))
            spans.setdefault(paragraph, []).append((start, end))
            highlights.append(Highlight(paragraph, start, end, "search"))
    app = ArticleApp(document)
    async with app.run_test(size=(50, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights(highlights)
        await pilot.pause()
        search = view.get_component_rich_style("article--search", partial=True)
        checked = 0
        for paragraph in range(6):
            if view.row_of(paragraph) + len(view.layout_of(paragraph).lines) > 40:
                break
            expected = {
                source
                for line in view.layout_of(paragraph).lines
                for source in line.cells
                if any(s < source[1] and source[0] < e for s, e in spans[paragraph])
            }
            assert highlighted_sources(view, paragraph, search) == expected
            checked += 1
        assert checked >= 3


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_ansi_themes_keep_to_sixteen_colours(theme: str) -> None:
    """Under the ANSI themes every highlight colour is one of the terminal's 16 colours."""
    document = Document.from_text(" ".join(["كلمة"] * 12))
    app = ArticleApp(document)
    async with app.run_test(size=(100, 8)) as pilot:
        app.theme = theme
        await pilot.pause()
        view = app.query_one(ArticleView)
        kinds = KINDS
        view.set_highlights([Highlight(0, 5 * i, 5 * i + 4, kind) for i, kind in enumerate(kinds)])
        await pilot.pause()
        colours = [
            colour
            for _, style in cells_of(view.render_line(0))
            if style is not None
            for colour in (style.color, style.bgcolor)
            if colour is not None
        ]
        assert colours
        numbers = [colour.number for colour in colours if not colour.is_default]
        assert numbers  # the highlights are coloured at all
        assert all(number is not None and number < 16 for number in numbers)


async def test_switching_theme_redraws_cached_lines() -> None:
    """Lines drawn (and cached) under one theme are drawn again in the new theme's colours."""
    document = Document.from_text(" ".join(["كلمة"] * 4))
    app = ArticleApp(document)
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlights([Highlight(0, 0, 4, "PERSON")])
        await pilot.pause()
        before = {style.color for _, style in text_field(view, view.render_line(0)) if style}
        assert any(colour is not None and colour.number is None for colour in before)
        app.theme = "ansi-dark"
        await pilot.pause()
        after = {style.color for _, style in text_field(view, view.render_line(0)) if style}
        assert after != before
        assert all(
            colour is None or colour.is_default or colour.number is not None for colour in after
        )


async def test_unknown_highlight_kind_is_refused() -> None:
    """A misspelt kind is a programming error, said clearly."""
    app = ArticleApp(load("news-03.ar.txt"))
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        with pytest.raises(ValueError, match="ORG"):
            view.set_highlights([Highlight(0, 0, 3, "ORG")])


async def test_markup_in_the_document_is_shown_literally() -> None:
    """Text that looks like Textual/Rich markup is drawn as written, with no style or action."""
    document = Document.from_text("[bold]x[/bold]\n[@click=app.quit]q[/]\n[LOC] مدينة [/LOC]")
    app = ArticleApp(document)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        rows = [strip for strip in screen_rows(view) if visible_text(cells_of(strip)).strip()]
        assert "[bold]x[/bold]" in visible_text(cells_of(rows[0]))
        assert "[@click=app.quit]q[/]" in visible_text(cells_of(rows[1]))
        assert "[LOC]" in visible_text(cells_of(rows[2]))
        assert "[/LOC]" in visible_text(cells_of(rows[2]))
        for strip in rows:
            for segment in strip:
                style = segment.style
                assert style is None or not (style.bold or style.meta)
        await pilot.click(ArticleView, offset=(text_left(view) + 3, 2))
        await pilot.pause()
        assert app.is_running  # the "link" did not quit the app
        assert view.current == 1  # clicking a paragraph makes it current


async def test_resize_keeps_the_reading_position() -> None:
    """Re-wrapping on resize keeps the current paragraph, and the line holding the same logical
    offset, at the top of the view."""
    document = load("news-07.ar.txt")
    app = ArticleApp(document)
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.goto_paragraph(4, top=True)
        await pilot.pause()
        lines = view.layout_of(4).lines
        assert len(lines) >= 3
        view.scroll_to(y=view.row_of(4) + 2, animate=False)
        await pilot.pause()
        assert view.current == 4
        offset = lines[2].start  # the first logical character on the top row
        await pilot.resize_terminal(50, 10)
        await pilot.pause()
        assert view.measure < 80
        assert view.current == 4
        new_lines = view.layout_of(4).lines
        top = view.scroll_offset.y - view.row_of(4)
        assert 0 <= top < len(new_lines)
        line = new_lines[top]
        following = new_lines[top + 1].start if top + 1 < len(new_lines) else len(line.cells) + 1
        assert line.start <= offset < max(following, line.end)
        field = text_field(view, view.render_line(0))
        assert visible_text(field) == aligned(view, line)
        await pilot.resize_terminal(120, 10)
        await pilot.pause()
        assert view.current == 4
        top = view.scroll_offset.y - view.row_of(4)
        assert 0 <= top < len(view.layout_of(4).lines)


async def test_terminal_bidi_sends_logical_order() -> None:
    """bidi="terminal" draws the engine's logical-order lines (for terminals that reorder)."""
    document = load("news-03.ar.txt")
    app = ArticleApp(document, bidi="terminal")
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        text = document.paragraphs[0].text
        logical = layout_paragraph(text, 80, "auto", order="logical").lines[0]
        visual = layout_paragraph(text, 80).lines[0]
        assert logical.text != visual.text
        field = text_field(view, view.render_line(0))
        assert visible_text(field) == aligned(view, logical)


async def test_large_document_mounts_without_laying_out_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The 10 MB text: the first screen lays out a handful of paragraphs, not 20,000; going to
    the middle lays out only what is seen there."""
    calls: list[int] = []
    real = article_view.layout_paragraph

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(article_view, "layout_paragraph", counting)
    document = load("large-01.ar.txt")
    assert len(document.paragraphs) > 20_000
    app = ArticleApp(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        first = layout_paragraph(document.paragraphs[0].text, 80).lines[0]
        row = view.render_line(0)
        assert visible_text(text_field(view, row)) == aligned(view, first)
        assert 0 < len(calls) <= 30
        assert view.virtual_size.height > len(document.paragraphs)  # estimated, not laid out
        middle = len(document.paragraphs) // 2
        view.goto_paragraph(middle, top=True)
        await pilot.pause()
        assert view.paragraph_at_top() == middle
        assert len(calls) <= 60
        text = document.paragraphs[middle].text
        expected = layout_paragraph(text, 80).lines[0]
        assert visible_text(text_field(view, view.render_line(0))) == aligned(view, expected)


async def test_empty_document_draws_blank_rows() -> None:
    """A document with no paragraphs shows an empty view and moves nowhere."""
    app = ArticleApp(Document.from_text("\n \n"))
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.goto_paragraph(3)
        view.page(1)
        assert view.current == 0
        assert all(visible_text(cells_of(strip)).strip() == "" for strip in screen_rows(view))


def _replayed(
    heights: list[int], changes: list[tuple[int, int]]
) -> Iterator[tuple[RowIndex, list[int]]]:
    """A row index of `heights` and a plain list of them, as built and after each height change
    (those naming a paragraph that exists) given to both."""
    index = RowIndex(heights)
    plain = list(heights)
    yield index, plain
    for paragraph, height in changes:
        if paragraph < len(plain):
            index.set_height(paragraph, height)
            plain[paragraph] = height
        yield index, plain


@given(
    st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(1, 9)), max_size=20),
)
def test_row_index_matches_plain_prefix_sums(
    heights: list[int], changes: list[tuple[int, int]]
) -> None:
    """The Fenwick row index agrees with a plain list of heights through any updates."""
    *_, (index, plain) = _replayed(heights, changes)
    starts = []
    row = 0
    for height in plain:
        starts.append(row)
        row += height + 1
    assert [index.start(i) for i in range(len(plain))] == starts
    assert index.total == row - 1
    for paragraph, start in enumerate(starts):
        for within in range(plain[paragraph] + 1):
            assert index.locate(start + within) == (paragraph, within)
    assert index.locate(row + 5)[0] == len(plain) - 1


def test_row_index_keeps_4_bytes_a_paragraph() -> None:
    """The Fenwick tree alone, of 4-byte integers (one word a line is hundreds of thousands of
    paragraphs): 4 bytes a paragraph, where 8-byte blocks beside an 8-byte tree took 16."""
    words = (TEXTS / "large-01.ar.txt").read_text("utf-8")[:600_000].split()
    heights = list(estimate_heights(words, 8))  # one word a line, 8 cells wide: 1 to 3 lines
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = RowIndex(heights)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert index.total == sum(heights) + len(heights) - 1
    assert kept < 5 * len(heights), f"{kept / len(heights):.1f} bytes a paragraph"


@given(
    st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=70),
    st.lists(st.tuples(st.integers(0, 69), st.integers(0, 9)), max_size=20),
)
def test_row_index_reads_each_height_back_through_any_updates(
    heights: list[int], changes: list[tuple[int, int]]
) -> None:
    """Each paragraph's height, read from the tree alone, is the one last given."""
    for index, plain in _replayed(heights, changes):
        assert [index.height(p) for p in range(len(plain))] == plain
    assert len(index) == len(plain)
