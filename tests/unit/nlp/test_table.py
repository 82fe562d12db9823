"""Memory-mapped word tables, and the shipped runtime files held to the training outputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.nlp.entities import build
from reader.nlp.entities.table import MappedTable, TableError, open_table, table_bytes
from reader.nlp.tokens import tokenize

DATA = build.DATA

words = st.text(min_size=1, max_size=12).filter(lambda w: "\t" not in w)
fields = st.lists(
    st.text(min_size=1, max_size=6).filter(lambda f: "\t" not in f), min_size=1, max_size=4
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(words, fields, max_size=200), st.lists(words, max_size=30))
def test_a_table_answers_like_the_dictionary_it_was_built_from(
    entries: dict[str, list[str]], others: list[str]
) -> None:
    encodable = {w: f for w, f in entries.items() if _encodable(w) and all(map(_encodable, f))}
    table = MappedTable(table_bytes(encodable.items()))
    assert len(table) == len(encodable)
    assert sorted(table) == sorted(encodable)
    for word, value in encodable.items():
        assert table.get(word) == tuple(value)
        assert word in table
    for word in others:
        assert table.get(word) == tuple(encodable.get(word, ()))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_same_table_same_bytes() -> None:
    items = [("قال", ("1", "2")), ("الرباط", ("LOC1",)), ("x", ("y",))]
    assert table_bytes(items) == table_bytes(reversed(items))


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:10],
        lambda b: b"XXXXXXXX" + b[8:],
        lambda b: b[:-7],
        lambda b: b[:8] + b"\x03\x00\x00\x00" + b[12:],  # slot count not a power of two
    ],
)
def test_damaged_bytes_are_a_table_error_never_a_wrong_answer(damage: object) -> None:
    good = table_bytes((f"word{i}", (str(i),)) for i in range(50))
    bad = damage(good)  # type: ignore[operator]
    with pytest.raises(TableError):
        table = MappedTable(bad)
        for i in range(50):
            assert table.get(f"word{i}") == (str(i),)  # only a truncated record can get here


def test_open_table_maps_a_file(tmp_path: Path) -> None:
    path = tmp_path / "t.tab"
    path.write_bytes(table_bytes([("بيروت", ("LOC1",))]))
    assert open_table(path).get("بيروت") == ("LOC1",)
    assert open_table(path).get("\ud800") == ()  # a lone surrogate is never a key


def test_the_shipped_runtime_files_are_built_from_the_training_outputs() -> None:
    """The package ships only the fast forms; they must be exactly what `build` makes of the
    tables and network that training wrote (rebuild with `python -m reader.nlp.entities.build`
    after training)."""
    for name, content in build.runtime_files(DATA).items():
        assert (DATA / name).read_bytes() == content, f"{name} is stale: rebuild it"


def test_the_mapped_network_computes_what_the_training_file_computes() -> None:
    from reader.nlp.entities.neural import NeuralTagger
    from reader.nlp.entities.tagger import NEURAL_FILE, load_tagger

    shipped = load_tagger().neural
    assert shipped is not None
    original = NeuralTagger.from_npz((DATA / NEURAL_FILE).read_bytes(), shipped._gazetteer)
    sentence = [t.text for t in tokenize("وقال الرئيس اللبناني ميشال عون في بيروت إن هيزنبرج زار")]
    (ours,) = shipped.probabilities([sentence])
    (theirs,) = original.probabilities([sentence])
    assert np.array_equal(ours, theirs)
