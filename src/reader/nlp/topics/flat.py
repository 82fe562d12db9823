"""A document flattened for phrase lookups: normalised, single spaces, one line.

Two label rules ask whether the text writes two phrases side by side: a description right
before a name (`appositions`), a name right after the last word of another (`fullnames`).
Both look the phrases up in one flattened copy of the document, made once, when first needed,
and shared by the rules of one document (`themes.build_index`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.nlp.normalise import normalise

__all__ = ["EDGE_PUNCTUATION", "FlatText", "flat"]

EDGE_PUNCTUATION = "()[]«»\"'،,.:;؛!?؟-"
"""Punctuation written around a word («(6)», «6،», «والجزر.»), stripped to read the word."""


def flat(text: str) -> str:
    """``text`` normalised, its words joined by single spaces."""
    return " ".join(normalise(text).split())


class FlatText:
    """The document's paragraphs, flattened and joined (`text`), read once when first asked."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self._text = ""
        self._after: dict[str, list[str]] = {}

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

    def words_after(self, phrase: str) -> list[str]:
        """The word the text writes right after each occurrence of ``phrase`` (as written, not
        yet flattened), its edge punctuation stripped; each phrase is looked up once, however
        many label rules ask (`series`)."""
        after = self._after.get(phrase)
        if after is None:
            found = re.finditer(f" {re.escape(flat(phrase))} (\\S+)", self.text)
            after = [m.group(1).strip(EDGE_PUNCTUATION) for m in found]
            self._after[phrase] = after
        return after
