"""A small neural word tagger whose guesses become features of the CRF (stacking).

The network reads a sentence as a whole: each word is a frozen word2vec vector of its folded
form and of its stem without proclitics, a character convolution over its letters, and flags
from the gazetteer and the word's script; a bidirectional LSTM runs over the sentence and gives
every word a probability for each BIO label. Those probabilities, cut into bins
(``hints``), are extra features of the CRF in ``reader.nlp.entities.tagger``, which learnt how
far to trust them from out-of-fold guesses on its own training data (``training/train_neural.py``).

Training uses PyTorch; here the trained weights (``neural.npz``) run in plain NumPy, so the
runtime needs no deep-learning library. Sentences of a paragraph go through as one batch, each
at its own length (no padding reaches a real word), and each word's input vector is cached.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

# isort: off
import reader.nlp.entities.blas  # noqa: F401  (one BLAS thread: before NumPy)
import numpy as np

# isort: on
from reader.nlp.entities.features import folded, strip_clitics

__all__ = ["NeuralTagger", "hints"]

if TYPE_CHECKING:  # numpy.typing alone costs 25 ms at start-up
    import numpy.typing as npt

    Array = npt.NDArray[np.float32]

MAX_LETTERS = 20
"""Letters of a word the character convolution reads (the first twenty)."""

BATCH = 256
"""Most sentences run through the network together."""

BATCH_WORDS = 16_384
"""Most words run through the network together (its working arrays take 1 to 5 KB a word)."""

LETTER_WORDS = 512
"""Most words whose letters are convolved together: the convolution's working arrays take
~10 KB a word (more for long words), so a whole batch's new words at once were most of the
tagger's peak memory."""

_CACHE_WORDS = 20_000
"""How many distinct words keep their input vector cached (1,188 bytes each, in one array of
at most 23 MB, resident as its rows are filled)."""


_BIN_EDGES = np.array([0.1, 0.3, 0.6], dtype=np.float32)
"""Probability bins of a label: absent below 0.1, then 1 (< 0.3), 2 (< 0.6), 3."""

_PATTERNS: dict[tuple[tuple[str, ...], int], tuple[str, ...]] = {}
"""Feature strings of each pattern of bins met so far (there are few), shared by all words."""


def hints(probabilities: Array, labels: Sequence[str]) -> list[tuple[str, ...]]:
    """CRF feature strings from one sentence's label probabilities (one row per word).

    Every label with probability at least 0.1 becomes ``nn=<label><bin>`` and the most likely
    label ``nnm=<label>``; training and tagging build them here, so they always agree. Words
    with the same pattern of bins share one tuple of strings.
    """
    names = tuple(labels)
    bins = np.searchsorted(_BIN_EDGES, probabilities, side="right")  # 0 = absent
    codes = bins @ (4 ** np.arange(len(names))) + probabilities.argmax(axis=1) * 4 ** len(names)
    out: list[tuple[str, ...]] = []
    for code in codes.tolist():
        found = _PATTERNS.get((names, code))
        if found is None:
            found = _pattern(names, code)
            _PATTERNS[(names, code)] = found
        out.append(found)
    return out


def _pattern(labels: tuple[str, ...], code: int) -> tuple[str, ...]:
    """The feature strings a pattern code of ``hints`` stands for."""
    strings = []
    for label in labels:
        code, binned = divmod(code, 4)
        if binned:
            strings.append(f"nn={label}{binned}")
    strings.append(f"nnm={labels[code]}")
    return tuple(strings)


def _split(blob: npt.NDArray[np.uint8]) -> list[str]:
    """A list of strings stored as newline-joined UTF-8 bytes in the weights file."""
    return bytes(blob).decode("utf-8").split("\n")


def _batches(order: Sequence[int], sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """Runs of ``order`` of at most `BATCH` sentences and `BATCH_WORDS` words (a longer sentence
    alone), so the network's memory is bounded whatever the sentences' lengths."""
    batches: list[list[int]] = []
    current: list[int] = []
    words = 0
    for k in order:
        length = len(sentences[k])
        if current and (len(current) == BATCH or words + length > BATCH_WORDS):
            batches.append(current)
            current, words = [], 0
        current.append(k)
        words += length
    if current:
        batches.append(current)
    return batches


class NeuralTagger:
    """The BiLSTM word tagger, run with NumPy.

    ``arrays`` are the weights (``neural.npz`` as training writes it, or the shipped runtime
    files: see `open_network`); ``vectors`` may be a read-only memory map, since a word's row is
    scaled only when the word is met. ``vocabulary`` maps a word to its vector row (one field, a
    decimal number; absent: the unknown-word row 0). ``gazetteer`` is the shipped gazetteer
    table (the same one the CRF features read): the network's flags name its classes.
    """

    def __init__(
        self,
        arrays: Mapping[str, npt.NDArray[Any]],
        vocabulary: Mapping[str, Sequence[str]],
        gazetteer: Mapping[str, Sequence[str]],
    ) -> None:
        """Take the weights; the LSTM's are laid out for speed (`_fuse`)."""
        arrays = dict(arrays)
        self.labels = _split(arrays.pop("labels"))
        self._vocabulary = vocabulary
        self._raw_vectors = arrays.pop("vectors")
        self._scale = arrays.pop("vector_scale").astype(np.float32)
        # Letter ids: 0 pads, 1 is any letter too rare to have its own.
        self.letter_index = {ch: i + 2 for i, ch in enumerate(_split(arrays.pop("chars")))}
        self.flag_names = _split(arrays.pop("flags"))
        self._flag_index = {name: i for i, name in enumerate(self.flag_names)}
        self._w: dict[str, Array] = {k: v.astype(np.float32) for k, v in arrays.items()}
        self._gazetteer = gazetteer
        self._cache: dict[str, int] = {}  # word -> its row in _cached
        self._cached: Array = np.zeros((0, 0), dtype=np.float32)
        # The tagger is shared by the app's threads (entities and topics jobs at once): the
        # cache's rows are claimed and filled under this lock, or two threads write one row.
        self._cache_lock = threading.Lock()
        width = self._w["conv_w"].shape[2]
        self._conv = self._w["conv_w"].reshape(self._w["conv_w"].shape[0], -1)  # (F, C*W)
        self._width = width
        self._fuse()

    @classmethod
    def from_npz(cls, weights: bytes, gazetteer: Mapping[str, Sequence[str]]) -> NeuralTagger:
        """The network from one ``.npz`` file's bytes, its word list inside (as training
        writes ``neural.npz``)."""
        with np.load(io.BytesIO(weights), allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        words = _split(arrays.pop("words"))
        return cls(arrays, {word: (str(i + 1),) for i, word in enumerate(words)}, gazetteer)

    def _row(self, word: str) -> int:
        """The vector row of a normalised word, 0 if the network does not know it."""
        found = self._vocabulary.get(word)
        return int(found[0]) if found else 0

    def _vector_rows(self, rows: Sequence[int]) -> Array:
        """Word vectors of some rows, scaled to float32 (``(len(rows), D)``)."""
        index = np.asarray(rows, dtype=np.int64)
        scaled: Array = self._raw_vectors[index].astype(np.float32) * self._scale[index, None]
        return scaled

    def scaled_vectors(self) -> Array:
        """Every word vector, scaled to float32 (training feeds them to PyTorch)."""
        return self._vector_rows(range(len(self._raw_vectors)))

    def encode(self, word: str) -> tuple[int, int, list[int], list[int]]:
        """A word as the network's ids: vector rows of word and stem, flags, letters.

        Training (``training/train_neural.py``) encodes words with this same method.
        """
        norm = folded(word)
        procl, stem = strip_clitics(norm)
        wid = self._row(norm)
        sid = self._row(stem) if procl else wid
        names = [f"g:{kind}" for kind in self._gazetteer.get(norm, ())]
        if procl:
            names += [f"sg:{kind}" for kind in self._gazetteer.get(stem, ())]
            names.append("procl")
        if not wid:
            names.append("oov")
        if not sid:
            names.append("soov")
        if word.isalpha():  # most words: letters only, so no digit and not punctuation
            if word.isascii():
                names.append("latin")
                if word[0].isupper():
                    names.append("upper")
        else:
            if any(ch.isdigit() for ch in word):
                names.append("digit")
            if word.isascii() and any(ch.isalpha() for ch in word):
                names.append("latin")
                if word[0].isupper():
                    names.append("upper")
            if not any(ch.isalnum() for ch in word):
                names.append("punct")
        flags = sorted({self._flag_index[n] for n in names if n in self._flag_index})
        letters = [self.letter_index.get(ch, 1) for ch in norm[:MAX_LETTERS]] or [1]
        return wid, sid, flags, letters

    def _letters(self, words: Sequence[Sequence[int]]) -> Array:
        """The character convolution of several words' letters, ``(M, F)``: for each word the
        max over its own positions of ReLU(conv), the word padded with zeros as in training."""
        longest = max(len(ids) for ids in words)
        pad = self._width // 2
        ids = np.zeros((len(words), longest + 2 * pad), dtype=np.int64)  # 0: a zero letter
        for row, word in enumerate(words):
            ids[row, pad : pad + len(word)] = word
        emb = self._w["char_emb"][ids]  # (M, L + 2, C)
        windows = np.lib.stride_tricks.sliding_window_view(emb, self._width, axis=1)
        flat = windows.reshape(len(words), longest, -1)  # (M, L, C*W), like Conv1d's weight
        out = np.maximum(flat @ self._conv.T + self._w["conv_b"], 0.0)
        counts = np.array([len(word) for word in words])
        out[np.arange(longest)[None, :] >= counts[:, None]] = 0.0  # not a letter of the word
        result: Array = out.max(axis=1)
        return result

    def word_vectors(self, words: Sequence[str]) -> Array:
        """The network's inputs for a run of words, ``(N, D)``; new words are computed
        together (their letters in one convolution) and the first `_CACHE_WORDS` met are kept
        in one array (per-word arrays were views that each kept their whole batch alive)."""
        with self._cache_lock:
            return self._word_vectors(words)

    def _word_vectors(self, words: Sequence[str]) -> Array:
        """`word_vectors`, its caller holding the cache's lock."""
        cache = self._cache
        missing = list(dict.fromkeys(w for w in words if w not in cache))
        if not missing:
            out: Array = self._cached[[cache[w] for w in words]]
            return out
        encoded = [self.encode(word) for word in missing]
        spelled = [e[3] for e in encoded]
        letters = np.concatenate(
            [
                self._letters(spelled[k : k + LETTER_WORDS])
                for k in range(0, len(spelled), LETTER_WORDS)
            ]
        )
        flags = np.zeros((len(missing), len(self.flag_names)), dtype=np.float32)
        # One assignment for all words' flags (one per word was a tenth of this function).
        flag_rows = [row for row, e in enumerate(encoded) for _ in e[2]]
        flags[flag_rows, [flag for e in encoded for flag in e[2]]] = 1.0
        rows = np.concatenate(
            [
                self._vector_rows([e[0] for e in encoded]),
                self._vector_rows([e[1] for e in encoded]),
                letters,
                flags,
            ],
            axis=1,
        ).astype(np.float32)
        del letters, flags
        start = len(cache)
        kept = max(0, min(len(missing), _CACHE_WORDS - start))
        if kept:
            if not len(self._cached):
                # Whole at once, never grown by copies: the pages of rows not yet written are
                # not touched, so resident memory grows with the rows used, and no old and new
                # array (19 and 23 MB at the last doubling) are ever alive together.
                self._cached = np.empty((_CACHE_WORDS, rows.shape[1]), dtype=np.float32)
            self._cached[start : start + kept] = rows[:kept]
            cache.update((w, start + i) for i, w in enumerate(missing[:kept]))
        fresh = {w: i for i, w in enumerate(missing)}
        out = np.empty((len(words), rows.shape[1]), dtype=np.float32)
        places = [cache.get(w, -1) for w in words]
        hit = np.array(places, dtype=np.intp) >= 0
        if hit.any():
            out[hit] = self._cached[[p for p in places if p >= 0]]
        if not hit.all():
            out[~hit] = rows[[fresh[w] for w, p in zip(words, places, strict=True) if p < 0]]
        return out

    def _fuse(self) -> None:
        """Lay the LSTM weights out so each time step is a handful of NumPy calls.

        Per direction, gate columns are reordered ``[i, f, o, g]`` and the i, f and o columns
        halved, so a single ``tanh`` gives the sigmoids too (σ(x) = (tanh(x/2) + 1) / 2) and
        ``tanh`` of the g gate.
        """
        w = self._w
        size = w["w_hh_f"].shape[1]
        torch_rows = {"i": 0, "f": 1, "g": 2, "o": 3}  # PyTorch's row blocks
        rows = np.concatenate(
            [np.arange(torch_rows[g] * size, (torch_rows[g] + 1) * size) for g in "ifog"]
        )
        scale = np.concatenate([np.full(3 * size, 0.5), np.ones(size)]).astype(np.float32)
        self._size = size
        self._in = {d: (w[f"w_ih_{d}"][rows] * scale[:, None]).T.copy() for d in "fb"}
        self._hh = {d: (w[f"w_hh_{d}"][rows] * scale[:, None]).T.copy() for d in "fb"}
        self._bias = {d: w[f"b_{d}"][rows] * scale for d in "fb"}

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[Array]:
        """Label probabilities for each sentence, one ``(words, labels)`` array each.

        Sentences go through in batches of at most ``BATCH``, packed (no padding), longest
        first, each LSTM step serving every sentence still running; give as many sentences as
        are at hand, which is much faster than one by one.
        """
        order = sorted(range(len(sentences)), key=lambda k: -len(sentences[k]))
        empty = np.zeros((0, len(self.labels)), dtype=np.float32)
        result: list[Array] = [empty] * len(sentences)
        for chosen in _batches([k for k in order if sentences[k]], sentences):
            found = self._batch([sentences[k] for k in chosen])
            for k, probabilities in zip(chosen, found, strict=True):
                result[k] = probabilities
        return result

    def _batch(self, sentences: Sequence[Sequence[str]]) -> list[Array]:
        """Label probabilities for one batch of non-empty sentences, longest first.

        The words of all sentences are one packed ``(N, D)`` array; step ``t`` of the forward
        LSTM reads word ``t`` of every sentence longer than ``t`` (a prefix of the batch), the
        backward one word ``length - 1 - t``. Each step gathers its words' projected inputs
        (kept once per distinct word) and writes its states straight to their words' rows, so
        the working arrays are about 1 KB a word plus 4 KB a distinct word (projecting every
        word in step order first took 5 KB a word more, most of the tagger's peak memory).
        """
        lengths = np.array([len(s) for s in sentences])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # Each distinct word's input is projected once (running text repeats its words), one
        # product per direction: (U, 4H), read at its places step by step.
        places: dict[str, int] = {}
        where = [places.setdefault(w, len(places)) for sentence in sentences for w in sentence]
        inputs = self.word_vectors(list(places))
        spread = np.array(where)
        size = self._size
        total = len(where)
        # Time-major order: step t's words are forward[offsets[t]:offsets[t + 1]] (and
        # backward[...] for the other direction), their distinct-word rows rows_f / rows_b.
        active = [
            int(np.searchsorted(-lengths, -t, side="left")) for t in range(int(lengths[0]))
        ]  # sentences longer than t
        offsets = np.concatenate([[0], np.cumsum(active)]).tolist()
        forward = np.concatenate([starts[:k] + t for t, k in enumerate(active)])
        backward = np.concatenate([starts[:k] + lengths[:k] - 1 - t for t, k in enumerate(active)])
        ahead = inputs @ self._in["f"]
        ahead += self._bias["f"]
        behind = inputs @ self._in["b"]
        behind += self._bias["b"]
        del inputs
        rows_f = spread[forward]
        rows_b = spread[backward]
        states = np.empty((total, 2 * size), dtype=np.float32)  # [forward, backward] per word
        h = np.zeros((2, len(sentences), size), dtype=np.float32)
        c = np.zeros_like(h)
        squashed_c = np.empty_like(h)
        gates = np.empty((2, len(sentences), 4 * size), dtype=np.float32)
        hh_f, hh_b = self._hh["f"], self._hh["b"]
        for t, k in enumerate(active):
            a, b = offsets[t], offsets[t + 1]
            g = gates[:, :k]
            np.dot(h[0, :k], hh_f, out=g[0])
            np.dot(h[1, :k], hh_b, out=g[1])
            g[0] += ahead[rows_f[a:b]]
            g[1] += behind[rows_b[a:b]]
            np.tanh(g, out=g)
            g[:, :, : 3 * size] *= 0.5  # i, f, o: sigmoids from tanh of their halved inputs
            g[:, :, : 3 * size] += 0.5
            cell, squashed, out = c[:, :k], squashed_c[:, :k], h[:, :k]
            cell *= g[:, :, size : 2 * size]
            cell += g[:, :, :size] * g[:, :, 3 * size :]
            np.tanh(cell, out=squashed)
            np.multiply(g[:, :, 2 * size : 3 * size], squashed, out=out)
            states[forward[a:b], :size] = out[0]
            states[backward[a:b], size:] = out[1]
        logits = states @ self._w["out_w"].T + self._w["out_b"]
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return [probabilities[a : a + n] for a, n in zip(starts, lengths, strict=True)]
