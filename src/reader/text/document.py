"""The Document model: the decoded article as logical text and its paragraphs.

Logical text is the only stored form. Every span the program talks about (an entity mention, a
topic, a search hit, the reading position) is a paragraph index and offsets into that paragraph's
logical text; `Paragraph.start` turns those into offsets into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: a non-blank line of the document, as written (logical order)."""

    index: int
    """Position among the document's paragraphs, counted from 0."""
    start: int
    """Offset of the paragraph's first character in `Document.text`."""
    text: str
    """The paragraph's characters, exactly as decoded (no newline)."""

    @property
    def end(self) -> int:
        """Offset just past the paragraph's last character in `Document.text`."""
        return self.start + len(self.text)


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
