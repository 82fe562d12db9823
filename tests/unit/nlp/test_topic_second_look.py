"""The second look (`reader.nlp.topics.second_look`): a theme list the first pass left short
gets the themes found with more starts that are subjects of their own, after its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics, themes
from reader.nlp.topics.model import TopicIndex, assemble
from reader.nlp.topics.second_look import second_look
from reader.nlp.topics.themes import theme_limit
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
TEXTS = REPO / ".." / "shared" / "data" / "texts"
GOLD_TEXTS = REPO / "tests" / "data" / "topics-gold" / "texts"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def _first_pass(paragraphs: list[str], monkeypatch: pytest.MonkeyPatch) -> TopicIndex:
    """The themes without the second look."""
    with monkeypatch.context() as patch:
        patch.setattr(themes, "second_look", lambda first, wider, limit: first)
        return extract_topics(paragraphs)


@pytest.mark.parametrize(
    ("path", "label", "paragraphs"),
    [
        # A report on skin cancer: the closing paragraphs on prevention and treatment.
        (TEXTS / "news-06.ar.txt", "العلاج", (13, 14)),
        # wiki-everest's geology: «الكتلة الأرضية» (the land mass) in ¶5 and ¶9.
        (GOLD_TEXTS / "wiki-everest.ar.txt", "الكتلة الأرضية", (5, 9)),
        # wiki-sea's tides: «المد والجزر» in ¶11 and ¶13.
        (GOLD_TEXTS / "wiki-sea.ar.txt", "المد والجزر", (11, 13)),
    ],
)
def test_a_short_list_gets_the_theme_found_on_a_second_look(
    path: Path, label: str, paragraphs: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass spends its starts on the text's subject spelt many ways and leaves the
    list short of `theme_limit`; the second look finds the theme a reader names, after the
    first pass's themes, which keep their rank and paragraphs."""
    text = _paragraphs(path)
    first = _first_pass(text, monkeypatch)
    assert len(first.topics) < theme_limit(len(text))
    assert normalise(label) not in [normalise(t.label) for t in first.topics]
    index = extract_topics(text)
    labels = [normalise(t.label) for t in index.topics]
    assert normalise(label) in labels
    added = index.topics[labels.index(normalise(label))]
    assert added.paragraphs == paragraphs
    kept = [(t.label, t.score, t.paragraphs) for t in index.topics[: len(first.topics)]]
    assert kept == [(t.label, t.score, t.paragraphs) for t in first.topics]
    for number in added.main_paragraphs:  # it is main there; the old main theme is second
        assert index.main_topic[number] == added.label
        assert index.second_topic[number] == first.main_topic[number]


@pytest.mark.parametrize(
    ("path", "full"),
    [
        (TEXTS / "news-04.ar.txt", True),  # six themes of six: no second look
        (TEXTS / "news-08.ar.txt", False),  # seven of nine: nothing new is a subject of its own
        (REPO / "assets" / "article.ar.txt", False),  # five of six, as above
    ],
)
def test_a_list_with_nothing_to_add_is_left_as_it_is(
    path: Path, full: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the first pass fills its list, or the second look finds nothing that passes its
    rules, the index is the first pass's, paragraph by paragraph."""
    text = _paragraphs(path)
    first = _first_pass(text, monkeypatch)
    assert (len(first.topics) == theme_limit(len(text))) is full
    index = extract_topics(text)
    assert [t.label for t in index.topics] == [t.label for t in first.topics]
    assert list(index.main_topic) == list(first.main_topic)


def _index(labels: list[str], main: list[int | None], second: list[int | None]) -> TopicIndex:
    scores = [float(len(labels) - n) for n in range(len(labels))]
    return assemble(labels, scores, main, second)


def test_the_rules_of_the_second_look() -> None:
    """Of ten paragraphs: «أ» holds ¶0–5 (broad: more than a third), «ب» ¶6–7 (narrow). On
    the second look «ج» is main of ¶2 and ¶3 (inside the broad theme: added, main there, «أ»
    second), «د» of ¶6 and ¶8 (¶6 is the narrow theme's: a facet of it, not added), «هـ» of
    ¶9 alone (a passing mention, not added)."""
    first = _index(["أ", "ب"], [0, 0, 0, 0, 0, 0, 1, 1, None, None], [None] * 10)
    wider = _index(
        ["أ", "ب", "ج", "د", "هـ"],
        [0, 0, 2, 2, 0, 0, 3, 1, 3, 4],
        [None] * 10,
    )
    index = second_look(first, wider, limit=5)
    assert [t.label for t in index.topics] == ["أ", "ب", "ج"]
    assert list(index.main_topic) == ["أ", "أ", "ج", "ج", "أ", "أ", "ب", "ب", None, None]
    assert list(index.second_topic) == [None, None, "أ", "أ", None, None, None, None, None, None]
    assert index.topics[2].score <= index.topics[1].score
    # No room left: nothing is added.
    assert second_look(first, wider, limit=2) is first


def test_a_first_pass_without_themes_takes_the_second_looks() -> None:
    """A first pass that kept no theme (each paragraph without one) takes the second look's
    themes of two paragraphs or more, main where they were."""
    first = _index([], [None] * 4, [None] * 4)
    wider = _index(["أ", "ب"], [0, 0, 1, None], [None] * 4)
    index = second_look(first, wider, limit=3)
    assert [t.label for t in index.topics] == ["أ"]
    assert list(index.main_topic) == ["أ", "أ", None, None]
    assert index.topics[0].score == 1.0
