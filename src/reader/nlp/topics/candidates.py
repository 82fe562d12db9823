"""Candidate phrases of a document, each with its salience.

Each stem gets a *keyness*: how much more often it occurs in the document than in general text
of the language, `log10(p_document / p_general)`, with the general frequencies of wordfreq
aggregated by stem (`reader/nlp/data/topics-frequencies-*.tsv.gz`). Raw counts would crown
«الأمن» or «العالم»; keyness crowns what this document is about. Phrases of one to four words
are scored by their count times the keyness of their words, so a stable collocation
(«التعاون الأمني», «واتس آب») outranks its words alone. Everything is counted in dictionaries
in one pass over the text: linear, so the 10 MB test document takes seconds.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.nlp.topics.words import (
    JOINER_MARK,
    Chunk,
    Classifier,
    chunks,
    general_frequencies,
    phrases,
)

OPENING_BONUS = 1.5
"""Factor on the salience of a phrase found in the title (a short first paragraph)."""

TITLE_WORDS = 15
"""A first paragraph of at most this many words is taken for a title."""


@dataclass(slots=True)
class Candidate:
    """A phrase (tuple of keys) with its counts and salience."""

    keys: tuple[str, ...]
    count: int
    """How often the phrase occurs."""
    weight: float
    """The salience of one occurrence (see `phrase_weight`)."""
    free: float = 0.0
    """Occurrences not inside a longer candidate phrase (C-value style), set after counting."""
    score: float = 0.0
    """Salience of the phrase in the document (see `phrase_score`)."""
    stems: frozenset[str] = frozenset()
    """Its content keys, ignoring order and joiners."""

    def __post_init__(self) -> None:
        self.stems = frozenset(k for k in self.keys if k[0] != JOINER_MARK)


def combine(values: list[float]) -> float:
    """Salience of a phrase from that of its words: the best word fully, plus half the mean of
    the others. A longer phrase is more specific, but not simply the sum of its parts (which
    would let rare four-word strings beat the document's real subjects)."""
    best = max(values)
    if len(values) == 1:
        return best
    return best + 0.5 * (sum(values) - best) / (len(values) - 1)


def phrase_weight(keys: tuple[str, ...], keyness: dict[str, float]) -> float:
    """Salience of one occurrence of a phrase, from the keyness of its words."""
    return combine([keyness[k] for k in keys if k[0] != JOINER_MARK])


def phrase_score(candidate: Candidate, counts: Counter[str], keyness: dict[str, float]) -> float:
    """Salience of a phrase: each of its words lends it a share of the word's salience in the
    document (count × keyness), the share growing with the square root of the part of the
    word's occurrences the phrase accounts for (see `combine`).

    So a phrase built on the document's central word («التعاون الأمني» in an article about
    security) outranks a phrase as frequent built on a word that merely recurs («مستوى»).
    """
    values = [
        math.sqrt(candidate.free * counts[k]) * keyness[k]
        for k in candidate.keys
        if k[0] != JOINER_MARK
    ]
    return combine(values)


def set_free_counts(candidates: dict[tuple[str, ...], Candidate]) -> None:
    """Give each candidate its count minus the counts of the candidates one word longer that
    contain it, so «واتس» inside «واتس آب» or «الأمني» inside «التعاون الأمني» do not count
    twice as topics of their own."""
    nested: dict[tuple[str, ...], int] = defaultdict(int)
    for keys, candidate in candidates.items():
        if len(keys) < 2:
            continue
        for part in (keys[1:], keys[:-1]):
            while part and part[0][0] == JOINER_MARK:
                part = part[1:]
            while part and part[-1][0] == JOINER_MARK:
                part = part[:-1]
            if part in candidates and len(part) < len(keys):
                nested[part] += candidate.count
    for keys, candidate in candidates.items():
        candidate.free = max(0.0, candidate.count - nested.get(keys, 0))


def count_phrases(
    chunked: list[list[Chunk]],
    counts: Counter[str],
    keyness: dict[str, float],
    min_count: int,
) -> Counter[tuple[str, ...]]:
    """Count the phrases made only of words that occur ``min_count`` times and have keyness;
    return those that occur ``min_count`` times themselves."""
    useful = {k for k, c in counts.items() if c >= min_count and keyness[k] > 0}
    phrase_counts: Counter[tuple[str, ...]] = Counter()
    for paragraph in chunked:
        for keys in paragraph:
            for first, stop in phrases(keys):
                phrase = keys[first:stop]
                if all(k in useful or k[0] == JOINER_MARK for k in phrase):
                    phrase_counts[phrase] += 1
    return Counter({p: c for p, c in phrase_counts.items() if c >= min_count})


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the later stages need of a document: its chunks, counts and ranked candidates."""

    language: str
    classifier: Classifier
    chunked: list[list[Chunk]]
    """Per paragraph, the key lists of its chunks."""
    counts: Counter[str]
    """Occurrences of each content key in the document."""
    keyness: dict[str, float]
    candidates: list[Candidate]
    """Candidate phrases, most salient first."""


def analyse(
    paragraphs: Sequence[str], language: str, classifier: Classifier | None = None
) -> Analysis:
    """Chunk the paragraphs, weigh every key and rank the candidate phrases. A ``classifier``
    may be passed in to share its cache of words between stretches of one document."""
    general = general_frequencies(language)
    if classifier is None:
        classifier = Classifier(language, general)

    # Pass 1: the chunks of every paragraph, and how often each key occurs.
    chunked: list[list[Chunk]] = []
    counts: Counter[str] = Counter()
    for text in paragraphs:
        keys_of = [keys for keys, _ in chunks(text, classifier)]
        chunked.append(keys_of)
        for keys in keys_of:
            counts.update(k for k in keys if k[0] != JOINER_MARK)
    total = sum(counts.values())
    if not total:
        return Analysis(language, classifier, chunked, counts, {}, [])

    # Keyness of each key: log10 of its share of the document over its share of general text.
    log_total = math.log10(total)
    zipf, floor = general.zipf, general.floor
    keyness = {
        key: max(0.0, math.log10(count) - log_total + 9.0 - zipf.get(key, floor))
        for key, count in counts.items()
    }
    # Pass 2: count the phrases whose content words all recur and say something. A word or a
    # phrase seen once is no theme, unless the text is so short that nothing recurs.
    phrase_counts = count_phrases(chunked, counts, keyness, min_count=2)
    if not phrase_counts:
        phrase_counts = count_phrases(chunked, counts, keyness, min_count=1)
    by_keys = {
        keys: Candidate(keys, count, phrase_weight(keys, keyness))
        for keys, count in phrase_counts.items()
    }
    set_free_counts(by_keys)
    # A title names what a text is about: the phrases of a short first paragraph get a bonus,
    # as position weighs in keyphrase extractors (KEA, YAKE). Not for a single paragraph.
    opening = (
        {keys[a:b] for keys in chunked[0] for a, b in phrases(keys)}
        if len(chunked) > 2 and len(paragraphs[0].split()) <= TITLE_WORDS
        else set()
    )
    for candidate in by_keys.values():
        candidate.score = phrase_score(candidate, counts, keyness)
        if candidate.keys in opening:
            candidate.score *= OPENING_BONUS
    ranked = sorted(by_keys.values(), key=lambda c: (-c.score, -len(c.keys), c.keys))
    return Analysis(language, classifier, chunked, counts, keyness, ranked)
