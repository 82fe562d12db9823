"""Nesting (`reader.nlp.topics.nesting`): in a longer text, a bare noun found only in the
paragraphs of a better bare noun's theme is part of that theme, not a second label for it;
names and phrases are subjects of their own and never nest."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.stem import stem
from reader.nlp.topics import extract_topics
from reader.nlp.topics.labels import label_key
from reader.nlp.topics.nesting import Nesting
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
    """A name is a subject of its own: found only in the paragraphs of a one-noun theme, it
    does not nest in it, where a bare noun found in the same paragraphs does."""
    nesting = Nesting(paragraph_count=20)
    nesting.add(0, {6, 8, 15, 16, 17})
    assert nesting.match("الألحان", {6, 17}, 5.4, ["الأغنية"], [22.7]) == 0
    assert nesting.match("أم كلثوم", {6, 17}, 5.4, ["الأغنية"], [22.7]) is None


def test_a_noun_as_salient_as_its_container_does_not_nest() -> None:
    """A bare noun found only in another's paragraphs is part of it when much less salient
    (`nesting.NESTED_SHARE`); as salient, it is a subject of its own."""
    nesting = Nesting(paragraph_count=15)
    nesting.add(0, {1, 3, 7, 8, 10, 12, 13})
    assert nesting.match("التطعيم", {10, 12}, 9.0, ["الأمراض"], [18.7]) == 0
    assert nesting.match("التطعيم", {10, 12}, 18.2, ["الأمراض"], [18.7]) is None


PASTEUR = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-pasteur.ar.txt"


def test_vaccination_is_a_theme_not_part_of_diseases() -> None:
    """wiki-pasteur writes «التطعيم» (vaccination: chicken cholera, ¶10 and ¶12) only in
    paragraphs that also name «الأمراض» (diseases, 7 of its 15 paragraphs), and it is as
    salient there: it was merged into «الأمراض» and vaccination, a section of the article,
    had no label. It is a theme of its own now, holding those paragraphs."""
    paragraphs = _paragraphs(PASTEUR)
    assert [n for n, p in enumerate(paragraphs) if "تطعيم" in p] == [10, 12]
    topics = extract_topics(paragraphs).topics
    vaccination = [t for t in topics if normalise(t.label) == normalise("التطعيم")]
    assert len(vaccination) == 1
    assert {10, 12} <= set(vaccination[0].paragraphs)


def test_nothing_nests_in_a_name() -> None:
    """The prison theme of wiki-sheikh-imam («السجن») lies only in paragraphs that name «نجم»
    (the two were jailed together), yet a name holds no theme: the prison stays a theme."""
    paragraphs = _paragraphs(SHEIKH_IMAM)
    poet = {n for n, p in enumerate(paragraphs) if "نجم" in p}
    topics = extract_topics(paragraphs).topics
    prison = [t for t in topics if normalise(t.label) == normalise("السجن")]
    assert len(prison) == 1
    assert len(prison[0].paragraphs) >= 2 and set(prison[0].paragraphs) <= poet


LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _article(doc_id: str) -> list[str]:
    """The paragraphs of one article of large-01 (its `<doc>` lines dropped)."""
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    text = LARGE_01.read_text(encoding="utf-8")
    start = text.index(f'<doc id="{doc_id}"')
    body = text[text.index("\n", start) + 1 : text.index("</doc>", start)]
    return [p.text for p in Document.from_text(body, "article.txt").paragraphs]


def test_no_label_lies_inside_another_though_its_word_is_all_over_the_text() -> None:
    """large-01's article on Cairo's Abdeen quarter names «عابدين» in most paragraphs, so a
    label sharing it was no facet of «عابدين» (a word all over the text says nothing shared):
    «عابدين مقرا» (Abdeen as a seat, two phrases run together) was listed beside it. A label
    whose words all lie in another's names the same thing whatever their spread; so on the
    PlayStation 2 article, «ستيشن» and «بلاي ستيشن» (the title's name) are not both listed."""
    for doc_id in ("1103425", "1276548", "27678"):
        labels = [topic.label for topic in extract_topics(_article(doc_id)).topics]
        keys = [label_key(label, "ar") for label in labels]
        for i, mine in enumerate(keys):
            for j, theirs in enumerate(keys):
                assert i == j or not mine <= theirs, (labels[i], labels[j])
