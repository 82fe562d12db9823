"""The real command turns a LoadError into one line on stderr and exit status 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_render(arguments: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run `python -m reader render ARGUMENTS` as a user would, feeding `stdin`."""
    process = subprocess.run(
        [sys.executable, "-m", "reader", "render", *arguments],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        process.args,
        process.returncode,
        process.stdout.decode("utf-8", "replace"),
        process.stderr.decode("utf-8", "replace"),
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    """Exit status 2, nothing on stdout, exactly `reader: EXPECTED` on stderr."""
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"reader: {expected}\n"


def test_missing_file(tmp_path: Path) -> None:
    """A missing file: one line naming it."""
    path = tmp_path / "missing.ar.txt"
    assert_one_line_error(run_render([str(path)]), f"{path}: no such file")


def test_directory(tmp_path: Path) -> None:
    """A directory: one line naming it."""
    assert_one_line_error(run_render([str(tmp_path)]), f"{tmp_path}: is a directory, not a file")


def test_binary_file() -> None:
    """An executable: one line saying it is binary data."""
    executable = Path("/bin/ls") if Path("/bin/ls").is_file() else Path(sys.executable).resolve()
    assert_one_line_error(
        run_render([str(executable)]),
        f"{executable}: binary data, not text (it contains NUL bytes)",
    )


def test_too_large_file(tmp_path: Path) -> None:
    """A 100 MB sparse file: refused at once, naming the size and the limit."""
    path = tmp_path / "huge.ar.txt"
    path.touch()
    os.truncate(path, 100 * 1024 * 1024)
    assert_one_line_error(
        run_render([str(path)]), f"{path} is 100 MB; reader opens files up to 64 MB"
    )


def test_undecodable_stdin(texts: Path) -> None:
    """Undecodable bytes on stdin (Arabic in ISO-8859-6): one line naming <stdin>."""
    data = (texts / "news-01.ar.txt").read_text(encoding="utf-8").encode("iso-8859-6")
    result = run_render(["-"], stdin=data)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2
    assert result.stderr.startswith("reader: <stdin>: cannot decode the text (")
    assert result.stderr.count("\n") == 1
