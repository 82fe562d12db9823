"""Measure the shipped entity tagger on the held-out ANERcorp test split, as conlleval does.

Run ``python -m reader.nlp.entities.evaluate`` from a checkout that sits beside ``shared/`` (or pass
``--test PATH`` to a CoNLL file: one ``token TAG`` per line, a blank line between sentences;
``--split train`` reads ANERcorp's train split, ``--part 0.7:1`` its last 30%, for development
work that must never look at the test split's output). It
prints span-exact precision, recall and F1 for PERS, LOC, ORG and MISC and their micro average:
an entity counts only if its type and both its edges match the gold one. Three readings:

- **per sentence** (the headline): each sentence tagged on its own, with a name memory of its
  own (`tag_sentences`): nothing is carried from one text to another;
- **per document**: the sentences in order, the memory starting afresh at each document
  (`tag_documents`; ANERcorp marks none, so a document starts at a dateline, `document_starts`);
- **running text**: the whole file as one text, one memory throughout (`tag_running_text`),
  which lets names cross article boundaries as no user's article does.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import UserError
from reader.nlp.entities.spans import bio_spans

if TYPE_CHECKING:
    from reader.nlp.entities.extract import Mention
    from reader.nlp.entities.tagger import Tagger

__all__ = [
    "ENTITY_TYPES",
    "Scores",
    "default_test_path",
    "document_starts",
    "entity_spans",
    "format_table",
    "main",
    "part_of",
    "read_conll",
    "score",
    "tag_documents",
    "tag_running_text",
    "tag_sentences",
    "wider_matches",
]

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")

Sentence = tuple[list[str], list[str]]


def default_test_path(split: str = "test") -> Path:
    """Where ANERcorp's test (or ``"train"``) split lives in a checkout beside ``shared/``."""
    repo = Path(__file__).resolve().parents[4]
    return (
        repo / ".." / "shared" / "data" / "ner" / "anercorp" / "derived"
    ) / f"ANERCorp_CamelRules_{split}.txt"


def part_of(sentences: Sequence[Sentence], spec: str) -> list[Sentence]:
    """The sentences from fraction ``a`` to fraction ``b`` of the file, for ``spec`` "a:b"
    («0.7:1» is the last 30%, in order): a development part of a split."""
    try:
        low, high = (float(x) for x in spec.split(":"))
    except ValueError:
        raise UserError(f"--part wants FROM:TO fractions such as 0.7:1, got {spec!r}") from None
    if not 0 <= low < high <= 1:
        raise UserError(f"--part wants 0 <= FROM < TO <= 1, got {spec!r}")
    return list(sentences[round(low * len(sentences)) : round(high * len(sentences))])


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


def score(
    gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]], wider: bool = False
) -> dict[str, Scores]:
    """Span-exact scores per type and ``"micro"`` over all types, sentence by sentence. With
    ``wider``, a found span that holds exactly one gold span of its type left unmatched, and
    more words («جنوب لبنان» where the gold is «لبنان», «صحيفة هآرتس» where it is «هآرتس»),
    counts as correct too (`wider_matches`)."""
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
        matched = gold_spans & predicted_spans
        if wider:
            matched |= wider_matches(gold_spans - matched, predicted_spans - matched)
        for _, _, kind in matched:
            correct[kind] = correct.get(kind, 0) + 1
    result = {k: Scores(found[k], wanted[k], correct[k]) for k in ENTITY_TYPES}
    result["micro"] = Scores(
        sum(found[k] for k in ENTITY_TYPES),
        sum(wanted[k] for k in ENTITY_TYPES),
        sum(correct[k] for k in ENTITY_TYPES),
    )
    return result


def wider_matches(
    gold: set[tuple[int, int, str]], found: set[tuple[int, int, str]]
) -> set[tuple[int, int, str]]:
    """The found spans that hold exactly one of the ``gold`` spans of their type and more
    words besides: the same entity with other edges. ANERcorp leaves a direction and the
    noun naming an organisation's kind outside a name («جنوب | لبنان», «صحيفة | هآرتس»),
    which issue 13 asked reader to keep inside, as Wikipedia's annotators do."""
    return {
        span
        for span in found
        if sum(1 for g in gold if g[2] == span[2] and span[0] <= g[0] and g[1] <= span[1]) == 1
    }


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


def tag_sentences(tagger: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Labels for each sentence tagged on its own, with a fresh name memory."""
    from reader.nlp.entities.memory import NameMemory

    return [tagger.tag(words, memory=NameMemory()) for words in sentences]


def document_starts(sentences: Sequence[Sequence[str]]) -> list[int]:
    """Where documents start in a corpus that does not mark them: the first sentence, and each
    sentence that opens with a dateline, a word then a dash («المفرق - …», «عواصم - رويترز»)."""
    starts = [0]
    for k, words in enumerate(sentences):
        if k and len(words) > 2 and words[1] == "-" and words[0].isalpha():
            starts.append(k)
    return starts


def tag_documents(tagger: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Labels for the sentences in order, the name memory starting afresh at each document."""
    from reader.nlp.entities.memory import NameMemory

    starts = set(document_starts(sentences))
    memory = NameMemory()
    labels = []
    for k, words in enumerate(sentences):
        if k in starts:
            memory = NameMemory()
        labels.append(tagger.tag(words, memory=memory))
    return labels


PIPELINE_TYPES = {"PERSON": "PERS", "LOCATION": "LOC", "ORGANIZATION": "ORG", "MISC": "MISC"}
"""The pipeline's entity types scored as the corpus's; events, dates and nisbas are not scored."""


def pipeline_labels(
    sentences: Sequence[Sequence[str]], starts: Iterable[int] = (0,)
) -> list[list[str]]:
    """BIO labels from the whole extraction `reader entities` runs (tagger, memory and rules):
    each sentence's words joined by spaces as one paragraph, the name memory starting afresh at
    each of ``starts``, where a document's one-word people are also completed to its full
    names (`complete_names`), as the index does for a user. A token is labelled with a mention
    it overlaps (a clitic cut off a name stays part of the token, as the corpus marks it)."""
    from reader.nlp.entities.extract import complete_names, extract_paragraphs
    from reader.nlp.entities.memory import NameMemory

    bounds = sorted({0, *starts, len(sentences)})
    labels: list[list[str]] = []
    for begin, stop in itertools.pairwise(bounds):
        memory = NameMemory()
        mentions = [
            m
            for k in range(begin, stop)
            for m in extract_paragraphs([(k, " ".join(sentences[k]))], memory)[0]
        ]
        by_sentence: dict[int, list[Mention]] = {}
        for mention in complete_names(mentions):
            by_sentence.setdefault(mention.paragraph, []).append(mention)
        labels.extend(_bio(sentences[k], by_sentence.get(k, [])) for k in range(begin, stop))
    return labels


def _bio(words: Sequence[str], mentions: Sequence[Mention]) -> list[str]:
    """One sentence's BIO labels from its mentions (offsets into its words joined by spaces)."""
    offsets = []
    position = 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    found = ["O"] * len(words)
    for mention in mentions:
        kind = PIPELINE_TYPES.get(mention.type)
        if kind is None:
            continue
        inside = [i for i, (a, b) in enumerate(offsets) if a < mention.end and mention.start < b]
        for n, i in enumerate(inside):
            if found[i] == "O":
                found[i] = ("B-" if n == 0 else "I-") + kind
    return found


def pipeline_sentences(_: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """`pipeline_labels` with each sentence read on its own."""
    return pipeline_labels(sentences, range(len(sentences)))


def pipeline_documents(_: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """`pipeline_labels` with the memory starting afresh at each document."""
    return pipeline_labels(sentences, document_starts(sentences))


READINGS = {
    "per sentence": tag_sentences,
    "per document": tag_documents,
    "running text": tag_running_text,
}
"""The three ways the tagger reads the file, the headline first."""


def pipeline_running_text(_: Tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """`pipeline_labels` with one memory over the whole file, as the tagger's running text."""
    return pipeline_labels(sentences)


PIPELINE_READINGS = {
    "whole extraction, per sentence": pipeline_sentences,
    "whole extraction, per document": pipeline_documents,
    "whole extraction, running text": pipeline_running_text,
}
"""The ways the whole extraction (`--pipeline`) reads the file."""


WIDER_READINGS = ("per sentence", "whole extraction, per sentence")
"""The readings also scored with a span wider than the gold one counted as correct: how much
of what is missed is the corpus's edges."""


def main(argv: Sequence[str] | None = None) -> int:
    """Tag the test split with the shipped model and print the per-type table."""
    parser = argparse.ArgumentParser(
        prog="python -m reader.nlp.entities.evaluate",
        description="Span-exact P/R/F1 of the shipped entity tagger on a CoNLL test file.",
    )
    parser.add_argument("--test", type=Path, default=None, help="CoNLL file (token TAG lines)")
    parser.add_argument(
        "--split",
        choices=("test", "train"),
        default="test",
        help="which ANERcorp split to read when no --test file is given (default: test)",
    )
    parser.add_argument(
        "--part",
        default="0:1",
        metavar="FROM:TO",
        help="score only this fraction of the sentences, in order (e.g. 0.7:1)",
    )
    parser.add_argument(
        "--pipeline",
        action="store_true",
        help="also score the whole extraction reader entities runs (tagger, memory and rules)",
    )
    args = parser.parse_args(argv)
    path: Path = args.test or default_test_path(args.split)
    from reader.nlp.entities.tagger import load_tagger

    try:
        sentences = part_of(read_conll(path), args.part)
        tagger = load_tagger()
    except UserError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 2
    words = [w for w, _ in sentences]
    tokens = sum(len(w) for w in words)
    print(f"test file: {path.resolve()}" + (f", part {args.part}" if args.part != "0:1" else ""))
    print(
        f"{len(sentences)} sentences, {tokens} tokens, "
        f"{len(document_starts(words))} documents (by datelines)"
    )
    readings = {**READINGS, **(PIPELINE_READINGS if args.pipeline else {})}
    for name, reading in readings.items():
        started = time.perf_counter()
        predicted = reading(tagger, words)
        elapsed = time.perf_counter() - started
        print(f"\n{name} ({elapsed:.1f} s)")
        print(format_table(score((labels for _, labels in sentences), predicted)))
        if name in WIDER_READINGS:
            print(f"\n{name}, a span wider than the gold one counted (`wider_matches`)")
            print(format_table(score((labels for _, labels in sentences), predicted, wider=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
