"""Light stemming for topic finding: one key for the forms of a word that mean the same thing.

Topics count a word however it is written and inflected: «التعاون», «تعاون» and «بالتعاون» are
one word to a reader, so they get one key. The stemmer is deliberately light (in the spirit of
Larkey's Light10 for Arabic): it folds spelling variants, strips the article with the
prepositions and conjunction glued to it, and a few plural, feminine and nisba endings (Persian:
plural and comparative endings and the «می‌» prefix; Urdu: plural endings). It needs no
dictionary, so it is fast on any text. Keys are crude on purpose («تعاون» → «تعا») and never
shown: labels are taken from the text. A conjunction or preposition glued to a word *without*
the article («وكأس», «لمهرجان») is left to `reader.nlp.topics`, which strips it only when the
rest is a clearly more common word.

A word that only looks like the article with a clitic before it is kept whole: «والده» (his
father) is no «و» + «الده», nor «كاليفورنيا» a «ك» + «اليفورنيا». Those words are listed in
`reader/nlp/data/topics-whole-ar.txt` (`whole_word`), measured in general text: a word written
at least as often as the definite word its clitics would leave.

The general-frequency table shipped in `reader/nlp/data/` is aggregated by these keys, so any
change to the rules here (or to the list of whole words) must bump `STEMMER_VERSION` and rebuild
that table with `training/build_topic_data.py`.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from reader.nlp.normalise import normalise

__all__ = ["LANGUAGES", "STEMMER_VERSION", "fold", "stem", "strip_marks", "whole_word"]

STEMMER_VERSION = 4
"""Version of the folding and stemming rules; the frequency tables record the one they used."""

LANGUAGES = ("ar", "fa", "ur")
"""The languages the stemmer knows: Arabic, Persian, Urdu."""

_ZWNJ = "\u200c"

# Persian and Urdu letters folded onto their Arabic counterparts (and the reverse variants some
# Persian texts use), so one key serves texts typed on any of the three keyboards.
_FOLD = str.maketrans(
    {
        "ی": "ي",  # Farsi yeh
        "ک": "ك",  # keheh
        "ہ": "ه",  # heh goal
        "ۀ": "ه",  # heh with yeh above
        "ۃ": "ه",  # teh marbuta goal
        "ھ": "ه",  # heh doachashmee
        "\u200d": None,  # ZWJ carries no meaning for matching
        # The Uthmani script's small waw and yeh lengthen a pronoun («لَهُۥ», «بِهِۦ»): marks
        # of recitation, not letters of the word as it is spelt elsewhere («له», «به»).
        "\u06e5": None,
        "\u06e6": None,
    }
)

_AR_ARTICLES = ("وبال", "وكال", "وفال", "ولل", "وال", "بال", "كال", "فال", "لل", "ال")
"""Article plus glued prepositions/conjunctions, longest first (after folding)."""

_AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
"""Light10's suffixes after folding (ة→ه, ى→ي), each tried once, in this order."""

_FA_SUFFIXES = ("هايي", "هاي", "ها", "ترين", "تر", "اي", "يي")
"""Persian plural, comparative and ezafe/indefinite endings, written with or without ZWNJ."""

_FA_PREFIXES = ("مي", "نمي", "بي")
"""Persian verbal and negative prefixes, stripped only when written with a ZWNJ."""

_UR_SUFFIXES = ("وں", "يں", "ئيں")
"""Urdu oblique and feminine plural endings."""


_MARKS_TABLE: dict[int, None] = dict.fromkeys(
    [
        *range(0x0610, 0x061B),  # honorifics and small high marks
        *range(0x064B, 0x0660),  # harakat
        0x0670,  # superscript alef
        *range(0x06D6, 0x06DD),  # Quranic annotation marks
        *range(0x06DF, 0x06E7),  # with the small waw and yeh of recitation («لَهُۥ»)
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),
        0x0640,  # tatweel
        0x200D,  # ZWJ
    ]
)


def strip_marks(word: str) -> str:
    """Remove harakat, Quranic marks and tatweel, leaving every letter as written."""
    return word.translate(_MARKS_TABLE)


FOLDS_CACHED = 1 << 15
"""How many words `fold` remembers, least recently used first out: the topic finder folds each
word of a text several times (its chunks, its clause openers, its labels)."""


@lru_cache(maxsize=FOLDS_CACHED)
def fold(word: str) -> str:
    """Fold spelling variants: harakat and tatweel removed, alef/yeh/teh-marbuta/keheh forms
    unified, and the Urdu ے written inside a word read as ی (a common typing habit)."""
    word = normalise(word).translate(_FOLD)
    if "ے" in word[:-1]:
        word = word[:-1].replace("ے", "ي") + word[-1]
    return word


_AR_FOREIGN = str.maketrans({"پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك"})
"""Letters Arabic prose borrows from Persian for foreign sounds, read as the Arabic letters
other writers use for them: one Wikipedia article titles «بول سميث» and writes «پول سميث» in
its body (Paul Smith); Arabic only (in Persian «پس» and «بس» are two words). «ڤ» is left as
it is, though «لوفتڤافه» is «لوفتفافه»: in wiki-stalingrad the Luftwaffe's name, counted whole,
outweighs «سلاح الجو الألماني» (the same air force, which no rule merges with it) and pushes it
out of the top eight themes (tune recall 0.68 -> 0.67)."""

WHOLE_WORDS = "topics-whole-ar.txt"
"""The file in `reader/nlp/data/` listing the words whose first letters only look like the
article with a clitic before it (folded forms, one a line; `training/build_topic_data.py`)."""


@cache
def _whole_words() -> frozenset[str]:
    path = resources.files("reader.nlp") / "data" / WHOLE_WORDS
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def whole_word(folded: str) -> bool:
    """Whether a folded Arabic word that starts like «وال», «بال», «كال» or «فال» is one word,
    not a clitic and the article before another: «والده», «كاليفورنيا», «فالنسيا»."""
    return folded in _whole_words()


def _stem_arabic(bare: str) -> str:
    """Stem an Arabic word given with harakat removed but alef forms kept: the article is
    always written with a plain alef, so «آليات» keeps its first letters and «الآليات» loses
    only the article; a `whole_word` keeps its first letters too."""
    if not whole_word(fold(bare)):
        for article in _AR_ARTICLES:
            if bare.startswith(article) and len(bare) - len(article) >= 2:
                bare = bare[len(article) :]
                break
    word = fold(bare).translate(_AR_FOREIGN)
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
    return word


def _stem_persian(word: str) -> str:
    parts = [part for part in word.split(_ZWNJ) if part]
    if not parts:
        return word
    if len(parts) > 1 and parts[0] in _FA_PREFIXES:
        parts = parts[1:]
    head = parts[0]
    if len(parts) == 1:
        for suffix in _FA_SUFFIXES:
            if head.endswith(suffix) and len(head) - len(suffix) >= 3:
                head = head[: -len(suffix)]
                break
    return head


def _stem_urdu(word: str) -> str:
    word = word.replace(_ZWNJ, "").replace("_", "")
    for suffix in _UR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


STEMS_CACHED = 1 << 15
"""How many words `stem` remembers, least recently used first out. At 200,000 the cache grew
with a long document's vocabulary (about 300 bytes a word: a key of word and language)."""


@lru_cache(maxsize=STEMS_CACHED)
def stem(word: str, language: str = "ar") -> str:
    """Return the key of ``word`` in ``language`` ("ar", "fa" or "ur"): folded, lightly stemmed.

    Only words written in Arabic script are stemmed; anything else is returned lower-cased.
    """
    folded = fold(word)
    if not folded or not ("\u0600" <= folded[0] <= "\u06ff"):
        return folded.lower()
    if language == "fa":
        return _stem_persian(folded)
    if language == "ur":
        return _stem_urdu(folded)
    return _stem_arabic(strip_marks(word).replace(_ZWNJ, ""))
