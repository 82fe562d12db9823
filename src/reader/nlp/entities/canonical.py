"""Canonical names: strip glued clitics, fold spelling variants, join the names of one entity.

The mentions of one thing vary: «وإسبانيا» and «إسبانيا», «لمنظمة الإنتربول» and «الإنتربول»,
«عبد اللطيف حموشي» and later «حموشي», «المملكة المغربية» and «المغرب». `group_mentions` turns
a document's mentions into groups, one per entity, each with a clean display name:

- a proclitic (و ف ب ل ك and their pairs, ل + ال → ال) is cut off the first word only when the
  rest is certainly a word: a known country, city or name head, a word seen unprefixed in
  another mention of the document, an ال-word, or a word opening with a hamza seat (Arabic
  words do not start «وأ»). «بلال», «كمال», «وليد» keep their first letter;
- names are compared in `name_key` form (harakat, tatweel, أ/إ/آ/ا, ى/ي, ة/ه folded), but the
  display name is a mention's own spelling, never folded: «على» never shows as «علي», and a
  function word is never a name;
- a surname alone («حموشي») joins the one full name that ends with it; an organisation without
  its head noun («الإنتربول») joins «منظمة الإنتربول»; an event cut short joins the one longer
  event it begins; a country's formal name joins its short name (`reader.nlp.entities.gazetteer`);
- a bare nisba adjective («المغربي», «التركية») is not an entity: it becomes an adjective of its
  country's entity, if the document names that country.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reader.nlp.entities.events import EVENT_HEADS, ORGANIZATION_HEADS
from reader.nlp.entities.gazetteer import (
    CITY_KEYS,
    country_by_key,
    country_of_nisba,
    is_function_word,
    name_key,
)
from reader.nlp.entities.placeheads import NAMED_AFTER_HEADS
from reader.nlp.entities.shapes import ORGANIZATION_HEADS as SPAN_ORGANIZATION_HEADS
from reader.nlp.entities.shapes import REGNAL
from reader.nlp.normalise import normalise, normalised_words

__all__ = [
    "ENTITY_TYPES",
    "NISBA",
    "REFERRING_NOUNS",
    "Group",
    "MentionLike",
    "cut_letters",
    "group_mentions",
    "strip_proclitic",
]

ENTITY_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "EVENT", "DATE", "MISC")
"""The entity types, in the order the index lists them."""

NISBA = "NISBA"
"""Mention type of a nisba adjective («المغربي»): linked to its country, never an entity."""

_NAME_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "MISC"})
"""Types the tagger confuses with one another: one name is one entity whatever it was tagged."""

_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_HAMZA_SEATS = frozenset("أإآ")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HEAD_WORDS = frozenset(
    {*ORGANIZATION_HEADS, *EVENT_HEADS}
    | {"ال" + h for h in ORGANIZATION_HEADS}
    | {"ال" + h for h in EVENT_HEADS}
)


_WAW_NAMES = normalised_words(
    "وليد وائل وسام وفاء وديع وجدي وحيد وهيب وصفي وداد وعد وئام وجيه ولاء وضاح وهبة ورد "
    "وردة وهاب وهبي وزير والي وطفة وفيق وفيقة وصال وحيدة وداعة ويليام ويلسون وارن "
    "واشنطن والتر وين وانغ وو"
)
"""First names and surnames that begin with و (kept whole even at the start of a person)."""


REFERRING_NOUNS = normalised_words(
    "الجانب الجانبان الجانبين الطرف الطرفان الطرفين البلد البلدان البلدين الدولتان الدولتين "
    "المسؤول المسؤولان المسؤولين الوفد الوفدان الوفدين الحكومتين العاصمة الرئيس"
)
"""Nouns that point back at something named («الجانبان» the two sides): never a name alone."""


class MentionLike(Protocol):
    """What grouping needs of a mention (`reader.nlp.entities.Mention` has it)."""

    @property
    def paragraph(self) -> int:
        """Index of the paragraph the mention is in."""

    @property
    def start(self) -> int:
        """Offset of its first character in the paragraph."""

    @property
    def text(self) -> str:
        """Its characters as written."""

    @property
    def type(self) -> str:
        """Its entity type, or `NISBA`."""


@dataclass
class Group:
    """One entity: its key, type, display name and the indices of its mentions."""

    key: str
    type: str
    name: str
    members: list[int]
    """Indices into the mention list given to `group_mentions`, in document order."""
    adjectives: list[int] = field(default_factory=list)
    """Indices of the nisba mentions («التركية») that refer to this country."""


_LONE_HEADS = _HEAD_WORDS | SPAN_ORGANIZATION_HEADS | NAMED_AFTER_HEADS
"""Heads that alone name nothing, the span rules' too («نادي», «منتخب», «صحيفة», «شارع»)."""


def cut_letters(raw: str, count: int) -> int:
    """Index in ``raw`` after its first ``count`` letters and the marks that follow them."""
    index = 0
    letters = 0
    while index < len(raw) and letters < count:
        index += 1
        letters += 1
        while index < len(raw) and (
            unicodedata.category(raw[index]) == "Mn" or raw[index] == "\u0640"
        ):
            index += 1
    return index


def _known_name(key: str, other_words: Sequence[str]) -> bool:
    """Whether a first word and the words after it make a known country or city name."""
    whole = " ".join([key, *(normalise(w) for w in other_words)])
    return country_by_key(whole) is not None or whole in CITY_KEYS or key in CITY_KEYS


def _known(rest_key: str, other_words: Sequence[str], seen: frozenset[str]) -> bool:
    """Whether a first word without its clitic is certainly a word (see the module docstring)."""
    whole = " ".join([rest_key, *(normalise(w) for w in other_words)])
    return (
        rest_key in seen
        or rest_key in _HEAD_WORDS
        or country_by_key(whole) is not None
        or country_by_key(rest_key) is not None
        or whole in CITY_KEYS
        or rest_key in CITY_KEYS
        or (rest_key.startswith("ال") and len(rest_key) >= 4)
    )


def strip_proclitic(
    words: Sequence[str],
    seen: frozenset[str] = frozenset(),
    person: bool = False,
    repeated: frozenset[str] = frozenset(),
    definite: frozenset[str] = frozenset(),
) -> list[str]:
    """The name's words with a glued proclitic cut off the first word, when that is certain.

    ``seen`` holds the normalised words that occur elsewhere in the document's mentions. For a
    ``person`` of two words or more, a leading «و» is cut unless the first name starts with it
    («وليد», «وائل») or the word recurs in the document's mentions (``repeated``: «واتس آب»).
    ``definite`` holds the document's mentions that start with the article, normalised: a
    mention cut from «للمجلس التنفيذي» after its «ل» reads «لمجلس التنفيذي», and is
    «المجلس التنفيذي» when the document names that.
    """
    if not words:
        return []
    first, rest_words = words[0], list(words[1:])
    key = normalise(first)
    if key.startswith("ل") and not key.startswith("لل") and definite:
        whole = " ".join(["ا" + key, *(normalise(w) for w in rest_words)])
        if whole in definite:
            return ["ا" + first, *rest_words]
    if key in _HEAD_WORDS or _known_name(key, rest_words):
        return [first, *rest_words]  # «كأس», «بلجيكا»: the word is whole as it stands
    # «للأمن» is ل + الأمن with the article's alef unwritten.
    if key.startswith("لل") and len(key) >= 4 and _known("ال" + key[2:], rest_words, seen):
        return ["ا" + first[cut_letters(first, 1) :], *rest_words]
    if (
        person
        and rest_words
        and key.startswith("و")
        and len(key) >= 4
        and key not in _WAW_NAMES
        and key not in repeated
    ):
        # «ودانييلي كاستاديلو»: a name in a list keeps its «و» glued on (ANERcorp style).
        return [first[cut_letters(first, 1) :], *rest_words]
    for clitic in _PROCLITICS:
        if not key.startswith(clitic) or len(key) - len(clitic) < 3:
            continue
        rest_key = key[len(clitic) :]
        cut = cut_letters(first, len(clitic))
        hamza = clitic[0] in "وف" and first[cut] in _HAMZA_SEATS  # «وإسبانيا»; not «كأس»
        if hamza or _known(rest_key, rest_words, seen):
            return [first[cut:], *rest_words]
    return [first, *rest_words]


@dataclass
class _Draft:
    """A group being built: its key, the words of each member's clean name, its members."""

    key: str
    words: list[list[str]]
    members: list[int]
    types: list[str]
    country: str | None = None


def _clean_words(text: str) -> list[str]:
    """The words of a mention's text, with punctuation at either end dropped; plus signs
    written apart after a program's name are part of it («C ++» is «C++», not «C»)."""
    words = text.split()
    if len(words) > 1 and words[-1] == "++":
        words[-2:] = [words[-2] + "++"]
    elif len(words) > 2 and words[-1] == words[-2] == "+":
        words[-3:] = [words[-3] + "++"]
    while words and not any(c.isalnum() for c in words[-1]):
        words.pop()
    while words and not any(c.isalnum() for c in words[0]):
        words.pop(0)
    return words


def _draft_key(kind: str, words: Sequence[str]) -> tuple[str, str | None]:
    """The grouping key of a clean name, and its country code if it names a country."""
    key = name_key(words)
    if kind in _NAME_TYPES:
        country = country_by_key(key)
        if country is not None:
            return f"NAME:country:{country.code}", country.code
        return f"NAME:{key}", None
    return f"{kind}:{key.translate(_DIGITS)}", None  # «عام ٢٠٢٥» is «عام 2025»


def _final(merged: dict[str, str], key: str) -> str:
    """The group a key ended up in, following the joins recorded in ``merged``."""
    while key in merged:
        key = merged[key]
    return key


def _join_into(drafts: dict[str, _Draft], small: str, large: str) -> None:
    """Move the members of group ``small`` into group ``large``."""
    target = drafts[large]
    source = drafts.pop(small)
    target.words.extend(source.words)
    target.members.extend(source.members)
    target.types.extend(source.types)


def _partial_forms(
    kind: str, majority: str, words: Sequence[str], for_person: bool = False
) -> list[tuple[str, ...]]:
    """The shorter names that may stand for a full name of this kind and type.

    ``for_person``: the shorter name is a person's, so a full name the tagger typed otherwise
    («جيمي ويلز» as ORG) may still be that person's.
    """
    n = len(words)
    if kind == "EVENT":
        return [tuple(words[:k]) for k in range(2, n)]  # «المعرض الدولي» for the full event
    if kind != "NAME":
        return []
    if n > 1 and (majority == "PERSON" or for_person):
        forms = [tuple(words[k:]) for k in range(1, n)]  # surnames: «حموشي», «اللطيف حموشي»
        forms.append((words[0],))  # a first name alone: «مارك»
        return forms
    if majority == "ORGANIZATION" and n > 1 and words[0].removeprefix("ال") in ORGANIZATION_HEADS:
        return [tuple(words[1:])]  # «الإنتربول» for «منظمة الإنتربول»
    return []


def _common_phrase(words: Sequence[str]) -> bool:
    """Whether a name opens with a definite word or an organisation's or event's head: a
    phrase of common words («العصر العباسي», «اتحاد شباب ماسبيرو») that no person's surname or
    first name stands for, whatever the tagger typed its words."""
    first = words[0]
    return first.startswith("ال") or first.removeprefix("ال") in _LONE_HEADS


def _join_partial_names(drafts: dict[str, _Draft]) -> None:
    """Join surnames and lone first names, head-less organisations and cut-short events to
    the one full name they can belong to (none if two full names qualify).

    Linear in the number of groups: every full name registers the partial forms it accepts.
    """
    accepting: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    accepting_person: dict[tuple[str, ...], set[str]] = {}
    majorities: dict[str, str] = {}
    written = {key: len(draft.members) for key, draft in drafts.items()}
    for key, draft in drafts.items():
        if draft.country is not None:
            continue
        kind, name = key.split(":", 1)
        majority = Counter(draft.types).most_common(1)[0][0]
        majorities[key] = majority
        for form in _partial_forms(kind, majority, name.split()):
            accepting.setdefault((kind, form), set()).add(key)
        if kind == "NAME" and majority != "PERSON" and not _common_phrase(name.split()):
            for form in _partial_forms(kind, majority, name.split(), for_person=True):
                accepting_person.setdefault(form, set()).add(key)
    merged: dict[str, str] = {}

    # Longer names first, so «اللطيف حموشي» has joined before «حموشي» looks for its match.
    for small_key in sorted(drafts, key=lambda k: -len(k.split())):
        small = drafts.get(small_key)
        if small is None or small.country is not None:
            continue
        kind, name = small_key.split(":", 1)
        if name in CITY_KEYS:
            continue
        form = tuple(name.split())
        candidates = set(accepting.get((kind, form), ()))
        small_majority = Counter(small.types).most_common(1)[0][0]
        if kind == "NAME" and small_majority == "PERSON":
            candidates |= accepting_person.get(form, set())
        if small_majority == "LOCATION" or (
            small_majority != "PERSON" and name.startswith("ال")
        ):  # «أسيوط» is the city, not «جامعة أسيوط»; «الإسلام» is no surname of «سيف الإسلام»
            candidates = {k for k in candidates if majorities[k] == small_majority}
        targets = {_final(merged, k) for k in candidates}
        targets.discard(small_key)
        if len(targets) > 1 and kind == "NAME" and small_majority == "PERSON":
            people = {
                k
                for k in candidates
                if majorities[k] == "PERSON" and written[k] >= SURNAME_EVIDENCE
            }
            targets = _by_surname(form, people, merged, small_key) or targets
        if len(targets) == 1:
            (target,) = targets
            _join_into(drafts, small_key, target)
            merged[small_key] = target


SURNAME_EVIDENCE = 2
"""How often a person's full name must be written for a surname alone to be read as his
when other names start with that word (`_by_surname`): a name written once may be a
tagger's run of words («أنجبا أوزوريس», they begot Osiris)."""

_NOT_BEFORE_SURNAME = normalised_words("بن ابن بنت ابنة أبي أبو آل عبد")
"""Words after which a name is a parent's or a family's, or the rest of a given name, not a
surname («محمد بن أبي زينب»: «زينب» alone is someone else; «عبد السلام»: «السلام» is
peace)."""


def _by_surname(
    form: tuple[str, ...], candidates: set[str], merged: dict[str, str], small_key: str
) -> set[str]:
    """Of the full names a person's partial name could belong to (people whose name is
    written at least `SURNAME_EVIDENCE` times), the one it ends as a surname, if only one:
    «هتلر» is «أدولف هتلر», though the tagger also ran «هتلر» into the words after it as the
    first word of other names («هتلر أيد», Hitler supported). A surname alone stands for its
    person more surely than a first name does; but not a word that also opens one of those
    names (a given name: «أحمد» of «فايزة أحمد» and «أحمد ماهر»), nor a name after «بن»,
    «أبي», «آل» or «عبد» (`_NOT_BEFORE_SURNAME`), nor a regnal number or epithet alone
    («الثامن» of «بطليموس الثامن»)."""
    ending: set[str] = set()
    for k in candidates:
        words = tuple(k.split(":", 1)[1].split())
        if words[: len(form)] == form:
            return set()  # «أحمد» opens «أحمد ماهر» as it ends «فايزة أحمد»: a given name
        if (
            words[-len(form) :] == form
            and words[-len(form) - 1] not in _NOT_BEFORE_SURNAME
            and not (len(form) == 1 and form[0] in REGNAL)
        ):
            ending.add(_final(merged, k))
    ending.discard(small_key)
    return ending if len(ending) == 1 else set()


_ACRONYM_EVENT = re.compile(r"[A-Z][A-Z0-9]+ [0-9]{4}")
"""An event named by a Latin acronym and its year («IGEF 2025»)."""

APPOSITION_GAP = 120
"""The most characters between an event's Arabic name (with its description) and the acronym
that closes it for the two to be one event."""


def _join_appositions(drafts: dict[str, _Draft], mentions: Sequence[MentionLike]) -> None:
    """Join an event named by acronym and year to the event named just before it in the same
    paragraph, with no other mention between and at most `APPOSITION_GAP` characters apart:
    «المعرض الدولي IGEF 2025», «المنتدى الدولي المخصص لعرض تجهيزات … IGEF 2025». News text
    gives an event's long Arabic name, then its acronym, for one and the same event."""
    owner = {member: key for key, draft in drafts.items() for member in draft.members}
    merged: dict[str, str] = {}

    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].paragraph, mentions[i].start))
    for before, after in itertools.pairwise(order):
        first, then = mentions[before], mentions[after]
        if first.type != "EVENT" or then.type != "EVENT" or first.paragraph != then.paragraph:
            continue
        if not _ACRONYM_EVENT.fullmatch(" ".join(_clean_words(then.text))):
            continue
        if then.start - (first.start + len(first.text)) > APPOSITION_GAP:
            continue
        if before not in owner or after not in owner:
            continue
        name, acronym = _final(merged, owner[before]), _final(merged, owner[after])
        if name != acronym and _ACRONYM_EVENT.fullmatch(name.split(":", 1)[1]) is None:
            _join_into(drafts, acronym, name)
            merged[acronym] = name


def _in_order(draft: _Draft, mentions: Sequence[MentionLike]) -> None:
    """Sort a draft's members (and their words and types) into document order."""
    order = sorted(
        range(len(draft.members)),
        key=lambda i: (mentions[draft.members[i]].paragraph, mentions[draft.members[i]].start),
    )
    draft.members = [draft.members[i] for i in order]
    draft.words = [draft.words[i] for i in order]
    draft.types = [draft.types[i] for i in order]


_LINKS = normalised_words("بن ابن بنت")
"""Words that link a name to the father's: a name never starts with one."""


def _display(draft: _Draft, kind: str) -> str:
    """The first full occurrence's own spelling; a country's short name when the text has it.
    Full: the longest form; but a person's longest name written once, that is a word and a
    name the text writes twice or more, is that name: the tagger took the word before it into
    the name («غنى مارسيل خليفة», "Marcel Khalifa sang", beside «مارسيل خليفة» four times in
    news-08; «ابن معمر القذافي», «مستشفى محمد البوعزيزي»)."""
    if draft.country is not None:
        for words in draft.words:
            key = name_key(words)
            country = country_by_key(key)
            if country is not None and key == name_key(country.name.split()):
                return " ".join(words)
    longest = max(len(words) for words in draft.words)
    full = next(words for words in draft.words if len(words) == longest)
    if kind == "PERSON" and longest >= 3:
        written = Counter(name_key(words) for words in draft.words)
        rest = name_key(full[1:])
        if (
            written[name_key(full)] == 1
            and written[rest] >= 2
            and normalise(full[1]) not in _LINKS  # «مجاعة بن مرارة» is his name
        ):
            return " ".join(next(w for w in draft.words if name_key(w) == rest))
    return " ".join(full)


def _is_nisba(mention_type: str, words: Sequence[str]) -> str | None:
    """The country code if a one-word name is a nisba adjective rather than a name."""
    if len(words) != 1 or country_by_key(name_key(words)) is not None:
        return None
    if mention_type == "PERSON" and not normalise(words[0]).startswith("ال"):
        return None  # «تركي» alone may be a first name
    country = country_of_nisba(words[0])
    return country.code if country is not None else None


def group_mentions(mentions: Sequence[MentionLike]) -> list[Group]:
    """Group a document's mentions into entities with canonical names, in listing order."""
    counts = Counter(normalise(w) for m in mentions if m.type != NISBA for w in m.text.split())
    seen = frozenset(counts)
    repeated = frozenset(w for w, count in counts.items() if count > 1)
    definite = frozenset(
        " ".join(normalise(w) for w in m.text.split()) for m in mentions if m.text.startswith("ال")
    )
    drafts: dict[str, _Draft] = {}
    nisbas: list[tuple[int, str]] = []
    for index, mention in enumerate(mentions):
        words = _clean_words(mention.text)
        if mention.type != "DATE":
            words = strip_proclitic(words, seen, mention.type == "PERSON", repeated, definite)
        if not words or all(is_function_word(w) for w in words):
            continue
        if len(words) == 1 and (
            normalise(words[0]).removeprefix("ال") in _LONE_HEADS
            or normalise(words[0]) in REFERRING_NOUNS
        ):
            continue  # «شركة», «المنتدى», «نادي», «الجانبان» alone name nothing
        if mention.type == NISBA or mention.type in _NAME_TYPES:
            code = _is_nisba(mention.type, words)
            if code is not None:
                nisbas.append((index, code))
                continue
            if mention.type == NISBA:
                continue
        key, country_code = _draft_key(mention.type, words)
        draft = drafts.setdefault(key, _Draft(key, [], [], [], country_code))
        draft.words.append(words)
        draft.members.append(index)
        draft.types.append("LOCATION" if country_code else mention.type)
    for draft in drafts.values():
        _in_order(draft, mentions)
    _join_partial_names(drafts)
    _join_appositions(drafts, mentions)
    groups: list[Group] = []
    by_country: dict[str, Group] = {}
    for draft in drafts.values():
        _in_order(draft, mentions)
        kind = Counter(draft.types).most_common(1)[0][0]
        group = Group(draft.key, kind, _display(draft, kind), draft.members)
        groups.append(group)
        if draft.country is not None:
            by_country[draft.country] = group
    for index, code in nisbas:
        if code in by_country:
            by_country[code].adjectives.append(index)
    rank = {kind: i for i, kind in enumerate(ENTITY_TYPES)}
    groups.sort(
        key=lambda g: (
            rank.get(g.type, len(rank)),
            mentions[g.members[0]].paragraph,
            mentions[g.members[0]].start,
        )
    )
    return groups
