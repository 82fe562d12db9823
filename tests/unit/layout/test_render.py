"""`render_lines`: paragraphs as aligned plain lines (what `reader render` prints)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.layout import layout_paragraph
from reader.layout.render import render_lines
from reader.text.document import Document

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


def paragraphs(name: str) -> list[str]:
    """The paragraphs of one of the shared texts."""
    text = (TEXTS / name).read_text(encoding="utf-8")
    return [p.text for p in Document.from_text(text, name).paragraphs]


def split_blocks(lines: list[str]) -> list[list[str]]:
    """Rendered lines grouped per paragraph (one blank line between paragraphs)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        else:
            groups.append([])
    return groups


@pytest.mark.parametrize("name", ["news-02.ar.txt", "mixed-03.ar.txt", "urdu-01.ur.txt"])
@pytest.mark.parametrize("width", [1, 17, 40, 80])
def test_lines_fit_and_are_aligned(name: str, width: int) -> None:
    """Every line fits; RTL lines are the layout's lines padded on the left to end at the right
    edge; LTR lines are the layout's lines as they are; no line has trailing spaces."""
    texts = paragraphs(name)
    groups = split_blocks(list(render_lines(texts, width)))
    assert len(groups) == len(texts)
    for group, text in zip(groups, texts, strict=True):
        layout = layout_paragraph(text, width)
        drawn = [line for line in layout.lines if line.text.strip(" ")]
        assert len(group) == len(drawn)
        for shown, line in zip(group, drawn, strict=True):
            assert cell_len(shown) <= width
            assert not shown.endswith(" ")
            if layout.rtl:
                assert shown == (" " * (width - line.width) + line.text).rstrip(" ")
            else:
                assert shown == line.text.rstrip(" ")


def test_no_width_gives_one_unpadded_line_per_paragraph() -> None:
    """width None: no wrapping, no padding; blank lines between paragraphs only."""
    texts = paragraphs("news-05.ar.txt")
    lines = list(render_lines(texts, None))
    assert len(lines) == 2 * len(texts) - 1
    assert lines[1::2] == [""] * (len(texts) - 1)
    for shown, text in zip(lines[::2], texts, strict=True):
        assert shown == layout_paragraph(text, None).lines[0].text.rstrip(" ")
        assert not shown.startswith(" ")


def test_direction_is_passed_through() -> None:
    """A forced direction changes alignment: Arabic laid out LTR is not padded."""
    texts = paragraphs("news-01.ar.txt")
    rtl = list(render_lines(texts, 30, "auto"))
    ltr = list(render_lines(texts, 30, "ltr"))
    assert any(line.startswith(" ") for line in rtl)
    assert not any(line.startswith(" ") for line in ltr)


def test_nothing_for_no_paragraphs() -> None:
    """An empty document renders as no lines at all (not one blank line)."""
    assert list(render_lines([], 40)) == []
