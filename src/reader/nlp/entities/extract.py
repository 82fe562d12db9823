"""Named entities of a document: who, where, which organisations, events and dates it mentions.

The statistical tagger (`reader.nlp.entities.tagger`, trained on ANERcorp) finds people, places,
organisations and other names (PERS, LOC, ORG, MISC). Rules add what the corpus never tags, DATE
(`reader.nlp.entities.dates`) and EVENT (`reader.nlp.entities.events`), and light evidence
where the tagger is weak on news text: country names in every form
(`reader.nlp.entities.gazetteer`), organisation heads
(وزارة، منظمة، جهاز … + complement) and titles before a person's name (الرئيس، السيد، نظيره …).
Where a rule span clearly covers what the tagger found, the rule wins; otherwise the tagger's
span stays.

`extract_paragraph` works on one paragraph, so a large document streams through it in a worker,
with a name memory carried from paragraph to paragraph; it is thread-safe (the tagger
serialises its own CRF calls), with every table and pattern built once at import.
`EntityIndex` gathers the mentions paragraph by paragraph and groups them into entities with
canonical names (`reader.nlp.entities.canonical`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.nlp.entities.canonical import (
    ENTITY_TYPES,
    NISBA,
    REFERRING_NOUNS,
    cut_letters,
    group_mentions,
)
from reader.nlp.entities.dates import find_dates
from reader.nlp.entities.events import (
    EVENT_HEADS,
    ORGANIZATION_HEADS,
    find_acronym_events,
    find_headed_names,
    head_at,
)
from reader.nlp.entities.foreign import foreign_names
from reader.nlp.entities.gazetteer import (
    CITY_KEYS,
    FUNCTION_WORDS,
    country_of_nisba,
    is_function_word,
    longest_country_at,
    may_start_country,
)
from reader.nlp.entities.memory import NameMemory
from reader.nlp.entities.shapes import (
    NAME_LINKS,
    ORDINALS,
    place_after_preposition,
    refine_spans,
    software_head_before,
)
from reader.nlp.entities.spans import Span, bio_spans
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.normalise import normalise, normalised_words
from reader.nlp.tokens import Token, tokenize
from reader.text.document import Document

__all__ = [
    "ENTITY_TYPES",
    "NISBA",
    "Entity",
    "EntityIndex",
    "Mention",
    "extract_document",
    "extract_paragraph",
    "extract_paragraphs",
    "paragraph_chunks",
]

CHUNK_CHARACTERS = 32_000
"""About how much text `paragraph_chunks` puts together (about 0.2 s of work): the network's
steps serve more sentences at once in a larger chunk (8,000: ~10% slower in all). Also the most
text `extract_paragraphs` tokenises and tags at once."""

PIECE_CHARACTERS = 20_000
"""The longest piece of a paragraph tagged as one: longer paragraphs are cut (`text_pieces`)."""

TAGGER_TYPES = {"PERS": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"}
"""The tagger's ANERcorp labels and the entity types they become."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text names an entity: a span of one paragraph's text.

    ``type`` is one of `ENTITY_TYPES`, or `NISBA` for a nisba adjective («المغربي») that refers
    to a country without naming it; the index attaches those to the country, never lists them.
    """

    paragraph: int
    start: int
    """Offset of the first character in the paragraph's text."""
    end: int
    """Offset just past the last character in the paragraph's text."""
    text: str
    """The paragraph's own characters, ``paragraph_text[start:end]``."""
    type: str
    lead_in: str = field(default="", compare=False, repr=False)
    """For a person named by one word, the word written before it with what separates them
    (``"باسم "``), so that the document's full name can take it back (`complete_names`)."""


@dataclass
class Entity:
    """One person, place, organisation, event, date or other name, with all its mentions."""

    key: str
    """Stable identity within the document (the grouping key)."""
    type: str
    """One of `ENTITY_TYPES`."""
    name: str
    """Canonical display name: the text's own spelling, without glued clitics."""
    mentions: list[Mention]
    """Every mention, in document order."""
    adjectives: list[Mention] = field(default_factory=list)
    """For a country: the nisba adjectives that refer to it («التركية», «المغربي»)."""


_TITLES = normalised_words(
    "الرئيس السيد السيدة الشيخ الملك الملكة الأمير الأميرة الوزير الوزيرة نظيره نظيرته "
    "نظيرها نظيرهم الدكتور الدكتورة العاهل الجنرال اللواء العقيد المستشار المستشارة "
    "البابا الإمام السفير السفيرة المبعوث النائب القاضي الأستاذ المدير المديرة الأمين"
)
"""Words that stand before a person's name."""

_NOT_NAMES = normalised_words(
    "قال قالت أكد أكدت أعلن أعلنت أشار أشارت أضاف أضافت دعا دعت شدد التقى استقبل بحث بحثت "
    "وصل زار قام أجرى عقد ترأس يزور يقوم كان كانت خلال لدى عبر وفد رئيس وزير مدير "
    "إبان أثناء طيلة طوال قبيل"
)
"""Verbs and nouns that follow a title but are not a name («الرئيس قال»), and prepositions of
time («عبد الناصر إبان حكمه», Nasser during his rule: the tagger, with the name remembered
from the rest of the article, ran on into «إبان»)."""

_AMBIGUOUS_COUNTRIES = normalised_words("مالي بنين")
"""Country names that are also common words (مالي "financial"): only the tagger names them."""

_SPELT_FUNCTION_WORDS = frozenset(normalise(w) for w in FUNCTION_WORDS)
"""Function words in `normalise` form: news text often writes «إلى», «على», «لدى» as «الي»,
«علي», «لدي», which the written-form list does not hold (it keeps «علي», Ali, apart)."""

_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

_Span = Span
"""``(first, stop, lead, type)`` over a paragraph's tokens; ``lead`` letters are cut off."""


def _tagger_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, stop, type)`` of the entities in a BIO label sequence, typed as entities."""
    return [(a, b, TAGGER_TYPES.get(kind, "MISC")) for a, b, kind in bio_spans(labels)]


def _is_word(text: str) -> bool:
    """Whether a token has a letter or digit (is not punctuation)."""
    return any(c.isalnum() for c in text)


_LETTER_NAMES = normalised_words("سي كي جي دي بي تي")
"""Latin letters spelt out, which are also function words («سي», «كي»): an initial before a
name («كي ماكيلر») or the start of a model's name («كي جي 320»)."""


def _spelt_letters(raw: Sequence[str], first: int, stop: int) -> bool:
    """Whether a span of two or more words is letters spelt out, each of one to three letters
    («سي أن أن», «أن أس أيه»): an acronym, whose «أن» is no function word."""
    words = raw[first:stop]
    return len(words) >= 2 and all(w.isalpha() and len(w) <= 3 for w in words)


def _trim(raw: Sequence[str], first: int, stop: int) -> tuple[int, int]:
    """Shrink a span past punctuation and function words at either end; an acronym spelt out
    and an initial letter before a name keep theirs («سي ان ان», «كي ماكيلر»)."""
    if _spelt_letters(raw, first, stop):
        return first, stop
    if stop - first >= 2 and normalise(raw[first]) in _LETTER_NAMES and _is_word(raw[first + 1]):
        first_kept = first
    else:
        first_kept = -1
    while (
        first < stop
        and first != first_kept
        and (not _is_word(raw[first]) or is_function_word(raw[first]))
    ):
        first += 1
    while stop > first and (not _is_word(raw[stop - 1]) or is_function_word(raw[stop - 1])):
        stop -= 1
    return first, stop


def _trim_person(words: Sequence[str], first: int, stop: int) -> int:
    """Shrink a tagged person past trailing titles and nouns that start the next phrase
    («محمد السادس الوفد», «محمود ديميرتاش المدير»)."""
    while stop - first > 1 and (
        words[stop - 1] in _TITLES
        or words[stop - 1] in REFERRING_NOUNS
        or words[stop - 1] in _NOT_NAMES
        or head_at(words[stop - 1], ORGANIZATION_HEADS) is not None
    ):
        stop -= 1
    return stop


def _plausible(raw: Sequence[str], first: int, stop: int) -> bool:
    """Whether a tagged span can be a name at all. It must hold a letter. And the tagger
    learnt from Arabic only, so its guesses on Latin text are noise: a span with a lower-case
    Latin word («For loading», «https») or a single letter, in capitals throughout, mixing
    Latin and Arabic words («كود JavaScript»), or standing among Latin words is dropped."""
    words = [w for w in raw[first:stop] if _is_word(w)]
    if not any(c.isalpha() for w in words for c in w):
        return False  # numbers alone («10», «2013») are not names; dates have their own rules
    latin = [w for w in words if w.isascii() and not w.isdigit()]
    if not latin:
        return True
    if len(latin) < len(words) or not all(w[:1].isupper() and len(w) > 1 for w in latin):
        return False
    if len(latin) > 1 and all(w.isupper() for w in latin):
        return False  # a heading in capitals («TERMS OF USE»), not a name
    # A Latin name is kept inside Arabic prose («شركة Google»), not inside Latin text: there
    # the tagger takes capitalised English («TERMS OF USE», «See Parser») for names.
    before = next((w for w in reversed(raw[:first]) if _is_word(w)), None)
    after = next((w for w in raw[stop:] if _is_word(w)), None)
    return not any(w is not None and w.isascii() and w.isalpha() for w in (before, after))


def _retyped(words: Sequence[str], first: int, stop: int, kind: str) -> str:
    """The type of a tagged name that opens with a head noun: «بجامعة ليدز» tagged PERS is an
    organisation, «كأس العالم» tagged MISC an event."""
    if stop - first >= 2:
        if head_at(words[first], ORGANIZATION_HEADS) is not None:
            return "ORGANIZATION"
        if head_at(words[first], EVENT_HEADS) is not None:
            return "EVENT"
    return kind


def _country_spans(words: Sequence[str], covered: Callable[[int], bool]) -> list[_Span]:
    """Country names in any form («المملكة المغربية», «وإسبانيا», «بتركيا»)."""
    spans: list[_Span] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if not may_start_country(word) and (
            word[:1] not in "وفبلك"
            or not (
                may_start_country(word[1:])
                or may_start_country(word[2:])
                or (word.startswith("لل") and may_start_country("ال" + word[2:]))
            )
        ):
            # No country starts here, nor after a clitic cut off (every clitic is one or two
            # letters): most words, a glued «و» or «ب» included.
            i += 1
            continue
        candidates = [(0, word)]
        if word[:1] in "وفبلك":
            if word.startswith("لل"):
                candidates.append((0, "ال" + word[2:]))
            candidates.extend((len(c), word[len(c) :]) for c in _CLITICS if word.startswith(c))
        found = None
        for lead, first_word in candidates:
            if not may_start_country(first_word) or len(first_word) < 3:
                continue
            match = longest_country_at([first_word, *words[i + 1 : i + 6]], 0)
            if match is not None:
                stop = i + match[0]
                single = match[0] == 1 and first_word in _AMBIGUOUS_COUNTRIES
                # «السعودية» is also the nisba: after a definite noun or adjective it agrees
                # with, it describes («العائلة المالكة السعودية»), it names no place.
                adjective = (
                    match[0] == 1
                    and lead == 0
                    and i > 0
                    and words[i - 1].startswith("ال")
                    and words[i - 1] not in _SPELT_FUNCTION_WORDS
                    and country_of_nisba(first_word) is not None
                )
                if not single and not adjective and not covered(i):
                    found = (i, stop, lead, "LOCATION")
                break
        if found is not None:
            spans.append(found)
            i = found[1]
        else:
            i += 1
    return spans


_PERSON_CLASSES = frozenset({"PERSg", "PERSs", "PERSx", "PERSm", "PERSp"})
"""The tagger gazetteer's classes of a person's name word (given, surname, foreign, …)."""


def _listed_name(word: str) -> bool:
    """Whether a normalised word is a person's name word in the tagger's gazetteer or the
    mined list of foreign names."""
    return (
        not _PERSON_CLASSES.isdisjoint(load_tagger().gazetteer.get(word, ()))
        or word in foreign_names().words
    )


def _person_spans(
    words: Sequence[str], labels: Sequence[str], function_words: Container[int]
) -> list[_Span]:
    """A title, its qualifiers, then name words: «نظيره التركي محمود ديميرتاش».

    A function word (an index in ``function_words``, «على» spelt «علي» included) ends the
    name, and skipped qualifiers are never one («الأميرة الي مستشفى»). A word the tagger left
    untagged is a name word only when the name lists hold it (`_listed_name`) or a name link
    binds it («عبد»): after a title, news text puts verbs and nouns as often as names
    («الوزيرة الأميركية صرحت», «الملك ساكنا», «الرئيس سلطة»)."""
    spans: list[_Span] = []
    n = len(words)
    for i, word in enumerate(words):
        if word not in _TITLES and not (word[:1] in "وف" and word[1:] in _TITLES):
            continue
        j = i + 1
        skipped = 0
        while (
            j < n and skipped < 3 and words[j].startswith(("ال", "لل")) and j not in function_words
        ):
            j += 1  # «الرئيس السابق للائتلاف», «نظيره التركي», «المدير العام»
            skipped += 1
        first = j
        while j < n and j - first < 4:
            word_j = words[j]
            linked = j > first and words[j - 1] in NAME_LINKS
            if not word_j[:1].isalpha() or word_j.isascii() or j in function_words:
                break
            if word_j in _NOT_NAMES or word_j in _TITLES or word_j in CITY_KEYS:
                break
            if longest_country_at(words, j) is not None or country_of_nisba(word_j):
                break
            if head_at(word_j, ORGANIZATION_HEADS) or head_at(word_j, EVENT_HEADS):
                break  # «الأستاذ بجامعة ليدز»: an institution follows, not a name
            if j > first and word_j in ORDINALS:
                j += 1  # «الملك محمد السادس»
                break
            untagged = labels[j] == "O"
            if not untagged and not labels[j].endswith("PERS"):
                break  # «نظيره الفرنسي بباريس»: the tagger found a place, not a name
            if j > first and (
                labels[j].startswith("B-") or (untagged and not linked and labels[j - 1] != "O")
            ):
                # The tagger's name ended (or another began: «جورج بوش ورايس»); an untagged
                # word after it opens the next phrase («الرئيس بوش تجاوز صلاحياته»).
                break
            if untagged and j == first and word_j[:1] in "وفبلك":
                break  # «الرئيس بزيارة»: a glued preposition, not a first name
            if word_j.startswith(("ال", "و")) and not linked and untagged:
                break
            if untagged and not linked and not _listed_name(word_j):
                break
            j += 1
        if j > first and words[j - 1] in NAME_LINKS:
            j -= 1
        if j > first:
            spans.append((first, j, 0, "PERSON"))
    return spans


def _nisba_spans(words: Sequence[str], covered: Callable[[int], bool]) -> list[_Span]:
    """Definite nisba adjectives outside every other span: «المسؤول الأمني المغربي»."""
    return [
        (i, i + 1, 0, NISBA)
        for i, word in enumerate(words)
        if word.startswith("ال") and not covered(i) and country_of_nisba(word) is not None
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two ``(first, stop)`` token ranges share a token."""
    return a[0] < b[1] and b[0] < a[1]


def _resolve(
    ruled: Sequence[_Span], evidence: Sequence[_Span], tagged: Sequence[_Span]
) -> list[_Span]:
    """Merge rule, evidence and tagger spans into non-overlapping spans.

    Rule spans (dates, events) win over anything they overlap. An evidence span (a country, an
    organisation head, a titled person) replaces tagger spans only if it covers each of them
    whole; a tagger span reaching outside it keeps its place.
    """
    accepted: list[_Span] = []

    def free(span: _Span) -> bool:
        """Whether ``span`` overlaps no accepted span."""
        return not any(_overlaps(span[:2], other[:2]) for other in accepted)

    accepted.extend(s for s in ruled if free(s))
    for span in evidence:
        clashes = [t for t in tagged if _overlaps(span[:2], t[:2])]
        if all(span[0] <= t[0] and t[1] <= span[1] for t in clashes) and free(span):
            accepted.append(span)
    accepted.extend(t for t in tagged if free(t))
    accepted.sort()
    return accepted


def extract_paragraph(
    paragraph_index: int, text: str, memory: NameMemory | None = None
) -> list[Mention]:
    """The entity mentions in one paragraph, in order, with offsets into ``text``.

    ``memory`` is the document's name memory (`reader.nlp.entities.memory`): give every
    paragraph of a document the same one, in reading order, so a name found earlier is
    recognised again when it comes back bare («حموشي» after «عبد اللطيف حموشي»). Without one, the
    paragraph is read on its own. Thread-safe as long as a memory is not shared between
    threads; the mentions never overlap.
    """
    return extract_paragraphs([(paragraph_index, text)], memory)[0]


def extract_paragraphs(
    paragraphs: Sequence[tuple[int, str]], memory: NameMemory | None = None
) -> list[list[Mention]]:
    """`extract_paragraph` for several paragraphs in reading order (index, text), faster than
    one by one: the tagger's network reads all their sentences in batches.

    Work goes in bounded pieces, whatever the shape of the text: a paragraph longer than
    `PIECE_CHARACTERS` is cut into pieces at sentence ends (at a space if it has none, anywhere
    if it has no space either), and at most about `CHUNK_CHARACTERS` of text is tokenised and
    tagged at a time. The tagger reads sentence by sentence anyway, so a cut at a sentence end
    changes nothing; memory stays a fixed amount plus a small multiple of the text (one 10 MB
    line took 7 GB when it was tagged whole).
    """
    results: list[list[Mention]] = [[] for _ in paragraphs]
    for batch in _piece_batches(paragraphs):
        tokenized, raws = _tokenized(batch)
        labels = load_tagger().tag_paragraphs(raws, memory=memory)
        _collect(batch, tokenized, raws, labels, results, memory.kinds if memory else None)
    return results


Batch = list[tuple[int, int, int, str]]
"""Pieces tagged together: (slot, paragraph index, offset in the paragraph, piece)."""


def _piece_batches(paragraphs: Sequence[tuple[int, str]]) -> Iterator[Batch]:
    """The paragraphs' pieces in batches of about `CHUNK_CHARACTERS`, in order."""
    batch: Batch = []
    size = 0
    for slot, (index, text) in enumerate(paragraphs):
        for offset, piece in iter_pieces(text):
            if batch and size + len(piece) > CHUNK_CHARACTERS:
                yield batch
                batch, size = [], 0
            batch.append((slot, index, offset, piece))
            size += len(piece)
    if batch:
        yield batch


def _tokenized(batch: Batch) -> tuple[list[list[Token]], list[list[str]]]:
    """The tokens of each piece of a batch, and their texts (what the tagger reads)."""
    tokenized = [tokenize(piece) for _, _, _, piece in batch]
    return tokenized, [[t.text for t in tokens] for tokens in tokenized]


def _collect(
    batch: Batch,
    tokenized: Sequence[Sequence[Token]],
    raws: Sequence[Sequence[str]],
    all_labels: Sequence[list[str]],
    results: list[list[Mention]],
    kinds: dict[str, str] | None = None,
) -> None:
    """Add the mentions of a tagged batch's pieces to their paragraphs' lists; ``kinds``, the
    document's head-typed names (`NameMemory.kinds`), is read and updated on the way."""
    for (slot, index, offset, piece), tokens, raw, labels in zip(
        batch, tokenized, raws, all_labels, strict=True
    ):
        found = _mentions(index, piece, tokens, raw, labels, kinds)
        if offset:
            found = [
                Mention(m.paragraph, m.start + offset, m.end + offset, m.text, m.type, m.lead_in)
                for m in found
            ]
        results[slot].extend(found)


_SENTENCE_END = re.compile(r"[.!?؟]+\s+")
_SPACE = re.compile(r"\s+")


def text_pieces(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most ``limit`` characters that make up ``text``, cut
    after the last sentence end of each piece's second half, else after its last space, else at
    the limit (`PIECE_CHARACTERS` by default); a text within the limit is one piece."""
    return list(iter_pieces(text, limit))


def iter_pieces(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """`text_pieces`, each piece cut when it is asked for: the tagging of a long paragraph holds
    the pieces of its batch, not a second copy of the whole paragraph (a list of every piece
    was 3.9 MB for a 3.5 MB one-line document, alive until its last piece was tagged)."""
    if limit is None:
        limit = PIECE_CHARACTERS
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        cut = _last_end(_SENTENCE_END, text, start + limit // 2, stop)
        if cut is None:
            cut = _last_end(_SPACE, text, start + 1, stop)
        if cut is None:
            cut = stop
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _last_end(pattern: re.Pattern[str], text: str, begin: int, stop: int) -> int | None:
    """The end of the last match of ``pattern`` inside ``text[begin:stop]``, or None."""
    end = None
    for match in pattern.finditer(text, begin, stop):
        end = match.end()
    return end


def _mentions(
    paragraph_index: int,
    text: str,
    tokens: Sequence[Token],
    raw: Sequence[str],
    labels: Sequence[str],
    kinds: dict[str, str] | None = None,
) -> list[Mention]:
    """The mentions of one tokenised, tagged paragraph: tagger spans and rule spans merged.
    A name after a software head is software, not a person, for the rest of the document
    (``kinds``): the tagger reads «واتس آب» alone as a person."""
    if not tokens:
        return []
    words = [normalise(w) for w in raw]
    tagged: list[_Span] = []
    for first, stop, kind in _tagger_spans(labels):
        first, stop = _trim(raw, first, stop)
        if kind == "PERSON":
            stop = _trim_person(words, first, stop)
        if first < stop and _plausible(raw, first, stop):
            tagged.append((first, stop, 0, _retyped(words, first, stop, kind)))
    kind_at: dict[int, str] = {i: t[3] for t in tagged for i in range(t[0], t[1])}

    dates = [(a, b, lead, "DATE") for a, b, lead in find_dates(words)]
    dated = {i for a, b, _, _ in dates for i in range(a, b)}
    acronyms = [(a, b, lead, "EVENT") for a, b, lead in find_acronym_events(raw)]
    in_acronym = {i for a, b, _, _ in acronyms for i in range(a, b)}
    # Function words end event and organisation names, in any spelling («حزب الله الي
    # السلطات»); a word the tagger took for a name («علي», Ali) is none.
    function_words = {
        k
        for k, w in enumerate(raw)
        if is_function_word(w) or (words[k] in _SPELT_FUNCTION_WORDS and k not in kind_at)
    }
    people = _person_spans(words, labels, function_words)

    def event_blocked(k: int) -> bool:
        """An event never swallows a date, an acronym event, a function word, a person or an
        organisation."""
        return (
            k in dated
            or k in in_acronym
            or k in function_words
            or kind_at.get(k) in ("PERSON", "ORGANIZATION")
        )

    def absorbable(k: int) -> bool:
        """A tagged place or other name may be part of an event name («كأس أمم إفريقيا»)."""
        return kind_at.get(k) in ("LOCATION", "MISC")

    events = [
        (a, b, lead, "EVENT")
        for a, b, lead in find_headed_names(words, EVENT_HEADS, event_blocked, absorbable)
    ]
    in_event = {i for a, b, _, _ in events for i in range(a, b)}

    def org_blocked(k: int) -> bool:
        """An organisation name never swallows a date, an event, a person or a function word."""
        return (
            k in dated
            or k in in_acronym
            or k in in_event
            or k in function_words
            or kind_at.get(k) == "PERSON"
        )

    def org_absorbable(k: int) -> bool:
        """A tagged name may be part of an organisation's name, unless it only says where the
        organisation is («جامعة القرويين | بفاس»)."""
        return k in kind_at and not place_after_preposition(words[k])

    organisations = [
        (a, b, lead, "ORGANIZATION")
        for a, b, lead in find_headed_names(words, ORGANIZATION_HEADS, org_blocked, org_absorbable)
    ]
    ruled: list[_Span] = sorted([*dates, *acronyms, *events])
    in_ruled = dated | in_acronym | in_event
    countries = _country_spans(words, lambda k: k in in_ruled)
    spans = refine_spans(raw, words, _resolve(ruled, [*countries, *organisations, *people], tagged))
    covered = {i for s in spans for i in range(s[0], s[1])}
    spans = sorted([*spans, *_nisba_spans(words, lambda k: k in covered)])

    mentions: list[Mention] = []
    for first, stop, lead, kind in spans:
        start = tokens[first].start
        if lead:
            start += cut_letters(raw[first], lead)
        end = tokens[stop - 1].end
        if kind in ("PERSON", "LOCATION", "ORGANIZATION", "MISC") and stop - first == 1:
            country = country_of_nisba(words[first])
            if country is not None and words[first].startswith("ال") and kind != "LOCATION":
                kind = NISBA
        if kinds is not None:
            if kind == "MISC" and software_head_before(words, first):
                kinds[_name_key(text[start:end])] = kind
            elif kind == "PERSON" and kinds:  # not a place («برنامج طهران») nor a company's
                kind = kinds.get(_name_key(text[start:end]), kind)  # app («تطبيق الجزيرة»)
        lead_in = ""
        if kind == "PERSON" and stop - first == 1 and first > 0 and not lead:
            before = raw[first - 1]
            if len(before) > 2 and before.isalpha() and not is_function_word(before):
                lead_in = text[tokens[first - 1].start : start]
        mentions.append(Mention(paragraph_index, start, end, text[start:end], kind, lead_in))
    return mentions


def complete_names(mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with a person named by one word taken back to the full name the document
    writes at least twice, when the word before it is that name's first word: the tagger reads
    a given name that is also a common word («باسم», "in the name of"; «أمل», hope) as the
    word in some contexts and as the name in others, and «باسم يوسف» came out «يوسف» in the
    title and the first sentence, a person of its own beside «باسم يوسف»."""
    written = Counter(
        _name_key(m.text) for m in mentions if m.type == "PERSON" and len(m.text.split()) > 1
    )
    if not written:
        return list(mentions)
    completed = []
    for m in mentions:
        if m.lead_in and written[_name_key(m.lead_in + m.text)] >= 2:
            start = m.start - len(m.lead_in)
            m = Mention(m.paragraph, start, m.end, m.lead_in + m.text, m.type)
        completed.append(m)
    return completed


def _name_key(text: str) -> str:
    """A mention's text as `NameMemory.kinds` keys it: normalised, single spaces."""
    return " ".join(normalise(text).split())


class EntityIndex:
    """Gathers mentions paragraph by paragraph and groups them into canonical entities.

    Adding is cheap; `entities` regroups everything added so far (document-wide evidence, such
    as a surname joining the full name seen earlier, needs the whole picture).
    """

    def __init__(self) -> None:
        """Start empty."""
        self._mentions: list[Mention] = []
        self._entities: list[Entity] | None = None
        self.completed: list[tuple[Mention, Mention]] = []
        """The mentions the last grouping took back to a full name, with what they became
        (`complete_names`): the screen's highlights follow them."""

    def add(self, mentions: Sequence[Mention]) -> None:
        """Take in the mentions of one or more paragraphs (any order)."""
        if mentions:
            self._mentions.extend(mentions)
            self._entities = None

    @property
    def mentions(self) -> list[Mention]:
        """Every mention added so far, in the order added."""
        return list(self._mentions)

    def entities(self) -> list[Entity]:
        """The entities, grouped, with canonical names, sorted by type then first mention.

        Computed again only after `add` brought new mentions; callers get their own list.
        """
        if self._entities is None:
            self._entities = self._group()
        return list(self._entities)

    def _group(self) -> list[Entity]:
        """Group every mention added so far into entities."""
        mentions = complete_names(self._mentions)
        self.completed = [
            (a, b) for a, b in zip(self._mentions, mentions, strict=True) if a is not b
        ]
        return [
            Entity(
                group.key,
                group.type,
                group.name,
                [mentions[i] for i in group.members],
                [mentions[i] for i in group.adjectives],
            )
            for group in group_mentions(mentions)
        ]


def paragraph_chunks(
    paragraphs: Iterable[tuple[int, str]], characters: int = CHUNK_CHARACTERS
) -> Iterator[list[tuple[int, str]]]:
    """Runs of consecutive paragraphs (index, text) of about ``characters`` together (a long
    paragraph alone), in order: `extract_paragraphs` reads a chunk several times faster than
    its paragraphs one by one, and a chunk is still only a fraction of a second of work, so a
    worker can stop or post between chunks."""
    chunk: list[tuple[int, str]] = []
    size = 0
    for paragraph in paragraphs:
        if chunk and size + len(paragraph[1]) > characters:
            yield chunk
            chunk, size = [], 0
        chunk.append(paragraph)
        size += len(paragraph[1])
    if chunk:
        yield chunk


def extract_document(document: Document, jobs: int = 1) -> list[Entity]:
    """The entities of a whole document (its paragraphs through `extract_paragraphs` chunk by
    chunk, in order, with one name memory). ``jobs`` > 1 runs the tagger's network and CRF on
    that many worker processes, batches in flight while this one does the rest in order: the
    same entities, sooner on idle cores. The paragraphs are read one by one, never listed: one
    word a line is a million of them."""
    paragraphs = ((p.index, p.text) for p in document.paragraphs)
    if jobs > 1:
        return _extract_in_processes(paragraphs, jobs)
    index = EntityIndex()
    memory = NameMemory()
    for chunk in paragraph_chunks(paragraphs):
        for mentions in extract_paragraphs(chunk, memory):
            index.add(mentions)
    return index.entities()


def _decode(raws: list[list[str]]) -> list[tuple[list[str], Any]]:
    """The tagger's `decode` of a batch, in a worker process."""
    return load_tagger().decode(raws)


def _extract_in_processes(paragraphs: Iterable[tuple[int, str]], jobs: int) -> list[Entity]:
    """`extract_document` with the tagger's `decode` on ``jobs`` processes.

    Batches go out in order, at most two per worker ahead; this process tokenises them, and
    takes the results back in order for the fixes, the name memory (which must see the
    document in reading order), the mentions and the grouping, exactly as one process does.
    """
    import multiprocessing  # only a document tagged on several processes pays for these
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    tagger = load_tagger()  # loaded before the workers start: forked ones share it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    index = EntityIndex()
    memory = NameMemory()
    Pending = tuple[list[list[Mention]], Batch, list[list[Token]], list[list[str]], bool, Any]
    pending: deque[Pending] = deque()

    def finish_one() -> None:
        results, batch, tokenized, raws, last, future = pending.popleft()
        if future is not None:
            labels = tagger.finish(raws, future.result(), memory=memory)
            _collect(batch, tokenized, raws, labels, results, memory.kinds)
        if last:
            for mentions in results:
                index.add(mentions)

    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for chunk in paragraph_chunks(paragraphs):
            results: list[list[Mention]] = [[] for _ in chunk]
            batches = list(_piece_batches(chunk))
            if not batches:
                pending.append((results, [], [], [], True, None))
            for n, batch in enumerate(batches):
                tokenized, raws = _tokenized(batch)
                future = pool.submit(_decode, raws)
                pending.append((results, batch, tokenized, raws, n == len(batches) - 1, future))
                while len(pending) > 2 * jobs:
                    finish_one()
        while pending:
            finish_one()
    return index.entities()
