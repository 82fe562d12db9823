"""Shared by the entity span-rule tests: where the real texts are, the mentions of a sentence,
and a check that a sentence is real (a piece of a shared text, not one made up)."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.entities import extract_paragraph

REPO = Path(__file__).resolve().parents[3]
LARGE = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def found(text: str) -> list[tuple[str, str]]:
    """(text, type) of each mention of ``text`` read as one paragraph."""
    return [(m.text, m.type) for m in extract_paragraph(0, text)]


def real(source: str, fragment: str) -> str:
    """``fragment``, checked to be a piece of ``source`` (a real sentence, not one made up)."""
    assert fragment in source
    return fragment
