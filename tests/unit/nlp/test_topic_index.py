"""The topic index's per-paragraph data (`reader.nlp.topics.model`): read-only views of two
arrays of theme positions, equal to the tuples they stand for, 4 bytes a paragraph each."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from pathlib import Path

from reader.nlp.topics import TopicIndex, extract_topics
from reader.nlp.topics.model import ThemeLabels, ThemePositions, assemble, empty_index

REPO = Path(__file__).resolve().parents[3]
LARGE = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _one_word_a_line(characters: int) -> list[str]:
    """The words of the first ``characters`` of the 10 MB text, one paragraph each."""
    with LARGE.open(encoding="utf-8") as handle:
        return handle.read(characters).split()


def _size_beyond(roots: Iterable[object], shared: Iterable[object]) -> int:
    """The bytes of the objects reachable from ``roots`` and not from ``shared`` (types and
    what only they reach left aside): what ``roots`` add to memory."""
    seen: set[int] = set()
    stack = list(shared)
    while stack:  # everything the shared objects hold
        item = stack.pop()
        if id(item) not in seen and not isinstance(item, type):
            seen.add(id(item))
            stack.extend(gc.get_referents(item))
    total = 0
    stack = list(roots)
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        stack.extend(gc.get_referents(item))
    return total


def test_a_long_document_of_short_lines_keeps_8_bytes_a_paragraph() -> None:
    """One word a line (32,744 paragraphs, found stretch by stretch): the four
    per-paragraph sequences add at most 10 bytes a paragraph beyond the themes themselves
    (their labels among them): 8 now. Four tuples took 32."""
    paragraphs = _one_word_a_line(200_000)
    index = extract_topics(paragraphs)
    assert len(index.main_topic) == len(paragraphs) > 30_000
    assert any(label is not None for label in index.main_topic)
    per_paragraph = (index.main_topic, index.second_topic, index.main_theme, index.second_theme)
    size = _size_beyond(per_paragraph, [index.topics])
    assert size < 10 * len(paragraphs), f"{size / len(paragraphs):.1f} bytes a paragraph"


def test_the_views_read_like_the_tuples_they_stand_for() -> None:
    """Labels come from the themes at each paragraph's positions; None where there is none;
    slices, iteration, equality and hashing are those of the tuples of the same items."""
    index = assemble(
        ["الأمن", "كأس العالم", "الهجرة"], [0.4, 1.0, 0.1], [0, 1, None, 0], [1, None, None, 2]
    )
    assert [t.label for t in index.topics] == ["كأس العالم", "الأمن", "الهجرة"]
    assert isinstance(index.main_topic, ThemeLabels)
    assert isinstance(index.main_theme, ThemePositions)
    main = ("الأمن", "كأس العالم", None, "الأمن")
    assert tuple(index.main_topic) == main and index.main_topic == main
    assert index.second_topic == ("كأس العالم", None, None, "الهجرة")
    assert index.main_theme == (1, 0, None, 1) and index.second_theme == (0, None, None, 2)
    assert index.main_topic[-1] == "الأمن" and index.main_theme[2] is None
    assert index.main_topic[1:3] == ("كأس العالم", None)
    assert index.main_theme[::-1] == (1, None, 0, 1)
    assert index.main_topic != ("الأمن", "كأس العالم", None)  # one paragraph fewer
    assert index.main_topic != list(main)  # as a tuple is not equal to a list
    assert hash(index.main_topic) == hash(main)
    assert index.main_topic.index(None) == 2 and index.main_theme.count(1) == 2
    for paragraph, label in enumerate(index.main_topic):
        theme = index.theme_of(paragraph)
        assert (theme.label if theme else None) == label
    assert index == TopicIndex(
        index.topics,
        tuple(index.main_topic),
        tuple(index.second_topic),
        tuple(index.main_theme),
        tuple(index.second_theme),
    )


def test_a_document_without_themes() -> None:
    """Every paragraph has None; the index equals the one built from tuples."""
    index = empty_index(3)
    assert index.main_topic == index.second_topic == (None, None, None)
    assert index.main_theme == index.second_theme == (None, None, None)
    assert index == TopicIndex((), (None,) * 3, (None,) * 3, (None,) * 3, (None,) * 3)
    assert index.theme_of(1) is None and index.second_theme_of(5) is None
