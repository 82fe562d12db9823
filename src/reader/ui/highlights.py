"""The highlight model: which kinds of span the article colours, and which kinds cover each
character of a paragraph.

Plain Python (no widgets), shared by the reading state that hands highlights out
(`reader.ui.navigation`), the panel that lists entities by type and the article view that draws
them. The entity types are listed here once; everything else derives from `ENTITY_TYPES`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

ENTITY_TYPES: tuple[str, ...] = ("PERSON", "LOCATION", "ORGANIZATION", "EVENT", "DATE", "MISC")
"""The entity types the reader colours and lists, in the order the panel lists them."""
KIND_OF = {"NISBA": "LOCATION"}
"""Mention types that are not entities: a nisba adjective («المغربي») is coloured as a place."""
KINDS: tuple[str, ...] = ("topic", *ENTITY_TYPES, "selected", "search", "current-search")
"""Highlight kinds, weakest first: where spans overlap, a later kind's style wins."""

_BIT = {kind: 1 << number for number, kind in enumerate(KINDS)}


def entity_kind(mention_type: str) -> str:
    """The highlight kind a mention of `mention_type` is coloured as (unknown types: MISC)."""
    if mention_type in ENTITY_TYPES:
        return mention_type
    return KIND_OF.get(mention_type, "MISC")


def component_class(kind: str) -> str:
    """The article view's component class (CSS) styling highlight `kind`."""
    return f"article--{kind.lower()}"


def kinds_of(bits: int) -> Iterator[str]:
    """The kinds whose bits are set in `bits`, weakest first."""
    return (kind for kind in KINDS if bits & _BIT[kind])


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to colour: `[start, end)` offsets into paragraph `paragraph`'s logical text."""

    paragraph: int
    start: int
    end: int
    kind: str
    """One of `KINDS`: an entity type, `selected`, `search`, `current-search` or `topic`."""


class HighlightMasks:
    """The highlights of a document by paragraph, and per character the bits of the kinds
    covering it (computed when a paragraph is first drawn, kept until the highlights change)."""

    def __init__(self) -> None:
        """No highlights yet."""
        self._by_paragraph: dict[int, list[Highlight]] = {}
        self._masks: dict[int, list[int]] = {}

    def replace(self, highlights: Sequence[Highlight]) -> set[int]:
        """Replace every highlight (a `ValueError` names an unknown kind); returns the
        paragraphs whose highlights changed, the only ones whose masks are computed again."""
        by_paragraph: dict[int, list[Highlight]] = {}
        for highlight in highlights:
            if highlight.kind not in _BIT:
                raise ValueError(f"unknown highlight kind {highlight.kind!r}")
            by_paragraph.setdefault(highlight.paragraph, []).append(highlight)
        old = self._by_paragraph
        changed = {p for p in old.keys() | by_paragraph.keys() if old.get(p) != by_paragraph.get(p)}
        self._by_paragraph = by_paragraph
        for paragraph in changed:
            self._masks.pop(paragraph, None)
        return changed

    def mask(self, paragraph: int, length: int) -> list[int] | None:
        """Per logical character of the paragraph (`length` of them), the bits of the highlight
        kinds covering it; None when nothing in it is highlighted."""
        highlights = self._by_paragraph.get(paragraph)
        if not highlights:
            return None
        mask = self._masks.get(paragraph)
        if mask is None:
            mask = [0] * length
            for highlight in highlights:
                bit = _BIT[highlight.kind]
                for offset in range(max(0, highlight.start), min(highlight.end, length)):
                    mask[offset] |= bit
            self._masks[paragraph] = mask
        return mask
