"""`reader entities|topics --format table` on a terminal: the real command on a pty of a known
size, its bytes read back as the terminal gets them. Names must arrive shaped, right to left
and in aligned columns (as `reader render` draws text), not in logical order; piped output
stays logical (tested beside, in test_entities_cli.py / test_topics_cli.py)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import struct
import subprocess
import sys
import termios
import unicodedata
from pathlib import Path

import pytest

from reader.layout import fit_label, layout_paragraph

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "assets" / "article.ar.txt"
NEWS = ROOT / ".." / "shared" / "data" / "texts" / "news-01.ar.txt"


def on_terminal(*args: str, cols: int = 100, env: dict[str, str] | None = None) -> list[str]:
    """Run `python -m reader ARGS` with stdout on a pty `cols` wide; the lines it wrote."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    environment.update(env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        env=environment,
    )
    os.close(slave)
    output = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the program closed its end
            break
        if not chunk:
            break
        output.extend(chunk)
    os.close(master)
    assert process.wait(120) == 0, process.stderr.read().decode() if process.stderr else ""
    text = output.decode("utf-8")
    assert "\x1b" not in text
    return text.replace("\r\n", "\n").rstrip("\n").split("\n")


def cells(line: str) -> int:
    """How many terminal cells a line of shaped text takes (marks take none)."""
    return sum(0 if unicodedata.combining(c) else 1 for c in line)


def entity_names(path: Path) -> list[str]:
    """The entity names `reader entities` finds, as JSON gives them."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "entities", str(path)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return [entity["name"] for entity in json.loads(result.stdout)["entities"]]


def fribidi_visual(text: str) -> str | None:
    """FriBidi's shaped visual line for `text` (its lam-alef placeholder U+FEFF removed), or
    None when fribidi is not installed (CI installs it)."""
    fribidi = shutil.which("fribidi")
    if fribidi is None:
        if os.environ.get("CI"):
            pytest.fail("fribidi is not installed (Debian package libfribidi-bin)")
        return None
    result = subprocess.run(
        [fribidi, "--nobreak", "--nopad"], input=text.encode(), capture_output=True, check=True
    )
    return result.stdout.decode("utf-8").rstrip("\n").replace("\ufeff", "")


@pytest.mark.parametrize("path", [ARTICLE, NEWS], ids=["default-article", "news-01"])
def test_entity_table_on_a_terminal_is_shaped_right_to_left_and_aligned(path: Path) -> None:
    lines = on_terminal("entities", str(path), "--format", "table", cols=100)
    names = entity_names(path)
    assert names
    rows = [line for line in lines if line and not line.strip().endswith(")")]
    headings = [line for line in lines if line.strip().endswith(")")]
    # Headings sit at the right edge; every line fits the terminal.
    assert all(cells(h) == 100 for h in headings), headings
    assert all(cells(line) <= 100 for line in lines)
    assert len(rows) == len(names)
    for name, row in zip(names, rows, strict=True):
        shown = fit_label(name, 999).text
        # The name is the rightmost column, shaped and in visual order, two cells from the edge.
        assert row.endswith(shown), (name, row)
        assert cells(row) == 100 - 2
        assert name not in row or name == shown  # never the logical, unshaped form
        oracle = fribidi_visual(name)
        if oracle is not None and not any(unicodedata.combining(c) for c in name):
            assert shown == oracle
    # Columns are aligned by cells: every count "×N" ends at the same column.
    count_ends = {cells(row[: row.index("×") + 1]) for row in rows}
    assert len(count_ends) == 1, count_ends


def test_entity_table_piped_stays_logical() -> None:
    """The same table through a pipe: logical text, the names as the document spells them."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "entities", str(ARTICLE), "--format", "table"],
        capture_output=True,
        check=True,
        timeout=120,
    )
    out = result.stdout.decode("utf-8")
    assert "  عبد اللطيف حموشي  ×1  ¶1" in out
    assert fit_label("عبد اللطيف حموشي", 999).text not in out


def test_entity_table_with_bidi_terminal_is_shaped_in_logical_order() -> None:
    """--bidi terminal (Konsole, mlterm reorder themselves): shaped but logical, name first."""
    lines = on_terminal("entities", str(ARTICLE), "--format", "table", "--bidi", "terminal")
    logical = layout_paragraph("عبد اللطيف حموشي", None, order="logical").lines[0].text
    assert logical != fit_label("عبد اللطيف حموشي", 999).text
    assert any(line.startswith("  " + logical + " ") for line in lines), lines[:4]
    assert lines[0] == "PERSON (2)"


def test_bidi_mode_comes_from_the_settings_too(tmp_path: Path) -> None:
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "config.toml").write_text('bidi = "terminal"\n')
    lines = on_terminal(
        "entities", str(ARTICLE), "--format", "table", env={"XDG_CONFIG_HOME": str(tmp_path)}
    )
    assert lines[0] == "PERSON (2)"


def test_narrow_terminal_cuts_cells_instead_of_wrapping() -> None:
    lines = on_terminal("entities", str(NEWS), "--format", "table", cols=40)
    assert all(cells(line) <= 40 for line in lines)
    assert any("…" in line for line in lines)


def test_topic_table_on_a_terminal() -> None:
    lines = on_terminal("topics", str(ARTICLE), "--format", "table", cols=90)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "topics", str(ARTICLE)],
        capture_output=True,
        check=True,
        timeout=120,
    )
    labels = [topic["label"] for topic in json.loads(result.stdout)["topics"]]
    assert cells(lines[0]) == 90 and lines[0].endswith(f"topics ({len(labels)})")
    for label in labels:
        assert any(line.endswith(fit_label(label, 999).text) for line in lines), label
    # The main topic of paragraph 1, its number at the right edge ("¶1" read left to right).
    paragraph_rows = lines[lines.index(" " * 80 + "paragraphs") + 1 :]
    assert paragraph_rows[0].endswith("  ¶1")
    assert cells(paragraph_rows[0]) == 90 - 2
