"""Writing a subcommand's result to stdout: UTF-8 whatever the locale, one final newline, and
no invisible character that could reorder or hide what the terminal shows.

JSON is what a user sees by default, so `json_text` writes every invisible format character
(bidi overrides and isolates such as U+202E, zero-width characters, C1 controls, line and
paragraph separators) as a `\\uXXXX` escape: the parsed strings are unchanged, the terminal gets
nothing to act on. `visible_cell` does the same for a tsv field, where it makes them visible.
"""

from __future__ import annotations

import json
import re
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


def json_text(payload: object) -> str:
    """`payload` as indented JSON, readable Arabic kept as is, invisible characters escaped."""
    return INVISIBLE.sub(_escape, json.dumps(payload, ensure_ascii=False, indent=2))


def json_line(payload: object) -> str:
    """`payload` as one line of JSON (for JSON Lines), invisible characters escaped as in
    `json_text`."""
    return INVISIBLE.sub(_escape, json.dumps(payload, ensure_ascii=False))


def visible_cell(text: str) -> str:
    """A tsv field: white space runs (tabs, line breaks) become one space, invisible characters
    other than the joiners become `\\uXXXX`, so a bidi override cannot reorder the line."""
    text = " ".join(text.split())
    return INVISIBLE.sub(lambda m: m.group() if m.group() in JOINERS else _escape(m), text)


def write_text(out: TextIO, text: str) -> None:
    """Write `text` and a final newline as UTF-8 (a C or POSIX locale must not turn Arabic into
    an encoding error), unencodable characters replaced. A failing stdout raises `OutputError`
    (a closed pipe stays `BrokenPipeError`, which the CLI treats as the reader going away)."""
    try:
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", errors="replace")
        out.write(text + "\n")
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise write_failed(error) from None
