"""EPUB to blocks with ebooklib: the chapters in spine order, each through the HTML path, and the
table of contents as the document's chapters.

Before ebooklib unpacks anything, the archive's directory is checked: too many entries or too
many uncompressed bytes is a zip bomb and is refused, and so is a book encrypted with DRM (Adobe
`rights.xml`, Apple `sinf.xml`, or an `encryption.xml` that encrypts more than fonts). zipfile
never reads past an entry's declared size, so the declared sizes are a real bound.
"""

from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from reader.text.document import Block, Chapter, Document
from reader.text.load import MIB, LoadError, display_name

MAX_ENTRIES = 10_000
"""The most files an EPUB may hold: real books have tens to a few thousand."""

MAX_UNCOMPRESSED = 256 * MIB
"""The most bytes an EPUB may unpack to, all entries together."""

FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
"""The `encryption.xml` algorithms that only obfuscate embedded fonts: not DRM."""

_ALGORITHM = re.compile(rb"""Algorithm\s*=\s*["']([^"']*)["']""")
"""An `EncryptionMethod`'s algorithm in `encryption.xml`."""


def epub_document(data: bytes, name: str) -> Document:
    """Read an EPUB's bytes into a `Document` called `name`; raises `LoadError` for a damaged
    archive, a zip bomb, DRM, or a book with no text."""
    shown = display_name(name)
    check_archive(data, shown)
    from ebooklib import ITEM_DOCUMENT, epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib announces future defaults on every read
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": False})
    except (epub.EpubException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise LoadError(f"{shown}: not a readable EPUB ({_reason(error)})") from None
    except Exception as error:  # lxml's parse errors and ebooklib's own slips on bad books
        raise LoadError(f"{shown}: not a readable EPUB ({_reason(error)})") from None

    title = _metadata(book, "title")
    author = _metadata(book, "creator")
    blocks: list[Block] = []
    if title:
        blocks.append(Block(title, "title"))
    if author:
        blocks.append(Block(author, "byline"))
    starts: dict[str, int] = {}
    count = _count(blocks)
    front = count
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        chapter = list(_chapter_blocks(item.get_content(), item.get_name()))
        starts[posixpath.normpath(item.get_name())] = count
        blocks.extend(chapter)
        count += _count(chapter)
    if count == front:
        raise LoadError(f"{shown}: the book has no text to read")
    chapters = tuple(_table_of_contents(book.toc, starts, count))
    return Document.from_blocks(blocks, name, title=title, chapters=chapters, source_format="epub")


def check_archive(data: bytes, shown: str) -> None:
    """Refuse what is not a zip archive, a zip bomb and a book with DRM."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise LoadError(f"{shown}: not an EPUB (it is not a zip archive)") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise LoadError(
                f"{shown}: refused: the archive holds {len(entries)} files "
                f"(more than {MAX_ENTRIES}; a zip bomb?)"
            )
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNCOMPRESSED:
            raise LoadError(
                f"{shown}: refused: the archive unpacks to {total // MIB} MB "
                f"(more than {MAX_UNCOMPRESSED // MIB} MB; a zip bomb?)"
            )
        names = {entry.filename for entry in entries}
        if "META-INF/rights.xml" in names or "META-INF/sinf.xml" in names:
            raise LoadError(f"{shown}: the book is locked with DRM and cannot be read")
        if "META-INF/encryption.xml" in names:
            try:
                manifest = archive.read("META-INF/encryption.xml")
            except (zipfile.BadZipFile, OSError, ValueError):
                raise LoadError(f"{shown}: not a readable EPUB (a damaged entry)") from None
            algorithms = {
                match.decode("ascii", "replace") for match in _ALGORITHM.findall(manifest)
            }
            if algorithms - FONT_OBFUSCATION:
                raise LoadError(f"{shown}: the book is locked with DRM and cannot be read")


def _chapter_blocks(content: bytes, name: str) -> Iterator[Block]:
    """A chapter's blocks through the HTML path; its own title is a first-level heading, and
    per-chapter bylines are dropped (the book's author is said once)."""
    from reader.text.html_blocks import decode_page, extract_blocks

    text, _encoding, _warnings = decode_page(content, name, None)
    blocks, _title = extract_blocks(text, recall=True)
    for block in blocks:
        if block.kind == "title":
            yield Block(block.text, "heading", 1)
        elif block.kind != "byline":
            yield block


def _table_of_contents(
    toc: Iterable[Any], starts: dict[str, int], paragraphs: int
) -> Iterator[Chapter]:
    """The table of contents, flattened in order: each entry whose file is in the spine, at the
    paragraph its file starts at."""
    for entry in toc:
        if isinstance(entry, tuple):
            section, children = entry
            yield from _entry(section, starts, paragraphs)
            yield from _table_of_contents(children, starts, paragraphs)
        else:
            yield from _entry(entry, starts, paragraphs)


def _entry(entry: Any, starts: dict[str, int], paragraphs: int) -> Iterator[Chapter]:
    """One table-of-contents link as a chapter, if its file is among the chapters read."""
    href = getattr(entry, "href", None)
    title = " ".join(str(getattr(entry, "title", "") or "").split())
    if not href or not title:
        return
    path = posixpath.normpath(str(href).split("#", 1)[0])
    start = starts.get(path)
    if start is None:  # a path relative to a nav file elsewhere: match on the file name
        base = posixpath.basename(path)
        start = next((s for p, s in starts.items() if posixpath.basename(p) == base), None)
    if start is not None and start < paragraphs:
        yield Chapter(title, start)


def _count(blocks: Iterable[Block]) -> int:
    """How many paragraphs blocks become (a preformatted block is one per non-blank line)."""
    return len(Document.from_blocks(blocks, "").paragraphs)


def _metadata(book: Any, field: str) -> str | None:
    """A Dublin Core value of the book (its first), as one line, or None."""
    values = book.get_metadata("DC", field)
    if not values:
        return None
    text = " ".join(str(values[0][0] or "").split())
    return text or None


def _reason(error: BaseException) -> str:
    """An error's own words on one line, or its class name."""
    text = " ".join(str(error).split())
    return text[:120] or type(error).__name__
