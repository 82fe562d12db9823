"""The fast lane must lay out exactly what the cluster pipeline lays out: same line texts,
widths, source ranges, dropped spaces and direction. Checked on every paragraph of the real
texts at several widths, and on random text biased to what the lane takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.layout import fastlane
from reader.layout.engine import layout_clusters, layout_paragraph
from reader.layout.lines import ParagraphLayout
from reader.text.load import load_document

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"
REAL = sorted(p for p in TEXTS.glob("*.txt") if not p.name.startswith("large"))


def _summary(layout: ParagraphLayout) -> tuple[object, ...]:
    lines = tuple((line.text, line.width, line.start, line.end) for line in layout.lines)
    return lines, layout.removed, layout.rtl, layout.bidi_controls


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_fast_lane_matches_clusters_on_real_texts(path: Path) -> None:
    document = load_document(str(path))
    taken = 0
    for paragraph in document.paragraphs:
        if fastlane.qualifies(paragraph.text):
            taken += 1
        for width in (None, 80, 40, 7, 1):
            fast = layout_paragraph(paragraph.text, width)
            slow = layout_clusters(paragraph.text, width)
            assert _summary(fast) == _summary(slow), (path.name, paragraph.index, width)
            assert [line.cells for line in fast.lines] == [line.cells for line in slow.lines]
    if path.name.startswith("news"):
        assert taken == len(document.paragraphs)  # plain news prose always takes the lane


ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءآأإؤئـ"  # Arabic letters and tatweel
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # harakat
    "لالألإلآ"  # lam-alef pairs
    "0123456789٠١٢٣٤٥٦٧٨٩"  # digits
    "abcXYZ"  # Latin
    "()[]{}<>«»%+-.,:;!?/،؛؟"  # punctuation and brackets
    "     \u00a0"  # spaces, one of them no-break
    "پچژگکیہےں"  # Persian and Urdu letters
    "אב"  # Hebrew
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120), st.sampled_from([None, 1, 3, 10, 40]))
@pytest.mark.parametrize("direction", ["auto", "rtl", "ltr"])
def test_fast_lane_matches_clusters_on_random_text(
    direction: str, text: str, width: int | None
) -> None:
    fast = layout_paragraph(text, width, direction)  # type: ignore[arg-type]
    slow = layout_clusters(text, width, direction)  # type: ignore[arg-type]
    assert _summary(fast) == _summary(slow)


def test_fast_lane_takes_only_one_cell_bases_and_marks() -> None:
    """The lane's character sets are a subset of what the cluster pipeline calls one-cell base
    characters and combining marks, so its assumption "one cell per non-mark" always holds."""
    from reader.layout.clusters import char_kind

    assert all(char_kind(c) == ("base", 1) for c in fastlane._BASES)
    assert all(char_kind(c) == ("mark", 0) for c in fastlane._MARKS)
    for char in fastlane._BASES + fastlane._MARKS:
        assert fastlane.qualifies("ب" + char) or char_kind(char)[0] == "mark"
