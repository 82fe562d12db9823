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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

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
    paragraphs: tuple[Paragraph, ...]
    """The non-blank lines, in order."""
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
    def prose(self) -> tuple[Paragraph, ...]:
        """The paragraphs entities and topics read: all but preformatted lines."""
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
        paragraphs: list[Paragraph] = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                paragraphs.append(Paragraph(len(paragraphs), offset, line))
            offset += len(line) + 1
        return cls(name, text, tuple(paragraphs), encoding, warnings)

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
