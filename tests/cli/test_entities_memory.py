"""Peak memory of `reader entities` grows with the document by a small multiple of its size,
whatever its shape: one long line was tagged whole and took ~700 times its size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LARGE = ROOT / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"

GROWTH_PER_BYTE = 40
"""The most the peak may grow per byte of document (measured: 6 to 22; tagged whole, the same
line grew it by about 100 here, and by 700 on a line with fewer sentence ends)."""


def peak_rss(path: Path, out: Path) -> int:
    """Peak resident bytes of `reader entities PATH`, run as its own process."""
    with out.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "entities", str(path)],
            stdout=sink,
            stderr=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0
    assert out.stat().st_size > 0
    return usage.ru_maxrss * 1024  # kilobytes on Linux


def test_one_long_line_is_tagged_in_bounded_pieces(tmp_path: Path) -> None:
    """The same 100 KB of Wikipedia as one line, twice and eight times over (so the bounded
    caches are full in both): the peak grows by less than `GROWTH_PER_BYTE` times the extra
    text. Tagged whole, one line grew it by about 100 bytes per byte here."""
    base = LARGE.read_bytes()[:100_000].decode("utf-8", errors="ignore").replace("\n", " ")
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text((base + " ") * 2, encoding="utf-8")
    large.write_text((base + " ") * 8, encoding="utf-8")
    extra = large.stat().st_size - small.stat().st_size
    growth = peak_rss(large, tmp_path / "l.json") - peak_rss(small, tmp_path / "s.json")
    assert growth < GROWTH_PER_BYTE * extra, f"{growth / extra:.0f} bytes per byte"


def test_a_line_without_spaces_costs_little(tmp_path: Path) -> None:
    one_word = tmp_path / "one-word.txt"
    one_word.write_text("ب" * 1_000_000, encoding="utf-8")
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("ب", encoding="utf-8")
    growth = peak_rss(one_word, tmp_path / "w.json") - peak_rss(tiny, tmp_path / "t.json")
    assert growth < GROWTH_PER_BYTE * one_word.stat().st_size


VOCABULARY_GROWTH_PER_BYTE = 10
"""The most the peak may grow per byte of new prose, past the first 500,000 characters (its
vocabulary still growing: measured 5; 14 with the CRF's word and feature caches at 32,768 and
65,536, 26 with the helpers' per-word caches at 65,536 words too)."""


def test_new_words_cost_little(tmp_path: Path) -> None:
    """The first 500,000 and 1,500,000 characters of real prose (an encyclopaedia: 23,000 and
    50,000 distinct words). The tagger's per-word caches are bounded below the vocabulary of a
    long document, so new words cost little more than repeated ones."""
    text = LARGE.read_text("utf-8")
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(text[:500_000], encoding="utf-8")
    large.write_text(text[:1_500_000], encoding="utf-8")
    extra = large.stat().st_size - small.stat().st_size
    growth = peak_rss(large, tmp_path / "l.json") - peak_rss(small, tmp_path / "s.json")
    assert growth < VOCABULARY_GROWTH_PER_BYTE * extra, f"{growth / extra:.0f} bytes per byte"
