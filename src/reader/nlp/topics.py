"""The topics of a document: its themes, each named by a key phrase taken from the text.

How it works, in three linear passes over the paragraphs:

1. Words are folded and lightly stemmed (`reader.nlp.stem`), so «التعاون», «تعاون» and
   «بالتعاون» count together. Stop words, numbers, punctuation and Latin-script words break the
   text into chunks; a phrase never spans a break.
2. Each stem gets a *keyness*: how much more often it occurs in the document than in general text
   of the language, `log10(p_document / p_general)`, with the general frequencies of wordfreq
   aggregated by stem (`reader/nlp/data/topics-frequencies-*.tsv.gz`). Raw counts would crown
   «الأمن» or «العالم»; keyness crowns what this document is about. Phrases of one to four words
   are scored by their count times the summed keyness of their words, so a stable collocation
   («التعاون الأمني», «واتس آب») outranks its words alone.
3. Phrases are taken best first; a phrase that is a variant or a part/extension of a chosen topic
   and mostly occurs with it (the same stems in another order or form, «واتس» inside «واتس آب»)
   is merged into that topic instead of becoming a new one. Each topic is labelled with the most
   frequent verbatim form of its best phrase, and each paragraph gets as main topic the one with
   the most keyness in it.

Everything is linear in the text (counts in dictionaries, no pairwise comparison of paragraphs),
so the 10 MB test document takes seconds, not minutes; the app runs it in a worker thread.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.nlp.stem import LANGUAGES, STEMMER_VERSION, fold, stem, strip_marks
from reader.nlp.stopwords import JOINERS, stop_words

__all__ = [
    "Topic",
    "TopicIndex",
    "TopicsNotSupported",
    "detect_language",
    "extract_topics",
]


@dataclass(frozen=True, slots=True)
class Topic:
    """One theme of the document."""

    label: str
    """A key phrase of one to four words, exactly as written in the text."""
    score: float
    """Salience relative to the document's most salient topic (which scores 1.0)."""
    paragraphs: tuple[int, ...]
    """Indices (from 0, in the sequence given) of the paragraphs that mention it, ascending."""


@dataclass(frozen=True, slots=True)
class TopicIndex:
    """The topics of a document and the main topic of each paragraph."""

    topics: tuple[Topic, ...]
    """Topics, most salient first."""
    main_topic: tuple[str | None, ...]
    """Per paragraph, the label of its main topic, or None where no topic occurs."""


class TopicsNotSupported(Exception):
    """Topics cannot be found for the language: no word lists for it ship with the reader."""


MAX_WORDS = 4
"""Longest key phrase, in words."""

OPENING_BONUS = 1.5
"""Factor on the salience of a phrase found in the title (a short first paragraph)."""

LABEL_SAMPLE = 8
"""How many paragraphs (the first ones) a topic's label form is chosen from."""

MERGE_SHARE = 1 / 3
"""A phrase merges into a topic whose head contains it (or that it contains) when the rarer of
the two occurs at least this share as often as the other."""

TITLE_WORDS = 15
"""A first paragraph of at most this many words is taken for a title."""

_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff\u200c\u200d"
)
_WORD_RE = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+")
"""A run of letters and the marks that belong inside words (harakat, ZWNJ); no digits."""
_GAP_RE = re.compile("[\\s_\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]*")
"""What may stand between two words of one phrase: spaces, the treebank's `_`, bidi controls."""

_URDU_LETTERS = frozenset("ٹڈڑںےۓھہ")
_PERSIAN_LETTERS = frozenset("پچژگکیۀ")


@dataclass(frozen=True, slots=True)
class _LetterCounts:
    """Letters of a text sample, by script."""

    arabic_script: int
    urdu: int
    """Letters only Urdu uses (ٹ ڈ ڑ ں ے ھ ہ ...)."""
    persian: int
    """Letters Persian (and Urdu) use but Arabic does not (پ چ ژ گ ک ی)."""
    other: int
    """Letters of other scripts (Latin, Hebrew, ...)."""


def _count_letters(paragraphs: Sequence[str], budget: int = 200_000) -> _LetterCounts:
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
    return _LetterCounts(arabic, urdu, persian, other)


def detect_language(paragraphs: Sequence[str]) -> str:
    """Guess "ar", "fa" or "ur" from the letters only Urdu or only Persian (and Urdu) use.

    Looks at the first 200,000 characters at most; text with no such letters is Arabic.
    """
    letters = _count_letters(paragraphs)
    arabic, urdu, persian = letters.arabic_script, letters.urdu, letters.persian
    if arabic and urdu / arabic > 0.01:
        return "ur"
    if arabic and (persian + urdu) / arabic > 0.01:
        return "fa"
    return "ar"


@dataclass(frozen=True, slots=True)
class _GeneralFrequencies:
    """Zipf frequencies (log10 per billion words) of stems in general text of a language."""

    zipf: dict[str, float]
    floor: float
    """The zipf assumed for a stem missing from the table: the rarest one listed."""


@cache
def _general_frequencies(language: str) -> _GeneralFrequencies:
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
    return _GeneralFrequencies(zipf, min(zipf.values()))


_JOINER_MARK = "\x01"
"""Prefix that marks a joiner (a stop word allowed inside a phrase) in a chunk's key list."""

_Chunk = tuple[str, ...]
"""The keys of a run of words with no break between them; joiners carry `_JOINER_MARK`."""


@dataclass(frozen=True, slots=True)
class _Word:
    """What the topic finder makes of a word as written."""

    key: str
    """Its stem key, or `_JOINER_MARK` + its folded form for a joiner."""
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

_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بكل"


def _after_letters(word: str, letters: int) -> int:
    """Index in ``word`` just after its first ``letters`` letters and the marks on them."""
    seen = 0
    for index, ch in enumerate(word):
        if not ("\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"):
            if seen == letters:
                return index
            seen += 1
    return len(word)


class _Classifier:
    """Turns a word as written into a `_Word`, or None for a phrase break (a stop word, a
    Latin-script word, a single letter)."""

    def __init__(self, language: str, general: _GeneralFrequencies) -> None:
        self.language = language
        self.general = general
        self.stops = stop_words(language)
        self.joiners = JOINERS.get(language, frozenset())
        self.cache: dict[str, _Word | None] = {}

    def word(self, word: str) -> _Word | None:
        """Return what ``word`` is (cached per written form)."""
        try:
            return self.cache[word]
        except KeyError:
            pass
        result: _Word | None = None
        folded = fold(word)
        if len(folded) < 2 or not ("\u0600" <= folded[0] <= "\u06ff"):
            result = None
        elif folded in self.joiners:
            result = _Word(_JOINER_MARK + folded, word, False)
        elif folded in self.stops or folded.replace("\u200c", "") in self.stops:
            result = None
        elif self.language == "ar":
            result = self._arabic(word)
        else:
            result = _Word(stem(word, self.language), word, False)
        if result is not None and len(result.key) < 2:
            result = None
        self.cache[word] = result
        return result

    def _zipf(self, bare: str) -> float:
        return self.general.zipf.get(stem(bare, "ar"), self.general.floor)

    def _arabic(self, word: str) -> _Word:
        """Key and head form of an Arabic word, with its glued clitics recognised."""
        bare = strip_marks(word)
        article = _ARTICLE_CLITICS.match(bare)
        if article and article.group(1) is not None:
            skip = len(article.group(1))
            return _Word(stem(bare, "ar"), word[_after_letters(word, skip) :], skip > 0, True)
        if article and article.group(2):
            skip = len(article.group(2))
            return _Word(stem(bare, "ar"), "ا" + word[_after_letters(word, skip) :], True, True)
        # A clitic without the article: strip it when the rest is a clearly more common word in
        # general text («وكأس» → «كأس», «لمهرجان» → «مهرجان», but «وزارة», «لبنان» stay whole).
        letters = 0
        rest = bare
        for allowed in (_CONJUNCTIONS, _PREPOSITIONS):
            if rest[:1] and rest[0] in allowed and len(rest) > 3:
                if self._zipf(rest[1:]) >= self._zipf(rest) + 0.5:
                    rest = rest[1:]
                    letters += 1
                elif allowed == _CONJUNCTIONS:
                    break
        if letters:
            return _Word(stem(rest, "ar"), word[_after_letters(word, letters) :], True)
        return _Word(stem(bare, "ar"), word, False)


def _chunks(text: str, classifier: _Classifier) -> Iterator[tuple[_Chunk, list[tuple[int, int]]]]:
    """Yield the chunks of one paragraph: their keys and the (start, end) of each word."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    previous_end = 0
    definite = False
    word_of = classifier.word
    for match in _WORD_RE.finditer(text):
        start = match.start()
        word = word_of(match.group())
        if (
            word is None
            or word.glued
            or (definite and not word.definite and word.key[0] != _JOINER_MARK)
            or not (
                # One space, by far the commonest gap, is checked without the regex.
                (start - previous_end == 1 and text[previous_end] == " ")
                or _GAP_RE.fullmatch(text, previous_end, start)
            )
        ) and keys:
            yield tuple(keys), spans
            keys, spans = [], []
        if word is not None:
            keys.append(word.key)
            spans.append((start, match.end()))
            if word.key[0] != _JOINER_MARK:
                definite = word.definite
        previous_end = match.end()
    if keys:
        yield tuple(keys), spans


def _phrases(chunk: _Chunk) -> Iterator[tuple[int, int]]:
    """Yield (first, stop) index ranges of the phrases in a chunk: 1..MAX_WORDS words, starting
    and ending on a content word (joiners only inside)."""
    n = len(chunk)
    for first in range(n):
        if chunk[first][0] == _JOINER_MARK:
            continue
        for stop in range(first + 1, min(n, first + MAX_WORDS) + 1):
            if chunk[stop - 1][0] != _JOINER_MARK:
                yield first, stop


@dataclass(slots=True)
class _Candidate:
    """A phrase (tuple of keys) with its counts and salience."""

    keys: tuple[str, ...]
    count: int
    """How often the phrase occurs."""
    weight: float
    """The salience of one occurrence (see `_phrase_weight`)."""
    free: float = 0.0
    """Occurrences not inside a longer candidate phrase (C-value style), set after counting."""
    score: float = 0.0
    """Salience of the phrase in the document (see `_phrase_score`)."""
    stems: frozenset[str] = frozenset()
    """Its content keys, ignoring order and joiners."""

    def __post_init__(self) -> None:
        self.stems = frozenset(k for k in self.keys if k[0] != _JOINER_MARK)


def _combine(values: list[float]) -> float:
    """Salience of a phrase from that of its words: the best word fully, plus half the mean of
    the others. A longer phrase is more specific, but not simply the sum of its parts (which
    would let rare four-word strings beat the document's real subjects)."""
    best = max(values)
    if len(values) == 1:
        return best
    return best + 0.5 * (sum(values) - best) / (len(values) - 1)


def _phrase_weight(keys: tuple[str, ...], keyness: dict[str, float]) -> float:
    """Salience of one occurrence of a phrase, from the keyness of its words."""
    return _combine([keyness[k] for k in keys if k[0] != _JOINER_MARK])


def _phrase_score(candidate: _Candidate, counts: Counter[str], keyness: dict[str, float]) -> float:
    """Salience of a phrase: each of its words lends it a share of the word's salience in the
    document (count × keyness), the share growing with the square root of the part of the
    word's occurrences the phrase accounts for (see `_combine`).

    So a phrase built on the document's central word («التعاون الأمني» in an article about
    security) outranks a phrase as frequent built on a word that merely recurs («مستوى»).
    """
    values = [
        math.sqrt(candidate.free * counts[k]) * keyness[k]
        for k in candidate.keys
        if k[0] != _JOINER_MARK
    ]
    return _combine(values)


def _set_free_counts(candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Give each candidate its count minus the counts of the candidates one word longer that
    contain it, so «واتس» inside «واتس آب» or «الأمني» inside «التعاون الأمني» do not count
    twice as topics of their own."""
    nested: dict[tuple[str, ...], int] = defaultdict(int)
    for keys, candidate in candidates.items():
        if len(keys) < 2:
            continue
        for part in (keys[1:], keys[:-1]):
            while part and part[0][0] == _JOINER_MARK:
                part = part[1:]
            while part and part[-1][0] == _JOINER_MARK:
                part = part[:-1]
            if part in candidates and len(part) < len(keys):
                nested[part] += candidate.count
    for keys, candidate in candidates.items():
        candidate.free = max(0.0, candidate.count - nested.get(keys, 0))


def _topic_limit(paragraph_count: int) -> int:
    """How many topics to report: a handful for an article, more for a book-length text."""
    return max(10, min(150, round(3 * math.sqrt(paragraph_count))))


def extract_topics(paragraphs: Sequence[str], language: str | None = None) -> TopicIndex:
    """Find the topics of a document given as its non-blank paragraphs.

    ``language`` is "ar", "fa" or "ur"; None detects it from the letters. Raises
    `TopicsNotSupported` for a language whose word lists are missing.
    """
    if language is None:
        letters = _count_letters(paragraphs)
        if letters.other and not letters.arabic_script:
            raise TopicsNotSupported(
                "topics are not supported for this text: it has no Arabic-script words "
                "(topics know Arabic, Persian and Urdu)"
            )
        language = detect_language(paragraphs)
    general = _general_frequencies(language)
    classifier = _Classifier(language, general)

    # Pass 1: the chunks of every paragraph, and how often each key occurs.
    chunked: list[list[_Chunk]] = []
    counts: Counter[str] = Counter()
    for text in paragraphs:
        chunks = [keys for keys, _ in _chunks(text, classifier)]
        chunked.append(chunks)
        for keys in chunks:
            counts.update(k for k in keys if k[0] != _JOINER_MARK)
    total = sum(counts.values())
    empty = TopicIndex((), (None,) * len(paragraphs))
    if not total:
        return empty

    # Keyness of each key: log10 of its share of the document over its share of general text.
    log_total = math.log10(total)
    zipf, floor = general.zipf, general.floor
    keyness = {
        key: max(0.0, math.log10(count) - log_total + 9.0 - zipf.get(key, floor))
        for key, count in counts.items()
    }
    # Pass 2: count the phrases whose content words all recur and say something. A word or a
    # phrase seen once is no theme, unless the text is so short that nothing recurs.
    phrase_counts = _count_phrases(chunked, counts, keyness, min_count=2)
    if not phrase_counts:
        phrase_counts = _count_phrases(chunked, counts, keyness, min_count=1)
    by_keys = {
        keys: _Candidate(keys, count, _phrase_weight(keys, keyness))
        for keys, count in phrase_counts.items()
    }
    _set_free_counts(by_keys)
    # A title names what a text is about: the phrases of a short first paragraph get a bonus,
    # as position weighs in keyphrase extractors (KEA, YAKE). Not for a single paragraph.
    opening = (
        {keys[a:b] for keys in chunked[0] for a, b in _phrases(keys)}
        if len(chunked) > 2 and len(paragraphs[0].split()) <= TITLE_WORDS
        else set()
    )
    for candidate in by_keys.values():
        candidate.score = _phrase_score(candidate, counts, keyness)
        if candidate.keys in opening:
            candidate.score *= OPENING_BONUS
    candidates = sorted(by_keys.values(), key=lambda c: (-c.score, -len(c.keys), c.keys))

    topics = _choose_topics(candidates, _topic_limit(len(paragraphs)))
    return _index(paragraphs, chunked, topics, classifier)


def _choose_topics(candidates: list[_Candidate], limit: int) -> list[list[_Candidate]]:
    """Take topics best first, merging variants and nested phrases into the topic they belong
    to (see `_merge_target`); each topic is its list of phrases, the head first."""
    topics: list[list[_Candidate]] = []
    by_stem: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        home = _merge_target(candidate, topics, by_stem)
        if home is not None:
            topics[home].append(candidate)
        elif len(topics) < limit and candidate.score > 0:
            for key in candidate.stems:
                by_stem[key].append(len(topics))
            topics.append([candidate])
        if len(topics) >= limit and candidate.score < topics[-1][0].score / 4:
            break
    return topics


def _count_phrases(
    chunked: list[list[_Chunk]],
    counts: Counter[str],
    keyness: dict[str, float],
    min_count: int,
) -> Counter[tuple[str, ...]]:
    """Count the phrases made only of words that occur ``min_count`` times and have keyness;
    return those that occur ``min_count`` times themselves."""
    useful = {k for k, c in counts.items() if c >= min_count and keyness[k] > 0}
    phrase_counts: Counter[tuple[str, ...]] = Counter()
    for chunks in chunked:
        for keys in chunks:
            for first, stop in _phrases(keys):
                phrase = keys[first:stop]
                if all(k in useful or k[0] == _JOINER_MARK for k in phrase):
                    phrase_counts[phrase] += 1
    return Counter({p: c for p, c in phrase_counts.items() if c >= min_count})


def _merge_target(
    candidate: _Candidate, topics: list[list[_Candidate]], by_stem: dict[str, list[int]]
) -> int | None:
    """The topic ``candidate`` belongs to, if any: one with the same stems, or one whose head
    phrase contains it (or it contains) and is not much rarer or commoner than it.
    ``by_stem`` lists the topics whose head has a given stem (only those can match)."""
    stems = candidate.stems
    sharing = sorted({index for key in stems for index in by_stem.get(key, ())})
    for index in sharing:
        head = topics[index][0]
        head_stems = head.stems
        if stems == head_stems:
            return index
        if (stems < head_stems or head_stems < stems) and min(
            candidate.count, head.count
        ) >= MERGE_SHARE * max(candidate.count, head.count):
            return index
    return None


def _label_phrase(members: list[_Candidate]) -> _Candidate:
    """The phrase that names a topic: its head, or the most frequent longer phrase merged into
    it («مارسيل خليفة» rather than «خليفة», «مسبار فوياجر» rather than «فوياجر»)."""
    head = members[0]
    longer = [m for m in members if m.stems > head.stems]
    if not longer:
        return head
    return max(longer, key=lambda m: (m.count, -len(m.keys)))


def _index(
    paragraphs: Sequence[str],
    chunked: list[list[_Chunk]],
    topics: list[list[_Candidate]],
    classifier: _Classifier,
) -> TopicIndex:
    """Find where the chosen topics occur, label them, and pick each paragraph's main topic."""
    member_of: dict[tuple[str, ...], int] = {}
    for index, members in enumerate(topics):
        for member in members:
            member_of.setdefault(member.keys, index)
    heads = {_label_phrase(members).keys: index for index, members in enumerate(topics)}

    # Pass 3: which topics each paragraph mentions, with how much keyness.
    found: list[set[int]] = [set() for _ in topics]
    weight_in: list[dict[int, float]] = []
    label_paragraphs: dict[int, list[int]] = defaultdict(list)
    weights = {m.keys: m.weight for members in topics for m in members}
    for number, chunks in enumerate(chunked):
        local: dict[int, float] = defaultdict(float)
        for keys in chunks:
            for first, stop in _phrases(keys):
                phrase = keys[first:stop]
                topic = member_of.get(phrase)
                if topic is None:
                    continue
                local[topic] += weights[phrase]
                if phrase in heads and len(label_paragraphs[topic]) < LABEL_SAMPLE:
                    label_paragraphs[topic].append(number)
        for index in local:
            found[index].add(number)
        weight_in.append(local)

    named = _labels(heads, paragraphs, label_paragraphs, classifier)
    labels = [
        named.get(index) or " ".join(k.lstrip(_JOINER_MARK) for k in _label_phrase(members).keys)
        for index, members in enumerate(topics)
    ]
    # A topic's salience is its head phrase's, with the variants of the same words (another
    # order or inflection) added; merged shorter or longer phrases add paragraphs, not salience,
    # since their occurrences largely are the head's.
    scores = [sum(m.score for m in members if m.stems == members[0].stems) for members in topics]
    order = sorted(range(len(topics)), key=lambda i: (-scores[i], i))
    top = scores[order[0]] if order else 1.0
    result = tuple(
        Topic(labels[i], round(scores[i] / top, 4), tuple(sorted(found[i]))) for i in order
    )
    # A paragraph's main topic: the one with most keyness in it, weighed like tf-idf by how
    # few paragraphs share the topic, so a topic found everywhere does not claim them all.
    rank = {index: position for position, index in enumerate(order)}
    rarity = [math.log(1 + len(paragraphs) / max(1, len(found[i]))) for i in range(len(topics))]
    main: list[str | None] = []
    for local in weight_in:
        if not local:
            main.append(None)
            continue
        best = max(local, key=lambda i: (local[i] * rarity[i], -rank[i]))
        main.append(labels[best])
    return TopicIndex(result, tuple(main))


def _labels(
    label_keys: dict[tuple[str, ...], int],
    paragraphs: Sequence[str],
    where: dict[int, list[int]],
    classifier: _Classifier,
) -> dict[int, str]:
    """Name each topic by the best written form of its label phrase (``label_keys`` maps the
    phrase to the topic), read in the paragraphs ``where`` lists for it: a definite form names
    a subject best («الشركة» over «شركته»), then one with more words in their base form
    («الأمن» over «الأمني»), then the commonest form. Each paragraph is read once, whatever the
    number of topics in it."""
    forms: dict[int, Counter[str]] = defaultdict(Counter)
    wanted: dict[int, set[int]] = defaultdict(set)
    for topic, numbers in where.items():
        for number in numbers:
            wanted[number].add(topic)
    for number in sorted(wanted):
        text = paragraphs[number]
        for chunk, spans in _chunks(text, classifier):
            for first, stop in _phrases(chunk):
                topic = label_keys.get(chunk[first:stop], -1)
                if topic not in wanted[number]:
                    continue
                start, end = spans[first]
                head = classifier.word(text[start:end])
                assert head is not None  # every word in a chunk was classified
                forms[topic][head.head + text[end : spans[stop - 1][1]]] += 1

    def preference(item: tuple[str, int]) -> tuple[bool, int, int, str]:
        form, count = item
        return form.startswith("ال"), _base_words(form, classifier), count, form

    return {topic: max(counter.items(), key=preference)[0] for topic, counter in forms.items()}


def _base_words(form: str, classifier: _Classifier) -> int:
    """How many words of ``form`` are written in their base form: nothing but the article
    around the stem («الأمن», not the adjective «الأمني»; «الشركة» is as close as it gets)."""
    base = 0
    for written in form.split():
        word = classifier.word(written)
        if word is None:
            continue
        bare = fold(word.head)
        if bare.startswith("ال") and len(bare) > 3:
            bare = bare[2:]
        base += bare == word.key
    return base
