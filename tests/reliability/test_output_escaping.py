"""JSON and tsv output never carry a bidi override or another invisible character to the
terminal: JSON escapes them (`\\u202e`, the parsed strings unchanged), tsv shows them as
`\\u202e`. Run on the real command with a real article seeded with such characters."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from harness import run_cli

from reader.commands.output import INVISIBLE, json_text, visible_cell

SEEDS = "\u202e\u202d\u2067\u2066\u2069\u200f\u061c\u200b\ufeff\u2028\u0085\u00ad"
"""Invisible characters a hostile article might put inside names."""


def seeded_article(texts: Path, tmp_path: Path) -> Path:
    """news-01 with an invisible character after every fifth letter of each word that follows
    a space (inside names, too)."""
    text = (texts / "news-01.ar.txt").read_text("utf-8")
    words = text.split(" ")
    for n in range(0, len(words), 3):
        word = words[n]
        if len(word) > 3:
            words[n] = word[:2] + SEEDS[n % len(SEEDS)] + word[2:]
    path = tmp_path / "seeded.txt"
    path.write_text(" ".join(words), "utf-8")
    return path


def raw_invisible(output: bytes) -> set[str]:
    """The invisible characters written as such (not escaped) in `output`."""
    return set(INVISIBLE.findall(output.decode("utf-8"))) - {"\u200c", "\u200d"}


def test_entities_json_escapes_and_round_trips(texts: Path, tmp_path: Path, home: Path) -> None:
    """Default format: no raw invisible character, and every mention's text is exactly the
    document's characters at its offsets (the escapes parse back to them)."""
    path = seeded_article(texts, tmp_path)
    done = run_cli(["entities", str(path)], home)
    assert done.returncode == 0
    assert raw_invisible(done.stdout) == set()
    assert b"\\u202e" in done.stdout or b"\\u2067" in done.stdout  # the seeds reached a name
    text = path.read_text("utf-8")
    mentions = [m for e in json.loads(done.stdout)["entities"] for m in e["mentions"]]
    assert mentions and all(text[m["start"] : m["end"]] == m["text"] for m in mentions)


def test_entities_tsv_shows_them(texts: Path, tmp_path: Path, home: Path) -> None:
    """tsv: no raw invisible character; they appear as `\\uXXXX`."""
    done = run_cli(["entities", "--format", "tsv", str(seeded_article(texts, tmp_path))], home)
    assert done.returncode == 0
    assert raw_invisible(done.stdout) == set()
    assert b"\\u" in done.stdout


def test_topics_json_escapes(texts: Path, tmp_path: Path, home: Path) -> None:
    """Topic labels are the document's words: escaped the same way."""
    done = run_cli(["topics", str(seeded_article(texts, tmp_path))], home)
    assert done.returncode == 0
    assert raw_invisible(done.stdout) == set()
    json.loads(done.stdout)


@pytest.mark.parametrize("character", [*SEEDS, "\U000e0041", "\ud800"])
def test_json_text_escapes_each_and_parses_back(character: str) -> None:
    """Each invisible character, BMP or not, becomes an escape that parses back to itself."""
    value = f"a{character}b"
    written = json_text({"v": value})
    assert character not in written
    assert json.loads(written)["v"] == value
    assert character not in visible_cell(value)


def test_the_class_covers_every_format_character() -> None:
    """INVISIBLE holds every Cf, Zl and Zp character of this Python's Unicode (and C1), and
    nothing visible."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        wanted = category in ("Cf", "Zl", "Zp", "Cs") or 0x7F <= code <= 0x9F
        if wanted:
            assert INVISIBLE.fullmatch(char), f"U+{code:04X} ({category}) not escaped"
        elif INVISIBLE.fullmatch(char):
            assert category == "Cn", f"U+{code:04X} ({category}) escaped but visible"
