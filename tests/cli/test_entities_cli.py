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
PERSIAN = DATA / "texts" / "persian-01.fa.txt"
URDU = DATA / "texts" / "urdu-01.ur.txt"
NOTE = "reader: entities are found in Arabic text only; this document looks {}"


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
            assert list(mention) == ["paragraph", "number", "start", "end", "text"]
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
    assert rows[0] == "type\tname\tparagraph\tstart\tend\ttext\tnumber"
    text = load_document(str(NEWS)).text
    for row in rows[1:]:
        kind, _name, _paragraph, start, end, mention, _number = row.split("\t")
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


# Persian and Urdu: no junk entities, valid empty output, one line on stderr saying why, exit
# status 0. Arabic documents are tagged as before, without the note.


def stderr_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """What the command said on stderr, line by line."""
    return result.stderr.decode("utf-8").splitlines()


@pytest.mark.parametrize(("path", "language"), [(PERSIAN, "Persian"), (URDU, "Urdu")])
def test_json_is_empty_and_stderr_says_why(path: Path, language: str) -> None:
    result = run_reader(str(path), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("utf-8")) == {"entities": []}
    assert stderr_lines(result) == [NOTE.format(language)]


@pytest.mark.parametrize(("path", "language"), [(PERSIAN, "Persian"), (URDU, "Urdu")])
def test_tsv_is_the_header_alone(path: Path, language: str) -> None:
    result = run_reader(str(path), "--format", "tsv")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == "type\tname\tparagraph\tstart\tend\ttext\tnumber\n"
    assert stderr_lines(result) == [NOTE.format(language)]


@pytest.mark.parametrize(("path", "language"), [(PERSIAN, "Persian"), (URDU, "Urdu")])
def test_table_is_empty(path: Path, language: str) -> None:
    result = run_reader(str(path), "--format", "table")
    assert result.returncode == 0
    assert result.stdout == b""
    assert stderr_lines(result) == [NOTE.format(language)]


def test_persian_on_stdin_and_in_windows_1256() -> None:
    """The decision reads the decoded document, whatever its source and encoding."""
    result = run_reader("-", stdin=PERSIAN.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"entities": []}
    assert stderr_lines(result) == [NOTE.format("Persian")]
    legacy = run_reader(str(DATA / "texts" / "legacy-04.fa.cp1256.txt"), "--format", "tsv")
    assert legacy.returncode == 0
    assert legacy.stdout.decode("utf-8").count("\n") == 1
    assert NOTE.format("Persian") in stderr_lines(legacy)


def test_an_arabic_article_is_tagged_without_the_note() -> None:
    result = run_reader(str(DATA / "texts" / "news-01.ar.txt"), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["entities"]
    assert "Arabic text only" not in result.stderr.decode("utf-8")
