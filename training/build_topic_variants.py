"""Build `src/reader/nlp/data/topics-variants-ar.tsv`: broken plurals the light stemmer misses.

`reader.nlp.stem` strips affixes, so «الأغنية» and «الأغاني» (its broken plural) get the keys
«اغن» and «اغان»: two keys, and a text about songs got two themes, «الأغنية» and «أغان» (news-08;
issue 10: stem variants are one theme). Most broken plurals of four-consonant nouns (مفاعل,
أفاعل, تفاعيل: «مقاعد»/«مقعد», «معارك»/«معرك») are the singular's key with «ا» after its second
letter, or, for the shape فواعل, its «و» dropped and «ا» moved before it («قوالب»/«قالب»);
so are many unrelated pairs («مرات»/«مرت», «قرار»/«قرر»). Which pairs are one word is measured,
not listed: over the 1,932 Arabic Wikipedia articles of
`shared/data/texts/large-01.ar.txt` (the articles annotated as topic gold left out), each key
seen at least `MIN_COUNT` times gets a context vector (positive PMI with the keys within
`WINDOW` words, reduced to `DIMENSIONS` by a seeded randomised SVD); a pair of that shape is kept
when the cosine of its two vectors reaches the 99th percentile of `SAMPLE` random pairs of
keys (two words used alike, not by chance). Run from the checkout (about 30 s):

    PYTHONPATH=src python training/build_topic_variants.py

The result is derived from Arabic Wikipedia text (CC BY-SA) and shared under CC BY-SA 4.0.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
from topic_gold import gold_articles  # run from training/: its folder is on the path

from reader.nlp.stem import stem

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT.parent / "shared" / "data" / "texts" / "large-01.ar.txt"
OUT = ROOT / "src" / "reader" / "nlp" / "data" / "topics-variants-ar.tsv"
GOLD_ARTICLES = gold_articles()
"""The articles annotated in tests/data/topics-gold (`topic_gold`): kept out of the measurement."""

MIN_COUNT = 10
CONTEXTS = 6000
"""The commonest keys are the contexts, less the `FUNCTION_KEYS` commonest (function words)."""
FUNCTION_KEYS = 100
WINDOW = 4
DIMENSIONS = 150
SAMPLE = 20000
PERCENTILE = 99
SEED = 1234

_DOC = re.compile(r'<doc id="(\d+)"[^>]*>\n(.*?)</doc>', re.S)
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_CLITICS = "وفبلك"
"""A key starting with one of these may still carry a glued conjunction or preposition."""


def singular_shapes(key: str) -> tuple[str, ...]:
    """The keys ``key`` would have as a singular if it were a broken plural with «ا» after its
    second letter («مقاعد» → «مقعد»), or of the shape فواعل («قوالب» → «قالب», «جوائز» →
    «جائز»); none for a short key (the runtime reads the measured table)."""
    if len(key) < 4 or key[0] in _CLITICS or key[2] != "ا":
        return ()
    dropped = key[:2] + key[3:]
    return (dropped, key[0] + "ا" + key[3:]) if key[1] == "و" and len(key) >= 5 else (dropped,)


def _lines() -> list[list[str]]:
    text = LARGE.read_text(encoding="utf-8")
    keys: dict[str, str] = {}
    lines = []
    for doc_id, body in _DOC.findall(text):
        if doc_id in GOLD_ARTICLES:
            continue
        for line in body.split("\n"):
            words = [keys.setdefault(w, stem(w)) for w in _WORD.findall(line)]
            if words:
                lines.append(words)
    return lines


def _vectors(lines: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """The keys seen at least `MIN_COUNT` times and their unit context vectors."""
    count = Counter(k for line in lines for k in line)
    targets = [k for k, n in count.most_common() if n >= MIN_COUNT and len(k) > 1]
    common = [k for k, _ in count.most_common(CONTEXTS) if len(k) > 1][FUNCTION_KEYS:]
    row = {k: i for i, k in enumerate(targets)}
    column = {k: i for i, k in enumerate(common)}
    counts = np.zeros((len(targets), len(common)), dtype=np.float32)
    for line in lines:
        rows = [row.get(k, -1) for k in line]
        columns = [column.get(k, -1) for k in line]
        for i, r in enumerate(rows):
            if r < 0:
                continue
            for j in range(max(0, i - WINDOW), min(len(line), i + WINDOW + 1)):
                if j != i and columns[j] >= 0:
                    counts[r, columns[j]] += 1
    total = counts.sum()
    context = counts.sum(0, keepdims=True) ** 0.75
    context *= total / context.sum()
    with np.errstate(divide="ignore"):
        pmi = np.log(counts * total / (counts.sum(1, keepdims=True) * context + 1e-9))
    ppmi = np.where(np.isfinite(pmi), np.maximum(pmi, 0), 0).astype(np.float32)
    rng = np.random.default_rng(SEED)
    basis = np.linalg.qr(ppmi @ rng.standard_normal((len(common), DIMENSIONS + 20)))[0]
    for _ in range(2):
        basis = np.linalg.qr(ppmi @ (ppmi.T @ basis))[0]
    left, values, _ = np.linalg.svd(basis.T @ ppmi, full_matrices=False)
    vectors = (basis @ left)[:, :DIMENSIONS] * np.sqrt(values[:DIMENSIONS])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return targets, vectors


def main() -> int:
    """Measure and write the table."""
    keys, vectors = _vectors(_lines())
    index = {k: i for i, k in enumerate(keys)}
    rng = np.random.default_rng(SEED)
    a, b = rng.integers(0, len(keys), SAMPLE), rng.integers(0, len(keys), SAMPLE)
    chance = float(np.percentile((vectors[a] * vectors[b]).sum(1), PERCENTILE))
    pairs = []
    for key in keys:
        for singular in singular_shapes(key):
            if singular in index:
                cosine = float(vectors[index[key]] @ vectors[index[singular]])
                pairs.append((key, singular, cosine))
    best: dict[str, tuple[str, str, float]] = {}
    for pair in pairs:  # of a plural's two possible singulars, the likelier
        if pair[2] >= chance and pair[2] > best.get(pair[0], ("", "", -1.0))[2]:
            best[pair[0]] = pair
    kept = sorted(best.values(), key=lambda p: -p[2])
    lines = [
        f"# plural\tsingular\tcosine; from {LARGE.name}, {len(keys)} keys; pairs of that shape "
        f"{len(pairs)}, kept {len(kept)} at cosine >= {chance:.3f} (random pairs' "
        f"{PERCENTILE}th percentile); see training/build_topic_variants.py",
        *(f"{plural}\t{singular}\t{cosine:.3f}" for plural, singular, cosine in kept),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[0].removeprefix("# "), "->", OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
