"""Turn a Textual snapshot SVG into a PNG that shows the terminal cells as they are.

    python tools/snapshot_png.py tests/ui/__snapshots__/test_snapshots/NAME.svg out.png

Why: a snapshot stores each run of same-styled cells as one SVG ``<text>``. SVG renderers
(rsvg, browsers) apply the Unicode bidi algorithm to each run, so Arabic that the reader already
laid out in visual order is reversed a second time, and the picture misleads. Here every cell
becomes its own ``<text>`` at its own column (combining marks stay with the letter before them),
so no renderer can reorder anything; then ``rsvg-convert`` (Debian's librsvg2-bin) draws it.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

_TEXT = re.compile(
    r'<text class="([^"]*)" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"([^>]*)>(.*?)</text>',
    re.DOTALL,
)


def _cells(text: str) -> list[str]:
    """Split a run into cells: each base character with the combining marks after it."""
    cells: list[str] = []
    for ch in text:
        if cells and (unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me")):
            cells[-1] += ch
        else:
            cells.append(ch)
    return cells


def per_cell(svg: str) -> str:
    """The SVG with every multi-cell text run split into one text element per cell."""

    def split(match: re.Match[str]) -> str:
        cls, x, y, length, rest, body = match.groups()
        text = html.unescape(body)
        cells = _cells(text)
        if len(cells) <= 1:
            return match.group(0)
        # Textual writes textLength as 12.2 px per *code point*, marks included, while a mark
        # takes no cell of its own: the cell width comes from the code points.
        width = float(length) / len(text)
        parts = []
        for i, cell in enumerate(cells):
            if cell.isspace():
                continue
            left = float(x) + i * width
            parts.append(
                f'<text class="{cls}" x="{left:.1f}" y="{y}" textLength="{width:.1f}"{rest}>'
                f"{html.escape(cell)}</text>"
            )
        return "".join(parts)

    return _TEXT.sub(split, svg)


def main(argv: list[str]) -> int:
    """Convert ``argv[1]`` (snapshot SVG) to ``argv[2]`` (PNG)."""
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(argv[1]), Path(argv[2])
    flat = target.with_suffix(".cells.svg")
    flat.write_text(per_cell(source.read_text(encoding="utf-8")), encoding="utf-8")
    subprocess.run(["rsvg-convert", "-o", str(target), str(flat)], check=True)
    flat.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
