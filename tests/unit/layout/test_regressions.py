"""Regression tests: each failure of the naive pipeline (ARABIC-RENDERING.md, "The naive version")
and each trap measured in arabic-reshaper 3.1.0 and python-bidi 0.6.12, with the engine's answer.

The naive pipeline is `get_display(arabic_reshaper.reshape(paragraph))`, then Textual (rich)
wrapping the visual string. Where a test shows the naive result, it computes it with the real
libraries, so a library release that changes behaviour is noticed.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import arabic_reshaper
import pytest
from bidi import get_display
from rich.console import Console
from rich.text import Text

from reader.layout import ParagraphLayout, layout_paragraph
from reader.layout.render import render_lines
from reader.text.document import Document

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"
HARAKAT = frozenset(chr(c) for c in range(0x064B, 0x0653))
"""Tanwin, fatha, damma, kasra, shadda, sukun."""
FIRST_NEWS_PARAGRAPH = (
    "حصل هادي البحرة على 62 صوتا في انتخابات رئاسة الائتلاف السوري المعارض ليخلف الرئيس "
    "السابق للائتلاف أحمد الجربا ."
)


def naive(paragraph: str) -> str:
    """The naive pipeline's visual string."""
    visual: str = get_display(arabic_reshaper.reshape(paragraph))
    return visual


def naive_wrapped(paragraph: str, width: int) -> list[str]:
    """The naive visual string wrapped by rich, as a Textual Static would wrap it."""
    console = Console(width=width, file=None, legacy_windows=False)
    return [line.plain for line in Text(naive(paragraph)).wrap(console, width)]


def shown_indices(layout: ParagraphLayout, line: int) -> set[int]:
    """The paragraph offsets the cells of one line show."""
    return {i for start, end in layout.lines[line].cells for i in range(start, end)}


def first_word_offsets(paragraph: str, words: int) -> set[int]:
    """Offsets of the paragraph's first `words` words."""
    end = len(" ".join(paragraph.split(" ")[:words]))
    return set(range(end))


def test_real_news_paragraph_is_in_the_news_file() -> None:
    """The paragraph used below is real text (news-01), not made up."""
    document = Document.from_text((TEXTS / "news-01.ar.txt").read_text(encoding="utf-8"))
    assert FIRST_NEWS_PARAGRAPH in [p.text for p in document.paragraphs]


def test_first_screen_line_holds_the_first_words() -> None:
    """Naive: rich wraps the visual string from its left end, which is the paragraph's END, so
    the first screen line shows the last words. Ours: line 0 shows the first words."""
    width = 30
    naive_lines = naive_wrapped(FIRST_NEWS_PARAGRAPH, width)
    last_word = naive(FIRST_NEWS_PARAGRAPH.split(" ")[-2])  # "الجربا" shaped, as drawn
    first_word = naive(FIRST_NEWS_PARAGRAPH.split(" ")[0])  # "حصل"
    assert last_word in naive_lines[0] and first_word not in naive_lines[0]
    assert first_word in naive_lines[-1]

    layout = layout_paragraph(FIRST_NEWS_PARAGRAPH, width, "auto")
    assert layout.rtl and len(layout.lines) > 2
    assert first_word_offsets(FIRST_NEWS_PARAGRAPH, 3) <= shown_indices(layout, 0)
    assert layout.lines[0].text.endswith(first_word)  # and at the right-hand end of it
    assert last_word in layout.lines[-1].text


def test_rtl_lines_are_right_aligned() -> None:
    """Naive: Textual left-aligns the lines (padding on the right). Ours: `reader render` pads
    RTL lines on the left, so each line's last cell sits at the right edge."""
    width = 30
    naive_lines = naive_wrapped(FIRST_NEWS_PARAGRAPH, width)
    assert any(len(line) < width for line in naive_lines)
    assert all(not line.startswith(" ") for line in naive_lines)  # left-aligned

    rendered = list(render_lines([FIRST_NEWS_PARAGRAPH], width))
    layout = layout_paragraph(FIRST_NEWS_PARAGRAPH, width)
    assert len(rendered) == len(layout.lines)
    for shown, line in zip(rendered, layout.lines, strict=True):
        assert shown == " " * (width - line.width) + line.text.rstrip(" ")
    assert any(line.startswith(" ") for line in rendered)


def test_harakat_are_kept() -> None:
    """Naive: `reshape` deletes harakat by default (data loss). Ours keeps every one."""
    word = "كَتَبَ الوَلَدُ"
    assert not HARAKAT & set(naive(word))
    ours = layout_paragraph(word, None).lines[0].text
    assert Counter(c for c in ours if c in HARAKAT) == Counter(c for c in word if c in HARAKAT)


def test_brackets_are_mirrored_in_rtl_text() -> None:
    """Naive: python-bidi's Rust `get_display` does not mirror (rule L4): `]x[ )ﺎﺒﺣﺮﻣ(`. Ours
    mirrors brackets at odd levels, so they still open towards their content."""
    text = "(مرحبا) [x]"
    assert naive(text) == "]x[ )ﺎﺒﺣﺮﻣ("
    assert layout_paragraph(text, None).lines[0].text == "[x] (ﺎﺒﺣﺮﻣ)"


def test_brackets_mirrored_only_at_odd_levels() -> None:
    """A bracket pair in LTR text (even level) stays as written; in RTL text it is mirrored."""
    assert layout_paragraph("f(x) [y]", None).lines[0].text == "f(x) [y]"
    assert layout_paragraph("(سلام)", None).lines[0].text == "(ﻡﻼﺳ)"
    # Resolved under N0 to the paragraph's R (level 1): mirrored, Latin inside untouched.
    assert layout_paragraph("قال (hello) له", None).lines[0].text == "ﻪﻟ (hello) ﻝﺎﻗ"


def test_no_word_ligature_for_allah() -> None:
    """Naive: `عبد الله` becomes U+FDF2, one code point rich counts as 1 cell but drawn several
    cells wide. Ours: no word ligature, one cell per letter."""
    text = "عبد الله"
    assert "\ufdf2" in naive(text)
    layout = layout_paragraph(text, None)
    line = layout.lines[0]
    assert "\ufdf2" not in line.text
    assert all(unicodedata.name(c).startswith("ARABIC LETTER") or c == " " for c in line.text)
    assert line.width == len(text) == 8


def test_reshaper_zwj_before_lam_alef_raises_but_we_shape_it() -> None:
    """arabic-reshaper 3.1.0 raises IndexError on a ZWJ before a lam-alef. If this starts
    passing, the library fixed it (and the workaround in clusters.py could go)."""
    text = "ب\u200dلا"
    with pytest.raises(IndexError):
        arabic_reshaper.reshape(text)
    line = layout_paragraph(text, None).lines[0]
    # BEH joins through the ZWJ (initial form) to a final lam-alef ligature, drawn RTL.
    assert line.text == "\ufefc\ufe91"
    assert line.cells == ((2, 4), (0, 1))


def test_reshaper_zwj_at_start_drops_a_letter_but_we_keep_it() -> None:
    """arabic-reshaper 3.1.0 silently loses the MEEM of `‍سلام`; ours keeps every letter."""
    text = "\u200dسلام"
    reshaped = arabic_reshaper.reshape(text)
    meem_forms = {"\u0645", "\ufee1", "\ufee2", "\ufee3", "\ufee4"}
    assert not meem_forms & set(reshaped)
    layout = layout_paragraph(text, None)
    assert meem_forms & set(layout.lines[0].text)
    assert layout.lines[0].text == "\ufee1\ufefc\ufeb4"  # MEEM, LAM-ALEF final, SEEN medial
    assert layout.removed == (0,)


def test_lam_alef_is_two_letters_in_one_cell() -> None:
    """`الأمن`: 5 characters in 4 cells; the lam-alef ligature's cell shows 2 letters."""
    layout = layout_paragraph("الأمن", None)
    line = layout.lines[0]
    assert line.width == 4 and len(line.text) == 4
    assert (1, 3) in line.cells  # LAM + ALEF WITH HAMZA ABOVE
    assert "\ufef7" in line.text  # isolated form: the ALEF before it joins to nothing after
    assert sorted(line.cells) == [(0, 1), (1, 3), (3, 4), (4, 5)]


def test_percent_after_number_resolved_in_paragraph_context() -> None:
    """`20%` in an Arabic sentence is `%20` (W2 makes the number AN), also on a line of its own:
    levels are resolved once per paragraph. Resolved alone, the line would read `20%`."""
    text = "ارتفعت بنسبة 20% من"
    assert "%20" in layout_paragraph(text, None).lines[0].text
    layout = layout_paragraph(text, 5)
    number_lines = [line for line in layout.lines if "20" in line.text]
    assert len(number_lines) == 1
    line = number_lines[0]
    assert text[line.start : line.end].strip() == "20%"  # the number alone on its line
    assert line.text.strip() == "%20"
    assert get_display("20%") == "20%"  # what per-line resolution would show


def test_line_starting_with_latin_stays_rtl() -> None:
    """A line beginning with `IGEF 2025` inside an RTL paragraph keeps the paragraph's RTL
    direction: the Arabic word that follows is drawn on its left."""
    text = "افتتح معرض IGEF 2025 في دبي"
    layout = layout_paragraph(text, 12)
    lines = [line for line in layout.lines if text[line.start :].startswith("IGEF")]
    assert len(lines) == 1
    line = lines[0]
    assert line.rtl
    assert line.text.strip() == "ﻲﻓ IGEF 2025"
    alone = layout_paragraph(text[line.start : line.end], None).lines[0]
    assert alone.text.strip() == "IGEF 2025 ﻲﻓ"  # what resolving the line alone would give


def test_tab_goes_to_the_paragraph_level() -> None:
    """Rule L1: in an RTL paragraph `IGEF<tab>2025` becomes `2025`, the tab, then `IGEF` (the tab
    is a segment separator at the paragraph level). python-bidi's `get_display` skips L1."""
    assert layout_paragraph("IGEF\t2025", None, "rtl").lines[0].text == "2025    IGEF"
    assert get_display("IGEF\t2025", base_dir="R") == "IGEF\t2025"


def test_bidi_override_cannot_disguise_a_file_name() -> None:
    """`invoice<RLO>fdp.exe` would show as `invoiceexe.pdf`; ours removes and counts the
    override and shows the characters as they are."""
    text = "invoice\u202efdp.exe"
    layout = layout_paragraph(text, None)
    assert layout.lines[0].text == "invoicefdp.exe"
    assert layout.bidi_controls == 1
    assert layout.removed == (7,)


def test_escape_sequences_never_reach_the_terminal() -> None:
    """ESC is shown as ␛ (and BEL as ␇): an escape sequence in a document is inert text."""
    text = "\x1b[31mأحمر\x1b[0m \x07"
    for width in (None, 4):
        for line in layout_paragraph(text, width).lines:
            assert not any(unicodedata.category(c) == "Cc" for c in line.text)
    joined = "".join(line.text for line in layout_paragraph(text, None).lines)
    assert joined.count("\u241b") == 2 and "\u2407" in joined


def test_spacing_quranic_marks_take_a_cell_harakat_do_not() -> None:
    """U+06E5/U+06E6 (small waw, small yeh) are spacing letters, one cell each, unlike the
    harakat (zero cells) that arabic-reshaper lists with them."""
    assert layout_paragraph("هُۥ", None).lines[0].width == 2  # HEH+DAMMA, SMALL WAW
    assert layout_paragraph("هُۦ", None).lines[0].width == 2
    assert layout_paragraph("هُ", None).lines[0].width == 1
    assert layout_paragraph("كَتَبَ", None).lines[0].width == 3


@pytest.mark.parametrize("width", [None, 40, 7])
def test_every_haraka_of_the_quran_text_kept_after_its_base(width: int | None) -> None:
    """diacritics-01 (Surah al-Kahf, full diacritics): every haraka of the source is drawn, and
    each one right after its base letter (or a previous mark on it), never after a space or at
    a line start; the cell that shows it also shows its base."""
    document = Document.from_text((TEXTS / "diacritics-01.ar.txt").read_text(encoding="utf-8"))
    source_marks: Counter[str] = Counter()
    drawn_marks: Counter[str] = Counter()
    for paragraph in document.paragraphs:
        text = paragraph.text
        source_marks.update(c for c in text if c in HARAKAT)
        layout = layout_paragraph(text, width)
        for line in layout.lines:
            drawn_marks.update(c for c in line.text if c in HARAKAT)
            for position, char in enumerate(line.text):
                if char in HARAKAT:
                    before = line.text[position - 1] if position else ""
                    assert before and before != " ", (paragraph.index, line.text)
            for start, end in line.cells:
                if any(text[i] in HARAKAT for i in range(start, end)):
                    assert text[start] not in HARAKAT  # the cell starts at its base
    assert sum(source_marks.values()) > 5000
    assert drawn_marks == source_marks


def test_rlm_between_latin_words_still_splits_them() -> None:
    """Engine fix: LRM/RLM/ALM are drawn nowhere but keep their level in reordering. `abc RLM
    def` in an RTL paragraph is two LTR runs: `defabc`, not `abcdef`."""
    assert layout_paragraph("abc\u200fdef", None, "rtl").lines[0].text == "defabc"
    assert layout_paragraph("اب\u200eجد", None, "ltr").lines[0].text == "ﺑﺍﺪﺠ"
    layout = layout_paragraph("abc\u200fdef", None, "rtl")
    assert layout.removed == (3,) and 3 not in {
        i for a, b in layout.lines[0].cells for i in range(a, b)
    }


def test_emoji_with_variation_selector_is_two_cells() -> None:
    """Engine fix: ❤ + VS16 is drawn 2 cells wide (and rich measures it so): the cell map has 2
    cells for it, so a line never overflows its width."""
    line = layout_paragraph("a\u2764\ufe0fb", None).lines[0]
    assert line.cells == ((0, 1), (1, 3), (1, 3), (3, 4))
    assert all(line.width <= 3 for line in layout_paragraph("\u2764\ufe0f\u2764\ufe0f", 3).lines)


def test_no_empty_line_for_spaces_dropped_at_a_break() -> None:
    """Engine fix: a tab wider than the line, dropped at a break, left an empty line behind."""
    layout = layout_paragraph("中\tء", 1)
    assert [line.text for line in layout.lines] == ["…", "ء"]  # the tab: dropped, not a line
    assert [line.cells for line in layout.lines] == [((0, 1),), ((2, 3),)]
    assert layout.removed == (1,)


@pytest.mark.parametrize("width", [None, 3, 4, 5])
def test_a_mark_on_a_space_is_never_dropped(width: int | None) -> None:
    """Engine fix: the Uthmani Quran text (diacritics-02) puts pause marks such as U+06DC after
    a space; that space carries the mark, so it is neither a break nor dropped at one (nor at
    the paragraph's end), where the mark used to vanish with it."""
    text = "كذا \u06dc بل"
    layout = layout_paragraph(text, width)
    drawn = "".join(line.text for line in layout.lines)
    assert drawn.count("\u06dc") == 1
    assert 4 not in layout.removed
    assert any((3, 5) in line.cells for line in layout.lines)  # the space and its mark: 1 cell


def test_quran_pause_mark_ending_a_verse_is_drawn() -> None:
    """The real case: the first verse of diacritics-02 ends with ` ۜ` (space, SMALL HIGH SEEN)."""
    document = Document.from_text((TEXTS / "diacritics-02.ar.txt").read_text(encoding="utf-8"))
    verse = document.paragraphs[0].text
    assert verse.endswith(" \u06dc")
    assert "\u06dc" in layout_paragraph(verse, None).lines[0].text
    assert "\u06dc" in "".join(line.text for line in layout_paragraph(verse, 20).lines)


def test_paragraph_end_spaces_after_a_too_wide_character_are_accounted_for() -> None:
    """Engine fix: the spaces ending a paragraph are dropped; when the last line was a single
    character wider than the width they were neither drawn nor listed as removed."""
    layout = layout_paragraph("中 ", 1)
    assert [line.text for line in layout.lines] == ["…"]
    assert layout.removed == (1,)


def test_no_empty_line_for_an_lrm_before_a_too_wide_character() -> None:
    """Engine fix: an LRM (a zero-cell cluster) before a character too wide for the line made a
    line of its own, with nothing to draw."""
    layout = layout_paragraph("\u200e中", 1)
    assert [line.text for line in layout.lines] == ["…"]
    assert layout.removed == (0,)


def test_no_line_of_nothing_but_spaces_around_an_lrm() -> None:
    """Engine fix: `space LRM space ء` at width 1 made a line holding a space and an LRM, which
    `reader render` would print as a blank line, like a paragraph break."""
    layout = layout_paragraph(" \u200e ء", 1)
    assert [line.text for line in layout.lines] == ["ء"]
    assert layout.removed == (0, 1, 2)


def test_soft_hyphen_at_a_line_end_text_and_cells_agree() -> None:
    """Engine fix: SOFT HYPHEN is one cell but bidi class BN, which rule L1 moves to the
    paragraph level at a line's end; the fast lane (which does no L1) drew `0ً` + SHY while the
    cell map said SHY came first. It now takes the cluster pipeline."""
    line = layout_paragraph("0\u064b\u00ad", 2, "rtl").lines[0]
    assert line.text == "\u00ad0\u064b"
    assert line.cells == ((2, 3), (0, 2))
