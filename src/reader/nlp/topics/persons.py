"""Persons: when two labels sharing a word are the names of two people, and when a written
name runs across two.

«زكريا أحمد» and «أحمد فؤاد نجم» share «أحمد», the given name of one and the father's name
of the other: two composers of Sheikh Imam's life, two themes. Labels that share a noun are
otherwise merged as one thing (`naming.name_themes`) and a theme whose label shares a stem with a
better one's is dropped (`labels.facets`); neither holds between two people. Two names are
one person when one is inside the other («نجم», «أحمد فؤاد نجم») or when they end with the
same name, the surname («مارك زوكربيرغ», «زوكربيرغ»); a surname that labels nothing alone
(«نجم», a star) joins the name's theme (`surname`). Only a name the entity tagger found in
the text counts, beside another name: a label starting with the article is no person's own
name («المجلس التنفيذي», «مجلس المحافظين» are two bodies of one administration, a theme).

The tagger also cuts across two names: «زكريا أحمد لأم كلثوم» is «زكريا أحمد» composing for
«أم كلثوم»; a preposition or conjunction glued to a name's first word inside a written form
(`runs_across_names`) says so, and such a form labels nothing.

A first name two tagged people share names neither (`shared_first_names`): wiki-paris-commune
names «لويس فيليب» (the king) and «لويس إرنست فالونتان» (the prefect of police), and «لويس»
alone labelled a theme (docs/topics-annotation.md, rule 10: a name cut in two).
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.nlp.stem import fold, stem
from reader.nlp.topics.lexicon import is_definite
from reader.nlp.topics.words import JOINER_MARK

__all__ = ["runs_across_names", "shared_first_names", "surname", "two_people"]

_NAME_STARTS = frozenset(fold(w) for w in ["أبو", "أبي", "أم", "ابن", "بن", "بنت", "عبد"])
"""Words that begin a name («أم كلثوم», «أبو النمرس», «عبد الحليم»)."""

_GLUED = "وفبل"
"""Conjunctions and prepositions written joined to the next word."""


def two_people(first: str, second: str, names: frozenset[str], language: str) -> bool:
    """Whether the labels ``first`` and ``second``, at least one of them a tagged name
    (``names``) and neither starting with the article, share a word yet name two people:
    neither's words are all in the other, and they end with different names."""
    if first not in names and second not in names:
        return False
    if is_definite(first.split()[0]) or is_definite(second.split()[0]):
        return False
    mine, theirs = _stems(first, language), _stems(second, language)
    if not mine or not theirs or not set(mine) & set(theirs):
        return False
    if set(mine) <= set(theirs) or set(theirs) <= set(mine):
        return False
    return mine[-1] != theirs[-1]


def surname(label: str, language: str) -> frozenset[str]:
    """The stems of the last word of ``label`` when it is a name of two words or more written
    without the article («نجم» of «أحمد فؤاد نجم»), else none. Said alone, the surname is the
    person, though as a word it may be a common noun (a star) that labels nothing."""
    words = label.split()
    if len(words) < 2 or any(is_definite(word) for word in words):
        return frozenset()
    return frozenset(_stems(words[-1], language))


def runs_across_names(form: str) -> bool:
    """Whether a written form has, after its first word, a word that is a glued preposition
    or conjunction and the first word of a name («زكريا أحمد لأم كلثوم»): two names, no
    one's."""
    return any(
        len(word) > 2 and word[0] in _GLUED and fold(word[1:]) in _NAME_STARTS
        for word in form.split()[1:]
    )


def shared_first_names(persons: Iterable[str]) -> frozenset[str]:
    """The first words (folded) that begin the names of two or more of the tagged ``persons``,
    each of two words or more whose first two words are written without the article, and that
    the tagger never found as a name on their own. A person's two spellings are one person
    (given as one name: «لويس باستير» as «لويس باستور»). A title with the article («الناصر»
    of «الناصر حسن», a sultan's regnal name) is no given name, and the tagger's misreadings
    of scripture keep it out («جَنَّـٰتُ ٱلْفِرْدَوْسِ», the gardens of Paradise, beside
    «جَنَّـٰتُ عَدْنٍ»)."""
    starts: dict[str, set[str]] = {}
    alone = set()
    for name in persons:
        words = name.split()
        if len(words) == 1:
            alone.add(fold(words[0]))
        elif fold(words[0]) not in _NAME_STARTS and not any(map(is_definite, words[:2])):
            starts.setdefault(fold(words[0]), set()).add(name)
    return frozenset(w for w, named in starts.items() if len(named) >= 2 and w not in alone)


def _stems(label: str, language: str) -> list[str]:
    """The stems of a label's words, in order."""
    return [stem(w, language) for w in label.split() if not w.startswith(JOINER_MARK)]
