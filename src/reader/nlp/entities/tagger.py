"""The statistical named-entity tagger: a CRF over word features, plus a few fixes after it.

``load_tagger()`` loads the model shipped in ``reader/nlp/entities/data`` once. ``Tagger.tag``
takes the words of a paragraph (from ``reader.nlp.tokens.tokenize``), tags it sentence by
sentence like the ANERcorp corpus the model learnt from, and returns one BIO label per word. The
CRF runs in NumPy (`reader.nlp.entities.crf`); its caches are shared behind a lock, so worker
threads may call ``tag`` at the same time.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import UserError
from reader.nlp.entities.crf import LinearCRF, ModelError, WindowScorer
from reader.nlp.entities.features import FeatureExtractor, is_name_link
from reader.nlp.entities.memory import NameMemory
from reader.nlp.entities.neural import NeuralTagger, hints
from reader.nlp.entities.table import MappedTable, TableError, open_table
from reader.nlp.tokens import sentence_spans

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = [
    "CLUSTERS_FILE",
    "GAZETTEER_FILE",
    "LABELS",
    "MODEL_FILE",
    "NETWORK_VECTORS",
    "NETWORK_WEIGHTS",
    "NETWORK_WORDS",
    "NEURAL_FILE",
    "PRIORS_FILE",
    "RUNTIME_TABLES",
    "NameMemory",
    "Tagger",
    "load_tagger",
    "open_shipped_tagger",
    "read_clusters",
    "read_gazetteer",
]

MODEL_FILE = "ner.crfsuite"
"""The CRF, shipped as training writes it."""
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
PRIORS_FILE = "priors.tsv.gz"
NEURAL_FILE = "neural.npz"
"""Training's outputs (kept in the checkout): the sources of the runtime files below."""

RUNTIME_TABLES = {
    CLUSTERS_FILE: "clusters.tab",
    GAZETTEER_FILE: "gazetteer.tab",
    PRIORS_FILE: "priors.tab",
}
"""Each table as the package ships it: a memory-mapped word table (`reader.nlp.entities.table`)."""
NETWORK_WEIGHTS = "neural-weights.npz"
NETWORK_VECTORS = "neural-vectors.npy"
NETWORK_WORDS = "neural-words.tab"
"""``neural.npz`` as the package ships it: the weights (small, uncompressed), the int8 word
vectors as a plain ``.npy`` to memory-map, and the word list as a word table (word -> row)."""

LABELS = ("B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC", "O")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Halves of surrogate pairs, which can reach us from bytes decoded with surrogateescape."""


def read_clusters(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Parse ``word<TAB>cluster<TAB>cluster...`` lines into a word -> cluster ids table."""
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        word, *ids = line.rstrip("\n").split("\t")
        table[word] = tuple(ids)
    return table


def read_gazetteer(lines: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Parse ``word<TAB>class<TAB>class...`` lines into a word -> gazetteer classes table."""
    return read_clusters(lines)


def _repair(labels: list[str]) -> list[str]:
    """Make the labels valid BIO: an ``I-X`` that does not continue an ``X`` becomes ``B-X``."""
    previous = "O"
    for i, label in enumerate(labels):
        if label.startswith("I-") and previous[2:] != label[2:]:
            labels[i] = "B-" + label[2:]
        previous = labels[i]
    return labels


def _fix_name_links(words: Sequence[str], labels: list[str]) -> list[str]:
    """Never end a name on عبد/أبو/ابن/بن/آل: take in the next word, or let the link go."""
    n = len(labels)
    for i in range(n):
        label = labels[i]
        if label == "O" or not is_name_link(words[i]):
            continue
        ends_here = i + 1 >= n or not labels[i + 1].startswith("I-")
        if not ends_here:
            continue
        kind = label[2:]
        if i + 1 < n and labels[i + 1] == "O" and any(ch.isalpha() for ch in words[i + 1]):
            labels[i + 1] = "I-" + kind
        else:
            labels[i] = "O"
    return labels


class Tagger:
    """Tags word sequences with BIO entity labels (PERS, LOC, ORG, MISC) using a CRF model."""

    def __init__(
        self,
        model: bytes,
        clusters: Mapping[str, Sequence[str]],
        gazetteer: Mapping[str, Sequence[str]],
        priors: Mapping[str, Sequence[str]],
        neural: NeuralTagger | None = None,
    ) -> None:
        """Open the CRF from the model bytes; keep the tables for feature extraction.

        ``neural`` is the network whose guesses the CRF was trained to read (see
        ``reader.nlp.entities.neural``); a CRF trained without them is opened without one.
        """
        self._model = model
        try:
            self._linear = LinearCRF(model)
        except ModelError as error:
            raise UserError(f"the entity model is damaged: {error}") from None
        self._lock = threading.Lock()
        self.features = FeatureExtractor(clusters, gazetteer, priors)
        self.gazetteer = gazetteer
        """The name lists the features read: a normalised word -> its classes («PERSg», a
        given name; «PERSs», a surname; «LOC1» …); the rules ask it too."""
        self.priors = priors
        """Per-word type hints from the word vectors («PERS3»: the top bin of a person's
        prior); the rules ask it too."""
        self._scorer = WindowScorer(self._linear, self.features)
        self.neural = neural
        self._tables = (clusters, gazetteer, priors)

    def forget_words(self) -> None:
        """Drop the word tables' answers kept per word (the CRF's and the network's arrays,
        allocated at their caps, stay)."""
        for table in self._tables:
            if isinstance(table, MappedTable):
                table.forget()

    def tag(
        self,
        tokens: Sequence[str],
        postprocess: bool = True,
        memory: NameMemory | None = None,
    ) -> list[str]:
        """One BIO label per token of a paragraph, tagged sentence by sentence.

        ``memory`` is the document's name memory: pass the same one for every paragraph of a
        document, in reading order, and names found with confidence earlier label their later
        bare mentions (see ``reader.nlp.entities.memory``). ``postprocess=False`` returns the CRF's
        labels untouched (for measuring the fixes).
        """
        return self.tag_paragraphs([tokens], postprocess, memory)[0]

    def tag_paragraphs(
        self,
        paragraphs: Sequence[Sequence[str]],
        postprocess: bool = True,
        memory: NameMemory | None = None,
        reference: bool = False,
    ) -> list[list[str]]:
        """Labels for several paragraphs in reading order (see ``tag``), faster than one by one:
        the network reads all their sentences in length-sorted batches, the CRF scores and
        decodes them together (`reader.nlp.entities.crf`), then the fixes and the memory take
        the sentences in order. ``reference=True`` runs crfsuite itself sentence by sentence
        on the feature strings instead: the same labels, slowly (tests compare the two)."""
        decoded: Sequence[tuple[list[str], Any]]
        if reference:
            sentences = _sentences(paragraphs)
            decoded = self._reference(sentences, self._hints(sentences))
        else:
            decoded = self.decode(paragraphs)
        return self.finish(paragraphs, decoded, postprocess, memory)

    def decode(self, paragraphs: Sequence[Sequence[str]]) -> list[tuple[list[str], Any]]:
        """The CRF's labels and marginals ``(words, labels)`` of each sentence of the
        paragraphs: the costly part of tagging, a pure function of the words (so it may run in
        another process, see `reader.nlp.entities.extract`); `finish` does the rest."""
        sentences = _sentences(paragraphs)
        guesses = self._hints(sentences)
        with self._lock:
            paths, marginals = self._linear.decode(self._scorer.scores(sentences, guesses))
        names = self._linear.labels
        return [
            ([names[i] for i in path], found) for path, found in zip(paths, marginals, strict=True)
        ]

    def finish(
        self,
        paragraphs: Sequence[Sequence[str]],
        decoded: Sequence[tuple[list[str], Any]],
        postprocess: bool = True,
        memory: NameMemory | None = None,
    ) -> list[list[str]]:
        """The paragraphs' labels from `decode`'s (or crfsuite's) sentence labels: the fixes,
        then the name memory, sentence by sentence in reading order. ``decoded`` pairs a
        sentence's labels with its marginals, or with a ``support(word, kind)`` function."""
        units = [k for k, tokens in enumerate(paragraphs) for _ in sentence_spans(list(tokens))]
        sentences = _sentences(paragraphs)
        names = self._linear.labels
        labels: list[list[str]] = [[] for _ in paragraphs]
        for k, sentence, (found, marginals) in zip(units, sentences, decoded, strict=True):
            found = list(found)
            if postprocess:
                found = _fix_name_links(sentence, _repair(found))
            if memory is not None:
                support = marginals if callable(marginals) else _support(names, marginals)
                found = _remember(sentence, found, memory, support)
            labels[k].extend(found)
        return labels

    def _reference(
        self,
        sentences: Sequence[list[str]],
        guesses: Sequence[Sequence[Sequence[str]] | None],
    ) -> list[tuple[list[str], Callable[[int, str], float]]]:
        """crfsuite's labels and marginals of each sentence, from its feature strings."""
        import pycrfsuite  # type: ignore[import-untyped]

        crf = pycrfsuite.Tagger()
        crf.open_inmemory(self._model)
        out: list[tuple[list[str], Callable[[int, str], float]]] = []
        for sentence, hints_of in zip(sentences, guesses, strict=True):
            found: list[str] = crf.tag(self.features.sentence_features(sentence, hints_of))
            table = {
                (j, label): float(crf.marginal(label, j))
                for j in range(len(sentence))
                for label in crf.labels()
            }
            out.append((found, _table_support(table)))
        return out

    def _hints(self, sentences: Sequence[Sequence[str]]) -> list[Sequence[Sequence[str]] | None]:
        """The network's feature strings for each sentence (one batch), or None without one."""
        if self.neural is None:
            return [None] * len(sentences)
        labels = self.neural.labels
        return [hints(p, labels) for p in self.neural.probabilities(sentences)]


def _support(labels: Sequence[str], marginals: Any) -> Callable[[int, str], float]:
    """How likely the CRF finds word ``j`` part of a name of type ``kind``, from a sentence's
    marginals ``(words, labels)``."""
    column = {label: i for i, label in enumerate(labels)}

    def support(j: int, kind: str) -> float:
        row = marginals[j]
        return float(row[column["B-" + kind]]) + float(row[column["I-" + kind]])

    return support


def _table_support(table: Mapping[tuple[int, str], float]) -> Callable[[int, str], float]:
    """`_support` over marginals kept as ``(word, label) -> probability``."""

    def support(j: int, kind: str) -> float:
        return table[j, "B-" + kind] + table[j, "I-" + kind]

    return support


def _remember(
    sentence: list[str],
    labels: list[str],
    memory: NameMemory,
    support: Callable[[int, str], float],
) -> list[str]:
    """Feed the sentence's sure names to ``memory`` and let it label what it recognises."""
    sure = [1.0 if label == "O" else support(j, label[2:]) for j, label in enumerate(labels)]
    memory.observe(sentence, labels, sure)
    return memory.apply(sentence, labels, support)


def _sentences(paragraphs: Sequence[Sequence[str]]) -> list[list[str]]:
    """The sentences of the paragraphs in order, each as the CRF may see its words."""
    out: list[list[str]] = []
    for tokens in paragraphs:
        words = list(tokens)
        if _LONE_SURROGATE.search("".join(words)):
            out.extend(_clean(words[a:b]) for a, b in sentence_spans(words))
        else:  # almost always: one search for the paragraph, not one substitution per word
            out.extend(words[a:b] for a, b in sentence_spans(words))
    return out


def _clean(words: Sequence[str]) -> list[str]:
    """The words as the CRF may see them.

    python-crfsuite raises SystemError on a lone surrogate (found by fuzzing): the model sees
    U+FFFD in its place; the caller's words and offsets are untouched.
    """
    return [_LONE_SURROGATE.sub("\ufffd", word) for word in words]


def _resource(name: str) -> Traversable:
    """A file shipped in ``reader/nlp/entities/data``."""
    return resources.files("reader.nlp.entities") / "data" / name


def _missing(name: str) -> UserError:
    return UserError(
        f"the entity model file {name} is missing from the reader package; reinstall reader"
    )


def _read_data(name: str) -> bytes:
    """Bytes of a file shipped in ``reader/nlp/entities/data``, or a one-line UserError."""
    try:
        return _resource(name).read_bytes()
    except OSError:
        raise _missing(name) from None


def _open_table(name: str) -> MappedTable:
    """A memory-mapped word table shipped in ``reader/nlp/entities/data``."""
    try:
        return open_table(_resource(name))
    except OSError:
        raise _missing(name) from None
    except TableError as error:
        raise UserError(f"the entity model file {name} is damaged: {error}") from None


def _open_network(gazetteer: MappedTable) -> NeuralTagger:
    """The network from its three runtime files; the vectors memory-mapped when on disk."""
    import numpy as np

    try:
        with np.load(io.BytesIO(_read_data(NETWORK_WEIGHTS)), allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        vectors = _resource(NETWORK_VECTORS)
        if isinstance(vectors, Path):
            arrays["vectors"] = np.load(vectors, mmap_mode="r", allow_pickle=False)
        else:
            arrays["vectors"] = np.load(io.BytesIO(vectors.read_bytes()), allow_pickle=False)
        return NeuralTagger(arrays, _open_table(NETWORK_WORDS), gazetteer)
    except FileNotFoundError as error:
        raise _missing(Path(str(error.filename or NETWORK_VECTORS)).name) from None
    # np.load's errors on a damaged file
    except (ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise UserError(f"the entity network's files are damaged: {error}") from None


def open_shipped_tagger() -> Tagger:
    """A new tagger over the model and tables shipped in ``reader/nlp/entities/data``: the
    tables and the word vectors memory-mapped, so opening costs a few milliseconds and only
    the words a text uses are ever read."""
    gazetteer = _open_table(RUNTIME_TABLES[GAZETTEER_FILE])
    return Tagger(
        _read_data(MODEL_FILE),
        _open_table(RUNTIME_TABLES[CLUSTERS_FILE]),
        gazetteer,
        _open_table(RUNTIME_TABLES[PRIORS_FILE]),
        _open_network(gazetteer),
    )


_LOADING = threading.Lock()
_SHARED: list[Tagger] = []


def loaded_tagger() -> Tagger | None:
    """The shared tagger if it was loaded, else None (never loads it)."""
    with _LOADING:
        return _SHARED[0] if _SHARED else None


def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process and shared by all threads."""
    with _LOADING:  # two workers starting together must not load the model twice
        if not _SHARED:
            _SHARED.append(open_shipped_tagger())
        return _SHARED[0]
