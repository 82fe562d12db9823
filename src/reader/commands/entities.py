"""`reader entities [FILE|-|FOLDER ...] [--format json|jsonl|tsv|table]`: the entities a document
mentions.

Offsets are code points into the decoded document text (newlines normalised, `Document.text`),
so ``text[start:end]`` is each mention exactly. Each mention's ``paragraph`` counts from 0 (an
index), its ``number`` from 1 (as the screen says "¶ 4"): docs/schema/entities.schema.json.
JSON and TSV are logical text: no shaping, no reordering, ready for `jq`, `cut` or a
spreadsheet. So is the table when piped; on a terminal the table goes through the layout engine
(`reader.commands.table`).

The tagger knows Arabic only: a Persian or Urdu document gets an empty result (valid json, a
tsv header, an empty table) and one line on stderr saying why, and the exit status stays 0.

Several files, a folder, or ``--files-from`` make it a batch (`reader.commands.batch`): one JSON
line per document, ``{"path": ..., "entities": [...]}``, on ``--jobs`` processes or a Dask
cluster; `document_entities` is the pure per-document function they all run.
"""

from __future__ import annotations

import argparse
import dataclasses
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
from reader.commands.output import (
    json_line,
    json_pieces,
    json_text,
    visible_cell,
    write_pieces,
    write_text,
)
from reader.commands.source import FILE_HELP, add_refresh_argument, load_path
from reader.commands.table import Block, add_bidi_argument, as_text, listing
from reader.errors import UserError
from reader.nlp.entities import ENTITY_TYPES, Entity, extract_document
from reader.nlp.language import entities_skipped_reason, unsupported_entity_language
from reader.text.document import Document, paragraph_texts

FORMATS = ("json", "jsonl", "tsv", "table")
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
        "files",
        nargs="*",
        metavar="FILE",
        help=FILE_HELP + "; several files or a folder (searched for *.txt files) make a batch",
    )
    add_refresh_argument(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="json (default for one document): one object per entity with its mentions; "
        "jsonl (the only one, and the default, for several): one line per document with its "
        "path; tsv: one mention per line; table: a listing grouped by type (laid out right to "
        "left on a terminal)",
    )
    add_bidi_argument(parser)
    add_batch_arguments(parser)


def _spans(document: Document, entity: Entity) -> Iterator[tuple[int, int, int, str]]:
    """``(paragraph, start, end, text)`` of each mention, offsets into the document text."""
    for mention in entity.mentions:
        base = document.paragraphs[mention.paragraph].start
        yield mention.paragraph, base + mention.start, base + mention.end, mention.text


def as_json(document: Document, entities: Sequence[Entity]) -> str:
    """The entities as the JSON document the CLI prints."""
    return json_text(_payload(document, entities))


def _payload(document: Document, entities: Sequence[Entity]) -> dict[str, Any]:
    """The JSON object of a document's entities, each made as it is written (an iterator)."""
    return {
        "entities": (
            {
                "type": entity.type,
                "name": entity.name,
                "mentions": [
                    {"paragraph": p, "number": p + 1, "start": start, "end": end, "text": text}
                    for p, start, end, text in _spans(document, entity)
                ],
            }
            for entity in entities
        )
    }


def _cell(value: object) -> str:
    """A tsv field: tabs and line breaks inside a value become spaces, invisible characters
    `\\uXXXX` (`visible_cell`)."""
    return visible_cell(value) if isinstance(value, str) else str(value)


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


def _entities_of(document: Document, jobs: int = 1) -> tuple[list[Entity], str | None]:
    """The document's entities, and why none were looked for (a language the tagger does not
    read), if so; ``jobs`` processes run the tagger (see `extract_document`)."""
    skipped = unsupported_entity_language(paragraph_texts(document.paragraphs))
    if skipped is not None:
        return [], entities_skipped_reason(skipped)
    # Entities are read from prose: a preformatted line (code) is not a sentence about anyone.
    # The prose keeps its paragraph indexes, so offsets still address the whole document.
    return extract_document(dataclasses.replace(document, paragraphs=document.prose), jobs), None


def document_entities(path: str) -> Outcome:
    """One document's entities as its JSON line, ``{"path", "entities"}``: the pure function a
    batch maps over its documents, in this process, in others, or on Dask workers."""
    try:
        document = read_document(path)
        entities, skipped = _entities_of(document)
    except UserError as error:
        return Outcome(path, error=str(error))
    notes = (*document.warnings, *([skipped] if skipped else []))
    line = json_line({"path": path, **_payload(document, entities)})
    return Outcome(path, line=line, notes=notes)


def run(args: argparse.Namespace) -> int:
    """Print the entities of one document in the chosen format, or of many as JSON Lines."""
    files: list[str] = args.files
    if is_batch(files, args) or args.format == "jsonl":
        if args.format not in (None, "jsonl"):
            raise UserError(f"--format {args.format} reads one document; use jsonl for several")
        check_batch_files(files, args)
        return run_batch(document_paths(files, args), document_entities, args, sys.stdout)
    jobs = args.jobs or 1  # one document: its chunks on --jobs processes, if asked
    return _run_one(
        files[0] if files else None, args.format or "json", args.bidi, args.refresh, jobs
    )


def _run_one(path: str | None, form: str, bidi: str | None, refresh: bool, jobs: int = 1) -> int:
    """Print the document's entities in the chosen format (the tagger on ``jobs`` processes)."""
    document = load_path(path, refresh)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    entities, skipped = _entities_of(document, jobs)
    if skipped is not None:
        print(f"reader: {skipped}", file=sys.stderr)
        if form == "table":
            return 0  # nothing to list; "no entities found" would say they were looked for
    if form == "json":
        write_pieces(sys.stdout, json_pieces(_payload(document, entities)))
        return 0
    if form == "tsv":
        text = as_tsv(document, entities)
    else:
        text = listing(table_blocks(entities), bidi, NO_ENTITIES)
    write_text(sys.stdout, text)
    return 0
