"""Loading articles: bytes (text, HTML, Markdown, EPUB) or a web address to a Document of blocks
(encodings, newlines, limits, clear errors)."""

from reader.text.document import Document, Paragraph
from reader.text.load import LoadError, decode_document, load_document

__all__ = ["Document", "LoadError", "Paragraph", "decode_document", "load_document"]
