"""Cross-validate document-level name memory (``reader.nlp.entities.memory``) on the ANERcorp
train split.

One command trains what is missing, tags, and prints the table::

    nice python training/cv_memory.py            # K=4 contiguous folds of the train split
    nice python training/cv_memory.py --test     # the chosen variant, once, on the test split
    nice python training/cv_memory.py --speed    # tokens/s of the tagger without/with memory

Why contiguous folds: memory needs document order, and ANERcorp is news articles concatenated in
order, so each fold is a run of whole (or nearly whole) articles. For each fold a CRF is trained
on the other blocks with the shipped feature tables and the shipped crf settings of
``training/train_ner.py`` (c1 = c2 = 0.05, 300 iterations); the model and the held-out block's
CRF output (post-processed labels plus every label's marginal per token) are saved under
``training/build/memory/`` (git-ignored), so each model is trained once and every memory
variant is scored on the same tagger output. The held-out block is tagged sentence by sentence,
in order, as one stream, like the app tags an article paragraph by paragraph.

The priors table was built with out-of-fold guesses over the whole train split, so a fold model
sees priors that were fitted without each word's own labels but with the other folds' labels:
fine for comparing post-processing variants, not an unbiased absolute figure. The cached tagger
output is not refreshed when ``tagger.py`` or ``features.py`` change: delete
``training/build/memory/*.pickle`` after such a change (about 5 minutes to redo on one core).

Result (4 folds, pooled): baseline micro-F1 0.7231 (P 0.799, R 0.660); chosen variant
(``CHOSEN``: surnames, confidence 0.5, support 0.003, retype 0.7, horizon 50 sentences)
0.7444 (P 0.792, R 0.702), better on every fold; test split, scored once: 0.6962 -> 0.7241.

These fold CRFs are trained *without* the neural network's features that the shipped CRF now
reads (``training/train_neural.py``): the memory's settings were chosen over the plain CRF.
Cross-validating them over the stacked tagger would need networks trained per fold inside
each fold; with the shipped stacked tagger the memory gives +2.2 points on the test split too
(README).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
TRAIN = SHARED / "ner" / "anercorp" / "derived" / "ANERCorp_CamelRules_train.txt"
DATA = REPO / "src" / "reader" / "nlp" / "entities" / "data"
BUILD = REPO / "training" / "build" / "memory"

sys.path.insert(0, str(REPO / "src"))

from reader.nlp.entities.evaluate import ENTITY_TYPES, Scores, default_test_path, read_conll, score  # noqa: E402
from reader.nlp.entities.features import FeatureExtractor  # noqa: E402
from reader.nlp.entities.memory import NameMemory, Parts  # noqa: E402
from reader.nlp.entities.tagger import (  # noqa: E402
    CLUSTERS_FILE,
    GAZETTEER_FILE,
    LABELS,
    MODEL_FILE,
    PRIORS_FILE,
    Tagger,
    read_clusters,
)
from reader.nlp.tokens import sentence_spans  # noqa: E402

log = logging.getLogger("cv_memory")

Sentence = tuple[list[str], list[str]]
# One tagged sentence: words, gold labels, tagger labels, per-token {label: marginal}.
Tagged = tuple[list[str], list[str], list[str], list[dict[str, float]]]


def read_table(name: str) -> dict[str, tuple[str, ...]]:
    """A shipped gzipped TSV feature table."""
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        return read_clusters(handle)


def folds(sentences: list[Sentence], k: int) -> list[tuple[int, int]]:
    """``k`` contiguous (first, stop) sentence ranges covering the list."""
    n = len(sentences)
    return [(n * i // k, n * (i + 1) // k) for i in range(k)]


def train_fold(path: Path, sentences: list[Sentence], extractor: FeatureExtractor) -> None:
    """Train a CRF with the shipped settings on ``sentences`` and save it at ``path``."""
    import pycrfsuite  # type: ignore[import-untyped]

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sentences:
        trainer.append(extractor.sentence_features(words), labels)
    trainer.set_params(
        {"c1": 0.05, "c2": 0.05, "max_iterations": 300, "feature.possible_transitions": True}
    )
    started = time.time()
    trainer.train(str(path))
    log.info("trained %s in %.0f s", path.name, time.time() - started)


def tag_stream(tagger: Tagger, model: bytes, sentences: list[Sentence]) -> list[Tagged]:
    """Tag sentences in order: the tagger's labels, and every label's marginal per token."""
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)
    out: list[Tagged] = []
    for words, gold in sentences:
        labels = tagger.tag(words)
        marginals: list[dict[str, float]] = []
        for first, stop in sentence_spans(words):
            crf.set(tagger.features.sentence_features(words[first:stop]))
            for i in range(stop - first):
                marginals.append({label: crf.marginal(label, i) for label in LABELS})
        out.append((words, gold, labels, marginals))
    return out


def fold_outputs(k: int) -> list[list[Tagged]]:
    """The tagged held-out block of each fold (trained and tagged once, then read from disk)."""
    sentences = read_conll(TRAIN)
    tables = [read_table(n) for n in (CLUSTERS_FILE, GAZETTEER_FILE, PRIORS_FILE)]
    BUILD.mkdir(parents=True, exist_ok=True)
    outputs = []
    for fold, (first, stop) in enumerate(folds(sentences, k)):
        cache = BUILD / f"k{k}-fold{fold}.tagged.pickle"
        if cache.exists():
            outputs.append(pickle.loads(cache.read_bytes()))
            continue
        model_path = BUILD / f"k{k}-fold{fold}.crfsuite"
        if not model_path.exists():
            train_fold(model_path, sentences[:first] + sentences[stop:], FeatureExtractor(*tables))
        model = model_path.read_bytes()
        tagged = tag_stream(Tagger(model, *tables), model, sentences[first:stop])
        cache.write_bytes(pickle.dumps(tagged))
        log.info("tagged fold %d (%d sentences)", fold, stop - first)
        outputs.append(tagged)
    return outputs


@dataclass(frozen=True)
class Variant:
    """One way of using the memory: its settings, and whether a unit sees its own names."""

    name: str
    parts: Parts = "surnames"
    min_confidence: float = 0.9
    horizon: int = 50
    same_unit: bool = True  # observe a unit before applying to it (names later in the unit)
    min_support: float = 0.0  # least CRF marginal of the type at a matched word
    retype_below: float = 0.0  # retype a name the CRF typed otherwise with less support


def confidences(labels: list[str], marginals: list[dict[str, float]]) -> list[float]:
    """Per word: the CRF's probability of the type it was given (B-X and I-X added up)."""
    out = []
    for label, marginal in zip(labels, marginals, strict=True):
        if label == "O":
            out.append(marginal["O"])
        else:
            kind = label[2:]
            out.append(marginal["B-" + kind] + marginal["I-" + kind])
    return out


def run_variant(variant: Variant | None, stream: list[Tagged]) -> list[list[str]]:
    """The labels of a tagged stream after the variant's memory (None: the tagger's own)."""
    if variant is None:
        return [labels for _, _, labels, _ in stream]
    memory = make_memory(variant)
    out = []
    for words, _, labels, marginals in stream:

        def support(i: int, kind: str, marginals: list[dict[str, float]] = marginals) -> float:
            return marginals[i]["B-" + kind] + marginals[i]["I-" + kind]

        if variant.same_unit:
            memory.observe(words, labels, confidences(labels, marginals))
            out.append(memory.apply(words, labels, support))
        else:
            out.append(memory.apply(words, labels, support))
            memory.observe(words, labels, confidences(labels, marginals))
    return out


def make_memory(variant: Variant) -> NameMemory:
    """A fresh memory with the variant's settings."""
    return NameMemory(
        horizon=variant.horizon,
        min_confidence=variant.min_confidence,
        parts=variant.parts,
        min_support=variant.min_support,
        retype_below=variant.retype_below,
    )


VARIANTS = [
    Variant("names only", parts="names"),
    Variant("+ one-word names", parts="words"),
    Variant("+ surnames", parts="surnames"),
    Variant("+ every word of person names", parts="persons"),
    Variant("+ surnames, previous units only", same_unit=False),
    Variant("+ surnames, conf 0", min_confidence=0.0),
    Variant("+ surnames, conf 0.5", min_confidence=0.5),
    Variant("+ surnames, conf 0.7", min_confidence=0.7),
    Variant("+ surnames, conf 0.95", min_confidence=0.95),
    Variant("+ surnames, conf 0.99", min_confidence=0.99),
    Variant("+ surnames, horizon 10", horizon=10),
    Variant("+ surnames, horizon 25", horizon=25),
    Variant("+ surnames, horizon 100", horizon=100),
    Variant("+ surnames, horizon 400", horizon=400),
    Variant("+ surnames, conf 0.5, support 0.0005", min_confidence=0.5, min_support=0.0005),
    Variant("+ surnames, conf 0.5, support 0.001", min_confidence=0.5, min_support=0.001),
    Variant("+ surnames, conf 0.5, support 0.003", min_confidence=0.5, min_support=0.003),
    Variant("+ surnames, conf 0.5, support 0.01", min_confidence=0.5, min_support=0.01),
    Variant("+ surnames, conf 0.5, support 0.03", min_confidence=0.5, min_support=0.03),
    Variant("+ surnames, conf 0.9, support 0.001", min_support=0.001),
    Variant("+ surnames, conf 0, support 0.001", min_confidence=0.0, min_support=0.001),
    Variant("+ persons, conf 0.5, support 0.001", "persons", 0.5, min_support=0.001),
    Variant(
        "+ surnames, conf 0.5, support 0.003, retype 0.5", "surnames", 0.5, 50, True, 0.003, 0.5
    ),
    Variant(
        "+ surnames, conf 0.5, support 0.003, retype 0.7", "surnames", 0.5, 50, True, 0.003, 0.7
    ),
    Variant(
        "+ surnames, conf 0.5, support 0.003, retype 0.9", "surnames", 0.5, 50, True, 0.003, 0.9
    ),
    Variant(
        "+ surnames, conf 0.5, support 0.003, retype 1", "surnames", 0.5, 50, True, 0.003, 1.01
    ),
    Variant("chosen, horizon 25", "surnames", 0.5, 25, True, 0.003, 0.7),
    Variant("chosen, horizon 100", "surnames", 0.5, 100, True, 0.003, 0.7),
    Variant("chosen, previous units only", "surnames", 0.5, 50, False, 0.003, 0.7),
    Variant("chosen, one-word names not surnames", "words", 0.5, 50, True, 0.003, 0.7),
    Variant("+ one-word names, conf 0.7", parts="words", min_confidence=0.7),
    Variant("+ one-word names, conf 0.95", parts="words", min_confidence=0.95),
]


def table_row(name: str, scores: dict[str, Scores], base: float, per_fold: list[float]) -> str:
    """One line of the CV table: per-type F1, micro P/R/F1, change, per-fold micro changes."""
    micro = scores["micro"]
    types = " ".join(f"{scores[k].f1:6.4f}" for k in ENTITY_TYPES)
    folds_text = " ".join(f"{d:+.4f}" for d in per_fold)
    return (
        f"{name:<34} {types} {micro.precision:6.4f} {micro.recall:6.4f} {micro.f1:6.4f}"
        f" {micro.f1 - base:+.4f}  {folds_text}"
    )


def cv_table(outputs: list[list[Tagged]], variants: list[Variant]) -> str:
    """Scores pooled over the folds for the baseline and every variant."""
    header = f"{'variant':<34} " + " ".join(f"{k:>6}" for k in ENTITY_TYPES)
    header += "  mic-P  mic-R mic-F1  delta   per-fold micro-F1 delta"
    gold = [labels for stream in outputs for _, labels, _, _ in stream]

    def pooled(variant: Variant | None) -> tuple[dict[str, Scores], list[float]]:
        predicted = [run_variant(variant, stream) for stream in outputs]
        folds_f1 = [
            score((g for _, g, _, _ in stream), p)["micro"].f1
            for stream, p in zip(outputs, predicted, strict=True)
        ]
        return score(gold, [p for fold in predicted for p in fold]), folds_f1

    base_scores, base_folds = pooled(None)
    base = base_scores["micro"].f1
    lines = [header, table_row("baseline (CRF only)", base_scores, base, [0.0] * len(outputs))]
    lines[-1] += "  (" + " ".join(f"{f:.4f}" for f in base_folds) + ")"
    for variant in variants:
        scores, folds_f1 = pooled(variant)
        deltas = [f - b for f, b in zip(folds_f1, base_folds, strict=True)]
        lines.append(table_row(variant.name, scores, base, deltas))
    return "\n".join(lines)


def test_output() -> list[Tagged]:
    """The test split tagged in order by the shipped model (tagged once, then read from disk)."""
    cache = BUILD / "test.tagged.pickle"
    if cache.exists():
        tagged: list[Tagged] = pickle.loads(cache.read_bytes())
        return tagged
    tables = [read_table(n) for n in (CLUSTERS_FILE, GAZETTEER_FILE, PRIORS_FILE)]
    model = (DATA / MODEL_FILE).read_bytes()
    tagged = tag_stream(Tagger(model, *tables), model, read_conll(default_test_path()))
    BUILD.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(tagged))
    return tagged


def speed(variant: Variant, megabytes: float = 1.0, runs: int = 3) -> None:
    """Tokens/s of tokenise + tag on the large Wikipedia text, without and with the memory.

    ``Tagger.tag`` is timed as shipped; then the same work as it does (features, one CRF pass
    per sentence) is done by hand twice, once alone and once as wiring the memory into it would
    do it, sentence by sentence: after the Viterbi pass, the marginals of the words inside
    entities (crfsuite runs forward-backward once per sentence, on the first marginal asked),
    ``observe``, and ``apply`` asking the live CRF for the support of candidate words. The
    difference between those two is the memory's cost (post-processing is left out of both).
    """
    import pycrfsuite

    from reader.nlp.entities.tagger import open_shipped_tagger
    from reader.nlp.tokens import tokenize

    text = (SHARED / "texts" / "large-01.ar.txt").read_bytes()[: int(megabytes * 1_000_000)]
    paragraphs = [p for p in text.decode("utf-8", errors="ignore").split("\n") if p.strip()]
    tokens = sum(len(tokenize(p)) for p in paragraphs)
    tagger = open_shipped_tagger()
    model = (DATA / MODEL_FILE).read_bytes()  # crfsuite reads it in place: keep it alive
    crf = pycrfsuite.Tagger()
    crf.open_inmemory(model)

    def shipped() -> None:
        for p in paragraphs:
            tagger.tag([t.text for t in tokenize(p)])

    def by_hand(memory: NameMemory | None) -> None:
        for p in paragraphs:
            words = [t.text for t in tokenize(p)]
            labels: list[str] = []
            for first, stop in sentence_spans(words):
                sentence = words[first:stop]
                crf.set(tagger.features.sentence_features(sentence))
                found: list[str] = crf.tag()
                if memory is not None:
                    found = with_memory(memory, sentence, found)
                labels.extend(found)

    def support(j: int, kind: str) -> float:
        """The live CRF's probability that word j of the current sentence is in a kind name."""
        return float(crf.marginal("B-" + kind, j) + crf.marginal("I-" + kind, j))

    def with_memory(memory: NameMemory, sentence: list[str], found: list[str]) -> list[str]:
        """What wiring the memory into Tagger.tag adds per sentence, under the CRF's lock."""
        sure = [1.0 if label == "O" else support(j, label[2:]) for j, label in enumerate(found)]
        memory.observe(sentence, found, sure)
        return memory.apply(sentence, found, support)

    shipped()  # warm the feature cache once, as the app's shared tagger is
    rows: dict[str, Callable[[], None]] = {
        "Tagger.tag": shipped,
        "by hand": lambda: by_hand(None),
        "by hand + memory": lambda: by_hand(make_memory(variant)),
    }
    best = dict.fromkeys(rows, float("inf"))
    for _ in range(runs):
        for name, run in rows.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    print(f"{tokens} tokens in {len(paragraphs)} paragraphs of {megabytes} MB, best of {runs}")
    for name, seconds in best.items():
        print(f"{name:<18} {tokens / seconds:>9,.0f} tokens/s")
    cost = best["by hand + memory"] / best["by hand"] - 1
    print(f"the memory step costs {100 * cost:.1f}% more time")


CHOSEN = "+ surnames, conf 0.5, support 0.003, retype 0.7"
"""The variant chosen on the cross-validation table, the only one ever scored on test."""


def main() -> int:
    """Train/tag what is missing, score every variant, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", type=int, default=4, help="number of contiguous folds")
    parser.add_argument("--test", action="store_true", help="score the chosen variant on test")
    parser.add_argument("--speed", action="store_true", help="tokens/s without/with memory")
    parser.add_argument(
        "--variant", default=CHOSEN, help=f"variant scored by --test (default: {CHOSEN!r})"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.speed:
        speed(next(v for v in VARIANTS if v.name == args.variant))
        return 0
    if args.test:
        chosen = [v for v in VARIANTS if v.name == args.variant]
        if not chosen:
            parser.error(f"no variant named {args.variant!r}")
        print(f"test split {default_test_path().name}, shipped model, one stream in order")
        print(cv_table([test_output()], chosen))
        return 0
    outputs = fold_outputs(args.k)
    print(f"{args.k} contiguous folds of {TRAIN.name}, span-exact F1 pooled over folds")
    print(cv_table(outputs, VARIANTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
