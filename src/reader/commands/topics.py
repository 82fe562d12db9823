"""`reader topics [FILE|-] [--format json|table]`: the topics a document covers.

JSON (the default) is ``{"topics": [{"label", "score", "paragraphs"}], "paragraphs":
[{"paragraph", "topic"}]}``: topics most salient first, paragraphs counted from 0 among the
document's non-blank paragraphs, ``"topic": null`` for a paragraph without one. The table is a
plain listing for people, paragraphs counted from 1 like the app shows them. Output is logical
text: no shaping, no reordering.
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands.output import write_text
from reader.commands.source import add_source_arguments, load_source
from reader.errors import UserError
from reader.nlp.stem import LANGUAGES
from reader.nlp.topics import TopicIndex, TopicsNotSupported, extract_topics
from reader.text.clipboard import listing_text
from reader.text.document import PROSE_KINDS

FORMATS = ("json", "table")
"""The output formats, the first the default."""

_TABLE_PARAGRAPHS = 12
"""How many paragraph numbers a table row lists before it says how many more there are."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    add_source_arguments(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help="json (default): topics with score and paragraphs, and each paragraph's main "
        "topic; table: a plain listing",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="the text's language (default: told from its letters)",
    )


def as_json(index: TopicIndex) -> str:
    """The topic index as the JSON document the CLI prints."""
    payload = {
        "topics": [
            {"label": topic.label, "score": topic.score, "paragraphs": list(topic.paragraphs)}
            for topic in index.topics
        ],
        "paragraphs": [
            {"paragraph": number, "topic": label} for number, label in enumerate(index.main_topic)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _where(paragraphs: tuple[int, ...]) -> str:
    shown = ", ".join(f"¶{p + 1}" for p in paragraphs[:_TABLE_PARAGRAPHS])
    more = len(paragraphs) - _TABLE_PARAGRAPHS
    return f"{shown} … +{more}" if more > 0 else shown


def as_table(index: TopicIndex) -> str:
    """A readable listing: the topics with score and paragraphs (from 1), then the main topic
    of each paragraph."""
    if not index.topics:
        return "no topics found"
    lines = [f"topics ({len(index.topics)})"]
    for topic in index.topics:
        lines.append(f"  {topic.label}  {topic.score:.3f}  {_where(topic.paragraphs)}")
    lines += ["", "paragraphs"]
    for number, label in enumerate(index.main_topic):
        lines.append(f"  ¶{number + 1}  {label if label is not None else '-'}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the document's topics in the chosen format."""
    document = load_source(args)
    for warning in document.warnings:
        print(f"reader: {warning}", file=sys.stderr)
    try:
        # Preformatted lines (code) count as empty paragraphs: numbering stays the document's.
        index = extract_topics(
            [p.text if p.kind in PROSE_KINDS else "" for p in document.paragraphs], args.language
        )
    except TopicsNotSupported as error:
        raise UserError(str(error)) from None
    if args.format == "json":
        write_text(sys.stdout, as_json(index))
    else:  # labels come from the document: made inert for the terminal
        write_text(sys.stdout, listing_text(as_table(index)))
    return 0
