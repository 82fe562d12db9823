"""Mine Arabic spellings of foreign names from Arabic Wikipedia -> ``foreign-names.tsv`` and
``foreign-shape.tsv``.

Arabic Wikipedia writes a foreign name in Arabic letters and then, often, its Latin form in
parentheses: «جين شارب (Gene Sharp)», «مونس لوكتفت (بالدنماركية: Mogens Lykketoft)».
This script reads ``shared/data/texts/large-01.ar.txt`` (CC BY-SA 4.0) and keeps, for each
parenthesised Latin name of two to four capitalised words, the same number of Arabic words right
before the parenthesis, when every Arabic word starts with a letter that can spell the first
letter of its Latin word (W -> و/ف, H -> ه/ح/خ, ...). That check drops most phrases that are not
transliterations («كتاب الأحبار (Liber Pontificalis)»). Particles («de», «van», «von») are
aligned but not kept. The first word is a given name (``FNg``), the last a surname (``FNs``),
the ones between are ``FNp``. Article titles of people (the article's first 40 words say
ولد/توفي/مواليد) of two or three words that are not Arabic-article words add ``FNg``/``FNs`` too.

Words under three letters and the 500 most frequent words of the text are left out (function
words and common nouns a loose alignment let in). The articles the outside dev set was taken
from (``training/dev/outside-dev.txt``, its first column) are skipped, so the dev figure does
not see its own names.

``foreign-shape.tsv`` generalises the list to names it never saw: naive-Bayes log-odds of
letter 1- to 3-grams, foreign names' spellings (the mined words and arabnamer's, from
``gazetteer.tsv.gz``) against common Wikipedia words (see `shape_weights`). Run::

    python training/mine_foreign_names.py
"""

from __future__ import annotations

import gzip
import logging
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from reader.nlp.normalise import normalise  # noqa: E402

WIKI = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
DEV = REPO / "training" / "dev" / "outside-dev.txt"
OUT = REPO / "src" / "reader" / "nlp" / "entities" / "data" / "foreign-names.tsv"

SHAPE_OUT = OUT.with_name("foreign-shape.tsv")
COMMON_OUT = OUT.with_name("foreign-lookalikes.txt")
LOOKALIKE_SCORE = 10.0
GAZETTEER = OUT.with_name("gazetteer.tsv.gz")

log = logging.getLogger("mine_foreign_names")

_DOC = re.compile(r'<doc [^>]*title="([^"]*)"[^>]*>(.*?)</doc>', re.S)
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
_LATIN_NAME = re.compile(
    r"((?:[\u0621-\u064a]+\s+){1,6})\(\s*(?:ب?ال[\u0621-\u064a]+\s*:\s*)?"
    r"([A-Z][A-Za-z'\u00c0-\u024f.-]*(?:\s+[A-Za-z'\u00c0-\u024f.-]+){1,4})\s*\)"
)
_PARTICLE_TEXT = (
    "de del della der den di da das dos du la le van von y e of al el bin ibn ben zu ter"
)
PARTICLES = frozenset(_PARTICLE_TEXT.split(" "))
# Arabic letters (normalised) that can spell the first letter of a Latin word.
_VOWEL = "اأإآعيوه"
_FIRST: dict[str, str] = {
    "a": _VOWEL, "e": _VOWEL, "i": _VOWEL, "o": _VOWEL, "u": _VOWEL, "y": "يا" + _VOWEL,
    "b": "ب", "c": "كسشتقج", "d": "دض", "f": "ف", "g": "غجقك", "h": "هحخ", "j": "جيخهه",
    "k": "كقخ", "l": "ل", "m": "م", "n": "ن", "p": "بف", "q": "كق", "r": "ر", "s": "سصشزت",
    "t": "تطثش", "v": "فو", "w": "وفف", "x": "إازسك", "z": "زستشذ",
}  # fmt: skip
COMMON_WORDS = 500
_PERSON_CUES = frozenset(normalise(w) for w in ["ولد", "ولدت", "مواليد", "توفي", "توفيت"])


def dev_titles() -> set[str]:
    """The titles of the articles the outside dev set was taken from."""
    titles = set()
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            titles.add(line.split("\t", 1)[0])
    return titles


def article_texts() -> list[str]:
    """The text of every Wikipedia article but the dev set's."""
    skip = dev_titles()
    text = WIKI.read_text(encoding="utf-8")
    return [m.group(2) for m in _DOC.finditer(text) if m.group(1) not in skip]


def _letter_fits(latin: str, arabic: str) -> bool:
    """Whether the Arabic word's first letter can spell the Latin word's («Š» counts as «s»)."""
    first = unicodedata.normalize("NFKD", latin.lower())[:1]
    return arabic[:1] in _FIRST.get(first, "")


def aligned(arabic_words: list[str], latin: str) -> list[tuple[str, str]] | None:
    """Pairs of (Arabic word, Latin word) for the last Arabic words, or None if they do not fit."""
    latin_words = latin.split()
    if not 2 <= len(latin_words) <= 4 or len(arabic_words) < len(latin_words):
        return None
    tail = arabic_words[-len(latin_words) :]
    pairs = []
    for ar, la in zip(tail, latin_words, strict=True):
        norm = normalise(ar)
        if la.lower() in PARTICLES:
            pairs.append((norm, la))
            continue
        if not la[:1].isupper() or len(norm) < 2:
            return None
        if norm.startswith("ال") and not la.lower().startswith(("al", "el")):
            return None
        if not _letter_fits(la, norm):
            return None
        pairs.append((norm, la))
    return pairs


def mine() -> dict[str, Counter[str]]:
    """Word -> class counts (FNg, FNs, FNp) from the Wikipedia text, dev articles left out."""
    skip = dev_titles()
    text = WIKI.read_text(encoding="utf-8")
    classes: dict[str, Counter[str]] = {}
    pairs_kept = titles_kept = articles = 0
    for match in _DOC.finditer(text):
        title, body = match.group(1), match.group(2)
        if title in skip:
            continue
        articles += 1
        for m in _LATIN_NAME.finditer(body):
            words = [w for w in m.group(1).split() if _ARABIC_WORD.match(w)]
            pairs = aligned(words, m.group(2))
            if pairs is None:
                continue
            pairs_kept += 1
            _add(classes, [ar for ar, la in pairs if la.lower() not in PARTICLES])
        head = {normalise(w) for w in body.split()[:40]}
        name = title.split("(")[0].split()
        if head & _PERSON_CUES and 2 <= len(name) <= 3 and all(_ARABIC_WORD.match(w) for w in name):
            norms = [normalise(w) for w in name]
            if not any(w.startswith("ال") or w in ("بن", "ابن", "عبد", "ابو") for w in norms):
                titles_kept += 1
                _add(classes, norms)
    # Frequent words are function words or common nouns caught by a loose alignment or a title
    # («من», «علي» read as «على»): never a name cue.
    frequency = Counter(
        normalise(w) for body in article_texts() for w in body.split() if _ARABIC_WORD.match(w)
    )
    common = {w for w, _ in frequency.most_common(COMMON_WORDS)}
    for word in list(classes):
        if word in common or len(word) < 3:
            del classes[word]
    log.info(
        "%d articles read (%d dev articles left out): %d Latin-name pairs, %d person titles",
        articles,
        len(skip),
        pairs_kept,
        titles_kept,
    )
    return classes


def _add(classes: dict[str, Counter[str]], words: list[str]) -> None:
    if len(words) < 2:
        return
    for i, word in enumerate(words):
        kind = "FNg" if i == 0 else "FNs" if i == len(words) - 1 else "FNp"
        classes.setdefault(word, Counter())[kind] += 1


def _grams(word: str) -> list[str]:
    """The letter 1-, 2- and 3-grams of ``word`` with its edges marked («^ه», «رغ$»)."""
    padded = f"^{word}$"
    return [padded[i : i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1)]


def shape_weights(foreign: set[str]) -> tuple[dict[str, float], list[str]]:
    """Naive-Bayes log-odds of letter n-grams: a foreign name's spelling against a common word's.

    Foreign spellings: the mined names and the gazetteer's ``PERSx`` words (arabnamer's
    dictionary) that are not Arabic given or family names. Common words: the 30,000 most frequent
    words of the Wikipedia text that are in no name list. Only n-grams seen 3 times or more are
    kept, rounded to 0.1. Also returns the 30,000 most frequent words that still score 10 or
    more and are in no person list («سيكون», «كيلو», places): the rules never take them for
    persons.
    """
    foreign = set(foreign)
    named: set[str] = set()
    people = set(foreign)
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, *classes = line.rstrip("\n").split("\t")
            if any(c.startswith(("PERS", "LOC", "WK")) for c in classes):
                named.add(word)
            if any(c.startswith(("PERS", "WK_PERS")) for c in classes):
                people.add(word)
            if "PERSx" in classes and not {"PERSg", "PERSs"} & set(classes) and len(word) >= 3:
                foreign.add(word)
    frequency = Counter(
        normalise(w) for body in article_texts() for w in body.split() if _ARABIC_WORD.match(w)
    )
    common = [w for w, _ in frequency.most_common(30000) if w not in named and w not in foreign]
    counts = (
        Counter(g for w in foreign for g in _grams(w)),
        Counter(g for w in common for g in _grams(w)),
    )
    totals = (sum(counts[0].values()), sum(counts[1].values()))
    weights = {}
    for gram in set(counts[0]) | set(counts[1]):
        if counts[0][gram] + counts[1][gram] < 3:
            continue
        odds = math.log((counts[0][gram] + 1) / totals[0]) - math.log(
            (counts[1][gram] + 1) / totals[1]
        )
        weights[gram] = round(odds, 1)
    log.info(
        "shape: %d foreign, %d common words, %d n-grams", len(foreign), len(common), len(weights)
    )
    # Places and organisations spelt like foreign names are lookalikes too: a person rule must
    # leave them alone. Person names of the lists are not.
    lookalikes = [
        w
        for w, _ in frequency.most_common(30000)
        if w not in people and score(weights, w) >= LOOKALIKE_SCORE
    ]
    log.info("%d common words spelt like foreign names", len(lookalikes))
    return weights, sorted(lookalikes)


def score(weights: dict[str, float], word: str) -> float:
    """The spelling score `reader.nlp.entities.foreign.foreign_score` computes at run time."""
    return sum(weights.get(g, 0.0) for g in _grams(word))


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    classes = mine()
    weights, lookalikes = shape_weights(set(classes))
    lines = [f"{gram}\t{weight}\n" for gram, weight in sorted(weights.items()) if weight]
    SHAPE_OUT.write_text("".join(lines), encoding="utf-8", newline="\n")
    COMMON_OUT.write_text("".join(w + "\n" for w in lookalikes), encoding="utf-8", newline="\n")
    lines = [word + "\t" + "\t".join(sorted(classes[word])) + "\n" for word in sorted(classes)]
    OUT.write_text("".join(lines), encoding="utf-8", newline="\n")
    log.info("wrote %s (%d words)", OUT, len(classes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
