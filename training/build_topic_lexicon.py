"""Build `src/reader/nlp/data/topics-lexicon-ar.tsv.gz`: Arabic words that never make a label.

A theme label is a noun phrase a reader would put in a table of contents. Four kinds of word
cannot stand as one on their own (or, for verbs, start one), and each is told from measurement
over the 1,939 Arabic Wikipedia articles of `shared/data/texts/large-01.ar.txt` (the articles
annotated as topic gold are left out), not from a hand list:

- **adjective**: a word that, when it carries the article, mostly follows another definite
  word in the same noun phrase (agreement: «التعاون الأمني», «الدولة التونسية»): share of its
  definite occurrences right after a definite content word ≥ `ADJECTIVE_SHARE`.
- **verb**: a word almost never written with the article (≤ `VERB_DEFINITE` of its
  occurrences) that follows the verbal particles «قد، لم، لن، سوف، لقد» or a relative pronoun
  «الذي، التي، الذين» (≥ `VERB_PARTICLE`).
- **unit**: a word mostly written right after a number (≥ `UNIT_SHARE`): «دولار», «كيلومتر»,
  «صوتا», «نقطة», «مليون».
- **filler**: a noun found in many documents (at least `FILLER_DF` of them) but key in almost
  none: among a document's `KEY_TOP` words by tf-idf (and repeated) in at most
  `FILLER_KEY_RATE` of the documents holding it — «المستوى», «الإطار», «الجانب», «المقارنة»
  name no subject of their own. (Residual IDF, tried first, did not tell «الإطار» from
  «سرطان» in articles this short.)

Two more kinds mark what is *not* a name: **common**, a word written with the article in at
least `COMMON_DEFINITE` of its (at least `COMMON_MIN`) occurrences, and **noun**, a rarer word
written with the article at least `NOUN_DEFINITE_MIN` times and in at least `NOUN_DEFINITE`
of its occurrences («اكتشاف» 12/67, «صيغة» 5/32, «أخطر» 2/4, «تكنولوجيات» 2/2). Such a word
written without the article is a common noun in a construction («اكتشاف المرض»), not a name,
so it does not label a theme alone, and a label of such words with no article anywhere («سيدة
بريطانية», «صيغة توافقية») names nothing; names are seldom definite («مارك» 0/60, «تونس»
0/85, «أحمد» 16/498, «جان» 2/62). A noun is kept apart from common because a rare noun shaped
like a nisba («التكنولوجية») is still taken for an adjective.

A verb too rare to be measured on its own form («تطمح» 3 times, «جلس» 29 times but never after a
particle: narrative verbs follow «و», not «قد») is measured on its **paradigm**: the forms of one
stem with a past subject ending («ـت، ـوا، ـتا، ـنا، ـتم، ـن») or an imperfect prefix («يـ، تـ،
نـ، أ»), a stripped prefix counting only when the stem's «يـ» form is attested («تطمح» →
«يطمح»; not «نيرون» → «يرون»). It is a verb when at least two of those forms occur, together at
least `VERB_MIN` times, almost never with the article (≤ `VERB_DEFINITE`) nor after a word that
opens a noun (≤ `PARADIGM_NOUN_OPENER`: a preposition or a determiner, «في، من، كل، هذا»:
names and nouns follow them, «إلى تونس»), and either in three forms or more («جلس»: «جلست»,
«جلسوا», «يجلس») or at least once after a verbal particle; the form
itself must pass the article and noun-opener tests too («كلمات» is no past of «كلما»), and be
neither a stop word («على» folds to «علي») nor a name the entity gazetteer lists («عبده», Abduh,
is also «he worships him»; «علي»).

`VERB_MIN` is 6: at 8, «ذاع» (7 occurrences, one after «قد») was no verb and «ذاع صيت»
labelled a theme; the verbs it adds (sampled: «اتسم», «استقالت», «انعقدت», «اعجب») are verbs.

Words are keyed by their folded form without glued conjunction/preposition and article
(`reader.nlp.stem.fold`), the form a label's words are checked in. Run from the checkout:

    PYTHONPATH=src python training/build_topic_lexicon.py

The result is derived from Arabic Wikipedia text (CC BY-SA) and shared under CC BY-SA 4.0.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from topic_gold import gold_articles  # run from training/: its folder is on the path

from reader.nlp.stem import fold

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT.parent / "shared" / "data" / "texts" / "large-01.ar.txt"
OUT = ROOT / "src" / "reader" / "nlp" / "data" / "topics-lexicon-ar.tsv.gz"
STOP_WORDS = ROOT / "src" / "reader" / "nlp" / "data" / "topics-stopwords-ar.txt"
GAZETTEER = ROOT / "src" / "reader" / "nlp" / "entities" / "data" / "gazetteer.tsv.gz"
GOLD_ARTICLES = gold_articles()
"""The articles annotated in tests/data/topics-gold (`topic_gold`): kept out of the measurement."""

ADJECTIVE_SHARE = 0.6
ADJECTIVE_MIN = 8
VERB_DEFINITE = 0.03
VERB_PARTICLE = 0.04
VERB_MIN = 6
UNIT_SHARE = 0.3
UNIT_MIN = 8
FILLER_KEY_RATE = 0.035
FILLER_DEFINITE = 0.1
FILLER_DF = 0.03
KEY_TOP = 20
PARADIGM_NOUN_OPENER = 0.02
COMMON_MIN = 20
COMMON_DEFINITE = 0.3
NOUN_DEFINITE_MIN = 2
NOUN_DEFINITE = 0.1

_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+|\d+(?:[.,]\d+)*|\S")
_DOC = re.compile(r'<doc id="(\d+)"[^>]*>\n(.*?)</doc>', re.S)
_PARTICLES = {
    fold(w)
    for w in ("قد", "لم", "لن", "سوف", "لقد", "وقد", "ولم", "ولن", "فقد", "الذي", "التي", "الذين")
}
"""Words a verb follows: the verbal particles, and the relative pronouns (whose clause most
often starts with its verb)."""
_NOUN_OPENERS = {
    fold(w)
    for w in (
        *("في", "من", "إلى", "على", "عن", "مع", "حتى", "منذ", "خلال", "بعد", "قبل", "بين"),
        *("عند", "حول", "ضد", "نحو", "لدى", "وفي", "ومن", "وإلى", "وعلى", "وعن", "ومع"),
        *("ذلك", "هذا", "هذه", "كل", "لكل", "أي"),
    )
}
"""Words a noun or a name follows, and a verb almost never: prepositions and determiners."""
_PAST_ENDINGS = ("ت", "وا", "تا", "نا", "تم", "ن")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_NUMBER_WORDS = {fold(w) for w in ["ألف", "آلاف", "مليون", "ملايين", "مليار", "مليارات", "بليون"]}
"""Number words: what follows them counts as following a number («مليار دولار»)."""
_ARTICLE = re.compile("^(?:[وف]?[بك]?ال|[وف]?لل)(?=..)")


def bare(word: str) -> tuple[str, bool]:
    """The folded word without a glued clitic and the article, and whether it had the article."""
    folded = fold(word)
    match = _ARTICLE.match(folded)
    if match:
        return folded[match.end() :], True
    return folded, False


@dataclass(frozen=True)
class Counts:
    """What the measurement counted per bare form."""

    total: Counter[str]
    definite: Counter[str]
    after_particle: Counter[str]
    after_noun_opener: Counter[str]


def _names_and_stop_words() -> frozenset[str]:
    """Forms the paradigm test leaves alone: the topic stop words and the entity gazetteer's
    persons and places (folded, as both files are)."""
    stop = STOP_WORDS.read_text(encoding="utf-8").split()
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as lines:
        rows = [line.split("\t") for line in lines]
    names = [row[0] for row in rows if row[1].startswith(("PERS", "LOC"))]
    return frozenset(stop) | frozenset(names)


def _stems(form: str, total: Counter[str]) -> set[str]:
    """The stems ``form`` may be a past or imperfect verb of: itself, without a past subject
    ending, or without an imperfect prefix when the stem's «يـ» form is attested."""
    stems = {form}
    for ending in _PAST_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stems.add(form[: -len(ending)])
    if form[0] in _IMPERFECT_PREFIXES and len(form) >= 4 and total["ي" + form[1:]]:
        stems.add(form[1:])
    return stems


def _paradigm(stem: str) -> set[str]:
    """The forms of a verb stem: past subject endings, imperfect prefixes, «يـ…ون», «تـ…ان»."""
    forms = {stem, *(stem + ending for ending in _PAST_ENDINGS)}
    forms |= {prefix + stem for prefix in _IMPERFECT_PREFIXES}
    forms |= {prefix + stem + plural for prefix in "يت" for plural in ("ون", "ان")}
    return forms


def paradigm_verb(form: str, counts: Counts, names: frozenset[str]) -> str | None:
    """The evidence that ``form`` is a verb, measured over a paradigm of its stem, or None.
    A stem that is a listed name and follows prepositions as names do is none («ريون» is no
    past of «ريو», Rio: «في ريو»); «راج» (Raj) is a listed name, «راجت» still a verb."""
    own = counts.total[form]
    if (
        counts.definite[form] > VERB_DEFINITE * own
        or counts.after_noun_opener[form] > PARADIGM_NOUN_OPENER * own
    ):
        return None
    best: tuple[int, str] | None = None
    for stem in sorted(_stems(form, counts.total)):
        if stem in names and counts.after_noun_opener[stem] > PARADIGM_NOUN_OPENER * max(
            counts.total[stem], 1
        ):
            continue
        # The bare stem counts only when it is the form itself: «تكتب» is read from «يكتب»,
        # «كتبت», «كتبوا», not from «كتب», which is also «الكتب» (the books).
        forms = [f for f in _paradigm(stem) if counts.total[f] and (f != stem or f == form)]
        n = sum(counts.total[f] for f in forms)
        if (
            len(forms) >= 2
            and n >= VERB_MIN
            and sum(counts.definite[f] for f in forms) <= VERB_DEFINITE * n
            and sum(counts.after_noun_opener[f] for f in forms) <= PARADIGM_NOUN_OPENER * n
            and (len(forms) >= 3 or sum(counts.after_particle[f] for f in forms) >= 1)
            and (best is None or n > best[0])
        ):
            best = (n, f"paradigm of {stem}: {len(forms)} forms, {n} occurrences")
    return None if best is None else best[1]


def main() -> int:
    """Measure and write the table."""
    text, summary = measure()
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{summary} -> {OUT}")
    return 0


def measure() -> tuple[str, str]:
    """The table's text (what the gzipped file holds) and a one-line summary of it."""
    text = LARGE.read_text(encoding="utf-8")
    total: Counter[str] = Counter()
    definite: Counter[str] = Counter()
    after_definite: Counter[str] = Counter()
    after_particle: Counter[str] = Counter()
    after_number: Counter[str] = Counter()
    after_noun_opener: Counter[str] = Counter()
    df: Counter[str] = Counter()
    documents = 0
    per_document: list[Counter[str]] = []
    for doc_id, body in _DOC.findall(text):
        if doc_id in GOLD_ARTICLES:
            continue
        documents += 1
        seen: set[str] = set()
        local: Counter[str] = Counter()
        for line in body.split("\n"):
            previous_kind = ""  # "definite", "particle", "number", "word" or "" (break)
            for token in _TOKEN.findall(line):
                if token[0].isdigit():
                    previous_kind = "number"
                    continue
                if not ("\u0621" <= token[0] <= "\u06d3"):
                    previous_kind = ""
                    continue
                form, is_definite = bare(token)
                if len(form) < 2:
                    previous_kind = ""
                    continue
                total[form] += 1
                seen.add(form)
                local[form] += 1
                if is_definite:
                    definite[form] += 1
                    if previous_kind == "definite":
                        after_definite[form] += 1
                if previous_kind == "particle":
                    after_particle[form] += 1
                if previous_kind == "number":
                    after_number[form] += 1
                if previous_kind == "opener":
                    after_noun_opener[form] += 1
                folded = fold(token)
                if form in _NUMBER_WORDS:
                    previous_kind = "number"
                elif folded in _PARTICLES:
                    previous_kind = "particle"
                elif folded in _NOUN_OPENERS:
                    previous_kind = "opener"
                else:
                    previous_kind = "definite" if is_definite else "word"
        df.update(seen)
        per_document.append(local)
    # Keyness across documents: in how many of the documents holding a word is it among the
    # document's KEY_TOP words by tf-idf (and repeated)? A subject is key where it occurs;
    # a filler noun is everywhere and key nowhere.
    key_documents: Counter[str] = Counter()
    for local in per_document:
        ranked = sorted(
            (c * math.log(documents / df[w]) for w, c in local.items() if c >= 2), reverse=True
        )
        if not ranked:
            continue
        cut = ranked[min(KEY_TOP, len(ranked)) - 1]
        key_documents.update(
            w for w, c in local.items() if c >= 2 and c * math.log(documents / df[w]) >= cut
        )

    kinds: dict[str, tuple[str, str]] = {}
    for form, count in total.items():
        d = definite[form]
        if d >= ADJECTIVE_MIN and after_definite[form] / d >= ADJECTIVE_SHARE:
            kinds[form] = ("adjective", f"{after_definite[form]}/{d}")
        elif (
            count >= VERB_MIN
            and d / count <= VERB_DEFINITE
            and after_particle[form] / count >= VERB_PARTICLE
        ):
            kinds[form] = ("verb", f"{after_particle[form]}/{count}")
        elif count >= UNIT_MIN and after_number[form] / count >= UNIT_SHARE:
            kinds[form] = ("unit", f"{after_number[form]}/{count}")
        elif df[form] >= FILLER_DF * documents and d >= FILLER_DEFINITE * count:
            rate = key_documents[form] / df[form]
            if rate <= FILLER_KEY_RATE:
                kinds[form] = ("filler", f"key in {key_documents[form]}/{df[form]} documents")
        if form not in kinds and count >= COMMON_MIN and d >= COMMON_DEFINITE * count:
            kinds[form] = ("common", f"{d}/{count}")
        elif form not in kinds and d >= NOUN_DEFINITE_MIN and d >= NOUN_DEFINITE * count:
            kinds[form] = ("noun", f"{d}/{count}")
    counts = Counts(total, definite, after_particle, after_noun_opener)
    names = _names_and_stop_words()
    for form in total:
        if form not in kinds and len(form) >= 3 and form not in names:
            evidence = paradigm_verb(form, counts, names)
            if evidence is not None:
                kinds[form] = ("verb", evidence)
    by_kind: dict[str, int] = defaultdict(int)
    lines = [
        f"# form\tkind\tevidence; from {LARGE.name}, {documents} articles; "
        "see training/build_topic_lexicon.py"
    ]
    for form in sorted(kinds):
        kind, evidence = kinds[form]
        by_kind[kind] += 1
        lines.append(f"{form}\t{kind}\t{evidence}")
    return "\n".join(lines) + "\n", f"{documents} documents; {dict(by_kind)}"


if __name__ == "__main__":
    raise SystemExit(main())
