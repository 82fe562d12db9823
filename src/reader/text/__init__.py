"""Loading text: bytes to a Document of paragraphs (encodings, newlines, limits, clear errors)."""

from reader.text.document import Document, Paragraph

__all__ = ["Document", "Paragraph"]
