"""A document flattened for phrase lookups: normalised, single spaces, one line.

Two label rules ask whether the text writes two phrases side by side: a description right
before a name (`appositions`), a name right after the last word of another (`fullnames`).
Both look the phrases up in one flattened copy of the document, made once, when first needed,
and shared by the rules of one document (`themes.build_index`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.normalise import normalise

__all__ = ["FlatText", "flat"]


def flat(text: str) -> str:
    """``text`` normalised, its words joined by single spaces."""
    return " ".join(normalise(text).split())


class FlatText:
    """The document's paragraphs, flattened and joined (`text`), read once when first asked."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self._text = ""

    @property
    def text(self) -> str:
        """The paragraphs flattened, joined by spaces, with a space at each end, so a phrase
        written in the text is found as ``f" {phrase} "``."""
        if not self._text:
            self._text = f" {' '.join(flat(p) for p in self.paragraphs)} "
        return self._text

    def writes(self, phrase: str) -> bool:
        """Whether the text writes ``phrase`` (already flattened) as whole words."""
        return f" {phrase} " in self.text
