"""Long paragraphs are tagged in bounded pieces, cut where the tagger would cut anyway."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp.entities import NameMemory, extract
from reader.nlp.entities.extract import extract_paragraphs, text_pieces

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .؟\n", max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_make_up_the_text_and_keep_within_the_limit(text: str, limit: int) -> None:
    pieces = text_pieces(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(piece for _, piece in pieces[:-1])


def test_a_piece_ends_at_a_sentence_end_when_it_can() -> None:
    sentence = "ذهب الوزير إلى الرباط. "
    pieces = text_pieces(sentence * 40, 200)
    assert len(pieces) > 1
    assert all(piece.endswith(". ") for _, piece in pieces[:-1])


def test_one_long_paragraph_gives_what_its_sentences_give(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Real news joined into one paragraph: tagged whole, and tagged in pieces of ~2,000
    characters, the mentions are the same."""
    lines = [
        line
        for name in ("news-01.ar.txt", "news-02.ar.txt", "news-04.ar.txt")
        for line in (TEXTS / name).read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    text = " ".join(lines)
    assert len(text) > 6_000
    (whole,) = extract_paragraphs([(0, text)], NameMemory())
    monkeypatch.setattr(extract, "PIECE_CHARACTERS", 2_000)
    monkeypatch.setattr(extract, "CHUNK_CHARACTERS", 3_000)
    assert len(text_pieces(text)) >= 3
    (pieces,) = extract_paragraphs([(0, text)], NameMemory())
    assert len(whole) > 20
    assert pieces == whole
    for mention in pieces:
        assert text[mention.start : mention.end] == mention.text


def test_a_long_paragraph_is_cut_as_it_is_tagged() -> None:
    """The first batch of a one-line document (large-01's first 400,000 characters as one
    paragraph) holds its own pieces, not a copy of the whole paragraph: every piece was cut,
    and kept until the last was tagged, before the first was tagged (two bytes a character of
    Arabic)."""
    prose = (TEXTS / "large-01.ar.txt").read_text(encoding="utf-8")[:400_000]
    text = " ".join(prose.split())
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        batches = extract._piece_batches([(0, text)])
        first = next(batches)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert sum(len(piece) for *_, piece in first) <= extract.CHUNK_CHARACTERS
    assert held < len(text), f"{held:,} bytes held for {len(text):,} characters"
