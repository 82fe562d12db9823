"""Span rules for the edges and types the tagger gets wrong outside newswire.

The tagger learnt ANERcorp's conventions, where «شمال» and «منتخب» stay outside a place, and its
errors on encyclopaedic text fall into a few classes. Each rule here fixes one class from the
shape of the text around a span, never from a list of the names themselves (the one list, of
foreign names mined from Wikipedia, is a source that generalises, not the names of a text):

- a transliterated foreign name left untagged is a person: a run of mined given name and
  surname, a run of two words spelt like foreign names («بيارن ستروستروب»), or one such word
  alone when its spelling leaves no doubt and no «في» or «مدينة» makes it a place
  (`reader.nlp.entities.foreign`); after a glued «و», when joined to a person («باري وروبن»);

- a place keeps its qualifier: a direction, island or landform head before it («شمال قبرص»,
  «جزيرة قبرص», «جبال طوروس»), a regional adjective after it («آسيا الصغرى»), and a state head
  with its adjective is a place even untagged («الدولة الأموية»);
- an organisation head makes what follows an organisation: a team, club, army, government,
  school, paper… before a tagged name («منتخب البرتغال», «نادي شانغهاي»), or a definite head
  before adjectives («القوات التركية», «الكنيسة الكاثوليكية»); not a place glued to «ب»
  («مستشفى بتندوف»: where it is), nor a person after the head of a body he leads
  («حكومة نوري المالكي»);
- a person's span drops the titles at its start («البابا سلفستر») and is cut at a title inside
  it («فرانشيسكو الأول بن ملك»), and keeps a regnal ordinal or an epithet after it
  («لويس التاسع», «لويس السادس عشر», «الإسكندر الأكبر») and the word after a name link
  («الوليد بن عبد الملك»), and drops a relation noun with a possessive pronoun at its start
  («ونجليه علاء», `reader.nlp.entities.relations`);
- a word with tanween (an adverb or indefinite adjective: «زوراً», «فاسدً»; «بطريركاً», "as
  patriarch") is no name of any type alone; an indefinite nisba («برازيلي») or a rank («أول»)
  is never a person alone, nor a word after
  «أنا»/«نحن»/«أنت» («أنا سعيد»);
- a definite noun of a kind of place alone is no place («القصر», «الوادي»: the text names the
  place elsewhere), nor a place's qualifier alone («شبه» of «شبه القارة الهندية», «بجزيرة»);
- titles alone are no name of any type («الأنبا» was a place), a saint's building is a place
  and a person ends at a word glued to «لل» or «ل» + hamza (`reader.nlp.entities.glued`), a
  club keeps its city (`reader.nlp.entities.clubs`);
- a caliph's regnal title is one name with him («المعز لدين الله», «مُحمَّد القائم بأمر
  الله»: `reader.nlp.entities.regnal`);
- a person, organisation or other name right after «عملية» is an operation's code name, an
  event with its head («عملية أورانوس»);
- a name right after a software head («نظام التشغيل», «لغة البرمجة», «متصفح») is software, typed
  MISC, not a person or an organisation, and so is a name written with «++» («سي++»,
  `reader.nlp.entities.languages`);
- the realm between a sovereign's title and his name is a place («ملك الصقليتين فرديناند»,
  `reader.nlp.entities.realms`);
- a name's Latin spelling in brackets after it is the same name («سلفستر الأول (باللاتينية:
  Silvester I)», `reader.nlp.entities.glosses`);
- the name after a god's title is a god's, a person («الإلهة ساتيس»,
  `reader.nlp.entities.deities`);
- two persons side by side with nothing between them are one («الظاهر | جقمق», «كارول |
  الرابع»), unless a title stands at the join (`reader.nlp.entities.adjacent`);
- an organisation's head and two coordinated nouns are one name («حزب الحرية والعدالة»,
  `reader.nlp.entities.coordinated`);
- a word written with the accusative tanween is cut off a name's end («سليم الثالث | فرمانًا
  سلطانيًا», `reader.nlp.entities.accusatives`);
- a numbered dynasty is an organisation («الأسرة الخامسة», `reader.nlp.entities.dynasties`);
- a person right after a kind-of-place noun is a place («مدينة سيدي بو زيد»), a street, square
  or building with its head («شارع مكرم عبيد», `reader.nlp.entities.placeheads`).

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, sorted and never overlapping,
as `reader.nlp.entities.extract` makes them; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reader.nlp.entities.accusatives import without_accusatives
from reader.nlp.entities.adjacent import adjacent_people
from reader.nlp.entities.clubs import clubs_keep_their_city
from reader.nlp.entities.coordinated import coordinated_organisations
from reader.nlp.entities.deities import gods_after_titles
from reader.nlp.entities.dynasties import numbered_dynasties
from reader.nlp.entities.events import EVENT_HEADS, adjective_shaped
from reader.nlp.entities.events import ORGANIZATION_HEADS as HEADED_ORGANIZATIONS
from reader.nlp.entities.features import is_person_trigger, strip_clitics
from reader.nlp.entities.foreign import foreign_names, foreign_score, lookalikes
from reader.nlp.entities.gazetteer import (
    country_of_nisba,
    is_function_word,
    longest_country_at,
)
from reader.nlp.entities.given import given_name_before
from reader.nlp.entities.glosses import latin_glosses
from reader.nlp.entities.glued import saints_buildings, split_at_glued_preposition
from reader.nlp.entities.languages import plus_plus_names
from reader.nlp.entities.placeheads import places_after_heads
from reader.nlp.entities.realms import MILITARY_RANKS, realms_before_sovereigns
from reader.nlp.entities.regnal import regnal_titles
from reader.nlp.entities.relations import RELATION_NOUNS, possessed_relation
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.normalise import has_tanween, normalised_words

__all__ = ["place_after_preposition", "refine_spans", "software_head_before"]


PLACE_QUALIFIERS = normalised_words(
    "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي جزيرة جزر أرخبيل بحر جبال جبل هضبة سهل "
    "وادي نهر بحيرة خليج صحراء بلاد قناة مضيق شبه"
)
"""Heads that belong to a place's name when they come right before it («شمال فرنسا»)."""

STATE_HEADS = normalised_words("الدولة الإمبراطورية الخلافة السلطنة الإمارة")
"""Definite heads that with an adjective name a state («الدولة الأموية»)."""

REGION_ADJECTIVES = normalised_words(
    "الصغرى الكبرى الوسطى الغربية الشرقية الشمالية الجنوبية الغربي الشرقي الشمالي الجنوبي "
    "العليا السفلى الأوسط"
)
"""Adjectives that are part of a region's name after it («أوروبا الغربية», «آسيا الصغرى»)."""

ORGANIZATION_HEADS = normalised_words(
    "منتخب نادي فريق جيش حكومة قوات جامعة كلية مدرسة صحيفة جريدة مجلة مستشفى مختبرات مختبر "
    "مجلس جمعية لجنة حزب كنيسة أكاديمية معهد"
)
"""Heads that make the name after them an organisation («منتخب البرتغال» is a team)."""

LED_HEADS = normalised_words("حكومة جيش قوات فريق")
"""Heads of a body someone leads: a person after one is its leader, and stays a person
(«حكومة نوري المالكي», «جيش عائشة»), unlike the person a school or hospital is named after
(«مدرسة فؤاد الأول الثانوية»)."""

DEFINITE_ORGANIZATION_HEADS = normalised_words(
    "المنتخب الجيش الحكومة القوات الجمعية المجلس الكنيسة الأكاديمية"
)
"""Definite heads that with adjectives name an organisation («القوات التركية»)."""

OTHER_BODY_HEADS = normalised_words("اتحاد حركة سلطة سلطات")
"""Heads of bodies that none of the head lists hold, named by what follows them («الاتحاد
الأوروبي», «الحركة الشعبية»): after «و» they open a second body, not a name's second noun."""

PERSON_TITLES = normalised_words(
    "الرئيس السيد السيدة الشيخ الملك الملكة الأمير الأميرة الوزير الدكتور العاهل الجنرال "
    "البابا بابا الإمام السلطان الإمبراطور الإمبراطورة الخليفة القيصر الدوق الكاردينال "
    "المطران الأسقف ملك ملكة دوق أمير "
    "القديس القديسة الأنبا الانبا أسقف البطريرك بطريرك القمص القس الراهب الراهبة"
)
"""Titles and offices: outside a person's span («البابا إسكندر الثاني» → «إسكندر الثاني»),
and no name of any type alone («الأنبا» is no place, «القديس» no person)."""

RELIGIOUS_TITLES = normalised_words(
    "النبي نبي الرسول رسول الشهيد شهيد المطران مطران نيافة الأسقف أسقف البطريرك بطريرك "
    "الراهب راهب المفتي مفتي الفقيه فقيه مولاي شيخ"
)
"""Religious titles and epithets before a name, that the other title lists leave out
(«النبي محمد», «الشهيد ثيؤدور», «مطران البحيرة»)."""

CHURCH_TITLES = normalised_words("القديس القديسة الأنبا الانبا")
"""A saint's or a Coptic bishop's title: what the tagger types MISC after one is a person
(«الأنبا ميخائيل»), unlike after a worldly title («أمير المؤمنين», «ملك القلوب»)."""

ORDINALS = normalised_words("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر")
"""Ordinals that end a sovereign's name («محمد السادس»)."""

REGNAL = ORDINALS | normalised_words("الحادي الأكبر الكبير الأصغر الصغير العظيم الأعظم الأكرم")
"""Ordinals and epithets that end a sovereign's name («لويس التاسع», «الإسكندر الأكبر»)."""

TENS = normalised_words("عشر")
"""The second word of an ordinal from 11 to 19 («السادس عشر»)."""

NAME_LINKS = normalised_words("عبد أبو أبي ابن بن بنت آل")
"""Words that bind to the next word of a name («عبد الملك»)."""

_SERVANT = normalised_words("عبد")

PRONOUNS = normalised_words("أنا نحن أنت أنتم أنتما أنتن")
"""First and second person pronouns: a lone word after one is a predicate («أنا سعيد»)."""


def _pronoun(raw: str, word: str) -> bool:
    """Whether a word is a first or second person pronoun, alone or after a glued «و» or «ف»
    («وأنا», «فأنت»), but not the name «آنا», which normalises like «أنا»."""
    if word[:1] in "وف" and word[1:] in PRONOUNS:
        raw = raw[1:]
    elif word not in PRONOUNS:
        return False
    return not raw.startswith("آ")


GENERIC_PLACES = normalised_words(
    "المنطقة الدولة البلاد العاصمة الجمهورية الإقليم المطار البحر المملكة المحافظة الساحل "
    "الديوان الحي القارة النهر الشارع الكنيسة البلدة الشاطئ القصر الوادي الدير المعهد الجبل "
    "الميناء المقاطعة البحيرة الميدان الإمارة الولاية القرية"
)
"""Definite nouns of a kind of place that alone only refer back to a place named before
(«القصر», «الوادي»): no place name by themselves. The kind-of-place heads that ANERcorp's
annotators never tag as a place alone in the train split (513 times untagged); those they
sometimes do are left to the tagger: «المدينة» (Medina, 14 of 89), «الخليج» (the Gulf, 24 of
30), «الريف» (the Rif, 12 of 12), «الجزيرة», «الصحراء», «السد», «المحيط», «السلطنة»."""

SOFTWARE_HEADS = normalised_words(
    "التشغيل البرمجة متصفح برنامج برمجية توزيعة نواة تطبيق لغة منصة محرر جهاز لعبة"
)
"""Words right before a program's, a language's, a device's or a game's name («نظام التشغيل
لينكس», «جهاز "وي يو"», «لعبة ذا لاست أوف أس»): a product, not a person."""

PRODUCT_HEADS = normalised_words("جهاز لعبة")
"""Software heads that name a product only right before it (quotation marks aside): after a
description they head an agency or a sport («لجهاز الاستخبارات العسكرية يوري ساجاي», «لعبة
الكريكيت الاسبق عمران خان»), and the name after it is a person's."""

OPERATION_HEADS = normalised_words("عملية عمليتا عمليتي")
"""«عملية» (operation) right before a name: a military or police operation named by a code
name («عملية أورانوس»), an event."""


_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def _with_clitics(words: frozenset[str]) -> dict[str, int]:
    """Every form of ``words`` with a glued clitic, mapped to how many letters to cut: the word
    itself (0), clitic + word, and «لل» + an ال-word without its alef (cut by one letter)."""
    forms: dict[str, int] = {}
    for word in words:
        for clitic in _CLITICS:
            forms.setdefault(clitic + word, len(clitic))
        if word.startswith("ال"):
            forms.setdefault("لل" + word[2:], 1)
    for word in words:
        forms[word] = 0
    return forms


_FORMS: dict[frozenset[str], dict[str, int]] = {
    heads: _with_clitics(heads)
    for heads in (
        PLACE_QUALIFIERS,
        STATE_HEADS,
        ORGANIZATION_HEADS,
        LED_HEADS,
        DEFINITE_ORGANIZATION_HEADS,
        PERSON_TITLES,
        CHURCH_TITLES,
        SOFTWARE_HEADS,
        GENERIC_PLACES,
        OPERATION_HEADS,
        PRODUCT_HEADS,
        ORGANIZATION_HEADS | HEADED_ORGANIZATIONS,
    )
}
"""The head lists with their clitic forms, built once at import (read-only afterwards)."""


def _bare(word: str, words: frozenset[str]) -> int | None:
    """How many clitic letters to cut so that ``word`` is in ``words`` (0 if it is as is),
    or None; «لل» counts as «ال» cut by one letter. One dictionary look-up: the forms of each
    list are built once."""
    return _FORMS[words].get(word)


_PLACE_CLASSES = frozenset({"LOC1", "LOCi", "LOCb"})
"""The tagger gazetteer's classes of a place name."""


def _listed_place(word: str) -> bool:
    """Whether a normalised word is a place in the tagger's gazetteer or a country name."""
    return (
        not _PLACE_CLASSES.isdisjoint(load_tagger().gazetteer.get(word, ()))
        or longest_country_at([word], 0) is not None
    )


def _sure_place(word: str) -> bool:
    """A country's name, or a place Wikipedia's titles list as one (`WK_LOC`): the one-word
    place list alone also holds common nouns («الحرية», freedom, is a town too)."""
    return longest_country_at([word], 0) is not None or "WK_LOC" in load_tagger().gazetteer.get(
        word, ()
    )


def _realm(word: str) -> bool:
    """A listed place that is no given name too («بارما», not «جمال»)."""
    return _listed_place(word) and "PERSg" not in load_tagger().gazetteer.get(word, ())


def _title(word: str) -> bool:
    """A person's title or office, a glued clitic allowed («اللواء»)."""
    return _bare(word, PERSON_TITLES) is not None


def place_after_preposition(word: str) -> bool:
    """Whether a normalised word is «ب» (in) glued to a listed place, and no place itself
    («بتندوف», «بالشام», not «بيروت»): it says where an institution is, it does not name it
    («مستشفى بتندوف», «جامعة القرويين بفاس»)."""
    return (
        len(word) > 3
        and word.startswith("ب")
        and not _listed_place(word)
        and _listed_place(word[1:])
    )


def _adjective(word: str) -> bool:
    """A definite word shaped like an adjective: a nisba or a feminine of one («الأموية»)."""
    return word.startswith("ال") and len(word) > 4 and word.endswith(("ي", "يه"))


def refine_spans(raw: Sequence[str], words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
    """``spans`` with the rules of this module applied, still sorted and non-overlapping."""
    n = len(words)
    spans = [
        (
            a,
            b,
            lead,
            "PERSON" if kind == "MISC" and _bare(words[a], CHURCH_TITLES) is not None else kind,
        )
        for a, b, lead, kind in saints_buildings(words, without_accusatives(raw, list(spans)))
        # cut first, so that what is left meets the filters: «الْبَحْرِ | سَرَبًا», a sea
        if not _only_titles(words, (a, b, lead, kind))
        and not (kind == "LOCATION" and b - a == 1 and _bare(words[a], GENERIC_PLACES) is not None)
        and not (
            kind == "LOCATION" and b - a == 1 and _bare(words[a], PLACE_QUALIFIERS) is not None
        )
        and not (b - a == 1 and kind != "PERSON" and has_tanween(raw[a]))
    ]  # «القديس الأنبا باخوميوس» MISC: a saint's name is a person
    spans = adjacent_people(raw, words, spans, _person_word, _any_title)
    result = _foreign_people(raw, words, spans)
    result = _people(raw, words, split_at_glued_preposition(raw, words, result))
    result = given_name_before(raw, words, result, _given)
    result = gods_after_titles(raw, words, regnal_titles(words, result))
    result = places_after_heads(words, result)
    result = _places(words, realms_before_sovereigns(raw, words, result, _realm, _title))
    result = clubs_keep_their_city(words, _organisations(words, result))
    result = numbered_dynasties(words, result)
    result = _coordination_ends(words, result)
    result = coordinated_organisations(words, result, _indefinite_head, _heads_another, _sure_place)
    result = _hyphenated_names(words, _software(words, result))
    result = latin_glosses(raw, plus_plus_names(raw, words, _operations(words, result)))
    result = without_accusatives(raw, result)  # the rules too: «كيساً ديوانياً» was foreign
    taken = [False] * n
    final: list[Span] = []
    for span in sorted(result):
        if span[0] < span[1] and not any(taken[span[0] : span[1]]):
            final.append(span)
            for k in range(span[0], span[1]):
                taken[k] = True
    return final


_BODY_HEADS = ORGANIZATION_HEADS | HEADED_ORGANIZATIONS
"""Every indefinite organisation head, of both head rules."""

_ANOTHER = (
    ORGANIZATION_HEADS
    | HEADED_ORGANIZATIONS
    | EVENT_HEADS
    | LED_HEADS
    | STATE_HEADS
    | OTHER_BODY_HEADS
)
"""Heads that, definite, name a body or an event of their own («والحكومة», «والمؤتمر»)."""


def _indefinite_head(word: str) -> bool:
    """An organisation's head without the article, a glued clitic allowed («لوزارة»)."""
    return _bare(word, _BODY_HEADS) is not None


def _heads_another(word: str) -> bool:
    """A definite word that heads or titles a name of its own: an organisation's, an event's or
    a state's head with the article («الحكومة», «المجلس»), or a person's title or rank («الرئيس»,
    «العقيد»)."""
    return (
        (word.startswith("ال") and (word[2:] in _ANOTHER or word in _ANOTHER))
        or word in DEFINITE_ORGANIZATION_HEADS
        or _bare(word, PERSON_TITLES) is not None
        or _bare(word, CHURCH_TITLES) is not None
        or word in MILITARY_RANKS
    )


def _any_title(word: str) -> bool:
    """A person's title, rank, religious title or role, a glued clitic allowed («للمخرج»,
    «ومفتي»: `reader.nlp.entities.features.is_person_trigger`)."""
    stem = strip_clitics(word)[1]
    return (
        _title(word)
        or _bare(word, CHURCH_TITLES) is not None
        or word in MILITARY_RANKS
        or is_person_trigger(word)
        or (word.startswith("لل") and is_person_trigger("ال" + word[2:]))
        or word in RELIGIOUS_TITLES
        or stem in RELIGIOUS_TITLES
        or "ال" + stem in RELIGIOUS_TITLES
    )


def _given(word: str) -> bool:
    """Whether a normalised word is surely a given name: the gazetteer lists it as one, and
    the word vectors' person prior puts it in its top bin (`priors`, PERS3), and it is no
    relation noun. The gazetteer alone lists common words as given names («حكم», «عهد»,
    «هاجم»: rule, era, attacked), which its prior keeps out; «نجل» (son) has both."""
    tagger = load_tagger()
    return (
        "PERSg" in tagger.gazetteer.get(word, ())
        and "PERS3" in tagger.priors.get(word, ())
        and word not in RELATION_NOUNS
    )


_RANKS = normalised_words("أول آخر أخير")
"""«first», «last»: after a title the predicate begins («كان البابا أول من مات»)."""


def _complement(word: str) -> bool:
    """A lone word after a title that is no name: a definite word ending in ta marbuta, the
    title's complement («وبطريرك الكرازة»), or a rank that starts the predicate («البابا أول
    من مات»)."""
    return (word.startswith("ال") and word.endswith(("ة", "ه")) and len(word) > 4) or (
        word in _RANKS
    )


def _only_titles(words: Sequence[str], span: Span) -> bool:
    """Whether a span is titles only, of whatever type the tagger gave it («الأنبا» LOC)."""
    return all(_bare(words[k], PERSON_TITLES) is not None for k in range(span[0], span[1]))


def _people(raw: Sequence[str], words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
    """Titles out, ordinals and epithets in, lone adjectives dropped."""
    n = len(words)
    starts = {s[0] for s in spans}
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        if kind != "PERSON":
            out.append((first, stop, lead, kind))
            continue
        titled = first
        while first < stop and _bare(words[first], PERSON_TITLES) is not None:
            first, lead = first + 1, 0
        if first > titled and stop - first == 1 and _complement(words[first]):
            continue  # «وبطريرك الكرازة», «البابا أول من»: no name after the title
        while first < stop and _pronoun(raw[first], words[first]):
            first, lead = first + 1, 0  # «وأنا سعيد»: a pronoun and its predicate
        while first < stop and possessed_relation(words[first]):
            first, lead = first + 1, 0  # «ونجليه علاء»: his two sons, then the name
        if first < stop and words[first].startswith("ال") and country_of_nisba(words[first]):
            first, lead = first + 1, 0  # «الكورسيكي باسكوالي دي باولي»
        if first >= stop:
            continue
        # A name link at the end takes the next word («الوليد بن عبد الملك»).
        if stop < n and words[stop - 1] in NAME_LINKS and stop not in starts:
            stop += 1
        # A title inside: what comes after it is another person, what comes before ends at
        # the last name word («فرانشيسكو الأول بن ملك», «بارما فيليب بن الملك فيليب الخامس»);
        # after «عبد» a title is a name («عبد الملك»).
        pieces: list[tuple[int, int, int]] = []
        begin, begin_lead = first, lead
        for k in range(first + 1, stop):
            if _bare(words[k], PERSON_TITLES) is not None and words[k - 1] not in _SERVANT:
                pieces.append((begin, k, begin_lead))
                begin, begin_lead = k + 1, 0
        pieces.append((begin, stop, begin_lead))
        for a, b, piece_lead in pieces:
            while b > a and words[b - 1] in NAME_LINKS:
                b -= 1
            if b <= a:
                continue
            # A regnal ordinal or epithet after the name is part of it, and the «عشر» of an
            # ordinal from 11 to 19 after one, whoever found the ordinal («كليمنت الحادي عشر»).
            if b < n and b not in starts and words[b] in REGNAL:
                b += 1
            if b < n and b not in starts and words[b] in TENS and words[b - 1] in REGNAL:
                b += 1
            if b - a == 1 and _lone_word_not_person(raw, words, a):
                continue
            out.append((a, b, piece_lead, "PERSON"))
    return out


_NAME_CLITICS = ("و", "ل", "ب", "ف", "ك")

_VERB_PREFIXES = ("ي", "وي", "سي", "في")
_VERB_SUFFIXES = ("ون", "ين", "وا", "و")
"""An imperfect verb's plural shape («ويشيرون», «سيكونو»), never a name's."""

FOREIGN_RUN = 10.0
"""`foreign_score` above which each word of an untagged run of two or more is a name's word."""

FOREIGN_LONE = 20.0
"""`foreign_score` above which one untagged word alone is a person («حصل ستاينمان على»): higher
than a run's, as a lone word has no second name beside it to confirm it. Both were chosen on the
outside dev set (training/dev), never on ANERcorp."""


def _foreign_people(raw: Sequence[str], words: Sequence[str], spans: list[Span]) -> list[Span]:
    """Untagged transliterated foreign names become persons.

    * a run of words of the mined foreign-name list (`reader.nlp.entities.foreign`), a given
      name first and a surname last («جين شارب»), a proclitic on the first allowed;
    * a run of two or more words spelt like foreign names (`foreign_score`, no nisba
      ending: «بيارن ستروستروب»);
    * one such word alone when its spelling is foreign beyond doubt (`FOREIGN_LONE`).

    Places and organisations spelt the same way are mostly tagged already (their gazetteers);
    only words no span covers are looked at.
    """
    names = foreign_names()
    n = len(words)
    covered = [False] * n
    for a, b, _, _ in spans:
        for k in range(a, b):
            covered[k] = True
    out = list(spans)

    def claim(a: int, b: int, lead: int) -> None:
        out.append((a, b, lead, "PERSON"))
        for k in range(a, b):
            covered[k] = True

    given, surnames, known = names.given, names.surnames, names.words
    # The given names first, in one pass (a proclitic on one allowed): most words are none.
    starts = [
        k
        for k, word in enumerate(words)
        if word in given or (word[:1] in _NAME_CLITICS and word[1:] in given)
    ]
    i = 0
    for start in starts:
        if start < i:  # inside the name claimed before
            continue
        i = start
        lead = 0 if words[i] in given else 1
        if covered[i]:
            continue
        j = i + 1
        while j < n and not covered[j] and words[j] in known:
            j += 1
        while j > i + 1 and words[j - 1] not in surnames:
            j -= 1
        if j - i >= 2:
            claim(i, j, lead)
            i = j
    person_ends = {b for _, b, _, kind in out if kind == "PERSON"}
    k = 0
    while k < n:
        if covered[k] or len(words[k]) < 4:  # too short to be spelt foreign, or joined to one
            k += 1
            continue
        if _joined_foreign(words[k]):
            # «وروبن»: «و» hides the spelling. Followed by more foreign words, or joined to a
            # person when the rest is a listed person's word («باري وروبن»), it is a name, the
            # «و» cut off; joined to a list of places it is one more place («وبنغالور»).
            j = k + 1
            while (
                j < n
                and not covered[j]
                and not words[j].startswith("و")  # «وسوداك وجانكوك»: a list, not one name
                and _foreign_looking(words[j], FOREIGN_RUN)
            ):
                j += 1
            if j - k >= 2 or (k in person_ends and _person_word(words[k][1:])):
                # A person tagged right after is the rest of the name («وموريس | غيب»).
                after = [span for span in out if span[0] == j and span[3] == "PERSON"]
                if after:
                    out.remove(after[0])
                    j = after[0][1]
                claim(k, j, 1)
                person_ends.add(j)
            k = j
            continue
        if not _foreign_looking(words[k], FOREIGN_RUN):
            k += 1
            continue
        j = k + 1
        while j < n and not covered[j] and _foreign_looking(words[j], FOREIGN_RUN):
            j += 1
        if j - k >= 2 or (
            foreign_score(words[k]) >= FOREIGN_LONE and _lone_name_place(raw, words, k)
        ):
            claim(k, j, 0)
            person_ends.add(j)
        k = j
    return out


_PERSON_CLASSES = frozenset({"PERSg", "PERSx", "PERSs"})


def _person_word(word: str) -> bool:
    """A word of the mined foreign names or of the tagger gazetteer's person names."""
    return word in foreign_names().words or not _PERSON_CLASSES.isdisjoint(
        load_tagger().gazetteer.get(word, ())
    )


def _joined_foreign(word: str) -> bool:
    """A word that is «و» before a foreign-looking word and not foreign-looking itself."""
    return (
        word.startswith("و")
        and _foreign_looking(word[1:], FOREIGN_RUN)
        and not _foreign_looking(word, FOREIGN_RUN)
    )


_PLACE_BEFORE = normalised_words("في إلى من مدينة مدينه بلدة قرية ولاية مقاطعة نهر ميدان")
"""Words after which a lone foreign-looking word is a place more often than a person."""


def _lone_name_place(raw: Sequence[str], words: Sequence[str], k: int) -> bool:
    """Whether the lone word at ``k`` stands where a person's name can: not after a word that
    introduces a place («في», «مدينة»), not a plural («بروتوكولات»), no tanween («فيلسوفاً»)."""
    if words[k].endswith("ات") or _lone_word_not_person(raw, words, k):
        return False
    return k == 0 or words[k - 1] not in _PLACE_BEFORE


@lru_cache(maxsize=1 << 14)
def _foreign_looking(word: str, threshold: float) -> bool:
    """A word spelt like a transliterated foreign name, not a nisba adjective («ميكانيكية»).

    Remembered per word: every untagged word of every paragraph is asked about, and running
    text repeats its words (on 1 MB of Wikipedia, about 98,600 questions on 21,000 words). The
    16,384 most recent words are kept: a bound on memory that loses few repeats (hits 77,500 of
    98,600 on that text, against 77,500 unbounded).
    """
    return (
        len(word) >= 4
        and word.isalpha()
        and not word.endswith(("ي", "يه", "يون", "يين"))
        and not (word.startswith(_VERB_PREFIXES) and word.endswith(_VERB_SUFFIXES))
        and not is_function_word(word)
        and foreign_score(word) >= threshold
        and word not in lookalikes()
    )


def _lone_word_not_person(raw: Sequence[str], words: Sequence[str], i: int) -> bool:
    """Whether the one word at ``i`` is shaped as no name is: tanween, an indefinite nisba, a
    rank («أول», «آخر»), or a predicate after a first or second person pronoun."""
    if has_tanween(raw[i]) or words[i] in _RANKS:
        return True  # «زوراً»; «كان البابا أول من مات»
    if not words[i].startswith("ال") and country_of_nisba(words[i]) is not None:
        return True
    return i > 0 and _pronoun(raw[i - 1], words[i - 1])


def _places(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """Qualifiers into places; untagged states named by a head and an adjective."""
    n = len(words)
    covered = covered_words(spans)
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        if (
            kind == "ORGANIZATION"
            and stop - first == 2
            and _bare(words[first], STATE_HEADS) is not None
            and _adjective(words[first + 1])
            and country_of_nisba(words[first + 1]) is None
        ):
            kind = "LOCATION"  # «الدولة الفاطمية» is a state, as «الدولة الأموية» untagged
        if kind == "LOCATION":
            # «شبه جزيرة آسيا», «شمال قبرص», «وجبال طوروس»
            while first > 0 and first - 1 not in covered:
                cut = _bare(words[first - 1], PLACE_QUALIFIERS)
                if cut is None:
                    break
                first, lead = first - 1, cut
                if cut and words[first][:1] in "وف":
                    break  # a conjunction: «غرب ووسط أفريقيا» is two regions, not one name
            while stop < n and words[stop] in REGION_ADJECTIVES:
                covered.add(stop)
                stop += 1
        out.append((first, stop, lead, kind))
    heads = _FORMS[STATE_HEADS]  # the heads first, in one pass: few words are one
    for i in [k for k in range(n - 1) if words[k] in heads]:
        if i in covered or i + 1 in covered:
            continue
        cut = heads[words[i]]
        if _adjective(words[i + 1]) and country_of_nisba(words[i + 1]) is None:
            out.append((i, i + 2, cut, "LOCATION"))
            covered.update((i, i + 1))
    # A span swallowed by a grown one goes: keep the longest at each place.
    return _drop_inside(out)


def _organisations(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """Heads that make what follows an organisation."""
    n = len(words)
    covered = covered_words(spans)
    out: list[Span] = []
    for first, stop, lead, kind in sorted(spans):
        if (
            out
            and out[-1][:2] == (first - 1, first)
            and _bare(words[first - 1], ORGANIZATION_HEADS) is not None
        ):
            covered.discard(out.pop()[0])  # the head tagged alone: «نادي» | «شانغهاي»
        if kind in ("LOCATION", "PERSON", "ORGANIZATION", "MISC") and first > 0:
            cut = None if first - 1 in covered else _bare(words[first - 1], ORGANIZATION_HEADS)
            if cut is not None and (
                place_after_preposition(words[first])
                or (kind == "PERSON" and _bare(words[first - 1], LED_HEADS) is not None)
            ):
                cut = None  # «مستشفى | بتندوف», «حكومة | نوري المالكي»
            if cut is not None:
                first, lead, kind = first - 1, cut, "ORGANIZATION"
                covered.add(first)
                # Adjectives of the institution, not of a country («مستشفى برمنجهام العام»).
                while (
                    stop < n
                    and stop not in covered
                    and words[stop].startswith("ال")
                    and (_adjective(words[stop]) or words[stop] in _INSTITUTION_ADJECTIVES)
                    and country_of_nisba(words[stop]) is None
                ):
                    covered.add(stop)
                    stop += 1
        out.append((first, stop, lead, kind))
    heads = _FORMS[DEFINITE_ORGANIZATION_HEADS]  # the heads first, in one pass
    after = 0  # past the last organisation found
    for i in [k for k in range(n - 1) if words[k] in heads]:
        if i < after or i in covered:
            continue
        cut = heads[words[i]]
        j = i + 1
        while j < n and j not in covered and _adjective(words[j]):
            j += 1
        if j > i + 1:
            out.append((i, j, cut, "ORGANIZATION"))
            covered.update(range(i, j))
            after = j
    return _drop_inside(out)


_INSTITUTION_ADJECTIVES = normalised_words("العام العامة الثانوية الابتدائية الطبية الملكية")


def _coordination_ends(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """An organisation's name ends after a word joined by «و» unless an adjective follows:
    «منظمة الأغذية والزراعة | الجهات المانحة» (the tagger ran on into "the donors"), but
    «وزارة التخطيط والتعاون الدولي»."""
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        if kind == "ORGANIZATION":
            for k in range(first + 2, stop):
                word = words[k]
                if (
                    words[k - 1].startswith("وال")
                    and word.startswith("ال")
                    and not adjective_shaped(word)
                ):
                    stop = k
                    break
        out.append((first, stop, lead, kind))
    return out


_HYPHENS = frozenset("-\u2010\u2011")
"""A hyphen, not a dash («–»): a dash separates the names of a list."""


def _hyphenated_names(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """A person's given name and surname, a hyphen, and one more surname are one
    double-barrelled name («جوليا نيوتون - بيشوب»): the tagger reads the hyphen as a break,
    and may take the last part alone for an organisation. Not a cast list («شهرزاد - رغدة»,
    a role and its actor; «لطفى لبيب – أشرف سيف», with a dash), nor a byline («وليم -
    أسيوط»): the first part has two words or more, the second one, Arabic, after a hyphen."""
    out: list[Span] = []
    for span in sorted(spans):
        first, stop, _, kind = span
        if (
            out
            and out[-1][3] == "PERSON"
            and out[-1][1] - out[-1][0] >= 2
            and kind in ("PERSON", "ORGANIZATION")
            and stop - first == 1
            and out[-1][1] + 1 == first
            and words[first - 1] in _HYPHENS
            and not words[first].isascii()
        ):
            kind = "PERSON"
            out[-1] = (out[-1][0], stop, out[-1][2], kind)
        else:
            out.append(span)
    return out


def _operations(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """A person, organisation or other name right after «عملية» is the code name of an
    operation: with the head, an event («عملية أورانوس» was an organisation). A place after it
    is left as it is: «عملية» is also a surgery or a process, and a place says where."""
    out: list[Span] = []
    taken = {k for s in spans for k in range(s[0], s[1])}
    for first, stop, lead, kind in spans:
        head = first - 1
        if (
            kind in ("PERSON", "ORGANIZATION", "MISC")
            and head >= 0
            and head not in taken
            and _bare(words[head], OPERATION_HEADS) is not None
        ):
            out.append((head, stop, _bare(words[head], OPERATION_HEADS) or 0, "EVENT"))
            continue
        out.append((first, stop, lead, kind))
    return out


def _software(words: Sequence[str], spans: list[Span]) -> list[Span]:
    """A name after a software head is software (MISC), unless the tagger read a place in it:
    «برنامج طهران النووي» is Tehran's nuclear programme."""
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        if kind in ("PERSON", "ORGANIZATION") and software_head_before(words, first):
            kind = "MISC"
        out.append((first, stop, lead, kind))
    return out


_QUOTES = frozenset("\"'«»“”„‘’")

SOFTWARE_DESCRIPTION = 2
"""How many definite words may describe the program between its head and its name («تطبيق
التراسل الفوري واتس آب», the instant-messaging app)."""


SOFTWARE_MARKS = 4
"""How many quotation marks and Latin words may stand between a program's head and its name
(«" واتس آب " WhatsApp»): the look back stays a few words, whatever the text before."""


def software_head_before(words: Sequence[str], first: int) -> bool:
    """Whether a software head comes before the name at ``first``: right before it, or
    before the program's description (up to `SOFTWARE_DESCRIPTION` definite words), its
    name in Latin letters and quotation marks («تطبيق التراسل الفوري WhatsApp " واتس آب "»).
    Anything else between them (a preposition, a verb, a name) and it is no head of this
    name."""
    k = first - 1
    described = skipped = 0
    while k >= 0:
        word = words[k]
        if word in _QUOTES or (word.isascii() and word.isalpha()):
            skipped += 1
            if skipped > SOFTWARE_MARKS:
                return False  # a run of English, not a name and its quotation marks
            k -= 1
        elif _bare(word, SOFTWARE_HEADS) is not None:
            return not described or _bare(word, PRODUCT_HEADS) is None
        elif word.startswith("ال") and described < SOFTWARE_DESCRIPTION:
            described += 1
            k -= 1
        else:
            return False
    return False


def _drop_inside(spans: list[Span]) -> list[Span]:
    """Sorted spans with each span that overlaps an earlier, longer one removed."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if not any(span[0] < k[1] and k[0] < span[1] for k in kept):
            kept.append(span)
    return sorted(kept)
