"""Full names: a name the text writes right after the last word of another theme's label is
the rest of one person's name, and labels no theme of its own.

wiki-sheikh-imam opens «الشيخ إمام واسمه الحقيقي إمام محمد أحمد عيسى»: the subject, known by
his title and first name («الشيخ إمام»), and his full name. «محمد أحمد عيسى», the father's and
grandfather's names, came out as a second label for the subject (docs/topics-annotation.md,
rule 10: a fragment of the subject's own name; rule 11: a full name and a title name one
person). Arabic writes a full name as the person's name followed by the names of the line
(«إمام محمد أحمد عيسى»), so a name the entity tagger found (`names`) that the text writes
right after a word ending another label, that word itself a name (no article), continues
that label's name: the two are merged, the better
ranked naming the theme. Two people the text names side by side are written apart by
punctuation or a conjunction («نجم وإمام»), which the test does not cross. Only a tagged name
continues one: a label merely shaped like a name may be any rare word («بمقدار», by an
amount, after «مسبار فوياجر»).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from reader.nlp.topics.flat import FlatText, flat
from reader.nlp.topics.lexicon import is_definite

__all__ = ["FullNames"]

T = TypeVar("T")


class FullNames:
    """Finds the theme whose label's name a name label continues in the text."""

    def __init__(self, document: FlatText) -> None:
        self.document = document

    def match(self, label: str, labels: list[str], is_name: Callable[[str], bool]) -> int | None:
        """The theme (position in ``labels``) whose label's last word the text writes right
        before ``label``, or right after whose last word it writes the theme's label, one of
        the two being a name (``is_name``) that continues the other; None."""
        mine = flat(label)
        for t, other in enumerate(labels):
            theirs = flat(other)
            if is_name(label) and _continues(theirs, mine, self.document):
                return t
            if is_name(other) and _continues(mine, theirs, self.document):
                return t
        return None

    def merge(
        self, labels: list[str], members: list[list[T]], is_name: Callable[[str], bool]
    ) -> tuple[list[str], list[list[T]]]:
        """The themes (labels and members, best first) with each theme whose label continues
        a better theme's name, or is continued by it (`match`), merged into that theme."""
        kept_labels: list[str] = []
        kept_members: list[list[T]] = []
        for label, group in zip(labels, members, strict=True):
            same = self.match(label, kept_labels, is_name)
            if same is None:
                kept_labels.append(label)
                kept_members.append(list(group))
            else:
                kept_members[same].extend(group)
        return kept_labels, kept_members


def _continues(first: str, rest: str, document: FlatText) -> bool:
    """Whether the text writes the name ``rest`` right after the last word of ``first``, that
    word being a name (no article) and not already a word of ``rest``."""
    last = first.split()[-1]
    return not is_definite(last) and last not in rest.split() and document.writes(f"{last} {rest}")
