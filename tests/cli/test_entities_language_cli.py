"""`reader entities` on Persian and Urdu: no junk entities, valid empty output, one line on
stderr saying why, exit status 0. Arabic documents are tagged as before, without the note."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / ".." / "shared" / "data" / "texts"
PERSIAN = TEXTS / "persian-01.fa.txt"
URDU = TEXTS / "urdu-01.ur.txt"
NOTE = "reader: entities are found in Arabic text only; this document looks {}"


def run_reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`reader entities ARGS` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "entities", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


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
    assert result.stdout.decode("utf-8") == "type\tname\tparagraph\tstart\tend\ttext\n"
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
    legacy = run_reader(str(TEXTS / "legacy-04.fa.cp1256.txt"), "--format", "tsv")
    assert legacy.returncode == 0
    assert legacy.stdout.decode("utf-8").count("\n") == 1
    assert NOTE.format("Persian") in stderr_lines(legacy)


def test_an_arabic_article_is_tagged_without_the_note() -> None:
    result = run_reader(str(TEXTS / "news-01.ar.txt"), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["entities"]
    assert "Arabic text only" not in result.stderr.decode("utf-8")
