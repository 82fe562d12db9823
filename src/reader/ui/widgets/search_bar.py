"""The search bar: an input for the query, and the query as it reads (shaped) with its hit count.

Textual's `Input` shows what is typed in logical order and unshaped, which for Arabic is wrong
(letters unjoined, words left to right); the bar's `ShapedInput` draws it through the layout
engine instead, and the echo beside it repeats the query, shaped, with the hit counter.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reader.config import Language
from reader.ui.labels import fit, interface_direction
from reader.ui.widgets.shaped_input import ShapedInput
from reader.ui.words import word


class SearchBar(Horizontal):
    """`find [query input] query-shaped · 3/12`: hidden until the reader presses `/`."""

    class QueryChanged(Message):
        """The query was edited (search as you type)."""

        def __init__(self, query: str) -> None:
            """`query` is the text in the input, logical order."""
            super().__init__()
            self.query = query

    class Submitted(Message):
        """The reader pressed enter: keep the search and go back to the article."""

        def __init__(self, query: str) -> None:
            """`query` is the text in the input, logical order."""
            super().__init__()
            self.query = query

    def __init__(self, language: Language, *, id: str | None = None) -> None:
        """An empty search bar speaking `language`."""
        super().__init__(id=id)
        self._language: Language = language
        self._summary = ""

    def compose(self) -> ComposeResult:
        """The word `find`, the input and the shaped echo of the query."""
        yield Static(
            fit(word("search", self._language), 6, direction=interface_direction(self._language)),
            id="search-label",
        )
        yield ShapedInput(
            placeholder=word("search-placeholder", "en"), id="search-input", select_on_focus=False
        )
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
        """Show the shaped query followed by `summary` (say `3/12` or `no hits`)."""
        self._summary = summary
        self._draw_echo()

    def _draw_echo(self) -> None:
        """Redraw the echo: the query through the layout engine, then the summary."""
        echo = self.query_one("#search-echo", Static)
        width = max(4, echo.content_region.width or 30)
        query = self.query_text
        text = f"{query} · {self._summary}" if query and self._summary else query
        echo.update(fit(text, width, align="right") if text else Content(""))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        """Pass the edit up and echo it."""
        event.stop()
        self._draw_echo()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Pass enter up."""
        event.stop()
        self.post_message(self.Submitted(event.value))

    def on_resize(self) -> None:
        """The echo is fitted to its width: fit it again."""
        self._draw_echo()
