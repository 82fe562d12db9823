"""The reading state behind the screen: entities, topics, search, and where `n` or `]` go next.

Plain Python (no widgets), owned by the main screen and fed by the analysis messages: it keeps the
entity index (`reader.nlp.entities.EntityIndex`), the topic index, the search hits, the selected
entity and chosen topic, and answers "which paragraph next?" and "which spans to highlight?".
Everything is in logical offsets `(paragraph, start, end)`.

Highlights are handed out for a window of paragraphs around the current one, so a 10 MB article
with a hundred thousand mentions costs the view only what is near the reader.

What is highlighted, counted and visited is one set: an entity's mentions and, for a country,
its nisba adjectives («التركية», «المغربي»: `Entity.adjectives`), which a reader following
Turkey wants to meet. An adjective whose country the article never names is no mention of
anything, so it is not highlighted either.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.config import Language
from reader.text.document import Document, paragraph_texts
from reader.ui.highlights import entity_kind
from reader.ui.words import word

if TYPE_CHECKING:  # the analysis types, for the checker only: the screen loads no NLP
    from reader.nlp.entities import Entity, Mention
    from reader.nlp.topics import Topic, TopicIndex

WINDOW = 300
"""Paragraphs on each side of the current one whose highlights are handed to the view."""

Span = tuple[int, int, int, str]
"""A highlight: paragraph, start, end (logical offsets) and kind."""


class Navigator:
    """What the reader has found and chosen, and where each step goes."""

    def __init__(self, document: Document) -> None:
        """Nothing found yet in `document`."""
        self.document = document
        self._texts = paragraph_texts(document.paragraphs)  # no copy of the text
        self._entities: list[Entity] = []
        # The mentions (adjectives aside) in reading order, and each one's paragraph: one list
        # and one array, not a list per paragraph (one word a line puts nearly every mention in
        # a paragraph of its own, and a dict entry and a list each cost more than the mention).
        self._mentions: list[Mention] = []
        self._mention_paragraphs = array("i")
        self._adjectives: dict[int, list[tuple[int, int, str]]] = {}  # paragraph -> spans
        self.topic_index: TopicIndex | None = None
        """The `TopicIndex`, once topics are found."""
        self.selected_entity: str | None = None
        """The key of the entity whose mentions are marked, if any."""
        self._selected_spans: list[tuple[int, int, int]] = []
        self._mention: int | None = None
        self.chosen_topic: int | None = None
        """The index of the topic whose paragraphs are marked, if any."""
        self.search_query = ""
        """The active search (empty: none)."""
        self._hits: list[tuple[int, int, int]] = []
        self._hit: int | None = None
        self._current = 0
        self._theme_changes = array("i")

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the document has."""
        return len(self._texts)

    def follow(self, paragraph: int) -> None:
        """The reader is now at `paragraph`."""
        self._current = paragraph

    # Entities

    def add_mentions(self, mentions: Sequence[Mention]) -> None:
        """Add a batch of `Mention`s from the entity worker (for colouring by type). Nisba
        adjectives wait for the grouping, which says which country, if any, they belong to."""
        paragraphs = self._mention_paragraphs
        for mention in mentions:
            if mention.type in ADJECTIVE_TYPES:
                continue
            if not paragraphs or paragraphs[-1] <= mention.paragraph:  # the worker's order
                self._mentions.append(mention)
                paragraphs.append(mention.paragraph)
            else:  # an earlier paragraph: after the ones already there, as they came
                position = bisect_right(paragraphs, mention.paragraph)
                self._mentions.insert(position, mention)
                paragraphs.insert(position, mention.paragraph)

    def set_entities(
        self, entities: Sequence[Entity], completed: Sequence[tuple[Mention, Mention]] = ()
    ) -> None:
        """Take the entities the worker grouped from every mention found so far; ``completed``
        are the mentions the grouping took back to a full name, which the highlights follow
        («يوسف» highlighted as «باسم يوسف»)."""
        self._entities = list(entities)
        paragraphs = self._mention_paragraphs
        for old, new in completed:
            i = bisect_left(paragraphs, old.paragraph)
            while i < len(paragraphs) and paragraphs[i] == old.paragraph:
                if self._mentions[i] == old:
                    self._mentions[i] = new
                    break
                i += 1
        adjectives: dict[int, list[tuple[int, int, str]]] = {}
        for entity in self._entities:
            for m in entity.adjectives:
                adjectives.setdefault(m.paragraph, []).append((m.start, m.end, entity.type))
        self._adjectives = adjectives
        if self.selected_entity is not None:
            self._selected_spans = self._spans_of(self.selected_entity)
            if self._mention is not None and self._mention >= len(self._selected_spans):
                self._mention = None

    def entities(self) -> list[Entity]:
        """Every entity grouped so far (`Entity(key, type, name, mentions, ...)`)."""
        return self._entities

    def _spans_of(self, key: str) -> list[tuple[int, int, int]]:
        """The mentions of entity `key` (its adjectives included), in reading order."""
        for entity in self.entities():
            if entity.key == key:
                return sorted((m.paragraph, m.start, m.end) for m in mentions_of(entity))
        return []

    def select_entity(self, key: str | None) -> int | None:
        """Select entity `key` (None: clear); returns the paragraph of its first mention."""
        self.selected_entity = key
        self._selected_spans = self._spans_of(key) if key is not None else []
        self._mention = 0 if self._selected_spans else None
        return self._selected_spans[0][0] if self._selected_spans else None

    def choose_nearest_entity(self, current: int, step: int) -> Entity | None:
        """`n` (or `N`) with nothing chosen: select the entity mentioned first at or after the
        paragraph `current` (at or before it for `N`), its mention there being the current one;
        None when nothing is mentioned anywhere."""
        best: tuple[tuple[int, int], Entity, int] | None = None
        for entity in self._entities:
            spans = sorted((m.paragraph, m.start) for m in mentions_of(entity))
            if step > 0:
                at = bisect_left(spans, (current, -1))
                index = at if at < len(spans) else 0  # none after: wrap to the first
                rank = spans[index] if at < len(spans) else (spans[0][0] + (1 << 40), 0)
            else:
                at = bisect_right(spans, (current, 1 << 62)) - 1
                index = at if at >= 0 else len(spans) - 1
                rank = (-spans[index][0], -spans[index][1]) if at >= 0 else (1 << 40, 0)
            if spans and (best is None or rank < best[0]):
                best = (rank, entity, index)
        if best is None:
            return None
        _, entity, index = best
        self.select_entity(entity.key)
        self._mention = index
        return entity

    def mention_paragraph(self) -> int | None:
        """The paragraph of the selected entity's current mention, if any."""
        if self._mention is None or not self._selected_spans:
            return None
        return self._selected_spans[self._mention][0]

    # Topics

    def set_topics(self, index: TopicIndex) -> None:
        """Keep the `TopicIndex` found by the topic worker, and where its main theme changes."""
        self.topic_index = index
        self._theme_changes = theme_changes(index.main_theme)

    def topics(self) -> Sequence[Topic]:
        """The topics, most salient first (empty until found)."""
        return self.topic_index.topics if self.topic_index is not None else ()

    def choose_topic(self, index: int | None) -> int | None:
        """Choose topic number `index` (None: clear); returns its first paragraph."""
        topics = self.topics()
        if index is None or not 0 <= index < len(topics):
            self.chosen_topic = None
            return None
        self.chosen_topic = index
        paragraphs = topics[index].paragraphs
        return paragraphs[0] if paragraphs else None

    def main_topic(self, paragraph: int) -> str | None:
        """The main topic of `paragraph`, when topics are known."""
        if self.topic_index is None or not 0 <= paragraph < len(self.topic_index.main_topic):
            return None
        return self.topic_index.main_topic[paragraph]

    def topic_step(self, current: int, step: int) -> int | None:
        """The next (`step` 1) or previous (-1) paragraph of the chosen topic; with none chosen,
        the next or previous paragraph where the main theme changes (`theme_changes`)."""
        stops: Sequence[int]
        if self.chosen_topic is not None:
            stops = sorted(self.topics()[self.chosen_topic].paragraphs)
        elif self.topic_index is not None:
            stops = self._theme_changes
        else:
            return None
        return _step_in(stops, current, step)

    # Search

    def find(self, query: str) -> list[tuple[int, int, int]]:
        """The hits of `query` (Arabic-aware), as (paragraph, start, end) in reading order.

        Pure, so it may run in a worker thread: in a 10 MB article a one-letter query has
        hundreds of thousands of hits and takes seconds."""
        from reader.search import find

        return [(h.paragraph, h.start, h.end) for h in find(self._texts, query)]

    def search(
        self, query: str, current: int, hits: list[tuple[int, int, int]] | None = None
    ) -> int | None:
        """Make `query` the active search, with its `hits` (found now when not given); returns
        the paragraph of the first hit at or after `current` (wrapping round), which becomes the
        current hit."""
        self.search_query = query
        self._hits = self.find(query) if hits is None else hits
        if not self._hits:
            self._hit = None
            return None
        position = bisect_left(self._hits, (current, -1, -1))
        self._hit = position if position < len(self._hits) else 0
        return self._hits[self._hit][0]

    def clear_search(self) -> None:
        """End the search."""
        self.search_query, self._hits, self._hit = "", [], None

    def search_summary(self, language: Language) -> str:
        """`3/12` (current hit of all), or `no hits`."""
        if not self._hits:
            return word("no-hits", language)
        return f"{(self._hit or 0) + 1}/{len(self._hits)}"

    # n / N

    def mention_step(self, current: int, step: int) -> int | None:
        """The paragraph of the next/previous search hit (while searching) or mention of the
        selected entity; wraps round at the ends."""
        if self.search_query:
            spans, cursor = self._hits, self._hit
        elif self.selected_entity is not None:
            spans, cursor = self._selected_spans, self._mention
        else:
            return None
        if not spans:
            return None
        if cursor is not None and spans[cursor][0] == current:
            cursor = (cursor + step) % len(spans)
        elif step > 0:
            cursor = bisect_right(spans, (current, 1 << 62, 0)) % len(spans)
        else:
            cursor = (bisect_left(spans, (current, -1, -1)) - 1) % len(spans)
        if self.search_query:
            self._hit = cursor
        else:
            self._mention = cursor
        return spans[cursor][0]

    # What to draw

    def highlights(self, center: int | None = None) -> list[Span]:
        """The spans to highlight in paragraphs near `center` (default: the current paragraph),
        weakest kind first: topic, entity types, selected entity, search hits, current one."""
        center = self._current if center is None else center
        low, high = max(0, center - WINDOW), center + WINDOW
        spans: list[Span] = []
        if self.chosen_topic is not None:
            for p in self.topics()[self.chosen_topic].paragraphs:
                if low <= p <= high:
                    spans.append((p, 0, len(self._texts[p]), "topic"))
        paragraphs, mentions = self._mention_paragraphs, self._mentions
        i = bisect_left(paragraphs, low)
        for p in range(low, min(high + 1, len(self._texts))):
            while i < len(paragraphs) and paragraphs[i] == p:
                m = mentions[i]
                spans.append((m.paragraph, m.start, m.end, entity_kind(m.type)))
                i += 1
            for start, end, kind in self._adjectives.get(p, ()):
                spans.append((p, start, end, entity_kind(kind)))
        spans.extend((*span, "selected") for span in _window(self._selected_spans, low, high))
        if self.selected_entity is not None and self._mention is not None and not self.search_query:
            spans.append((*self._selected_spans[self._mention], "current-search"))
        spans.extend((*span, "search") for span in _window(self._hits, low, high))
        if self._hit is not None and self._hits:
            spans.append((*self._hits[self._hit], "current-search"))
        return spans

    def status_text(self, current: int, language: Language) -> str:
        """`¶ 3/7 · 42% · topic: … · mention 2/5` (or `hit 3/12` while searching)."""
        total = self.paragraph_count
        if not total:
            return "¶ 0/0"
        parts = [f"¶ {current + 1}/{total}", f"{100 * (current + 1) // total}%"]
        topic = self.main_topic(current)
        if topic:
            parts.append(f"{word('topic', language)}: {topic}")
        if self.search_query:
            summary = self.search_summary(language)
            parts.append(f"{word('hit', language)} {summary}" if self._hits else summary)
        elif self.selected_entity is not None and self.mention_paragraph() == current:
            count = len(self._selected_spans)  # said only while the reader is at that mention
            parts.append(f"{word('mention', language)} {(self._mention or 0) + 1}/{count}")
        return " · ".join(parts)


def theme_changes(main_theme: Sequence[int | None]) -> array[int]:
    """The paragraphs where a new main theme starts: the first with a theme, then each whose
    theme differs from that of the last paragraph with one before it. Paragraphs without a
    theme (a heading, a short line) neither start nor end one, so `]` passes over them. An
    array: a long document of short lines may change theme every few paragraphs."""
    stops = array("i")
    last: int | None = None
    for paragraph, theme in enumerate(main_theme):
        if theme is not None and theme != last:
            stops.append(paragraph)
            last = theme
    return stops


ADJECTIVE_TYPES = frozenset({"NISBA"})
"""Mention types that are adjectives of an entity, not entities (`reader.nlp.canonical`)."""


def mentions_of(entity: Entity) -> list[Mention]:
    """What the reader counts and visits as the entity's mentions: its own, and for a country
    its adjectives («التركية» for تركيا)."""
    return [*entity.mentions, *entity.adjectives]


def _step_in(stops: Sequence[int], current: int, step: int) -> int | None:
    """The first stop after `current` (step > 0) or the last before it (step < 0), if any."""
    if step > 0:
        position = bisect_right(stops, current)
        return stops[position] if position < len(stops) else None
    position = bisect_left(stops, current)
    return stops[position - 1] if position > 0 else None


def _window(
    spans: Sequence[tuple[int, int, int]], low: int, high: int
) -> Iterable[tuple[int, int, int]]:
    """The spans (sorted) whose paragraph lies in `[low, high]`."""
    first = bisect_left(spans, (low, -1, -1))
    last = bisect_right(spans, (high, 1 << 62, 0))
    return spans[first:last]
