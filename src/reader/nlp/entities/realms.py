"""The realm between a sovereign's title and his name is a place: «ملك الصقليتين فرديناند الأول».

Arabic writes "Ferdinand I, King of the Two Sicilies" as the title in the construct state, the
realm, then the name: «ملك الصقليتين فرديناند», «دوق بارما فيليب». The tagger, which learnt the
definite title before a name («الملك فيصل»), left the realm untagged when it did not know it,
or read a realm it knew as a place as a given name joined to the person after it («بارما
فيليب»). The one word between an indefinite title of a realm's sovereign and a person is the
realm, a place; a known place at the start of the person's span after such a title is cut off
it and is a place. Not «ملك لويس السادس» (the person right after the title: «لويس» is no
known place), nor «أمير المؤمنين عمر» («أمير» and «سلطان» head other things than realms: the
faithful, poets, pilgrims).

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.nlp.entities.gazetteer import country_of_nisba, is_function_word
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import has_tanween, normalised_words

__all__ = ["MILITARY_RANKS", "REALM_TITLES", "realms_before_sovereigns"]


REALM_TITLES = normalised_words(
    "ملك ملكة دوق دوقة كونت كونتيسة إمبراطور إمبراطورة قيصر أرشيدوق ماركيز عاهل"
)
"""Indefinite titles of a realm's sovereign: in the construct state, the realm comes next."""

_TITLE_FORMS = frozenset(
    {title for title in REALM_TITLES}
    | {clitic + title for title in REALM_TITLES for clitic in ("و", "ف", "ل", "ب", "ك")}
)
"""The titles alone or with one glued clitic («وشقيق ملك», «ودوق»)."""

_NISBA_ENDINGS = ("ي", "ى", "يه")

MILITARY_RANKS = normalised_words(
    "اللواء العميد العقيد المقدم الرائد النقيب الفريق المشير المارشال"
)
"""Military ranks: a person's title that the title lists of the span rules leave out."""


def _realm_word(raw: str, word: str, title: Callable[[str], bool]) -> bool:
    """Whether a word can name a realm: letters, no function word, no tanween, no nisba
    adjective («ملك نوبى», a Nubian king), no title («مخزن ملك اللواء إسماعيل», the property
    of Major General Ismail)."""
    return (
        word.isalpha()
        and len(word) > 2
        and not is_function_word(word)
        and not has_tanween(raw)
        and country_of_nisba(word) is None
        and not word.endswith(_NISBA_ENDINGS)
        and word not in _TITLE_FORMS
        and word not in MILITARY_RANKS
        and not title(word)
    )


def realms_before_sovereigns(
    raw: Sequence[str],
    words: Sequence[str],
    spans: list[Span],
    known_place: Callable[[str], bool],
    title: Callable[[str], bool],
) -> list[Span]:
    """``spans`` with the realm after a sovereign's title made a place: an untagged word
    between the title and a person, or a known place (``known_place``: not a given name too,
    «ملكة جمال العالم» is Miss World) that opens a person's span right after the title and is
    cut off it, when what is left starts as a name does, without the article («دوق بارما
    فيليب», not «جمال العالم»). ``title`` says a word is a title of a person."""
    if _TITLE_FORMS.isdisjoint(words):
        return spans  # the common case, at C speed
    titles = [k for k, word in enumerate(words[:-2]) if word in _TITLE_FORMS]
    if not titles:
        return spans
    by_start = {s[0]: s for s in spans}
    covered = covered_words(spans)
    out = list(spans)
    for k in titles:
        realm = k + 1
        if k in covered or not _realm_word(raw[realm], words[realm], title):
            continue
        after = by_start.get(realm + 1)
        if realm not in covered and after is not None and after[3] == "PERSON":
            out.append((realm, realm + 1, 0, "LOCATION"))  # «ملك الصقليتين | فرديناند»
            covered.add(realm)
            continue
        span = by_start.get(realm)
        if (
            span is not None
            and span[3] == "PERSON"
            and span[1] - span[0] >= 2
            and known_place(words[realm])
            and not words[realm + 1].startswith("ال")
        ):
            out.remove(span)  # «دوق | بارما فيليب» → «بارما» | «فيليب»
            out.append((realm, realm + 1, span[2], "LOCATION"))
            out.append((realm + 1, span[1], 0, "PERSON"))
    return sorted(out)
