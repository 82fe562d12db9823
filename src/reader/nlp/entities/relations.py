"""A noun of kinship or relation with a possessive pronoun is no part of a person's name.

Arabic names the person after a relation noun that carries the pronoun of whom it relates
to: «ونجليه علاء» ("and his two sons Alaa"), «ووالده الخرشي», «بتلميذه تادرس», «منافسيه
موفق». A name never carries a possessive pronoun, so such a word at the start of a person's
span is outside it, as a title is. The nouns are a closed class of the language (family,
teachers and pupils, friends, colleagues, rivals); the word is recognised by its shape: an
optional «و»/«ف» and «ب»/«ل», the noun (singular, its broken plural, or the dual or sound
plural in construct: «نجلا»/«نجلي», «منافسو»/«منافسي»; «ة» written «ت»), then a pronoun
suffix. The bare noun («نجل الرئيس») is left to the tagger.
"""

from __future__ import annotations

from functools import lru_cache

from reader.nlp.normalise import normalised_words

__all__ = ["possessed_relation"]

RELATION_NOUNS = normalised_words(
    "ابن بنت نجل ولد والد والدة أب أم زوج زوجة أخ أخت شقيق شقيقة عم عمة خال خالة جد جدة "
    "حفيد حفيدة صهر حماة تلميذ تلميذة طالب أستاذ أستاذة معلم شيخ مساعد صديق صديقة زميل "
    "زميلة رفيق رفيقة منافس خصم غريم حليف "
    "أبناء بنات أنجال أولاد آباء إخوة إخوان أخوات أشقاء أعمام أخوال أجداد أحفاد أصهار "
    "تلاميذ طلاب أساتذة شيوخ أصدقاء زملاء رفاق خصوم حلفاء"
)
"""Nouns of kinship or relation (normalised: «ة» is «ه»), singular and broken plural."""

PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كما", "كم", "كن", "ك", "نا")
"""Possessive pronoun suffixes, longest first («ي», "my", is left out: many names end in it)."""

_CONSTRUCT_ENDINGS = ("", "ا", "و", "ي")
"""What the noun may end with before the suffix: nothing, or the dual's or the sound plural's
ending in construct («نجلاه», «منافسوه», «نجليه»)."""

_FIVE_NOUNS = normalised_words("أب أخ")
"""The short nouns that lengthen before a suffix («أبوه», «أباه», «أبيه», «أخيه»); any other
two-letter noun with such a letter is a name («أمية»)."""

_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")


@lru_cache(maxsize=4096)
def possessed_relation(word: str) -> bool:
    """Whether a normalised word is a relation noun with a possessive pronoun («ونجليه»,
    «ووالده», «بتلميذه», «زوجتيهما», «أبونا»)."""
    for proclitic in _PROCLITICS:
        if not word.startswith(proclitic):
            continue
        rest = word[len(proclitic) :]
        for suffix in PRONOUN_SUFFIXES:
            if len(rest) <= len(suffix) + 1 or not rest.endswith(suffix):
                continue
            stem = rest[: -len(suffix)]
            for ending in _CONSTRUCT_ENDINGS:
                if ending and not stem.endswith(ending):
                    continue
                noun = stem[: len(stem) - len(ending)]
                if ending and len(noun) < 3 and noun not in _FIVE_NOUNS:
                    continue  # «أمية» is a name, not «أم» + «ي» + «ه»
                if noun in RELATION_NOUNS:
                    return True
                # «ة» (normalised «ه») is written «ت» before a suffix: «زوجته», «زوجتيهما».
                if noun.endswith("ت") and noun[:-1] + "ه" in RELATION_NOUNS:
                    return True
    return False
