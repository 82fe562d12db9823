"""A large paste into the search box, holding ESC characters (so it may arrive key by key, not
as one bracketed paste), costs at most its length: the reader answers keys soon after and the
query is bounded."""

from __future__ import annotations

import time
from pathlib import Path

from terminals import Tmux, reader_command, reader_environment

from reader.ui.widgets.search_bar import MAX_QUERY


def test_a_large_paste_with_escapes_into_the_search_box(
    tmux: Tmux, texts: Path, home: Path
) -> None:
    """20 KB of Arabic with an ESC every 40 characters pasted after `/`: within 90 s the reader
    still quits on Escape then q (it took minutes and gigabytes at 100 KB before)."""
    words = (texts / "news-01.ar.txt").read_text("utf-8").split()
    text = ""
    while len(text) < 20_000:
        text += " ".join(words)
    paste = "".join(text[i : i + 40] + "\x1b" for i in range(0, 20_000, 40))
    buffer = home / "paste.txt"
    buffer.write_text(paste, "utf-8")
    tmux.start([*reader_command(), str(texts / "news-01.ar.txt")], reader_environment(home))
    tmux.wait_for_reader()
    tmux.keys("/")
    tmux.run("load-buffer", "-b", "big", str(buffer))
    started = time.monotonic()
    tmux.run("paste-buffer", "-b", "big", "-t", tmux.target)
    tmux.keys("Escape")
    time.sleep(1)
    tmux.keys("Escape", "q")
    assert tmux.wait_exit(timeout=90) == 0
    assert time.monotonic() - started < 90
    assert MAX_QUERY <= 1000
