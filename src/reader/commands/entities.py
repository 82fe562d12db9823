"""`reader entities [FILE|-] [--format json|tsv|table]`: the entities a document mentions.

Offsets are code points into the decoded document text (newlines normalised, `Document.text`),
so ``text[start:end]`` is each mention exactly. Each mention's ``paragraph`` counts from 0 (an
index), its ``number`` from 1 (as the screen says "¶ 4"): docs/schema/entities.schema.json.
JSON and TSV are logical text: no shaping, no reordering, ready for `jq`, `cut` or a
spreadsheet. So is the table when piped; on a terminal the table goes through the layout engine
(`reader.commands.table`).

The tagger knows Arabic only: a Persian or Urdu document gets an empty result (valid json, a
tsv header, an empty table) and one line on stderr saying why, and the exit status stays 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence

from reader.commands.output import write_text
from reader.commands.table import Block, add_bidi_argument, as_text, listing
from reader.nlp.entities import ENTITY_TYPES, Entity, extract_document
from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
from reader.text.document import Document
from reader.text.load import load_document

FORMATS = ("json", "tsv", "table")
"""The output formats, the first the default."""

NO_ENTITIES = "no entities found"
"""The table when the tagger found nothing."""

TSV_HEADER = ("type", "name", "paragraph", "start", "end", "text", "number")
"""Column names of the tsv output, one mention per row. `paragraph` counts from 0 (an index into
the document's paragraphs), `number` from 1 (as the screen and the table show it); `number`
came last so that scripts cutting the earlier columns by position keep working."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file", nargs="?", help="the text to read (default: the bundled article; - for stdin)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help="json (default): one object per entity with its mentions; tsv: one mention per "
        "line; table: a listing grouped by type (laid out right to left on a terminal)",
    )
    add_bidi_argument(parser)


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
                    {"paragraph": p, "number": p + 1, "start": start, "end": end, "text": text}
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
    """One mention per line, with a header: type, name, paragraph, start, end, text, number."""
    rows = ["\t".join(TSV_HEADER)]
    for entity in entities:
        for p, start, end, text in _spans(document, entity):
            rows.append(
                "\t".join(_cell(v) for v in (entity.type, entity.name, p, start, end, text, p + 1))
            )
    return "\n".join(rows)


def table_blocks(entities: Sequence[Entity]) -> list[Block]:
    """The table: a block per type with its count, a row per entity with its mention count and
    the paragraphs (numbered from 1, as on screen) it appears in."""
    blocks: list[Block] = []
    for kind in ENTITY_TYPES:
        of_kind = [e for e in entities if e.type == kind]
        if not of_kind:
            continue
        rows = []
        for entity in of_kind:
            paragraphs = sorted({m.paragraph + 1 for m in entity.mentions})
            where = ", ".join(f"¶{p}" for p in paragraphs)
            rows.append((entity.name, f"×{len(entity.mentions)}", where))
        blocks.append(Block(f"{kind} ({len(of_kind)})", tuple(rows)))
    return blocks


def as_table(entities: Sequence[Entity]) -> str:
    """The table as logical text (what a pipe gets)."""
    blocks = table_blocks(entities)
    return as_text(blocks) if blocks else NO_ENTITIES


def run(args: argparse.Namespace) -> int:
    """Print the document's entities in the chosen format."""
    document = load_document(args.file)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    skipped = unsupported_entity_language([p.text for p in document.paragraphs])
    if skipped is not None:
        print(f"reader: {entities_skipped_reason(skipped)}", file=sys.stderr)
        if args.format == "table":
            return 0  # nothing to list; "no entities found" would say they were looked for
    entities = extract_document(document) if skipped is None else []
    if args.format == "json":
        text = as_json(document, entities)
    elif args.format == "tsv":
        text = as_tsv(document, entities)
    else:
        text = listing(table_blocks(entities), args.bidi, NO_ENTITIES)
    write_text(sys.stdout, text)
    return 0
