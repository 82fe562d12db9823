"""Block styles: bullets and quote bars on the reading-start side (right for Arabic, left for
English), nested items deeper, preformatted lines unwrapped, text cells untouched."""

from __future__ import annotations

from reader.layout import layout_paragraph
from reader.layout.blocks import (
    BULLETS,
    QUOTE_BAR,
    block_lines,
    block_style,
    indent_cells,
    layout_block,
)

ARABIC_ITEM = "البند الأول من القائمة الطويلة جدا التي تلتف على سطرين"


def test_an_arabic_bullet_is_on_the_right_and_english_on_the_left() -> None:
    arabic = block_lines(ARABIC_ITEM, "item", 1, 30)
    assert len(arabic) >= 2
    assert arabic[0].endswith(" " + BULLETS[0])
    assert len(arabic[0]) == 30  # right-aligned to the width, the bullet at the edge
    assert BULLETS[0] not in arabic[1]
    english = block_lines("an English item that wraps over lines", "item", 1, 30)
    assert english[0].startswith(BULLETS[0] + " ")
    assert english[1].startswith("  ") and english[1][2] != " "


def test_the_text_is_laid_out_like_a_paragraph_in_the_room_left() -> None:
    style, layout = layout_block(ARABIC_ITEM, "item", 1, 30)
    assert layout == layout_paragraph(ARABIC_ITEM, 30 - style.indent)
    lines = block_lines(ARABIC_ITEM, "item", 1, 30)
    for line, visual in zip(lines, layout.lines, strict=True):
        assert visual.text in line  # the shaped text itself is unchanged


def test_nested_items_sit_deeper() -> None:
    first = block_lines("بند", "item", 1, 20)[0]
    second = block_lines("بند", "item", 2, 20)[0]
    assert first.index(BULLETS[0]) > second.index(BULLETS[1])
    assert second.index(BULLETS[1]) == 20 - 4 + 1  # two levels of two cells, marker by the text


def test_numbered_items_carry_their_own_number() -> None:
    assert block_style("item", 1, "1. أولا").first_marker == ""
    assert block_style("item", 1, "١. أولا").first_marker == ""
    assert block_style("item", 1, "أولا").first_marker == BULLETS[0]


def test_every_line_of_a_quote_has_its_bar() -> None:
    lines = block_lines("اقتباس طويل من كاتب مشهور يلتف على أكثر من سطر واحد هنا", "quote", 0, 30)
    assert len(lines) >= 2
    assert all(line.endswith(" " + QUOTE_BAR) for line in lines)
    assert block_lines("an English quote", "quote", 0, 30) == [f" {QUOTE_BAR} an English quote"]


def test_preformatted_is_never_wrapped() -> None:
    code = "    return compute(first_argument, second_argument)  # تعليق"
    lines = block_lines(code, "preformatted", 0, 20)
    assert len(lines) == 1
    assert lines[0].startswith("    return compute(first_argument")
    assert block_style("preformatted").wrap is False


def test_headings_stand_out_and_plain_paragraphs_are_plain() -> None:
    assert block_style("heading", 2).bold and block_style("heading", 2).space_before == 1
    assert block_style("title").bold
    assert block_style("byline").dim
    plain = block_style("paragraph")
    assert (plain.indent, plain.first_marker, plain.bold) == (0, "", False)
    assert indent_cells(plain, True, True) == ""
