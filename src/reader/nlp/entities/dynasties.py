"""A numbered dynasty is an organisation: «الأسرة الخامسة», «الأسرة المصرية العشرون».

The Egyptology articles of large-01 date everything by dynasty, «الأسرة الرابعة», «الأسرة
السابعة عشر», «والأسرة الخامسة والعشرون», and the tagger, which never met one in newswire, left
them untagged. Dynasties are organisations (as «السلالة الأخمينية» in the outside dev set's
rules). A definite «الأسرة» or «السلالة» (a clitic allowed) followed by an ordinal, maybe
after a country's adjective («الأسرة المصرية التاسعة»), is one, with the «عشرة» or the
«والعشرون» of a compound ordinal. An adjective alone is not enough: «السلالة الآسيوية» is the
Asian breed of lion in ANERcorp, «الأسرة الدولية» the international family.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.gazetteer import country_of_nisba
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import normalised_words

__all__ = ["numbered_dynasties"]


_HEADS = normalised_words("الأسرة السلالة")
_FORMS: dict[str, int] = {head: 0 for head in _HEADS}
_FORMS.update({clitic + head: len(clitic) for head in _HEADS for clitic in ("و", "ف", "ب", "ك")})
_FORMS.update({"لل" + head[2:]: 0 for head in _HEADS})

_ORDINALS = normalised_words(
    "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة العاشرة الحادية "
    "الواحدة العشرون العشرين الثلاثون الثلاثين"
)
"""Feminine ordinals (a dynasty is feminine) and the tens written alone («الأسرة العشرون»)."""

_TEENS = normalised_words("عشرة عشر")
_TENS = normalised_words("والعشرون والعشرين والثلاثون والثلاثين")
_SECOND_WORDS = _TEENS | _TENS
"""The second word of a compound ordinal («السابعة عشر», «الخامسة والعشرون»)."""


def numbered_dynasties(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with each numbered dynasty no span touches added as an organisation."""
    if _FORMS.keys().isdisjoint(words):
        return spans  # the common case, at C speed
    n = len(words)
    heads = [k for k, word in enumerate(words[:-1]) if word in _FORMS]
    if not heads:
        return spans
    covered = covered_words(spans)
    out = list(spans)
    for k in heads:
        j = k + 1
        if j < n - 1 and words[j].startswith("ال") and country_of_nisba(words[j]) is not None:
            j += 1  # «الأسرة المصرية التاسعة»
        if words[j] not in _ORDINALS:
            continue
        stop = j + 1
        if stop < n and words[stop] in _SECOND_WORDS:
            stop += 1
        if any(i in covered for i in range(k, stop)):
            continue
        out.append((k, stop, _FORMS[words[k]], "ORGANIZATION"))
        covered.update(range(k, stop))
    return sorted(out)
