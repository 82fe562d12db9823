"""Properties of the layout engine over arbitrary Unicode text, checked with hypothesis.

Texts come from a plain Unicode strategy, from ordinary prose (one-cell letters, marks, single
spaces: what the engine's fast lane takes) and from one biased to what breaks Arabic layout:
letters, harakat, lam-alef pairs, ZWJ/ZWNJ, every explicit bidi control, LRM/RLM/ALM, digits,
Latin, brackets, tabs, C0/C1 controls, wide CJK and lone surrogates (text decoded with
`surrogateescape`). Widths run from 1 to 200 (and None: no wrapping).
"""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from reader.layout import Direction, Order, ParagraphLayout, fit_label, layout_paragraph
from reader.layout.clusters import BIDI_CONTROLS, char_kind
from reader.text.document import Document

TEXT_FILES = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"
REAL_TEXTS = ["news-*.ar.txt", "diacritics-*.ar.txt", "mixed-*.ar.txt", "*.fa.txt", "*.ur.txt"]

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]
LAM_ALEF = ["لا", "لأ", "لإ", "لآ", "لَا", "لّا", "ل\u200dا", "\u200dلا"]
FORMAT = ["\u200d", "\u200c", "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff", "\u2060"]
BIDI = sorted(BIDI_CONTROLS)
DIGITS = list("0123456789") + [chr(c) for c in range(0x0660, 0x066A)] + ["۱", "۲"]
LATIN = list("abcXYZ")
BRACKETS = list("()[]{}<>«»")
PUNCTUATION = [*" .,:;!?%+-/#$'\"،؛؟٪٫٬", "\u00a0", "\u3000"]
CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
WIDE = [*"中文字日本語한국", "\U0001f600", "\u2764\ufe0f", "\uff21"]
OTHER = ["\udc80", "\udcff", "\ud800", "\u06e5", "\u06e6", "\u08e2", "\u0670", "\u0640", "\u2029"]
OTHER += ["\u2028", "\u0600", "\u06dd", "\u00ad", "\u25cc", "\u0301", "e\u0301", "\ufdf2"]

ARABIC_FRAGMENTS = st.one_of(
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(HARAKAT),
    st.sampled_from(LAM_ALEF),
    st.sampled_from(FORMAT),
    st.sampled_from(BIDI),
    st.sampled_from(DIGITS),
    st.sampled_from(LATIN),
    st.sampled_from(BRACKETS),
    st.sampled_from(PUNCTUATION),
    st.just(" "),
    st.just(" "),
    st.just("\t"),
    st.sampled_from(CONTROLS),
    st.sampled_from(WIDE),
    st.sampled_from(OTHER),
)
BIASED_TEXT = st.lists(ARABIC_FRAGMENTS, max_size=60).map("".join)


def _prose_alphabet() -> tuple[list[str], list[str]]:
    """One-cell base characters and combining marks of the scripts ordinary prose uses (Latin,
    Greek, Cyrillic, Hebrew, Arabic and its presentation forms, punctuation)."""
    bases: list[str] = []
    marks: list[str] = []
    spans = [(0x21, 0x7E), (0xA0, 0x8FF), (0x1200, 0x137F), (0x2010, 0x205E)]
    spans += [(0xFB50, 0xFDFF), (0xFE70, 0xFEFC)]
    for low, high in spans:
        for code in range(low, high + 1):
            kind, cells = char_kind(chr(code))
            if kind == "base" and cells == 1:
                bases.append(chr(code))
            elif kind == "mark":
                marks.append(chr(code))
    return bases, marks


PROSE_BASES, PROSE_MARKS = _prose_alphabet()
PROSE_WORD = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(PROSE_BASES), st.sampled_from(ARABIC_LETTERS + DIGITS)),
        st.lists(st.sampled_from(PROSE_MARKS + HARAKAT), max_size=2).map("".join),
    ).map("".join),
    min_size=1,
    max_size=8,
).map("".join)
PROSE_TEXT = st.tuples(
    st.lists(PROSE_WORD, min_size=1, max_size=12).map(" ".join), st.sampled_from(["", " ", "  "])
).map("".join)
"""Ordinary prose: words of one-cell letters with marks, single spaces (what the engine's fast
lane takes), to hold the fast lane's lines to the same invariants."""
ANY_TEXT = st.text(
    st.characters(codec=None, exclude_categories=()),  # every code point, surrogates included
    max_size=40,
)
TEXTS = st.one_of(BIASED_TEXT, BIASED_TEXT, PROSE_TEXT, ANY_TEXT)
WIDTHS = st.one_of(st.integers(1, 12), st.integers(1, 200), st.none())
DIRECTIONS: st.SearchStrategy[Direction] = st.sampled_from(["auto", "rtl", "ltr"])
ORDER_VALUES: tuple[Order, ...] = ("visual", "logical")
ORDERS: st.SearchStrategy[Order] = st.sampled_from(ORDER_VALUES)

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


def is_zero_width_mark(char: str) -> bool:
    """A combining mark the terminal draws on the cell before it (harakat, shadda...)."""
    return unicodedata.category(char) in ("Mn", "Me", "Mc") and get_character_cell_size(char) == 0


def is_forbidden(char: str) -> bool:
    """What must never reach a terminal: controls, lone surrogates, bidi controls, zero-width
    format characters, line and paragraph separators."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Zl", "Zp") or char in BIDI_CONTROLS:
        return True
    return category == "Cf" and get_character_cell_size(char) == 0


def drawn_clusters(visual: str) -> list[str]:
    """A line's text cut into what each terminal position draws: a character with width and
    the zero-width characters (marks) after it."""
    clusters: list[str] = []
    for char in visual:
        if clusters and get_character_cell_size(char) == 0:
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def distinct_ranges(layout: ParagraphLayout) -> list[tuple[int, int]]:
    """Every line's cell ranges, consecutive repeats (the cells of one wide character or tab)
    counted once."""
    ranges: list[tuple[int, int]] = []
    for line in layout.lines:
        previous = None
        for cell in line.cells:
            if cell != previous:
                ranges.append(cell)
            previous = cell
    return ranges


def check_layout(
    text: str, width: int | None, layout: ParagraphLayout, order: Order = "visual"
) -> None:
    """The invariants every layout must satisfy (see the test docstrings)."""
    assert layout.lines
    for line in layout.lines:
        # Widths: measured by rich (as Textual will) and by the cell map, which agree.
        assert len(line.cells) == cell_len(line.text), line
        if width is not None:
            assert line.width <= width and cell_len(line.text) <= width, line
        # Nothing unsafe or invisible-but-active reaches the terminal.
        assert not any(is_forbidden(c) for c in line.text), line
        # Marks follow their base: a mark never starts a line, so in the visual text each one
        # comes right after a base character or another mark of the same cluster.
        assert not line.text or not is_zero_width_mark(line.text[0]), line
        # Cells show only characters of this line's logical span.
        assert all(line.start <= a < b <= line.end for a, b in line.cells), line

    # Each mark is drawn in the cell of its own base: cutting each line's text into drawn
    # clusters (a character with width and the zero-width characters after it), every cluster
    # fills the next cells of the map, all showing one source range, and carries exactly the
    # combining marks of that range (a too-wide character drawn as "…" aside).
    for line in layout.lines:
        position = 0
        for cluster in drawn_clusters(line.text):
            width_of = cell_len(cluster)
            spans = set(line.cells[position : position + width_of])
            assert width_of and len(spans) == 1, (line, cluster)
            position += width_of
            start, end = spans.pop()
            if cluster != "…" or text[start:end] == "…":
                source_marks = sorted(c for c in text[start:end] if is_zero_width_mark(c))
                assert sorted(c for c in cluster if is_zero_width_mark(c)) == source_marks
        assert position == len(line.cells)
        if order == "logical":  # not reordered: cells in source order
            starts = [start for start, _ in line.cells]
            assert starts == sorted(starts), line

    # No line of nothing but spaces (it would print as a blank line, like a paragraph break).
    if len(layout.lines) > 1:
        assert all(line.text.strip(" ") for line in layout.lines), layout.lines

    # Every source character accounted for exactly once: shown by one cell range, or removed.
    removed = set(layout.removed)
    assert len(removed) == len(layout.removed)
    assert all(0 <= i < len(text) for i in removed)
    shown = [0] * len(text)
    for start, end in distinct_ranges(layout):
        for i in range(start, end):
            shown[i] += 1
    for i in range(len(text)):
        assert shown[i] + (i in removed) == 1, (i, text[i], shown[i], i in removed)

    # Lines in logical order: the first holds the paragraph's first drawn character, each next
    # line starts where the previous ended, apart from characters removed at the break.
    kept = [i for i in range(len(text)) if i not in removed]
    lines = layout.lines
    if kept:
        assert lines[0].start <= kept[0]
        assert all(i in removed for i in range(lines[-1].end, len(text)))
    for before, after in itertools.pairwise(lines):
        assert before.end <= after.start
        assert all(i in removed for i in range(before.end, after.start))

    assert layout.bidi_controls == sum(c in BIDI_CONTROLS for c in text)


@PROPERTY_SETTINGS
@given(TEXTS, WIDTHS, DIRECTIONS, ORDERS)
def test_layout_invariants(
    text: str, width: int | None, direction: Direction, order: Order
) -> None:
    """For any text, width, direction and order: no exception; no line wider than the width
    (by `rich.cells.cell_len` of its text and by its cell map, whose length is that cell_len);
    no control, lone surrogate, bidi control or zero-width format character in any line; no
    line starting with a combining mark (so every mark follows its base or another mark); no
    line of nothing but spaces in a paragraph of several lines;
    lines in logical order, the first holding the paragraph's first drawn character; with
    order="logical", each line's cells in source order.

    Source accounting, as clusters.py and engine.py define it: the distinct cell ranges (the
    cells of one wide character or tab share a range) are disjoint, `layout.removed` holds no
    index twice and no index that a cell shows, and together they cover every index exactly
    once. Removed are: explicit bidi controls, invisible format characters that no cell absorbs
    (a ZWJ between a letter and its mark is absorbed into the letter's cell range, so it is
    shown, not removed), and the spaces dropped at a line break."""
    layout = layout_paragraph(text.replace("\n", " "), width, direction, order)
    check_layout(text.replace("\n", " "), width, layout, order)


@PROPERTY_SETTINGS
@given(TEXTS, st.integers(1, 200))
def test_rtl_paragraph_first_words_on_first_line(text: str, width: int) -> None:
    """Forced RTL, the first visual line holds the paragraph's first words: it starts at the
    first drawn character, and it is the right-hand end of that line that shows it."""
    text = text.replace("\n", " ")
    layout = layout_paragraph(text, width, "rtl")
    check_layout(text, width, layout)
    assert layout.rtl
    kept = [i for i in range(len(text)) if i not in set(layout.removed)]
    if kept and layout.lines[0].cells:
        assert any(a <= kept[0] < b for a, b in layout.lines[0].cells)


@PROPERTY_SETTINGS
@given(TEXTS, st.integers(-2, 200), DIRECTIONS)
def test_fit_label_always_fits(text: str, width: int, direction: Direction) -> None:
    """A label cut to `width` cells fits them, by its cell map and by rich, and carries no
    control or invisible format character; cut labels end with an ellipsis in logical order."""
    line = fit_label(text, width, direction)
    assert line.width <= max(width, 0)
    assert cell_len(line.text) == line.width
    assert not any(is_forbidden(c) for c in line.text)
    whole = layout_paragraph(" ".join(text.split()), None, direction).lines[0]
    if width >= 1 and whole.width <= width:
        assert line.text == whole.text  # fits: the label untouched
    elif width >= 1:
        assert "…" in line.text  # cut: the ellipsis says so


@pytest.mark.parametrize("width", [1, 13, 40, None])
def test_layout_invariants_on_real_texts(width: int | None) -> None:
    """The same invariants on every paragraph of the news, diacritics, mixed, Persian and Urdu
    texts, in both orders."""
    paths = [path for pattern in REAL_TEXTS for path in sorted(TEXT_FILES.glob(pattern))]
    assert len(paths) == 16
    for path in paths:
        for paragraph in Document.from_text(path.read_text(encoding="utf-8")).paragraphs:
            for order in ORDER_VALUES:
                layout = layout_paragraph(paragraph.text, width, "auto", order)
                check_layout(paragraph.text, width, layout, order)
