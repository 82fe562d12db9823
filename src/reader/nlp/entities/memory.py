"""Document-level name memory: names the tagger found with confidence label their later mentions.

News articles repeat names. The first mention often carries the evidence («الرئيس بيل كلينتون»)
and later bare mentions («كلينتون», «وكلينتون», «لكلينتون») are missed by a tagger that sees one
sentence at a time. A ``NameMemory`` follows a document as a stream of units (sentences or
paragraphs) in reading order: ``observe`` records the entity spans of a unit that the CRF was
sure of, ``apply`` gives an untagged word or word sequence of a unit the type of a remembered
name. Only what came before, plus the current unit, is used, so the app can tag an article as it
streams forward.

Matching is on folded spelling (``reader.nlp.normalise.normalise``) with the proclitic chain
(و، ف، ب، ل، ك، ال) stripped by ``reader.nlp.entities.features.strip_clitics``, but a label
always covers the whole whitespace word, clitic included: that is how ANERcorp marks
«وكلينتون» (B-PERS).
Function words and very short words are never remembered, and the memory is bounded: a name is
forgotten ``horizon`` units after it was last seen with confidence. Given the CRF's marginals,
the memory also leaves alone words where the tagger sees no trace of a name (``min_support``)
and gives a name it remembers clearly its type where the tagger typed it otherwise, unsure
(``retype_below``).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal

from reader.nlp.entities.features import WORDS_CACHED, folded, is_name_link, strip_clitics
from reader.nlp.entities.spans import bio_spans
from reader.nlp.stem import fold
from reader.nlp.stopwords import stop_words

__all__ = ["NameMemory", "Parts", "word_keys"]

Parts = Literal["names", "words", "surnames", "persons"]
"""What is remembered besides whole multi-word names: ``"names"`` nothing more, ``"words"``
also one-word names («كلينتون» tagged alone), ``"surnames"`` also the last word of a person's
longer name («بيل كلينتون» → «كلينتون»), ``"persons"`` every word of a person's name but the
links that cannot stand alone (عبد، أبو، بن...)."""

_MIN_LETTERS = 3
"""A remembered word keeps at least this many letters once its clitics are stripped."""


@lru_cache(maxsize=WORDS_CACHED)
def word_keys(word: str) -> tuple[str, str]:
    """The folded form of ``word`` and its stem without proclitics («وكلينتون» → «كلينتون»)."""
    norm = folded(word)
    return norm, strip_clitics(norm)[1]


@lru_cache(maxsize=1 << 14)
def _memorable(word: str) -> bool:
    """Whether a word may be remembered: Arabic script, enough letters, not a function word.

    Latin words are never remembered: the tagger learnt from Arabic news with hardly any of
    them, so its confidence there means little, and one «JavaScript» taken for a person would
    otherwise spread to every mention in a technical article.

    Remembered per word, like `word_keys`: the memory asks about every word of every name
    (the 16,384 most recent words, a bound on memory).
    """
    stem = word_keys(word)[1]
    if sum(ch.isalpha() for ch in stem) < _MIN_LETTERS:
        return False
    if not any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in stem):
        return False
    stops = stop_words("ar")
    return fold(word) not in stops and fold(stem) not in stops


class NameMemory:
    """Names found with confidence in the units read so far, to label their later mentions.

    ``horizon`` is how many units (sentences or paragraphs) a name stays remembered after it was
    last observed; ``min_confidence`` the least CRF confidence every word of a span needs to be
    remembered; ``parts`` what besides whole multi-word names is remembered (see ``Parts``);
    ``min_support`` the least probability the CRF must still give the remembered type at every
    word of a match, when ``apply`` is given that probability (``support``): it keeps common
    words that were once part of a name («المدينة», «الدين») from being tagged where the tagger
    sees no name at all; ``retype_below``: a whole name the tagger labelled with another type
    than the remembered one, with less than this support for its own type, takes the
    remembered type (0 never retypes).
    One memory follows one document; call ``clear`` (or make a new one) for the next.

    The defaults were chosen by 4-fold cross-validation over contiguous blocks of the ANERcorp
    train split, units being its sentences (``training/cv_memory.py``): micro-F1 0.723 -> 0.744.
    """

    def __init__(
        self,
        *,
        horizon: int = 50,
        min_confidence: float = 0.5,
        parts: Parts = "surnames",
        min_support: float = 0.003,
        retype_below: float = 0.7,
    ) -> None:
        """An empty memory with the given bounds."""
        if horizon < 1:
            raise ValueError("horizon must be at least one unit")
        self.horizon = horizon
        self.min_confidence = min_confidence
        self.parts: Parts = parts
        self.min_support = min_support
        self.retype_below = retype_below
        # What each remembered unit added: (key, type) pairs, a key being a tuple of word stems.
        self._units: deque[list[tuple[tuple[str, ...], str]]] = deque()
        # key -> how many remembered units saw it as each type.
        self._types: dict[tuple[str, ...], Counter[str]] = {}
        # first stem of a key -> how many keys start with it (a quick test before building keys).
        self._firsts: Counter[str] = Counter()
        self._longest = 1
        self.kinds: dict[str, str] = {}
        """Names whose type a head word gave in this document («تطبيق واتس آب»: software),
        by their normalised text: their later mentions take that type (`extract`), whatever
        the tagger reads in them. Only head-typed names, so it stays small."""

    def __len__(self) -> int:
        """How many distinct names (keys) are remembered."""
        return len(self._types)

    def __contains__(self, name: object) -> bool:
        """Whether a name, given as a string of space-separated words, is remembered."""
        if not isinstance(name, str):
            return False
        return tuple(word_keys(w)[1] for w in name.split()) in self._types

    def clear(self) -> None:
        """Forget everything (a new document starts)."""
        self._units.clear()
        self._types.clear()
        self._firsts.clear()
        self._longest = 1
        self.kinds.clear()

    def kind_of(self, name: str) -> str | None:
        """The type most often seen for a remembered name (space-separated words), or None."""
        counts = self._types.get(tuple(word_keys(w)[1] for w in name.split()))
        return counts.most_common(1)[0][0] if counts else None

    def observe(
        self,
        words: Sequence[str],
        labels: Sequence[str],
        confidences: Sequence[float] | None = None,
    ) -> None:
        """Remember the confident entity spans of one unit, then forget units past the horizon.

        ``confidences[i]`` is the CRF's probability that word ``i`` has the type it was given
        (e.g. the marginals of ``B-X`` and ``I-X`` added up); None means fully confident.
        """
        added: list[tuple[tuple[str, ...], str]] = []
        for start, stop, kind in bio_spans(labels):
            if confidences is not None and min(confidences[start:stop]) < self.min_confidence:
                continue
            span = words[start:stop]
            if not all(_memorable(w) for w in span):
                continue
            stems = tuple(word_keys(w)[1] for w in span)
            if len(stems) > 1:
                added.append((stems, kind))
                if self.parts == "surnames" and kind == "PERS":
                    added.append((stems[-1:], kind))
                elif self.parts == "persons" and kind == "PERS":
                    added.extend(
                        ((stem,), kind)
                        for word, stem in zip(span, stems, strict=True)
                        if not is_name_link(word)
                    )
            elif self.parts != "names":
                added.append((stems, kind))
        self._units.append(added)
        for key, kind in added:
            counts = self._types.get(key)
            if counts is None:
                counts = self._types[key] = Counter()
                self._firsts[key[0]] += 1
            counts[kind] += 1
            self._longest = max(self._longest, len(key))
        while len(self._units) > self.horizon:
            for key, kind in self._units.popleft():
                counts = self._types[key]
                counts[kind] -= 1
                if counts[kind] <= 0:
                    del counts[kind]
                if not counts:
                    del self._types[key]
                    self._firsts[key[0]] -= 1
                    if self._firsts[key[0]] <= 0:
                        del self._firsts[key[0]]

    def _kind(self, key: tuple[str, ...]) -> str | None:
        """The remembered type of a key if one type clearly leads, else None."""
        counts = self._types.get(key)
        if not counts:
            return None
        ranked = counts.most_common(2)
        if len(ranked) > 1 and ranked[1][1] * 2 >= ranked[0][1]:
            return None
        return ranked[0][0]

    def _retype(
        self, words: Sequence[str], labels: list[str], support: Callable[[int, str], float]
    ) -> None:
        """Give the remembered type to whole names the tagger typed otherwise, unsure."""
        for start, stop, kind in bio_spans(labels):
            if word_keys(words[start])[1] not in self._firsts:
                continue
            remembered = self._kind(tuple(word_keys(w)[1] for w in words[start:stop]))
            if remembered is None or remembered == kind:
                continue
            if min(support(j, kind) for j in range(start, stop)) >= self.retype_below:
                continue
            labels[start] = "B-" + remembered
            for j in range(start + 1, stop):
                labels[j] = "I-" + remembered

    def apply(
        self,
        words: Sequence[str],
        labels: Sequence[str],
        support: Callable[[int, str], float] | None = None,
    ) -> list[str]:
        """New labels for one unit: untagged runs of words that match a remembered name get its
        type (longest name first). Words the tagger already labelled are left alone, but for
        retyping (see the class) when ``support`` is given.

        ``support(i, kind)``, if given, is the CRF's probability that word ``i`` is part of a
        ``kind`` name (the marginals of ``B-kind`` and ``I-kind`` added up); it is only asked
        about the words of a candidate match, so a caller may compute it lazily.
        """
        out = list(labels)
        if not self._types:
            return out
        if support is not None and self.retype_below > 0:
            self._retype(words, out, support)
        n = len(words)
        stems: list[str | None] = [None] * n
        firsts = self._firsts
        i = 0
        while i < n:
            if out[i] != "O":
                i += 1
                continue
            first = stems[i] = stems[i] or word_keys(words[i])[1]
            if first not in firsts:
                i += 1
                continue
            matched = 0
            for length in range(min(self._longest, n - i), 0, -1):
                if any(out[j] != "O" for j in range(i, i + length)):
                    continue
                key = []
                for j in range(i, i + length):
                    stem = stems[j]
                    if stem is None:
                        stem = stems[j] = word_keys(words[j])[1]
                    key.append(stem)
                kind = self._kind(tuple(key))
                if kind is None or not all(_memorable(w) for w in words[i : i + length]):
                    continue
                if support is not None and any(
                    support(j, kind) < self.min_support for j in range(i, i + length)
                ):
                    continue
                out[i] = "B-" + kind
                for j in range(i + 1, i + length):
                    out[j] = "I-" + kind
                matched = length
                break
            i += matched or 1
        return out
