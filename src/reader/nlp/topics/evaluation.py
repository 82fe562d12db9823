"""Scoring themes against hand-made gold (`tests/data/topics-gold/`, rules in
`docs/topics-annotation.md`).

A returned theme *matches* a gold theme when its label, normalised (harakat, tatweel and
punctuation dropped, alef/yeh/teh-marbuta forms folded), is one of the gold theme's accepted
forms, and their paragraph sets overlap with Jaccard ≥ 0.3; matches are one to one (a maximum
bipartite matching). Per text, over the top `TOP` returned themes:

- theme recall: matched gold themes / gold themes;
- label precision: acceptable labels / returned labels, a label being acceptable when it
  matches an accepted form of a gold theme, an `acceptable` entry or a `judged` ok entry, and
  is no duplicate;
- duplicates: labels naming what a label ranked above already names (the same gold theme's
  forms, or a phrase and its part, by words or by stems: «تعاون» in «التعاون الأمني», and
  «الأمن» too, since an adjective shares its noun's stem);
- paragraph accuracy: the share of the paragraphs in some gold theme whose main theme's label
  is an accepted form of a gold theme holding that paragraph.

    python -m reader.nlp.topics.evaluation [--gold DIR] [--predictions DIR] [--verbose]

scores `extract_topics` (or, with ``--predictions``, the `reader topics --format json` files
named after the gold files, e.g. a baseline's) and prints a table per text and the totals for
the tuning and held-out texts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.stem import stem

__all__ = [
    "JACCARD",
    "TOP",
    "Gold",
    "GoldTheme",
    "Returned",
    "TextScore",
    "duplicate_flags",
    "load_gold",
    "normalise_label",
    "predict",
    "score_text",
]

TOP = 8
"""How many of the returned themes (most salient first) are scored."""

JACCARD = 0.3
"""The least paragraph-set overlap (intersection over union) for a theme match."""

_NOT_LETTER = re.compile(r"[^\w\s]|_")


def normalise_label(label: str) -> str:
    """A label as compared with the gold: normalised letters, no punctuation, single spaces."""
    return " ".join(_NOT_LETTER.sub(" ", normalise(label)).split())


@dataclass(frozen=True, slots=True)
class GoldTheme:
    """One hand-annotated theme."""

    label: str
    accept: frozenset[str]
    """Accepted label forms, normalised."""
    paragraphs: frozenset[int]


@dataclass(frozen=True, slots=True)
class Gold:
    """The annotation of one text."""

    name: str
    path: Path
    split: str
    """"tune" or "heldout"."""
    themes: tuple[GoldTheme, ...]
    acceptable: frozenset[str]
    """Other acceptable labels (normalised): listed, or judged ok afterwards."""
    rejected: frozenset[str]
    """Labels judged afterwards as not acceptable (normalised)."""


@dataclass(frozen=True, slots=True)
class Returned:
    """A theme as a system returned it."""

    label: str
    paragraphs: frozenset[int]


@dataclass(frozen=True, slots=True)
class TextScore:
    """The figures of one text."""

    name: str
    split: str
    gold_themes: int
    matched: int
    returned: int
    acceptable: int
    duplicates: int
    paragraphs: int
    """Paragraphs in some gold theme."""
    correct_paragraphs: int
    unjudged: tuple[str, ...]
    """Returned labels neither accepted nor judged (counted as not acceptable)."""
    labels: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.matched / self.gold_themes if self.gold_themes else 1.0

    @property
    def precision(self) -> float:
        return self.acceptable / self.returned if self.returned else 1.0

    @property
    def paragraph_accuracy(self) -> float:
        return self.correct_paragraphs / self.paragraphs if self.paragraphs else 1.0


def load_gold(directory: Path) -> list[Gold]:
    """Read every ``*.json`` annotation in ``directory`` (sorted by name)."""
    checkout = directory.resolve().parents[2]
    result = []
    for file in sorted(directory.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        text = str(data["text"])
        path = checkout.parent / text if text.startswith("shared/") else checkout / text
        themes = tuple(
            GoldTheme(
                str(theme["label"]),
                frozenset(normalise_label(form) for form in theme["accept"]),
                frozenset(int(p) for p in theme["paragraphs"]),
            )
            for theme in data["themes"]
        )
        judged = data.get("judged", {})
        acceptable = {normalise_label(form) for form in data.get("acceptable", ())}
        acceptable |= {normalise_label(k) for k, v in judged.items() if v.get("ok")}
        rejected = frozenset(normalise_label(k) for k, v in judged.items() if not v.get("ok"))
        result.append(
            Gold(file.stem, path, str(data["split"]), themes, frozenset(acceptable), rejected)
        )
    return result


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _matching(edges: list[list[int]], right: int) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths; the graphs are tiny)."""
    owner = [-1] * right

    def augment(node: int, seen: set[int]) -> bool:
        for other in edges[node]:
            if other in seen:
                continue
            seen.add(other)
            if owner[other] < 0 or augment(owner[other], seen):
                owner[other] = node
                return True
        return False

    return sum(augment(node, set()) for node in range(len(edges)))


def _stems(label: str) -> frozenset[str]:
    return frozenset(stem(word) for word in label.split())


def duplicate_flags(labels: Sequence[str], gold: Gold) -> list[bool]:
    """Per label, whether it names what a label ranked above it already names."""
    flags = []
    for index, label in enumerate(labels):
        words, stems = frozenset(label.split()), _stems(label)
        duplicate = False
        for earlier in labels[:index]:
            earlier_words, earlier_stems = frozenset(earlier.split()), _stems(earlier)
            same_theme = any(label in t.accept and earlier in t.accept for t in gold.themes)
            nested = words <= earlier_words or earlier_words <= words
            part = stems <= earlier_stems or earlier_stems <= stems
            if same_theme or nested or part:
                duplicate = True
                break
        flags.append(duplicate)
    return flags


def score_text(gold: Gold, returned: Sequence[Returned], main: Sequence[str | None]) -> TextScore:
    """Score one text's returned themes (most salient first) and main theme labels."""
    top = list(returned[:TOP])
    labels = [normalise_label(theme.label) for theme in top]
    edges = [
        [
            j
            for j, theme in enumerate(top)
            if labels[j] in g.accept and _jaccard(theme.paragraphs, g.paragraphs) >= JACCARD
        ]
        for g in gold.themes
    ]
    matched = _matching(edges, len(top))
    duplicate = duplicate_flags(labels, gold)
    acceptable = 0
    unjudged = []
    for label, is_duplicate in zip(labels, duplicate, strict=True):
        known = label in gold.acceptable or any(label in g.accept for g in gold.themes)
        if known and not is_duplicate:
            acceptable += 1
        if not known and label not in gold.rejected:
            unjudged.append(label)
    in_gold = sorted(set().union(*(g.paragraphs for g in gold.themes)))
    correct = 0
    for paragraph in in_gold:
        written = main[paragraph] if paragraph < len(main) else None
        if written is None:
            continue
        form = normalise_label(written)
        correct += any(form in g.accept and paragraph in g.paragraphs for g in gold.themes)
    return TextScore(
        gold.name,
        gold.split,
        len(gold.themes),
        matched,
        len(top),
        acceptable,
        sum(duplicate),
        len(in_gold),
        correct,
        tuple(unjudged),
        tuple(theme.label for theme in top),
    )


def _from_json(payload: dict[str, object]) -> tuple[list[Returned], list[str | None]]:
    """Returned themes and main labels from `reader topics --format json` output."""
    topics = payload["topics"]
    entries = payload["paragraphs"]
    assert isinstance(topics, list) and isinstance(entries, list)
    returned = [Returned(str(t["label"]), frozenset(t["paragraphs"])) for t in topics]
    main = [e["topic"] for e in entries]
    return returned, main


def predict(gold: Gold) -> tuple[list[Returned], list[str | None]]:
    """The themes and main theme labels `extract_topics` finds in the gold's text."""
    from reader.nlp.topics import extract_topics
    from reader.text.document import Document

    text = gold.path.read_text(encoding="utf-8")
    paragraphs = [p.text for p in Document.from_text(text, gold.path.name).paragraphs]
    index = extract_topics(paragraphs)
    returned = [Returned(t.label, frozenset(t.paragraphs)) for t in index.topics]
    return returned, list(index.main_topic)


def _summary(name: str, scores: Sequence[TextScore]) -> str:
    if not scores:
        return f"{name}: no texts"
    gold = sum(s.gold_themes for s in scores)
    matched = sum(s.matched for s in scores)
    returned = sum(s.returned for s in scores)
    acceptable = sum(s.acceptable for s in scores)
    paragraphs = sum(s.paragraphs for s in scores)
    correct = sum(s.correct_paragraphs for s in scores)
    duplicates = sum(s.duplicates for s in scores)
    return (
        f"{name} ({len(scores)} texts): theme recall@{TOP} {matched / gold:.2f} "
        f"({matched}/{gold}), label precision {acceptable / returned:.2f} "
        f"({acceptable}/{returned}), paragraph accuracy {correct / paragraphs:.2f} "
        f"({correct}/{paragraphs}), duplicates {duplicates}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Score and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("tests/data/topics-gold"))
    parser.add_argument("--predictions", type=Path, default=None)
    parser.add_argument("--verbose", action="store_true", help="print labels and unjudged ones")
    parser.add_argument("--split", choices=("tune", "heldout"), default=None, help="only these")
    args = parser.parse_args(argv)
    scores = []
    for gold in load_gold(args.gold):
        if args.split is not None and gold.split != args.split:
            continue
        if args.predictions is not None:
            payload = json.loads((args.predictions / f"{gold.name}.json").read_text("utf-8"))
            returned, main_labels = _from_json(payload)
        else:
            returned, main_labels = predict(gold)
        scores.append(score_text(gold, returned, main_labels))
    print("| text | split | recall@8 | label precision | paragraph accuracy | duplicates |")
    print("|---|---|---:|---:|---:|---:|")
    for s in scores:
        print(
            f"| {s.name} | {s.split} | {s.recall:.2f} ({s.matched}/{s.gold_themes}) | "
            f"{s.precision:.2f} ({s.acceptable}/{s.returned}) | {s.paragraph_accuracy:.2f} | "
            f"{s.duplicates} |"
        )
        if args.verbose:
            print(f"    labels: {' · '.join(s.labels)}")
            if s.unjudged:
                print(f"    unjudged: {' · '.join(s.unjudged)}")
    print()
    for split in ("tune", "heldout"):
        print(_summary(split, [s for s in scores if s.split == split]))
    print(_summary("all", scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
