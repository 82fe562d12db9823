"""The whole of Unicode 17's BidiTest.txt (770,241 cases in its compressed format) through the
engine's own level resolution (`bidi.resolve`: the fast paths, `uax9` or python-bidi, as the
engine would choose for the text) and its L1 and L2 code.

Each data line is a sequence of bidi classes; it becomes text with one representative character
per class, resolved for every paragraph direction in its bitset (1 auto, 2 LTR, 4 RTL), and
compared with the file's `@Levels` (x for the characters rule X9 removes) and `@Reorder`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.layout.bidi import REMOVED_CLASSES, apply_l1, resolve, visual_order

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "unicode"

REPRESENTATIVE = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "0", "ES": "+", "ET": "$", "AN": "\u0660",
    "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029", "S": "\t", "WS": " ", "ON": "!",
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}  # fmt: skip
"""One character of each bidi class."""
DIRECTIONS = ((1, "auto"), (2, "ltr"), (4, "rtl"))
"""Bitset value → paragraph direction."""


def cases() -> Iterator[tuple[str, str, list[str], list[int]]]:
    """(data line, direction, expected levels, expected order) for every case of the file."""
    levels: list[str] = []
    order: list[int] = []
    with (DATA / "BidiTest.txt").open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@Levels:"):
                levels = line.split(":", 1)[1].split()
            elif line.startswith("@Reorder:"):
                order = [int(i) for i in line.split(":", 1)[1].split()]
            elif not line.startswith("@"):
                classes, bits = line.split(";")
                text = "".join(REPRESENTATIVE[c] for c in classes.split())
                for bit, direction in DIRECTIONS:
                    if int(bits, 16) & bit:
                        yield text, direction, levels, order


def test_every_bidi_test_case() -> None:
    """All 770,241 cases: resolved levels after L1, and the visual order of what X9 keeps."""
    total = 0
    failures: list[str] = []
    for text, direction, expected_levels, expected_order in cases():
        total += 1
        paragraph_level, levels, classes = resolve(text, direction)  # type: ignore[arg-type]
        levels = list(levels)
        apply_l1(classes, levels, paragraph_level)
        kept = [i for i, cls in enumerate(classes) if cls not in REMOVED_CLASSES]
        shown = ["x" if cls in REMOVED_CLASSES else str(levels[i]) for i, cls in enumerate(classes)]
        order = [kept[i] for i in visual_order([levels[i] for i in kept])]
        if shown != expected_levels or order != expected_order:
            failures.append(f"{[hex(ord(c)) for c in text]} {direction}: {shown} {order}")
    assert total == 770_241  # the whole file
    assert not failures, f"{len(failures)} of {total} cases fail, first: {failures[:5]}"
