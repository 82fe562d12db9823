"""Plain text pays nothing for the other formats: opening a text file (and the app's start-up
path up to the document) imports none of the loaders' libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("trafilatura", "lxml", "httpx", "ebooklib", "justext", "htmldate", "courlan")

PROBE = """
import sys
from reader.commands.source import load_source
import argparse
document = load_source(argparse.Namespace(file=sys.argv[1], refresh=False))
assert document.paragraphs
print(" ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def loaded_after_opening(path: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_plain_text_imports_no_loader(texts: Path) -> None:
    assert loaded_after_opening(texts / "news-01.ar.txt") == []


def test_the_probe_sees_a_loader_when_one_is_used(tmp_path: Path) -> None:
    """The same probe on an HTML file does see trafilatura and lxml (but not httpx)."""
    from pages import NEWS, news_page

    path = tmp_path / "page.html"
    path.write_bytes(news_page(NEWS[0]).html)
    loaded = loaded_after_opening(path)
    assert "trafilatura" in loaded and "lxml" in loaded
    assert "httpx" not in loaded
