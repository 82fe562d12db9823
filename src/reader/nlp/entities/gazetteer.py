"""Word lists the entity rules consult: countries (short, formal and adjective forms), a few cities,
and the function words that must never become an entity.

Country short names are CLDR's Arabic territory names (babel 2.19.0, `Locale("ar").territories`,
two-letter codes, dependent territories with bracketed or dashed names left out), frozen here so
nothing is downloaded or installed at run time. On top of them: hand-kept aliases, the formal
names that a news text uses (``المملكة المغربية``, ``الجمهورية التركية``) built from a formal
prefix and the country's adjective, and the nisba adjectives (``المغربي``, ``التركية``) derived
from the short name by the usual rules, with the irregular ones listed.

Everything is compared in *key* form: each word normalised (`reader.nlp.normalise`) and the
words joined by one space.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.nlp.normalise import normalise

__all__ = [
    "CITIES",
    "COUNTRIES",
    "FUNCTION_WORDS",
    "Country",
    "country_by_key",
    "country_of_nisba",
    "formal_country_prefixes",
    "is_function_word",
    "name_key",
]

# CLDR Arabic territory names (see the module docstring for how they were taken).
_CLDR_AR: dict[str, str] = {
    "AC": "جزيرة أسينشيون",
    "AD": "أندورا",
    "AE": "الإمارات العربية المتحدة",
    "AF": "أفغانستان",
    "AG": "أنتيغوا وبربودا",
    "AI": "أنغويلا",
    "AL": "ألبانيا",
    "AM": "أرمينيا",
    "AO": "أنغولا",
    "AR": "الأرجنتين",
    "AS": "ساموا الأمريكية",
    "AT": "النمسا",
    "AU": "أستراليا",
    "AW": "أروبا",
    "AX": "جزر آلاند",
    "AZ": "أذربيجان",
    "BA": "البوسنة والهرسك",
    "BB": "بربادوس",
    "BD": "بنغلاديش",
    "BE": "بلجيكا",
    "BF": "بوركينا فاسو",
    "BG": "بلغاريا",
    "BH": "البحرين",
    "BI": "بوروندي",
    "BJ": "بنين",
    "BL": "سان بارتليمي",
    "BM": "برمودا",
    "BN": "بروناي",
    "BO": "بوليفيا",
    "BQ": "هولندا الكاريبية",
    "BR": "البرازيل",
    "BS": "جزر البهاما",
    "BT": "بوتان",
    "BV": "جزيرة بوفيه",
    "BW": "بوتسوانا",
    "BY": "بيلاروس",
    "BZ": "بليز",
    "CA": "كندا",
    "CF": "جمهورية أفريقيا الوسطى",
    "CH": "سويسرا",
    "CI": "ساحل العاج",
    "CK": "جزر كوك",
    "CL": "تشيلي",
    "CM": "الكاميرون",
    "CN": "الصين",
    "CO": "كولومبيا",
    "CP": "جزيرة كليبيرتون",
    "CQ": "سارك",
    "CR": "كوستاريكا",
    "CU": "كوبا",
    "CV": "الرأس الأخضر",
    "CW": "كوراساو",
    "CX": "جزيرة كريسماس",
    "CY": "قبرص",
    "CZ": "التشيك",
    "DE": "ألمانيا",
    "DG": "دييغو غارسيا",
    "DJ": "جيبوتي",
    "DK": "الدانمرك",
    "DM": "دومينيكا",
    "DO": "جمهورية الدومينيكان",
    "DZ": "الجزائر",
    "EA": "سيوتا وميليلا",
    "EC": "الإكوادور",
    "EE": "إستونيا",
    "EG": "مصر",
    "EH": "الصحراء الغربية",
    "ER": "إريتريا",
    "ES": "إسبانيا",
    "ET": "إثيوبيا",
    "FI": "فنلندا",
    "FJ": "فيجي",
    "FK": "جزر فوكلاند",
    "FM": "ميكرونيزيا",
    "FO": "جزر فارو",
    "FR": "فرنسا",
    "GA": "الغابون",
    "GB": "المملكة المتحدة",
    "GD": "غرينادا",
    "GE": "جورجيا",
    "GF": "غويانا الفرنسية",
    "GG": "غيرنزي",
    "GH": "غانا",
    "GI": "جبل طارق",
    "GL": "غرينلاند",
    "GM": "غامبيا",
    "GN": "غينيا",
    "GP": "غوادلوب",
    "GQ": "غينيا الاستوائية",
    "GR": "اليونان",
    "GS": "جورجيا الجنوبية وجزر ساندويتش الجنوبية",
    "GT": "غواتيمالا",
    "GU": "غوام",
    "GW": "غينيا بيساو",
    "GY": "غيانا",
    "HM": "جزيرة هيرد وجزر ماكدونالد",
    "HN": "هندوراس",
    "HR": "كرواتيا",
    "HT": "هايتي",
    "HU": "هنغاريا",
    "IC": "جزر الكناري",
    "ID": "إندونيسيا",
    "IE": "أيرلندا",
    "IL": "إسرائيل",
    "IM": "جزيرة مان",
    "IN": "الهند",
    "IO": "الإقليم البريطاني في المحيط الهندي",
    "IQ": "العراق",
    "IR": "إيران",
    "IS": "آيسلندا",
    "IT": "إيطاليا",
    "JE": "جيرسي",
    "JM": "جامايكا",
    "JO": "الأردن",
    "JP": "اليابان",
    "KE": "كينيا",
    "KG": "قيرغيزستان",
    "KH": "كمبوديا",
    "KI": "كيريباتي",
    "KM": "جزر القمر",
    "KN": "سانت كيتس ونيفيس",
    "KP": "كوريا الشمالية",
    "KR": "كوريا الجنوبية",
    "KW": "الكويت",
    "KY": "جزر كايمان",
    "KZ": "كازاخستان",
    "LA": "لاوس",
    "LB": "لبنان",
    "LC": "سانت لوسيا",
    "LI": "ليختنشتاين",
    "LK": "سريلانكا",
    "LR": "ليبيريا",
    "LS": "ليسوتو",
    "LT": "ليتوانيا",
    "LU": "لوكسمبورغ",
    "LV": "لاتفيا",
    "LY": "ليبيا",
    "MA": "المغرب",
    "MC": "موناكو",
    "MD": "مولدوفا",
    "ME": "الجبل الأسود",
    "MF": "سان مارتن",
    "MG": "مدغشقر",
    "MH": "جزر مارشال",
    "MK": "مقدونيا الشمالية",
    "ML": "مالي",
    "MN": "منغوليا",
    "MO": "منطقة ماكاو الإدارية الخاصة",
    "MP": "جزر ماريانا الشمالية",
    "MQ": "جزر المارتينيك",
    "MR": "موريتانيا",
    "MS": "مونتسرات",
    "MT": "مالطا",
    "MU": "موريشيوس",
    "MV": "جزر المالديف",
    "MW": "ملاوي",
    "MX": "المكسيك",
    "MY": "ماليزيا",
    "MZ": "موزمبيق",
    "NA": "ناميبيا",
    "NC": "كاليدونيا الجديدة",
    "NE": "النيجر",
    "NF": "جزيرة نورفولك",
    "NG": "نيجيريا",
    "NI": "نيكاراغوا",
    "NL": "هولندا",
    "NO": "النرويج",
    "NP": "نيبال",
    "NR": "ناورو",
    "NU": "نيوي",
    "NZ": "نيوزيلندا",
    "OM": "عُمان",
    "PA": "بنما",
    "PE": "بيرو",
    "PF": "بولينيزيا الفرنسية",
    "PG": "بابوا غينيا الجديدة",
    "PH": "الفلبين",
    "PK": "باكستان",
    "PL": "بولندا",
    "PM": "سان بيير ومكويلون",
    "PN": "جزر بيتكيرن",
    "PR": "بورتوريكو",
    "PS": "الأراضي الفلسطينية",
    "PT": "البرتغال",
    "PW": "بالاو",
    "PY": "باراغواي",
    "QA": "قطر",
    "RE": "روينيون",
    "RO": "رومانيا",
    "RS": "صربيا",
    "RU": "روسيا",
    "RW": "رواندا",
    "SA": "المملكة العربية السعودية",
    "SB": "جزر سليمان",
    "SC": "سيشل",
    "SD": "السودان",
    "SE": "السويد",
    "SG": "سنغافورة",
    "SH": "سانت هيلينا",
    "SI": "سلوفينيا",
    "SJ": "سفالبارد وجان ماين",
    "SK": "سلوفاكيا",
    "SL": "سيراليون",
    "SM": "سان مارينو",
    "SN": "السنغال",
    "SO": "الصومال",
    "SR": "سورينام",
    "SS": "جنوب السودان",
    "ST": "ساو تومي وبرينسيبي",
    "SV": "السلفادور",
    "SX": "سانت مارتن",
    "SY": "سوريا",
    "SZ": "إسواتيني",
    "TA": "تريستان دا كونا",
    "TC": "جزر توركس وكايكوس",
    "TD": "تشاد",
    "TF": "الأقاليم الجنوبية الفرنسية",
    "TG": "توغو",
    "TH": "تايلاند",
    "TJ": "طاجيكستان",
    "TK": "توكيلاو",
    "TM": "تركمانستان",
    "TN": "تونس",
    "TO": "تونغا",
    "TR": "تركيا",
    "TT": "ترينيداد وتوباغو",
    "TV": "توفالو",
    "TW": "تايوان",
    "TZ": "تنزانيا",
    "UA": "أوكرانيا",
    "UG": "أوغندا",
    "UM": "جزر الولايات المتحدة النائية",
    "US": "الولايات المتحدة",
    "UY": "أورغواي",
    "UZ": "أوزبكستان",
    "VA": "الفاتيكان",
    "VC": "سانت فنسنت وجزر غرينادين",
    "VE": "فنزويلا",
    "VG": "جزر فيرجن البريطانية",
    "VI": "جزر فيرجن الأمريكية",
    "VN": "فيتنام",
    "VU": "فانواتو",
    "WF": "جزر والس وفوتونا",
    "WS": "ساموا",
    "XK": "كوسوفو",
    "YE": "اليمن",
    "YT": "مايوت",
    "ZA": "جنوب أفريقيا",
    "ZM": "زامبيا",
    "ZW": "زيمبابوي",
}

# Names CLDR gives in a formal or unusual form: the short name a news text uses instead.
_SHORT_NAME: dict[str, str] = {
    "SA": "السعودية",
    "AE": "الإمارات",
    "PS": "فلسطين",
    "CZ": "التشيك",
    "DK": "الدنمارك",
}

# Other names of a country seen in news text (the CLDR name is always kept as well).
_ALIASES: dict[str, tuple[str, ...]] = {
    "SA": ("المملكة العربية السعودية", "السعودية"),
    "AE": ("الإمارات العربية المتحدة", "دولة الإمارات", "دولة الإمارات العربية المتحدة"),
    "US": ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"),
    "GB": ("بريطانيا", "بريطانيا العظمى"),
    "PS": ("فلسطين", "دولة فلسطين"),
    "SY": ("سورية", "الجمهورية العربية السورية"),
    "EG": ("جمهورية مصر العربية",),
    "JO": ("المملكة الأردنية الهاشمية",),
    "DE": ("جمهورية ألمانيا الاتحادية",),
    "RU": ("الاتحاد الروسي", "روسيا الاتحادية"),
    "CN": ("جمهورية الصين الشعبية",),
    "IR": ("الجمهورية الإسلامية الإيرانية",),
    "DZ": ("الجمهورية الجزائرية الديمقراطية الشعبية",),
    "MR": ("الجمهورية الإسلامية الموريتانية",),
    "HU": ("المجر",),
    "DK": ("الدانمرك",),
    "BY": ("روسيا البيضاء",),
    "CI": ("كوت ديفوار",),
    "MM": ("ميانمار", "بورما"),
    "KR": ("كوريا الجنوبية",),
    "KP": ("كوريا الشمالية",),
}

# Nisba adjectives the derivation rules in `_derived_nisba` would get wrong (masculine, without ال).
_NISBA: dict[str, tuple[str, ...]] = {
    "US": ("أمريكي", "أميركي"),
    "GB": ("بريطاني",),
    "AE": ("إماراتي",),
    "AT": ("نمساوي",),
    "AF": ("أفغاني",),
    "DK": ("دنماركي", "دانمركي"),
    "HU": ("مجري",),
    "SA": ("سعودي",),
    "PS": ("فلسطيني",),
    "KR": ("كوري",),
    "CZ": ("تشيكي",),
    "ML": (),  # مالي is also the adjective "financial"
    "CL": ("تشيلي",),
}

_FORMAL_PREFIXES = ("المملكة", "الجمهورية", "جمهورية", "مملكة", "دولة", "سلطنة", "إمارة", "الإمارة")
"""Words that open a country's formal name: «المملكة المغربية», «دولة قطر», «سلطنة عمان»."""

_FORMAL_TRAILERS = (
    "الهاشمية",
    "الشعبية",
    "الديمقراطية",
    "الاتحادية",
    "العربية",
    "الإسلامية",
    "المتحدة",
)
"""Words that may follow the adjective in a formal name: «المملكة الأردنية الهاشمية»."""

CITIES: tuple[str, ...] = (
    "أنقرة", "إسطنبول", "اسطنبول", "الرباط", "الدار البيضاء", "مراكش", "فاس", "طنجة", "أكادير",
    "وجدة", "مكناس", "العيون", "القاهرة", "الإسكندرية", "الرياض", "جدة", "مكة", "دمشق", "حلب",
    "بيروت", "بغداد", "البصرة", "الموصل", "أربيل", "طرابلس", "بنغازي", "نواكشوط", "الخرطوم",
    "صنعاء", "عدن", "مسقط", "الدوحة", "المنامة", "أبوظبي", "دبي", "الشارقة", "القدس", "غزة",
    "رام الله", "باريس", "لندن", "برلين", "مدريد", "روما", "موسكو", "واشنطن", "نيويورك", "بكين",
    "طوكيو", "طهران", "كابول", "نيودلهي", "بروكسل", "جنيف", "فيينا", "لشبونة", "أثينا",
    "أمستردام", "كوالالمبور", "جاكرتا", "الجزائر", "تونس", "الكويت",
)  # fmt: skip
"""Well-known cities: a lexicon for telling a proclitic from a name's first letter."""

_FUNCTION_WORDS_TEXT = """
في من إلى الى على عن مع حتى منذ لدى عند بين حول خلال عبر ضد نحو دون بعد قبل أمام خلف فوق تحت
إن أن لكن أو أم ثم بل لا لم لن ما ماذا كيف متى أين هل قد لقد سوف كل بعض غير سوى هذا هذه ذلك
تلك هؤلاء أولئك هنا هناك الذي التي الذين اللذان اللتان اللواتي اللاتي هو هي هم هن هما أنا نحن
أنت أنتم إنه إنها أنه أنها كما بما لما مما عما فيما إذا إذ لو كان كانت يكون تكون ليس ليست
وقد وفي ومن وعلى وإلى وهو وهي أي أيضا فقط جدا ذات عدة كلا حيث بينما وذلك لذلك كذلك وكذلك إلا
أما إما بأن لأن كي لكي عليه عليها عليهم فيه فيها منه منها إليه إليها له لها لهم به بها بهم
عنه عنها معه معها وأن وإن فإن بل ولا ولم ولن وما كلما عندما بعدما قبلما مثل وفق ضمن لدى
"""

FUNCTION_WORDS: frozenset[str] = frozenset()
"""Prepositions, particles, pronouns, demonstratives and relatives, in `light_form`."""


_LIGHT_TABLE: dict[int, int | None] = {
    code: (ord(normalise(chr(code))) if normalise(chr(code)) else None)
    for code in [*range(0x0600, 0x0700), *range(0x08D3, 0x0900)]
    if normalise(chr(code)) != chr(code) and chr(code) not in "ىة"
}
"""`normalise`'s table without its ى→ي and ة→ه folds."""


def light_form(word: str) -> str:
    """Fold only what never separates two words: harakat, tatweel and the hamza seats of alef.

    Unlike `normalise`, ى and ة are kept, so «على» (on) stays apart from «علي» (Ali).
    """
    return word.translate(_LIGHT_TABLE)


FUNCTION_WORDS = frozenset(light_form(w) for w in _FUNCTION_WORDS_TEXT.split())

_SEATS = frozenset("أإآ")
_HARAKAT = {code: None for code in range(0x064B, 0x0653)} | {0x0640: None}
_WRITTEN_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
"""The function words as written, with their hamza seats («أمام», «إلى»)."""


@lru_cache(maxsize=1 << 14)
def is_function_word(word: str) -> bool:
    """True for a preposition, particle, pronoun or the like (harakat ignored, and the hamza
    seats of a word written without them).

    Remembered per word: the extraction asks about every word of every paragraph, and running
    text repeats its words (on 1 MB of Wikipedia, about 158,000 questions on 31,000 spellings).
    The 16,384 most recent are kept: a bound on memory that loses few repeats (hits 124,200,
    against 126,700 unbounded).
    """
    if light_form(word) not in FUNCTION_WORDS:
        return False
    # A seat written out must be the function word's own: «إمام» (imam) and «آنا» (Anna) are
    # not «أمام» (in front of) and «أنا» (I). A bare alef may stand for any seat.
    if _SEATS.isdisjoint(word):
        return True
    return word.translate(_HARAKAT) in _WRITTEN_FUNCTION_WORDS


@lru_cache(maxsize=4096)
def _normal_word(word: str) -> str:
    """`normalise`, remembered: names are looked up again and again in running text."""
    return normalise(word)


def name_key(words: Iterable[str]) -> str:
    """The comparison form of a name: each word normalised, joined by single spaces."""
    return " ".join(map(_normal_word, words))


@dataclass(frozen=True, slots=True)
class Country:
    """A country: its code, the short name to show, and the key forms that name it."""

    code: str
    """ISO 3166 two-letter code (CLDR's territory key)."""
    name: str
    """The short Arabic name («المغرب», «تركيا»)."""
    names: frozenset[str]
    """`name_key` forms of its names: short, CLDR and aliases (formal names are built from
    `formal_heads`, see `country_by_key`)."""
    formal_heads: frozenset[str]
    """`name_key` forms of what follows a formal prefix: the one-word short name («دولة قطر»)."""
    adjectives: frozenset[str]
    """`name_key` forms of the feminine adjective with ال that follows a formal prefix, alone or
    before a trailer («المملكة المغربية», «المملكة الأردنية الهاشمية»)."""
    nisbas: frozenset[str]
    """`normalise`d forms of the nisba adjective: masculine/feminine, with and without ال."""


def _derived_nisba(short: str) -> tuple[str, ...]:
    """The masculine nisba of a one-word country name by the regular rules (تركيا→تركي)."""
    if " " in short:
        return ()
    stem = short[2:] if short.startswith("ال") else short
    if stem.endswith("يا") or stem.endswith("ة"):
        return (stem[:-1],)
    if stem.endswith("ا"):
        return (stem[:-1] + "ي",)
    if stem.endswith(("ي", "ى")):
        return ()
    return (stem + "ي",)


def _nisba_forms(masculine: Iterable[str]) -> frozenset[str]:
    """All written forms of masculine nisbas: with and without ال, masculine and feminine."""
    forms: set[str] = set()
    for word in masculine:
        base = normalise(word)
        for form in (base, base + "ه"):
            forms.add(form)
            forms.add("ال" + form)
    return frozenset(forms)


def _build_countries() -> tuple[Country, ...]:
    """Assemble every country with its names, formal-name parts and nisbas."""
    countries = []
    for code, cldr in _CLDR_AR.items():
        short = _SHORT_NAME.get(code, cldr)
        nisba_masc = _NISBA.get(code, _derived_nisba(short))
        names = frozenset(name_key(n.split()) for n in (cldr, short, *_ALIASES.get(code, ())))
        heads = frozenset(() if " " in short else (name_key(short.split()),))
        adjectives = frozenset(name_key(("ال" + masc + "ة").split()) for masc in nisba_masc)
        countries.append(Country(code, short, names, heads, adjectives, _nisba_forms(nisba_masc)))
    return tuple(countries)


COUNTRIES: tuple[Country, ...] = _build_countries()
"""Every country, with all the names and adjectives that refer to it."""


def _first_of(pairs: Iterable[tuple[str, Country]]) -> dict[str, Country]:
    """``key -> country`` with the first country (in `COUNTRIES` order) that has each key."""
    table: dict[str, Country] = {}
    for key, country in pairs:
        table.setdefault(key, country)
    return table


# A formal name is a prefix and a head or an adjective («المملكة المغربية»), perhaps with a
# trailer: some 12,000 names, recognised from these parts rather than listed (listing them was
# a third of `reader entities`' start-up on a one-line file).
_BY_NAME = _first_of((key, c) for c in COUNTRIES for key in c.names)
_BY_HEAD = _first_of((key, c) for c in COUNTRIES for key in c.formal_heads)
_BY_ADJECTIVE = _first_of((key, c) for c in COUNTRIES for key in c.adjectives)
_BY_NISBA = _first_of((nisba, c) for c in COUNTRIES for nisba in c.nisbas)
_PREFIX_KEYS = frozenset(name_key(prefix.split()) for prefix in _FORMAL_PREFIXES)
_TRAILER_KEYS = frozenset(name_key(trailer.split()) for trailer in _FORMAL_TRAILERS)
_ORDER = {country.code: place for place, country in enumerate(COUNTRIES)}


def _words_in(key: str) -> int:
    """How many words a name in key form has."""
    return key.count(" ") + 1


def _prefix_lengths() -> dict[str, int]:
    """The first word of every country name in key form, and the most words a name that
    starts with it has."""
    lengths: dict[str, int] = {}
    for key in _BY_NAME:
        first = key.split(" ", 1)[0]
        lengths[first] = max(lengths.get(first, 0), _words_in(key))
    formal = [1 + _words_in(head) for head in _BY_HEAD]
    trailer = 1 if _TRAILER_KEYS else 0
    formal += [1 + _words_in(adjective) + trailer for adjective in _BY_ADJECTIVE]
    for prefix in _PREFIX_KEYS:
        lengths[prefix] = max([lengths.get(prefix, 0), *formal])
    return lengths


_PREFIX_LENGTHS = _prefix_lengths()


def country_by_key(key: str) -> Country | None:
    """The country a name (in `name_key` form) denotes, short or formal, or None; a name two
    countries share is the first one's (in `COUNTRIES` order)."""
    found = [_BY_NAME.get(key)]
    prefix, _, rest = key.partition(" ")
    if rest and prefix in _PREFIX_KEYS:
        found += [_BY_HEAD.get(rest), _BY_ADJECTIVE.get(rest)]
        adjective, _, trailer = rest.rpartition(" ")
        if adjective and trailer in _TRAILER_KEYS:
            found.append(_BY_ADJECTIVE.get(adjective))
    countries = [country for country in found if country is not None]
    return min(countries, key=lambda c: _ORDER[c.code]) if countries else None


def country_of_nisba(word: str) -> Country | None:
    """The country a nisba adjective («المغربي», «تركية») refers to, or None."""
    return _BY_NISBA.get(normalise(word))


def may_start_country(word: str) -> bool:
    """Whether a normalised word can be the first word of a country name."""
    return word in _PREFIX_LENGTHS


def longest_country_at(words: Sequence[str], start: int) -> tuple[int, Country] | None:
    """The longest country name starting at ``words[start]`` (words in `normalise`d form).

    Returns ``(stop, country)`` with ``words[start:stop]`` the name, or None.
    """
    longest = _PREFIX_LENGTHS.get(words[start], 0)
    for stop in range(min(len(words), start + longest), start, -1):
        country = country_by_key(" ".join(words[start:stop]))
        if country is not None:
            return stop, country
    return None


CITY_KEYS: frozenset[str] = frozenset(name_key(c.split()) for c in CITIES)
"""`name_key` forms of `CITIES`."""


def formal_country_prefixes() -> tuple[str, ...]:
    """The words that open a country's formal name (for callers that build their own rules)."""
    return _FORMAL_PREFIXES
