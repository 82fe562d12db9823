"""`reader entities [FILE|-] [--format json|tsv|table]`: the entities a document mentions.

Offsets are code points into the decoded document text (newlines normalised, `Document.text`),
so ``text[start:end]`` is each mention exactly. Output is logical text: no shaping, no
reordering, ready for `jq`, `cut` or a spreadsheet.

The tagger knows Arabic only: a Persian or Urdu document gets an empty result (valid json, a
tsv header, an empty table) and one line on stderr saying why, and the exit status stays 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator, Sequence

from reader.commands.output import write_text
from reader.commands.source import add_source_arguments, load_source
from reader.nlp.entities import ENTITY_TYPES, Entity, extract_document
from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
from reader.text.clipboard import listing_text
from reader.text.document import Document

FORMATS = ("json", "tsv", "table")
"""The output formats, the first the default."""

TSV_HEADER = ("type", "name", "paragraph", "start", "end", "text")
"""Column names of the tsv output, one mention per row."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    add_source_arguments(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help="json (default): one object per entity with its mentions; tsv: one mention per "
        "line; table: a plain listing grouped by type",
    )


def _spans(document: Document, entity: Entity) -> Iterator[tuple[int, int, int, str]]:
    """``(paragraph, start, end, text)`` of each mention, offsets into the document text."""
    for mention in entity.mentions:
        base = document.paragraphs[mention.paragraph].start
        yield mention.paragraph, base + mention.start, base + mention.end, mention.text


def as_json(document: Document, entities: Sequence[Entity]) -> str:
    """The entities as the JSON document the CLI prints."""
    payload = {
        "entities": [
            {
                "type": entity.type,
                "name": entity.name,
                "mentions": [
                    {"paragraph": p, "start": start, "end": end, "text": text}
                    for p, start, end, text in _spans(document, entity)
                ],
            }
            for entity in entities
        ]
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _cell(value: object) -> str:
    """A tsv field: tabs and line breaks inside a value become spaces."""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def as_tsv(document: Document, entities: Sequence[Entity]) -> str:
    """One mention per line, with a header: type, name, paragraph, start, end, text."""
    rows = ["\t".join(TSV_HEADER)]
    for entity in entities:
        for p, start, end, text in _spans(document, entity):
            rows.append(
                "\t".join(_cell(v) for v in (entity.type, entity.name, p, start, end, text))
            )
    return "\n".join(rows)


def as_table(entities: Sequence[Entity]) -> str:
    """A readable listing: each type with its count, each entity with its mention count and
    the paragraphs (counted from 1) it appears in."""
    lines: list[str] = []
    for kind in ENTITY_TYPES:
        of_kind = [e for e in entities if e.type == kind]
        if not of_kind:
            continue
        if lines:
            lines.append("")
        lines.append(f"{kind} ({len(of_kind)})")
        for entity in of_kind:
            paragraphs = sorted({m.paragraph + 1 for m in entity.mentions})
            where = ", ".join(f"¶{p}" for p in paragraphs)
            lines.append(f"  {entity.name}  ×{len(entity.mentions)}  {where}")
    return "\n".join(lines) if lines else "no entities found"


def run(args: argparse.Namespace) -> int:
    """Print the document's entities in the chosen format."""
    document = load_source(args)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    skipped = unsupported_entity_language([p.text for p in document.paragraphs])
    if skipped is not None:
        print(f"reader: {entities_skipped_reason(skipped)}", file=sys.stderr)
        if args.format == "table":
            return 0  # nothing to list; "no entities found" would say they were looked for
    # Entities are read from prose: a preformatted line (code) is not a sentence about anyone.
    # The prose keeps its paragraph indexes, so offsets still address the whole document.
    prose = dataclasses.replace(document, paragraphs=document.prose)
    entities = extract_document(prose) if skipped is None else []
    if args.format == "json":
        text = as_json(document, entities)
    elif args.format == "tsv":
        text = as_tsv(document, entities)
    else:
        text = listing_text(as_table(entities))  # names from the document, made inert
    write_text(sys.stdout, text)
    return 0
