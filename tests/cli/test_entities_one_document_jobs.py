"""`reader entities --jobs N` on one document: the tagger's chunks on N processes, the same
output byte for byte as one process (the name memory still reads the document in order)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.nlp.entities import extract_document
from reader.text.load import load_document

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / ".." / "shared" / "data" / "texts"


def entities_json(path: Path, *args: str) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "entities", *args, str(path)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    return result.stdout


@pytest.fixture(scope="module")
def wikipedia(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 KB of Arabic Wikipedia: several chunks, so several batches in flight."""
    text = (TEXTS / "large-01.ar.txt").read_bytes()[:150_000].decode("utf-8", errors="ignore")
    path = tmp_path_factory.mktemp("jobs") / "wikipedia.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_two_jobs_write_the_same_bytes_as_one(wikipedia: Path) -> None:
    one = entities_json(wikipedia)
    assert one.count(b'"type"') > 100
    assert entities_json(wikipedia, "--jobs", "2") == one


@pytest.mark.parametrize("name", ["news-02.ar.txt", "mixed-03.ar.txt"])
def test_short_documents_in_process(name: str) -> None:
    """A document of one chunk, and the in-process call the command makes."""
    document = load_document(str(TEXTS / name))
    assert extract_document(document, jobs=2) == extract_document(document)


def test_three_jobs_on_the_long_text_in_process(wikipedia: Path) -> None:
    document = load_document(str(wikipedia))
    single = extract_document(document)
    assert len(single) > 50
    assert extract_document(document, jobs=3) == single
