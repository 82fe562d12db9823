"""Numbered series: a phrase the text only ever writes before a number names no one thing.

wiki-stalingrad writes «فرقة البانزر 6», «فرقة البانزر 11», «فرقة البانزر 16» (the 6th, 11th
and 16th Panzer divisions): units named by a number. The phrase before the numbers was a
theme's label, «الفرقة البانزر», cut from several units' names (docs/topics-annotation.md, rule
10). A label never holds a number (`lexicon.label_fault`), so a written form of a theme's
phrases that is only ever followed by a number labels nothing when the theme's forms so written
are followed by more than one number («فيلق البانزر 48» beside «فرقة البانزر 6»): each unit
is a different thing. A theme whose phrase is always followed by one and the same number
(«ويندوز 10») keeps it, and years are no numbering (four digits: «كأس العالم 2010» names the
cup).

A word is cut from its iḍāfa the same way: wiki-sheikh-imam writes «منتصف الثلاثينيات»,
«منتصف الثمانينيات», «منتصف التسعينات» (the mid-thirties, -eighties, -nineties), and «منتصف»
(the middle) alone, a fragment, labelled a theme. A one-word form without the article that the
text only ever writes before a definite word, and before two different ones at least, heads a
construct whose complement changes (`construct_heads`); it labels nothing. A name the entity
tagger found is no such word («حماس الفلسطينية»: `labels.choose_label` keeps it).

Both rules are read only in a short document (`names.MAX_CHARACTERS`): they search a flattened
copy of the text, which a document of one 2 MB line would hold word by word.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.nlp.topics.flat import FlatText
from reader.nlp.topics.lexicon import is_definite

__all__ = ["construct_heads", "numbered_forms"]

SERIES_DIGITS = 3
"""The longest number that numbers a series' members: a year (four digits) only dates."""


def numbered_forms(forms: Iterable[str], document: FlatText) -> frozenset[str]:
    """Those of ``forms`` (the written forms of a theme's phrases) that the text (``document``)
    writes only right before a number of at most `SERIES_DIGITS` digits, when the forms
    so written are followed by at least two different numbers; else none."""
    numbered: set[str] = set()
    numbers: set[str] = set()
    for form in forms:
        after = document.words_after(form)
        if after and all(a.isdigit() and len(a) <= SERIES_DIGITS for a in after):
            numbered.add(form)
            numbers.update(after)
    return frozenset(numbered) if len(numbers) >= 2 else frozenset()


def construct_heads(forms: Iterable[str], document: FlatText) -> frozenset[str]:
    """Those of ``forms`` of one word without the article that the text (``document``) writes
    only right before a definite word, two different ones at least (see the module
    docstring)."""
    heads: set[str] = set()
    for form in forms:
        if " " in form or is_definite(form):
            continue
        after = set(document.words_after(form))
        if len(after) >= 2 and all(is_definite(word) for word in after):
            heads.add(form)
    return frozenset(heads)
