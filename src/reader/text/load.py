"""Loading an article: a file, standard input, a web address or the bundled default, as a
`Document`.

Files and standard input may be plain text, HTML, Markdown or EPUB (`reader.text.sniff` tells
which); the structured formats and addresses go to their own modules (`html_blocks`,
`markdown_blocks`, `epub_book`, `web`), imported only when needed. Plain text takes two steps,
kept apart so the decoding can be tested and fuzzed without files:

- `load_document` gets the bytes (from a path, from stdin, or the default article shipped as
  `reader.assets`), refusing what is not a readable file or is too large, and
- `decode_document` turns bytes into text: UTF-8 (with or without a byte order mark), UTF-16 with
  a byte order mark, or legacy Windows-1256 Arabic, and refuses binary or undecodable data.

Every failure is a `LoadError`: one line naming the file, never a traceback. The work is done with
`bytes.decode`, `bytes.translate` and `str` methods so a 10 MB article loads in a fraction of a
second.
"""

from __future__ import annotations

import codecs
import dataclasses
import importlib.resources
import os
import re
import stat
import sys
from collections.abc import Callable
from typing import BinaryIO

from reader.errors import UserError
from reader.text.document import Document
from reader.text.sniff import guess_format, is_address

MIB = 1024 * 1024
"""One mebibyte: sizes in messages are in these units, written "MB" as people say it."""

SIZE_LIMIT = 64 * MIB
"""The largest input opened: far beyond any article, small enough to stay responsive."""

STDIN_NAME = "<stdin>"
"""What a document read from standard input is called."""

DEFAULT_ARTICLE = "article.ar.txt"
"""The bundled article shown when no file is given, a resource of `reader.assets`."""

_CHUNK = MIB
"""How much is read at a time from a stream whose size is not known in advance."""

_ASCII = bytes(range(128))
"""The ASCII bytes, to count the others with `bytes.translate`."""

_CONTROL_BYTES = bytes(
    b for b in range(32) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B)
) + bytes([0x7F])
"""C0 control bytes that text does not contain (tab, newlines, form feed and escape are text)."""

_BINARY_CONTROL_SHARE = 0.05
"""Above this share of control bytes, the data is taken for binary, not text."""

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that was not valid UTF-8, as the `surrogateescape` handler stands it in."""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A UTF-16 code unit that is half of a pair, left alone (`surrogatepass`)."""

_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control characters, line separators and bidi controls: escaped in names so messages stay one
line and a name cannot reorder the message around it."""

_ARABIC_SCRIPT_1256 = bytes(
    byte
    for byte in range(128, 256)
    if "\u0600" <= bytes([byte]).decode("cp1256") <= "\u06ff"
    or "\u200c" <= bytes([byte]).decode("cp1256") <= "\u200f"
)
"""Windows-1256 bytes for Arabic-script letters, marks and punctuation, joiners and direction
marks: counted with `bytes.translate`, which is much faster than decoding and matching."""

_MOSTLY_VALID_FACTOR = 4
"""UTF-8 with bad bytes is still UTF-8 if valid multi-byte characters outnumber errors this much."""

_STRAY_BAD_SHARE = 0.01
"""UTF-8 with bad bytes is still UTF-8 if they are at most this share of all bytes."""

_LEGACY_ARABIC_SHARE = 0.9
"""Bytes are Windows-1256 if at least this share of their non-ASCII characters is Arabic script.

Real Windows-1256 articles score 0.999 and above; UTF-8 Arabic misread as Windows-1256 scores
about 0.5 to 0.7, because its continuation bytes become punctuation and Latin letters.
"""

_UTF32_LE_BOM = codecs.BOM_UTF32_LE
"""The UTF-32 byte order mark, which also begins with the UTF-16 LE one: refused by name."""


class LoadError(UserError):
    """An article that cannot be opened or read as text: the message names the file."""


def load_document(
    path: str | None,
    *,
    stdin: BinaryIO | None = None,
    refresh: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> Document:
    """Read and decode an article.

    `path` None opens the bundled default article; "-" reads standard input (`stdin`, by default
    `sys.stdin.buffer`) up to the size limit; an address (`https://…`) is fetched, or taken from
    the cache unless `refresh` (`progress` is told the bytes received); anything else is a file
    path. Files and standard input may be plain text, HTML, Markdown or EPUB, told apart by
    extension and content. Raises `LoadError`.
    """
    if path is None:
        resource = importlib.resources.files("reader.assets") / DEFAULT_ARTICLE
        try:
            data = resource.read_bytes()
        except OSError as error:
            raise LoadError(f"the default article cannot be read: {_reason(error)}") from None
        return decode_document(data, DEFAULT_ARTICLE)
    if path == "-":
        stream = sys.stdin.buffer if stdin is None else stdin
        try:
            data = _read_bounded(stream, STDIN_NAME)
        except OSError as error:
            raise LoadError(f"{STDIN_NAME}: cannot be read: {_reason(error)}") from None
        return _warn_if_empty(document_from_bytes(data, STDIN_NAME, None))
    if is_address(path):
        from reader.text.web import load_address

        return _warn_if_empty(load_address(path, refresh=refresh, progress=progress))
    document = _warn_if_empty(document_from_bytes(_read_file(path), path, path))
    # Messages name the path as the user gave it; on screen, the file name is enough.
    return dataclasses.replace(document, name=_display_name(os.path.basename(path) or path))


def document_from_bytes(data: bytes, name: str, file_name: str | None) -> Document:
    """A document from bytes in any format reader opens, chosen by `file_name`'s extension (None
    for standard input) and by the content. The loaders of structured formats are imported only
    when needed, so plain text opens as fast as ever."""
    found = guess_format(file_name, data)
    if found == "html":
        from reader.text.html_blocks import html_document

        return html_document(data, name)
    if found == "markdown":
        from reader.text.markdown_blocks import markdown_document

        return markdown_document(data, name)
    if found == "epub":
        from reader.text.epub_book import epub_document

        return epub_document(data, name)
    return decode_document(data, name)


def _warn_if_empty(document: Document) -> Document:
    """Add a warning to a document with nothing to read (empty, or only white space): not an
    error, but the app and the subcommands should say why nothing is shown."""
    if document.paragraphs:
        return document
    what = "empty" if not document.text else "only white space"
    warning = f"nothing to read: {document.name} is {what}"
    return dataclasses.replace(document, warnings=(*document.warnings, warning))


def decode_document(data: bytes, name: str) -> Document:
    """Decode an article's bytes into a `Document` called `name`.

    Tries, in order: a byte order mark (UTF-8, UTF-16 LE/BE), valid UTF-8, Windows-1256 Arabic,
    and UTF-8 with a few bad bytes (shown as U+FFFD, with a warning). Raises `LoadError` for data
    over the size limit, binary data and data none of these can decode.
    """
    shown = _display_name(name)
    if len(data) > SIZE_LIMIT:
        raise LoadError(_too_large(shown, len(data)))
    if data.startswith(_UTF32_LE_BOM) or data.startswith(codecs.BOM_UTF32_BE):
        raise LoadError(f"{shown}: UTF-32 text is not supported; convert it to UTF-8")
    if data.startswith(codecs.BOM_UTF16_LE):
        return _decode_utf16(data[2:], "utf-16-le", shown)
    if data.startswith(codecs.BOM_UTF16_BE):
        return _decode_utf16(data[2:], "utf-16-be", shown)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[3:] if bom else data
    _refuse_binary(body, shown)
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        return Document.from_text(body.decode("utf-8"), shown, encoding)
    except UnicodeDecodeError:
        pass
    return _decode_damaged_or_legacy(body, shown, encoding, legacy_allowed=not bom)


def _decode_damaged_or_legacy(
    body: bytes, shown: str, encoding: str, *, legacy_allowed: bool
) -> Document:
    """Decide between UTF-8 with a few bad bytes and Windows-1256 for bytes that are not UTF-8.

    Counts the valid multi-byte UTF-8 characters against the bytes that are errors: text written
    in UTF-8 has many of the first and few of the second, while Windows-1256 Arabic is almost
    never valid UTF-8 (its letters are lead bytes followed by other letters, not continuations).
    """
    escaped = body.decode("utf-8", "surrogateescape")
    bad = len(body) - len(escaped.encode("utf-8", "ignore"))
    ascii_count = len(body) - len(body.translate(None, _ASCII))
    valid_multibyte = len(escaped) - ascii_count - bad
    if valid_multibyte >= _MOSTLY_VALID_FACTOR * bad:
        return _utf8_with_replacements(escaped, bad, shown, encoding)
    if legacy_allowed and _is_legacy_arabic(body):
        return Document.from_text(body.decode("cp1256"), shown, "cp1256")
    if bad <= _STRAY_BAD_SHARE * len(body):
        return _utf8_with_replacements(escaped, bad, shown, encoding)
    raise LoadError(
        f"{shown}: cannot decode the text ({bad} of {len(body)} bytes are not UTF-8, and it is "
        "not Windows-1256 Arabic); convert it to UTF-8"
    )


def _utf8_with_replacements(escaped: str, bad: int, shown: str, encoding: str) -> Document:
    """Build the document from UTF-8 text whose bad bytes were escaped, each shown as U+FFFD."""
    text = _ESCAPED_BYTE.sub("\ufffd", escaped)
    return Document.from_text(text, shown, encoding, (_replaced_warning(bad),))


def _is_legacy_arabic(body: bytes) -> bool:
    """Whether the bytes read as Windows-1256 give mostly Arabic-script characters."""
    non_ascii = body.translate(None, _ASCII)
    if not non_ascii:
        return False
    arabic = len(non_ascii) - len(non_ascii.translate(None, _ARABIC_SCRIPT_1256))
    return arabic >= _LEGACY_ARABIC_SHARE * len(non_ascii)


def _decode_utf16(body: bytes, encoding: str, shown: str) -> Document:
    """Decode UTF-16 after its byte order mark; a few broken code units become U+FFFD."""
    odd = len(body) % 2
    text = body[: len(body) - odd].decode(encoding, "surrogatepass")
    lone = len(_LONE_SURROGATE.findall(text))
    if lone:
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if odd:
        text += "\ufffd"
    bad = 2 * lone + odd
    _refuse_binary(text.encode("utf-8"), shown)
    if bad > max(_STRAY_BAD_SHARE * len(body), 16):
        raise LoadError(f"{shown}: cannot decode the text ({bad} bytes are not valid UTF-16)")
    warnings = (_replaced_warning(bad),) if bad else ()
    return Document.from_text(text, shown, encoding, warnings)


def _refuse_binary(data: bytes, shown: str) -> None:
    """Raise `LoadError` if the bytes hold NULs or a high share of control bytes."""
    if b"\x00" in data:
        raise LoadError(f"{shown}: binary data, not text (it contains NUL bytes)")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and controls > _BINARY_CONTROL_SHARE * len(data):
        raise LoadError(f"{shown}: binary data, not text ({controls} control bytes)")


def _replaced_warning(bad: int) -> str:
    """The warning shown when undecodable bytes were replaced."""
    noun = "byte" if bad == 1 else "bytes"
    return f"{bad} undecodable {noun} shown as \ufffd"


def _read_file(path: str) -> bytes:
    """Read a whole file, after checking with stat that it is not a directory or too large."""
    shown = _display_name(path)
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise LoadError(f"{shown}: is a directory, not a file")
            if stat.S_ISREG(status.st_mode) and status.st_size > SIZE_LIMIT:
                raise LoadError(_too_large(shown, status.st_size))
            return _read_bounded(file, shown)
    except FileNotFoundError:
        raise LoadError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{shown}: is a directory, not a file") from None
    except PermissionError:
        raise LoadError(f"{shown}: permission denied (the file cannot be read)") from None
    except OSError as error:
        raise LoadError(f"{shown}: cannot be read: {_reason(error)}") from None


def _read_bounded(stream: BinaryIO, shown: str) -> bytes:
    """Read a stream to its end, stopping with `LoadError` once it passes the size limit."""
    chunks: list[bytes] = []
    total = 0
    while total <= SIZE_LIMIT:
        chunk = stream.read(min(_CHUNK, SIZE_LIMIT + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise LoadError(_too_large(shown, None))


def _too_large(shown: str, size: int | None) -> str:
    """The message for input over the size limit; `size` None when only "over" is known."""
    limit = SIZE_LIMIT // MIB
    if size is None or round(size / MIB) <= limit:
        described = f"over {limit} MB"
    else:
        described = f"{round(size / MIB)} MB"
    return f"{shown} is {described}; reader opens files up to {limit} MB"


def _reason(error: OSError) -> str:
    """An OSError's own words (its strerror), or its text if it has none."""
    return error.strerror or str(error) or type(error).__name__


def _display_name(name: str) -> str:
    """A name fit for one line: undecodable file-name bytes as U+FFFD, control characters
    escaped (`\\n`); format characters such as the Persian ZWNJ are kept."""
    try:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "replace").decode("utf-8")
    if not name:
        return '""'
    return _LINE_BREAKING.sub(lambda match: repr(match.group())[1:-1], name)


display_name = _display_name
"""The public name of `_display_name`, for the other loaders' messages."""
