"""Paragraphs are numbered one way everywhere: JSON and TSV give the 0-based `paragraph` that
scripts index with and the 1-based `number` that people read, the tables and the app show the
number. The JSON outputs follow their published schemas (docs/schema/*.schema.json)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schema"
TEXTS = ROOT / ".." / "shared" / "data" / "texts"
FILES = [ROOT / "assets" / "article.ar.txt", TEXTS / "news-01.ar.txt", TEXTS / "persian-01.fa.txt"]


def reader(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, check=True, timeout=120
    )
    return result.stdout.decode("utf-8")


def schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def table_numbers(cell: str) -> list[int]:
    """The paragraph numbers a table cell lists ("¶1, ¶6, ¶7")."""
    return [int(n) for n in re.findall(r"¶(\d+)", cell)]


@pytest.mark.parametrize("path", FILES[:2], ids=lambda p: p.name)
def test_entities_json_tsv_and_table_agree_on_numbers(path: Path) -> None:
    payload = json.loads(reader("entities", str(path)))
    jsonschema.validate(payload, schema("entities"))
    assert payload["entities"]
    by_name: dict[str, list[int]] = {}
    for entity in payload["entities"]:
        for mention in entity["mentions"]:
            assert mention["number"] == mention["paragraph"] + 1
        by_name[entity["name"]] = sorted({m["number"] for m in entity["mentions"]})
    rows = reader("entities", str(path), "--format", "tsv").rstrip("\n").split("\n")
    header = rows[0].split("\t")
    for row in rows[1:]:
        fields = dict(zip(header, row.split("\t"), strict=True))
        assert int(fields["number"]) == int(fields["paragraph"]) + 1
    for line in reader("entities", str(path), "--format", "table").split("\n"):
        if line.startswith("  "):
            name, _count, where = line[2:].split("  ")
            assert table_numbers(where) == by_name[name]


def test_an_empty_entity_result_follows_the_schema() -> None:
    jsonschema.validate(json.loads(reader("entities", str(FILES[2]))), schema("entities"))


@pytest.mark.parametrize("path", [FILES[0], FILES[2]], ids=lambda p: p.name)
def test_topics_json_and_table_agree_on_numbers(path: Path) -> None:
    payload = json.loads(reader("topics", str(path)))
    jsonschema.validate(payload, schema("topics"))
    for topic in payload["topics"]:
        assert topic["numbers"] == [p + 1 for p in topic["paragraphs"]]
    for entry in payload["paragraphs"]:
        assert entry["number"] == entry["paragraph"] + 1
    table = reader("topics", str(path), "--format", "table").split("\n")
    rows = table[1 : table.index("")]
    for topic, row in zip(payload["topics"], rows, strict=True):
        assert table_numbers(row)[:12] == topic["numbers"][:12]
    mains = table[table.index("paragraphs") + 1 :]
    assert [table_numbers(row)[0] for row in mains if row] == [
        e["number"] for e in payload["paragraphs"]
    ]


def test_a_schema_rejects_what_scripts_must_not_get() -> None:
    """The schemas are strict: a mention without its number, or a number 0, fails."""
    bad = {
        "entities": [
            {
                "type": "PERSON",
                "name": "x",
                "mentions": [{"paragraph": 0, "start": 0, "end": 1, "text": "x"}],
            }
        ]
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema("entities"))
    bad["entities"][0]["mentions"][0]["number"] = 0  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema("entities"))
