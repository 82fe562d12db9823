"""The trained CRF run in NumPy: label scores per word type, Viterbi and marginals over a batch.

python-crfsuite tags one sentence per call and wants every token's feature strings: on 1 MB of
text building those strings (about 150 per token) and handing them to crfsuite took half of
`reader entities`. A linear-chain CRF's score of a label at a token is a sum of weights, one per
feature string, and almost all of a token's strings are its window's words' own features with
an offset prefix. So here each distinct word is scored once per window offset (a vector of
label scores), and a token's scores are five such vectors, the two word pairs' and the network
hints' weights added up; Viterbi and forward-backward then run over a whole batch of sentences
at once, one NumPy step per position. The weights are read straight from the ``.crfsuite``
file crfsuite itself wrote (`read_model`), so there is one model and no conversion step; the
results are crfsuite's (``tests/unit/nlp/test_entities_crf.py`` holds them to it).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# isort: off
import reader.nlp.entities.blas  # noqa: F401  (one BLAS thread: before NumPy)
import numpy as np

# isort: on
from reader.nlp.entities.features import WINDOW, FeatureExtractor, folded

if TYPE_CHECKING:
    import numpy.typing as npt

    Scores = npt.NDArray[np.float64]

__all__ = ["LinearCRF", "ModelError", "WindowScorer", "read_model"]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1

_DECODE_CELLS = 16_384
"""Most (position, sentence) cells decoded together (each holds a few rows of label scores)."""


class ModelError(ValueError):
    """The bytes are not a crfsuite 1d model this reader understands."""


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite string database (CQDB chunk at ``offset``), by id."""
    if offset + _CQDB.size > len(data):
        raise ModelError("a string table lies outside the model")
    magic, size, _flag, _order, count, backward = _CQDB.unpack_from(data, offset)
    if magic != b"CQDB" or offset + backward + 4 * count > len(data):
        raise ModelError("a string table is damaged")
    places = np.frombuffer(data, dtype="<u4", count=count, offset=offset + backward)
    starts = places.astype(np.int64) + offset  # each record: id, key size (uint32), key + NUL
    if count and (starts.min() < offset or starts.max() + 8 > offset + size):
        raise ModelError("a string lies outside its table")
    raw = np.frombuffer(data, dtype=np.uint8)
    sizes = sum(raw[starts + 4 + i].astype(np.int64) << (8 * i) for i in range(4))
    ends = starts + 8 + np.maximum(sizes - 1, 0)  # without the NUL
    if count and (ends.max() > offset + size):
        raise ModelError("a string lies outside its table")
    joined = _keys_in_order(raw, starts, ends)
    if joined is not None:
        out = joined.split("\0")  # each key's own NUL ends it: one more piece, empty, at the end
        if len(out) == count + 1:
            return out[:-1]
    pieces = [data[a:b] for a, b in zip((starts + 8).tolist(), ends.tolist(), strict=True)]
    # Feature strings are words and tags, never a newline: decode them all at once.
    joined = b"\n".join(pieces).decode("utf-8")
    out = joined.split("\n") if count else []
    if len(out) != count:
        out = [piece.decode("utf-8") for piece in pieces]
    return out


def _keys_in_order(
    raw: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> str | None:
    """The keys of records at ``starts`` (each ``raw[start + 8:end]`` and its NUL at ``end``),
    taken from the bytes in one pass and decoded at once, when the records follow one another
    in id order and each key ends with its NUL (crfsuite writes them so); None otherwise.
    Slicing 27,000 keys one by one was a tenth of `reader entities`' start-up."""
    if not len(starts) or int(ends[-1]) >= len(raw):
        return None
    if (starts[1:] <= ends[:-1]).any() or raw[ends].any():
        return None
    low, high = int(starts[0]) + 8, int(ends[-1]) + 1
    marks = np.zeros(high - low + 1, dtype=np.int8)
    marks[starts + 8 - low] = 1  # a key starts: keep from here ...
    marks[ends + 1 - low] = -1  # ... to its NUL, inclusive
    keep = np.cumsum(marks[:-1], dtype=np.int8).astype(bool)
    kept: bytes = raw[low:high][keep].tobytes()
    return kept.decode("utf-8")


def read_model(data: bytes) -> tuple[list[str], dict[str, int], Scores, Scores]:
    """``(labels, attribute -> row, state weights (attributes, labels), transitions (from,
    to))`` of a crfsuite 1d model file's bytes; ModelError if it is not one."""
    if len(data) < _HEADER.size:
        raise ModelError("too short for a crfsuite model")
    magic, _size, kind, _version, _features, n_labels, n_attrs, *offsets = _HEADER.unpack_from(
        data, 0
    )
    off_features, off_labels, off_attrs = offsets[:3]
    if magic != b"lCRF" or kind != b"FOMC" or off_features + _CHUNK.size > len(data):
        raise ModelError("not a crfsuite 1d model")
    chunk, _chunk_size, count = _CHUNK.unpack_from(data, off_features)
    start = off_features + _CHUNK.size
    if chunk != b"FEAT" or start + count * _FEATURE.itemsize > len(data):
        raise ModelError("the model's features are damaged")
    features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=start)
    labels = _strings(data, off_labels)
    attributes = _strings(data, off_attrs)
    if len(labels) != n_labels or len(attributes) != n_attrs:
        raise ModelError("the model's string tables do not match its header")
    kinds, sources, targets = features["type"], features["src"], features["dst"]
    state = kinds == _STATE
    transition = kinds == _TRANSITION
    if (
        (sources[state] >= n_attrs).any()
        or (targets >= n_labels).any()
        or (sources[transition] >= n_labels).any()
    ):
        raise ModelError("a feature refers outside the model")
    weights = np.zeros((n_attrs, n_labels), dtype=np.float64)
    weights[sources[state], targets[state]] = features["weight"][state]
    transitions = np.zeros((n_labels, n_labels), dtype=np.float64)
    transitions[sources[transition], targets[transition]] = features["weight"][transition]
    index = {name: row for row, name in enumerate(attributes)}
    return labels, index, weights, transitions


class LinearCRF:
    """A crfsuite linear-chain CRF: scores of feature strings, best paths and marginals."""

    def __init__(self, model: bytes) -> None:
        """Read the model's labels and weights (see `read_model`)."""
        self.labels, self.attribute_index, self.weights, self._transitions = read_model(model)
        self._zero = np.zeros(len(self.labels), dtype=np.float64)
        self._exp_transitions = np.exp(self._transitions)

    def score(self, features: Sequence[str]) -> Scores:
        """The label scores of one token's feature strings (strings the model lacks add 0)."""
        rows = self.attribute_rows(features)
        if not rows:
            zero: Scores = self._zero.copy()
            return zero
        total: Scores = self.weights[rows].sum(axis=0)
        return total

    def attribute_rows(self, features: Sequence[str]) -> list[int]:
        """The weight rows of those of ``features`` the model has (a string met twice counts
        twice, as in crfsuite)."""
        index = self.attribute_index
        return [row for row in (index.get(f) for f in features) if row is not None]

    def score_rows(self, features: Sequence[Sequence[str]]) -> Scores:
        """`score` of several tokens' feature strings, ``(tokens, labels)``."""
        out = np.zeros((len(features), len(self.labels)), dtype=np.float64)
        for k, strings in enumerate(features):
            out[k] = self.score(strings)
        return out

    def decode(self, scores: Sequence[Scores]) -> tuple[list[list[int]], list[Scores]]:
        """Best label ids and marginals (``(words, labels)``) of each sentence's state scores.

        All sentences run together, longest first: step ``t`` serves every sentence longer than
        ``t``. Ties go to the lower label id, as in crfsuite.
        """
        n = len(self.labels)
        paths: list[list[int]] = [[] for _ in scores]
        marginals: list[Scores] = [np.zeros((0, n)) for _ in scores]
        order = sorted(
            (k for k in range(len(scores)) if len(scores[k])), key=lambda k: -len(scores[k])
        )
        while order:
            # The batch is padded to its longest sentence: bound its cells, so memory is too.
            take = max(1, min(len(order), _DECODE_CELLS // len(scores[order[0]])))
            group, order = order[:take], order[take:]
            self._decode_group([scores[k] for k in group], group, paths, marginals)
        return paths, marginals

    def _decode_group(
        self,
        scores: Sequence[Scores],
        group: Sequence[int],
        paths: list[list[int]],
        marginals: list[Scores],
    ) -> None:
        """`decode` one group of non-empty sentences, longest first, into ``paths`` and
        ``marginals`` at the places ``group`` gives."""
        n = len(self.labels)
        lengths = np.array([len(found) for found in scores])
        longest = int(lengths[0])
        state = np.zeros((longest, len(scores), n), dtype=np.float64)
        for column, found in enumerate(scores):
            state[: lengths[column], column] = found
        active = [int(np.searchsorted(-lengths, -t, side="left")) for t in range(longest)]
        best = self._viterbi(state, lengths, active)
        probabilities = self._marginals(state, lengths, active)
        for column, k in enumerate(group):
            length = int(lengths[column])
            paths[k] = best[:length, column].tolist()
            marginals[k] = probabilities[:length, column]

    def _viterbi(self, state: Scores, lengths: npt.NDArray[Any], active: list[int]) -> Any:
        """Best label ids ``(T, B)`` of the batch (past a sentence's end: meaningless)."""
        longest, batch, _ = state.shape
        trans = self._transitions
        back = np.zeros(state.shape, dtype=np.intp)
        score = state[0].copy()
        ends = np.zeros((batch, state.shape[2]), dtype=np.float64)
        finished = lengths == 1
        ends[finished] = score[finished]
        for t in range(1, longest):
            k = active[t]
            candidates = score[:k, :, None] + trans[None, :, :]  # (k, from, to)
            back[t, :k] = candidates.argmax(axis=1)
            score = candidates.max(axis=1) + state[t, :k]  # the value at the argmax
            done = lengths[:k] == t + 1
            ends[:k][done] = score[done]
        path = np.zeros((longest, batch), dtype=np.intp)
        last = ends.argmax(axis=1)
        columns = np.arange(batch)
        for column in range(batch):
            path[lengths[column] - 1, column] = last[column]
        for t in range(longest - 1, 0, -1):
            k = active[t]
            path[t - 1, :k] = back[t, columns[:k], path[t, :k]]
        return path

    def _marginals(self, state: Scores, lengths: npt.NDArray[Any], active: list[int]) -> Scores:
        """Each word's label probabilities ``(T, B, labels)`` by scaled forward-backward."""
        longest, batch, _ = state.shape
        exp_state = np.exp(state)
        trans = self._exp_transitions
        alpha = np.zeros_like(exp_state)
        alpha[0] = exp_state[0]
        alpha[0] /= alpha[0].sum(axis=1, keepdims=True)
        for t in range(1, longest):
            k = active[t]
            row = (alpha[t - 1, :k] @ trans) * exp_state[t, :k]
            alpha[t, :k] = row / row.sum(axis=1, keepdims=True)
        beta = np.zeros_like(exp_state)
        columns = np.arange(batch)
        beta[lengths - 1, columns] = 1.0
        for t in range(longest - 2, -1, -1):
            k = active[t + 1]  # sentences that go on past t
            row = (beta[t + 1, :k] * exp_state[t + 1, :k]) @ trans.T
            beta[t, :k] = row / row.sum(axis=1, keepdims=True)
        product = alpha * beta
        total = product.sum(axis=2, keepdims=True)
        total[total == 0] = 1.0
        out: Scores = product / total
        return out


_CACHE_WORDS = 16_384
"""How many distinct words keep their label scores cached (360 bytes each: at most 6 MB). The
first words met are the text's common ones; a rarer word past the cap is scored again in each
call that meets it, which gave the same output at a third of 100,000's memory. At 32,768 the
table and its keys still filled between 1 and 3 MB of prose (`reader entities` 4 MB of prose:
205 -> 186 MB with the cap below, the same CPU time within noise)."""
_CACHE_FEATURES = 16_384
"""How many distinct own features (``n=``, ``st=``, ... of the words met) keep their weight
rows cached (about 200 bytes each with their strings and keys: at most ~3 MB). They grow with
the text's vocabulary, so without a cap they grew with the document; at 65,536 they filled
over the first few MB of text."""
_SCREEN_AFTER = 2_048
"""After this many distinct words, the scorer screens own features against the model's (see
`WindowScorer._screen`): on 1 MB of Wikipedia only one in seven of the ~45,000 distinct own
features has a weight, and each of the others cost five strings and look-ups. Learning the
model's features costs a few milliseconds, which a one-line document does not pay."""


class WindowScorer:
    """State scores of sentences from per-word-type scores (see the module's docstring).

    ``features`` is the tagger's `FeatureExtractor`: the scores are exactly those of the strings
    its ``sentence_features`` would build, summed, without building them per token.
    """

    def __init__(self, crf: LinearCRF, features: FeatureExtractor) -> None:
        """Score nothing yet: words are scored as they are met, hint patterns likewise."""
        self._crf = crf
        self._features = features
        labels = len(crf.labels)
        self._words: dict[str, int] = {}
        # Whole at once (zeroed pages are only made resident as rows are written): grown by
        # doubling, the old and new tables were alive together at each step.
        self._table = np.zeros((_CACHE_WORDS, 2 * WINDOW + 1, labels), dtype=np.float64)
        self._hints: dict[tuple[str, ...], int] = {}
        self._hint_table = np.zeros((64, 3, labels), dtype=np.float64)
        # The model's weights and a zero row after them, for a feature the model lacks.
        self._none = len(crf.weights)
        self._weights = np.concatenate([crf.weights, np.zeros((1, labels))])
        self._own: dict[str, int] = {}
        self._model_features: frozenset[str] | None = None
        self._openers: frozenset[str] | None = None
        self._own_rows = np.full(
            (min(4096, _CACHE_FEATURES), 2 * WINDOW + 1), self._none, dtype=np.intp
        )
        self._bias = crf.score(["bias"])
        self._bos = crf.score(["BOS"])
        self._eos = crf.score(["EOS"])

    def _screen(self, fresh: int) -> frozenset[str] | None:
        """Once the scorer has met `_SCREEN_AFTER` distinct words (counting the ``fresh`` ones
        about to be scored): every own feature the model has a weight for at some window offset
        (a superset: each attribute with and without its offset prefix), else None. A feature
        outside it adds nothing to any score."""
        if self._model_features is None and len(self._words) + fresh >= _SCREEN_AFTER:
            names = self._crf.attribute_index
            offset_free = [name.split(":", 1)[1] for name in names if ":" in name]
            self._model_features = frozenset(names).union(offset_free)
        return self._model_features

    def _own_ids(
        self,
        own: Sequence[str],
        extra: list[list[int]],
        screen: frozenset[str] | None = None,
    ) -> list[int]:
        """Each own feature's row in `_own_rows` (new ones added up to `_CACHE_FEATURES`): the
        weight rows of the feature with each offset's prefix, shared by every word that has it.
        A new feature past the cap gets its rows appended to ``extra`` (for this call only) and
        the id ``len(_own_rows) + its place there``. A feature not in ``screen`` (when given)
        has no weight at any offset: it gets no id (its rows would add zeros)."""
        known = self._own
        ids = []
        for feature in own:
            found = known.get(feature)
            if found is None:
                if screen is not None and feature not in screen:
                    continue
                index = self._crf.attribute_index
                rows = [
                    index.get(f"{offset}:{feature}" if offset else feature, self._none)
                    for offset in range(-WINDOW, WINDOW + 1)
                ]
                found = len(known)
                if found < _CACHE_FEATURES:
                    if found == len(self._own_rows):
                        grown = min(2 * found, _CACHE_FEATURES)
                        self._own_rows = np.concatenate(
                            [self._own_rows, np.full((grown - found, 2 * WINDOW + 1), self._none)]
                        )
                    self._own_rows[found] = rows
                    known[feature] = found
                else:
                    found = len(self._own_rows) + len(extra)
                    extra.append(rows)
            ids.append(found)
        return ids

    def _word_scores(self, words: Sequence[str]) -> Scores:
        """``(len(words), 2 * WINDOW + 1, labels)``: each word's features' scores at each
        window offset (the sums of the weights of the strings `FeatureExtractor` gives it)."""
        owners: list[int] = []
        own_ids: list[int] = []
        affix_owners: list[int] = []
        affix_rows: list[int] = []
        extra: list[list[int]] = []
        parts = self._features.word_parts
        attribute_rows = self._crf.attribute_rows
        screen = self._screen(len(words))
        for k, word in enumerate(words):
            own, affixes = parts(word)
            ids = self._own_ids(own, extra, screen)
            owners.extend([k] * len(ids))
            own_ids.extend(ids)
            rows = attribute_rows(affixes)
            affix_owners.extend([k] * len(rows))
            affix_rows.extend(rows)
        weights = self._weights
        feature_rows = self._own_rows
        if extra:  # features past the cap: their rows for this call, after the cached ones
            feature_rows = np.concatenate([feature_rows, np.array(extra, dtype=np.intp)])
        out = np.zeros((len(words), 2 * WINDOW + 1, weights.shape[1]), dtype=np.float64)
        np.add.at(out, np.array(owners, dtype=np.intp), weights[feature_rows[own_ids]])
        np.add.at(out[:, WINDOW], np.array(affix_owners, dtype=np.intp), weights[affix_rows])
        return out

    def _word_ids(self, words: Sequence[str]) -> tuple[npt.NDArray[np.intp], Scores]:
        """Each word's row in a score table, and that table: the cache itself (new words
        scored and added), or, once new words are past `_CACHE_WORDS`, a table of this call's
        distinct words only (their cached rows, then the uncached ones scored), so no array
        grows with the document beyond the cache."""
        known = self._words
        fresh = list(dict.fromkeys(w for w in words if w not in known))
        table = self._table
        if not fresh:
            return np.array([known[w] for w in words], dtype=np.intp), table
        scored = self._word_scores(fresh)
        room = max(0, _CACHE_WORDS - len(known))
        kept, spare = fresh[:room], fresh[room:]
        start = len(known)
        table[start : start + len(kept)] = scored[: len(kept)]
        known.update((w, start + i) for i, w in enumerate(kept))
        if not spare:
            return np.array([known[w] for w in words], dtype=np.intp), table
        cached = [w for w in dict.fromkeys(words) if w in known]
        place = {w: i for i, w in enumerate(cached)}
        place.update((w, len(cached) + i) for i, w in enumerate(spare))
        rows = np.array([known[w] for w in cached], dtype=np.intp)
        local = np.concatenate([table[rows], scored[len(kept) :]])
        return np.array([place[w] for w in words], dtype=np.intp), local

    def _hint_ids(self, hints: Sequence[Sequence[str]]) -> npt.NDArray[np.intp]:
        """Each hint pattern's row in the hint table: its strings' scores as the word's own,
        as its right neighbour sees them (``-1:``) and as its left one does (``+1:``)."""
        known = self._hints
        score = self._crf.score
        ids = []
        for pattern in hints:
            key = tuple(pattern)
            found = known.get(key)
            if found is None:
                found = len(known)
                if found == len(self._hint_table):
                    self._hint_table = np.concatenate([self._hint_table, self._hint_table])
                self._hint_table[found] = (
                    score(key),
                    score([f"-1:{h}" for h in key]),
                    score([f"+1:{h}" for h in key]),
                )
                known[key] = found
            ids.append(found)
        return np.array(ids, dtype=np.intp)

    def scores(
        self,
        sentences: Sequence[Sequence[str]],
        hints: Sequence[Sequence[Sequence[str]] | None],
    ) -> list[Scores]:
        """The state scores ``(words, labels)`` of each sentence, hints as for
        ``FeatureExtractor.sentence_features``."""
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        total = int(lengths.sum())
        if not total:
            return [np.zeros((0, len(self._crf.labels))) for _ in sentences]
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        words = [w for sentence in sentences for w in sentence]
        length_of = np.repeat(lengths, lengths)
        position = np.arange(total) - np.repeat(starts, lengths)
        first = position == 0
        last = position == length_of - 1
        ids, table = self._word_ids(words)
        out = np.empty((total, len(self._crf.labels)), dtype=np.float64)
        out[:] = self._bias
        here = np.arange(total)
        for offset in range(-WINDOW, WINDOW + 1):
            inside = (position + offset >= 0) & (position + offset < length_of)
            out[inside] += table[ids[here[inside] + offset], offset + WINDOW]
        out[first] += self._bos
        out[last] += self._eos
        self._pairs(words, first, last, out)
        if all(h is not None for h in hints) and hints:
            flat = [pattern for h in hints if h is not None for pattern in h]
            hint = self._hint_ids(flat)
            rows = self._hint_table
            out += rows[hint, 0]
            out[~first] += rows[hint[:-1][~first[1:]], 1]
            out[~last] += rows[hint[1:][~last[:-1]], 2]
        elif any(h is not None for h in hints):
            raise ValueError("hints for some sentences but not all")
        return [out[a : a + n] for a, n in zip(starts.tolist(), lengths.tolist(), strict=True)]

    def _pair_openers(self) -> frozenset[str]:
        """Every string a word-pair feature of the model (``b+1=x|y``, ``b-1=x|y``) starts
        with before one of its ``|``: a word not among them begins no pair the model weighs, so
        `_pairs` skips it without building the pair's string (most tokens)."""
        if self._openers is None:
            openers: set[str] = set()
            for name in self._crf.attribute_index:
                if name.startswith(("b+1=", "b-1=")):
                    parts = name[4:].split("|")
                    openers.update("|".join(parts[:j]) for j in range(1, len(parts)))
            self._openers = frozenset(openers)
        return self._openers

    def _pairs(
        self,
        words: Sequence[str],
        first: npt.NDArray[np.bool_],
        last: npt.NDArray[np.bool_],
        out: Scores,
    ) -> None:
        """Add the word-pair features' scores (``b-1=``, ``b+1=``) to ``out``."""
        index = self._crf.attribute_index
        norms = [folded(w) for w in words]
        ends = last.tolist()
        openers = self._pair_openers()
        tokens: list[int] = []
        rows: list[int] = []
        for i in range(len(words) - 1):
            if ends[i] or norms[i] not in openers:
                continue
            pair = f"{norms[i]}|{norms[i + 1]}"
            row = index.get("b+1=" + pair)
            if row is not None:
                tokens.append(i)
                rows.append(row)
            row = index.get("b-1=" + pair)
            if row is not None:
                tokens.append(i + 1)
                rows.append(row)
        if tokens:
            np.add.at(out, np.array(tokens, dtype=np.intp), self._crf.weights[rows])
