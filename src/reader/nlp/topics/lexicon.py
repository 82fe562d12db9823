"""Which written forms may label a theme: never a bare adjective, a verb, a number, a unit or
currency, or a filler noun of news prose; and which keys are one word's singular and broken
plural (`singular_keys`).

The word kinds come from `reader/nlp/data/topics-lexicon-ar.tsv.gz`, measured over 1,932 Arabic
Wikipedia articles by `training/build_topic_lexicon.py` (agreement after a definite noun for
adjectives, the verbal particles and the absent article for verbs, the number before a word for
units, keyness across documents for filler nouns). Persian and Urdu have no such table: their
labels are only kept free of numbers.
"""

from __future__ import annotations

import gzip
import itertools
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from reader.nlp.normalise import has_tanween
from reader.nlp.stem import fold, strip_marks

__all__ = ["bare_form", "is_name_like", "label_fault", "singular_keys", "word_kind"]

_ARTICLE = re.compile("^(?:[وف]?[بك]?ال|[وف]?لل)(?=..)")
_NISBA = re.compile("..(?:يه|يين|يون|يات)$")
_POSSESSIVE = re.compile("(?:ه|ها|هم|هما|هن|كم)$")
"""A pronoun glued to the end of a word («أصواته», «شركتها»): «his votes» is no subject (a word
ending in ة, folded to ه elsewhere, is checked as written here)."""


_VERB_ENDINGS = ("كم", "ها", "هم", "نا", "وا", "ك", "ه", "ا")
"""Pronouns glued to the end of a verb, object or subject (folded: «ة» reads «ه»), longest
first: «يمكنك», «جعلنا», «اتخذوا», «انطلقا»."""


_IMPERFECT_PLURAL = re.compile("ي...+(?:ان|ون)$")
"""«يـ…ان», «يـ…ون» in six letters or more: an imperfect verb of two or more («يصادفان»,
«يقولون»). Of the 44 such forms the lexicon measured over large-01, 40 are verbs; the others
are a nisba's plural («يونانيون», kept apart by its «يون») and two names of five letters
(«يابان», «يونان»)."""


NEWS_FILLER = frozenset(fold(w) for w in ["خدمة", "شركتين", "مقارنة", "تطبيق", "مستوى", "إطار"])
"""Filler nouns of news prose the measurement over encyclopaedia articles misses (it finds
«المستوى» and «الإطار», but a company is a subject in an article about companies): the ones
a reader of the news texts named, added by hand."""


PREPOSITIONS = frozenset({"داخل", "بداخل"})
"""Words of place that open no label («داخل الحزب», inside the party, was one in large-01) yet
stay words of the text: as a stop word «داخل» broke «القتال داخل المدينة» and, counted out
of a long text, shifted every keyness enough to swap wiki-stalingrad's 8th and 9th themes.
(«تحت», «فوق», «وراء», «خارج» are stop words, `reader.nlp.stopwords`; of them only «تحت» and
«فوق» may stand inside a phrase.)"""


VOCATIVE = "يا"
"""The vocative particle: a phrase holding it is a call (a song's or an
anthem's line: «يا أرضنا العزيزة» in large-01's Russian anthem), no subject."""


ORDINALS = frozenset({"اول", "اولي", "ثاني", "ثانيه"})
"""The ordinals that end names («الحرب العالمية الثانية», `words.NAMING_ORDINALS`): stop words
when the table was measured, so not in it; adjectives (no label starts with one)."""


LATER_ORDINALS = frozenset(
    fold(w)
    for stem in ["ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"]
    for w in (stem, stem + "ة")
)
"""Ordinals from the third on, which the table measured as common nouns: after an adjective
they still qualify the same noun («الجيش الألماني السادس»)."""


@cache
def _kinds(language: str) -> dict[str, str]:
    path = resources.files("reader.nlp") / "data" / f"topics-lexicon-{language}.tsv.gz"
    if not path.is_file():
        return {}
    kinds: dict[str, str] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            form, kind, _ = line.split("\t", 2)
            kinds[form] = kind
    if language == "ar":
        kinds.update(dict.fromkeys(NEWS_FILLER, "filler"))
        kinds.update(dict.fromkeys(ORDINALS, "adjective"))
    return kinds


@cache
def _singulars(language: str) -> dict[str, str]:
    """Broken plural keys and their singular's key (`topics-variants-*.tsv`), or none."""
    path = resources.files("reader.nlp") / "data" / f"topics-variants-{language}.tsv"
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t")[:2] for line in lines if line and not line.startswith("#"))


def singular_keys(keys: frozenset[str], language: str = "ar") -> frozenset[str]:
    """``keys`` (stems) with each measured broken plural replaced by its singular's key:
    «اغان» (أغان, الأغاني) by «اغن» (الأغنية), which the light stemmer keeps apart. The pairs
    were measured over Wikipedia articles (`training/build_topic_variants.py`): of the key
    pairs shaped like a plural and its singular, those used alike."""
    table = _singulars(language)
    return frozenset(table.get(key, key) for key in keys) if table else keys


def _bare(word: str) -> tuple[str, bool]:
    """The folded word without the article (and what is glued before it); whether it had one."""
    folded = fold(word)
    match = _ARTICLE.match(folded)
    return (folded[match.end() :], True) if match else (folded, False)


def bare_form(word: str) -> str:
    """The folded word without the article and what is glued before it («والمضعّفة» →
    «مضعفه»): the form the lexicon is keyed by."""
    return _bare(word)[0]


def _kind_of(form: str, kinds: dict[str, str]) -> str | None:
    """The kind of a bare form; a nisba adjective is one in all its forms: when «سوفياتي» is
    measured an adjective, so are «سوفياتية», «سوفياتيين», «سوفياتيون». An unmeasured form
    read from a measured one: a verb with a glued pronoun, an imperfect of two or more, the
    future («سـ» before a measured imperfect), a past plural («ـوا» after a measured word:
    over 6 MB of large-01 every such form but a misspelt «مؤرخوا» is a verb), a filler's or
    unit's dual in «ـين» (not «ـان»: «ميلان» is Milan, not two miles), a verb of four letters or
    more with «و» (and) glued before it (an unmeasured form only: «وادي» is measured)."""
    if form.endswith("ات") and kinds.get(form[:-2] + "ه") == "filler":
        return "filler"  # «الخدمات» as «الخدمة»
    kind = kinds.get(form)
    if kind is not None and kind != "noun":
        return kind  # a noun, measured on few occurrences, may still be a nisba's feminine
    for ending in ("يه", "يين", "يون", "يات"):
        if (
            form.endswith(ending)
            and len(form) > len(ending) + 2
            and kinds.get(form[: -len(ending)] + "ي") == "adjective"
        ):
            return "adjective"
    if kind is None:
        if form.startswith("و") and len(form) >= 5 and kinds.get(form[1:]) == "verb":
            return "verb"  # «وانتدب», «ويتفرع»: «و» glued to a measured verb of four letters+
        for pronoun in _VERB_ENDINGS:
            rest = form[: -len(pronoun)]
            if form.endswith(pronoun) and len(rest) > 2 and kinds.get(rest) == "verb":
                return "verb"  # «يمكنك», «جعلنا»: a measured verb with a glued pronoun
        if _IMPERFECT_PLURAL.match(form) and not form.endswith(("يون", "يان")):
            return "verb"  # «يصادفان», «يقولون»
        if len(form) >= 4 and form[0] == "س" and form[1] in "يتن":
            imperfect = "ي" + form[2:]
            if kinds.get(imperfect) == "verb" or (
                imperfect.endswith(("ان", "ون")) and kinds.get(imperfect[:-2]) == "verb"
            ):
                return "verb"  # the future: «ستقدم» (she will offer) of «يقدم», «ستقدمان»
        if len(form) >= 5 and form.endswith("وا") and form[:-2] in kinds:
            return "verb"  # a past plural: «تدربوا» (they trained) of «تدرب»
        if len(form) > 4 and form.endswith("ين"):
            base = form[:-2]
            single = kinds.get(base) or (kinds.get(base[:-1] + "ه") if base[-1] == "ت" else None)
            if single in ("filler", "unit"):
                return single  # a dual: «أسبوعين» (two weeks), «دقيقتين» (two minutes)
    return kind


def word_kind(word: str, language: str = "ar") -> str | None:
    """The kind of a word: "adjective", "verb", "unit", "filler" (never a label alone),
    "common" (a common noun: no label alone without its article), "noun" (the same, measured
    on fewer occurrences), else None."""
    return _kind_of(_bare(word)[0], _kinds(language))


def label_fault(form: str, language: str = "ar") -> str | None:
    """Why ``form`` cannot label a theme ("number", "adjective", "verb", "unit", "filler",
    "common", "pronoun", "indefinite", "phrases", "short"), or None when it can: no word may be
    a number; the first word may not carry a tanween (an indefinite noun or adverb:
    «افتراضيًا»); the first word may not be a verb, a unit or an adjective (a noun phrase starts
    with its noun), the last not a verb or a unit, nor either end a verb by its written vowels
    («كَفَرُوا»); a single word may not be a filler noun, nor a common noun, a word of two
    letters («قُل») or a word with a pronoun glued to it written without the article; a phrase
    may not open with a relation's noun and its pronoun («عمه محمود», his uncle Mahmoud) or a
    verb and its object («رواه الكشّي»), nor hold an imperfect verb of two or more between
    its ends («جول وايلي يصادفان توماس»); a phrase with no article anywhere must hold a word
    that may be a name («مارك زوكربيرغ», «معركة ستالينغراد»): one of common words only
    («سيدة بريطانية») is a description or a fragment cut from its iḍāfa («أخطر أنواع»
    [السرطان]), no subject; and a definite noun may not follow a definite adjective
    (`_two_phrases`: two phrases the chunker ran together), nor open with a word of place
    (`PREPOSITIONS`: «داخل الحزب»)."""
    words = form.split()
    if not words or any(ch.isdigit() for ch in form):
        return "number"
    kinds = _kinds(language)
    first = _kind_of(_bare(words[0])[0], kinds)
    if first in ("verb", "unit", "adjective"):
        return first
    if len(words) > 1 and first in (None, "common", "noun") and _masculine_nisba(words[0], kinds):
        return "adjective"  # «الحبشي هيلاسلاسي»: an adjective before the name it describes
    if language == "ar" and fold(strip_marks(words[0])).lstrip("وف") in PREPOSITIONS:
        return "phrases"  # «داخل الحزب»: a place in something, no subject
    if _PLURAL_VERB.search(words[0]) or _PLURAL_VERB.search(words[-1]):
        return "verb"
    if (
        language == "ar"
        and len(words) == 1
        and not is_definite(words[0])
        and len(_bare(words[0])[0]) <= 2
    ):
        return "short"  # «قُل» (say), «كن»: a word of two letters alone is no subject
    if first == "filler" and all(_bare(w)[0] in ORDINALS for w in words[1:]):
        return first  # «المستوى», and with an ordinal only: «المرة الأولى» (for the first time)
    if len(words) == 1 and first in ("common", "noun") and not is_definite(words[0]):
        return "common"  # «اكتشاف», «نجم»: a common noun without its article names nothing
    if (
        len(words) == 1
        and first in (None, "noun")
        and is_definite(words[0])
        and _NISBA.search(_bare(words[0])[0])
    ):
        # A feminine or plural nisba too rare to be measured: «التكنولوجية»; a word measured
        # as a noun with that ending is none («الأغنية»).
        return "adjective"
    if len(words) == 1 and first in ("common", "noun") and _masculine_nisba(words[0], kinds):
        return "adjective"
    last = _kind_of(_bare(words[-1])[0], kinds)
    if last in ("verb", "unit"):
        return last
    if _two_phrases(words, kinds) or any(fold(word) == VOCATIVE for word in words):
        # «يا تليفزيون يا», «يا ارضنا العزيزة», «ناصر يا ناصر»: a call, a line of a song
        return "phrases"
    if has_tanween(words[0]) or _unmarked_accusative(words[0], kinds, len(words) == 1):
        return "indefinite"  # «افتراضيًا» (by default), «عضوًا»: an accusative heads no entry
    if any(
        _unmarked_accusative(w, kinds, i == len(words) - 1) or _ACCUSATIVE in w
        for i, w in enumerate(words[1:], 1)
    ):
        return "phrases"  # «عابدين مقرا», «كروسبي واحدًا»: an accusative ends no noun phrase
    if len(words) == 1 and not is_definite(words[0]):
        if _POSSESSIVE.search(strip_marks(words[0])):
            return "pronoun"  # as written, harakat aside: «رَبِّهِمْ» as «ربهم»
        bare = _bare(words[0])[0]
        if bare.endswith("ك") and _kind_of(bare[:-1], kinds) in ("common", "noun"):
            return "pronoun"  # «ربك» (your lord): a measured noun with «ك»; «فيسبوك» is none
    if not is_definite(words[0]) and _verb_with_object(_bare(words[0])[0], kinds):
        return "verb"  # «رواه الكشّي» (al-Kashshi narrated it)
    if any(_IMPERFECT_PLURAL.match(_bare(w)[0]) for w in words[1:-1]):
        return "phrases"  # «جول وايلي يصادفان توماس»: two names and the verb between them
    if len(words) > 1 and _possessed(words[0], kinds):
        return "pronoun"  # «عمه محمود» (his uncle Mahmoud), «أستاذه طاليس»: a relation, no entry
    if (
        kinds  # Persian and Urdu have no article and no table: not checked
        and len(words) > 1
        and not any(is_definite(w) for w in words)
        and not any(_name_like(w, kinds) for w in words)
    ):
        return "indefinite"  # «سيدة بريطانية», «صيغة توافقية», «أخطر أنواع»: no name in it
    return None


_MARKS = "[\u064b-\u065f\u0670\u06d6-\u06ed]*"

_ACCUSATIVE = "\u064b"
"""The tanween of the accusative (fathatan): after a label's first word, a predicate or an
adverb («كروسبي واحدًا», Crosby [became] one), no part of the noun phrase; a genitive's
tanween may end one in a voweled text («جَنَّـٰتُ عَدْنٍ»)."""

_PLURAL_VERB = re.compile(f"\u064f\u0648{_MARKS}\u0627{_MARKS}$")
"""«ـُوا» at the end: the plural ending of a past, imperative or jussive verb as a voweled text
writes it («كَفَرُوا», «كَفَرُوٓا۟»); a name ending in «وا» has no damma before its waw
(«نِيكَارَاغْوَا»)."""


def _verb_with_object(form: str, kinds: dict[str, str]) -> bool:
    """Whether a folded word without the article is a measured verb ending in «ى» with an
    object pronoun, the «ى» written «ا» before it: «رواه» (narrated it) of «روى», «أعطاها».
    Asked of a word without the article only: «الشفاه» (the lips) is no «شفى» + «ه»."""
    for pronoun in ("ها", "هم", "ه"):
        rest = form[: -len(pronoun)]
        if form.endswith(pronoun) and len(rest) > 2 and rest.endswith("ا"):
            return kinds.get(rest[:-1] + "ي") == "verb"
    return False


def _possessed(word: str, kinds: dict[str, str]) -> bool:
    """Whether a word without the article is a measured noun with a possessive pronoun glued
    to it: «عمه» (his uncle), «أستاذه», «زوجته» («زوجة» with «ه»). Read as written,
    harakat aside: a feminine «ة» is no pronoun («ابنة», «أستاذة»), and a word or name whose
    own last letter is «ه» leaves no measured noun («طه», «نزيه», «اتجاه»). A longer pronoun
    leaves three letters at least: «أدهم» (a name) is no «أد» + «هم»."""
    written = strip_marks(word)
    match = _POSSESSIVE.search(written)
    if not match or is_definite(word):
        return False
    rest = fold(written[: match.start()])
    if rest.endswith("ت"):
        rest = rest[:-1] + "ه"
    shortest = 2 if match.group() == "ه" else 3  # «عمه», but «أدهم» is no «أد» + «هم»
    return len(rest) >= shortest and kinds.get(rest) in ("common", "noun", "filler")


def _unmarked_accusative(word: str, kinds: dict[str, str], last: bool = False) -> bool:
    """Whether a word is an indefinite accusative written without its tanween: a common noun
    the lexicon measured, with the alif that carries the tanween («رئيسا» for «رئيساً», as
    president; «مقرا», as a seat), the word with that alif never measured. Countries written
    with a final alif are no such word: what is left is a nisba or nothing («سوريا»,
    «كندا»). A noun measured on few occurrences counts only in the ``last`` word of a label
    (or the only one) and not before «ـيا» («آسيا»): «وزيرا» (as minister), «جلس اسقفا» (he
    sat as bishop); a name's middle word keeps its alif («كنيسة بآتا مريم»), and a place the
    tagger names keeps its label («يافا», `labels.choose_label`)."""
    folded = fold(strip_marks(word))
    if len(folded) < 4 or not folded.endswith("ا") or _kind_of(folded, kinds) is not None:
        return False
    base = kinds.get(folded[:-1])
    rare = last and base == "noun" and not folded.endswith("يا")
    return base in ("common", "filler") or rare


def _two_phrases(words: Sequence[str], kinds: dict[str, str]) -> bool:
    """Whether a definite common noun, with nothing glued before its article, comes right
    after a definite adjective: a noun phrase ends with its adjectives, and a definite noun
    heads no iḍāfa complement, so the noun starts another phrase the chunker ran on into
    («النوع الثاني الطحالب الثابتة»: the second kind, the fixed algae). A word glued to «ل»
    goes on as a complement («المجلس الأعلى للقوات»); an ordinal qualifies the same noun
    («الجيش الألماني السادس»), and so may a participle measured as a noun (its «م»:
    «الائتلاف السوري المعارض», the opposition coalition)."""
    for before, word in itertools.pairwise(words):
        bare, definite = _bare(word)
        if (
            definite
            and fold(word).startswith("ال")
            and bare not in LATER_ORDINALS
            and not bare.startswith("م")
            and _kind_of(bare, kinds) in ("common", "noun")
            and is_definite(before)
            and _kind_of(_bare(before)[0], kinds) == "adjective"
        ):
            return True
    return False


def _masculine_nisba(word: str, kinds: dict[str, str]) -> bool:
    """Whether ``word``, with the article, is written as a masculine nisba («الموسيقي», with
    yeh, not alef maqsura) whose feminine is a measured adjective («موسيقية»): the adjective
    itself, or a person it describes («الموسيقي اللبناني», the musician, standing for the
    name). The table keys words folded, alef maqsura as yeh, so the measured kind of
    «موسيقي» is that of «الموسيقى» (music), a noun: the feminine decides. The cost: a nisba
    used as a noun of its own is rejected too («الثنائي», the duo, in wiki-sheikh-imam, no
    label there before or after)."""
    bare, definite = _bare(word)
    written = strip_marks(word)
    return (
        definite
        and written.endswith("ي")
        and len(bare) > 3
        and kinds.get(bare[:-1] + "يه") == "adjective"
    )


def _name_like(word: str, kinds: dict[str, str]) -> bool:
    """Whether a word written without the article may be (part of) a name: it has letters,
    was never measured as any kind (a name is seldom written with the article; «مارك»,
    «ستالينغراد», «أحمد»), and is not shaped like a nisba adjective («توافقية»)."""
    bare = _bare(word)[0]
    return (
        any(ch.isalpha() for ch in bare)
        and _kind_of(bare, kinds) is None
        and not _NISBA.search(bare)
    )


def is_name_like(label: str, language: str = "ar") -> bool:
    """Whether a label is written as a name: no word carries the article and every word may
    be part of a name (`_name_like`: «صافيناز», «مارك زوكربيرغ»; not «سيدة بريطانية») and has
    at least three letters (an unmeasured two-letter word is a clipped noun more often than a
    name: «ضم», annexing, in «ضم هولندا») and no tanween (an indefinite noun: «شعاراً»).
    Persian and Urdu have no article and no table: never."""
    kinds = _kinds(language)
    words = label.split()
    return bool(kinds and words) and all(
        not is_definite(w) and _name_like(w, kinds) and len(_bare(w)[0]) >= 3 and not has_tanween(w)
        for w in words
    )


def is_definite(word: str) -> bool:
    """Whether an Arabic-script word carries the article."""
    return _bare(word)[1]
