"""Numbered series: a phrase the text only ever writes before a number names no one thing.

wiki-stalingrad writes «فرقة البانزر 6», «فرقة البانزر 11», «فرقة البانزر 16» (the 6th, 11th
and 16th Panzer divisions): units named by a number. The phrase before the numbers was a
theme's label, «الفرقة البانزر», cut from several units' names (docs/topics-annotation.md, rule
10). A label never holds a number (`lexicon.label_fault`), so a written form of a theme's
phrases that is only ever followed by a number labels nothing when the theme's forms so written
are followed by more than one number («فيلق البانزر 48» beside «فرقة البانزر 6»): each unit
is a different thing. A theme whose phrase is always followed by one and the same number
(«ويندوز 10») keeps it, and years are no numbering (four digits: «كأس العالم 2010» names the
cup). Read only in a short document (`names.MAX_CHARACTERS`): the rule searches a flattened
copy of the text, which a document of one 2 MB line would hold word by word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.nlp.topics.flat import FlatText, flat

__all__ = ["numbered_forms"]

SERIES_DIGITS = 3
"""The longest number that numbers a series' members: a year (four digits) only dates."""

_EDGES = "()[]«»\"'،,.:;-"
"""Punctuation written around a number («(6)», «6،»)."""


def numbered_forms(forms: Iterable[str], document: FlatText) -> frozenset[str]:
    """Those of ``forms`` (the written forms of a theme's phrases) that the text (``document``)
    writes only right before a number of at most `SERIES_DIGITS` digits, when the forms
    so written are followed by at least two different numbers; else none."""
    numbered: set[str] = set()
    numbers: set[str] = set()
    text = document.text
    for form in forms:
        after = [
            m.group(1).strip(_EDGES) for m in re.finditer(f" {re.escape(flat(form))} (\\S+)", text)
        ]
        if after and all(a.isdigit() and len(a) <= SERIES_DIGITS for a in after):
            numbered.add(form)
            numbers.update(after)
    return frozenset(numbered) if len(numbers) >= 2 else frozenset()
