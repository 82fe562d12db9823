"""What the entity rules cost per word on real text (issue 13, throughput of `reader entities`).

The rules run on every word of every paragraph, so the cheap question must come first and a
question asked again about the same word must not be worked out again. These tests hold those
choices on the shared news and Wikipedia texts; the outputs they guard are unchanged (the
`reader entities` JSON of every shared text was compared byte for byte when they were made).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.nlp.entities import extract_paragraphs
from reader.nlp.entities.events import (
    EVENT_HEADS,
    ORGANIZATION_HEADS,
    find_headed_names,
    head_at,
)
from reader.nlp.entities.foreign import _shape_weights, foreign_score
from reader.nlp.entities.gazetteer import is_function_word
from reader.nlp.entities.memory import NameMemory, _memorable
from reader.nlp.entities.shapes import _foreign_looking
from reader.nlp.entities.spans import bio_spans
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.normalise import normalise
from reader.nlp.tokens import tokenize

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


def paragraphs(name: str) -> list[str]:
    """The non-empty paragraphs of a shared text."""
    text = (TEXTS / name).read_text(encoding="utf-8")
    return [p for p in text.split("\n") if p.strip()]


@pytest.mark.parametrize("heads", [EVENT_HEADS, ORGANIZATION_HEADS])
def test_blocked_is_asked_only_about_heads_and_their_complements(heads: frozenset[str]) -> None:
    """`find_headed_names` looks a word up among the heads before asking the caller's
    ``blocked`` (several set lookups in the extraction) about it: the words it asks about are
    the heads and the words after them, not every word of the text."""
    words_in_text = 0
    asked_in_text = 0
    heads_seen = 0
    for paragraph in paragraphs("news-01.ar.txt"):
        words = [normalise(t.text) for t in tokenize(paragraph)]
        asked: set[int] = set()

        def blocked(k: int, asked: set[int] = asked) -> bool:
            asked.add(k)
            return False

        find_headed_names(words, heads, blocked, lambda _k: False)
        heads_seen += sum(head_at(w, heads) is not None for w in words)
        words_in_text += len(words)
        asked_in_text += len(asked)
    assert heads_seen > 0  # the text has heads, so some words were asked about
    assert 0 < asked_in_text < words_in_text / 2


@pytest.mark.parametrize(
    "question", [_foreign_looking, is_function_word, _memorable], ids=lambda q: q.__name__
)
def test_word_questions_are_answered_once_per_word(question: Any) -> None:
    """The per-word questions of the rules and the name memory are remembered: a Wikipedia
    text asks about the same words again and again."""
    question.cache_clear()
    texts = paragraphs("large-01.ar.txt")[:40]
    extract_paragraphs(list(enumerate(texts)), NameMemory())
    info = question.cache_info()
    assert info.misses > 0
    assert info.hits > 0


def test_foreign_score_is_the_plain_sum_of_its_letter_grams() -> None:
    """`foreign_score` adds the n-gram weights in the order the plain reading does, so every
    score, and every threshold it meets, is what it was."""
    weights = _shape_weights()
    words = {normalise(w) for p in paragraphs("large-01.ar.txt")[:40] for w in p.split()}
    for word in words:
        padded = f"^{word}$"
        plain = sum(
            weights.get(padded[i : i + n], 0.0)
            for n in (1, 2, 3)
            for i in range(len(padded) - n + 1)
        )
        assert foreign_score(word) == plain


def reference_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """The conlleval reading written out plainly, every label split into prefix and type."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, tag = label.partition("-")
        continues = prefix == "I" and tag == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = i, tag
    return spans


def test_bio_spans_skips_outside_labels_without_changing_the_reading() -> None:
    """`bio_spans` passes over ``O`` labels without splitting them; on the tagger's labels of
    a real text, and on stray ``I-`` labels, it reads what the plain reading reads."""
    tagger = load_tagger()
    checked = 0
    for paragraph in paragraphs("news-02.ar.txt"):
        words = [t.text for t in tokenize(paragraph)]
        if not words:
            continue
        labels = tagger.tag(words)
        assert bio_spans(labels) == reference_spans(labels)
        checked += sum(label != "O" for label in labels)
        stray = [
            "I-LOC" if label == "O" and i % 7 == 3 else label for i, label in enumerate(labels)
        ]
        assert bio_spans(stray) == reference_spans(stray)
    assert checked > 0
