"""Background analysis of the article: entities, topics, bidi controls, run in thread workers.

Each job is a plain function that reads the document and reports through a `post` callback (the
screen's `post_message`): it never touches a widget, and it stops when `cancelled()` says so.
Entities stream in chunks of paragraphs, posted in batches at most every `BATCH_SECONDS`, so a
10 MB article fills the panel progressively while the keys stay responsive. The imports of
`reader.nlp` and `reader.layout` happen here, in the worker thread, not before the first screen.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from textual.message import Message

from reader.text.document import Document

BATCH_SECONDS = 0.15
"""The longest a found mention waits before it is posted to the screen."""
GROUP_SECONDS = 0.5
"""The shortest interval between two groupings of the mentions into entities."""
PROGRESS_SECONDS = 0.05
"""The shortest interval between two progress messages."""
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""The explicit bidi controls the layout engine removes (and reports)."""

Post = Callable[[Message], object]
"""How a job sends a message to the screen (thread-safe `post_message`)."""
Cancelled = Callable[[], bool]
"""How a job learns that it should stop (the worker was cancelled)."""


class EntitiesFound(Message):
    """Mentions found in paragraphs up to `done` (of `total`), and, now and then, the entities
    grouped from every mention so far (`None` when this batch brings mentions only)."""

    def __init__(
        self,
        mentions: Sequence[Any],
        entities: Sequence[Any] | None,
        done: int,
        total: int,
        finished: bool,
    ) -> None:
        """`mentions` are `reader.nlp.entities.Mention`s in reading order; `entities` are
        `Entity`s, grouped in the worker (grouping a large document takes seconds, which the
        screen's thread must never spend)."""
        super().__init__()
        self.mentions = mentions
        self.entities = entities
        self.done = done
        self.total = total
        self.finished = finished


class EntityProgress(Message):
    """How far entity extraction has come; a newer one replaces one still queued."""

    def __init__(self, done: int, total: int) -> None:
        """`done` of `total` paragraphs read."""
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        """Only the latest progress matters: collapse a flood of them."""
        return isinstance(message, EntityProgress)


class TopicsFound(Message):
    """The document's topic index (`reader.nlp.topics.TopicIndex`)."""

    def __init__(self, index: Any) -> None:
        """`index` holds `topics` and per-paragraph `main_topic`."""
        super().__init__()
        self.index = index


class AnalysisFailed(Message):
    """A job could not run: `job` is `entities` or `topics`; `reason` is one line for the panel;
    `missing` is True when the analysis is simply not available (module or language support);
    `note` names the interface word (`reader.ui.words`) that says why in the reader's language,
    when there is one more particular than the job's `<job>-missing`."""

    def __init__(self, job: str, reason: str, missing: bool, note: str | None = None) -> None:
        """Say which job failed and why."""
        super().__init__()
        self.job = job
        self.reason = reason
        self.missing = missing
        self.note = note


class BidiControlsCounted(Message):
    """How many explicit bidi controls the layout engine removes from the document."""

    def __init__(self, count: int) -> None:
        """`count` over all paragraphs."""
        super().__init__()
        self.count = count


def find_entities(document: Document, post: Post, cancelled: Cancelled) -> None:
    """Extract entity mentions a chunk of paragraphs at a time, posting them in batches, and
    the entities grouped from them at growing intervals: each grouping covers everything found
    so far, so it is repeated only when the mentions have doubled since the last one and it
    costs at most a third of the time since then (a 10 MB article is grouped about fifteen
    times, not hundreds).

    A document that is not Arabic (`reader.nlp.language`) is not tagged: the tagger knows only
    Arabic and would find junk in Persian or Urdu. The job then posts why, as `AnalysisFailed`
    with the note the panel shows.
    """
    try:
        from reader.nlp.entities import EntityIndex, extract_paragraphs, paragraph_chunks
        from reader.nlp.entities.memory import NameMemory
        from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
    except ImportError as error:
        post(AnalysisFailed("entities", str(error), missing=True))
        return
    language = unsupported_entity_language([paragraph.text for paragraph in document.paragraphs])
    if language is not None:
        reason = entities_skipped_reason(language)
        post(AnalysisFailed("entities", reason, missing=True, note=_arabic_only_note(language)))
        return
    total = len(document.paragraphs)
    index = EntityIndex()
    memory = NameMemory()  # names found so far label their later bare mentions
    batch: list[Any] = []
    last_batch = last_progress = last_group = time.monotonic()
    group_cost = 0.0
    found = grouped = 0  # mentions found in all, and when last grouped
    try:
        for chunk in paragraph_chunks([(p.index, p.text) for p in document.paragraphs]):
            if cancelled():
                return
            time.sleep(0)  # let a waiting key or frame have the interpreter first
            for mentions in extract_paragraphs(chunk, memory):
                index.add(mentions)
                batch.extend(mentions)
                found += len(mentions)
            done = chunk[-1][0] + 1
            now = time.monotonic()
            if now - last_batch >= BATCH_SECONDS:
                entities = None
                doubled = found >= 2 * grouped
                if doubled and now - last_group >= max(GROUP_SECONDS, 3 * group_cost):
                    entities = index.entities()
                    last_group = time.monotonic()
                    group_cost, grouped = last_group - now, found
                post(EntitiesFound(batch, entities, done, total, finished=False))
                batch, last_batch = [], time.monotonic()
                # What was found so far lives as long as the reader: keep it out of the cyclic
                # garbage collector's full passes, which otherwise rescan every mention and
                # cached feature each time and stall keys for 200-300 ms on a 10 MB article.
                gc.freeze()
            elif now - last_progress >= PROGRESS_SECONDS:
                post(EntityProgress(done, total))
                last_progress = now
        entities = index.entities()
    except Exception as error:  # a bug in extraction must not take the reader down
        post(AnalysisFailed("entities", f"{type(error).__name__}: {error}", missing=False))
        return
    post(EntitiesFound(batch, entities, total, total, finished=True))


def _arabic_only_note(language: str) -> str:
    """The interface word saying entities are for Arabic text only, naming `language` when
    there is a word for it."""
    from reader.ui.words import WORDS

    named = f"entities-arabic-only-{language}"
    return named if named in WORDS else "entities-arabic-only"


def find_topics(document: Document, post: Post, cancelled: Cancelled) -> None:
    """Extract the document's topics and each paragraph's main topic, posting the index."""
    try:
        from reader.nlp.topics import TopicsNotSupported, extract_topics
    except ImportError as error:
        post(AnalysisFailed("topics", str(error), missing=True))
        return
    try:
        index = extract_topics([paragraph.text for paragraph in document.paragraphs])
    except TopicsNotSupported as error:
        post(AnalysisFailed("topics", str(error), missing=True))
        return
    except Exception as error:  # a bug in extraction must not take the reader down
        post(AnalysisFailed("topics", f"{type(error).__name__}: {error}", missing=False))
        return
    if not cancelled():
        post(TopicsFound(index))


def count_bidi_controls(document: Document, post: Post, cancelled: Cancelled) -> None:
    """Count the bidi controls layout removes, asking layout only about paragraphs holding one
    (a regular-expression scan finds those quickly, even in a 10 MB article)."""
    if not _BIDI_CONTROLS.search(document.text):
        post(BidiControlsCounted(0))
        return
    try:
        from reader.layout import layout_paragraph
    except ImportError:
        return
    count = 0
    for paragraph in document.paragraphs:
        if cancelled():
            return
        if _BIDI_CONTROLS.search(paragraph.text):
            count += layout_paragraph(paragraph.text, None).bidi_controls
    post(BidiControlsCounted(count))
