"""Fuzzing the whole path a hostile file takes, and the analyses, with hypothesis.

The loader (`decode_document`) and the layout engine (`layout_paragraph`) have their own
property tests; these cover what joins them and what else reads the text:

- bytes -> `decode_document` -> `layout_paragraph` of every paragraph at random widths and
  directions -> `render_lines`: a `LoadError` or lines that fit and carry nothing that acts on
  a terminal (no control, bidi control, lone surrogate, invisible format character);
- `reader.search.find`, `reader.nlp.entities.extract_paragraph` and
  `reader.nlp.topics.extract_topics` on random Unicode (every bidi control, combining marks,
  controls, lone surrogates as `surrogateescape` makes them): no exception, and results that
  point inside the text.

The budget is fixed and the examples derandomised, so CI runs the same cases every time.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size

from reader.layout import Direction, layout_paragraph
from reader.layout.render import render_lines
from reader.nlp.entities import extract_paragraph
from reader.nlp.topics import TopicsNotSupported, extract_topics
from reader.search import find
from reader.text.load import LoadError, decode_document


def budget(examples: int) -> settings:
    """A fixed, deterministic budget: `examples` cases, no deadline, no example database."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


BIDI_CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
"""Every explicit embedding, override and isolate (and their terminators)."""
MARKS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0301", "\u0300", "\u20dd"]
ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["لا", "لأ", "ی", "ک", "ے", "ـ"]
FORMAT = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff", "\xad"]
CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
ESCAPES = [
    "\x1b[2J",
    "\x1b]52;c;SEVMTE8=\x07",
    "\x1b]8;;http://evil.example/\x1b\\",
    "\x1bP+q544e\x1b\\",
    "\x9b31m",
]
ESCAPED_BYTES = ["\udc80", "\udcff", "\udc9b", "\udcc3", "\udcd8"]
"""Lone surrogates as `surrogateescape` makes them from bytes that are not UTF-8."""
LONE_SURROGATES = [*ESCAPED_BYTES, "\ud800", "\udbff", "\udfff"]
OTHER = [*"abc XYZ 012 ٠١٢ ()[]<>«» .,:;!?%/#،؛؟", "\t", "中", "\U0001f600", "\u2028", "\ufdf2"]

FRAGMENTS = st.one_of(
    st.sampled_from(ARABIC),
    st.sampled_from(ARABIC),
    st.sampled_from(MARKS),
    st.sampled_from(BIDI_CONTROLS),
    st.sampled_from(FORMAT),
    st.sampled_from(CONTROLS),
    st.sampled_from(ESCAPES),
    st.sampled_from(OTHER),
    st.just(" "),
    st.just("\n"),
    st.just("\r\n"),
)
HOSTILE_TEXT = st.lists(FRAGMENTS, max_size=80).map("".join)
"""Text built from what breaks terminals and Arabic layout (no lone surrogates)."""
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
"""Any code points at all, surrogates included."""
TEXT_WITH_SURROGATES = st.lists(
    st.one_of(FRAGMENTS, st.sampled_from(LONE_SURROGATES)), max_size=60
).map("".join)
"""Hostile text with lone surrogates, as decoding bytes with `surrogateescape` leaves them."""
UNICODE = st.one_of(HOSTILE_TEXT, ANY_TEXT, TEXT_WITH_SURROGATES)
LONE = re.compile("[\ud800-\udfff]")

BOMS = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
ENCODED = st.tuples(
    HOSTILE_TEXT, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1256"])
).map(lambda pair: pair[0].encode(pair[1], "replace"))
BYTES = st.one_of(
    st.binary(max_size=600),
    ENCODED,
    st.tuples(BOMS, ENCODED).map(b"".join),
    st.tuples(ENCODED, st.binary(max_size=6), ENCODED).map(b"".join),
    st.lists(st.one_of(FRAGMENTS, st.sampled_from(ESCAPED_BYTES)), max_size=60).map(
        lambda pieces: "".join(pieces).encode("utf-8", "surrogateescape")
    ),
)
"""Bytes a hostile file may hold: random, hostile text in every supported encoding (with or
without a BOM), good text with junk spliced in, and bytes that are not UTF-8 at all."""

WIDTHS = st.one_of(st.integers(1, 12), st.integers(13, 120), st.none())
DIRECTIONS: st.SearchStrategy[Direction] = st.sampled_from(["auto", "rtl", "ltr"])


def acts_on_a_terminal(char: str) -> bool:
    """Whether a character would act instead of being drawn: controls, lone surrogates, line
    and paragraph separators, bidi controls and invisible format characters."""
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Zl", "Zp") or char in BIDI_CONTROLS:
        return True
    return category == "Cf" and get_character_cell_size(char) == 0


@budget(600)
@given(BYTES, WIDTHS, DIRECTIONS)
def test_any_file_becomes_safe_lines_or_a_clear_refusal(
    data: bytes, width: int | None, direction: Direction
) -> None:
    """Bytes -> document -> every paragraph laid out -> rendered lines: either a one-line
    LoadError, or lines within the width that hold nothing acting on a terminal."""
    try:
        document = decode_document(data, "fuzz.txt")
    except LoadError as error:
        assert "\n" not in str(error)
        return
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for text in paragraphs:
        layout = layout_paragraph(text, width, direction)
        for line in layout.lines:
            assert not any(acts_on_a_terminal(char) for char in line.text), line
            if width is not None:
                assert cell_len(line.text) <= width, line
    rendered = list(render_lines(paragraphs, width, direction))
    assert len(rendered) >= 2 * len(paragraphs) - 1
    for row in rendered:
        assert not any(acts_on_a_terminal(char) for char in row), row
        if width is not None:
            assert cell_len(row) <= width, row


@budget(600)
@given(st.lists(UNICODE, max_size=5), st.one_of(UNICODE, st.integers(0, 10**6)))
def test_search_never_fails_and_hits_lie_inside_their_paragraph(
    paragraphs: list[str], query: str | int
) -> None:
    """Any query (random, or a piece of a paragraph) in any paragraphs: hits in reading order,
    each a non-empty span inside its paragraph."""
    if isinstance(query, int):  # a piece of the text itself, so that there are hits
        joined = "".join(paragraphs)
        start = query % (len(joined) + 1)
        query = joined[start : start + 1 + query % 7]
    hits = find(paragraphs, query)
    previous = (-1, -1)
    for hit in hits:
        assert 0 <= hit.paragraph < len(paragraphs)
        assert 0 <= hit.start < hit.end <= len(paragraphs[hit.paragraph])
        assert (hit.paragraph, hit.start) > previous
        previous = (hit.paragraph, hit.start)


DOCUMENT_TEXT = st.one_of(HOSTILE_TEXT, ANY_TEXT.map(lambda text: LONE.sub("\ufffd", text)))
"""Random Unicode as a decoded document holds it: never a lone surrogate (the loader replaces
them; see `test_entities_survive_lone_surrogates` for what happens otherwise)."""


@budget(300)
@given(st.integers(0, 1000), DOCUMENT_TEXT)
def test_entities_never_fail_and_mentions_are_the_texts_own(index: int, text: str) -> None:
    """Any paragraph: mentions in order, each quoting the paragraph exactly at its offsets."""
    mentions = extract_paragraph(index, text)
    for mention in mentions:
        assert mention.paragraph == index
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]


@budget(200)
@given(st.lists(UNICODE, max_size=6))
def test_topics_never_fail_and_point_at_real_paragraphs(paragraphs: list[str]) -> None:
    """Any paragraphs: topics (or TopicsNotSupported for text with no Arabic-script words) whose
    paragraph indices exist, and one main topic slot per paragraph."""
    try:
        index = extract_topics(paragraphs)
    except TopicsNotSupported as error:
        assert "\n" not in str(error)
        return
    assert len(index.main_topic) == len(paragraphs)
    for topic in index.topics:
        assert topic.label
        assert all(0 <= paragraph < len(paragraphs) for paragraph in topic.paragraphs)


@pytest.mark.parametrize("text", ["\ud800", "محمد \udc80 علي", "زار محمد القاهرة \udcff"])
def test_entities_survive_lone_surrogates(text: str) -> None:
    """Regression: a paragraph with a lone surrogate gives mentions (or none), not an error."""
    for mention in extract_paragraph(0, text):
        assert mention.text == text[mention.start : mention.end]
