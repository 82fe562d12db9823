"""Reading entity spans out of BIO label sequences.

The tagger, the name memory and the extraction all read spans out of labels, and so does the
scoring in `reader.nlp.entities.evaluate`: one reader, owned by the runtime, so nothing that runs
in the app has to import the evaluation code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["Span", "bio_spans", "covered_words"]

Span = tuple[int, int, int, str]
"""A rule's span ``(first, stop, lead, type)`` over a paragraph's tokens: ``lead`` letters (a
glued clitic) are cut off its first word."""


def covered_words(spans: Iterable[Span]) -> set[int]:
    """The positions of the tokens inside any of ``spans``."""
    return {k for s in spans for k in range(s[0], s[1])}


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, stop, type)`` of a BIO label sequence, in order, read the
    conlleval way: a chunk starts at ``B-X``, or at ``I-X`` that follows anything but
    ``B-X``/``I-X``."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, label in enumerate([*labels, "O"]):
        if label == "O":  # most labels: it only closes an open chunk
            if start >= 0:
                spans.append((start, i, kind))
                start, kind = -1, ""
            continue
        prefix, _, tag = label.partition("-")
        continues = prefix == "I" and tag == kind and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, kind))
            start, kind = -1, ""
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = i, tag
    return spans
