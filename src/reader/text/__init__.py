"""Loading text: bytes to a Document of paragraphs (encodings, newlines, limits, clear errors)."""

from reader.text.document import Document, Paragraph
from reader.text.load import LoadError, decode_document, load_document

__all__ = ["Document", "LoadError", "Paragraph", "decode_document", "load_document"]
