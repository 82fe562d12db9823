"""The search bar: `find`, an input for the query, and the hit counter.

Textual's `Input` shows what is typed in logical order and unshaped, which for Arabic is wrong
(letters unjoined, words left to right); the bar's `ShapedInput` draws it through the layout
engine instead, with a cursor that does not blink (always visible), so the query is shown once,
where it is typed: an Arabic query reads from the input's right end, beside the counter.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from reader.config import Language
from reader.ui.labels import fit, interface_direction
from reader.ui.widgets.shaped_input import ShapedInput
from reader.ui.words import word

Finder = Callable[[str], list[tuple[int, int, int]]]
"""Finds a query's hits: (paragraph, start, end) in reading order."""
SEARCH_DELAY = 0.15
"""Seconds after the last key typed before the search runs."""
MAX_QUERY = 200
"""The longest query kept (characters): each key echoes and shapes the whole query, so a paste of
100 KB, which may arrive as one key per character, would cost its length squared; longer text is
cut here, and no search needs more."""


class SearchBar(Horizontal):
    """`find [query input] 3/12`: hidden until the reader presses `/`."""

    class HitsFound(Message):
        """The hits of `query`, found in a worker a moment after the last key (a one-letter
        search of a 10 MB article takes seconds: typing never waits for it). An empty query
        comes at once, with no hits. The receiver checks `query` is still the one typed."""

        def __init__(self, query: str, hits: list[tuple[int, int, int]]) -> None:
            """`hits` as (paragraph, start, end) in reading order."""
            super().__init__()
            self.query = query
            self.hits = hits

    class Submitted(Message):
        """The reader pressed enter: keep the search and go back to the article."""

        def __init__(self, query: str) -> None:
            """`query` is the text in the input, logical order."""
            super().__init__()
            self.query = query

    def __init__(self, language: Language, find: Finder, *, id: str | None = None) -> None:
        """An empty search bar speaking `language`; `find(query)` returns the hits (pure: it
        runs in a worker thread)."""
        super().__init__(id=id)
        self._language: Language = language
        self._find = find
        self._summary = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """The word `find`, the input and the hit counter."""
        yield Static(
            fit(word("search", self._language), 6, direction=interface_direction(self._language)),
            id="search-label",
        )
        query = ShapedInput(
            placeholder=word("search-placeholder", "en"),
            id="search-input",
            select_on_focus=False,
            max_length=MAX_QUERY,
        )
        query.cursor_blink = False  # a blinking cursor is seen half the time: keep it shown
        yield query
        yield Static("", id="search-echo")

    @property
    def input(self) -> Input:
        """The query input."""
        return self.query_one("#search-input", Input)

    @property
    def query_text(self) -> str:
        """The query typed so far."""
        return self.input.value

    def show_result(self, summary: str) -> None:
        """Show `summary` (say `3/12` or `no hits`) beside the query."""
        self._summary = summary
        self._draw_echo()

    def _draw_echo(self) -> None:
        """Redraw the counter (nothing while the query is empty)."""
        echo = self.query_one("#search-echo", Static)
        text = self._summary if self.query_text else ""
        direction = interface_direction(self._language)
        echo.update(fit(text, 22, direction=direction, pad=False) if text else Content(""))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        """Echo the edit; search a moment after the last key (at once for an empty query)."""
        event.stop()
        self._draw_echo()
        if self._timer is not None:
            self._timer.stop()
        if not event.value:
            self.post_message(self.HitsFound("", []))
            return
        query = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self._search(query))

    def _search(self, query: str) -> None:
        """Find the hits of `query` in a thread worker; a newer search replaces it."""
        find = self._find

        def run() -> None:
            """Find the hits and post them (never touching a widget)."""
            self.post_message(self.HitsFound(query, find(query)))

        self.run_worker(run, thread=True, exclusive=True, group="search")

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Pass enter up."""
        event.stop()
        self.post_message(self.Submitted(event.value))

    def on_resize(self) -> None:
        """The echo is fitted to its width: fit it again."""
        self._draw_echo()
