"""Clause openers: words a document only ever writes at the start of a clause.

A one-word label written without the article is taken for a name (`labels.choose_label`). The
measured lexicon tells most verbs from names, but not a verb Wikipedia prose never uses as one:
the imperative «راجع» ("see …") of a technical page's cross-references, which is no name but
the start of an instruction («… ، راجع SpiderMonkey Build Documentation»). Arabic clauses are
often verb-first, and an imperative always opens its clause, while a name is also named inside
sentences: after a verb, a preposition, a title or the noun it completes («حديقة ساجارماثا»,
«أعلن مارك»). So a word that occurs at least `MIN_OCCURRENCES` times and every time right at a
paragraph's start or after punctuation is no name, and does not label a theme alone.

A word ever written with something glued before it (a conjunction or a preposition: «وراجع»,
«لتونس») is never counted as such an opener: after a preposition it is a noun.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reader.nlp.stem import fold
from reader.nlp.topics.lexicon import is_definite, word_kind

__all__ = ["MIN_OCCURRENCES", "clause_openers"]

MIN_OCCURRENCES = 2
"""How often a word must occur, always opening a clause, to be taken for a clause opener."""

FOLDS_CACHED = 1 << 15
"""How many written words' folded forms one call remembers (the first met): bounded, as the
text may be a whole book."""

_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u064b-\u065f\u0670\u0640\w]+")
_ARABIC = re.compile(r"^[\u0621-\u064a\u066e-\u06d3\u064b-\u065f\u0670\u0640]+$")
_GLUED = re.compile("^[وفبلك]")


def _has_alnum(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def clause_openers(paragraphs: Iterable[str], language: str = "ar") -> frozenset[str]:
    """The folded Arabic words of ``paragraphs`` seen `MIN_OCCURRENCES` times or more, each
    time as a whole token at the start of a paragraph or right after punctuation; only words
    without the article that the lexicon never measured (`lexicon.word_kind`): a measured
    noun opening a title or a heading («إدارة المخابرات الحربية») is a noun wherever it
    stands. Persian and Urdu, whose clauses end with their verb, have none."""
    if language != "ar":
        return frozenset()
    opening: Counter[str] = Counter()
    inside: set[str] = set()
    folded_of: dict[str, str | None] = {}  # a word's folded form, None if not Arabic
    for paragraph in paragraphs:
        after_word = False
        for found in _TOKEN.finditer(paragraph):  # one at a time: a paragraph may be 2 MB long
            token = found.group()
            match = _LETTERS.search(token)
            if match is None:
                after_word = False
                continue
            word = match.group()
            try:
                folded = folded_of[word]
            except KeyError:
                folded = fold(word) if _ARABIC.match(word) else None
                if len(folded_of) < FOLDS_CACHED:
                    folded_of[word] = folded
                if folded is not None and _GLUED.match(folded):
                    inside.add(folded[1:])  # «وراجع», «لتونس»: maybe a particle glued on
            if folded is not None:
                if after_word or (match.start() and _has_alnum(token[: match.start()])):
                    inside.add(folded)
                else:
                    opening[folded] += 1
            after_word = match.end() == len(token)
    return frozenset(
        word
        for word, n in opening.items()
        if n >= MIN_OCCURRENCES
        and word not in inside
        and not is_definite(word)
        and word_kind(word) is None
    )
