"""HTML to blocks: a web page's article (title, author, date, headings, paragraphs, quotes, lists,
code) without the page's chrome, through trafilatura.

The bytes are decoded as a browser would: a byte order mark first, then the charset the server
declared, then the page's own `<meta charset>`, and failing all three the plain-text decoder's
judgement (UTF-8 or Windows-1256). trafilatura finds the article and leaves out navigation,
related links, comments and banners; its XML output keeps the structure, which is walked into
`Block`s. Nothing on the page is executed or fetched: scripts, styles and images are dropped,
links become their text.

trafilatura and lxml are imported when a page is read, so plain text does not pay for them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from reader.text.document import Block, Document
from reader.text.load import SIZE_LIMIT, LoadError, decode_document, display_name

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
"""Byte order marks, which decide the encoding before any declaration."""

_PRESCAN = 8192
"""How far into the page a `<meta charset>` is looked for (browsers look at 1024 bytes; pages
with long heads put it later)."""

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
"""`<meta charset="…">` and `<meta http-equiv="Content-Type" content="…; charset=…">`."""

_LABELS = {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    # An ASCII-compatible page cannot be UTF-16: browsers read such a declaration as UTF-8.
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-cp1256": "cp1256",
    "windows-1256": "cp1256",
    "asmo-708": "iso8859-6",
    "ecma-114": "iso8859-6",
    "arabic": "iso8859-6",
    # Browsers read Latin-1 and ASCII declarations as Windows-1252.
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
"""Charset labels whose browser meaning differs from Python's codec of the same name."""

_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
"""A numeric character reference (the control ones are defused)."""

_HEADING_LEVEL = re.compile(r"h([1-6])")
"""trafilatura's `rend` of a heading: its HTML tag."""

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte the declared charset could not decode, as `surrogateescape` stands it in."""

_BLOCK_TAGS = frozenset({"head", "p", "quote", "list", "code", "table"})
"""trafilatura's block elements: a quote holding one is walked, not read as one line."""


def html_document(data: bytes, name: str, *, charset: str | None = None) -> Document:
    """Decode a page and extract its article as a `Document` called `name`.

    `charset` is the one the server declared, if any. Raises `LoadError` when no article is
    found (an empty page, a page of links only).
    """
    text, encoding, warnings = decode_page(data, name, charset)
    blocks, title = extract_blocks(text)
    if not blocks:
        raise LoadError(f"{display_name(name)}: no article found in the page")
    return Document.from_blocks(
        blocks, name, encoding=encoding, warnings=warnings, title=title, source_format="html"
    )


def decode_page(data: bytes, name: str, charset: str | None) -> tuple[str, str, tuple[str, ...]]:
    """The page's text, the encoding used and any warnings: BOM, declared charset, `<meta>`,
    then the plain-text decoder's guess."""
    if len(data) > SIZE_LIMIT or data.startswith(_BOMS):
        document = decode_document(data, name)
        return document.text, document.encoding, document.warnings
    declared = _codec(charset) if charset else None
    if declared is None:
        match = _META_CHARSET.search(data[:_PRESCAN])
        declared = _codec(match.group(1).decode("ascii")) if match else None
    if declared is None:
        document = decode_document(data, name)
        return document.text, document.encoding, document.warnings
    escaped = data.decode(declared, "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(escaped))
    text = _ESCAPED_BYTE.sub("\ufffd", escaped).replace("\x00", "\ufffd")
    noun = "byte" if bad == 1 else "bytes"
    warnings = (f"{bad} undecodable {noun} shown as \ufffd",) if bad else ()
    return text, declared, warnings


def defuse_references(text: str) -> str:
    """Numeric character references to control characters (`&#27;`) as U+FFFD: they stand for
    nothing printable, and one of them makes the HTML parser give up on the whole page."""
    return _CONTROL_REFERENCE.sub(_defused, text)


def _defused(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    try:
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    except ValueError:
        return match.group()
    control = (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0x7F <= code <= 0x9F
    if control or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return match.group()


def _codec(label: str) -> str | None:
    """The Python codec for a charset label, or None for a label no codec knows."""
    label = label.strip().lower()
    label = _LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def extract_blocks(text: str, *, recall: bool = False) -> tuple[list[Block], str | None]:
    """The article's blocks and its title. `recall` keeps more of a short page (a book's
    chapter), where the default leaves out what looks like chrome."""
    import trafilatura

    # bare_extraction, not extract: the same tree, without the XML round trip and the content
    # fingerprint extract adds (which took half the time of a 2 MB page).
    extracted = trafilatura.bare_extraction(
        defuse_references(text),
        include_formatting=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        include_tables=True,
        with_metadata=True,
        favor_recall=recall,
        config=_config(),
    )
    body_tree = getattr(extracted, "body", None)
    if extracted is None or body_tree is None:
        return [], None
    title = _clean(getattr(extracted, "title", None))
    author = _clean(getattr(extracted, "author", None))
    date = _clean(getattr(extracted, "date", None))
    body = list(_blocks(body_tree))
    blocks: list[Block] = []
    if title:
        if body and body[0].kind == "heading" and _same(body[0].text, title):
            body.pop(0)
        blocks.append(Block(title, "title"))
    byline = " · ".join(part for part in (author, date) if part)
    if byline and body:
        blocks.append(Block(byline, "byline"))
    if body and not title and body[0].kind == "heading" and body[0].level == 1:
        title = body[0].text
        body[0] = Block(body[0].text, "title")
    return blocks + body if body else [], title


_CONFIG: Any = None


def _config() -> Any:
    """trafilatura's settings, with its file size limit raised to ours and no timer signals
    (which would break in the app's worker threads)."""
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "MAX_FILE_SIZE", str(SIZE_LIMIT))
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
        _CONFIG = config
    return _CONFIG


def _blocks(element: Any, kind: str = "paragraph", depth: int = 0) -> Iterator[Block]:
    """Walk trafilatura's XML: `head`, `p`, `quote`, `list`/`item`, `code` and `table`."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "head":
            match = _HEADING_LEVEL.fullmatch(child.get("rend") or "")
            yield Block(_inline(child), "heading", int(match.group(1)) if match else 2)
        elif tag == "p":
            yield Block(_inline(child), "quote" if kind == "quote" else "paragraph")
        elif tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in child):
                yield from _blocks(child, "quote", depth)
            else:
                yield Block(_inline(child), "quote")
        elif tag == "list":
            yield from _items(child, depth + 1)
        elif tag == "code":
            yield Block("".join(child.itertext()), "preformatted")
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_inline(cell) for cell in row.iter("cell")]
                yield Block(" | ".join(cell for cell in cells if cell), "paragraph")
        elif tag in ("div", "section", "main"):
            yield from _blocks(child, kind, depth)


def _items(element: Any, depth: int) -> Iterator[Block]:
    """The items of a list, numbered when the list is ordered; nested lists one level deeper."""
    ordered = element.get("rend") == "ol"
    number = 0
    for item in element:
        if item.tag != "item":
            continue
        number += 1
        nested = [c for c in item if c.tag == "list"]
        for sub in nested:
            item.remove(sub)
        text = _inline(item)
        if text:
            yield Block(f"{number}. {text}" if ordered else text, "item", depth)
        for sub in nested:
            yield from _items(sub, depth + 1)


def _inline(element: Any) -> str:
    """An element's text with its inline children (emphasis, links) as text, line breaks as
    spaces, white space collapsed."""
    parts: list[str] = []
    _collect(element, parts)
    return " ".join("".join(parts).split())


def _collect(element: Any, parts: list[str]) -> None:
    """Append an element's text and its children's, with their tails, in document order."""
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            if child.tag == "lb":
                parts.append(" ")
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _clean(value: str | None) -> str | None:
    """A metadata value as one line, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _same(a: str, b: str) -> bool:
    """Whether two headings say the same, white space aside."""
    return a.split() == b.split()
