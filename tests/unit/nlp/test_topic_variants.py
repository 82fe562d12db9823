"""Broken plurals: a plural the light stemmer keys apart from its singular («أغان», «الأغاني»
→ «اغان»; «الأغنية» → «اغن») is the same word, so it joins its singular's theme (issue 10:
stem variants are one theme). The pairs are measured (`training/build_topic_variants.py`)."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.stem import stem
from reader.nlp.topics import extract_topics
from reader.nlp.topics.labels import label_key
from reader.nlp.topics.lexicon import singular_keys
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
NEWS_08 = REPO / ".." / "shared" / "data" / "texts" / "news-08.ar.txt"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def test_a_broken_plural_reads_as_its_singular() -> None:
    """The stemmer keys «أغان» and «الأغنية» apart; the measured table joins them, and leaves
    a key that is no plural as it is."""
    song, songs = stem("الأغنية"), stem("أغان")
    assert song != songs
    assert singular_keys(frozenset({songs})) == frozenset({song})
    assert singular_keys(frozenset({stem("الجمهور")})) == frozenset({stem("الجمهور")})
    assert singular_keys(frozenset({songs}), "fa") == frozenset({songs})  # no Persian table


def test_songs_and_a_song_are_one_theme() -> None:
    """news-08 writes «الأغنية» (¶6, 8, 15 …) and «أغان» (¶12, 16, 17) for Marcel Khalifa's
    songs: one theme, whose paragraphs hold both, not two labels for one thing."""
    paragraphs = _paragraphs(NEWS_08)
    assert any("أغان " in paragraphs[n] for n in (16, 17))
    index = extract_topics(paragraphs)
    keys = [singular_keys(label_key(topic.label, "ar")) for topic in index.topics]
    assert len(set(keys)) == len(keys), [topic.label for topic in index.topics]
    songs = [
        topic
        for topic in index.topics
        if singular_keys(label_key(topic.label, "ar")) == {stem("الأغنية")}
    ]
    assert len(songs) == 1
    assert 16 in songs[0].paragraphs and 17 in songs[0].paragraphs
