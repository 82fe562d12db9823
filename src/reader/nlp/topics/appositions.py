"""Appositions: a description written right before a name is another label of the name's theme.

«الشاعر الفلسطيني محمود درويش»: the article then says «الشاعر الفلسطيني» alone for the poet, so
the two phrases name one theme, and the reader wants it named by the name (issue 10: no two
labels name one theme). Only a description found immediately before a tagged name, or before
a theme's label written as a name (`lexicon.is_name_like`: «الراقصة صافيناز»), counts.
"""

from __future__ import annotations

from reader.nlp.topics.flat import FlatText, flat

__all__ = ["Appositions"]


class Appositions:
    """A description written right before a name («الشاعر الفلسطيني محمود درويش») is another
    label of that person's theme: it is merged into the name's theme, named by the name."""

    def __init__(self, document: FlatText, names: set[str]) -> None:
        self.names = {flat(n) for n in names}
        """The tagger's names."""
        self.labels: set[str] = set()
        """Labels written as names (`add_label`): names the tagger missed («صافيناز»)."""
        self.document = document

    def add_label(self, label: str) -> None:
        """Count ``label``, a theme's label written as a name (`is_name_like`), among the names
        a description may stand before («الراقصة صافيناز»: large-01, a name the tagger does
        not know)."""
        self.labels.add(flat(label))

    def is_name(self, label: str) -> bool:
        mine = flat(label)
        return mine in self.names or mine in self.labels

    def describes(self, label: str) -> bool:
        """Whether ``label`` is written right before a name and is none itself («عازف الإيقاع
        محمد على»): a description standing for a person the text names, which labels no
        theme of its own (docs/topics-annotation.md, rule 9); when the person is a theme,
        `match` has merged the description into it."""
        mine = flat(label)
        return (
            bool(self.names)
            and mine not in self.names
            and any(
                self.document.writes(f"{mine} {name}") for name in self.names if name not in mine
            )
        )

    def match(self, label: str, labels: list[str]) -> int | None:
        """The theme (position in ``labels``) of the name ``label`` describes, or of the
        description of the name ``label`` is; None."""
        if not self.names and not self.labels:
            return None
        mine = flat(label)
        names = self.names | self.labels
        for t, other in enumerate(labels):
            theirs = flat(other)
            if mine in names and theirs not in names:
                description, name = theirs, mine
            elif theirs in names and mine not in names:
                description, name = mine, theirs
            else:
                continue
            if self.document.writes(f"{description} {name}"):
                return t
        return None
