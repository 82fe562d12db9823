"""Measure the shipped entity tagger on the held-out ANERcorp test split, as conlleval does.

Run ``python -m reader.nlp.entities.evaluate`` from a checkout that sits beside ``shared/`` (or pass
``--test PATH`` to a CoNLL file: one ``token TAG`` per line, a blank line between sentences). It
prints span-exact precision, recall and F1 for PERS, LOC, ORG and MISC and their micro average:
an entity counts only if its type and both its edges match the gold one. The file is tagged as
one running text, in order, the way the app reads an article (`tag_running_text`).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import UserError
from reader.nlp.entities.spans import bio_spans

if TYPE_CHECKING:
    from reader.nlp.entities.tagger import Tagger

__all__ = [
    "ENTITY_TYPES",
    "Scores",
    "default_test_path",
    "entity_spans",
    "format_table",
    "main",
    "read_conll",
    "score",
    "tag_running_text",
]

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")

Sentence = tuple[list[str], list[str]]


def default_test_path() -> Path:
    """Where the test split lives in a checkout laid out beside ``shared/``."""
    repo = Path(__file__).resolve().parents[4]
    return (
        repo / ".." / "shared" / "data" / "ner" / "anercorp" / "derived"
    ) / "ANERCorp_CamelRules_test.txt"


def read_conll(path: Path) -> list[Sentence]:
    """Read ``token ... TAG`` lines into (words, labels) sentences; blank lines end sentences."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    sentences: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            if words:
                sentences.append((words, labels))
                words, labels = [], []
            continue
        if len(fields) < 2:
            raise UserError(f"{path}:{number}: expected 'token TAG', got {line!r}")
        # Like conlleval: the first field is the token, the last one the tag (ANERcorp has one
        # line with a lost newline, ". Oالإصابة O").
        words.append(fields[0])
        labels.append(fields[-1])
    if words:
        sentences.append((words, labels))
    return sentences


def entity_spans(labels: Sequence[str]) -> set[tuple[int, int, str]]:
    """The set of `bio_spans`, for scoring."""
    return set(bio_spans(labels))


@dataclass(frozen=True)
class Scores:
    """Counts of one entity type (or all of them): found, gold, and correct."""

    found: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        """Share of found entities that are correct."""
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Share of gold entities that were found."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Scores]:
    """Span-exact scores per type and ``"micro"`` over all types, sentence by sentence."""
    found = dict.fromkeys(ENTITY_TYPES, 0)
    wanted = dict.fromkeys(ENTITY_TYPES, 0)
    correct = dict.fromkeys(ENTITY_TYPES, 0)
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        gold_spans = entity_spans(gold_labels)
        predicted_spans = entity_spans(predicted_labels)
        for _, _, kind in gold_spans:
            wanted[kind] = wanted.get(kind, 0) + 1
        for _, _, kind in predicted_spans:
            found[kind] = found.get(kind, 0) + 1
        for _, _, kind in gold_spans & predicted_spans:
            correct[kind] = correct.get(kind, 0) + 1
    result = {k: Scores(found[k], wanted[k], correct[k]) for k in ENTITY_TYPES}
    result["micro"] = Scores(
        sum(found[k] for k in ENTITY_TYPES),
        sum(wanted[k] for k in ENTITY_TYPES),
        sum(correct[k] for k in ENTITY_TYPES),
    )
    return result


def format_table(scores: dict[str, Scores]) -> str:
    """A plain-text table of precision, recall, F1 and counts per type."""
    lines = [f"{'type':<6} {'precision':>9} {'recall':>7} {'F1':>7} {'found':>6} {'gold':>6}"]
    for kind in (*ENTITY_TYPES, "micro"):
        s = scores[kind]
        lines.append(
            f"{kind:<6} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>7.4f} {s.found:>6} {s.gold:>6}"
        )
    return "\n".join(lines)


def tag_running_text(tagger: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Labels for sentences read as one running text, in order, like an article in the app.

    One name memory follows the whole text (`reader.nlp.entities.memory`), so names found
    earlier label their later bare mentions, exactly as when the app reads a document paragraph
    by paragraph.
    """
    from reader.nlp.entities.memory import NameMemory

    memory = NameMemory()
    return [tagger.tag(words, memory=memory) for words in sentences]


def main(argv: Sequence[str] | None = None) -> int:
    """Tag the test split with the shipped model and print the per-type table."""
    parser = argparse.ArgumentParser(
        prog="python -m reader.nlp.entities.evaluate",
        description="Span-exact P/R/F1 of the shipped entity tagger on a CoNLL test file.",
    )
    parser.add_argument("--test", type=Path, default=None, help="CoNLL file (token TAG lines)")
    args = parser.parse_args(argv)
    path: Path = args.test or default_test_path()
    from reader.nlp.entities.tagger import load_tagger

    try:
        sentences = read_conll(path)
        started = time.perf_counter()
        tagger = load_tagger()
        predicted = tag_running_text(tagger, [words for words, _ in sentences])
        elapsed = time.perf_counter() - started
    except UserError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    tokens = sum(len(words) for words, _ in sentences)
    print(f"test file: {path.resolve()}")
    print(f"{len(sentences)} sentences, {tokens} tokens, loaded and tagged in {elapsed:.2f} s")
    print(format_table(score((labels for _, labels in sentences), predicted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
