"""The structured loaders against the libraries they wrap, in one run, as ratios.

    python benchmarks/bench_formats.py [--runs 9]

1. HTML: `html_document` on the news pages the tests build from shared/data/texts (about 8 KB
   each, site chrome included) and on one large page (3,000 paragraphs of large-01.ar.txt in the
   same chrome, about 1.7 MB), against `trafilatura.extract(page, with_metadata=True)` (the
   article as text with its title, author and date) on the same pages. Our loader decodes,
   extracts the tree and walks it into blocks. Target: ratio ≤ 1.2.
2. Markdown: `markdown_document` on a Markdown article against `MarkdownIt().render` to HTML.
3. Plain text is untouched: `load_document` on large-01.ar.txt (10 MB) against
   `decode_document` on its bytes (the format sniffing, of the first 4 KB, is the only extra).
   Target ≤ 1.05.

Timings alternate between ours and the reference so load on this shared machine hits both.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "formats"))

from pages import NEWS, TEXTS, markdown_article, news_page  # noqa: E402


def _time(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def compare(
    label: str, ours: Callable[[], object], reference: Callable[[], object], runs: int
) -> None:
    """Run both alternately `runs` times; print medians and the ratio."""
    ours()
    reference()  # warm: imports and caches out of the way
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(_time(ours))
        theirs.append(_time(reference))
    a, b = statistics.median(mine), statistics.median(theirs)
    print(f"{label}: {a * 1000:.1f} ms vs reference {b * 1000:.1f} ms; ratio {a / b:.2f}")


def large_page() -> bytes:
    """The first news page with 3,000 real paragraphs of large-01.ar.txt in its body."""
    text = (TEXTS / "large-01.ar.txt").read_text(encoding="utf-8")[:3_000_000]
    lines = [line for line in text.split("\n") if len(line) > 80][:3000]
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    page = news_page(NEWS[0]).html.decode("utf-8")
    return page.replace('<div class="story-body">', '<div class="story-body">' + body).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    import trafilatura
    from markdown_it import MarkdownIt

    from reader.text.html_blocks import html_document
    from reader.text.load import decode_document, load_document
    from reader.text.markdown_blocks import markdown_document

    def extract(page: bytes) -> object:
        """The library on its own: the article as text, with its title, author and date."""
        return trafilatura.extract(page.decode("utf-8"), with_metadata=True)

    pages = [news_page(name).html for name in NEWS]
    compare(
        f"HTML, {len(pages)} news pages",
        lambda: [html_document(page, "page.html") for page in pages],
        lambda: [extract(page) for page in pages],
        args.runs,
    )
    big = large_page()
    compare(
        f"HTML, one page of {len(big) // 1024} KB",
        lambda: html_document(big, "page.html"),
        lambda: extract(big),
        max(3, args.runs // 3),
    )
    note, _ = markdown_article()
    data = note.encode("utf-8")
    compare(
        "Markdown article",
        lambda: markdown_document(data, "notes.md"),
        lambda: MarkdownIt("commonmark").render(note),
        args.runs * 10,
    )
    path = TEXTS / "large-01.ar.txt"
    compare(
        "plain text, large-01.ar.txt",
        lambda: load_document(str(path)),
        lambda: decode_document(path.read_bytes(), str(path)),
        args.runs,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
