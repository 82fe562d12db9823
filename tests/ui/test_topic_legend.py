"""The topic map's picture without widgets: the legend's slots and letters, and the document
scaled to the map's rows (short documents, and a long one of a hundred thousand paragraphs)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from reader.nlp.topics import extract_topics
from reader.text.load import load_document
from reader.ui.topic_legend import (
    LETTERS,
    OTHER,
    PALETTE_SIZE,
    legend,
    palette,
    row_of,
    scale,
    swatch_style,
)


def test_a_short_document_gives_every_paragraph_a_row_and_the_rest_by_length() -> None:
    lengths = [40, 400, 10, 800, 200]
    themes = [0, 1, None, 1, 2]
    rows = scale(lengths, themes, 20)
    assert len(rows) == 20
    counts = [sum(1 for row in rows if row.first == p) for p in range(len(lengths))]
    assert min(counts) >= 1
    assert counts[3] > counts[1] > counts[4] > counts[0] >= counts[2]  # by length
    assert [row.first for row in rows] == sorted(row.first for row in rows)
    assert all(row.theme == themes[row.first] for row in rows)


def test_a_long_document_is_mapped_stretch_by_stretch() -> None:
    generator = random.Random(7)
    # 100,000 paragraphs in five stretches of one theme each, of unequal lengths in characters,
    # with short theme-less paragraphs (headings) sprinkled through.
    stretches = [(0, 30_000), (1, 10_000), (2, 25_000), (0, 5_000), (3, 30_000)]
    lengths: list[int] = []
    themes: list[int | None] = []
    for theme, count in stretches:
        for _ in range(count):
            heading = generator.random() < 0.2
            lengths.append(generator.randint(5, 20) if heading else generator.randint(50, 400))
            themes.append(None if heading else theme)
    height = 40
    rows = scale(lengths, themes, height)
    assert len(rows) == height
    assert rows[0].first == 0 and rows[-1].last == len(lengths) - 1
    for row, following in itertools.pairwise(rows):
        assert following.first in (row.last, row.last + 1)
    ends = []
    start = 0
    for theme, count in stretches:
        ends.append((start, start + count - 1, theme))
        start += count
    for row in rows:
        inside = [theme for first, last, theme in ends if first <= row.first and row.last <= last]
        if inside:  # a row wholly inside a stretch shows its theme
            assert row.theme == inside[0]
    assert {row.theme for row in rows} == {0, 1, 2, 3}  # every stretch is seen


def test_row_of_finds_the_rows_of_a_paragraph() -> None:
    rows = scale([100, 100, 2000], [0, 1, 2], 10)
    assert [rows[y].first for y in row_of(rows, 2)] == [2] * len(row_of(rows, 2))
    assert len(row_of(rows, 2)) > len(row_of(rows, 0)) >= 1
    long = scale([10] * 1000, [0] * 1000, 10)
    assert len(row_of(long, 537)) == 1
    assert long[row_of(long, 537)[0]].first <= 537 <= long[row_of(long, 537)[0]].last


def test_the_legend_gives_the_most_salient_themes_a_letter_each_in_reading_order(
    texts: Path,
) -> None:
    document = load_document(str(texts / "mixed-01.ar.txt"))
    index = extract_topics([p.text for p in document.paragraphs])
    assert len(index.topics) > PALETTE_SIZE
    for language in ("en", "ar"):
        swatches = legend(index.topics, language)
        slotted = [i for i, swatch in enumerate(swatches) if swatch.slot is not None]
        assert slotted == list(range(PALETTE_SIZE))  # the most salient ones
        assert all(swatches[i].letter == OTHER for i in range(PALETTE_SIZE, len(swatches)))
        letters = [swatches[i].letter for i in slotted]
        assert sorted(letters, key=LETTERS[language].index) == [
            swatches[i].letter
            for i in sorted(slotted, key=lambda i: index.topics[i].main_paragraphs[0])
        ]
        assert len(set(letters)) == PALETTE_SIZE


def test_each_palette_gives_distinct_colours() -> None:
    for colours in ("truecolor", "ansi", "sixteen"):
        backgrounds = {swatch_style(slot, colours).split(" on ")[1] for slot in range(8)}
        assert len(backgrounds) == PALETTE_SIZE
    assert palette(True, "truecolor") == "ansi"
    assert palette(False, "standard") == "sixteen"
    assert palette(False, "256") == "truecolor"
