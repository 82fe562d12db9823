"""Memory follows the document's size, not its shape: `reader render` of lines without spaces
peaks within a fixed baseline plus a small multiple of the file (it used about 270 times the
file before), and the pieces a long paragraph is laid out in give the lines of one pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from terminals import reader_command, reader_environment

from reader.layout.engine import layout_clusters_once, layout_once
from reader.layout.pieces import LONG_PARAGRAPH

MB = 1024 * 1024
BASELINE_MB = 80
"""What the interpreter and the reader's modules take before any document (about 20 MB
measured; generous, as other tests run beside)."""
MULTIPLE = 12
"""Peak memory allowed per byte of input, beyond the baseline."""


MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""A fresh process whose one child is the reader: its children's peak is the reader's."""


def peak_of(arguments: list[str], home: Path) -> int:
    """Peak resident memory (bytes) of one run of `reader ARGUMENTS...`."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *reader_command(), *arguments],
        env=reader_environment(home),
        capture_output=True,
        timeout=300,
        check=True,
    )
    status, kilobytes = done.stdout.split()
    assert status == b"0", done.stderr.decode()
    return int(kilobytes) * 1024


SHAPES = {"latin": ("x", 4 * MB), "arabic": ("ب", MB), "marks": ("بَ", MB // 2)}
"""Lines without a space: what is repeated, and how many times."""


@pytest.mark.parametrize("name", list(SHAPES))
@pytest.mark.parametrize("width", ["80", "0"])
def test_render_of_a_line_without_spaces(name: str, width: str, tmp_path: Path, home: Path) -> None:
    """One line of 4 MB of `x` (or 2 MB of Arabic letters, with or without harakat): peak
    within the bound."""
    unit, count = SHAPES[name]
    path = tmp_path / f"{name}.txt"
    path.write_text(unit * count + "\n", "utf-8")
    size = path.stat().st_size
    peak = peak_of(["render", "--width", width, str(path)], home)
    assert peak <= BASELINE_MB * MB + MULTIPLE * size, f"{peak / MB:.0f} MB for {size / MB:.1f} MB"


@pytest.mark.parametrize("width", [80, 33, 7])
def test_pieces_give_the_lines_of_one_pass(texts: Path, width: int) -> None:
    """Real prose joined into one paragraph of about 70,000 characters: the pieced layout's
    lines are the one-pass pipeline's, line for line (text and offsets)."""
    paragraphs = (texts / "large-01.ar.txt").read_text("utf-8").splitlines()
    text = " ".join(p for p in paragraphs[:1200] if p.strip())
    assert len(text) > 2 * LONG_PARAGRAPH
    pieced = layout_once(text, width)
    whole = layout_clusters_once(text, width)
    assert [(line.text, line.start, line.end) for line in pieced.lines] == [
        (line.text, line.start, line.end) for line in whole.lines
    ]
    assert pieced.lines[len(pieced.lines) // 2].cells == whole.lines[len(whole.lines) // 2].cells
    assert pieced.removed == whole.removed


def test_render_of_a_million_short_lines(texts: Path, tmp_path: Path, home: Path) -> None:
    """A million lines of one word each (the words of real prose, about 7 MB): peak within the
    bound (each line held as its own paragraph object took about 25 times the file before)."""
    words = (texts / "large-01.ar.txt").read_text("utf-8").split()
    lines = (words * (1_000_000 // len(words) + 1))[:1_000_000]
    path = tmp_path / "short-lines.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    size = path.stat().st_size
    peak = peak_of(["render", "--width", "80", str(path)], home)
    assert peak <= BASELINE_MB * MB + MULTIPLE * size, f"{peak / MB:.0f} MB for {size / MB:.1f} MB"


TOPICS_MULTIPLE = 8
"""Peak memory `reader topics` may take per byte of one word a line, beyond the baseline: about
57 MB and 8 times the file measured (12 when the topic index kept four tuples as long as the
document, 14 when a long document's per-paragraph themes were gathered in lists and sets)."""


def test_topics_of_one_word_a_line(texts: Path, tmp_path: Path, home: Path) -> None:
    """`reader topics` of the first 1.75 MB of real prose, one word a line (about 170,000
    paragraphs): peak within the bound. Its JSON (a dict per paragraph) was built whole, and
    its paragraphs copied into a list: about 130 times the file (300 MB here; 82 MB before
    the per-paragraph themes were gathered in arrays, 78 before the topic index's own
    per-paragraph data and the paragraphs' offsets were 4-byte arrays, 72 now)."""
    words = (texts / "large-01.ar.txt").read_text("utf-8")[:1_000_000].split()
    path = tmp_path / "short-lines.txt"
    path.write_text("\n".join(words) + "\n", "utf-8")
    size = path.stat().st_size
    peak = peak_of(["topics", str(path)], home)
    bound = BASELINE_MB * MB + TOPICS_MULTIPLE * size
    assert peak <= bound, f"{peak / MB:.0f} MB for {size / MB:.1f} MB"


TOPICS_GROWTH_PER_BYTE = {"prose": 7, "one line": 18}
"""The most `reader topics` may grow per byte of new prose (its vocabulary growing), by shape:
measured 5 for prose (9 when its stems and word kinds were remembered for every word of the
document) and 14 for one line (22 when, besides, every word of a paragraph was listed to find
the words joined by «و»)."""


@pytest.mark.parametrize("shape", list(TOPICS_GROWTH_PER_BYTE))
def test_topics_of_new_words(shape: str, texts: Path, tmp_path: Path, home: Path) -> None:
    """The first 500,000 and 2,000,000 characters of real prose (23,000 and 63,000 distinct
    words), as written or as one line: the topic finder's per-word caches are bounded below a
    long text's vocabulary, and a long paragraph is never held word by word."""
    text = (texts / "large-01.ar.txt").read_text("utf-8")
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    for path, characters in ((small, 500_000), (large, 2_000_000)):
        part = text[:characters]
        path.write_text(part if shape == "prose" else " ".join(part.split()), "utf-8")
    extra = large.stat().st_size - small.stat().st_size
    growth = peak_of(["topics", str(large)], home) - peak_of(["topics", str(small)], home)
    bound = TOPICS_GROWTH_PER_BYTE[shape]
    assert growth < bound * extra, f"{growth / extra:.1f} bytes per byte"
