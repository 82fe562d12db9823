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

_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u064b-\u065f\u0670\u0640\w]+")
_ARABIC = re.compile(r"^[\u0621-\u064a\u066e-\u06d3\u064b-\u065f\u0670\u0640]+$")
_GLUED = re.compile("^[وفبلك]")


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
    for paragraph in paragraphs:
        after_word = False
        for found in _TOKEN.finditer(paragraph):  # one at a time: a paragraph may be 2 MB long
            token = found.group()
            match = _LETTERS.search(token)
            if match is None:
                after_word = False
                continue
            word, before = match.group(), token[: match.start()]
            if _ARABIC.match(word):
                folded = fold(word)  # remembered by `fold`: a text repeats its words
                if _GLUED.match(folded):
                    inside.add(folded[1:])  # «وراجع», «لتونس»: maybe a particle glued on
                if after_word or any(ch.isalnum() for ch in before):
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
