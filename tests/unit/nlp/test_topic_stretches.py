"""Long documents: themes found stretch by stretch and gathered (`reader.nlp.topics.stretches`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.nlp.topics import extract_topics
from reader.nlp.topics import stretches as stretches_module
from reader.nlp.topics.model import TopicIndex, assemble
from reader.nlp.topics.stretches import by_stretches

REPO = Path(__file__).resolve().parents[3]
LARGE = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def test_one_label_in_several_stretches_is_one_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretches of 3 paragraphs; «الأمن» found in both is one theme over both; a theme cut by
    the limit hands its paragraphs' main role to their second theme."""
    monkeypatch.setattr(stretches_module, "STRETCH", 3)
    monkeypatch.setattr(stretches_module, "most_themes", lambda count: 2)
    seen: list[list[str]] = []
    starts: list[int] = []

    def themes_of(stretch: Sequence[str], start: int) -> TopicIndex:
        seen.append(list(stretch))
        starts.append(start)
        if stretch[0] == "a":
            return assemble(["الأمن", "الهجرة"], [1.0, 0.1], [0, 0, 1], [None, 1, 0])
        return assemble(["الأمن", "كأس العالم"], [0.5, 0.8], [1, 0, 0], [None, None, 1])

    index = by_stretches(["a", "b", "c", "d", "e", "f"], themes_of)
    assert seen == [["a", "b", "c"], ["d", "e", "f"]]
    assert starts == [0, 3]
    assert [t.label for t in index.topics] == ["الأمن", "كأس العالم"]  # 1.5, 0.8; «الهجرة» cut
    security = index.topics[0]
    assert security.paragraphs == (0, 1, 2, 4, 5)
    assert index.main_topic == ("الأمن", "الأمن", "الأمن", "كأس العالم", "الأمن", "الأمن")
    assert index.second_topic == (None, None, None, None, None, "كأس العالم")
    assert [t.number for t in index.topics] == [0, 1]


def test_large_document_is_read_by_stretches() -> None:
    """The first million characters of the 10 MB text (several stretches): every paragraph's
    theme is one of the index, each theme's paragraphs hold its main paragraphs, labels are
    distinct."""
    with LARGE.open(encoding="utf-8") as handle:
        text = handle.read(1_000_000)
    paragraphs = [line for line in text.split("\n") if line.strip()]
    assert len(paragraphs) > 3 * stretches_module.STRETCH
    index = extract_topics(paragraphs)
    assert len({t.label for t in index.topics}) == len(index.topics) > 150
    assert len(index.main_topic) == len(paragraphs)
    for number, label in enumerate(index.main_topic):
        theme = index.theme_of(number)
        assert (theme.label if theme else None) == label
        if theme is not None:
            assert number in theme.main_paragraphs and number in theme.paragraphs
    assert sum(label is not None for label in index.main_topic) > 0.4 * len(paragraphs)
