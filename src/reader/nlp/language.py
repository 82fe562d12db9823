"""Which language a document is in, and whether the entity tagger can read it.

The entity tagger (`reader.nlp.entities`) was trained on Arabic news; on Persian or Urdu it
finds people, places and organisations that are not there. The reader asks here, once per
document, whether to run it: `unsupported_entity_language` is the one place that decides.

The decision is about the document, not single letters. `detect_language`
counts the letters only Persian or Urdu use (پ چ ژ گ ک ی, ٹ ڈ ڑ ں ے ہ ...); a handful is enough
for it to say "fa" or "ur". That is too quick for Arabic prose that quotes a Persian verse,
spells Iranian or European names the Persian way («پول سميث», Paul Smith, 43 times in a
Wikipedia article), or was typed on a Persian keyboard (ی and ک for ي and ك throughout), for
the entity tagger and for the topic finder's word lists alike (with Persian stop words, «في عام»
labelled a theme of that article). So when the letters say Persian or Urdu, the
words get a say: with the keyboard variants folded together, Arabic prose is full of words
with the definite article (الـ, about a quarter of its words) and of function words (في، على،
التي ...), Persian of its own (است، را، از، که ...), Urdu of its own (کے، ہے، سے ...). The
document is Arabic when its Arabic words outnumber the others `ARABIC_MARGIN` times over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "ARABIC_MARGIN",
    "ENTITY_LANGUAGE",
    "LANGUAGE_NAMES",
    "LetterCounts",
    "WordEvidence",
    "count_letters",
    "detect_language",
    "document_language",
    "entities_skipped_reason",
    "unsupported_entity_language",
    "word_evidence",
]

ENTITY_LANGUAGE = "ar"
"""The only language the entity tagger was trained on."""

LANGUAGE_NAMES = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu"}
"""English names of the languages `document_language` tells apart, for messages."""

ARABIC_MARGIN = 2.0
"""How many times the Arabic marker words must outnumber the Persian and Urdu ones for a
document whose letters look Persian or Urdu to count as Arabic after all."""

SAMPLE_CHARS = 200_000
"""How much of a document (from its start) the words are read from, like the letter count."""


_URDU_LETTERS = frozenset("ٹڈڑںےۓھہ")
_PERSIAN_LETTERS = frozenset("پچژگکیۀ")


@dataclass(frozen=True, slots=True)
class LetterCounts:
    """Letters of a text sample, by script."""

    arabic_script: int
    urdu: int
    """Letters only Urdu uses (ٹ ڈ ڑ ں ے ھ ہ ...)."""
    persian: int
    """Letters Persian (and Urdu) use but Arabic does not (پ چ ژ گ ک ی)."""
    other: int
    """Letters of other scripts (Latin, Hebrew, ...)."""


def count_letters(paragraphs: Sequence[str], budget: int = SAMPLE_CHARS) -> LetterCounts:
    """Count the letters of the first ``budget`` characters by script."""
    urdu = persian = arabic = other = 0
    for text in paragraphs:
        sample = text[:budget]
        budget -= len(sample)
        for ch in sample:
            if "\u0600" <= ch <= "\u06ff":
                arabic += 1
                if ch in _URDU_LETTERS:
                    urdu += 1
                elif ch in _PERSIAN_LETTERS:
                    persian += 1
            elif ch.isalpha():
                other += 1
        if budget <= 0:
            break
    return LetterCounts(arabic, urdu, persian, other)


def detect_language(paragraphs: Sequence[str]) -> str:
    """Guess "ar", "fa" or "ur" from the letters only Urdu or only Persian (and Urdu) use.

    Looks at the first 200,000 characters at most; text with no such letters is Arabic.
    This is the topic finder's choice of word lists; `document_language` also weighs words.
    """
    letters = count_letters(paragraphs)
    arabic, urdu, persian = letters.arabic_script, letters.urdu, letters.persian
    if arabic and urdu / arabic > 0.01:
        return "ur"
    if arabic and (persian + urdu) / arabic > 0.01:
        return "fa"
    return "ar"


_FOLD = str.maketrans(
    {
        "\u06cc": "\u064a",  # Farsi yeh ی -> ي
        "\u0649": "\u064a",  # alef maksura ى -> ي
        "\u06a9": "\u0643",  # keheh ک -> ك
        "\u06c1": "\u0647",  # heh goal ہ -> ه
        "\u06be": "\u0647",  # heh doachashmee ھ -> ه
        "\u06d5": "\u0647",  # ae ە -> ه
        "\u06c0": "\u0647",  # heh with yeh above ۀ -> ه
        "\u0629": "\u0647",  # teh marbuta ة -> ه
        "\u0623": "\u0627",  # alef with hamza above أ -> ا
        "\u0625": "\u0627",  # alef with hamza below إ -> ا
        "\u0671": "\u0627",  # alef wasla ٱ -> ا
    }
)
"""Keyboard and spelling variants folded together, so that «كه» typed on a Persian keyboard
and on an Arabic one are one word. Madda (آ) is kept: Persian آن is not Arabic أن."""

_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
)
"""Harakat, Quranic marks and tatweel: removed so that a diacritised word reads as itself."""

_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5]+")
"""A run of Arabic-script letters (ZWNJ, digits and punctuation end it: Persian می‌ is a word)."""


def _folded(words: str) -> frozenset[str]:
    """The space-separated `words`, folded like the text they are looked up for."""
    return frozenset(word.translate(_FOLD) for word in words.split())


_ARTICLE = re.compile("^(?:[وفبك]?ال|لل)..")
"""A word carrying the Arabic definite article (with a glued و ف ب ك, or as لل), at least two
letters after it."""

ARABIC_WORDS = _folded(
    "في على الى عن التي الذي الذين اللذين هذا هذه ذلك تلك هناك كان كانت يكون قد لم لن ثم حيث "
    "بين عند منذ حتى ايضا وقال قال"
)
"""Arabic function words (folded) that Persian and Urdu do not use as words."""

PERSIAN_WORDS = _folded(
    "است را اين از كه در مي هاي ها براي يك شد شده شود كرد كند بود بوده اند شما ايشان "
    "خود نيز باشد دارد"
)
"""Persian function words (folded) that Arabic does not use as words."""

URDU_WORDS = _folded("كے هے هيں ميں مےں نے سے كو اور پر تها تهي تهے گيا گئے يه وه ليے لئے")
"""Urdu function words (folded) that Arabic does not use as words."""


@dataclass(frozen=True, slots=True)
class WordEvidence:
    """How many words of a document sample speak for each language."""

    words: int
    """Arabic-script words read."""
    arabic: int
    """Words with the Arabic definite article, and Arabic function words."""
    persian: int
    """Persian function words."""
    urdu: int
    """Urdu function words."""


def _sample(paragraphs: Sequence[str], budget: int) -> Iterator[str]:
    """The paragraphs cut to the first `budget` characters in all."""
    for text in paragraphs:
        if budget <= 0:
            return
        piece = text[:budget]
        budget -= len(piece)
        yield piece


def word_evidence(paragraphs: Sequence[str], budget: int = SAMPLE_CHARS) -> WordEvidence:
    """Count the marker words of Arabic, Persian and Urdu in the first `budget` characters."""
    words = arabic = persian = urdu = 0
    for piece in _sample(paragraphs, budget):
        for word in _WORD.findall(_MARKS.sub("", piece).translate(_FOLD)):
            words += 1
            if word in ARABIC_WORDS or _ARTICLE.match(word):
                arabic += 1
            elif word in PERSIAN_WORDS:
                persian += 1
            elif word in URDU_WORDS:
                urdu += 1
    return WordEvidence(words, arabic, persian, urdu)


def document_language(paragraphs: Sequence[str]) -> str:
    """ "ar", "fa" or "ur": the language of a document given as its paragraphs.

    The letters decide (`detect_language`) unless they say Persian or Urdu while the words
    are overwhelmingly Arabic (see the module's docstring).
    """
    by_letters = detect_language(paragraphs)
    if by_letters == ENTITY_LANGUAGE:
        return by_letters
    evidence = word_evidence(paragraphs)
    if evidence.arabic > ARABIC_MARGIN * (evidence.persian + evidence.urdu):
        return ENTITY_LANGUAGE
    return by_letters


def unsupported_entity_language(paragraphs: Sequence[str]) -> str | None:
    """The document's language ("fa", "ur") when the entity tagger cannot read it, or None
    when it can (the document is Arabic). Entity extraction is skipped when this is not None."""
    language = document_language(paragraphs)
    return None if language == ENTITY_LANGUAGE else language


def entities_skipped_reason(language: str) -> str:
    """One line saying why no entities were looked for in a document in `language`."""
    name = LANGUAGE_NAMES.get(language, language)
    return f"entities are found in Arabic text only; this document looks {name}"
