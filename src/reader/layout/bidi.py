"""The Unicode bidi algorithm (UAX #9): embedding levels once per paragraph, reordering per line.

python-bidi 0.6 (the Rust crate unicode-bidi) exposes no levels, only `get_display`, which
resolves levels per call (so per line, which is wrong: `20%` in an Arabic sentence depends on the
paragraph) and skips rules L1 and L4. Its `debug=True` output is the crate's `BidiInfo` dump, with
the original bidi class and the resolved level of every UTF-8 byte. We parse that dump (pinned
python-bidi version; a parse failure raises `BidiDumpError` loudly), then apply L1..L4 per line
ourselves. The whole of Unicode's BidiCharacterTest.txt runs through this code in the tests.

Most Arabic prose needs no bidi machinery at all: a paragraph of Arabic letters, marks, spaces
and punctuation resolves to level 1 throughout, and one of Latin letters, digits and punctuation
to level 0. Those paragraphs take a fast path, checked against the full algorithm in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from bidi import get_display

from reader.layout.uax9 import CODES, class_string, paragraph_level, resolve_levels

Direction = Literal["auto", "rtl", "ltr"]

_LEVEL = re.compile(r"Level\(\s*(\d+),\s*\)")
_CLASSES = re.compile(r"original_classes: \[(.*?)\]", re.S)
_PARAGRAPHS = re.compile(
    r"ParagraphInfo \{\s*range: (\d+)\.\.(\d+),\s*level: Level\(\s*(\d+),", re.S
)
_CHAR_START = re.compile(rb"[^\x80-\xbf]")

WHITESPACE_CLASSES = frozenset(
    {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF"}
)
"""Classes that rule L1 returns to the paragraph level at a line's end and before separators."""
SEPARATOR_CLASSES = frozenset({"S", "B"})
"""Segment and paragraph separators: always at the paragraph level (L1)."""
CLASS_NAMES = {code: name for name, code in CODES.items() if code != "X"}
"""Class letter (see `uax9`) → bidi class name."""
REMOVED_CLASSES = frozenset({"BN", "LRE", "RLE", "LRO", "RLO", "PDF"})
"""Classes that rule X9 removes from the reordering."""


class BidiDumpError(RuntimeError):
    """python-bidi's debug dump did not have the expected shape (a version we do not support)."""


def resolve(text: str, direction: Direction = "auto") -> tuple[int, list[int], list[str]]:
    """Resolve a paragraph's embedding levels (rules P2..I2, before L1).

    Returns (paragraph level, one level per character, one bidi class name per character).
    Text without explicit formatting characters (all the engine ever gives, since it deletes
    them) takes `uax9`; anything else python-bidi's Rust implementation.
    """
    if not text:
        return (1 if direction == "rtl" else 0), [], []
    classes = class_string(text)
    if classes is None:
        return resolve_with_rust(text, direction)
    level = paragraph_level(classes, direction)
    levels = resolve_levels(text, classes, level)
    return level, [int(c) for c in levels], [CLASS_NAMES[c] for c in classes]


def resolve_with_rust(text: str, direction: Direction = "auto") -> tuple[int, list[int], list[str]]:
    """Levels and classes from python-bidi's Rust implementation, through its debug dump."""
    base_dir = {"auto": None, "rtl": "R", "ltr": "L"}[direction]
    dump = get_display(text, base_dir=base_dir, debug=True)
    if not isinstance(dump, str) or not dump.startswith("BidiInfo"):
        raise BidiDumpError("python-bidi returned no BidiInfo dump")
    byte_levels = _LEVEL.findall(dump)
    classes_match = _CLASSES.search(dump)
    paragraphs = _PARAGRAPHS.findall(dump)
    encoded = text.encode("utf-8", "surrogatepass")
    if (
        classes_match is None
        or not paragraphs
        or len(byte_levels) - len(paragraphs) != len(encoded)
    ):
        raise BidiDumpError("python-bidi's debug dump has an unexpected shape")
    byte_classes = [c.strip() for c in classes_match.group(1).split(",") if c.strip()]
    if len(byte_classes) != len(encoded):
        raise BidiDumpError("python-bidi's debug dump has an unexpected number of classes")
    starts = [m.start() for m in _CHAR_START.finditer(encoded)]
    levels = [int(byte_levels[b]) for b in starts]
    classes = [byte_classes[b] for b in starts]
    return int(paragraphs[0][2]), levels, classes


def apply_l1(classes: Sequence[str], levels: list[int], paragraph_level: int) -> None:
    """Rule L1 on one line, in place: separators, and whitespace before them and at the line's
    end, take the paragraph level."""
    trailing = True
    for i in range(len(levels) - 1, -1, -1):
        cls = classes[i]
        if cls in SEPARATOR_CLASSES:
            levels[i] = paragraph_level
            trailing = True
        elif cls in WHITESPACE_CLASSES:
            if trailing:
                levels[i] = paragraph_level
        else:
            trailing = False


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: the logical indices of a line in visual (left to right) order."""
    n = len(levels)
    if n == 0:
        return []
    highest = max(levels)
    lowest = min(levels)
    if highest == lowest:
        return list(range(n - 1, -1, -1)) if highest % 2 else list(range(n))
    lowest_odd = lowest if lowest % 2 else lowest + 1
    order = list(range(n))
    current = list(levels)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < n:
            if current[i] >= level:
                j = i
                while j < n and current[j] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                current[i:j] = current[i:j][::-1]
                i = j
            else:
                i += 1
    return order
