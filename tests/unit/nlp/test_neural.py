"""The neural tagger run in NumPy: what the shipped network computes, and how the CRF reads it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reader.errors import UserError
from reader.nlp.entities import tagger as tagger_module
from reader.nlp.entities.evaluate import default_test_path, read_conll, score
from reader.nlp.entities.neural import NeuralTagger, hints
from reader.nlp.entities.tagger import NETWORK_WEIGHTS, load_tagger, open_shipped_tagger
from reader.nlp.tokens import sentence_spans, tokenize

REPO = Path(__file__).resolve().parents[3]
TEXTS = REPO / ".." / "shared" / "data" / "texts"

# The network alone (its most likely label per word) on ANERcorp's test split, as measured when
# it was trained (micro-F1, rounded down): NumPy must compute the network PyTorch trained.
NETWORK_F1_FLOOR = 0.68


def _network() -> NeuralTagger:
    """The shipped network, as the shipped tagger holds it."""
    network = load_tagger().neural
    assert network is not None
    return network


def _sentences(name: str) -> list[list[str]]:
    """The sentences of a real news text, split as the tagger splits paragraphs."""
    out: list[list[str]] = []
    for paragraph in (TEXTS / name).read_text(encoding="utf-8").split("\n"):
        words = [t.text for t in tokenize(paragraph)]
        out.extend(words[a:b] for a, b in sentence_spans(words))
    return [s for s in out if s]


def test_probabilities_are_one_distribution_per_word() -> None:
    network = _network()
    sentences = _sentences("news-02.ar.txt")[:12]
    for sentence, probabilities in zip(sentences, network.probabilities(sentences), strict=True):
        assert probabilities.shape == (len(sentence), len(network.labels))
        assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
        assert (probabilities >= 0).all()
    assert network.labels[0] == "O" and set(network.labels) == set(tagger_module.LABELS)


def test_a_batch_gives_each_sentence_what_it_gives_alone() -> None:
    """Sentences of different lengths share a batch; padding never reaches a real word."""
    network = _network()
    sentences = _sentences("news-05.ar.txt")[:10]
    assert len({len(s) for s in sentences}) > 3  # really different lengths
    together = network.probabilities(sentences)
    for sentence, batched in zip(sentences, together, strict=True):
        (alone,) = network.probabilities([sentence])
        assert np.allclose(alone, batched, atol=1e-5)


def test_the_network_alone_tags_the_held_out_split() -> None:
    network = _network()
    sentences = read_conll(default_test_path())
    predicted = []
    for words, _ in sentences:
        (probabilities,) = network.probabilities([words])
        labels = [network.labels[int(k)] for k in probabilities.argmax(axis=1)]
        predicted.append(tagger_module._repair(labels))
    scores = score((labels for _, labels in sentences), predicted)
    assert scores["micro"].f1 >= NETWORK_F1_FLOOR


def test_hints_bin_each_likely_label_and_name_the_most_likely() -> None:
    network = _network()
    words = [t.text for t in tokenize("وقال الرئيس اللبناني ميشال عون في بيروت")]
    (probabilities,) = network.probabilities([words])
    for row, found in zip(probabilities, hints(probabilities, network.labels), strict=True):
        best = network.labels[int(row.argmax())]
        assert found[-1] == f"nnm={best}"
        likely = {label for label, p in zip(network.labels, row, strict=True) if p >= 0.1}
        assert {f[3:-1] for f in found[:-1]} == likely
        for feature in found[:-1]:
            p = float(row[network.labels.index(feature[3:-1])])
            assert feature[-1] == ("1" if p < 0.3 else "2" if p < 0.6 else "3")
    # The place is the network's best guess for «بيروت».
    assert hints(probabilities, network.labels)[-1][-1] == "nnm=B-LOC"


def test_a_damaged_weights_file_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tagger_module._read_data

    def damaged(name: str) -> bytes:
        data = real(name)
        return data[: len(data) // 2] if name == NETWORK_WEIGHTS else data

    monkeypatch.setattr(tagger_module, "_read_data", damaged)
    with pytest.raises(UserError, match=r"entity network's files are damaged"):
        open_shipped_tagger()


def _textbook_lstm(
    inputs: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """One LSTM direction over one sentence, written as the equations read (PyTorch's gate
    order i, f, g, o), to hold the fused two-direction loop to."""
    size = w_hh.shape[1]
    h = np.zeros(size)
    c = np.zeros(size)
    out = []
    for x in inputs:
        z = w_ih @ x + w_hh @ h + bias
        i, f, g, o = (z[k * size : (k + 1) * size] for k in range(4))
        c = 1 / (1 + np.exp(-f)) * c + 1 / (1 + np.exp(-i)) * np.tanh(g)
        h = 1 / (1 + np.exp(-o)) * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_the_fused_loop_computes_the_textbook_lstm() -> None:
    """Probabilities equal those of the plain equations, run direction by direction."""
    network = _network()
    weights = network._w
    sentence = _sentences("news-01.ar.txt")[3]
    inputs = network.word_vectors(sentence).astype(np.float64)
    ahead = _textbook_lstm(inputs, weights["w_ih_f"], weights["w_hh_f"], weights["b_f"])
    behind = _textbook_lstm(inputs[::-1], weights["w_ih_b"], weights["w_hh_b"], weights["b_b"])
    logits = np.concatenate([ahead, behind[::-1]], axis=1) @ weights["out_w"].T
    logits += weights["out_b"]
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    (fused,) = network.probabilities([sentence])
    assert np.allclose(fused, expected, atol=1e-4)


def test_the_batched_letter_convolution_computes_the_textbook_one() -> None:
    """Each word's letters, zero-padded by one on each side, convolved (width 3), ReLU, max."""
    network = _network()
    weights = network._w
    words = [*_sentences("news-06.ar.txt")[0][:12], "قالت", "و", "2025", "Python"]
    batched = network._letters([network.encode(w)[3] for w in words])
    for word, row in zip(words, batched, strict=True):
        ids = network.encode(word)[3]
        emb = np.vstack([np.zeros((1, 24)), weights["char_emb"][ids], np.zeros((1, 24))])
        conv = weights["conv_w"]  # (filters, letters' dimensions, width)
        out = [
            np.einsum("fcw,wc->f", conv, emb[j : j + 3]) + weights["conv_b"]
            for j in range(len(ids))
        ]
        expected = np.maximum(np.array(out), 0.0).max(axis=0)
        assert np.allclose(row, expected, atol=1e-5), word


def test_the_network_runs_blas_on_one_thread() -> None:
    """In a fresh interpreter, loading the tagger leaves NumPy's BLAS to one thread: its
    spinning threads slowed the app's entity worker ninefold beside the screen's thread."""
    import subprocess
    import sys

    probe = (
        "import os; os.environ.pop('OPENBLAS_NUM_THREADS', None);"
        "from reader.nlp.entities.tagger import load_tagger; load_tagger();"
        "import numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "1"


def test_inputs_past_the_cache_are_the_cached_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The input-vector cache keeps the first words met in one array of at most its cap;
    words past it are computed per call: the same bytes as a fresh network's, and the
    probabilities of real sentences are unchanged."""
    from reader.nlp.entities import neural as neural_module

    shipped = _network()
    sentences = _sentences("news-07.ar.txt")
    calls = [sentences[k : k + 4] for k in range(0, len(sentences), 4)]
    assert len(calls) > 3
    network = open_shipped_tagger().neural
    assert network is not None
    wanted = [network.probabilities(c) for c in calls]
    alone = [[network.word_vectors([w]) for w in s] for s in sentences]
    monkeypatch.setattr(neural_module, "_CACHE_WORDS", 300)
    network = open_shipped_tagger().neural
    assert network is not None
    for call, expected in zip(calls, wanted, strict=True):
        found = network.probabilities(call)
        assert all(a.tobytes() == b.tobytes() for a, b in zip(found, expected, strict=True))
    assert len(network._cache) == 300 and len(network._cached) <= 300
    again = [[network.word_vectors([w]) for w in s] for s in sentences]
    assert all(
        a.tobytes() == b.tobytes()
        for s, t in zip(alone, again, strict=True)
        for a, b in zip(s, t, strict=True)
    )
    assert shipped is load_tagger().neural  # the shared tagger was not touched


def test_threads_sharing_the_network_get_each_word_its_own_inputs() -> None:
    """The app's entity and topic jobs tag at the same time with one shared tagger: words met
    by several threads at once are cached under a lock, so each word's inputs are the ones
    one thread alone computes (without it, two threads claimed the same cache rows and later
    documents were tagged from another word's inputs)."""
    import threading

    texts = [f"news-0{k}.ar.txt" for k in range(1, 9)]
    words_of = [sorted({w for s in _sentences(name) for w in s}) for name in texts]
    alone = open_shipped_tagger().neural
    assert alone is not None
    expected = [alone.word_vectors(words) for words in words_of]

    for _ in range(3):  # a fresh, empty cache each round, filled by eight threads at once
        shared = open_shipped_tagger().neural
        assert shared is not None
        start = threading.Barrier(len(texts))

        def fill(
            words: list[str], shared: NeuralTagger = shared, start: threading.Barrier = start
        ) -> None:
            start.wait()
            for k in range(0, len(words), 40):  # many small batches: many claims of rows
                shared.word_vectors(words[k : k + 40])

        threads = [threading.Thread(target=fill, args=(words,)) for words in words_of]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for words, vectors in zip(words_of, expected, strict=True):
            assert np.array_equal(shared.word_vectors(words), vectors)


def test_each_words_flag_inputs_are_its_encoded_flags() -> None:
    """The flag columns of the network's inputs (set for all new words at once) are, word by
    word, exactly the flags `encode` gives it: digits, Latin, punctuation, unknown words and
    gazetteer classes in a real mixed text."""
    network = open_shipped_tagger().neural
    assert network is not None
    words = list(dict.fromkeys(w for sentence in _sentences("mixed-01.ar.txt") for w in sentence))
    inputs = network.word_vectors(words)
    flags = inputs[:, inputs.shape[1] - len(network.flag_names) :]
    wanted = np.zeros_like(flags)
    for row, word in enumerate(words):
        wanted[row, network.encode(word)[2]] = 1.0
    assert flags.tobytes() == wanted.tobytes()
    assert len({tuple(np.flatnonzero(row)) for row in wanted}) > 5  # many kinds of words
