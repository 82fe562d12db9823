"""A name right after a kind-of-place noun is a place, not a person: «منطقة ماسبيرو».

«مدينة», «منطقة», «حي», «شارع», «ميدان», «قرية», «مبنى»… say what kind of place the name after
them is, and ANERcorp's annotators tag that name a place (in the train split, 100 of 101 names
after «مدينة», 45 of 46 after «منطقة», all after «حي», «شارع» and «قرية»), a street or a square
named after a person included («شارع قوانغتا», «ميدان بيت القاضي»). The tagger read a foreign
word there as a person: «ماسبيرو» (the state television building in Cairo) in «منطقة ماسبيرو»,
«مبنى ماسبيرو» was a person, 17 times in its article. A person's span right after one of these
heads is retyped a place («شارع مكرم عبيد», «ميدان عبد المنعم رياض»: the street and the square
named after them, not the men). Not «ولاية» (also a term of office: «ولاية صالح الأخيرة»), nor a
person the head's word is glued to another way.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import normalised_words

__all__ = ["NAMED_AFTER_HEADS", "PLACE_HEADS", "SETTLEMENT_HEADS", "places_after_heads"]


SETTLEMENT_HEADS = normalised_words("كفر نجع عزبة كوم")
"""The first words of Egyptian village and town names («كفر الشيخ», «نجع الطويسة», «عزبة
الدابودية», «كوم امبو»), often named after a person («عزبة عبد الحميد جبريل»): part of the
place's name, which ANERcorp's annotators tag a place with them («وكفر شوبا»). The tagger read
them as organisations («كوم امبو» ×10, «نجع الشيخ فضل») or other names («عزبة جمعة»). Unlike
`NAMED_AFTER_HEADS`, not heads that alone name nothing in the grouping: «كوم» alone is also a
surname («جان كوم», WhatsApp's founder, in news-04)."""

PLACE_HEADS = (
    normalised_words("مدينة منطقة حي شارع ميدان قرية بلدة محافظة مقاطعة مبنى ضاحية")
    | SETTLEMENT_HEADS
)
"""Indefinite nouns of a kind of place: the name after one is that place's."""

NAMED_AFTER_HEADS = normalised_words("شارع ميدان مبنى")
"""Heads of a street, a square or a building, often named after a person: the place's name
keeps its head («شارع مكرم عبيد»), so that the document's grouping keeps the street apart from
the man («ومكرم عبيد وآخرين», the politician, in the street's own article)."""

_FORMS = frozenset(
    PLACE_HEADS | {clitic + head for head in PLACE_HEADS for clitic in ("و", "ب", "ل", "ف", "وب")}
) - normalised_words("وحي فحي لحي")
"""The heads alone or after a clitic; not «وحي» (revelation: «وحي ناموس موسى»), «فحي», «لحي»."""


_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "MISC"})

MAX_WORDS = 3
"""Most words of a place named after a person («شارع عبد المنعم رياض»): a longer span after
the head is the place and a person run together by the tagger («محافظة صلاح الدين أحمد ناجي
جبارة الجبوري», the governor of Salahuddin), left as it is."""


def places_after_heads(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with each person right after a kind-of-place noun retyped a place, and each
    name that opens with a settlement's head («كوم امبو») a place."""
    if _FORMS.isdisjoint(words):
        return spans  # the common case, at C speed
    covered = covered_words(spans)
    out: list[Span] = []
    for a, b, lead, kind in spans:
        if b - a > 1 and kind in _NAME_TYPES and _bare_head(words[a]) in SETTLEMENT_HEADS:
            out.append((a, b, len(words[a]) - len(_bare_head(words[a])), "LOCATION"))
            continue
        head = a - 1
        if (
            kind == "PERSON"
            and b - a <= MAX_WORDS
            and head >= 0
            and head not in covered
            and words[head] in _FORMS
        ):
            kind = "LOCATION"
            bare = _bare_head(words[head])
            if bare in NAMED_AFTER_HEADS or bare in SETTLEMENT_HEADS:
                a, lead = head, len(words[head]) - len(bare)
        out.append((a, b, lead, kind))
    return out


def _bare_head(word: str) -> str:
    """The head without its glued clitic («بشارع» → «شارع»)."""
    if word in PLACE_HEADS:
        return word
    for clitic in ("وب", "و", "ب", "ل", "ف"):
        if word.startswith(clitic) and word[len(clitic) :] in PLACE_HEADS:
            return word[len(clitic) :]
    return word
