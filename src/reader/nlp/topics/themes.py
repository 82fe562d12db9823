"""Themes: which candidate phrases become the document's themes, and where each one lives.

Phrases are taken best first; a phrase that is a variant or a part/extension of a chosen theme
and mostly occurs with it is merged into that theme instead of becoming a new one. Each
paragraph gets as main theme the one with the most keyness in it, and as second the next one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from reader.nlp.topics.candidates import Candidate
from reader.nlp.topics.labels import written_labels
from reader.nlp.topics.model import Topic, TopicIndex
from reader.nlp.topics.words import JOINER_MARK, Chunk, Classifier, phrases

LABEL_SAMPLE = 8
"""How many paragraphs (the first ones) a topic's label form is chosen from."""

MERGE_SHARE = 1 / 3
"""A phrase merges into a topic whose head contains it (or that it contains) when the rarer of
the two occurs at least this share as often as the other."""


def topic_limit(paragraph_count: int) -> int:
    """How many topics to report: a handful for an article, more for a book-length text."""
    return max(10, min(150, round(3 * math.sqrt(paragraph_count))))


def choose_topics(candidates: list[Candidate], limit: int) -> list[list[Candidate]]:
    """Take topics best first, merging variants and nested phrases into the topic they belong
    to (see `_merge_target`); each topic is its list of phrases, the head first."""
    topics: list[list[Candidate]] = []
    by_stem: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        home = _merge_target(candidate, topics, by_stem)
        if home is not None:
            topics[home].append(candidate)
        elif len(topics) < limit and candidate.score > 0:
            for key in candidate.stems:
                by_stem[key].append(len(topics))
            topics.append([candidate])
        if len(topics) >= limit and candidate.score < topics[-1][0].score / 4:
            break
    return topics


def _merge_target(
    candidate: Candidate, topics: list[list[Candidate]], by_stem: dict[str, list[int]]
) -> int | None:
    """The topic ``candidate`` belongs to, if any: one with the same stems, or one whose head
    phrase contains it (or it contains) and is not much rarer or commoner than it.
    ``by_stem`` lists the topics whose head has a given stem (only those can match)."""
    stems = candidate.stems
    sharing = sorted({index for key in stems for index in by_stem.get(key, ())})
    for index in sharing:
        head = topics[index][0]
        head_stems = head.stems
        if stems == head_stems:
            return index
        if (stems < head_stems or head_stems < stems) and min(
            candidate.count, head.count
        ) >= MERGE_SHARE * max(candidate.count, head.count):
            return index
    return None


def _label_phrase(members: list[Candidate]) -> Candidate:
    """The phrase that names a topic: its head, or the most frequent longer phrase merged into
    it («مارسيل خليفة» rather than «خليفة», «مسبار فوياجر» rather than «فوياجر»)."""
    head = members[0]
    longer = [m for m in members if m.stems > head.stems]
    if not longer:
        return head
    return max(longer, key=lambda m: (m.count, -len(m.keys)))


def index_themes(
    paragraphs: Sequence[str],
    chunked: list[list[Chunk]],
    topics: list[list[Candidate]],
    classifier: Classifier,
) -> TopicIndex:
    """Find where the chosen topics occur, label them, and pick each paragraph's main topic."""
    member_of: dict[tuple[str, ...], int] = {}
    for index, members in enumerate(topics):
        for member in members:
            member_of.setdefault(member.keys, index)
    heads = {_label_phrase(members).keys: index for index, members in enumerate(topics)}

    # Pass 3: which topics each paragraph mentions, with how much keyness.
    found: list[set[int]] = [set() for _ in topics]
    weight_in: list[dict[int, float]] = []
    label_paragraphs: dict[int, list[int]] = defaultdict(list)
    weights = {m.keys: m.weight for members in topics for m in members}
    for number, chunks in enumerate(chunked):
        local: dict[int, float] = defaultdict(float)
        for keys in chunks:
            for first, stop in phrases(keys):
                phrase = keys[first:stop]
                topic = member_of.get(phrase)
                if topic is None:
                    continue
                local[topic] += weights[phrase]
                if phrase in heads and len(label_paragraphs[topic]) < LABEL_SAMPLE:
                    label_paragraphs[topic].append(number)
        for index in local:
            found[index].add(number)
        weight_in.append(local)

    named = written_labels(heads, paragraphs, label_paragraphs, classifier)
    labels = [
        named.get(index) or " ".join(k.lstrip(JOINER_MARK) for k in _label_phrase(members).keys)
        for index, members in enumerate(topics)
    ]
    # A topic's salience is its head phrase's, with the variants of the same words (another
    # order or inflection) added; merged shorter or longer phrases add paragraphs, not salience,
    # since their occurrences largely are the head's.
    scores = [sum(m.score for m in members if m.stems == members[0].stems) for members in topics]
    # A paragraph's main theme: the one with most keyness in it, weighed like tf-idf by how
    # few paragraphs share the theme, so a theme found everywhere does not claim them all.
    rarity = [math.log(1 + len(paragraphs) / max(1, len(found[i]))) for i in range(len(topics))]
    ranked = [
        sorted(local, key=lambda i: (-local[i] * rarity[i], -scores[i], i)) for local in weight_in
    ]
    main = [r[0] if r else None for r in ranked]
    second = [r[1] if len(r) > 1 else None for r in ranked]
    return assemble(labels, scores, [sorted(f) for f in found], main, second)


def assemble(
    labels: Sequence[str],
    scores: Sequence[float],
    paragraphs: Sequence[Sequence[int]],
    main: Sequence[int | None],
    second: Sequence[int | None],
) -> TopicIndex:
    """The `TopicIndex` of themes given in any order (by their labels, raw scores and
    paragraphs) and of each paragraph's main and second theme (as indices into those lists):
    themes most salient first, scores relative to the best, numbers by first paragraph."""
    order = sorted(range(len(labels)), key=lambda i: (-scores[i], i))
    position = {theme: place for place, theme in enumerate(order)}
    first = sorted(order, key=lambda i: (paragraphs[i][0] if paragraphs[i] else 1 << 62, i))
    number = {theme: n for n, theme in enumerate(first)}
    top = scores[order[0]] if order and scores[order[0]] > 0 else 1.0
    mains: dict[int, list[int]] = defaultdict(list)
    for paragraph, theme in enumerate(main):
        if theme is not None:
            mains[theme].append(paragraph)
    topics = tuple(
        Topic(
            labels[i],
            round(scores[i] / top, 4),
            tuple(sorted(paragraphs[i])),
            number[i],
            tuple(mains[i]),
        )
        for i in order
    )
    return TopicIndex(
        topics,
        tuple(None if t is None else labels[t] for t in main),
        tuple(None if t is None else labels[t] for t in second),
        tuple(None if t is None else position[t] for t in main),
        tuple(None if t is None else position[t] for t in second),
    )
