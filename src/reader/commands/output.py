"""Writing a subcommand's result to stdout: UTF-8 whatever the locale, one final newline, and
no invisible character that could reorder or hide what the terminal shows.

JSON is what a user sees by default, so `json_text` writes every invisible format character
(bidi overrides and isolates such as U+202E, zero-width characters, C1 controls, line and
paragraph separators) as a `\\uXXXX` escape: the parsed strings are unchanged, the terminal gets
nothing to act on. `visible_cell` does the same for a tsv field, where it makes them visible.

A document's JSON can be larger than the document (one word a line: a dict per paragraph), so
`json_pieces` writes it piece by piece: a top-level value given as an iterator is written as an
array item by item, and the text goes out in batches (`write_pieces`). Built whole, one word a
line of 4 MB peaked at half a gigabyte in `reader topics`, most of it the encoder's pieces.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO

from reader.streams import write_failed

INVISIBLE = re.compile(
    "[\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
"""Invisible characters: Unicode's format characters (Cf, as of Unicode 15), line and paragraph
separators, C1 controls and DEL, and lone surrogates. C0 controls are escaped by JSON itself."""

JOINERS = "\u200c\u200d"
"""ZWNJ and ZWJ: invisible, but part of how Persian and Arabic words are written; a tsv field
keeps them (JSON escapes them too: its parsed text is unchanged either way)."""


def _escape(match: re.Match[str]) -> str:
    """`\\uXXXX` for one character (a surrogate pair beyond the BMP, as JSON writes it)."""
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


BATCH_CHARACTERS = 1 << 16
"""About how much JSON text `json_pieces` escapes and hands on at once."""
ARRAY_BATCH = 256
"""How many items of a top-level iterator `json_pieces` encodes together."""


def _listed(value: object) -> list[object]:
    """An iterator as the list JSON writes (the encoders' fallback for other types)."""
    if isinstance(value, Iterator):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_text(payload: Mapping[str, object]) -> str:
    """`payload` as indented JSON, readable Arabic kept as is, invisible characters escaped;
    a value given as an iterator is an array. The same text as `json_pieces`, whole."""
    return "".join(json_pieces(payload))


def json_pieces(payload: Mapping[str, object]) -> Iterator[str]:
    """`json_text` in pieces of about `BATCH_CHARACTERS`, never built whole: the text
    ``json.dumps(payload, ensure_ascii=False, indent=2)`` gives (with each iterator a list),
    each top-level iterator read one item at a time."""
    batch: list[str] = []
    size = 0
    for piece in _object_pieces(payload):
        batch.append(piece)
        size += len(piece)
        if size >= BATCH_CHARACTERS:
            yield INVISIBLE.sub(_escape, "".join(batch))
            batch, size = [], 0
    if batch:
        yield INVISIBLE.sub(_escape, "".join(batch))


def _object_pieces(payload: Mapping[str, object]) -> Iterator[str]:
    """The unescaped pieces of `json_pieces`: the object's braces and keys written here, its
    values by the standard encoder, indented one level deeper."""
    if not payload:
        yield "{}"
        return
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=_listed)
    for n, (key, value) in enumerate(payload.items()):
        yield ("{" if n == 0 else ",") + "\n  " + encoder.encode(key) + ": "
        if isinstance(value, Iterator):
            yield from _array_pieces(encoder, value)
        else:
            yield from _indented(encoder.iterencode(value), "  ")
    yield "\n}"


def _array_pieces(encoder: json.JSONEncoder, items: Iterator[object]) -> Iterator[str]:
    """A top-level value's array, `ARRAY_BATCH` items at a time (the encoder set up once per
    batch, not per item: twice as fast for a million small items), as the encoder indents a
    list at that depth."""
    opened = False
    while batch := list(itertools.islice(items, ARRAY_BATCH)):
        text = "".join(encoder.iterencode(batch))  # "[\n  item,\n  item\n]"
        yield ("," if opened else "[") + text[1:-2].replace("\n", "\n  ")
        opened = True
    yield "\n  ]" if opened else "[]"


def _indented(pieces: Iterable[str], indent: str) -> Iterator[str]:
    """Encoder pieces moved ``indent`` to the right: a line break in a piece is always the
    encoder's own (JSON strings escape theirs)."""
    for piece in pieces:
        yield piece.replace("\n", "\n" + indent)


def json_line(payload: Mapping[str, object]) -> str:
    """`payload` as one line of JSON (for JSON Lines), invisible characters escaped as in
    `json_text`; a value given as an iterator is an array."""
    return INVISIBLE.sub(_escape, json.dumps(payload, ensure_ascii=False, default=_listed))


def visible_cell(text: str) -> str:
    """A tsv field: white space runs (tabs, line breaks) become one space, invisible characters
    other than the joiners become `\\uXXXX`, so a bidi override cannot reorder the line."""
    text = " ".join(text.split())
    return INVISIBLE.sub(lambda m: m.group() if m.group() in JOINERS else _escape(m), text)


def write_text(out: TextIO, text: str) -> None:
    """Write `text` and a final newline as UTF-8 (a C or POSIX locale must not turn Arabic into
    an encoding error), unencodable characters replaced. A failing stdout raises `OutputError`
    (a closed pipe stays `BrokenPipeError`, which the CLI treats as the reader going away)."""
    write_pieces(out, (text,))


def write_pieces(out: TextIO, pieces: Iterable[str]) -> None:
    """`write_text` for a text given in pieces (`json_pieces`), written as they come."""
    try:
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", errors="replace")
        for piece in pieces:
            out.write(piece)
        out.write("\n")
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise write_failed(error) from None
