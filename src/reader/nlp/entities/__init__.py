"""Named entities: who, where, which organisations, events and dates a text mentions.

The public face of the package is here; the parts have one job each:

- `extract`: mentions of a paragraph or a document, and the `EntityIndex` that groups them;
- `tagger`, `features`, `neural`: the statistical tagger (a CRF reading word features and the
  guesses of a small BiLSTM), with its model files in ``data/``;
- `memory`: the document's name memory (names found earlier label their later mentions);
- `forget`: dropping the tagger's per-word caches once a document is tagged;
- `spans`: reading entity spans out of BIO labels;
- `dates`, `events`, `gazetteer`: the rules for dates and events, countries and function words;
- `shapes`, `glued`, `clubs`, `foreign`: the span rules for encyclopaedic text (edges and types
  the tagger gets wrong outside newswire);
- `canonical`: grouping mentions into entities with canonical names;
- `evaluate`: scoring on a CoNLL file (``python -m reader.nlp.entities.evaluate``); never
  imported by anything that runs in the app or the commands.
"""

from __future__ import annotations

from reader.nlp.entities.extract import (
    ENTITY_TYPES,
    NISBA,
    Entity,
    EntityIndex,
    Mention,
    extract_document,
    extract_paragraph,
    extract_paragraphs,
    paragraph_chunks,
)
from reader.nlp.entities.memory import NameMemory

__all__ = [
    "ENTITY_TYPES",
    "NISBA",
    "Entity",
    "EntityIndex",
    "Mention",
    "NameMemory",
    "extract_document",
    "extract_paragraph",
    "extract_paragraphs",
    "paragraph_chunks",
]
