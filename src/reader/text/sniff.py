"""Telling a document's format from its name and its first bytes: plain text, HTML, Markdown or
EPUB. Standard input has no name, so there the bytes decide alone.

An EPUB is a zip archive whose first entry is `mimetype` = `application/epub+zip`; HTML begins
(after white space, a byte order mark, an XML declaration or comments) with a doctype or an
`<html>`, `<head>` or `<body>` tag; Markdown, without its extension, is recognised by a first
line that is an ATX heading (`# …`). Anything else is text, as before.
"""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["text", "html", "markdown", "epub"]
"""The formats reader opens."""

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".epub": "epub",
}
"""Extensions that name a format."""

_ZIP_MAGIC = b"PK\x03\x04"

_EPUB_MIMETYPE = b"mimetypeapplication/epub+zip"
"""The first entry of every EPUB: its name followed by its stored content."""

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
"""The start of an HTML document."""

_MARKDOWN_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*#{1,6}[ \t]+\S")
"""A first line that is a Markdown heading."""

_SNIFF = 4096
"""How many leading bytes the content tests look at."""

_ADDRESS = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")
"""A command-line argument that is an address rather than a file name."""


def is_address(argument: str) -> bool:
    """Whether a command-line argument is an address (`scheme://…`), not a file name: http and
    https are fetched, any other scheme is refused by name rather than looked for as a file."""
    return bool(_ADDRESS.match(argument))


def extension_format(name: str) -> Format | None:
    """The format an extension names, or None for no extension or an unknown one."""
    dot = name.rfind(".")
    if dot <= name.rfind("/"):
        return None
    return _EXTENSIONS.get(name[dot:].lower())


def content_format(data: bytes) -> Format:
    """The format the first bytes show."""
    head = data[:_SNIFF]
    if head.startswith(_ZIP_MAGIC) and _EPUB_MIMETYPE in head[:128]:
        return "epub"
    if _HTML_START.match(head):
        return "html"
    if _MARKDOWN_START.match(head):
        return "markdown"
    return "text"


def guess_format(name: str | None, data: bytes) -> Format:
    """The document's format: an EPUB's signature wins, then a known extension, then what the
    content shows (`name` None for standard input)."""
    found = content_format(data)
    if found == "epub":
        return found
    by_name = extension_format(name) if name else None
    return by_name or found
