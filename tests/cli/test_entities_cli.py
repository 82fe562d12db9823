"""`reader entities` as a user runs it: a subprocess, real files, JSON offsets into the text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.text.load import load_document

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
ARTICLE = ROOT / "assets" / "article.ar.txt"
NEWS = DATA / "texts" / "news-01.ar.txt"
TYPES = {"PERSON", "LOCATION", "ORGANIZATION", "EVENT", "DATE", "MISC"}


def run_reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "entities", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("path", [ARTICLE, NEWS], ids=["default-article", "news-01"])
def test_json_shape_and_offsets(path: Path) -> None:
    result = run_reader(str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout.decode("utf-8"))
    assert list(payload) == ["entities"]
    text = load_document(str(path)).text
    assert payload["entities"]
    for entity in payload["entities"]:
        assert list(entity) == ["type", "name", "mentions"]
        assert entity["type"] in TYPES
        assert entity["name"] and entity["mentions"]
        for mention in entity["mentions"]:
            assert list(mention) == ["paragraph", "start", "end", "text"]
            assert text[mention["start"] : mention["end"]] == mention["text"]
    # ensure_ascii=False: Arabic is written as itself
    assert "\\u06" not in result.stdout.decode("utf-8")


def test_default_article_is_used_without_a_file() -> None:
    result = run_reader("--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    names = {e["name"] for e in json.loads(result.stdout)["entities"]}
    assert {"عبد اللطيف حموشي", "محمود ديميرتاش", "المعرض الدولي لتجهيزات الأمن الداخلي"} <= names


def test_stdin_and_tsv() -> None:
    data = NEWS.read_bytes()
    result = run_reader("-", "--format", "tsv", stdin=data)
    assert result.returncode == 0, result.stderr.decode()
    rows = result.stdout.decode("utf-8").rstrip("\n").split("\n")
    assert rows[0] == "type\tname\tparagraph\tstart\tend\ttext"
    text = load_document(str(NEWS)).text
    for row in rows[1:]:
        kind, _name, _paragraph, start, end, mention = row.split("\t")
        assert kind in TYPES
        assert text[int(start) : int(end)] == mention


def test_table_groups_by_type_with_counts() -> None:
    result = run_reader(str(ARTICLE), "--format", "table")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    assert "PERSON (2)" in out
    assert "  المعرض الدولي لتجهيزات الأمن الداخلي  ×5  ¶1, ¶6, ¶7" in out


def test_a_missing_file_is_one_line_on_stderr() -> None:
    result = run_reader(str(ROOT / "no-such-file.txt"))
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ")
