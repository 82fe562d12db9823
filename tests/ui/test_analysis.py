"""The analysis jobs the app runs in thread workers, run here directly on real texts: what they
post is what `reader.nlp` finds, in batches, ending with the grouped entities."""

from __future__ import annotations

import gc
import re
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from reader_pilot import text_path
from textual.message import Message

from reader.nlp.entities import Entity, EntityIndex, extract_paragraph
from reader.nlp.entities.forget import _WORD_CACHES
from reader.nlp.entities.memory import NameMemory
from reader.nlp.topics import extract_topics
from reader.text.document import Document
from reader.text.load import load_document
from reader.ui import analysis

Job = Callable[[Document, analysis.Post, analysis.Cancelled], None]


def _run(job: Job, document: Document) -> list[Message]:
    """Run `job` on `document` in a thread, as the app does; the messages it posted."""
    posted: list[Message] = []
    thread = threading.Thread(target=job, args=(document, posted.append, lambda: False))
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive()
    return posted


def test_entities_stream_in_batches_and_end_with_the_grouped_entities() -> None:
    document = load_document(text_path("news-08.ar.txt"))
    posted = _run(analysis.find_entities, document)
    found = [m for m in posted if isinstance(m, analysis.EntitiesFound)]
    assert found and found[-1].finished and not any(m.finished for m in found[:-1])
    streamed = [mention for message in found for mention in message.mentions]
    memory = NameMemory()
    expected = [m for p in document.paragraphs for m in extract_paragraph(p.index, p.text, memory)]
    assert streamed == expected
    index = EntityIndex()
    index.add(expected)
    final = found[-1].entities
    assert final is not None
    assert [(e.key, e.name, len(e.mentions)) for e in final] == [
        (e.key, e.name, len(e.mentions)) for e in index.entities()
    ]


def test_every_grouping_starts_with_the_per_word_caches_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The job groups the mentions now and then while tagging goes on: each grouping, not only
    the last, starts from emptied per-word caches, so that its passing objects reuse their
    memory instead of growing the heap above them (the app's peak; see the README)."""
    monkeypatch.setattr(analysis, "BATCH_SECONDS", 0.0)  # a batch, and a grouping when the
    monkeypatch.setattr(analysis, "GROUP_SECONDS", 0.0)  # mentions doubled, after each chunk
    cached_at_grouping: list[int] = []
    group = EntityIndex.entities

    def entities(index: EntityIndex) -> list[Entity]:
        cached_at_grouping.append(sum(c.cache_info().currsize for c in _WORD_CACHES))
        return group(index)

    monkeypatch.setattr(EntityIndex, "entities", entities)
    text = Path(text_path("large-01.ar.txt")).read_text("utf-8")[:160_000]
    posted = _run(analysis.find_entities, Document.from_text(text, "large-01.txt"))
    groupings = [m for m in posted if isinstance(m, analysis.EntitiesFound) and m.entities]
    assert len(groupings) >= 3  # at least two while tagging, then the last
    assert len(cached_at_grouping) == len(groupings)
    assert cached_at_grouping == [0] * len(groupings)


def test_a_cancelled_entity_job_stops_without_finishing() -> None:
    document = load_document(text_path("news-08.ar.txt"))
    posted: list[Message] = []
    analysis.find_entities(document, posted.append, lambda: True)
    assert not any(isinstance(m, analysis.EntitiesFound) and m.finished for m in posted)


def test_progress_messages_collapse() -> None:
    older, newer = analysis.EntityProgress(1, 10), analysis.EntityProgress(2, 10)
    assert newer.can_replace(older)
    assert not analysis.EntitiesFound([], None, 1, 10, False).can_replace(older)


def test_topics_are_posted_as_reader_nlp_finds_them() -> None:
    document = load_document(text_path("news-02.ar.txt"))
    posted = _run(analysis.find_topics, document)
    (message,) = posted
    assert isinstance(message, analysis.TopicsFound)
    assert message.index == extract_topics([p.text for p in document.paragraphs])


def test_bidi_controls_are_counted_by_the_layout_engine() -> None:
    text = "ملف invoice\u202efdp.exe هنا\nنص بلا محارف تحكم\n\u2067عربي\u2069 و\u202bآخر\u202c\n"
    posted = _run(analysis.count_bidi_controls, Document.from_text(text, "c.txt"))
    (message,) = posted
    assert isinstance(message, analysis.BidiControlsCounted)
    assert message.count == 5
    clean = _run(analysis.count_bidi_controls, load_document(None))
    assert isinstance(clean[0], analysis.BidiControlsCounted) and clean[0].count == 0


def test_bidi_count_keeps_no_layout_of_a_long_paragraph() -> None:
    """The count of a one-line document's controls (large-01's words around its first
    controls, 200,000 characters) leaves nothing of that paragraph behind: its layout, asked
    for the count only, was kept in `layout_paragraph`'s cache with the paragraph's text (about
    four bytes a character, for as long as the reader ran; the text is sliced by the document
    before measuring, as the article view slices it)."""
    prose = Path(text_path("large-01.ar.txt")).read_text("utf-8")
    first = re.search("[\u202a-\u202e\u2066-\u2069]", prose)
    assert first is not None
    text = " ".join(prose[first.start() - 100_000 : first.start() + 100_000].split()) + "\n"
    document = Document.from_text(text, "long.txt")
    expected = len(re.findall("[\u202a-\u202e\u2066-\u2069]", text))
    assert expected > 0
    assert document.paragraphs[0].text  # sliced (and kept by the document) before measuring
    at = text.index(first.group())
    warm = Document.from_text(text[at - 20_000 : at + 20_000], "warm.txt")
    _run(analysis.count_bidi_controls, warm)  # the layout engine's tables, loaded once
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        posted = _run(analysis.count_bidi_controls, document)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert posted == [analysis.BidiControlsCounted(expected)]
    assert kept < len(text) // 2, f"{kept:,} bytes kept for {len(text):,} characters"
