"""The topic finder's result: the themes of a document and the theme of each paragraph.

This is the data the CLI prints and the app shows (the Topics tab, paragraph moves, the topic
map); see the package docstring for how it is meant to be read.
"""

from __future__ import annotations

import operator
from abc import abstractmethod
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, overload

__all__ = [
    "NO_THEME",
    "ThemeLabels",
    "ThemePositions",
    "Topic",
    "TopicIndex",
    "TopicsNotSupported",
    "assemble",
    "assemble_numbered",
    "empty_index",
    "indexed",
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


NO_THEME = -1
"""A paragraph without a (main or second) theme, in an array of theme numbers or positions."""

T = TypeVar("T")


class _PerParagraph(Sequence[T]):
    """A read-only sequence with one item per paragraph, read from an array of theme
    positions (`NO_THEME` for none): 4 bytes a paragraph, where a tuple takes 8 (a document of
    one word a line has hundreds of thousands of paragraphs).

    It compares equal to a tuple or another such view of the same items, as the tuples it
    stands for did (``index.main_topic == (None, None)``), and hashes like that tuple."""

    __slots__ = ("_positions",)

    def __init__(self, positions: array[int]) -> None:
        """The view of ``positions``, which it shares: they are not to change after."""
        self._positions = positions

    @abstractmethod
    def _item(self, position: int) -> T:
        """The item of a paragraph whose theme is at ``position`` (`NO_THEME` for none)."""

    @abstractmethod
    def _view(self, positions: array[int]) -> _PerParagraph[T]:
        """The same kind of view over other ``positions`` (a slice of these)."""

    def __len__(self) -> int:
        """How many paragraphs."""
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> _PerParagraph[T]: ...

    def __getitem__(self, index: int | slice) -> T | _PerParagraph[T]:
        """The item of paragraph ``index``, or a view of a slice of the paragraphs."""
        if isinstance(index, slice):
            return self._view(self._positions[index])
        return self._item(self._positions[index])

    def __iter__(self) -> Iterator[T]:
        """The items in paragraph order."""
        return map(self._item, self._positions)

    def __eq__(self, other: object) -> bool:
        """Equal to a tuple or a view of the same items, in the same order."""
        if isinstance(other, _PerParagraph | tuple):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        """The hash of the tuple of the items (views equal to a tuple hash like it)."""
        return hash(tuple(self))

    def __repr__(self) -> str:
        """The items, as a tuple would show them."""
        return f"{type(self).__name__}({tuple(self)!r})"


class ThemePositions(_PerParagraph[int | None]):
    """Per paragraph, the position in `TopicIndex.topics` of a theme of it, or None."""

    __slots__ = ()

    def _item(self, position: int) -> int | None:
        return None if position == NO_THEME else position

    def _view(self, positions: array[int]) -> ThemePositions:
        return ThemePositions(positions)


class ThemeLabels(_PerParagraph[str | None]):
    """Per paragraph, the label of a theme of it, or None: read from the theme's position in
    ``topics``, so the labels are not stored once per paragraph."""

    __slots__ = ("_topics",)

    def __init__(self, topics: Sequence[Topic], positions: array[int]) -> None:
        """The labels of the ``topics`` at ``positions`` (shared, not to change after)."""
        super().__init__(positions)
        self._topics = topics

    def _item(self, position: int) -> str | None:
        return None if position == NO_THEME else self._topics[position].label

    def _view(self, positions: array[int]) -> ThemeLabels:
        return ThemeLabels(self._topics, positions)


@dataclass(frozen=True, slots=True)
class TopicIndex:
    """The themes of a document and the main (and second) theme of each paragraph.

    The four per-paragraph sequences are as long as the document. Built by `indexed` (as
    `assemble` and `empty_index` do), they are read-only views of two arrays of theme
    positions, 4 bytes a paragraph each: the labels are read from `topics`."""

    topics: tuple[Topic, ...]
    """Themes, most salient first."""
    main_topic: Sequence[str | None]
    """Per paragraph, the label of its main theme, or None where it has none."""
    second_topic: Sequence[str | None] = ()
    """Per paragraph, the label of its second theme, or None; empty when not computed."""
    main_theme: Sequence[int | None] = field(default=())
    """Per paragraph, the position in `topics` of its main theme, or None."""
    second_theme: Sequence[int | None] = field(default=())
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


def indexed(topics: tuple[Topic, ...], main: array[int], second: array[int]) -> TopicIndex:
    """The index of ``topics`` and of each paragraph's main and ``second`` theme, given as
    positions in ``topics`` (`NO_THEME` for none). The arrays are kept, not copied: they are
    not to change after."""
    return TopicIndex(
        topics,
        ThemeLabels(topics, main),
        ThemeLabels(topics, second),
        ThemePositions(main),
        ThemePositions(second),
    )


class TopicsNotSupported(Exception):
    """Topics cannot be found for the language: no word lists for it ship with the reader."""


def empty_index(paragraph_count: int) -> TopicIndex:
    """The index of a document without themes."""
    none = array("i", (NO_THEME,)) * paragraph_count  # one array for both: read only
    return indexed((), none, none)


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
    # Each paragraph's theme numbers become positions in `topics`: NO_THEME (-1) picks the
    # NO_THEME put last. A theme left out is no paragraph's main or second theme.
    placed = [position.get(theme, NO_THEME) for theme in range(len(labels))] + [NO_THEME]
    return indexed(
        topics,
        array("i", map(placed.__getitem__, main)),
        array("i", map(placed.__getitem__, second)),
    )
