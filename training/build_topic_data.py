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

It rewrites `src/reader/nlp/data/topics-frequencies-{ar,fa,ur}.tsv.gz` and
`src/reader/nlp/data/topics-stopwords-{ar,fa}.txt`. Rebuild whenever `STEMMER_VERSION` changes.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from pathlib import Path

import stopwordsiso  # type: ignore[import-untyped]
import wordfreq  # type: ignore[import-untyped]

from reader.nlp.stem import STEMMER_VERSION, fold, stem

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
    for language in ("ar", "fa", "ur"):
        write_frequencies(language)
    # The Urdu list of stopwords-iso is mis-encoded (letters shifted, e.g. «اوًچب» for «اونچا»),
    # so Urdu uses only the hand-made list in reader.nlp.stopwords.
    for language in ("ar", "fa"):
        write_stopwords(language)


if __name__ == "__main__":
    main()
