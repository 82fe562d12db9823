"""`pip install .` from a clean clone into a fresh virtual environment, then `reader render`
with no file, run from another folder, prints the default article, and `reader entities` finds
its people: the article and the entity model ship inside the wheel, not only in the checkout."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.layout.render import render_lines
from reader.text.document import Document

ROOT = Path(__file__).resolve().parents[2]


def test_clean_clone_installs_and_renders_the_default_article(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")  # CI always runs in one
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "."],
        cwd=clone,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(clone)  # nothing may come from the checkout any more
    result = subprocess.run(
        [str(venv / "bin" / "reader"), "render", "--width", "60"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    article = (ROOT / "assets" / "article.ar.txt").read_text(encoding="utf-8")
    paragraphs = [p.text for p in Document.from_text(article).paragraphs]
    assert len(paragraphs) == 7
    assert result.stdout == "\n".join(render_lines(paragraphs, 60)) + "\n"
    entities = subprocess.run(
        [str(venv / "bin" / "reader"), "entities", "--format", "json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert entities.returncode == 0, entities.stderr
    found = json.loads(entities.stdout)["entities"]
    people = {e["name"] for e in found if e["type"] == "PERSON"}
    assert "عبد اللطيف حموشي" in people
    version = subprocess.run(
        [str(venv / "bin" / "reader"), "--version"], cwd=elsewhere, capture_output=True, text=True
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"reader {project_version()}\n"


def project_version() -> str:
    """The version pyproject.toml declares."""
    match = re.search(r'^version = "([^"]+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert match is not None
    return match.group(1)
