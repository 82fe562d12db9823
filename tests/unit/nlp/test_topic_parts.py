"""A label and its part never name two themes: when a theme takes a longer label that holds
another theme's label («لغة سي» after «سي», beside «اللغة»), the two themes are one (issue 10:
a phrase and its part are merged; the scorer counts them as a duplicate)."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from reader.nlp.topics import extract_topics
from reader.nlp.topics.labels import label_key
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
MIXED_01 = REPO / ".." / "shared" / "data" / "texts" / "mixed-01.ar.txt"


def test_no_label_holds_another_labels_stems() -> None:
    """mixed-01 (the Arabic Wikipedia article on C++) names «سي», «اللغة» and «لغة سي»: the
    themes found hold no label whose stems are inside another label's."""
    path = MIXED_01
    assert path.is_file(), f"test text not found: {path}"
    paragraphs = [p.text for p in Document.from_text(path.read_text("utf-8"), path.name).paragraphs]
    assert any("لغة سي" in p for p in paragraphs) and any("اللغة" in p for p in paragraphs)
    topics = extract_topics(paragraphs).topics
    assert len(topics) >= 5
    for one, other in combinations(topics, 2):
        a, b = label_key(one.label, "ar"), label_key(other.label, "ar")
        assert not (a <= b or b <= a), (one.label, other.label)
