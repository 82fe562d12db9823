"""Build the data files `reader.nlp.topics` ships: general word frequencies and stop words.

Topic salience weighs how often a word occurs in the document against how often it occurs in
general text of the language. The general frequencies come from wordfreq 3.1.1 (Robyn Speer et
al., data CC BY-SA 4.0), aggregated here by the keys of `reader.nlp.stem` so that the document
and the table count «التعاون», «تعاون» and «بالتعاون» alike. The stop-word lists come from
stopwords-iso (MIT). Shipping these extracts instead of depending on wordfreq at run time keeps
the install small (wordfreq is ~60 MB with its lists and pulls in regex, ftfy, langcodes, msgpack)
and the import instant.

Run from the repository root, in an environment that has the two packages:

    pip install wordfreq==3.1.1 stopwordsiso==0.7.1
    PYTHONPATH=src python training/build_topic_data.py

It rewrites `src/reader/nlp/data/topics-whole-ar.txt` (first: the stemmer reads it),
`src/reader/nlp/data/topics-frequencies-{ar,fa,ur}.tsv.gz` and
`src/reader/nlp/data/topics-stopwords-{ar,fa}.txt`. Rebuild whenever `STEMMER_VERSION` changes.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from pathlib import Path

import stopwordsiso  # type: ignore[import-untyped]
import wordfreq  # type: ignore[import-untyped]

from reader.nlp.stem import STEMMER_VERSION, WHOLE_WORDS, fold, stem, strip_marks

DATA = Path(__file__).resolve().parents[1] / "src" / "reader" / "nlp" / "data"

MIN_ZIPF = 1.5
"""Keys rarer than this in general text are left out: the topic finder treats any key missing
from the table as this rare (the floor), which is what such keys are."""


def _is_arabic_script(word: str) -> bool:
    return all("\u0600" <= ch <= "\u06ff" or ch in "\u200c\u200d" for ch in word)


def build_frequencies(language: str) -> dict[str, float]:
    """Return zipf frequency (log10 of occurrences per billion words) of each stem key."""
    totals: dict[str, float] = defaultdict(float)
    for word, frequency in wordfreq.get_frequency_dict(language, wordlist="best").items():
        if not word or not _is_arabic_script(word) or any(ch.isdigit() for ch in word):
            continue
        totals[stem(word, language)] += frequency
    return {
        key: round(math.log10(total * 1e9), 2)
        for key, total in totals.items()
        if key and math.log10(total * 1e9) >= MIN_ZIPF
    }


WHOLE_PREFIXES = ("وبال", "وكال", "وفال", "وال", "بال", "كال", "فال")
"""The clitics-and-article openings a word may only look like (longest first). «لل» is left out:
it eats the article's alef and, before a word starting with «ل», a letter of the word, so what
it leaves cannot be compared as written."""


def whole_words() -> list[str]:
    """Folded Arabic words that start like a clitic and the article but are written at least as
    often as the definite word the clitic would leave: «والده» (his father) against «الده»,
    «كاليفورنيا» against «اليفورنيا». Fixed phrases come too («بالنسبة», 14 times «النسبة»):
    kept whole, they key apart from the noun, which they do not speak of."""
    written: dict[str, float] = defaultdict(float)
    for word, frequency in wordfreq.get_frequency_dict("ar", wordlist="best").items():
        if word and _is_arabic_script(word) and not any(ch.isdigit() for ch in word):
            written[fold(strip_marks(word))] += frequency
    result = []
    for word, frequency in written.items():
        opening = next((p for p in WHOLE_PREFIXES if word.startswith(p)), None)
        if (
            opening is not None
            and len(word) - len(opening) >= 2
            and frequency >= written.get("ال" + word[len(opening) :], 0.0)
        ):
            result.append(word)
    return sorted(result)


def write_whole_words() -> None:
    """Write `whole_words` to the stemmer's list, one a line, with a header."""
    words = whole_words()
    path = DATA / WHOLE_WORDS
    header = (
        "# wordfreq 3.1.1 'ar': words that only look like a clitic and the article; CC BY-SA 4.0"
    )
    path.write_text(header + "\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(words)} words")


def write_frequencies(language: str) -> None:
    """Write the table as `key<TAB>zipf` lines, most frequent first, with a version header."""
    table = build_frequencies(language)
    path = DATA / f"topics-frequencies-{language}.tsv.gz"
    lines = [f"# wordfreq 3.1.1 '{language}' by reader.nlp.stem v{STEMMER_VERSION}; CC BY-SA 4.0"]
    lines += [f"{key}\t{zipf:.2f}" for key, zipf in sorted(table.items(), key=lambda kv: -kv[1])]
    # GzipFile with mtime=0 so that rebuilding from the same inputs gives the same bytes.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{path.name}: {len(table)} keys, {path.stat().st_size} bytes")


def write_stopwords(language: str) -> None:
    """Write stopwords-iso's list for ``language``, folded like the topic finder folds words."""
    words = sorted({fold(word) for word in stopwordsiso.stopwords(language) if word.strip()})
    words = [word for word in words if _is_arabic_script(word)]
    path = DATA / f"topics-stopwords-{language}.txt"
    header = f"# stopwords-iso 0.7.1 (MIT) '{language}', folded by reader.nlp.stem.fold"
    path.write_text(header + "\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(words)} words")


def main() -> None:
    """Build every data file."""
    DATA.mkdir(parents=True, exist_ok=True)
    write_whole_words()  # before the frequencies: the stemmer keys by it
    for language in ("ar", "fa", "ur"):
        write_frequencies(language)
    # The Urdu list of stopwords-iso is mis-encoded (letters shifted, e.g. «اوًچب» for «اونچا»),
    # so Urdu uses only the hand-made list in reader.nlp.stopwords.
    for language in ("ar", "fa"):
        write_stopwords(language)


if __name__ == "__main__":
    main()
