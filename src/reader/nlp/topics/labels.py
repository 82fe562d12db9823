"""Labels: the written form that names a theme, and when two labels name one thing.

A theme is a group of candidate phrases known by their keys (stems). Its label is the best way
the text writes one of them, read in a few of the theme's paragraphs: the phrase that names the
theme best (a longer phrase that extends the head and occurs nearly as often: «مارسيل خليفة»
over «خليفة»; then the head; then the other members), in its best written form (definite,
words in their base form, commonest), as long as `lexicon.label_fault` allows it: no bare
adjective, verb, number, unit or filler noun. A single word written without the article must
recur (`NAME_COUNT`) to be taken for a name, so a verb that slipped through once is no label.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.nlp.stem import fold, stem
from reader.nlp.topics.agreement import Agreement
from reader.nlp.topics.candidates import Candidate
from reader.nlp.topics.flat import FlatText
from reader.nlp.topics.lexicon import (
    bare_form,
    is_definite,
    label_fault,
    word_kind,
)
from reader.nlp.topics.series import construct_heads, numbered_forms
from reader.nlp.topics.verbs import looks_definite_verb
from reader.nlp.topics.wording import (
    glued_preposition,
    in_a_name,
    name_and_object,
    nisba_of,
    unglued,
    with_teen,
)
from reader.nlp.topics.words import JOINER_MARK, Classifier, chunks, phrases

__all__ = [
    "NAME_COUNT",
    "QUALIFIER_SPREAD",
    "base_words",
    "choose_label",
    "facets",
    "label_key",
    "pervasive_keys",
    "share_only_qualifiers",
    "written_forms",
]

NAME_COUNT = 3
"""How often a single word written without the article must occur to label a theme."""

STRANGER_SHARE = 0.25
"""A phrase sharing no word with the theme's head (a near-synonym by paragraphs) names the
theme only when at least this share as salient as the head."""

LONGER_SHARE = 0.5
"""A longer phrase extending the head names the theme when it occurs at least this share as
often as the head."""


NAME_EXTENSION_SHARE = 0.25
"""The same for a one-word head («خليفة» in «مارسيل خليفة»)."""


QUALIFIER_SPREAD = 0.5
"""Two labels sharing only an adjective name one theme unless the adjective is in more than
this share of the paragraphs."""

DESCRIPTION_FAULTS = frozenset({"indefinite", "verb"})
"""A phrase rejected only for these (`lexicon.label_fault`) is a description or a clause
(«سيدة بريطانية», «ذاع صيت»): no part of it labels its theme either."""

_NAME_STARTS = frozenset(fold(w) for w in ["أبو", "أبي", "أم", "ابن", "بن", "بنت", "عبد"])
"""Words that begin a name but are stop words to the chunker: a label starting right after
one takes it along."""

_LINEAGE = frozenset(fold(w) for w in ["بن", "بنت"])
"""«son of», «daughter of» written without the alef: inside a name, after the person's own
name («محمد بن قلاوون»); a name starts with one only as a family name («بن علي»)."""

_NOT_GIVEN = frozenset({"adjective", "verb", "unit", "filler", "common"})
"""Kinds of word (`lexicon.word_kind`) that are no one's own name before «بن»."""


def _name_start(word: str) -> str:
    """``word`` without a glued conjunction or preposition when it begins a name («لأم» →
    «أم»), else ""."""
    if fold(word) in _NAME_STARTS:
        return word
    if len(word) > 2 and word[0] in "وفبل" and fold(word[1:]) in _NAME_STARTS:
        return word[1:]
    return ""


def written_forms(
    member_of: dict[tuple[str, ...], int],
    paragraphs: Sequence[str],
    where: dict[int, list[int]],
    classifier: Classifier,
    agreement: Agreement | None = None,
) -> dict[tuple[str, ...], Counter[str]]:
    """The written forms of the member phrases (``member_of`` maps a phrase to its theme),
    read in the paragraphs ``where`` lists per theme; each paragraph is read once. A one-word
    member's definite occurrences are counted in ``agreement``, with whether a definite word
    of its chunk comes right before it (`agreement`)."""
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    wanted: dict[int, set[int]] = defaultdict(set)
    for theme, numbers in where.items():
        for number in numbers:
            wanted[number].add(theme)
    for number in sorted(wanted):
        text = paragraphs[number]
        for chunk, spans in chunks(text, classifier):
            for first, stop in phrases(chunk):
                keys = chunk[first:stop]
                if member_of.get(keys, -1) not in wanted[number]:
                    continue
                start, end = spans[first]
                head = classifier.word(text[start:end])
                assert head is not None  # every word in a chunk was classified
                form = head.head + text[end : spans[stop - 1][1]]
                before = _word_before(text, start)
                if not head.glued and before and _name_start(before[-1]):
                    form = f"{_name_start(before[-1])} {form}"  # «أم كلثوم», «أبو النمرس»
                    if fold(before[-1]) in _LINEAGE:
                        form = _with_own_name(text, start, form, classifier)
                forms[keys][form] += 1
                if agreement is not None and stop == first + 1 and head.definite:
                    agreement.add(form, _after_definite(text, chunk, spans, first, classifier))
    return forms


WORD_WINDOW = 64
"""How far back the word before a phrase is looked for: a name's first word («أبو», «لأم») is
short, and a longer word before is none."""


def _word_before(text: str, start: int) -> list[str]:
    """The word written before ``start`` (as a one-item list), or [] when there is none or it
    is longer than `WORD_WINDOW`. Bounded: the text before the phrase was copied and split
    whole, for each phrase of a paragraph, and a paragraph without spaces took seconds per
    megabyte squared (`reader topics` on 2 MB of Arabic letters without spaces: 19 s)."""
    low = max(0, start - WORD_WINDOW)
    window = text[low:start]
    words = window.rstrip().rsplit(maxsplit=1)
    if len(words) == 1 and low > 0 and not window[:1].isspace():
        return []  # the window starts inside a word longer than itself
    return words[-1:]


def _with_own_name(text: str, start: int, form: str, classifier: Classifier) -> str:
    """``form`` («بن قلاوون», found at ``start`` after «بن») with the name written before
    «بن» («محمد بن قلاوون»): the phrase alone is the end of someone's lineage, which
    names no one. Left as it is after a title, a verb or a glued word («الرئيس بن علي»,
    «وقال بن كيران»: there «بن» begins a family name)."""
    lineage = start
    while lineage > 0 and text[lineage - 1].isspace():
        lineage -= 1
    while lineage > 0 and not text[lineage - 1].isspace():
        lineage -= 1  # the start of «بن»
    own = _word_before(text, lineage)
    if not own:
        return form
    word = classifier.word(own[0])
    if word is None or word.glued or word.definite or word.head != own[0]:
        return form
    if word_kind(own[0], classifier.language) in _NOT_GIVEN:
        return form
    return f"{own[0]} {form}"


def _after_definite(
    text: str, chunk: tuple[str, ...], spans: list[tuple[int, int]], at: int, classifier: Classifier
) -> bool:
    """Whether the word at ``at`` in a chunk comes right after a definite content word."""
    if at == 0 or chunk[at - 1][0] == JOINER_MARK:
        return False
    start, end = spans[at - 1]
    before = classifier.word(text[start:end])
    return before is not None and before.definite


def _label_order(members: list[Candidate]) -> list[Candidate]:
    """The member phrases in the order they are tried as label."""
    head = members[0]
    longer = [m for m in members if m.stems > head.stems and m.count >= LONGER_SHARE * head.count]
    longer.sort(key=lambda m: (-m.count, len(m.keys)))
    rest = [m for m in members if m is not head and m not in longer]
    return [*longer[:1], head, *longer[1:], *rest]


def choose_label(
    members: list[Candidate],
    forms: dict[tuple[str, ...], Counter[str]],
    classifier: Classifier,
    names: frozenset[str] = frozenset(),
    agreement: Agreement | None = None,
    document: FlatText | None = None,
) -> str | None:
    """The label of a theme, or None when none of its phrases is written as a fit label.
    ``names``, the entity tagger's names, may be written without the article in common words
    («بيت لحم»), or be one word measured as a common noun («قطر», «حماس»: «القطر» is a
    diameter, «الحماس» zeal): the tagger found them to be names in this text. A word the
    lexicon has not measured as common, written by the text as an adjective (``agreement``:
    «المضعَّف», weakened), labels nothing alone; a theme headed by one is a quality, not a
    thing, and no phrase of it labels the theme («الشكل المضعَّف», the weakened form). A
    form the text (``document``) writes only before numbers names a numbered series
    (`series`: «فرقة البانزر 6», «فرقة البانزر 11»), none of its members."""
    language = classifier.language

    def preference(item: tuple[str, int]) -> tuple[bool, int, int, str]:
        form, count = item
        first = form.split()[0]
        named = is_definite(first) or fold(first) in _NAME_STARTS - _LINEAGE
        return named, base_words(form, classifier), count, form

    written = [form for m in members for form in forms.get(m.keys, ())]
    numbered = numbered_forms(written, document) if document is not None else frozenset()
    heads = construct_heads(written, document) if document is not None else frozenset()
    descriptions: list[frozenset[str]] = []
    head = members[0]
    for member in _label_order(members):
        counter = forms.get(member.keys)
        if not counter or any(member.stems <= d for d in descriptions):
            continue  # a part of a description («سيدة» of «سيدة بريطانية») names no more
        if not member.stems & head.stems and member.score < STRANGER_SHARE * head.score:
            continue  # «بحر» (5.0), found where «أعلى جبل» (27.6) is, names no mountain
        faults = set()
        agreeing = False
        bases = {bare_form(form) for form in counter if " " not in form}
        for form, _ in sorted(counter.items(), key=preference, reverse=True):
            fault = "number" if form in numbered else label_fault(form, language)
            if fault is None and nisba_of(form, bases):
                fault = "adjective"  # «الفرويدي» where the theme writes «فرويد»
            if form in heads and form not in names:
                fault = "fragment"  # «منتصف» of «منتصف الثلاثينيات», «منتصف الثمانينيات»
            if fault in ("indefinite", "common") and form in names:
                fault = None
            if (
                fault is None
                and agreement is not None
                and _agrees(form, agreement)
                and not in_a_name(form, names)
            ):
                fault, agreeing = "adjective", True
            faults.add(fault)
            if fault is not None:
                continue
            words = form.split()
            if fold(words[-1]) in _NAME_STARTS:
                continue  # «أبو» alone, or a label cut before the name it begins
            if len(words) == 1 and not is_definite(form) and member.count < NAME_COUNT:
                continue
            if names and _imperfect_verb(words[0], names, language):
                continue  # «يقبع», «يدعو الحزب»: a clause, not a subject
            if looks_definite_verb(words[0], classifier) and not in_a_name(words[0], names):
                continue  # «التحق» (joined), «التقى الشيخ» (the sheikh met): `verbs`
            if names and len(words) == 1 and glued_preposition(form) and not in_a_name(form, names):
                continue  # «بزعامة» (led by): «ب» + «زعامة», a preposition's phrase
            if names and name_and_object(words, names):
                continue  # «ستيلا مجموعة»: Stella [launched] a collection, a clause's words
            if document is None or language != "ar":
                return form
            return with_teen(unglued(form, document), document)  # Arabic clitics, «عشر»
        if agreeing and faults == {"adjective"} and member is members[0]:
            return None  # the head is an adjective in this text: the theme is a quality
        if faults <= DESCRIPTION_FAULTS:
            descriptions.append(member.stems)
    return None


def _imperfect_verb(word: str, names: frozenset[str], language: str) -> bool:
    """Whether a label's first word is an imperfect verb the lexicon has not measured: four
    letters or more after «ي» («يقبع», lies; «يحرس», guards; «يدعو», calls: large-01's articles
    on Dante's Inferno and on the Egyptian Freedom party labelled themes «يقبع» and «يدعو
    الحزب»). A name opening with «ي» («يوسف») is one only if the entity tagger named it, so
    this is asked only of a short text, whose ``names`` the tagger found (tune figures
    unchanged)."""
    folded = fold(word)
    return (
        language == "ar"
        and folded.startswith("ي")
        and len(folded) >= 4
        and word_kind(word, language) is None
        and not in_a_name(word, names)
    )


def _agrees(form: str, agreement: Agreement) -> bool:
    """Whether ``form`` is one word, unmeasured or measured on few occurrences
    (`lexicon.word_kind` None or "noun"), that the text writes, with the article, as an
    adjective: then it is none without the article either («مضعّف»), though it recurs like a
    name (`NAME_COUNT`)."""
    words = form.split()
    return (
        len(words) == 1
        and word_kind(words[0]) in (None, "noun")
        and agreement.is_adjective(words[0])
    )


def base_words(form: str, classifier: Classifier) -> int:
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


def label_key(label: str, language: str) -> frozenset[str]:
    """The stems of a label's words: two labels with the same stems name one thing."""
    return frozenset(stem(w, language) for w in label.split() if not w.startswith(JOINER_MARK))


def pervasive_keys(chunked: Sequence[Sequence[Sequence[str]]]) -> frozenset[str]:
    """The keys found in more than `QUALIFIER_SPREAD` of the paragraphs: an adjective of the
    whole text's subject («الأمني» in an article on security) says nothing when shared."""
    spread: Counter[str] = Counter()
    for paragraph in chunked:
        spread.update({key for chunk in paragraph for key in chunk})
    most = QUALIFIER_SPREAD * len(chunked)
    return frozenset(key for key, n in spread.items() if n > most)


def share_only_qualifiers(shared: frozenset[str], nouns: frozenset[str]) -> bool:
    """Whether two labels share only adjectives: «اللقاحات الحيوانية» and «انتشار الأمراض
    الحيوانية» qualify two nouns by one adjective and speak of one field."""
    return bool(shared) and not shared & nouns


def facets(labels: list[str], pervasive: frozenset[str], language: str) -> list[frozenset[int]]:
    """Per theme, the other themes whose label shares a word's stem with its label, that stem
    not being all over the text («السياسات الاقتصادية», «أداء الاقتصاد الكلي»), or whose
    label's stems hold its label's or lie in them, whatever their spread («عابدين مقرا» beside
    «عابدين», the article's subject): of two such themes only the better ranked is kept, the
    other being a facet of it."""
    whole = [label_key(label, language) for label in labels]
    stems = [keys - pervasive for keys in whole]
    holders: dict[str, set[int]] = defaultdict(set)
    for t, keys in enumerate(stems):
        for key in keys:
            holders[key].add(t)
    result = [{o for key in keys for o in holders[key] if o != t} for t, keys in enumerate(stems)]
    for t, keys in enumerate(whole):
        for o in range(t + 1, len(whole)):
            if keys and whole[o] and (keys <= whole[o] or whole[o] <= keys):
                result[t].add(o)
                result[o].add(t)
    return [frozenset(r) for r in result]
