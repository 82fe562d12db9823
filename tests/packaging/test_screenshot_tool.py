"""tools/screenshot.py, which regenerates the README's screenshot, really draws reader in xterm.

It needs an X server and xterm (not CI's business: CI does not install them), so this test
runs where they are and is skipped, saying why, where they are not."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "xterm", "xdotool", "import")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_readme_shows_the_screenshot_the_tool_makes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/screenshot.png)" in readme
    assert "tools/screenshot.py" in readme
    assert png_size(ROOT / "docs" / "screenshot.png") > (1000, 700)  # 120x40 cells


def test_screenshot_tool_draws_the_reader(tmp_path: Path) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI installs {', '.join(missing)} (.ci/run); they are missing")
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xterm xdotool imagemagick)")
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshot.py"), "--out", str(out),
         "--size", "60x20", "--wait", "4", "--keys", "question"],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    width, height = png_size(out)
    # 60x20 cells of DejaVu Sans Mono 12 (10x20 pixels), the frame trimmed off.
    assert 560 <= width <= 640 and 380 <= height <= 420, (width, height)
    colours = subprocess.run(
        ["identify", "-format", "%k", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert int(colours) > 20  # text drawn with antialiasing, not an empty window
