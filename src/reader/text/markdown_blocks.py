"""Markdown to blocks with markdown-it-py (CommonMark): headings, paragraphs, quotes, lists and
code, in order.

Raw HTML in the Markdown is not interpreted: CommonMark's HTML blocks and inline tags are kept
as the text they are, so nothing can be hidden, run or fetched. Links become their text, images
their alternative text. A first-level heading that opens the document is its title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.text.document import Block, BlockKind, Document
from reader.text.load import decode_document

if TYPE_CHECKING:
    from markdown_it.token import Token


def markdown_document(data: bytes, name: str) -> Document:
    """Decode Markdown as the plain-text loader decodes text, then parse it into blocks."""
    decoded = decode_document(data, name)
    blocks = markdown_blocks(decoded.text)
    title = blocks[0].text if blocks and blocks[0].kind == "title" else None
    return Document.from_blocks(
        blocks,
        name,
        encoding=decoded.encoding,
        warnings=decoded.warnings,
        title=title,
        source_format="markdown",
    )


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown text, in reading order."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).parse(text)
    blocks: list[Block] = []
    quote_depth = 0
    lists: list[list[int]] = []  # per open list: [is ordered, next number]
    item_number: int | None = None
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            item_number = number if ordered else None
            lists[-1][1] = number + 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "inline":
            line = _inline_text(token)
            block_kind: BlockKind
            level = 0
            if heading_level:
                block_kind, level = "heading", heading_level
                if heading_level == 1 and not blocks:
                    block_kind, level = "title", 0
            elif lists:
                block_kind, level = "item", len(lists)
                if item_number is not None:
                    line = f"{item_number}. {line}"
                item_number = None
            elif quote_depth:
                block_kind = "quote"
            else:
                block_kind = "paragraph"
            blocks.append(Block(line, block_kind, level))
        elif kind in ("fence", "code_block"):
            blocks.append(Block(token.content, "preformatted"))
        elif kind == "html_block":
            blocks.append(Block(token.content, "quote" if quote_depth else "paragraph"))
    return blocks


def _inline_text(token: Token) -> str:
    """An inline token's text: words, code spans and raw tags as written, links as their text,
    images as their alternative text, line breaks as spaces."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
