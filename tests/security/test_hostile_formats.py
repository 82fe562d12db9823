"""Escape sequences, C1 controls, markup and bidi controls planted in an HTML page, a Markdown
note and an EPUB (title, table of contents, chapter) never reach the terminal: the real app on a
pty, every byte it writes checked (the same checks as the plain-text hostile document)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import HOSTILE_LINES, PLANTED
from terminals import PtyRun, first_words_visual
from test_hostile_text import ACTING_CHARACTERS, APP_OWN_SEQUENCES

ENTITY_PLANTED = (b"\x1b[2JENTITY", b"\x9b31mC1ENT", b"\xc2\x9b31mC1ENT")
"""Sequences written as HTML character references (`&#27;`), which a parser would decode."""


def hostile_html() -> bytes:
    """A news page whose title, paragraphs, a code block and character references carry the
    hostile lines."""
    e = html.escape
    title = e(HOSTILE_LINES[0])
    body = "".join(f"<p>{e(line)}</p>\n" for line in HOSTILE_LINES[1:])
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><nav><a href='/'>الرئيسية</a></nav><article>"
        f"<h1>{title}</h1>{body}"
        "<p>entity &#27;[2JENTITY and &#x9b;31mC1ENT done</p>"
        f"<pre>code {e(HOSTILE_LINES[2])} end</pre>"
        "</article></body></html>"
    ).encode()


def hostile_markdown() -> bytes:
    """A Markdown note with the hostile lines as title, paragraphs, a quote, items and code."""
    lines = [f"# {HOSTILE_LINES[0]}", ""]
    for number, line in enumerate(HOSTILE_LINES[1:]):
        prefix = ("", "> ", "- ")[number % 3]
        lines += [prefix + line, ""]
    lines += ["```", HOSTILE_LINES[5], "```", ""]
    return "\n".join(lines).encode()


EPUB_TITLE = "مقال \u202eexe.fdp \x9b31mC1TITLE عن الأمن"
"""A book title with what XML allows of the hostile lines: a C1 control and a bidi override
(raw C0 controls are not XML, so ebooklib would not write them and no reader could parse them)."""


def hostile_epub(path: Path) -> Path:
    """An EPUB whose title, table of contents and chapter carry C1 and bidi controls, and whose
    chapter carries the C0 sequences as character references (`&#27;[2J…`)."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("hostile")
    book.set_title(EPUB_TITLE)
    book.set_language("ar")
    chapter = epub.EpubHtml(title=EPUB_TITLE, file_name="c1.xhtml", lang="ar")
    lines = [
        re.sub("[\x00-\x1f]", lambda m: f"&#{ord(m.group())};", html.escape(line))
        for line in HOSTILE_LINES[1:]
    ]
    body = "".join(f"<p>{line}</p>" for line in lines)
    chapter.content = f"<html><body><h1>{html.escape(EPUB_TITLE)}</h1>{body}</body></html>"
    book.add_item(chapter)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [chapter]
    epub.write_epub(str(path), book)
    return path


@pytest.mark.parametrize("kind", ["html", "md", "epub"])
def test_planted_sequences_never_reach_the_terminal(
    run_in_pty: Callable[..., PtyRun], tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"hostile.{kind}"
    if kind == "epub":
        hostile_epub(path)
    else:
        path.write_bytes(hostile_html() if kind == "html" else hostile_markdown())
    run = run_in_pty(str(path))
    run.wait_for(first_words_visual(HOSTILE_LINES[1]).encode())
    run.pump(1.0)
    run.send(b"q")
    assert run.wait_exit(timeout=15) == 0
    output = bytes(run.output)
    for planted in (*PLANTED, *ENTITY_PLANTED):
        assert planted not in output, planted
    assert not ACTING_CHARACTERS.findall(output.decode("utf-8", "surrogateescape"))
    outside = APP_OWN_SEQUENCES.sub(b"", output)
    stray = {byte for byte in outside if (byte < 0x20 and byte not in b"\r\n") or byte == 0x7F}
    assert not stray, sorted(hex(byte) for byte in stray)
    # The words around the sequences are shown: the page was read, not refused.
    assert b"CLEARED" in output
    assert re.search(rb"markup \[bold\]x\[/bold\]", output)
