"""Nesting (`reader.nlp.topics.nesting`): in a longer text, a bare noun found only in the
paragraphs of a better bare noun's theme is part of that theme, not a second label for it;
names and phrases are subjects of their own and never nest."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.stem import stem
from reader.nlp.topics import extract_topics
from reader.nlp.topics.labels import label_key
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
NEWS_08 = REPO / ".." / "shared" / "data" / "texts" / "news-08.ar.txt"
SHEIKH_IMAM = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-sheikh-imam.ar.txt"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def test_melodies_and_applause_are_part_of_the_songs() -> None:
    """news-08 writes «الألحان» only in ¶6 and ¶17 and «تصفيق» only in ¶8 and ¶15, where it
    speaks of the songs: neither labels a theme of its own, and the songs' theme holds those
    paragraphs."""
    paragraphs = _paragraphs(NEWS_08)
    for word, numbers in (("الألحان", (6, 17)), ("تصفيق", (8, 15))):
        assert [n for n, p in enumerate(paragraphs) if word in p] == list(numbers)
    topics = extract_topics(paragraphs).topics
    labels = [normalise(topic.label) for topic in topics]
    assert normalise("الألحان") not in labels and normalise("التصفيق") not in labels
    songs = [topic for topic in topics if label_key(topic.label, "ar") == {stem("الأغنية")}]
    assert len(songs) == 1
    assert {6, 8} <= set(songs[0].paragraphs)


def test_a_name_does_not_nest() -> None:
    """«أم كلثوم» in wiki-sheikh-imam is found only in paragraphs of a better theme, yet a name
    is a subject of its own: it stays a theme."""
    paragraphs = _paragraphs(SHEIKH_IMAM)
    labels = [normalise(topic.label) for topic in extract_topics(paragraphs).topics]
    assert normalise("أم كلثوم") in labels
