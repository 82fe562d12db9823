"""`reader --version`, as terminal tools answer it: one line on stdout, exit status 0."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import reader

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_one_line_naming_the_project_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    declared = re.search(r'^version = "([^"]+)"$', (ROOT / "pyproject.toml").read_text(), re.M)
    assert declared is not None
    # The installed metadata, the package's own __version__ and pyproject.toml agree.
    assert result.stdout == f"reader {declared.group(1)}\n"
    assert version("reader") == reader.__version__ == declared.group(1)
