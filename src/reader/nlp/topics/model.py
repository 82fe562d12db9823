"""The topic finder's result: the themes of a document and the theme of each paragraph.

This is the data the CLI prints and the app shows (the Topics tab, paragraph moves, the topic
map); see the package docstring for how it is meant to be read.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "NO_THEME",
    "Topic",
    "TopicIndex",
    "TopicsNotSupported",
    "assemble",
    "assemble_numbered",
    "empty_index",
    "themes_array",
]


@dataclass(frozen=True, slots=True)
class Topic:
    """One theme of the document: a set of paragraphs that speak of one thing, and its label."""

    label: str
    """A noun phrase of one to five words, exactly as written in the text (or a name)."""
    score: float
    """Salience relative to the document's most salient theme (which scores 1.0)."""
    paragraphs: tuple[int, ...]
    """Indices (from 0, in the sequence given) of the theme's paragraphs, ascending: those
    that speak of it (mention it), which include those whose main or second theme it is."""
    number: int = 0
    """The theme's number, from 0, in the order themes first appear in the document (by their
    first paragraph). It does not depend on scores, so it stays the same while the reader
    looks at a document: the app gives each number its own colour and glyph."""
    main_paragraphs: tuple[int, ...] = ()
    """The paragraphs whose main theme it is, ascending (a subset of `paragraphs`)."""


@dataclass(frozen=True, slots=True)
class TopicIndex:
    """The themes of a document and the main (and second) theme of each paragraph."""

    topics: tuple[Topic, ...]
    """Themes, most salient first."""
    main_topic: tuple[str | None, ...]
    """Per paragraph, the label of its main theme, or None where it has none."""
    second_topic: tuple[str | None, ...] = ()
    """Per paragraph, the label of its second theme, or None; empty when not computed."""
    main_theme: tuple[int | None, ...] = field(default=())
    """Per paragraph, the position in `topics` of its main theme, or None."""
    second_theme: tuple[int | None, ...] = field(default=())
    """Per paragraph, the position in `topics` of its second theme, or None."""

    def theme_of(self, paragraph: int) -> Topic | None:
        """The main theme of ``paragraph`` (from 0), or None (none, or out of range)."""
        if 0 <= paragraph < len(self.main_theme):
            position = self.main_theme[paragraph]
            return None if position is None else self.topics[position]
        return None

    def second_theme_of(self, paragraph: int) -> Topic | None:
        """The second theme of ``paragraph`` (from 0), or None."""
        if 0 <= paragraph < len(self.second_theme):
            position = self.second_theme[paragraph]
            return None if position is None else self.topics[position]
        return None


class TopicsNotSupported(Exception):
    """Topics cannot be found for the language: no word lists for it ship with the reader."""


def empty_index(paragraph_count: int) -> TopicIndex:
    """The index of a document without themes."""
    none: tuple[None, ...] = (None,) * paragraph_count
    return TopicIndex((), none, none, none, none)


def assemble(
    labels: Sequence[str],
    scores: Sequence[float],
    main: Sequence[int | None],
    second: Sequence[int | None],
    speaks: Sequence[Sequence[int]] = (),
) -> TopicIndex:
    """The `TopicIndex` of themes given in any order (by label and raw score) and of each
    paragraph's main and second theme (indices into those lists). A theme's paragraphs are
    those it is main or second theme of, and those ``speaks`` lists for it; a theme that is
    no paragraph's main or second theme is left out. Themes come most
    salient first, scores relative to the best, numbers in order of first paragraph."""
    return assemble_numbered(labels, scores, themes_array(main), themes_array(second), speaks)


NO_THEME = -1
"""A paragraph without a (main or second) theme, in an array of theme numbers."""


def themes_array(themes: Iterable[int | None]) -> array[int]:
    """Theme numbers (None for none) as an array, `NO_THEME` for None: 4 bytes a paragraph,
    where a list takes 8 (a document of one word a line has hundreds of thousands)."""
    return array("i", [NO_THEME if t is None else t for t in themes])


def assemble_numbered(
    labels: Sequence[str],
    scores: Sequence[float],
    main: array[int],
    second: array[int],
    speaks: Sequence[Sequence[int]] = (),
) -> TopicIndex:
    """`assemble` for each paragraph's main and second theme given as arrays (`NO_THEME` for
    none), as a long document gathers them (`reader.nlp.topics.stretches`)."""
    where: dict[int, list[int]] = defaultdict(list)
    mains: dict[int, list[int]] = defaultdict(list)
    for paragraph, (first, other) in enumerate(zip(main, second, strict=True)):
        if first != NO_THEME:
            where[first].append(paragraph)
            mains[first].append(paragraph)
        if other != NO_THEME:
            where[other].append(paragraph)
    for theme, numbers in enumerate(speaks):
        if theme in where:
            where[theme] = sorted(set(where[theme]).union(numbers))
    order = sorted(where, key=lambda i: (-scores[i], i))
    position = {theme: place for place, theme in enumerate(order)}
    number = {theme: n for n, theme in enumerate(sorted(order, key=lambda i: (where[i][0], i)))}
    top = scores[order[0]] if order and scores[order[0]] > 0 else 1.0
    topics = tuple(
        Topic(
            labels[i],
            round(scores[i] / top, 4),
            tuple(sorted(where[i])),
            number[i],
            tuple(mains[i]),
        )
        for i in order
    )
    # Per paragraph, looked up by theme number; NO_THEME (-1) picks the None put last.
    named: list[str | None] = [*labels, None]
    placed: list[int | None] = [position.get(theme) for theme in range(len(labels))] + [None]
    return TopicIndex(
        topics,
        tuple(map(named.__getitem__, main)),
        tuple(map(named.__getitem__, second)),
        tuple(map(placed.__getitem__, main)),
        tuple(map(placed.__getitem__, second)),
    )
