"""The README's test instructions match what CI does: the same system packages, the same
command (`.ci/run` says it runs the README's test command exactly)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ci_packages() -> list[str]:
    """The Debian packages `.ci/run` installs (its `apt-get install` line and continuations)."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(line for line in script.split("\n") if "apt-get install" in line)
    words = line.split("apt-get install", 1)[1].split(">")[0].split()
    return [word for word in words if not word.startswith("-")]


def readme_block() -> str:
    """The README's first sh block (install and test)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```sh\n(.*?)```", text, re.S)
    assert match is not None
    return match.group(1)


def test_readme_names_exactly_the_packages_ci_installs() -> None:
    lines = [line for line in readme_block().split("\n") if "apt-get install" in line]
    assert len(lines) == 1, lines
    assert lines[0].split("apt-get install", 1)[1].split() == ci_packages()
    assert ci_packages()  # the parse found them


def test_readme_test_command_is_the_one_ci_runs() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip("\n").split("\n")
    command = script[-1]
    assert "pytest" in command
    assert command in readme_block().split("\n")
