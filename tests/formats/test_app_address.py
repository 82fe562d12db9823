"""The app on a web address, in tmux: the article is shown, and after quitting, reopening the
same address with the server gone shows it again from the cache, at the paragraph left."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Server
from pages import NEWS, news_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "security"))
from terminals import Tmux, reader_command, reader_environment


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(tmp_path)
    try:
        yield server
    finally:
        server.kill()


def test_an_address_reopens_offline_where_it_was_left(
    tmux: Tmux, server: Server, home: Path
) -> None:
    page = news_page(NEWS[6])
    url = server.page("/wikimania", page.html)
    total = len(page.expected)
    env = reader_environment(home, XDG_CACHE_HOME=str(home / "cache"))
    tmux.start([*reader_command(), url], env)
    tmux.wait_for_reader(f"¶ 1/{total}")
    tmux.keys("j", "j", "j")
    tmux.wait_for_text(f"¶ 4/{total}")
    tmux.keys("q")
    assert tmux.wait_exit() == 0
    server.httpd.shutdown()
    server.httpd.server_close()
    tmux.respawn([*reader_command(), url], env)
    tmux.wait_for_reader(f"¶ 4/{total}")
    assert [path for path, _ in server.requests] == ["/wikimania"]
