"""The topic finder's result: the themes of a document and the theme of each paragraph.

This is the data the CLI prints and the app shows (the Topics tab, paragraph moves, the topic
map); see the package docstring for how it is meant to be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Topic", "TopicIndex", "TopicsNotSupported"]


@dataclass(frozen=True, slots=True)
class Topic:
    """One theme of the document: a set of paragraphs that speak of one thing, and its label."""

    label: str
    """A noun phrase of one to five words, exactly as written in the text (or a name)."""
    score: float
    """Salience relative to the document's most salient theme (which scores 1.0)."""
    paragraphs: tuple[int, ...]
    """Indices (from 0, in the sequence given) of the theme's paragraphs, ascending: those
    whose main or second theme it is."""
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
