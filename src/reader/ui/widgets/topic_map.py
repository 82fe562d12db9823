"""The topic map: a narrow column beside the article picturing the whole document, top to bottom,
each row in the colour (and with the letter) of the theme that fills that stretch of text.

The column is the document scaled to its height (`reader.ui.topic_legend.scale`), so a reader
sees at a glance where each theme lives, in a news article as in the 10 MB document; the rows
standing for the current paragraph carry the article's marker. It is computed from the
per-paragraph themes the topic worker found and the paragraphs' lengths, once per size, and only
the rows on screen are drawn. Until the themes arrive (or when there are none) the column is
blank, so it never delays the first screen. Clicking a row posts `Jump` with the first
paragraph it stands for.

Colour is never the only sign: the first row of each band shows its theme's letter, and with
`NO_COLOR` every row does, so the bands read as columns of letters (the legend in the Topics tab
pairs letters and labels). Letters are drawn through the layout engine, like all text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from reader.text.document import Paragraph, paragraph_lengths
from reader.ui.labels import fit
from reader.ui.topic_legend import (
    OTHER,
    MapRow,
    Swatch,
    palette,
    row_of,
    scale,
    swatch_style,
)
from reader.ui.widgets.article_view import MARKER

WIDTH = 3
"""Cells: the current-paragraph marker, then the band (a letter cell and a colour cell)."""


class TopicMap(Widget):
    """The whole document as one column of theme colours, with the current paragraph marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"topic-map--marker", "topic-map--other"}
    """The marker (the article's accent) and the dot of themes without a colour of their own."""

    DEFAULT_CSS = """
    TopicMap { width: 3; height: 1fr; }
    TopicMap .topic-map--marker { color: $accent; }
    TopicMap .topic-map--other { color: $text-muted; }
    """

    current: reactive[int] = reactive(0, init=False, repaint=False)
    """The paragraph being read (its rows carry the marker). Setting it repaints only the rows
    the marker leaves and comes to (`watch_current`): repainting the column on every key made
    each frame redraw the whole screen (the dirty regions' union spans it)."""

    class Jump(Message):
        """The reader clicked a row of the map: go to `paragraph`."""

        def __init__(self, paragraph: int) -> None:
            """`paragraph` is the first paragraph the clicked row stands for."""
            super().__init__()
            self.paragraph = paragraph

    def __init__(self, paragraphs: Sequence[Paragraph], *, id: str | None = None) -> None:
        """A blank map of the document of these `paragraphs`."""
        super().__init__(id=id)
        self._paragraphs = paragraphs
        self._themes: Sequence[int | None] = ()
        self._swatches: Sequence[Swatch] = ()
        self._rows: list[MapRow] = []
        self._rows_height = -1
        self._styles: dict[int, RichStyle] = {}
        self._glyphs: dict[str, str] = {}
        self._generation = 0  # counts the row computations (what `_marked` is cached for)
        self._marked_key: tuple[int, int] = (-1, -1)
        self._marked_rows = range(0)
        self._strips: dict[int, Strip] = {}  # drawn rows, kept until the rows or styles change
        self._strip_marked: dict[int, bool] = {}

    def show(self, themes: Sequence[int | None], swatches: Sequence[Swatch]) -> None:
        """Picture `themes` (each paragraph's main theme, a position into `swatches`)."""
        self._themes = themes
        self._swatches = swatches
        self._rows_height = -1
        self.refresh()

    @property
    def rows(self) -> list[MapRow]:
        """The rows at the current height (empty until themes are shown)."""
        height = self.content_size.height
        if height != self._rows_height:
            self._rows_height = height
            self._rows = []
            if self._themes:  # lengths read again for each height, not kept (4 bytes a paragraph)
                self._rows = scale(paragraph_lengths(self._paragraphs), self._themes, height)
            self._generation += 1
            self._strips.clear()
        return self._rows

    def cell_text(self, y: int) -> str:
        """The band's two cells on row `y`, as drawn (what a test reads)."""
        return self._band(y)[0]

    def watch_current(self, old: int, new: int) -> None:
        """Move the marker: redraw only the rows it leaves and the rows it comes to (a key
        press must not redraw the whole column)."""
        rows = self.rows
        if not rows:
            return
        for y in {*row_of(rows, old), *row_of(rows, new)}:
            self._strips.pop(y, None)
            self.refresh(Region(0, y, WIDTH, 1))

    def notify_style_update(self) -> None:
        """A theme change (ANSI or not) changes the colours."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def on_click(self, event: events.Click) -> None:
        """Go to the stretch of text the clicked row stands for."""
        rows = self.rows
        if 0 <= event.y < len(rows):
            self.post_message(self.Jump(rows[event.y].first))

    def render_line(self, y: int) -> Strip:
        """Row `y`: the marker if it stands for the current paragraph, then the band."""
        base = self.visual_style.rich_style
        rows = self.rows
        if not rows or y >= len(rows):
            return Strip.blank(WIDTH, base)
        marked = y in self._marked(rows)
        strip = self._strips.get(y)
        if strip is None or self._strip_marked.get(y) != marked:
            marker = Segment(
                MARKER if marked else " ",
                base + self.get_component_rich_style("topic-map--marker", partial=True),
            )
            text, style = self._band(y)
            strip = self._strips[y] = Strip([marker, Segment(text, base + style)], WIDTH)
            self._strip_marked[y] = marked
        return strip

    def _marked(self, rows: list[MapRow]) -> range:
        """The rows standing for the current paragraph (found once per frame, not per row)."""
        key = (self._generation, self.current)
        if self._marked_key != key:
            self._marked_key, self._marked_rows = key, row_of(rows, self.current)
        return self._marked_rows

    def _band(self, y: int) -> tuple[str, RichStyle]:
        """The band's text and style on row `y`."""
        rows = self.rows
        if y >= len(rows) or rows[y].theme is None:
            return "  ", RichStyle()
        theme = rows[y].theme
        assert theme is not None
        swatch = self._swatches[theme]
        if swatch.slot is None:
            return OTHER + " ", self.get_component_rich_style("topic-map--other", partial=True)
        starts = y == 0 or rows[y - 1].theme != theme
        letter = self._glyph(swatch.letter) if starts or self.app.no_color else " "
        return letter + " ", self._slot_style(swatch.slot)

    def _glyph(self, letter: str) -> str:
        """`letter` as the layout engine draws it in one cell."""
        glyph = self._glyphs.get(letter)
        if glyph is None:
            glyph = self._glyphs[letter] = fit(letter, 1).plain
        return glyph

    def _slot_style(self, slot: int) -> RichStyle:
        """The colour of `slot` in the app's theme (ANSI colours in the ANSI themes)."""
        style = self._styles.get(slot)
        if style is None:
            colours = palette(self.app.current_theme.ansi, self.app.console.color_system)
            style = self._styles[slot] = Style.parse(swatch_style(slot, colours)).rich_style
        return style
