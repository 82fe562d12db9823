"""Two persons side by side, nothing between them, are one person: «الملك الظاهر | جقمق»,
«إدوارد | المعترف», «عبد الفتاح | سعيد حسين خليل السيسي».

The tagger sometimes opens a second name where one goes on: after a regnal title or a compound
given name («المنصور | علاء الدين | علي بن شعبان»), before an epithet («إدوارد المعترف»), a
foreign surname («جان كلود أدريان | هلفشيوس») or a father's name. Two people are never written
side by side without a «و» or a punctuation mark between them, and ANERcorp's annotators draw
one name there (train split: 172 persons right after another, 152 of them opening with a glued
«و», «ل», «ب» or «ف»; of the 20 others, most are slips of one name cut in two: «صلاح الدين |
الأيوبي», «سوزان | مبارك»).
So a person that starts where another ends joins it, unless it opens with «و» (a list: «بوش
وبلير»), with «لل» or another glued preposition that is no part of a name («تيس | لجول», "to
Joel": the word is no listed name, where «بول» and «لويس» are), with a Latin letter (the name's
own spelling after it: «فيكتور راسكين Victor Raskin»), or repeats it word for word; nor
where a title or a role stands at the join or opens the first («للمخرج | سيدهارث أناند», the
film's director; «باخوميوس | مطران البحيرة», the bishop): a title alone taken for a person is
the tagger's error, the name after it is right; nor after a lone nisba («السلطان العثماني |
أحمد الثالث»: the Ottoman); nor a full name after a person that itself opens with «و» (a
list: «وأنان | محمود عباس», where «وكوفي | أنان» is one man).

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.nlp.entities.spans import Span

__all__ = ["adjacent_people"]

_PREPOSITIONS = ("ب", "ل", "ف", "ك")
"""Letters that glue a preposition or a conjunction to the word they open («بجون»)."""


def _nisba(word: str) -> bool:
    """A definite nisba, a dynasty's or a country's adjective («العثماني»), not a name."""
    return len(word) > 4 and word.startswith("ال") and word.endswith(("ي", "يه"))


def _opens_apart(raw: str, word: str, listed: Callable[[str], bool]) -> bool:
    """Whether a person's first word says it is a second person, not the rest of a name."""
    if not raw[:1].isalpha() or raw[:1].isascii():
        return True
    if word.startswith(("و", "لل")):
        return True
    return word.startswith(_PREPOSITIONS) and not listed(word)


def adjacent_people(
    raw: Sequence[str],
    words: Sequence[str],
    spans: list[Span],
    listed: Callable[[str], bool],
    title: Callable[[str], bool],
) -> list[Span]:
    """``spans`` with each person that starts where another ends joined to it (see the
    module). ``listed(word)`` says a normalised word is a listed person's name word,
    ``title(word)`` that it is a title or a role, a glued clitic allowed («للمخرج»)."""
    out: list[Span] = []
    for span in sorted(spans):
        first, stop, _, kind = span
        if out and kind == "PERSON":
            a, b, lead_a, kind_a = out[-1]
            if (
                kind_a == "PERSON"
                and b == first
                and not _opens_apart(raw[first], words[first], listed)
                and words[a:b] != words[first:stop]
                and not any(title(words[k]) for k in (a, b - 1, first))
                and not (b - a == 1 and _nisba(words[a]))
                and not (stop - first > 1 and _opens_apart(raw[a], words[a], listed))
            ):
                out[-1] = (a, stop, lead_a, kind)
                continue
        out.append(span)
    return out
