"""The article itself: shaped, right-to-left paragraphs drawn line by line, fast for any length.

`ArticleView` is a Line-API widget (`ScrollView.render_line` returning `Strip`s), modelled on
Toolong's `log_lines.py`: nothing is laid out until it is about to be seen. Paragraph heights
start as estimates from their length and are replaced by the real number of lines when a
paragraph is laid out (`reader.ui.widgets.rows` keeps them and turns a screen row into a
paragraph and back). Rendered lines live in an LRU cache.

A structured document's blocks are set by `reader.layout.blocks`: a heading is bold with room
before it, a quote is indented with a bar beside every line, a list item has its bullet on the
reading-start side (the right, for Arabic), a preformatted line is never wrapped (what does not
fit the measure is cut at its far edge). The decoration sits beside the text, never in it, so the
text's cells and their logical offsets are the same as for any paragraph.

Everything drawn comes from `reader.layout.layout_paragraph`: its `VisualLine.text` is what the
terminal gets, and its `cells` say which logical characters each cell shows, which is how
highlights (entities, the selected entity, search hits, topics; `reader.ui.highlights`) land on
cells. Nothing is ever
searched for in visual text, and document text is never markup: strips are built from
`Segment(text, style)` only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.layout import Direction, ParagraphLayout, VisualLine, layout_paragraph
from reader.layout.blocks import PLAIN, BlockStyle, block_style, indent_cells
from reader.layout.pieces import WrappedLines
from reader.text.document import Document, paragraph_texts
from reader.ui.highlights import KINDS, Highlight, HighlightMasks, component_class, kinds_of
from reader.ui.widgets.rows import RowIndex, estimate_heights

__all__ = ["MARKER", "ArticleView", "cell_chunks"]

MARKER = "▍"
"""Drawn at the reading edge of every line of the current paragraph."""
_GUTTER = 2
"""Cells on each side of the measure: the marker and a space between it and the text."""


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where the measure sits in the widget: a left margin, the gutters and the text field."""

    width: int
    """The widget's drawable width in cells."""
    margin: int
    """Blank cells left of the left gutter."""
    gutter: int
    """Cells of each gutter (the marker and a space), 0 in very narrow widgets."""
    measure: int
    """Width of the text field: what paragraphs are wrapped to."""

    @classmethod
    def fit(cls, width: int, measure: int) -> _Frame:
        """Centre a measure of at most `measure` cells, with its gutters, in `width` cells."""
        gutter = _GUTTER if width >= 2 * _GUTTER + 8 else 0
        text = max(1, min(measure, width - 2 * gutter))
        margin = max(0, (width - text - 2 * gutter) // 2)
        return cls(width, margin, gutter, text)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A reading position to restore: the line holding `offset` of `paragraph` at screen `row`."""

    paragraph: int
    offset: int
    row: int


def _line_holding(lines: Sequence[VisualLine], offset: int) -> int:
    """The index of the line that shows logical `offset` (the last line starting at or before
    it; lines hold consecutive logical ranges)."""
    if isinstance(lines, WrappedLines):  # a long paragraph's: its starts, no line made
        return max(0, bisect_right(lines.starts, offset) - 1)
    return max(0, bisect_right([line.start for line in lines], offset) - 1)


def cell_chunks(line: VisualLine) -> list[tuple[str, int, int]]:
    """Split a visual line's text into what each cell (or wide pair of cells) shows.

    Returns `(text, first_cell, cells)` triples, left to right: a base character with the marks
    after it, a lam-alef ligature, or a wide character (two cells). Styles are only ever changed
    between chunks, so a mark is never cut from its base.
    """
    chunks: list[tuple[str, int, int]] = []
    cell = 0
    pending = ""  # zero-width characters before any base (not produced by the engine)
    for char in line.text:
        size = get_character_cell_size(char)
        if size == 0:
            if chunks:
                text, first, cells = chunks[-1]
                chunks[-1] = (text + char, first, cells)
            else:
                pending += char
            continue
        chunks.append((pending + char, cell, size))
        pending = ""
        cell += size
    if pending:  # nothing but zero-width characters: keep them, drawn in no cell of their own
        chunks.append((pending, cell, 0))
    return chunks


class ArticleView(ScrollView, can_focus=True):
    """The article's paragraphs, laid out lazily, with the current paragraph marked."""

    INHERIT_BINDINGS: ClassVar[bool] = False
    BINDINGS: ClassVar[list[BindingType]] = []
    """No keys of its own: the screen owns the reading keys (remappable by id), and the scroll
    keys a ScrollView inherits (left/right above all, meaningless in RTL) must not shadow them.
    Mouse wheel and scrollbar scroll; `page`/`goto_paragraph` are the keyboard's way in."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(component_class(kind) for kind in KINDS),
        "article--marker",
        "article--title",
        "article--byline",
        "article--heading",
        "article--quote",
        "article--preformatted",
        "article--block-mark",
    }
    """One class per highlight kind, the current-paragraph marker, the block kinds that look
    different from a paragraph, and the marks beside blocks (bullets, quote bars)."""

    DEFAULT_CSS = """
    /* Theme variables only, so ansi-dark/ansi-light keep to the terminal's own colours. Where
       colours are few (16 or 8: pastel theme colours all fall to white or grey there) or none
       (NO_COLOR), the app has the class -few-colours and every entity type also has its own
       text style (reader.tcss, outside this widget's scope). Never italics: terminals such as
       Konsole draw italic Arabic letters unjoined. DATE shares the accent colour with another
       type in some themes, so it is also underlined where colours are many. */
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    ArticleView .article--person { color: $text-secondary; }
    ArticleView .article--location { color: $text-success; }
    ArticleView .article--organization { color: $text-warning; }
    ArticleView .article--event { color: $text-error; }
    ArticleView .article--date { color: $text-accent; text-style: underline; }
    ArticleView .article--misc { color: $text-primary; }
    ArticleView .article--topic { background: $primary-muted; }
    ArticleView .article--selected { text-style: reverse bold; }
    ArticleView .article--search { background: $warning-muted; text-style: underline; }
    ArticleView .article--current-search {
        background: $accent;
        color: $background;
        text-style: bold underline;
    }
    ArticleView .article--marker { color: $accent; }
    ArticleView .article--title { text-style: bold; }
    ArticleView .article--byline { color: $text-muted; }
    ArticleView .article--heading { text-style: bold; }
    ArticleView .article--quote { color: $text-muted; }
    ArticleView .article--preformatted { color: $text-secondary; }
    ArticleView .article--block-mark { color: $text-accent; }
    """

    current: reactive[int] = reactive(0, init=False)
    """The paragraph being read: marked with ▍ at its reading edge on every line."""

    class CurrentChanged(Message):
        """The current paragraph changed (by a key, a click, paging or scrolling past it)."""

        def __init__(self, article_view: ArticleView, paragraph: int) -> None:
            """Say which view and which paragraph."""
            super().__init__()
            self.article_view = article_view
            self.paragraph = paragraph

        @property
        def control(self) -> ArticleView:
            """The view whose current paragraph changed."""
            return self.article_view

    def __init__(
        self,
        document: Document,
        *,
        measure: int = 80,
        direction: Direction = "auto",
        bidi: Literal["app", "terminal"] = "app",
        id: str | None = None,
    ) -> None:
        """Show `document`, wrapped to at most `measure` cells, centred in wide widgets.

        `direction` forces every paragraph's base direction (default: each paragraph's first
        strong character). `bidi="terminal"` sends logical order for terminals that reorder.
        """
        super().__init__(id=id)
        self.document = document
        self._texts = paragraph_texts(document.paragraphs)  # no copy of the text
        self._structured = document.source_format != "text"
        self._measure = max(1, measure)
        self._direction: Direction = direction
        self._bidi = bidi
        self._frame: _Frame | None = None
        self._rows = RowIndex([])
        self._measured = bytearray()
        self._layouts: LRUCache[int, ParagraphLayout] = LRUCache(1024)
        self._strips: LRUCache[tuple[int, int, bool], Strip] = LRUCache(2048)
        self._highlights = HighlightMasks()
        self._styles: dict[tuple[int, Style], Style] = {}
        self._anchor: _Anchor | None = None
        self._following = False
        self.layout_count = 0
        """How many paragraphs were laid out (a measure of laziness, for tests and benchmarks)."""

    # Public API

    def validate_current(self, index: int) -> int:
        """Keep the current paragraph inside the document."""
        return max(0, min(index, len(self._texts) - 1))

    def watch_current(self, old: int, new: int) -> None:
        """Bring the new current paragraph into view (unless scrolling chose it), tell the
        screen, and redraw the marker."""
        if not self._following:
            self._reveal(new)
        self.post_message(self.CurrentChanged(self, new))
        self.refresh()

    def goto_paragraph(self, index: int, *, top: bool = False, offset: int | None = None) -> None:
        """Make `index` the current paragraph and scroll so that it is visible.

        With `top`, its first line (or the line holding `offset`) goes to the top of the view;
        otherwise the view scrolls as little as it can (a paragraph taller than the view starts
        at the top). With `offset`, the line showing that logical offset is what must be seen
        (for a search hit or a mention deep in a long paragraph).
        """
        if not self._texts:
            return
        index = self.validate_current(index)
        self._reveal(index, top=top, offset=offset)
        self._choose(index)

    def return_to(self, index: int, y: float) -> None:
        """Go back to a place remembered earlier: the view scrolled to `y`, `index` current
        (as the search does when the reader backs out of it with escape)."""
        if not self._texts:
            return
        self.scroll_to(
            y=max(0, min(y, self.max_scroll_y)), animate=False, immediate=True, force=True
        )
        self._choose(self.validate_current(index))

    def _choose(self, index: int) -> None:
        """Make `index` current without scrolling (it was just brought into view, or is on
        screen already)."""
        self._following = True
        try:
            self.current = index
        finally:
            self._following = False

    def _reveal(self, index: int, *, top: bool = False, offset: int | None = None) -> None:
        """Scroll as little as needed for paragraph `index` (or its line holding `offset`) to be
        on screen; with `top`, put it at the top."""
        if not self._settle(follow=False):
            self._anchor = _Anchor(index, offset or 0, 0)
            return
        lines = self._lay_out(index).lines
        view = self._view_height
        y = self.scroll_offset.y
        if offset is None:
            first = self._rows.start(index)
            if top or first < y or len(lines) >= view:
                self._anchor = _Anchor(index, 0, 0)
            elif first + len(lines) > y + view:
                self._anchor = _Anchor(index, lines[-1].start, view - 1)
        else:
            line = lines[_line_holding(lines, offset)]
            row = self._rows.start(index) + _line_holding(lines, offset)
            if top or row < y:
                self._anchor = _Anchor(index, line.start, 0)
            elif row >= y + view:
                self._anchor = _Anchor(index, line.start, view - 1)
        self._settle(follow=False)
        self.refresh()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Replace every highlight. Only the lines of paragraphs whose highlights changed are
        forgotten, and the view is drawn again only when one of them is on screen.

        While entities stream in, the screen hands the highlights over every few tenths of a
        second, mostly changed off screen. Drawing every line again each time left the old
        lines behind as reference cycles (a `Strip` refers to itself through its caches), and
        the entity worker's `gc.freeze` made those it caught immortal, more the longer the
        document."""
        changed = self._highlights.replace(highlights)
        if not changed:
            return
        cached = self._strips.keys()  # an LRU cache, not a dict: no iteration of its own
        for key in [key for key in cached if key[0] in changed]:
            self._strips.discard(key)
        if self._frame is None or not self._texts:
            self.refresh()
            return
        first, _ = self._rows.locate(self.scroll_offset.y)
        last = self._last_visible()
        if any(first <= paragraph <= last for paragraph in changed):
            self.refresh()

    def page(self, pages: int) -> None:
        """Scroll by `pages` screenfuls (negative: back); the current paragraph follows to the
        one at the top (or the last one, paging down at the end)."""
        if not self._texts or self._frame is None:
            return
        self._settle()
        before = self.scroll_offset.y
        target = max(0, min(before + pages * self._view_height, self.max_scroll_y))
        self.scroll_to(y=target, animate=False, immediate=True, force=True)
        self._settle(follow=False)
        if self.scroll_offset.y == before and pages > 0:
            self._choose(self._last_visible())
        elif self.scroll_offset.y == before and pages < 0:
            self._choose(0)
        else:
            self._choose(self.paragraph_at_top())
        self.refresh()

    def paragraph_at_top(self) -> int:
        """The paragraph whose text is on the top row (the next one if that row is blank)."""
        if not self._texts:
            return 0
        paragraph, row = self._rows.locate(self.scroll_offset.y)
        if row >= self._rows.height(paragraph) and paragraph + 1 < len(self._texts):
            return paragraph + 1
        return paragraph

    def layout_of(self, paragraph: int) -> ParagraphLayout:
        """The paragraph laid out at the current measure (what is, or would be, on screen)."""
        self._settle()
        return self._lay_out(paragraph)

    def row_of(self, paragraph: int) -> int:
        """The virtual row of the paragraph's first line (subtract `scroll_offset.y` for the
        screen row)."""
        return self._rows.start(paragraph)

    @property
    def measure(self) -> int:
        """The width paragraphs are wrapped to now (at most the `measure` asked for)."""
        return self._frame.measure if self._frame is not None else self._measure

    # Layout and positions

    @property
    def _view_height(self) -> int:
        """Rows of text on screen."""
        return max(1, self.scrollable_content_region.height)

    def _drawable_width(self) -> int:
        """The widget's width for text, as if the scrollbar were always shown (so that it
        appearing or disappearing never re-wraps the article)."""
        width = self.scrollable_content_region.width
        if not self.show_vertical_scrollbar:
            width -= self.styles.scrollbar_size_vertical
        return max(1, width)

    def _lay_out(self, paragraph: int) -> ParagraphLayout:
        """Lay out one paragraph at the current measure (cached), recording its real height."""
        layout = self._layouts.get(paragraph)
        if self._frame is None:
            raise RuntimeError("the article view has no size yet")
        if layout is None:
            style = self._style(paragraph)
            width = max(1, self.measure - style.indent) if style.wrap else None
            if self._bidi == "terminal":
                layout = layout_paragraph(
                    self._texts[paragraph], width, self._direction, order="logical"
                )
            else:
                layout = layout_paragraph(self._texts[paragraph], width, self._direction)
            lead = self._lead(paragraph, style)
            if lead:  # room before a heading: blank lines that show no text
                spacer = VisualLine("", (), 0, 0, layout.rtl)
                layout = replace(layout, lines=(spacer,) * lead + tuple(layout.lines))
            self.layout_count += 1
            self._layouts.set(paragraph, layout)
        if not self._measured[paragraph]:
            self._measured[paragraph] = 1
            self._rows.set_height(paragraph, len(layout.lines))
        return layout

    def _style(self, paragraph: int) -> BlockStyle:
        """How the paragraph's block is set (plain text: nothing added)."""
        if not self._structured:
            return PLAIN
        block = self.document.paragraphs[paragraph]
        return block_style(block.kind, block.level, block.text)

    @staticmethod
    def _lead(paragraph: int, style: BlockStyle) -> int:
        """Blank lines drawn before the paragraph's text (none at the top of the article)."""
        return style.space_before if paragraph > 0 else 0

    def _rewrap(self, frame: _Frame) -> None:
        """Take a new frame: keep the reading position, forget every layout, re-estimate."""
        old = self._frame
        if old is not None and old.measure == frame.measure:
            self._frame = frame
            self._strips.clear()
            return
        if self._anchor is None and self._texts:
            # The first frame opens at the current paragraph (set before the view had a size).
            self._anchor = (
                self._reading_position() if old is not None else _Anchor(self.current, 0, 0)
            )
        self._frame = frame
        self._layouts.clear()
        self._strips.clear()
        self._measured = bytearray(len(self._texts))
        self._rows = RowIndex(estimate_heights(self._texts, frame.measure))

    def _reading_position(self) -> _Anchor:
        """Where the reader is, in logical terms: the first visible line of the current
        paragraph (or of the top paragraph, if the current one is off screen) and its row."""
        y = self.scroll_offset.y
        view = self._view_height
        current = self.current
        first = self._rows.start(current)
        lines = self._lay_out(current).lines
        if first < y + view and first + len(lines) > y:
            line = max(0, y - first)
            return _Anchor(current, lines[line].start, first + line - y)
        paragraph, line = self._rows.locate(y)
        lines = self._lay_out(paragraph).lines
        line = min(line, len(lines) - 1)
        return _Anchor(paragraph, lines[line].start, 0)

    def _settle(self, *, follow: bool = True) -> bool:
        """Make sure the paragraphs on screen are laid out and positions are real.

        Called before drawing and by the scrolling API: takes a new width into account, restores
        a pending anchor, lays out what is visible (refining heights), updates the virtual size
        and (with `follow`) keeps the current paragraph on screen. Returns False while the widget
        has no size.
        """
        region = self.scrollable_content_region
        if not self._texts or region.width < 1 or region.height < 1:
            return False
        frame = _Frame.fit(self._drawable_width(), self._measure)
        if frame != self._frame:
            self._rewrap(frame)
        view = self._view_height
        if self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            self._apply_anchor(anchor, view)
        for _ in range(64):
            y = self.scroll_offset.y
            grew = self._measure_rows(y, view)
            self._update_virtual_size()
            if y > self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True, force=True)
                continue
            if not grew:
                break
        if follow:
            self._follow_current(view)
        return True

    def _apply_anchor(self, anchor: _Anchor, view: int) -> None:
        """Scroll so that the line holding `anchor.offset` sits at `anchor.row`."""
        lines = self._lay_out(anchor.paragraph).lines
        line = _line_holding(lines, anchor.offset)
        row = max(0, min(anchor.row, view - 1))
        above = row - line
        paragraph = anchor.paragraph
        while above > 0 and paragraph > 0:
            paragraph -= 1
            above -= len(self._lay_out(paragraph).lines) + 1
        self._measure_rows(self._rows.start(anchor.paragraph), view)
        self._update_virtual_size()
        target = self._rows.start(anchor.paragraph) + line - row
        self.scroll_to(
            y=max(0, min(target, self.max_scroll_y)), animate=False, immediate=True, force=True
        )

    def _measure_rows(self, y: int, view: int) -> bool:
        """Lay out every paragraph with a row in `[y, y + view)`; True if any was new."""
        grew = False
        paragraph, _ = self._rows.locate(y)
        while paragraph < len(self._texts) and self._rows.start(paragraph) < y + view:
            if not self._measured[paragraph]:
                grew = True
                self._lay_out(paragraph)
            paragraph += 1
        return grew

    def _update_virtual_size(self) -> None:
        """Tell the scrollbars how tall the article is now."""
        size = Size(self.scrollable_content_region.width, self._rows.total)
        if size != self.virtual_size:
            self.virtual_size = size

    def _last_visible(self) -> int:
        """The last paragraph with a row on screen."""
        paragraph, _ = self._rows.locate(self.scroll_offset.y + self._view_height - 1)
        return paragraph

    def _follow_current(self, view: int) -> None:
        """When scrolling leaves the current paragraph off screen, the top one becomes current."""
        y = self.scroll_offset.y
        first = self._rows.start(self.current)
        if first >= y + view or first + self._rows.height(self.current) <= y:
            self._choose(self.paragraph_at_top())

    # Events

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap (keeping the reading position) before the next frame is drawn."""
        self._settle()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Clicking a paragraph makes it current."""
        if not self._texts:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        paragraph, row = self._rows.locate(self.scroll_offset.y + offset.y)
        if row < self._rows.height(paragraph):
            self._choose(paragraph)  # on screen already: no scrolling under the mouse

    def notify_style_update(self) -> None:
        """A theme or CSS change: forget styles and drawn lines."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # Drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        """Settle positions once per frame, then draw the lines asked for."""
        self._settle()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Draw screen row `y`: a paragraph's visual line, or a blank line."""
        frame = self._frame
        width = self.scrollable_content_region.width
        base = self.visual_style.rich_style
        if frame is None or not self._texts:
            return Strip.blank(width, base)
        paragraph, row = self._rows.locate(self.scroll_offset.y + y)
        if row >= self._rows.height(paragraph):
            return Strip.blank(width, base)
        current = paragraph == self.current
        key = (paragraph, row, current)
        strip = self._strips.get(key)
        if strip is None:
            layout = self._lay_out(paragraph)
            if row >= len(layout.lines):  # an estimate not yet refined: drawn next frame
                return Strip.blank(width, base)
            strip = self._draw(frame, paragraph, row, layout.lines[row], current, base)
            self._strips.set(key, strip)
        return strip.adjust_cell_length(width, base)

    def _draw(
        self,
        frame: _Frame,
        paragraph: int,
        row: int,
        line: VisualLine,
        current: bool,
        base: Style,
    ) -> Strip:
        """One visual line inside the frame: margin, gutter, the block's indent on the reading
        side, the aligned text, gutter, margin. Blank lead lines (before a heading) show only
        the margins."""
        style = self._style(paragraph)
        lead = self._lead(paragraph, style)
        if row < lead:
            return Strip.blank(frame.width, base)
        room = max(1, frame.measure - style.indent)
        free = max(0, room - line.width)
        before, after = (free, 0) if line.rtl else (0, free)
        text_base = base + self._block_style(paragraph)
        text = list(self._text_segments(paragraph, line, text_base))
        if line.width > room:  # an unwrapped preformatted line: cut at its far edge
            cut = Strip(text, line.width)
            text = list(cut.crop(line.width - room, line.width) if line.rtl else cut.crop(0, room))
        mark = indent_cells(style, row == lead, line.rtl)
        indent = Segment(mark, base + self._kind_style("article--block-mark")) if mark else None
        segments: list[Segment] = [Segment(" " * frame.margin, base)]
        marker = Segment(MARKER, base + self._kind_style("article--marker"))
        blank = Segment(" ", base)
        if frame.gutter:
            segments += [marker if current and not line.rtl else blank, blank]
        if indent is not None and not line.rtl:
            segments.append(indent)
        segments.append(Segment(" " * before, base))
        segments.extend(text)
        segments.append(Segment(" " * after, base))
        if indent is not None and line.rtl:
            segments.append(indent)
        if frame.gutter:
            segments += [blank, marker if current and line.rtl else blank]
        used = frame.margin + 2 * frame.gutter + frame.measure
        segments.append(Segment(" " * max(0, frame.width - used), base))
        return Strip([segment for segment in segments if segment.text]).simplify()

    def _block_style(self, paragraph: int) -> Style:
        """The text style of the paragraph's block kind (none for a plain paragraph)."""
        if not self._structured:
            return Style()
        kind = self.document.paragraphs[paragraph].kind
        if kind in ("title", "byline", "heading", "quote", "preformatted"):
            return self._kind_style(f"article--{kind}")
        return Style()

    def _text_segments(self, paragraph: int, line: VisualLine, base: Style) -> Iterable[Segment]:
        """The line's text as segments, styled by the highlights its cells show."""
        mask = self._mask(paragraph)
        if mask is None:
            yield Segment(line.text, base)
            return
        chunks = cell_chunks(line)
        if sum(cells for _, _, cells in chunks) != line.width:  # never expected from the engine
            yield Segment(line.text, base)
            return
        run_text: list[str] = []
        run_bits = 0
        for text, first, cells in chunks:
            start, end = line.cells[first] if cells else (0, 0)
            bits = 0
            for offset in range(start, min(end, len(mask))):
                bits |= mask[offset]
            if bits != run_bits and run_text:
                yield Segment("".join(run_text), self._highlight_style(run_bits, base))
                run_text = []
            run_bits = bits
            run_text.append(text)
        if run_text:
            yield Segment("".join(run_text), self._highlight_style(run_bits, base))

    def _mask(self, paragraph: int) -> list[int] | None:
        """Per logical character of the paragraph, the bits of the highlight kinds covering it."""
        return self._highlights.mask(paragraph, len(self._texts[paragraph]))

    def _kind_style(self, component: str) -> Style:
        """A component class's partial style (only what its CSS sets)."""
        return self.get_component_rich_style(component, partial=True)

    def _highlight_style(self, bits: int, base: Style) -> Style:
        """The base style with every highlight kind in `bits` applied, weakest first."""
        style = self._styles.get((bits, base))
        if style is None:
            style = base
            for kind in kinds_of(bits):
                style += self._kind_style(component_class(kind))
            self._styles[bits, base] = style
        return style
