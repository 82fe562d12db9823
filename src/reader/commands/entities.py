"""`reader entities [FILE|-|FOLDER ...] [--format json|jsonl|tsv|table]`: the entities a document
mentions.

Offsets are code points into the decoded document text (newlines normalised, `Document.text`),
so ``text[start:end]`` is each mention exactly. Output is logical text: no shaping, no
reordering, ready for `jq`, `cut` or a spreadsheet.

The tagger knows Arabic only: a Persian or Urdu document gets an empty result (valid json, a
tsv header, an empty table) and one line on stderr saying why, and the exit status stays 0.

Several files, a folder, or ``--files-from`` make it a batch (`reader.commands.batch`): one JSON
line per document, ``{"path": ..., "entities": [...]}``, on ``--jobs`` processes or a Dask
cluster; `document_entities` is the pure per-document function they all run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from reader.commands.batch import (
    Outcome,
    add_batch_arguments,
    check_batch_files,
    document_paths,
    is_batch,
    read_document,
    run_batch,
)
from reader.commands.output import write_text
from reader.errors import UserError
from reader.nlp.entities import ENTITY_TYPES, Entity, extract_document
from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
from reader.text.clipboard import listing_text
from reader.text.document import Document
from reader.text.load import load_document

FORMATS = ("json", "jsonl", "tsv", "table")
"""The output formats, the first the default."""

TSV_HEADER = ("type", "name", "paragraph", "start", "end", "text")
"""Column names of the tsv output, one mention per row."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="the texts to read (default: the bundled article; - for stdin); a folder is "
        "searched for *.txt files",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json (default for one document): one object per entity with its mentions; "
        "jsonl (the only one, and the default, for several): one line per document with its "
        "path; tsv: one mention per line; table: a plain listing grouped by type",
    )
    add_batch_arguments(parser)


def _spans(document: Document, entity: Entity) -> Iterator[tuple[int, int, int, str]]:
    """``(paragraph, start, end, text)`` of each mention, offsets into the document text."""
    for mention in entity.mentions:
        base = document.paragraphs[mention.paragraph].start
        yield mention.paragraph, base + mention.start, base + mention.end, mention.text


def as_json(document: Document, entities: Sequence[Entity]) -> str:
    """The entities as the JSON document the CLI prints."""
    return json.dumps(_payload(document, entities), ensure_ascii=False, indent=2)


def _payload(document: Document, entities: Sequence[Entity]) -> dict[str, Any]:
    """The JSON object of a document's entities."""
    return {
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


def _entities_of(document: Document) -> tuple[list[Entity], str | None]:
    """The document's entities, and why none were looked for (a language the tagger does not
    read), if so."""
    skipped = unsupported_entity_language([p.text for p in document.paragraphs])
    if skipped is not None:
        return [], entities_skipped_reason(skipped)
    return extract_document(document), None


def document_entities(path: str) -> Outcome:
    """One document's entities as its JSON line, ``{"path", "entities"}``: the pure function a
    batch maps over its documents, in this process, in others, or on Dask workers."""
    try:
        document = read_document(path)
        entities, skipped = _entities_of(document)
    except UserError as error:
        return Outcome(path, error=str(error))
    notes = (*document.warnings, *([skipped] if skipped else []))
    line = json.dumps({"path": path, **_payload(document, entities)}, ensure_ascii=False)
    return Outcome(path, line=line, notes=notes)


def run(args: argparse.Namespace) -> int:
    """Print the entities of one document in the chosen format, or of many as JSON Lines."""
    files: list[str] = args.files
    if is_batch(files, args) or args.format == "jsonl":
        if args.format not in (None, "jsonl"):
            raise UserError(f"--format {args.format} reads one document; use jsonl for several")
        check_batch_files(files, args)
        return run_batch(document_paths(files, args), document_entities, args, sys.stdout)
    return _run_one(files[0] if files else None, args.format or "json")


def _run_one(path: str | None, form: str) -> int:
    """Print the document's entities in the chosen format."""
    document = load_document(path)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    entities, skipped = _entities_of(document)
    if skipped is not None:
        print(f"reader: {skipped}", file=sys.stderr)
        if form == "table":
            return 0  # nothing to list; "no entities found" would say they were looked for
    if form == "json":
        text = as_json(document, entities)
    elif form == "tsv":
        text = as_tsv(document, entities)
    else:
        text = listing_text(as_table(entities))  # names from the document, made inert
    write_text(sys.stdout, text)
    return 0
