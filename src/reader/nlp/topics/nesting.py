"""Nesting: in a longer text, a bare noun found only where a better bare noun is found names
part of that theme.

news-08 writes «الألحان» (the melodies) in ¶6 and ¶17 and «التصفيق» (the applause) in ¶8 and
¶15, every time in a paragraph about Marcel Khalifa's songs («الأغنية», «أغان»): near-synonyms
or an aspect of the songs, sharing no word with them; as themes of their own they were two
more labels for one subject (issue 10: no two labels name one theme). Only labels that are one
definite noun nest: a name («تونس», «أحمد فؤاد نجم») or a phrase is a subject of its own, so
«السجن», whose paragraphs all name «أحمد فؤاد نجم» in wiki-sheikh-imam, stays a theme.
And only a noun much less salient than its container is a part of it: wiki-pasteur's
«التطعيم» (vaccination), in two of the seven paragraphs of «الأمراض» (diseases) and as
salient as it, is a subject of its own; «الألحان» weighs a quarter of «الأغنية».
"""

from __future__ import annotations

from reader.nlp.topics.grouping import SYNONYM_MIN_PARAGRAPHS
from reader.nlp.topics.lexicon import is_definite

__all__ = ["CONTAINER_SPREAD", "Nesting"]

CONTAINER_SPREAD = 0.5
"""A theme found in more than this share of the paragraphs holds no other: being inside what
is everywhere says nothing. (Tune: any value from 0.5 up gives the same figures; at 0.4 the
songs of news-08, in 9 of its 20 paragraphs, hold nothing.)"""

NESTED_SHARE = 0.5
"""A noun nests in a theme only when its head phrase is at most this share as salient as the
theme's (news-08: «التصفيق» 0.26 of «الأغنية», «الألحان» 0.24; wiki-pasteur: «السوائل» 0.35
of «البكتيريا», but «التطعيم» 0.97 of «الأمراض»)."""


class Nesting:
    """The paragraphs of the labelled themes so far, to find the one a bare noun nests in."""

    def __init__(self, paragraph_count: int) -> None:
        self.paragraph_count = paragraph_count
        self.found: list[set[int]] = []
        """Per theme (in the order labelled), the paragraphs its phrases are found in."""

    def match(
        self,
        label: str,
        found: set[int],
        score: float,
        labels: list[str],
        heads: list[float],
    ) -> int | None:
        """The theme (position in ``labels``, its head phrase's salience in ``heads``) whose
        paragraphs hold all of ``found``, the paragraphs of the theme labelled ``label``
        (at least two, its head's salience ``score`` at most `NESTED_SHARE` of that theme's),
        both labels being one definite noun, in a text of at least
        `SYNONYM_MIN_PARAGRAPHS` (in a short one, two words share every paragraph by
        chance); None."""
        if self.paragraph_count < SYNONYM_MIN_PARAGRAPHS or len(found) < 2 or not _one_noun(label):
            return None
        most = CONTAINER_SPREAD * self.paragraph_count
        return next(
            (
                t
                for t, (other, theirs, container) in enumerate(
                    zip(labels, self.found, heads, strict=True)
                )
                if _one_noun(other)
                and found <= theirs
                and len(theirs) <= most
                and score <= NESTED_SHARE * container
            ),
            None,
        )

    def add(self, theme: int, found: set[int]) -> None:
        """Record the paragraphs of theme ``theme`` (a new one, or one merged into)."""
        if theme == len(self.found):
            self.found.append(set(found))
        else:
            self.found[theme] |= found


def _one_noun(label: str) -> bool:
    """A label of one word with the article: a noun (labels are never bare adjectives)."""
    words = label.split()
    return len(words) == 1 and is_definite(words[0])
