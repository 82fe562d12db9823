"""Possessions: a bare noun the text writes as possessed by a named thing is part of its theme.

news-04 is about WhatsApp («واتس آب»), which it also calls «الخدمة» («خدمة واتس آب»); its users
(«المستخدمين», ¶3, 4, 7) are the users of that service: «مستخدمي الخدمة» (¶7). As a theme of
their own they were a second label for the app's theme (issue 10: no two labels name one
theme; the gold lists «المستخدمين» among the accepted forms of «خدمة واتس آب»). The evidence
is the iḍāfa: the noun, without its article, written right before the name's first word or a
description the text writes right before the name («خدمة» in «خدمة واتس آب»), now with the
article («الخدمة»). Only a label of one definite noun whose paragraphs all lie in the name's
theme joins it; a noun of a name's paragraphs the text never writes as the name's («السجن»
beside «أحمد فؤاد نجم», «الاستحواذ على واتس آب», a preposition's object) stays a theme.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise

from reader.nlp.normalise import normalise
from reader.nlp.stem import stem
from reader.nlp.topics.lexicon import is_definite

__all__ = ["Possessions"]

_QUOTES = re.compile("[\"'«»“”„]")
"""Quotation marks, written around names («" واتس آب "»): no break between two words."""


class Possessions:
    """Finds, for a one-noun label, the name's theme the text writes the noun as possessed by
    («مستخدمي الخدمة», «الخدمة» standing for «واتس آب»). The text is read once into, per stem
    of a word written without the article, the words written right after it, and the word
    pairs, the first time a one-noun label lies inside a name's theme; a label then costs a
    look-up per such name."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self._after: dict[str, set[str]] | None = None
        self._before: dict[str, set[str]] = {}

    def _read(self) -> dict[str, set[str]]:
        """Per stem of a word written without the article, the words (normalised) right
        after it; and (`_before`) per word, the words without the article right before it.
        Read once, when a label first needs it (most texts' labels never do)."""
        if self._after is None:
            after: dict[str, set[str]] = defaultdict(set)
            before: dict[str, set[str]] = defaultdict(set)
            for paragraph in self.paragraphs:
                words = _QUOTES.sub(" ", normalise(paragraph)).split()
                for first, second in pairwise(words):
                    if not is_definite(first) and first.isalpha() and second.isalpha():
                        after[stem(first, "ar")].add(second)
                        before[second].add(first)
            self._after, self._before = after, before
        return self._after

    def match(
        self,
        label: str,
        found: set[int],
        labels: list[str],
        held: list[set[int]],
        is_name: Callable[[str], bool],
    ) -> int | None:
        """The position in ``labels`` of the name (``is_name``) whose theme holds the
        paragraphs ``found`` of the one-noun label ``label`` (``held``: per label, its
        theme's paragraphs) and that the text writes ``label``'s noun as possessed by; None."""
        words = label.split()
        if len(words) != 1 or not is_definite(words[0]) or not found:
            return None
        homes = [t for t, other in enumerate(labels) if found <= held[t] and is_name(other)]
        if not homes:
            return None
        possessors = self._read().get(stem(words[0], "ar"))
        if not possessors:
            return None
        return next((t for t in homes if possessors & self._forms(labels[t])), None)

    def _forms(self, name: str) -> set[str]:
        """What stands for ``name`` as a possessor: its first word, and each description the
        text writes right before it, with the article («خدمة واتس آب»: «الخدمة»)."""
        first = normalise(name).split()[0]
        return {first} | {f"ال{word}" for word in self._before.get(first, ())}
