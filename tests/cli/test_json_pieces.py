"""`reader topics` and `reader entities` write their JSON piece by piece (`json_pieces`), a
top-level list read from an iterator: the text must be exactly what `json.dumps` gives for the
same payload built whole, whatever the batch sizes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.commands import entities, output, topics
from reader.commands.output import INVISIBLE, json_pieces, json_text
from reader.nlp.entities import extract_document
from reader.nlp.topics import extract_topics
from reader.text.document import Document


def whole(payload: dict[str, object]) -> str:
    """The payload's text as it was written before: every iterator a list, dumped at once."""
    built = {
        key: list(v) if not isinstance(v, list | dict | str) else v for key, v in payload.items()
    }
    text = json.dumps(built, ensure_ascii=False, indent=2)
    return INVISIBLE.sub(output._escape, text)


def short_lines(texts: Path) -> Document:
    """The first 3,000 words of real prose, one a line: thousands of paragraphs."""
    words = (texts / "news-01.ar.txt").read_text("utf-8").split()
    words = (words * (3_000 // len(words) + 1))[:3_000]
    return Document.from_text("\n".join(words))


@pytest.mark.parametrize(("array_batch", "characters"), [(256, 1 << 16), (3, 100), (1, 1)])
@pytest.mark.parametrize("name", ["news-01.ar.txt", "short-lines"])
def test_pieces_are_the_whole_text(
    texts: Path, name: str, array_batch: int, characters: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Topics and entities of a real article, and of thousands of one-word lines."""
    monkeypatch.setattr(output, "ARRAY_BATCH", array_batch)
    monkeypatch.setattr(output, "BATCH_CHARACTERS", characters)
    if name == "short-lines":
        document = short_lines(texts)
    else:
        document = Document.from_text((texts / name).read_text("utf-8"))
    index = extract_topics(topics.prose_texts(document), None, topics.kinds_of(document))
    found = extract_document(document)
    assert index.main_topic and found
    payloads = (lambda: topics._payload(index), lambda: entities._payload(document, found))
    for payload in payloads:  # each made twice: its iterators are read once
        assert "".join(json_pieces(payload())) == whole(payload())


def test_empty_arrays_and_objects() -> None:
    """An empty iterator is `[]`, an empty payload `{}`, as `json.dumps` writes them."""
    payloads = (
        dict,
        lambda: {"entities": iter(())},
        lambda: {"a": [], "b": iter([{"c": []}]), "d": {}},
    )
    for payload in payloads:
        assert json_text(payload()) == whole(payload())
