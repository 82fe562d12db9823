"""The Document model: the decoded article as logical text, made of blocks.

Logical text is the only stored form. Every span the program talks about (an entity mention, a
topic, a search hit, the reading position) is a paragraph index and offsets into that paragraph's
logical text; `Paragraph.start` turns those into offsets into `Document.text`.

A paragraph is one block of the article: a title, a heading (with its level), a paragraph of
prose, a quote, a list item or one line of preformatted text. Plain text has only paragraphs (one
a line); HTML, Markdown and EPUB give the other kinds. Whatever the kind, a block is one line of
logical text, so search, copy, highlights and reading positions need not know about kinds.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

BlockKind = Literal["title", "byline", "heading", "paragraph", "quote", "item", "preformatted"]
"""What a block is: the article's title, its author and date, a heading, prose, a quote, a list
item, or one line of preformatted text (code, verse laid out by hand) that is shown as written."""

BLOCK_KINDS: tuple[BlockKind, ...] = (
    "title",
    "byline",
    "heading",
    "paragraph",
    "quote",
    "item",
    "preformatted",
)
"""Every block kind, in the order the documentation lists them."""

PROSE_KINDS: frozenset[BlockKind] = frozenset(
    {"title", "byline", "heading", "paragraph", "quote", "item"}
)
"""The kinds entities and topics read: everything but preformatted text."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the document: a non-blank line of logical text, and what kind it is."""

    index: int
    """Position among the document's paragraphs, counted from 0."""
    start: int
    """Offset of the paragraph's first character in `Document.text`."""
    text: str
    """The paragraph's characters, exactly as decoded (no newline)."""
    kind: BlockKind = "paragraph"
    """The kind of block: plain text gives only "paragraph"."""
    level: int = 0
    """A heading's level, 1 (the largest) to 6; a list item's nesting depth, from 1; else 0."""

    @property
    def end(self) -> int:
        """Offset just past the paragraph's last character in `Document.text`."""
        return self.start + len(self.text)


_LINE = re.compile("[^\n]+")

OFFSET = "i"
"""The array type of per-paragraph offsets and lengths in characters: 4-byte integers, up to
2**31 - 1, far above any document within the size limit (`reader.text.load.SIZE_LIMIT`, 64 MiB)
and half of 8-byte ones (one word a line is hundreds of thousands of paragraphs)."""


SHARED_LENGTH = 1 << 16
"""Paragraphs of plain text longer than this many characters are sliced once and shared
(`TextParagraphs.text_of`); real articles' paragraphs are a few thousand."""


class TextParagraphs(Sequence[Paragraph]):
    """The paragraphs of plain text, kept as offsets into the text: a `Paragraph` is made when
    asked for. A million short lines held as a million `Paragraph`s (each with its own string
    and integers) took about 25 times the file; offsets take 8 bytes a line (4-byte integers,
    `OFFSET`). Compares equal to a tuple of the same paragraphs."""

    __slots__ = ("_ends", "_long", "_starts", "_text")

    def __init__(self, text: str) -> None:
        """The non-blank lines of `text` (newlines already `\n`); a line of white space only
        is blank."""
        self._text = text
        self._long: tuple[int, str] | None = None
        self._starts = array(OFFSET)
        self._ends = array(OFFSET)
        for match in _LINE.finditer(text):
            if match.group().strip():
                self._starts.append(match.start())
                self._ends.append(match.end())

    def __len__(self) -> int:
        """How many paragraphs."""
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Paragraph, ...]: ...

    def __getitem__(self, index: int | slice) -> Paragraph | tuple[Paragraph, ...]:
        """The paragraph at `index` (negative counts from the end), or a slice's as a tuple."""
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("paragraph index out of range")
        return Paragraph(index, self._starts[index], self.text_of(index))

    def __iter__(self) -> Iterator[Paragraph]:
        """The paragraphs in order."""
        text = self._text
        for index, (start, end) in enumerate(zip(self._starts, self._ends, strict=True)):
            long = end - start > SHARED_LENGTH
            yield Paragraph(index, start, self.text_of(index) if long else text[start:end])

    @property
    def texts(self) -> ParagraphTexts:
        """Each paragraph's text, sliced from the document's text when asked for."""
        return ParagraphTexts(self)

    def text_of(self, index: int) -> str:
        """The text of paragraph `index` (no `Paragraph` made).

        A paragraph over `SHARED_LENGTH` characters is one string however often it is asked
        for, until another long one is (the last is kept): the article view, the entity job and
        the topic job each sliced their own copy of a one-line document, alive together."""
        start, end = self._starts[index], self._ends[index]
        if end - start <= SHARED_LENGTH:
            return self._text[start:end]
        kept = self._long
        if kept is not None and kept[0] == index:
            return kept[1]
        text = self._text[start:end]
        self._long = (index, text)
        return text

    def iter_texts(self) -> Iterator[str]:
        """Each paragraph's text in order (no `Paragraph` made)."""
        text = self._text
        for index, (start, end) in enumerate(zip(self._starts, self._ends, strict=True)):
            yield self.text_of(index) if end - start > SHARED_LENGTH else text[start:end]

    def lengths(self) -> array[int]:
        """Each paragraph's length in characters, 4 bytes a paragraph."""
        return array(OFFSET, map(int.__sub__, self._ends, self._starts))

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same paragraphs (a tuple, or another of these)."""
        if not isinstance(other, Sequence) or len(other) != len(self):
            return False
        return all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        """As the tuple of the same paragraphs."""
        return hash(tuple(self))

    def __repr__(self) -> str:
        """Short: how many paragraphs."""
        return f"<{len(self)} paragraphs>"


class ParagraphView(Sequence[str]):
    """A sequence of one string per paragraph that holds none of them: each is taken from its
    paragraph when asked for (plain text: sliced from the document's text, no `Paragraph`
    made). Subclasses say which string (`_item`)."""

    __slots__ = ("_paragraphs",)

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        """The view over `paragraphs`."""
        self._paragraphs = paragraphs

    def __len__(self) -> int:
        """How many paragraphs."""
        return len(self._paragraphs)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        """The string of paragraph `index` (negative counts from the end), or a slice's as a
        tuple."""
        count = len(self._paragraphs)
        if isinstance(index, slice):
            return tuple(self._item(i) for i in range(*index.indices(count)))
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("paragraph index out of range")
        return self._item(index)

    def _item(self, index: int) -> str:
        """The string of paragraph `index` (0 <= index < len)."""
        raise NotImplementedError


class ParagraphTexts(ParagraphView):
    """The paragraphs' texts. The article view, the navigator and search each kept a list of
    every paragraph's text, which for a million short lines is a million strings (about 25 times
    the file) per copy. Hashed and compared by identity (it stands for one document's texts), so
    a cache can be keyed by it without building a tuple."""

    __slots__ = ()

    def _item(self, index: int) -> str:
        paragraphs = self._paragraphs
        if isinstance(paragraphs, TextParagraphs):
            return paragraphs.text_of(index)
        return paragraphs[index].text

    def __iter__(self) -> Iterator[str]:
        """The texts in order (plain text: sliced straight from the text, no `Paragraph`)."""
        paragraphs = self._paragraphs
        if isinstance(paragraphs, TextParagraphs):
            yield from paragraphs.iter_texts()
            return
        for paragraph in paragraphs:
            yield paragraph.text

    def __eq__(self, other: object) -> bool:
        """The same view (identity): two views are never compared text by text."""
        return self is other

    def __hash__(self) -> int:
        """By identity, as `__eq__`."""
        return id(self)


class ProseTexts(ParagraphView):
    """Each paragraph's text, or "" for a block that is not prose (entities and topics read
    prose only; the numbering stays the document's)."""

    __slots__ = ()

    def _item(self, index: int) -> str:
        paragraphs = self._paragraphs
        if isinstance(paragraphs, TextParagraphs):  # plain text: every paragraph is prose
            return paragraphs.text_of(index)
        paragraph = paragraphs[index]
        return paragraph.text if paragraph.kind in PROSE_KINDS else ""


class BlockKinds(ParagraphView):
    """Each paragraph's block kind (plain text: all "paragraph", no `Paragraph` made)."""

    __slots__ = ()

    def _item(self, index: int) -> str:
        paragraphs = self._paragraphs
        if isinstance(paragraphs, TextParagraphs):
            return "paragraph"
        return paragraphs[index].kind


def paragraph_texts(paragraphs: Sequence[Paragraph]) -> ParagraphTexts:
    """The texts of `paragraphs` without copying them (see `ParagraphTexts`)."""
    if isinstance(paragraphs, TextParagraphs):
        return paragraphs.texts
    return ParagraphTexts(paragraphs)


def paragraph_lengths(paragraphs: Sequence[Paragraph]) -> array[int]:
    """Each paragraph's length in characters, compactly (no string made for plain text)."""
    if isinstance(paragraphs, TextParagraphs):
        return paragraphs.lengths()
    return array(OFFSET, (len(paragraph.text) for paragraph in paragraphs))


@dataclass(frozen=True, slots=True)
class Block:
    """A block before it is placed in a document: its text, kind and level."""

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0


@dataclass(frozen=True, slots=True)
class Chapter:
    """An entry of a book's table of contents: its title and the paragraph it starts at."""

    title: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: its text with newlines normalised to `\\n`, split into paragraphs."""

    name: str
    """What to call the document on screen: the file name, or `<stdin>`."""
    text: str
    """The whole decoded text, newlines normalised to `\\n`."""
    paragraphs: Sequence[Paragraph]
    """The non-blank lines, in order (a tuple, or for plain text `TextParagraphs`)."""
    encoding: str = "utf-8"
    """The encoding the bytes were decoded with."""
    warnings: tuple[str, ...] = field(default=())
    """Things the reader should be told about the input (say, undecodable bytes replaced)."""
    title: str | None = None
    """The article's title when its source declares one (HTML, Markdown, EPUB), else None."""
    chapters: tuple[Chapter, ...] = field(default=())
    """A book's table of contents; empty for an article."""
    source_format: str = "text"
    """What the document was read from: "text", "html", "markdown" or "epub"."""

    @property
    def prose(self) -> Sequence[Paragraph]:
        """The paragraphs entities and topics read: all but preformatted lines. Plain text is
        all prose: its own paragraphs (offsets, not a `Paragraph` for each of a million short
        lines)."""
        if isinstance(self.paragraphs, TextParagraphs):
            return self.paragraphs
        return tuple(p for p in self.paragraphs if p.kind in PROSE_KINDS)

    @classmethod
    def from_text(
        cls,
        text: str,
        name: str = "<text>",
        encoding: str = "utf-8",
        warnings: tuple[str, ...] = (),
    ) -> Document:
        """Build a document from decoded text: CRLF and CR become LF; each non-blank line is a
        paragraph (a line holding only white space counts as blank)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return cls(name, text, TextParagraphs(text), encoding, warnings)

    @classmethod
    def from_blocks(
        cls,
        blocks: Iterable[Block],
        name: str,
        *,
        encoding: str = "utf-8",
        warnings: tuple[str, ...] = (),
        title: str | None = None,
        chapters: tuple[Chapter, ...] = (),
        source_format: str = "text",
    ) -> Document:
        """Build a document from blocks in reading order.

        A block's text is cleaned to one line (line breaks and runs of white space become one
        space; a preformatted block becomes one paragraph per non-blank line, its spaces kept);
        blank blocks are dropped. `Document.text` is the paragraphs joined by newlines, so it
        reads as plain text and `Document.from_text` of it gives the same paragraphs' text.
        """
        paragraphs: list[Paragraph] = []
        offset = 0
        for block in blocks:
            if block.kind == "preformatted":
                lines = block.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                lines = [line.rstrip().expandtabs(4) for line in lines]
            else:
                lines = [" ".join(block.text.split())]
            for line in lines:
                if not line.strip():
                    continue
                paragraphs.append(Paragraph(len(paragraphs), offset, line, block.kind, block.level))
                offset += len(line) + 1
        text = "\n".join(p.text for p in paragraphs)
        return cls(
            name,
            text,
            tuple(paragraphs),
            encoding,
            warnings,
            title=title,
            chapters=chapters,
            source_format=source_format,
        )
