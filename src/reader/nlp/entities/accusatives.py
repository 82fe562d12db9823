"""A word written with the accusative tanween at the end of a name is not part of the name:
«أصدر السلطان سليم الثالث فرمانًا سلطانيًا» names «سليم الثالث», not «سليم الثالث فرمانًا
سلطانيًا».

The fathatan («ـً», «ـاً») marks an indefinite noun or adjective in the accusative: an object
(«فرمانًا», a decree), an adverb («اسمياً», nominally) or a state («مشلولًا», paralysed). A
name's later words are definite, or genitive after «بن», and do not take it, so a span that the
tagger or a rule ran on into such words ends before them; a span left with one such word only
(«كيساً ديوانياً», a purse of the divan) is no name, as a lone word with tanween is none
elsewhere in the rules. The first word stays: a given name in the accusative takes the
fathatan itself («عيَّن الخليفة جوهرًا الصقليّ», Jawhar al-Siqilli). Only the fathatan: the
two other tanween marks do end a name in fully vocalised text («أبا بكرٍ»).

Vocalised encyclopaedic text has them (large-01: 27 such spans in 3 MB, «ماتيلدا اسمياً»,
«كفر الشيخ فاكساً», «جامعة بيردو رقمًا قياسيًا»); ANERcorp is not vocalised.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``raw`` are the tokens as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.spans import Span

__all__ = ["FATHATAN", "without_accusatives"]

FATHATAN = "\u064b"
"""The accusative tanween mark."""


def without_accusatives(raw: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with the words written with the fathatan cut off their ends, past their first
    word; a span left with one such word is gone."""
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        if stop - first > 1 and FATHATAN in raw[stop - 1]:
            while stop > first + 1 and FATHATAN in raw[stop - 1]:
                stop -= 1
            if FATHATAN in raw[first] and stop == first + 1:
                continue
        out.append((first, stop, lead, kind))
    return out
