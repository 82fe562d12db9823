"""The fast lane: the same layout as the cluster pipeline, for ordinary prose, at C speed.

Most paragraphs of news and encyclopaedia text hold only letters, harakat, digits, punctuation
and single spaces. For them the engine need not build an object per character. It resolves
levels with `uax9` (regular expressions over a class string), shapes the whole paragraph with a
few big-integer and `str.translate` passes (`shape_prose`), wraps the shaped text at spaces with
`str.rfind`, and reorders each line by level runs, reversing a run's text with slicing. The cell
map of a line is computed only when asked for, by the cluster pipeline, which the tests hold to
producing exactly the same lines.

A paragraph qualifies when every character is a one-cell base character of the scripts below or
a combining mark (no tab, control, invisible format character or wide character), the only white
space is single ASCII spaces between words (and any at the end), and no word starts with a mark.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, LETTERS_ARABIC, MEDIAL
from bidi.mirror import MIRRORED

from reader.layout.bidi import visual_order
from reader.layout.clusters import JOINS_AFTER, JOINS_BEFORE, LAM, LAM_ALEF
from reader.layout.uax9 import class_string, paragraph_level, resolve_levels

SOFT_HYPHEN = "\u00ad"
"""One cell wide but bidi class BN, which rule L1 moves at a line's end: the lane does no L1."""


def _ranges() -> tuple[str, str]:
    """The characters the fast lane takes: one-cell bases and combining marks.

    Classified by Unicode category alone (cheap at start-up); the tests check that each one is
    what `clusters.char_kind` calls a one-cell base or a mark."""
    bases: list[str] = []
    marks: list[str] = []
    spans = [(0x21, 0x7E), (0xA0, 0x5FF), (0x0600, 0x06FF), (0x0700, 0x08FF), (0x1200, 0x137F)]
    spans += [(0x2010, 0x2027), (0x2030, 0x205E), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC)]
    for low, high in spans:
        for code in range(low, high + 1):
            char = chr(code)
            category = unicodedata.category(char)
            if category in ("Mn", "Me"):
                marks.append(char)
            elif category[0] in "LNPS":
                bases.append(char)
    return "".join(bases), "".join(marks)


def _char_class(chars: str, negate: bool = False) -> str:
    """A regex character class for `chars`, as ranges of consecutive code points (a class of
    thousands of single characters takes far longer to compile)."""
    codes = sorted(set(map(ord, chars)))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        low, high = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(low if i == j else f"{low}-{high}")
        i = j + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


_BASES, _MARKS = _ranges()
_MARK_CLASS = _char_class(_MARKS)
_OUTSIDE = re.compile(
    _char_class(" " + _BASES + _MARKS, negate=True) + "|  +[^ ]|^ |(?:^| )" + _MARK_CLASS
)
_MARK = re.compile(_MARK_CLASS)
_MARK_RUN = re.compile("(" + _MARK_CLASS + "+)")
_MARKS_BEFORE_BASE = re.compile("(" + _MARK_CLASS + "+)(.)")
_MIRROR = str.maketrans(MIRRORED)
_MIRRORABLE = re.compile(_char_class("".join(MIRRORED)))
_RUNS = re.compile(r"0+|1+|2+")

_JOINING_LETTERS = JOINS_AFTER | JOINS_BEFORE
assert all(0x0600 <= ord(c) <= 0x06FF for c in _JOINING_LETTERS)  # one block: see _join_forms
_LOW_IS_DUAL = bytes(int(chr(0x0600 + b) in JOINS_AFTER) for b in range(256))
_LOW_JOINS = bytes(int(chr(0x0600 + b) in _JOINING_LETTERS) for b in range(256))
_HIGH_IS_06 = bytes(int(b == 0x06) for b in range(256))
_ARABIC_UNIT = re.compile(rb"\x06", re.S)


def _lanes(count: int) -> int:
    """A big integer with the value 1 in each of `count` 16-bit lanes."""
    return int.from_bytes(b"\x00\x01" * count, "big")


def _form_table() -> dict[int, str]:
    """(code point | form << 14) → presentation form, for every letter that joins.

    Arabic letters lie below U+4000, so the two top bits of a UTF-16 code unit are free to carry
    the form (0 isolated, 1 initial, 2 final, 3 medial) through one `str.translate`. Letters that
    join neither way (hamza) keep their own code point, as in `clusters.shape`."""
    table: dict[int, str] = {}
    order = {0: ISOLATED, 1: INITIAL, 2: FINAL, 3: MEDIAL}
    for char, forms in LETTERS_ARABIC.items():
        if char in JOINS_AFTER or char in JOINS_BEFORE:
            for bits, form in order.items():
                table[ord(char) | bits << 14] = forms[form] or forms[ISOLATED]
    return table


_FORMS = _form_table()
_LAM_ALEF_FORMS = {
    (LETTERS_ARABIC[LAM][lam_form], LETTERS_ARABIC[alef][FINAL]): LAM_ALEF[alef][ligature]
    for alef in LAM_ALEF
    for lam_form, ligature in ((INITIAL, 0), (MEDIAL, 1))
}
"""(shaped lam, shaped alef) → ligature: an initial lam makes the isolated ligature, a medial
one the final ligature."""
_LAM_ALEF_RUN = re.compile(
    "([" + "".join({lam for lam, _ in _LAM_ALEF_FORMS}) + "])"
    f"({_MARK_CLASS}*)"
    "([" + "".join({alef for _, alef in _LAM_ALEF_FORMS}) + "])"
)


def qualifies(text: str) -> bool:
    """True when the fast lane can lay out `text` (see the module docstring)."""
    return bool(text) and _OUTSIDE.search(text) is None


def _join_forms(bases: str) -> str:
    """Presentation forms of a text without marks, one character for one.

    Each character's joining type becomes a 16-bit lane of a big integer; shifting by one lane
    lines every character up with its neighbour, so "joins the one before" and "joins the one
    after" are two AND operations over the whole text. They are or-ed into bits 15 and 14 of
    each code unit, and one translate turns (letter, form) into the presentation form."""
    units = bases.encode("utf-16-be")
    if not _ARABIC_UNIT.search(units):
        return bases
    # Every joining letter is U+06xx: its flag is the table entry of its low byte, kept only
    # where the high byte of the same code unit is 0x06.
    in_arabic_block = (int.from_bytes(units.translate(_HIGH_IS_06), "big") >> 8) & _lanes(
        len(bases)
    )
    dual = int.from_bytes(units.translate(_LOW_IS_DUAL), "big") & in_arabic_block
    joins = int.from_bytes(units.translate(_LOW_JOINS), "big") & in_arabic_block
    forms = (((dual >> 16) & joins) << 15) | ((dual & (joins << 16)) << 14)
    code_units = int.from_bytes(units, "big") | forms
    return code_units.to_bytes(2 * len(bases), "big").decode("utf-16-be").translate(_FORMS)


def shape_prose(text: str) -> tuple[str, list[int], list[int]]:
    """Shape a qualifying text in logical order, the same way as `clusters.shape`.

    Returns the shaped text (marks kept after their letters, lam-alef ligatures with any marks
    of the two letters after them), the offsets in `text` of the alefs absorbed by ligatures,
    and the offsets in the shaped text of those ligatures. Marks are transparent to joining, so
    they are set aside while the letters are joined and then put back."""
    if _MARK.search(text):
        pieces = _MARK_RUN.split(text)  # letters, marks, letters, marks, ..., letters
        joined = _join_forms("".join(pieces[0::2]))
        parts: list[str] = []
        at = 0
        for index, piece in enumerate(pieces):
            if index % 2:
                parts.append(piece)
            else:
                parts.append(joined[at : at + len(piece)])
                at += len(piece)
        formed = "".join(parts)
    else:
        formed = _join_forms(text)
    absorbed: list[int] = []
    ligatures: list[int] = []

    def ligature(match: re.Match[str]) -> str:
        lam, marks, alef = match.groups()
        absorbed.append(match.end() - 1)
        ligatures.append(match.start() - len(ligatures))
        return _LAM_ALEF_FORMS[lam, alef] + marks

    return _LAM_ALEF_RUN.sub(ligature, formed), absorbed, ligatures


def reversed_run(text: str) -> str:
    """Shaped text at an odd level in visual order: reversed, each mark still after its base,
    mirrored brackets (rules L2, L3, L4)."""
    flipped = text[::-1]
    if _MIRRORABLE.search(flipped):
        flipped = flipped.translate(_MIRROR)
    if _MARK.search(flipped):
        flipped = _MARKS_BEFORE_BASE.sub(lambda m: m.group(2) + m.group(1)[::-1], flipped)
    return flipped


def _wrap(cells: str, width: int | None) -> list[tuple[int, int]] | None:
    """Greedy wrap of a text of one-cell characters at single spaces: [start, end) per line,
    the space at each break left out; None when a word is wider than the line."""
    n = len(cells)
    spans: list[tuple[int, int]] = []
    start = 0
    while width is not None and n - start > width:
        cut = cells.rfind(" ", start, start + width + 1)
        if cut <= start:
            return None  # a word wider than the line: the cluster pipeline breaks it
        spans.append((start, cut))
        start = cut + 1
    spans.append((start, n))
    return spans


def layout_prose(
    text: str, width: int | None, direction: str
) -> tuple[bool, list[tuple[str, int, int, int]], list[int]] | None:
    """Lay out a qualifying paragraph: (rtl, lines as (visual text, cells, start, end), offsets
    of the spaces drawn nowhere), or None when it needs the cluster pipeline after all (a word
    wider than the line, or classes the fast lane does not take).

    Three coordinates meet here: source offsets (the paragraph), shaped offsets (ligatures are
    one character for two) and cell offsets (marks take no cell). Line breaks are found in
    cells and carried back through the other two with bisection."""
    full_length = len(text)
    text = text.rstrip(" ")  # spaces that end a paragraph are drawn nowhere
    classes = class_string(text)
    if classes is None:
        return None
    level = paragraph_level(classes, direction)
    levels = resolve_levels(text, classes, level)
    shaped_text, absorbed, ligatures = shape_prose(text)
    marks = [m.start() for m in _MARK.finditer(shaped_text)]
    cells = _MARK.sub("", shaped_text) if marks else shaped_text
    # A mark's cell offset: the number of cells before it (it draws on the cell before).
    mark_cells = [position - rank for rank, position in enumerate(marks)]
    spans = _wrap(cells, width)
    if spans is None:
        return None

    def shaped_at(cell: int) -> int:
        return cell + bisect_right(mark_cells, cell) if marks else cell

    def source_at(shaped: int) -> int:
        return shaped + bisect_left(ligatures, shaped) if ligatures else shaped

    def shaped_of(source: int) -> int:
        return source - bisect_left(absorbed, source) if absorbed else source

    lines: list[tuple[str, int, int, int]] = []
    dropped: list[int] = []
    for a, b in spans:
        shaped_a, shaped_b = shaped_at(a), shaped_at(b)
        start, end = source_at(shaped_a), source_at(shaped_b)
        if b < len(cells):
            dropped.append(end)
        line_levels = levels[start:end]
        if line_levels.count(line_levels[0]) == len(line_levels):
            piece = shaped_text[shaped_a:shaped_b]
            visual = reversed_run(piece) if int(line_levels[0]) % 2 else piece
        else:
            runs = [(m.start(), m.end(), int(m.group()[0])) for m in _RUNS.finditer(line_levels)]
            parts: list[str] = []
            for i in visual_order([run[2] for run in runs]):
                run_start, run_end, run_level = runs[i]
                piece = shaped_text[shaped_of(start + run_start) : shaped_of(start + run_end)]
                parts.append(reversed_run(piece) if run_level % 2 else piece)
            visual = "".join(parts)
        lines.append((visual, b - a, start, end))
    dropped.extend(range(len(text), full_length))
    return level % 2 == 1, lines, dropped
