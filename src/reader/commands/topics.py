"""`reader topics [FILE|-|FOLDER ...] [--format json|jsonl|table]`: the topics a document covers.

JSON (the default) is ``{"topics": [{"label", "score", "paragraphs", "numbers", "theme"}],
"paragraphs": [{"paragraph", "number", "topic", "second"}]}``: topics (themes) most salient
first, each with its stable ``"theme"`` number (from 0, in the order themes first appear);
``paragraph(s)`` counted from 0 among the document's non-blank paragraphs and ``number(s)`` from
1 (as the screen shows them); ``"topic"`` is a paragraph's main theme and ``"second"`` its second
one, null where it has none (docs/schema/topics.schema.json). The table is a listing for people,
paragraphs numbered from 1. Output is logical text (no shaping, no reordering), but for the table
on a terminal, which goes through the layout engine (`reader.commands.table`).

Several files, a folder, or ``--files-from`` make it a batch (`reader.commands.batch`): one JSON
line per document, ``{"path", "topics", "paragraphs"}``, on ``--jobs`` processes or a Dask
cluster, each running `document_topics`.
"""

from __future__ import annotations

import argparse
import functools
import sys
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
from reader.commands.output import json_line, json_pieces, json_text, write_pieces, write_text
from reader.commands.source import FILE_HELP, add_refresh_argument, load_path
from reader.commands.table import Block, add_bidi_argument, as_text, listing
from reader.errors import UserError
from reader.nlp.stem import LANGUAGES
from reader.nlp.topics import TopicIndex, TopicsNotSupported, extract_topics
from reader.text.document import BlockKinds, Document, ProseTexts

FORMATS = ("json", "jsonl", "table")
"""The output formats, the first the default."""

NO_TOPICS = "no topics found"
"""The table when no topic was found."""

_TABLE_PARAGRAPHS = 12
"""How many paragraph numbers a table row lists before it says how many more there are."""


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
        help="json (default for one document): topics with score and paragraphs, and each "
        "paragraph's main topic; jsonl (the only one, and the default, for several): one line "
        "per document with its path; table: a listing (laid out right to left on a terminal)",
    )
    add_bidi_argument(parser)
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="the text's language (default: told from its letters)",
    )
    add_batch_arguments(parser)


def as_json(index: TopicIndex) -> str:
    """The topic index as the JSON document the CLI prints."""
    return json_text(_payload(index))


def _payload(index: TopicIndex) -> dict[str, Any]:
    """The JSON object of a document's topics; its paragraphs (one a line of the document: a
    million for a million short lines) as an iterator, made as they are written."""
    return {
        "topics": [
            {
                "label": topic.label,
                "score": topic.score,
                "paragraphs": list(topic.paragraphs),
                "numbers": [p + 1 for p in topic.paragraphs],
                "theme": topic.number,
            }
            for topic in index.topics
        ],
        "paragraphs": (
            {
                "paragraph": i,
                "number": i + 1,
                "topic": label,
                "second": index.second_topic[i] if i < len(index.second_topic) else None,
            }
            for i, label in enumerate(index.main_topic)
        ),
    }


def _where(paragraphs: tuple[int, ...]) -> str:
    shown = ", ".join(f"¶{p + 1}" for p in paragraphs[:_TABLE_PARAGRAPHS])
    more = len(paragraphs) - _TABLE_PARAGRAPHS
    return f"{shown} … +{more}" if more > 0 else shown


def table_blocks(index: TopicIndex) -> list[Block]:
    """The table: the topics with score and paragraphs (numbered from 1, as on screen), then the
    main topic of each paragraph."""
    if not index.topics:
        return []
    topics = tuple((t.label, f"{t.score:.3f}", _where(t.paragraphs)) for t in index.topics)
    paragraphs = tuple(
        (f"¶{number + 1}", label if label is not None else "-")
        for number, label in enumerate(index.main_topic)
    )
    return [Block(f"topics ({len(index.topics)})", topics), Block("paragraphs", paragraphs)]


def as_table(index: TopicIndex) -> str:
    """The table as logical text (what a pipe gets)."""
    blocks = table_blocks(index)
    return as_text(blocks) if blocks else NO_TOPICS


def prose_texts(document: Document) -> ProseTexts:
    """The paragraphs topics read: preformatted lines (code) count as empty paragraphs, so the
    numbering stays the document's. A view, as the app reads them: a list of every paragraph's
    string is about 8 times the file for one word a line."""
    return ProseTexts(document.paragraphs)


def kinds_of(document: Document) -> BlockKinds:
    """The blocks' kinds: topics take a heading's section as evidence for a theme (a view)."""
    return BlockKinds(document.paragraphs)


def document_topics(path: str, language: str | None = None) -> Outcome:
    """One document's topics as its JSON line, ``{"path", "topics", "paragraphs"}``: the pure
    function a batch maps over its documents."""
    try:
        document = read_document(path)
        index = extract_topics(prose_texts(document), language, kinds_of(document))
    except UserError as error:
        return Outcome(path, error=str(error))
    except TopicsNotSupported as error:
        return Outcome(path, error=f"{path}: {error}")
    line = json_line({"path": path, **_payload(index)})
    return Outcome(path, line=line, notes=tuple(document.warnings))


def run(args: argparse.Namespace) -> int:
    """Print the topics of one document in the chosen format, or of many as JSON Lines."""
    files: list[str] = args.files
    if is_batch(files, args) or args.format == "jsonl":
        if args.format not in (None, "jsonl"):
            raise UserError(f"--format {args.format} reads one document; use jsonl for several")
        check_batch_files(files, args)
        work = functools.partial(document_topics, language=args.language)
        return run_batch(document_paths(files, args), work, args, sys.stdout)
    return _run_one(files[0] if files else None, args)


def _run_one(path: str | None, args: argparse.Namespace) -> int:
    """Print the document's topics in the chosen format."""
    document = load_path(path, args.refresh)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    try:
        index = extract_topics(prose_texts(document), args.language, kinds_of(document))
    except TopicsNotSupported as error:
        raise UserError(str(error)) from None
    if args.format in (None, "json"):
        write_pieces(sys.stdout, json_pieces(_payload(index)))
    else:  # labels come from the document: laid out, or made inert when piped
        write_text(sys.stdout, listing(table_blocks(index), args.bidi, NO_TOPICS))
    return 0
