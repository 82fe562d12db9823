"""Find a phrase in an article the way an Arabic reader means it, and say where it is logically.

A reader types «الكهف»; the text may say «ٱلْكَهْفِ» (harakat, alef wasla), «الكهـــف» (tatweel) or
spell a final ى/ي or ة/ه the other way. Matching therefore compares *normalised* text: harakat and
the other combining Arabic marks, tatweel and invisible format characters are ignored; أ إ آ ٱ fold
to ا, ى to ي, ة to ه, and the hamza's other seats ئ ؤ to the hamza on the line ء (so «مسئول»
finds «مسؤول», «شيئا» finds «شيءا»); Latin letters match regardless of case. Each hit is reported
as offsets into the ORIGINAL paragraph text (the lingua franca of the program), never as visual
positions: the view maps them to cells through the layout engine.

The whole document is normalised once per paragraph sequence with `str.translate` and
`str.casefold` (both per-character), joined, and searched with `str.find`; the map from normalised
back to original offsets is only built for paragraphs that hold a hit.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.nlp.normalise import IGNORED, LETTER_FOLDS
from reader.text.document import OFFSET, ParagraphTexts

__all__ = ["Hit", "find", "normalise"]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: `[start, end)` offsets into the original text of paragraph `paragraph`."""

    paragraph: int
    """Index of the paragraph holding the match."""
    start: int
    """Offset of the match's first character in the paragraph's original text."""
    end: int
    """Offset just past the match, trailing marks of its last letter included."""


def _ignored_code_points() -> list[int]:
    """The characters matching skips: what `reader.nlp.normalise` ignores (harakat, the
    non-spacing Quranic marks, tatweel) and the invisible format characters, which change
    nothing a reader sees (ZWNJ, ZWJ, LRM, RLM, ALM, BOM, the explicit bidi controls)."""
    invisible = [0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF]
    invisible += [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    return [*IGNORED, *invisible]


HAMZA_FOLDS: dict[int, int] = {ord("ئ"): ord("ء"), ord("ؤ"): ord("ء")}
"""The hamza on yeh and on waw fold to the hamza on the line: spellings differ by region and
writer («مسئول», «مسؤول»). Search only: the tagger's features keep `LETTER_FOLDS` as trained."""

_FOLD: dict[int, int | None] = {
    **dict.fromkeys(_ignored_code_points()),
    **LETTER_FOLDS,
    **HAMZA_FOLDS,
}
_IGNORED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in _ignored_code_points()) + "]+")
"""Runs of characters that matching skips."""


def normalise(text: str) -> str:
    """Return `text` as search compares it: marks, tatweel and format characters dropped,
    alef forms, ى, ة and the hamza's seats folded, case folded.

    Every step works character by character (no context), so the normalised form of a string is
    the concatenation of its characters' normalised forms: that is what lets a hit be mapped back.
    """
    return text.translate(_FOLD).casefold()


@lru_cache(maxsize=4096)
def _normalise_char(char: str) -> str:
    """One character's normalised form (often empty, rarely longer than one character)."""
    return normalise(char)


def _index_map(text: str) -> Sequence[int]:
    """For each character of `normalise(text)`, the offset in `text` of the character it came from.

    Text without anything to drop or expand (common in undiacritised news) maps to itself; text
    that only drops characters (harakat, tatweel) is mapped with slices around the dropped ones.
    """
    folded = text.translate(_FOLD)  # only drops or replaces one for one
    if len(folded.casefold()) == len(folded):  # case folding grew nothing
        if len(folded) == len(text):
            return range(len(text))
        origin: list[int] = []
        kept_from = 0
        for dropped in _IGNORED.finditer(text):
            origin.extend(range(kept_from, dropped.start()))
            kept_from = dropped.end()
        origin.extend(range(kept_from, len(text)))
        return origin
    origin = []
    for offset, char in enumerate(text):
        origin.extend([offset] * len(_normalise_char(char)))
    return origin


def _span_in_original(text: str, origin: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Turn the normalised span `[start, end)` of `text` into original offsets.

    The end is stretched over what follows the last matched letter and was ignored by matching
    (its harakat, a tatweel), so a highlight covers the whole visible letter.
    """
    first = origin[start]
    last = origin[end - 1] + 1
    while last < len(text) and not _normalise_char(text[last]):
        last += 1
    return first, last


@dataclass(frozen=True, slots=True)
class _NormalisedDocument:
    """All paragraphs normalised and joined by newlines, with where each one starts."""

    text: str
    starts: Sequence[int]


@lru_cache(maxsize=4)
def _normalised_document(paragraphs: Sequence[str]) -> _NormalisedDocument:
    """Normalise every paragraph once (cached for the last few documents searched). The starts
    are an array of 4-byte offsets (`reader.text.document.OFFSET`); the normalised paragraphs
    are joined as they are made."""
    starts = array(OFFSET)
    pieces: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        folded = normalise(paragraph)
        starts.append(offset)
        offset += len(folded) + 1
        pieces.append(folded)
    return _NormalisedDocument("\n".join(pieces), starts)


def find(paragraphs: Sequence[str], query: str) -> list[Hit]:
    """Every non-overlapping match of `query` in `paragraphs`, in reading order.

    Both sides are normalised (see `normalise`); a query that normalises to nothing (empty, or
    only harakat) finds nothing. A match never spans two paragraphs.
    """
    needle = normalise(query)
    if not needle or "\n" in needle:
        return []
    # A document's own texts view (`ParagraphTexts`) is the cache key as it is; anything else is
    # keyed by its texts' tuple.
    key = paragraphs if isinstance(paragraphs, ParagraphTexts) else tuple(paragraphs)
    document = _normalised_document(key)
    hits: list[Hit] = []
    origins: dict[int, Sequence[int]] = {}
    position = document.text.find(needle)
    while position >= 0:
        index = bisect_right(document.starts, position) - 1
        start = position - document.starts[index]
        end = start + len(needle)
        original = paragraphs[index]
        if index not in origins:
            origins[index] = _index_map(original)
        origin = origins[index]
        if end <= len(origin):
            first, last = _span_in_original(original, origin, start, end)
            hits.append(Hit(index, first, last))
            position = document.text.find(needle, position + len(needle))
        else:  # crossed a newline held inside a paragraph string: not a match
            position = document.text.find(needle, position + 1)
    return hits
