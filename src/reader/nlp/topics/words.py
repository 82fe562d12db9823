"""Words and chunks: how the topic finder reads a paragraph.

Words are folded and lightly stemmed (`reader.nlp.stem`), so «التعاون», «تعاون» and «بالتعاون»
count together. Stop words, numbers, punctuation and Latin-script words break the text into
chunks; a phrase never spans a break, and never spans a definite word followed by an indefinite
one (subject then object). Each word keeps its *head* form (without a glued conjunction or
preposition) for labels.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.nlp.stem import LANGUAGES, STEMMER_VERSION, fold, stem, strip_marks, whole_word
from reader.nlp.stopwords import JOINERS, stop_words
from reader.nlp.topics.lexicon import word_kind
from reader.nlp.topics.model import TopicsNotSupported

MAX_WORDS = 4
"""Longest key phrase, in words."""


_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff\u200c\u200d"
)
WORD_RE = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+(?:\+\+(?![\w+])|#(?!\w))?")
"""A run of letters and the marks that belong inside words (harakat, ZWNJ); no digits. A
programming language's «++» or «#» written right after it is part of its name: «سي++» (C++)
is not «سي» (C), which mixed-01, the article on C++, had as its subject («لغة سي»)."""
_HYPHEN_RE = re.compile(" ?[-‐–] ?")
"""A hyphen between two words, with or without a space on each side."""
_GAP_RE = re.compile("[\\s_\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]*")
"""What may stand between two words of one phrase: spaces, the treebank's `_`, bidi controls."""


@dataclass(frozen=True, slots=True)
class GeneralFrequencies:
    """Zipf frequencies (log10 per billion words) of stems in general text of a language."""

    zipf: dict[str, float]
    floor: float
    """The zipf assumed for a stem missing from the table: the rarest one listed."""


@cache
def general_frequencies(language: str) -> GeneralFrequencies:
    name = f"topics-frequencies-{language}.tsv.gz"
    path = resources.files("reader.nlp") / "data" / name
    if language not in LANGUAGES or not path.is_file():
        supported = ", ".join(LANGUAGES)
        raise TopicsNotSupported(
            f"topics are not supported for language {language!r}: no word frequency list "
            f"for it ships with the reader (supported: {supported})"
        )
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    if f"reader.nlp.stem v{STEMMER_VERSION};" not in lines[0]:
        raise TopicsNotSupported(
            f"the word frequency list {name} was built for another stemmer version: "
            "rebuild it with training/build_topic_data.py"
        )
    zipf: dict[str, float] = {}
    for line in lines[1:]:
        key, _, value = line.partition("\t")
        zipf[key] = float(value)
    return GeneralFrequencies(zipf, min(zipf.values()))


JOINER_MARK = "\x01"
"""Prefix that marks a joiner (a stop word allowed inside a phrase) in a chunk's key list."""

NAMING_ORDINALS = {"ar": frozenset({"الاول", "الاولي", "الثاني", "الثانيه"})}
"""Stop words (folded) that end names as ordinals: «الحرب العالمية الثانية», «الجزء الأول». As
discourse words («أولاً», «ثانياً») they carry no subject, but written with the article they
belong to the phrase before them; alone they are adjectives, which never label a theme
(`lexicon.label_fault`). Tried on the tuning gold: «الحرب العالمية» cut before «الثانية»
was no accepted form (wiki-imf), whole it is; nothing else moved."""

Chunk = tuple[str, ...]
"""The keys of a run of words with no break between them; joiners carry `JOINER_MARK`."""


@dataclass(frozen=True, slots=True)
class Word:
    """What the topic finder makes of a word as written."""

    key: str
    """Its stem key, or `JOINER_MARK` + its folded form for a joiner."""
    head: str
    """How it reads at the start of a label: without a glued conjunction or preposition
    («والأمن» → «الأمن», «للأمن» → «الأمن», «لمهرجان» → «مهرجان»)."""
    glued: bool
    """Whether a conjunction or preposition is glued to its front: such a word starts a new
    chunk, since «X وY» or «X لY» links two phrases rather than making one."""
    definite: bool = False
    """Whether it carries the Arabic article. A definite word followed by an indefinite one
    is never one noun phrase («وتوقع التقرير تدهور الأوضاع»: subject, then object), so the
    chunk breaks there; «منظمة الأغذية» (indefinite, definite) and «التعاون الأمني» stay."""


_ARTICLE_CLITICS = re.compile("([وف]?[بك]?)(?=ال..)|([وف]?ل)(?=ل..)")
"""Letters glued before the article: «و», «ف», «ب», «ك», and «ل», which eats the article's alef."""

_ACCUSATIVE = ("\u064b\u0627", "\u0627\u064b")
"""A written tanween fatḥa with the alif that carries it, either order («ًا», «اً»)."""

_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بكل"
CLITIC_LETTERS = _CONJUNCTIONS + _PREPOSITIONS
"""The letters glued before a word without the article: «و», «ف», «ب», «ك», «ل»."""

CLITIC_REST_ZIPF = 3.0
"""A glued «و», «ف», «ب», «ك» or «ل» (no article) is only cut off when what is left is a word:
one the topic lexicon measured (`lexicon.word_kind`: «فانطلقا» → the verb «انطلقا»), or one of
general text at least this common (Zipf 3: once in a million words), besides more common than
the whole. A transliterated name's first letter is no clitic: «فويجو» (in «تييرا دل فويجو»,
large-01's Chile) had left «ويجو», Zipf 2.1 against the floor's 1.5, and the name's phrase
broke there. Tune figures are equal from 0 to 3; at 3.5 three themes are lost."""


def _after_letters(word: str, letters: int) -> int:
    """Index in ``word`` just after its first ``letters`` letters and the marks on them."""
    seen = 0
    for index, ch in enumerate(word):
        if not ("\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"):
            if seen == letters:
                return index
            seen += 1
    return len(word)


WORDS_CACHED = 1 << 15
"""How many written forms a `Classifier` remembers (the first met, a text's common words): it
lives for the whole document, whose vocabulary grows with it."""


class Classifier:
    """Turns a word as written into a `Word`, or None for a phrase break (a stop word, a
    Latin-script word, a single letter)."""

    def __init__(self, language: str, general: GeneralFrequencies) -> None:
        self.language = language
        self.general = general
        self.stops = stop_words(language)
        self.joiners = JOINERS.get(language, frozenset())
        self.cache: dict[str, Word | None] = {}
        self.older: dict[str, Word | None] = {}

    def word(self, word: str) -> Word | None:
        """Return what ``word`` is (cached per written form)."""
        try:
            return self.cache[word]
        except KeyError:
            pass
        if word in self.older:
            known = self.older[word]
            self._remember(word, known)
            return known
        result: Word | None = None
        folded = fold(word)
        if len(folded) < 2 or not ("\u0600" <= folded[0] <= "\u06ff"):
            result = None
        elif folded in self.joiners:
            result = Word(JOINER_MARK + folded, word, False)
        elif folded in NAMING_ORDINALS.get(self.language, ()):
            result = self._arabic(word)
        elif folded in self.stops or folded.replace("\u200c", "") in self.stops:
            result = None
        elif self.language == "ar":
            result = self._arabic(word)
        else:
            result = Word(stem(word, self.language), word, False)
        if result is not None and len(result.key) < 2:
            result = None
        self._remember(word, result)
        return result

    def _remember(self, word: str, result: Word | None) -> None:
        """Cache ``result`` for ``word``: in two generations of `WORDS_CACHED` / 2 forms each,
        the older dropped when the newer is full, so the words a long text keeps using stay
        while those of its past stretches go."""
        if len(self.cache) >= WORDS_CACHED // 2:
            self.older = self.cache
            self.cache = {}
        self.cache[word] = result

    def _a_word(self, rest: str) -> bool:
        """Whether what a clitic leaves is a word (`CLITIC_REST_ZIPF`)."""
        return self.general_zipf(rest) >= CLITIC_REST_ZIPF or word_kind(rest) is not None

    def general_zipf(self, bare: str) -> float:
        """How common the Arabic word ``bare`` (its stem) is in general text, as Zipf."""
        return self.general.zipf.get(stem(bare, "ar"), self.general.floor)

    def _arabic(self, word: str) -> Word:
        """Key and head form of an Arabic word, with its glued clitics recognised. The alif
        that carries a written tanween fatḥa («بطريركًا», «كتاباً») is the accusative's, not
        the word's: the key is that of «بطريرك», so the word joins the theme of «البطريرك»
        rather than heading one of its own."""
        bare = strip_marks(word)
        if word.endswith(_ACCUSATIVE) and len(bare) > 3:
            bare = bare[:-1]
        if whole_word(fold(bare)):  # «والده», «كاليفورنيا»: no clitic, no article
            return Word(stem(bare, "ar"), word, False)
        article = _ARTICLE_CLITICS.match(bare)
        if article and article.group(1) is not None:
            skip = len(article.group(1))
            return Word(stem(bare, "ar"), word[_after_letters(word, skip) :], skip > 0, True)
        if article and article.group(2):
            skip = len(article.group(2))
            rest = bare[skip:]
            if self.general_zipf(rest) >= self.general_zipf("ا" + rest) + 0.5 and self._a_word(
                rest
            ):
                # A word that begins with «ل»: «للندن» is «ل» + «لندن» (to London), not «ل» +
                # «الندن»; a common noun takes the article whose «ل» it shares: «للغة» is «ل»
                # + «اللغة», not «ل» + «الغة».
                definite = word_kind(rest) is not None
                head = ("ال" if definite else "") + word[_after_letters(word, skip) :]
                return Word(stem(rest, "ar"), head, True, definite)
            return Word(stem(bare, "ar"), "ا" + word[_after_letters(word, skip) :], True, True)
        # A clitic without the article: strip it when the rest is a clearly more common word in
        # general text («وكأس» → «كأس», «لمهرجان» → «مهرجان», but «وزارة», «لبنان» stay whole;
        # `CLITIC_REST_ZIPF`).
        letters = 0
        rest = bare
        for allowed in (_CONJUNCTIONS, _PREPOSITIONS):
            if rest[:1] and rest[0] in allowed and len(rest) > 3:
                if self.general_zipf(rest[1:]) >= self.general_zipf(rest) + 0.5 and self._a_word(
                    rest[1:]
                ):
                    rest = rest[1:]
                    letters += 1
                elif allowed == _CONJUNCTIONS:
                    break
        if letters:
            return Word(stem(rest, "ar"), word[_after_letters(word, letters) :], True)
        return Word(stem(bare, "ar"), word, False)


def chunks(text: str, classifier: Classifier) -> Iterator[tuple[Chunk, list[tuple[int, int]]]]:
    """Yield the chunks of one paragraph: their keys and the (start, end) of each word."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    previous_end = 0
    definite = False
    word_of = classifier.word
    for match in WORD_RE.finditer(text):
        start = match.start()
        word = word_of(match.group())
        if (
            word is None
            or word.glued
            or (definite and not word.definite and word.key[0] != JOINER_MARK)
            or not (
                # One space, by far the commonest gap, is checked without the regex.
                (start - previous_end == 1 and text[previous_end] == " ")
                or _GAP_RE.fullmatch(text, previous_end, start)
                # A hyphen joins the parts of a name («جوليا نيوتون - بيشوب»), never a
                # definite word.
                or (
                    not definite
                    and not word.definite
                    and _HYPHEN_RE.fullmatch(text, previous_end, start)
                )
            )
        ) and keys:
            yield tuple(keys), spans
            keys, spans = [], []
        if word is not None:
            keys.append(word.key)
            spans.append((start, match.end()))
            if word.key[0] != JOINER_MARK:
                definite = word.definite
        previous_end = match.end()
    if keys:
        yield tuple(keys), spans


def phrases(chunk: Chunk) -> Iterator[tuple[int, int]]:
    """Yield (first, stop) index ranges of the phrases in a chunk: 1..MAX_WORDS words, starting
    and ending on a content word (joiners only inside)."""
    n = len(chunk)
    for first in range(n):
        if chunk[first][0] == JOINER_MARK:
            continue
        for stop in range(first + 1, min(n, first + MAX_WORDS) + 1):
            if chunk[stop - 1][0] != JOINER_MARK:
                yield first, stop
