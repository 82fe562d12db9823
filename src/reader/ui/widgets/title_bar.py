"""The title bar: the article's title, shaped by the layout engine, on its reading side."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.text.document import Document
from reader.ui.labels import fit

TITLE_MAX = 60
"""A first paragraph at most this long is taken for the title."""


def document_title(document: Document) -> str:
    """The title: the one the document declares (a web page's, a book's), else the first
    paragraph when it is short (a headline), else the file name."""
    if document.title:
        return document.title
    if document.paragraphs and len(document.paragraphs[0].text.strip()) <= TITLE_MAX:
        return document.paragraphs[0].text.strip()
    return document.name


class TitleBar(Widget):
    """One line naming the article: right-aligned for an Arabic title, cut with an ellipsis in
    logical order when it is too long for the terminal."""

    title: reactive[str] = reactive("", layout=False)
    """The title in logical order (plain text, never markup)."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        """Show `title`."""
        super().__init__(id=id)
        self.title = title

    def render(self) -> Content:
        """The title fitted to the bar's content width."""
        return fit(self.title, self.content_size.width)
