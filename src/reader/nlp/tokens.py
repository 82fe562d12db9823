"""Split a paragraph into word and punctuation tokens that keep their offsets.

Every later step (the tagger, the entity rules, highlighting in the article view) speaks in
logical offsets into the paragraph text, so a token is its text plus ``start``/``end``. Words keep
their harakat, tatweel and joiners inside them (a diacritised word is one token); numbers keep
their decimal/thousands separators (``3.5``, ``١٬٥٠٠``) like the training corpus does; every
other non-space character is a token of its own. Whitespace and invisible bidi controls are
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["SENTENCE_ENDS", "Token", "sentence_spans", "tokenize"]

# Combining marks that belong inside a word: Latin combining diacritics, Arabic honorific signs,
# harakat, superscript alef, the non-spacing Quranic annotation marks, extended Arabic marks, and
# ZWNJ/ZWJ (Persian and Urdu words contain them). `\w` in `re` does not match category Mn.
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff\u200c\u200d"
)
# A decimal or thousands separator between two digits stays inside the word (``3.5``, ``و3.5``).
_NUMBER_SEPARATOR = r"(?<=\d)[.,\u066b\u066c](?=\d)"
# Whitespace and invisible directional formatting characters are never tokens.
_SKIP = "\\s\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
# A word is a run of letters or digits (``[^\W_]``), marks and separators between digits. Runs
# of letters and of marks are matched whole inside the word's loop: the same tokens as one
# character per iteration (``(?:[^\W_]|[marks]|separator)+``), a quarter faster.
_TOKEN_RE = re.compile(rf"(?:[^\W_]+|[{_MARKS}]+|{_NUMBER_SEPARATOR})+|[^{_SKIP}]")

#: Tokens after which a sentence ends (the tagger works sentence by sentence, like its corpus).
SENTENCE_ENDS = frozenset({".", "!", "?", "؟"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark: its text and its offsets in the paragraph it came from."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; ``text[t.start:t.end] == t.text`` for every token."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentence_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Return ``(first, stop)`` index ranges of the sentences in a token list.

    A sentence ends after a run of ``.``, ``!``, ``?`` or ``؟`` tokens; the ranges cover the
    whole list in order, so callers can tag sentence by sentence and keep every offset.
    """
    spans: list[tuple[int, int]] = []
    first = 0
    n = len(words)
    i = 0
    while i < n:
        if words[i] in SENTENCE_ENDS:
            while i + 1 < n and words[i + 1] in SENTENCE_ENDS:
                i += 1
            spans.append((first, i + 1))
            first = i + 1
        i += 1
    if first < n:
        spans.append((first, n))
    return spans
