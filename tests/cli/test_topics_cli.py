"""`reader topics` as a user runs it: a real process, real files, JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TEXTS = REPO / ".." / "shared" / "data" / "texts"


def reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m reader topics ARGS` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "topics", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def non_blank_lines(path: Path) -> int:
    """How many paragraphs the reader makes of a file: its non-blank lines."""
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def check_shape(payload: object, paragraph_count: int) -> None:
    """The documented JSON shape: ranked topics, one entry per paragraph, labels consistent."""
    assert isinstance(payload, dict)
    assert set(payload) == {"topics", "paragraphs"}
    topics = payload["topics"]
    assert topics, "no topics"
    for topic in topics:
        assert set(topic) == {"label", "score", "paragraphs", "numbers", "theme"}
        assert isinstance(topic["label"], str) and topic["label"].strip()
        assert isinstance(topic["score"], float)
        assert topic["paragraphs"] == sorted(set(topic["paragraphs"]))
        assert all(0 <= p < paragraph_count for p in topic["paragraphs"])
    scores = [t["score"] for t in topics]
    assert scores == sorted(scores, reverse=True)
    entries = payload["paragraphs"]
    assert [e["paragraph"] for e in entries] == list(range(paragraph_count))
    labels = {t["label"] for t in topics}
    assert sorted(t["theme"] for t in topics) == list(range(len(topics)))
    by_label = {t["label"]: t for t in topics}
    for entry in entries:
        assert set(entry) == {"paragraph", "number", "topic", "second"}
        assert entry["topic"] is None or entry["topic"] in labels
        assert entry["second"] is None or entry["second"] in labels
        assert entry["second"] is None or entry["topic"] is not None
        assert entry["second"] is None or entry["second"] != entry["topic"]
        for key in ("topic", "second"):
            if entry[key] is not None:  # a paragraph is one of its themes' paragraphs
                assert entry["paragraph"] in by_label[entry[key]]["paragraphs"]


@pytest.mark.parametrize("name", ["news-04.ar.txt", "persian-01.fa.txt", "urdu-01.ur.txt"])
def test_json_of_a_file(name: str) -> None:
    """JSON for a file: the documented shape, every non-blank paragraph listed."""
    path = TEXTS / name
    result = reader(str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout.decode("utf-8"))
    check_shape(payload, non_blank_lines(path))


def test_whatsapp_article_top_topic() -> None:
    """The WhatsApp acquisition article's first topic is WhatsApp."""
    result = reader(str(TEXTS / "news-04.ar.txt"), "--format", "json")
    assert "واتس" in json.loads(result.stdout)["topics"][0]["label"]


def test_stdin_and_default_article() -> None:
    """`-` reads standard input; no file means the bundled article, whose topics are about
    security."""
    path = TEXTS / "news-01.ar.txt"
    piped = reader("-", stdin=path.read_bytes())
    assert piped.returncode == 0, piped.stderr.decode()
    assert json.loads(piped.stdout) == json.loads(reader(str(path)).stdout)

    default = reader()
    assert default.returncode == 0, default.stderr.decode()
    payload = json.loads(default.stdout)
    check_shape(payload, non_blank_lines(REPO / "assets" / "article.ar.txt"))
    assert "الأمن" in payload["topics"][0]["label"]


def test_table_lists_topics_and_paragraphs() -> None:
    """The table names every topic and numbers paragraphs from 1."""
    path = TEXTS / "news-08.ar.txt"
    topics = json.loads(reader(str(path)).stdout)["topics"]
    result = reader(str(path), "--format", "table")
    assert result.returncode == 0
    table = result.stdout.decode("utf-8")
    assert table.startswith(f"topics ({len(topics)})")
    for topic in topics:
        assert topic["label"] in table
    assert f"¶{non_blank_lines(path)} " in table


def test_bad_input_is_one_line() -> None:
    """A missing file or an unknown format: a one-line message, exit status 2, no traceback."""
    missing = reader(str(TEXTS / "no-such-file.txt"))
    assert missing.returncode == 2
    message = missing.stderr.decode()
    assert message.startswith("reader: ") and message.count("\n") == 1
    assert "Traceback" not in message
    assert reader(str(TEXTS / "news-01.ar.txt"), "--format", "xml").returncode == 2


def test_text_without_topics() -> None:
    """A text with no Arabic-script words: a one-line "not supported" message, exit status 2;
    an Arabic text of stop words only: valid JSON with no topics and null main topics."""
    english = reader("-", stdin=b"Just an English line.\n\nAnother one, 2025.\n")
    assert english.returncode == 2
    assert english.stderr.decode().startswith("reader: topics are not supported")
    result = reader("-", stdin="في من على\n\nإلى هذا\n".encode())
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout) == {
        "topics": [],
        "paragraphs": [
            {"paragraph": 0, "number": 1, "topic": None, "second": None},
            {"paragraph": 1, "number": 2, "topic": None, "second": None},
        ],
    }
