"""Aliases: the names an article's lead gives its subject in other languages name the
subject's theme.

An Arabic Wikipedia lead names its subject and, in parentheses, what other languages call
it: «جبل إيفرست ( بالإنجليزية Mount Everest، بالتبتية تشومولانغما وبالنيبالية ساجارماثا )».
wiki-everest returned «ساجارماثا» beside «جبل إفرست», two labels for one mountain (issue 10:
no two labels name one theme). A word written right after a language adverb («بالتبتية»,
«وبالنيبالية»: «بال…ية») inside a parenthesis of the lead is another name of the subject; a
theme labelled by such a word alone joins the theme labelled by the title, which keeps naming
it.

Measured on large-01: 19 of its 1,939 articles have such a parenthesis in their lead; words
caught that are no names («القديمة» of «باليونانية القديمة», a verb «تنطق») never label a
theme alone (bare adjectives and verbs are no labels), so the rule only ever joins a name.
Of the tune texts only wiki-everest has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from reader.nlp.normalise import normalise
from reader.nlp.topics.labels import label_key

__all__ = ["Aliases"]

_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_LANGUAGE_ADVERB = re.compile(r"^و?بال\w+ية[:،,]?$")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]+$")
_EDGE_PUNCTUATION = "،,:؛;.«»\"'"


class Aliases:
    """The other-language names an article's lead (``paragraphs[lead]``) gives its subject,
    and the matching of a theme's label against them."""

    def __init__(self, paragraphs: Sequence[str], lead: int, title: frozenset[str] | None) -> None:
        self.title = title
        """The stems of the article's title (`segments.title_of`); None: no article."""
        self.names: frozenset[str] = frozenset()
        """The normalised one-word names given after a language adverb."""
        if title is None or lead >= len(paragraphs):
            return
        names: set[str] = set()
        for inside in _PARENTHESIS.findall(paragraphs[lead]):
            words = [w.strip(_EDGE_PUNCTUATION) for w in inside.split()]
            for adverb, name in pairwise(words):
                if (
                    _LANGUAGE_ADVERB.match(adverb)
                    and _ARABIC_WORD.match(name)
                    and not _LANGUAGE_ADVERB.match(name)
                ):
                    names.add(normalise(name))
        self.names = frozenset(names)

    def match(self, label: str, labels: list[str], language: str) -> int | None:
        """The position in ``labels`` of the subject's label (the title's stems) when
        ``label`` is one of the subject's other names, or the position of such a name when
        ``label`` is the subject's; None otherwise."""
        if not self.names or self.title is None:
            return None
        if normalise(label) in self.names:
            return next(
                (t for t, other in enumerate(labels) if label_key(other, language) == self.title),
                None,
            )
        if label_key(label, language) == self.title:
            return next(
                (t for t, other in enumerate(labels) if normalise(other) in self.names), None
            )
        return None

    def is_alias(self, label: str) -> bool:
        """Whether ``label`` is one of the subject's other names."""
        return normalise(label) in self.names
