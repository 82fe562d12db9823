"""Turn a sentence of words into the feature strings the CRF tagger sees.

The same code builds features for training (``training/train_ner.py``) and for tagging, so a
model and its features can never drift apart. Each word gets a set of *own* features that depend
only on the word (its normalised form, affixes, clitic-stripped stem, word-cluster ids, gazetteer
and trigger-word classes); a token's features are the own features of the words in a ±2 window,
each prefixed with its offset, plus a few word-pair features. Own features are cached per word,
so tagging a long text costs little more than a dictionary look-up per token.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from reader.nlp.normalise import normalise

__all__ = [
    "WINDOW",
    "WORDS_CACHED",
    "FeatureExtractor",
    "folded",
    "is_name_link",
    "is_person_trigger",
    "strip_clitics",
]

#: How many words on each side of a token contribute features.
WINDOW = 2

WORDS_CACHED = 1 << 14
"""How many words each per-word cache of the tagger's helpers keeps (`folded`, `strip_clitics`,
`reader.nlp.entities.memory.word_keys`, `reader.nlp.entities.foreign.foreign_score`), least
recently used first out. A text's vocabulary grows with it (63,000 distinct words in 4 MB of
Wikipedia), so at 65,536 these filled up with the document: about 0.5 KB a word in all. At
16,384, 22 % of the words of 4 MB of prose are misses (16 % at 65,536), each a few microseconds."""

# How many distinct words keep their features cached (about 5 KB each, so at most ~40 MB). The
# first words met fill it; in running text those include the frequent ones that make up most
# tokens, and rarer words are simply recomputed.
_CACHE_WORDS = 8_000

# Proclitic chains (normalised spelling), longest first: conjunction و/ف, prepositions ب/ل/ك,
# future س, definite article ال, and their common combinations.
_PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "وللل", "فلل", "ولل", "وال", "فال", "بال", "كال", "لل", "ال",
    "وب", "ول", "وك", "فب", "فل", "فك", "وس", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip

# Words that announce a person right after them (titles, roles, speech verbs) - normalised.
_PERSON_TRIGGERS = frozenset(
    normalise(w)
    for w in (
        "الرئيس", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة", "الدكتور",
        "الدكتورة", "المدير", "الإمام", "الفنان", "الفنانة", "الكاتب", "الشاعر", "اللاعب",
        "المدرب", "الوزير", "الوزيرة", "وزير", "وزيرة", "نظيره", "نظيرته", "رئيس", "رئيسة",
        "الجنرال", "العقيد", "اللواء", "العميد", "المستشار", "النائب", "القاضي", "المحامي",
        "البروفيسور", "الأستاذ", "الحاج", "السلطان", "الخليفة", "البابا", "الأب", "المطران",
        "المتحدث", "الناطق", "قال", "وقال", "أضاف", "وأضاف", "أكد", "وأكد", "أوضح", "وأوضح",
        "صرح", "وصرح", "زعيم", "الزعيم", "قائد", "القائد", "مساعد", "نائب", "سفير", "السفير",
        "المبعوث", "المخرج", "الممثل", "الممثلة", "المطرب", "المطربة", "الروائي", "المؤرخ",
        "العالم", "الباحث", "الصحفي", "المراسل", "مراسل", "الكابتن", "المهاجم", "الحارس",
    )
)  # fmt: skip

# Words that open an organisation's name - normalised, with or without ال.
_ORG_HEADS = frozenset(
    normalise(w)
    for w in (
        "وزارة", "منظمة", "جهاز", "شركة", "حزب", "جامعة", "وكالة", "مجلس", "اتحاد", "الاتحاد",
        "جمعية", "مؤسسة", "هيئة", "مكتب", "بنك", "البنك", "مصرف", "صندوق", "الصندوق", "لجنة",
        "اللجنة", "حركة", "جبهة", "الجبهة", "معهد", "مركز", "نادي", "النادي", "فريق", "منتخب",
        "المنتخب", "صحيفة", "الصحيفة", "مجلة", "قناة", "محطة", "تلفزيون", "إذاعة", "محكمة",
        "المحكمة", "الأمم", "برلمان", "البرلمان", "كلية", "أكاديمية", "مجموعة", "المجموعة",
        "رابطة", "نقابة", "تحالف", "التحالف", "ائتلاف", "الائتلاف", "جيش", "الجيش", "قوات",
        "مصلحة", "إدارة", "دائرة", "سلطة", "السلطة", "الحزب", "الجامعة", "الوكالة", "المجلس",
        "الشركة", "المنظمة", "الوزارة", "الحركة", "المركز", "الهيئة", "الجمعية", "المؤسسة",
    )
)  # fmt: skip

# Words that open a place name.
_LOC_HEADS = frozenset(
    normalise(w)
    for w in (
        "مدينة", "المدينة", "محافظة", "ولاية", "مقاطعة", "منطقة", "إقليم", "جزيرة", "جزر", "بحر",
        "البحر", "نهر", "جبل", "جبال", "خليج", "الخليج", "قرية", "بلدة", "عاصمة", "العاصمة",
        "مطار", "ميناء", "شارع", "حي", "مخيم", "ضاحية", "بلدية", "دولة", "جمهورية", "مملكة",
        "المملكة", "الجمهورية", "إمارة", "شمال", "جنوب", "شرق", "غرب", "وسط", "قطاع", "الضفة",
    )
)  # fmt: skip

# Name parts that never end a name (they need the word after them).
_NAME_LINKS = frozenset(
    normalise(w) for w in ("عبد", "أبو", "أبي", "أبا", "ابن", "بن", "بنت", "آل")
)


_NUMBERED = frozenset({"c", "sc"})
"""Table features whose fields are numbered (a word's cluster ids, one per granularity)."""

_NAMED_FIELDS = 8_192
"""How many table entries' features (`FeatureExtractor._named_fields`) are remembered: the first
ones met, a text's common cluster paths and classes. 65,536 kept filling past the first
megabyte (24,000 entries at 4 MB of prose, about 10 MB), which the app's peak grew with; at
8,192 `reader entities` on 4 MB peaks about 10 MB lower, at 1 MB the same, in the same CPU time
(within the machine's noise)."""
"""How many (kind, fields) pairs keep their feature strings (words share them: ~10,000 on
1 MB of text)."""

_LENGTHS = tuple(f"len={n}" for n in range(9))
"""The stem-length features, ``len=0`` .. ``len=8`` (8: eight letters or more)."""


def is_name_link(word: str) -> bool:
    """True for name parts that cannot end a name: عبد، أبو، ابن، بن، آل (any spelling)."""
    return normalise(word) in _NAME_LINKS


def _shape(word: str) -> str:
    """A coarse class of the word's script: Arabic, Latin, digits, punctuation or mixed."""
    if word.isalpha():  # most words: no digit in them (no character is both)
        return ("Lu" if word[0].isupper() else "L") if word.isascii() else "A"
    if word.isdigit():
        return "D"
    if any(ch.isdigit() for ch in word):
        return "DX"
    if word.isascii():
        if word.isalpha():
            return "Lu" if word[0].isupper() else "L"
        return "P"
    if not any(ch.isalpha() for ch in word):
        return "P"
    return "A"


@lru_cache(maxsize=WORDS_CACHED)
def folded(word: str) -> str:
    """``normalise(word.lower())``, cached: running text repeats its words."""
    return normalise(word.lower())


@lru_cache(maxsize=WORDS_CACHED)
def strip_clitics(norm: str) -> tuple[str, str]:
    """Split a normalised word into (proclitic chain, stem), or ("", word) if none applies.

    Only strips when at least three letters remain, so short words are never mangled.
    """
    for prefix in _PROCLITICS:
        if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
            return prefix, norm[len(prefix) :]
    return "", norm


def is_person_trigger(norm: str) -> bool:
    """Whether a normalised word, or its stem without proclitics, announces a person right
    after it (a title, a role, a speech verb: «الرئيس», «للمخرج», «وقال»)."""
    return norm in _PERSON_TRIGGERS or strip_clitics(norm)[1] in _PERSON_TRIGGERS


class FeatureExtractor:
    """Builds CRF feature strings for sentences, from word clusters and gazetteers.

    ``clusters`` maps a normalised word to its cluster ids (one per granularity);
    ``gazetteers`` maps a normalised word or stem to the classes of names it is part of (e.g.
    ``"LOC1"`` for a one-word place name, ``"LOCb"``/``"LOCi"`` for the first/other words of a
    longer one); ``priors`` maps a normalised word to binned guesses of its entity type made from
    its word vector (``"PERS3"``: very likely part of a person's name). All come from the shipped
    model data.
    """

    def __init__(
        self,
        clusters: Mapping[str, Sequence[str]],
        gazetteers: Mapping[str, Sequence[str]],
        priors: Mapping[str, Sequence[str]],
    ) -> None:
        """Keep the tables; per-word features are computed lazily and cached."""
        self._clusters = clusters
        self._gazetteers = gazetteers
        self._priors = priors
        self._cache: dict[str, tuple[list[str], ...]] = {}
        self._hint_cache: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}
        self._named: dict[tuple[str, tuple[str, ...]], list[str]] = {}

    def _named_fields(self, kind: str, fields: Sequence[str]) -> list[str]:
        """``fields`` of a table as features of ``kind`` (``c`` numbers them: ``c0=``, ``c1=``),
        remembered: words share few cluster paths and classes, and building the strings again
        for each new word was a tenth of tagging."""
        key = (kind, tuple(fields))
        found = self._named.get(key)
        if found is None:
            if kind in _NUMBERED:
                found = [f"{kind}{i}={value}" for i, value in enumerate(fields)]
            else:
                found = [f"{kind}={value}" for value in fields]
            if len(self._named) < _NAMED_FIELDS:
                self._named[key] = found
        return found

    def own_features(self, word: str) -> list[str]:
        """Features of one word on its own (no context), without an offset prefix."""
        lower = word.lower()
        norm = normalise(lower)
        shape = _shape(word)
        feats = [f"n={norm}", f"sh={shape}"]
        if lower != norm:
            feats.append(f"w={lower}")
        if shape == "P":
            return feats
        procl, stem = strip_clitics(norm)
        if procl:
            feats.append(f"pc={procl}")
            feats.append(f"st={stem}")
        feats.append(_LENGTHS[min(len(stem), 8)])
        named = self._named_fields
        feats += named("c", self._clusters.get(norm, ()))
        if procl:
            feats += named("sc", self._clusters.get(stem, ()))
        feats += named("gz", self._gazetteers.get(norm, ()))
        if procl:
            feats += named("sgz", self._gazetteers.get(stem, ()))
        feats += named("pr", self._priors.get(norm, ()))
        if procl:
            feats += named("spr", self._priors.get(stem, ()))
        if norm in _PERSON_TRIGGERS or stem in _PERSON_TRIGGERS:
            feats.append("trig=PERS")
        if norm in _ORG_HEADS or stem in _ORG_HEADS:
            feats.append("trig=ORG")
        if norm in _LOC_HEADS or stem in _LOC_HEADS:
            feats.append("trig=LOC")
        if norm in _NAME_LINKS or stem in _NAME_LINKS:
            feats.append("link")
        if norm.startswith("ال") and norm.endswith("ي") and len(norm) > 4:
            feats.append("nisba")
        return feats

    def word_parts(self, word: str) -> tuple[list[str], list[str]]:
        """``(own features, affixes)`` of ``word``: a token sees its window's words' own
        features with the offset's prefix (``-1:n=...``), and its own word's affixes too."""
        own = self.own_features(word)
        norm = folded(word)
        if len(norm) < 3:
            return own, []
        if len(norm) == 3:
            return own, [f"p1={norm[:1]}", f"p2={norm[:2]}", f"s1={norm[-1:]}", f"s2={norm[-2:]}"]
        return own, [
            f"p1={norm[:1]}",
            f"p2={norm[:2]}",
            f"p3={norm[:3]}",
            f"s1={norm[-1:]}",
            f"s2={norm[-2:]}",
            f"s3={norm[-3:]}",
        ]

    def _word_features(self, word: str) -> tuple[list[str], ...]:
        """Own features of ``word`` prefixed for each window offset, plus affixes at offset 0."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        own, affixes = self.word_parts(word)
        result = tuple(
            [*own, *affixes] if offset == 0 else [f"{offset}:{f}" for f in own]
            for offset in range(-WINDOW, WINDOW + 1)
        )
        if len(self._cache) < _CACHE_WORDS:
            self._cache[word] = result
        return result

    def _prefixed(self, hints: Sequence[str]) -> tuple[list[str], list[str]]:
        """A word's hints as its right neighbour sees them (``-1:``) and its left one
        (``+1:``), cached: words share few patterns of hints."""
        key = tuple(hints)
        found = self._hint_cache.get(key)
        if found is None:
            found = ([f"-1:{h}" for h in key], [f"+1:{h}" for h in key])
            self._hint_cache[key] = found
        return found

    def sentence_features(
        self, words: Sequence[str], hints: Sequence[Sequence[str]] | None = None
    ) -> list[list[str]]:
        """Feature strings for every word of one sentence, in order.

        ``hints`` are extra per-word feature strings from another model (the neural tagger's
        binned label guesses); each word sees its own and its neighbours' (offset ±1).
        """
        table = [self._word_features(w) for w in words]
        norms = [folded(w) for w in words]
        n = len(words)
        out: list[list[str]] = []
        for i in range(n):
            feats = ["bias"]
            for offset in range(-WINDOW, WINDOW + 1):
                j = i + offset
                if 0 <= j < n:
                    feats.extend(table[j][offset + WINDOW])
                elif offset in (-1, 1):
                    feats.append("BOS" if offset < 0 else "EOS")
            if i > 0:
                feats.append(f"b-1={norms[i - 1]}|{norms[i]}")
            if i + 1 < n:
                feats.append(f"b+1={norms[i]}|{norms[i + 1]}")
            if hints is not None:
                feats.extend(hints[i])
                if i > 0:
                    feats.extend(self._prefixed(hints[i - 1])[0])
                if i + 1 < n:
                    feats.extend(self._prefixed(hints[i + 1])[1])
            out.append(feats)
        return out
