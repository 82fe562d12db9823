"""The NumPy CRF (`reader.nlp.entities.crf`) against crfsuite itself, on the shared texts.

The tagger scores each distinct word once and decodes batches of sentences in NumPy; crfsuite
tags one sentence at a time from its feature strings. Labels, marginals and the document's
final labels (with the name memory, which reads the marginals) must agree.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pycrfsuite  # type: ignore[import-untyped]
import pytest

from reader.errors import UserError
from reader.nlp.entities import crf as crf_module
from reader.nlp.entities.crf import LinearCRF, ModelError, WindowScorer, read_model
from reader.nlp.entities.memory import NameMemory
from reader.nlp.entities.tagger import (
    MODEL_FILE,
    Tagger,
    _clean,
    _read_data,
    load_tagger,
    open_shipped_tagger,
)
from reader.nlp.tokens import sentence_spans, tokenize

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


def _words(name: str, characters: int) -> list[str]:
    text = (TEXTS / name).read_text(encoding="utf-8")[:characters]
    return [token.text for token in tokenize(text)]


def _sentences(words: list[str]) -> list[list[str]]:
    return [_clean(words[a:b]) for a, b in sentence_spans(words)]


_MODEL = _read_data(MODEL_FILE)  # crfsuite reads the buffer in place: keep it alive


@pytest.fixture(scope="module")
def crfsuite() -> pycrfsuite.Tagger:
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(_MODEL)
    return crf


def test_weights_are_crfsuites_own(crfsuite: pycrfsuite.Tagger) -> None:
    """Every state feature and transition crfsuite's dump lists has our weight (the dump
    prints six decimals), and no other weight is non-zero."""
    labels, index, weights, transitions = read_model(_read_data(MODEL_FILE))
    info = crfsuite.info()
    assert labels == crfsuite.labels()
    column = {label: i for i, label in enumerate(labels)}
    ours = np.zeros_like(weights)
    for (attribute, label), weight in info.state_features.items():
        ours[index[attribute], column[label]] = weight
    assert np.abs(ours - weights).max() < 1e-6
    assert np.count_nonzero(weights) == len(info.state_features)
    theirs = np.zeros_like(transitions)
    for (source, target), weight in info.transitions.items():
        theirs[column[source], column[target]] = weight
    assert np.abs(theirs - transitions).max() < 1e-6


@pytest.mark.parametrize(
    ("name", "characters"),
    [("news-03.ar.txt", 40_000), ("mixed-01.ar.txt", 40_000), ("large-01.ar.txt", 60_000)],
)
def test_batched_scores_paths_and_marginals_match_crfsuite(
    crfsuite: pycrfsuite.Tagger, name: str, characters: int
) -> None:
    """Per word-type scores equal the sums over each token's feature strings, and the batched
    Viterbi and forward-backward give crfsuite's labels and marginals, sentence by sentence."""
    tagger = load_tagger()
    crf = LinearCRF(_read_data(MODEL_FILE))
    sentences = _sentences(_words(name, characters))
    assert len(sentences) > 5
    guesses = tagger._hints(sentences)
    features = [
        tagger.features.sentence_features(s, h) for s, h in zip(sentences, guesses, strict=True)
    ]
    slow = [crf.score_rows(f) for f in features]
    fast = tagger._scorer.scores(sentences, guesses)
    for a, b in zip(slow, fast, strict=True):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)
    paths, marginals = crf.decode(fast)
    for strings, path, found in zip(features, paths, marginals, strict=True):
        assert [crf.labels[i] for i in path] == crfsuite.tag(strings)
        theirs = [[crfsuite.marginal(label, j) for label in crf.labels] for j in range(len(path))]
        np.testing.assert_allclose(found, theirs, rtol=0, atol=1e-9)


@pytest.mark.parametrize("name", ["news-01.ar.txt", "mixed-02.ar.txt", "diacritics-01.ar.txt"])
def test_document_labels_match_the_crfsuite_path(name: str) -> None:
    """Whole documents, with the name memory: the fast path and the crfsuite path agree."""
    tagger = load_tagger()
    text = (TEXTS / name).read_text(encoding="utf-8")
    paragraphs = [[t.text for t in tokenize(p)] for p in text.split("\n") if p.strip()]
    fast = tagger.tag_paragraphs(paragraphs, memory=NameMemory())
    slow = tagger.tag_paragraphs(paragraphs, memory=NameMemory(), reference=True)
    assert fast == slow
    assert any(label != "O" for labels in fast for label in labels)


def test_empty_sentences_and_a_lone_word() -> None:
    """Edge shapes: no sentence, empty sentences, a one-word sentence."""
    tagger = load_tagger()
    assert tagger.tag_paragraphs([]) == []
    assert tagger.tag_paragraphs([[], ["القاهرة"], []]) == tagger.tag_paragraphs(
        [[], ["القاهرة"], []], reference=True
    )


@pytest.mark.parametrize("cut", [0, 20, 60, 1000])
def test_a_damaged_model_is_a_one_line_error(cut: int) -> None:
    """Truncated model bytes are refused with ModelError, and by the tagger as a UserError."""
    model = _read_data(MODEL_FILE)[:cut]
    with pytest.raises(ModelError):
        read_model(model)
    with pytest.raises(UserError, match="damaged"):
        Tagger(model, {}, {}, {})


def test_scores_past_the_caches_caps_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words and features met once the scorer's caches are full are scored for their call
    only: the scores, labels and marginals are bit for bit those of an uncapped scorer, call
    after call over real text, and the caches never grow past their caps."""
    tagger = load_tagger()
    sentences = _sentences(_words("large-01.ar.txt", 60_000))
    guesses = tagger._hints(sentences)
    calls = [(sentences[k : k + 40], guesses[k : k + 40]) for k in range(0, len(sentences), 40)]
    assert len(calls) > 5
    # Far past this text's vocabulary (the table is allocated whole, its pages used as filled).
    monkeypatch.setattr(crf_module, "_CACHE_WORDS", 100_000)
    monkeypatch.setattr(crf_module, "_CACHE_FEATURES", 10**9)
    uncapped = WindowScorer(tagger._linear, tagger.features)
    wanted = [uncapped.scores(s, g) for s, g in calls]
    words, features = 1500, 3000  # a few calls fill them
    assert len(uncapped._words) > 2 * words and len(uncapped._own) > 2 * features
    monkeypatch.setattr(crf_module, "_CACHE_WORDS", words)
    monkeypatch.setattr(crf_module, "_CACHE_FEATURES", features)
    capped = WindowScorer(tagger._linear, tagger.features)
    for (s, g), expected in zip(calls, wanted, strict=True):
        found = capped.scores(s, g)
        for a, b in zip(found, expected, strict=True):
            assert a.tobytes() == b.tobytes()
        paths, marginals = tagger._linear.decode(found)
        their_paths, their_marginals = tagger._linear.decode(expected)
        assert paths == their_paths
        assert all(
            a.tobytes() == b.tobytes() for a, b in zip(marginals, their_marginals, strict=True)
        )
    assert len(capped._words) == words and len(capped._table) <= words
    assert len(capped._own) == features and len(capped._own_rows) <= features


def test_screening_features_the_model_lacks_changes_no_score(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A scorer that skips the own features the model has no weight for (after
    `_SCREEN_AFTER` words) gives bit for bit the scores, labels and marginals of one that looks
    each of them up, call after call over real text, and keeps a fraction of the features."""
    tagger = load_tagger()
    sentences = _sentences(_words("large-01.ar.txt", 60_000))
    guesses = tagger._hints(sentences)
    calls = [(sentences[k : k + 40], guesses[k : k + 40]) for k in range(0, len(sentences), 40)]
    monkeypatch.setattr(crf_module, "_SCREEN_AFTER", 10**9)
    looked_up = WindowScorer(tagger._linear, tagger.features)
    wanted = [looked_up.scores(s, g) for s, g in calls]
    monkeypatch.setattr(crf_module, "_SCREEN_AFTER", 0)
    screened = WindowScorer(tagger._linear, tagger.features)
    for (s, g), expected in zip(calls, wanted, strict=True):
        found = screened.scores(s, g)
        for a, b in zip(found, expected, strict=True):
            assert a.tobytes() == b.tobytes()
        paths, marginals = tagger._linear.decode(found)
        their_paths, their_marginals = tagger._linear.decode(expected)
        assert paths == their_paths
        assert all(
            a.tobytes() == b.tobytes() for a, b in zip(marginals, their_marginals, strict=True)
        )
    assert len(screened._own) * 2 < len(looked_up._own)


def test_keys_read_in_one_pass_are_the_ones_read_key_by_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The model's labels and feature names, read from its bytes in one pass (how crfsuite
    lays them out), equal those read key by key (the path for any other layout)."""
    model = _read_data(MODEL_FILE)
    labels, index, _, _ = read_model(model)
    assert crf_module._keys_in_order is not None
    monkeypatch.setattr(crf_module, "_keys_in_order", lambda raw, starts, ends: None)
    slow_labels, slow_index, _, _ = read_model(model)
    assert labels == slow_labels
    assert list(index.items()) == list(slow_index.items())
    assert len(index) > 10_000


def test_the_word_cache_is_never_copied() -> None:
    """The scorer's word table and the network's input cache are each one array from the first
    word to the cap, never replaced by a larger copy: grown by doubling, old and new were alive
    together (about 20 MB more at the peak of `reader entities` on 1 MB of prose)."""
    tagger = open_shipped_tagger()  # its own network, its caches empty
    sentences = _sentences(_words("large-01.ar.txt", 60_000))
    calls = [sentences[k : k + 40] for k in range(0, len(sentences), 40)]
    scorer = WindowScorer(tagger._linear, tagger.features)
    network = tagger.neural
    assert network is not None
    tables, inputs = set(), set()
    for call in calls:
        scorer.scores(call, tagger._hints(call))
        tables.add(id(scorer._table))
        inputs.add(id(network._cached))
    assert len(scorer._words) > 2048 and len(network._cache) > 2048  # past two doublings
    assert len(tables) == 1 and len(inputs) == 1
