"""Background analysis of the article: bidi controls, topics, entities, run in thread workers,
one job after another.

Each job is a plain function (`Job`) that reads the document and reports through a `post`
callback (the screen's `post_message`): it never touches a widget, and it stops when
`cancelled()` says so. Entities stream in chunks of paragraphs, posted in batches at most every
`BATCH_SECONDS`, so a 10 MB article fills the panel progressively while the keys stay
responsive. `reader.nlp` is imported here, in the worker thread, never before the first screen
(the layout engine is already loaded by then: the article view draws with it).

The jobs take turns (`wait_for_turn`): each one's worker starts with the others but waits
until the job before it has finished. Run at the same time, their working memory added up: the
app's peak was about what `reader entities` and `reader topics` need together, plus the
article's layout. The cheap jobs go first; on a normal article topics take a few hundredths of
a second, so the entities tab fills hardly later.

A job reports what it expects to happen (results, or an analysis that is not available) by its
messages; anything else it raises is left to its worker, which the screen starts with
`exit_on_error=False` and whose failure it shows in the panel, in one place.
"""

from __future__ import annotations

import gc
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.message import Message

from reader.layout.engine import layout_once
from reader.text.document import (
    PROSE_KINDS,
    BlockKinds,
    Document,
    ProseTexts,
    TextParagraphs,
    paragraph_texts,
)

if TYPE_CHECKING:  # for the checker only: reader.nlp is imported in the workers
    from reader.nlp.entities import Entity, Mention
    from reader.nlp.topics import TopicIndex

BATCH_SECONDS = 0.15
"""The longest a found mention waits before it is posted to the screen."""
GROUP_SECONDS = 0.5
"""The shortest interval between two groupings of the mentions into entities."""
PROGRESS_SECONDS = 0.05
"""The shortest interval between two progress messages."""
ANALYSIS_LIMIT = 12_000_000
"""The most characters of text the entity and topic workers analyse. A longer document is
read as usual, but its Entities and Topics tabs say it is too long to analyse instead of the
workers growing with it: twice the 10 MB test article (5.7 million characters, which is
analysed), about 22 MB of Arabic; the document limit itself is 64 MB."""
TURN_POLL_SECONDS = 0.1
"""How often a job waiting for its turn checks whether it was cancelled."""
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""The explicit bidi controls the layout engine removes (and reports)."""

Post = Callable[[Message], object]
"""How a job sends a message to the screen (thread-safe `post_message`)."""
Cancelled = Callable[[], bool]
"""How a job learns that it should stop (the worker was cancelled)."""
Job = Callable[[Document, Post, Cancelled], None]
"""An analysis job: reads the document, posts what it finds, stops when cancelled."""
JobName = Literal["entities", "topics", "bidi"]
"""Which analysis a job does (its worker's name and group)."""
PanelJob = Literal["entities", "topics"]
"""The analyses the side panel shows (each has a tab saying how far it has come)."""


@dataclass
class EntitiesFound(Message):
    """Mentions found in paragraphs up to `done` (of `total`), and, now and then, the entities
    grouped from every mention so far (`None` when this batch brings mentions only).

    The entities are grouped in the worker: grouping a large document takes seconds, which the
    screen's thread must never spend."""

    mentions: Sequence[Mention]
    """The new mentions, in reading order."""
    entities: Sequence[Entity] | None
    """Every entity grouped so far, or None."""
    done: int
    """Paragraphs read so far."""
    total: int
    """Paragraphs in the document."""
    finished: bool
    """True for the last message of the job."""
    completed: Sequence[tuple[Mention, Mention]] = ()
    """With the entities: the mentions their grouping took back to a full name, and what they
    became («يوسف» → «باسم يوسف»), so the highlights match the panel."""


@dataclass
class EntityProgress(Message):
    """How far entity extraction has come; a newer one replaces one still queued."""

    done: int
    """Paragraphs read so far."""
    total: int
    """Paragraphs in the document."""

    def can_replace(self, message: Message) -> bool:
        """Only the latest progress matters: collapse a flood of them."""
        return isinstance(message, EntityProgress)


@dataclass
class TopicsFound(Message):
    """The document's topic index."""

    index: TopicIndex
    """Holds `topics` and per-paragraph `main_topic`."""


@dataclass
class AnalysisFailed(Message):
    """A job could not run."""

    job: PanelJob
    """Which analysis."""
    reason: str
    """One line for the panel."""
    missing: bool
    """True when the analysis is simply not available (module or language support)."""
    note: str | None = None
    """The interface word (`reader.ui.words`) that says why in the reader's language, when there
    is one more particular than the job's `<job>-missing`."""


@dataclass
class BidiControlsCounted(Message):
    """How many explicit bidi controls the layout engine removes from the document."""

    count: int
    """Over all paragraphs."""


@dataclass(frozen=True, slots=True)
class AnalysisJob:
    """A job as the screen starts it: a worker named `name` running `run`."""

    name: JobName
    run: Job
    description: str
    """What the worker does (Textual shows it in its worker list and logs)."""


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
        from reader.nlp.entities.forget import forget_words
        from reader.nlp.entities.memory import NameMemory
        from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
    except ImportError as error:
        post(AnalysisFailed("entities", str(error), missing=True))
        return
    if too_long_to_analyse(document, "entities", post):
        return
    language = unsupported_entity_language(paragraph_texts(document.paragraphs))
    if language is not None:
        reason = entities_skipped_reason(language)
        post(AnalysisFailed("entities", reason, missing=True, note=_arabic_only_note(language)))
        return
    total = len(document.paragraphs)
    index = EntityIndex()
    memory = NameMemory()  # names found so far label their later bare mentions
    batch: list[Mention] = []
    last_batch = last_progress = last_group = time.monotonic()
    group_cost = 0.0
    found = grouped = 0  # mentions found in all, and when last grouped
    # Prose only (a code line is not a sentence about anyone); indexes stay the document's.
    # The chunks are made as they are read: no list of every paragraph (a million short lines
    # made a million tuples and strings, held until the end).
    for chunk in paragraph_chunks(_prose_pairs(document)):
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
                # Grouping makes passing objects for every mention so far while the screen
                # still holds the last grouping: made on top of the full per-word caches, they
                # grew the heap for good (its peak, 4 MB of prose: 267 MB, 253 without). Freed
                # first, the caches' memory serves the grouping, and the caches refill from the
                # next paragraphs (the words they held recomputed once: a fraction of a second).
                forget_words()
                entities = index.entities()
                last_group = time.monotonic()
                group_cost, grouped = last_group - now, found
            completed = index.completed if entities is not None else ()
            post(EntitiesFound(batch, entities, done, total, False, completed))
            batch, last_batch = [], time.monotonic()
            # What was found so far lives as long as the reader: keep it out of the cyclic
            # garbage collector's full passes, which otherwise rescan every mention and
            # cached feature each time and stall keys for 200-300 ms on a 10 MB article.
            gc.freeze()
        elif now - last_progress >= PROGRESS_SECONDS:
            post(EntityProgress(done, total))
            last_progress = now
    # Tagging is over: the last grouping, of every mention, reuses the per-word caches' memory
    # (and they stay empty).
    forget_words()
    entities = index.entities()
    post(EntitiesFound(batch, entities, total, total, True, index.completed))


def _prose_pairs(document: Document) -> Iterator[tuple[int, str]]:
    """(index, text) of each prose paragraph, in order, made one at a time."""
    paragraphs = document.paragraphs
    if isinstance(paragraphs, TextParagraphs):  # plain text: every paragraph is prose
        yield from enumerate(paragraphs.texts)
        return
    for paragraph in paragraphs:
        if paragraph.kind in PROSE_KINDS:
            yield paragraph.index, paragraph.text


def too_long_to_analyse(document: Document, job: PanelJob, post: Post) -> bool:
    """Whether ``document`` is over `ANALYSIS_LIMIT`; if so, post why the ``job`` is not run."""
    size = len(document.text)
    if size <= ANALYSIS_LIMIT:
        return False
    reason = (
        f"too long to analyse: {size:,} characters (the {job} are found in documents "
        f"of up to {ANALYSIS_LIMIT:,})"
    )
    post(AnalysisFailed(job, reason, missing=True, note="too-long-to-analyse"))
    return True


def _arabic_only_note(language: str) -> str:
    """The interface word saying entities are for Arabic text only, naming `language` when
    there is a word for it."""
    from reader.ui.words import WORDS

    named = f"entities-arabic-only-{language}"
    return named if named in WORDS else "entities-arabic-only"


def find_topics(document: Document, post: Post, cancelled: Cancelled) -> None:
    """Extract the document's topics and each paragraph's main topic, posting the index."""
    try:
        from reader.nlp.stem import stem
        from reader.nlp.topics import TopicsNotSupported, extract_topics
    except ImportError as error:
        post(AnalysisFailed("topics", str(error), missing=True))
        return
    if too_long_to_analyse(document, "topics", post):
        return
    try:
        # Preformatted lines count as empty paragraphs: the numbering stays the document's.
        index = extract_topics(
            ProseTexts(document.paragraphs), kinds=BlockKinds(document.paragraphs)
        )
    except TopicsNotSupported as error:
        post(AnalysisFailed("topics", str(error), missing=True))
        return
    finally:
        # The stems remembered (`STEMS_CACHED` words, about 10 MB once full) served this
        # document's topics only: forgotten, their memory is reused by the entity job next.
        stem.cache_clear()
    if not cancelled():
        post(TopicsFound(index))


def count_bidi_controls(document: Document, post: Post, cancelled: Cancelled) -> None:
    """Count the bidi controls layout removes, asking layout only about paragraphs holding one
    (a regular-expression scan finds those quickly, even in a 10 MB article).

    The layouts it asks for are not kept (`layout_once` uncached): only their count is wanted,
    and `layout_paragraph`'s cache held each such paragraph's text and its whole unwrapped
    line as long as the reader ran (7.7 MB for a 3.5 MB one-line document with one control)."""
    if not _BIDI_CONTROLS.search(document.text):
        post(BidiControlsCounted(0))
        return
    count = 0
    for paragraph in document.paragraphs:
        if cancelled():
            return
        if _BIDI_CONTROLS.search(paragraph.text):
            count += layout_once(paragraph.text, None, cached=False).bidi_controls
    post(BidiControlsCounted(count))


JOBS: tuple[AnalysisJob, ...] = (
    AnalysisJob("bidi", count_bidi_controls, "count the bidi controls layout removes"),
    AnalysisJob("topics", find_topics, "find the topics the article covers"),
    AnalysisJob("entities", find_entities, "find the entities the article names"),
)
"""The analyses the screen starts once the first screen is drawn; they run one after another,
in this order (cheap first)."""
JOB_NAMES = frozenset(job.name for job in JOBS)
"""The names (and worker groups) of the analysis jobs."""


def wait_for_turn(previous: threading.Event | None, cancelled: Cancelled) -> bool:
    """Wait until the job before has finished (`previous` is set once it has, however it
    ended; None for the first job); False if this job was cancelled meanwhile (the reader is
    quitting), so that it never starts."""
    if previous is not None:
        while not previous.wait(TURN_POLL_SECONDS):
            if cancelled():
                return False
    return not cancelled()


def failure_reason(error: BaseException) -> str:
    """One line for the panel saying how a job failed unexpectedly."""
    return f"{type(error).__name__}: {error}"
