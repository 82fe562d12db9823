"""The reader starts and reads correctly whatever the terminal says it is: TERM set to
xterm-256color, screen-256color, tmux-256color or linux, and COLORTERM unset (no truecolor
promise), in a real terminal (tmux)."""

from __future__ import annotations

from pathlib import Path

import pytest
from terminals import Tmux, article_row, first_words_visual, reader_command, reader_environment

TERMS = ["xterm-256color", "screen-256color", "tmux-256color", "linux"]
"""Values of TERM met in the wild: terminal emulators, screen, tmux, the Linux console."""


@pytest.mark.parametrize("term", TERMS)
def test_the_article_reads_under_every_term(
    tmux: Tmux, tmp_path: Path, texts: Path, term: str
) -> None:
    """The first words of the article end the first article row (right-to-left, shaped), the
    status line and key bar are drawn, and `q` leaves with status 0."""
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    env = reader_environment(tmp_path, TERM=term)
    env.pop("COLORTERM", None)
    tmux.start([*reader_command(), str(texts / "news-01.ar.txt")], env)
    screen = tmux.wait_for_reader()
    first = next(line for line in text.splitlines() if line.strip())
    assert article_row(screen[1], tmux.cols).endswith(first_words_visual(first)), screen[1]
    assert screen[-1].lstrip().startswith("j/k")
    tmux.keys("q")
    assert tmux.wait_exit() == 0
