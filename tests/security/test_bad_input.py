"""Bad input as the user meets it: `reader FILE` in a real terminal (tmux), and the subcommands
on files with nothing to read.

The loader and `reader render` are tested on every bad input in tests/unit/text; here is what
the app shows for them. A file that cannot be opened never starts the full screen: one line
`reader: ...` and exit status 2, no traceback. A file that opens but is odd opens: empty and
whitespace-only files say "nothing to read" on screen, a 5 MB single line can be read and
scrolled, undecodable bytes show as U+FFFD with a warning on screen, and UTF-16, Windows-1256 and
CRLF files read like any other.
"""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from terminals import Tmux, article_row, first_words_visual, reader_command, reader_environment

from reader.text.load import MIB, SIZE_LIMIT

LIMIT_MB = SIZE_LIMIT // MIB
"""The size limit as the messages write it."""


def app_refuses(tmux: Tmux, arguments: list[str], env: dict[str, str]) -> str:
    """Run the app on a file it cannot open; returns its one line (after checking the status,
    that it is the only output and that there is no traceback)."""
    tmux.cols = 250  # wide enough that the message is not wrapped: one line is one row
    tmux.start(arguments, env)
    status = tmux.wait_exit()
    rows = [row for row in tmux.screen() if row]
    assert status == 2, rows
    assert "Traceback" not in "\n".join(rows)
    assert len(rows) == 2, rows  # the message, then the harness's "[exit status 2]"
    assert rows[0].startswith("reader: "), rows
    return rows[0]


def notifications(screen: list[str]) -> str:
    """The text of the notifications on screen (Textual's toasts, drawn with a `▌` edge), their
    wrapped rows joined with spaces."""
    pieces = (row.split("▌", 1)[1].strip() for row in screen if "▌" in row)
    return " ".join(piece for piece in pieces if piece)


@pytest.fixture
def big_sparse_file(tmp_path: Path) -> Path:
    """A 100 MB file (sparse: no disk used)."""
    path = tmp_path / "huge.ar.txt"
    path.touch()
    os.truncate(path, 100 * MIB)
    return path


def test_missing_file(tmux: Tmux, tmp_path: Path) -> None:
    """A missing file: one line naming it."""
    path = tmp_path / "missing.ar.txt"
    line = app_refuses(tmux, [*reader_command(), str(path)], reader_environment(tmp_path))
    assert line == f"reader: {path}: no such file"


def test_directory(tmux: Tmux, tmp_path: Path) -> None:
    """A directory: one line saying so."""
    line = app_refuses(tmux, [*reader_command(), str(tmp_path)], reader_environment(tmp_path))
    assert line == f"reader: {tmp_path}: is a directory, not a file"


def test_binary_file(tmux: Tmux, tmp_path: Path) -> None:
    """An executable: one line saying it is binary data."""
    binary = Path(shutil.which("ls") or sys.executable).resolve()
    line = app_refuses(tmux, [*reader_command(), str(binary)], reader_environment(tmp_path))
    assert line == f"reader: {binary}: binary data, not text (it contains NUL bytes)"


def test_too_large_file(tmux: Tmux, tmp_path: Path, big_sparse_file: Path) -> None:
    """A 100 MB file: refused at once, naming its size and the limit."""
    command = [*reader_command(), str(big_sparse_file)]
    line = app_refuses(tmux, command, reader_environment(tmp_path))
    assert line == f"reader: {big_sparse_file} is 100 MB; reader opens files up to {LIMIT_MB} MB"


@pytest.fixture
def locked_home(texts: Path) -> Iterator[Path]:
    """A world-readable directory holding an article of mode 000 (`locked.ar.txt`), usable as
    the home of an unprivileged user."""
    directory = Path(tempfile.mkdtemp(prefix="reader-security-"))
    try:
        directory.chmod(0o755)
        locked = directory / "locked.ar.txt"
        shutil.copyfile(texts / "news-01.ar.txt", locked)
        locked.chmod(0o000)
        yield directory
    finally:
        shutil.rmtree(directory)


def test_permission_denied(tmux: Tmux, locked_home: Path) -> None:
    """A file the user may not read (as a non-root user: nobody when the tests run as root)."""
    path = locked_home / "locked.ar.txt"
    command = [*reader_command(), str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            if os.environ.get("CI"):
                pytest.fail("running as root without setpriv (util-linux)")
            pytest.skip("running as root without setpriv (util-linux)")
        command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    env = reader_environment(locked_home, HOME=str(locked_home))
    line = app_refuses(tmux, command, env)
    assert line == f"reader: {path}: permission denied (the file cannot be read)"


@pytest.mark.parametrize(
    ("data", "what"), [(b"", "empty"), (b" \n\t\n\r\n   \n", "only white space")]
)
def test_nothing_to_read_is_said_on_screen(
    tmux: Tmux, tmp_path: Path, data: bytes, what: str
) -> None:
    """An empty or whitespace-only file opens, and the screen says there is nothing to read."""
    (tmp_path / "blank.txt").write_bytes(data)
    tmux.start([*reader_command(), "blank.txt"], reader_environment(tmp_path), cwd=tmp_path)
    screen = tmux.wait_for_reader("nothing to read")
    assert notifications(screen) == f"nothing to read: blank.txt is {what}"
    assert any(row.startswith(" ¶ 0/0") for row in screen)
    tmux.keys("q")
    assert tmux.wait_exit() == 0


def test_a_five_megabyte_line_opens_and_scrolls(tmux: Tmux, tmp_path: Path, texts: Path) -> None:
    """A single 5 MB line (one paragraph) opens with its first words at the top right, space
    pages through it (the rows change, the key bar stays), and `q` quits at once although the
    entity analysis of that one paragraph is still running (it takes about a minute)."""
    source = (texts / "news-07.ar.txt").read_text(encoding="utf-8")
    words = " ".join(line for line in source.splitlines() if line.strip())
    line = (words + " ") * (5 * MIB // len(words.encode("utf-8")) + 1)
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size > 5 * MIB
    tmux.start([*reader_command(), str(path)], reader_environment(tmp_path))
    first = tmux.wait_for_reader(" ¶ 1/1", timeout=60)
    assert article_row(first[1], tmux.cols).endswith(first_words_visual(line))
    tmux.keys("space")
    second = tmux.wait_for_reader(" ¶ 1/1")
    tmux.keys("space")
    third = tmux.wait_for_reader(" ¶ 1/1")
    assert first[1:-3] != second[1:-3] != third[1:-3]
    assert first[-1] == second[-1] == third[-1]
    tmux.keys("q")
    assert tmux.wait_exit() == 0


def test_undecodable_bytes_are_shown_with_a_warning(
    tmux: Tmux, tmp_path: Path, texts: Path
) -> None:
    """Invalid UTF-8 inside good UTF-8 opens: U+FFFD stands for each bad byte in the article,
    and a warning on screen says how many there were."""
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    head, tail = text.split("\n", 1)
    data = head.encode("utf-8") + b"\n" + b"\xff\xfe" + tail.encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    tmux.start([*reader_command(), str(path)], reader_environment(tmp_path))
    screen = tmux.wait_for_reader("undecodable")
    assert notifications(screen) == "2 undecodable bytes shown as \ufffd"
    assert any("\ufffd\ufffd" in row for row in screen[1:-2])
    tmux.keys("q")
    assert tmux.wait_exit() == 0


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "utf-8-bom": lambda text: text.encode("utf-8-sig"),
    "utf-16-le-bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "windows-1256": lambda text: text.encode("cp1256"),
}
"""Ways the same article arrives on disk."""


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_other_encodings_read_like_utf8(
    tmux: Tmux, tmp_path: Path, texts: Path, encoding: str
) -> None:
    """CRLF, a UTF-8 BOM, UTF-16 with a BOM and Windows-1256: the first words of the article
    end the first article row, as in UTF-8, and no warning is shown."""
    text = (texts / "news-03.ar.txt").read_text(encoding="utf-8")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    tmux.start([*reader_command(), str(path)], reader_environment(tmp_path))
    screen = tmux.wait_for_reader()
    first = next(line for line in text.splitlines() if line.strip())
    assert article_row(screen[1], tmux.cols).endswith(first_words_visual(first)), screen[1]
    assert "\ufffd" not in "\n".join(screen)
    tmux.keys("q")
    assert tmux.wait_exit() == 0


# The subcommands on files with nothing to read


def run_cli(arguments: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run `reader ARGUMENTS` with `stdin`, as from a shell pipeline."""
    result = subprocess.run(
        [*reader_command(), *arguments], input=stdin, capture_output=True, timeout=120, check=False
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


EMPTY_OUTPUT = {
    "render": "",
    "entities": '{\n  "entities": []\n}\n',
    "topics": '{\n  "topics": [],\n  "paragraphs": []\n}\n',
}
"""What each subcommand prints for a document without paragraphs: nothing, or empty lists."""


@pytest.mark.parametrize("subcommand", list(EMPTY_OUTPUT))
@pytest.mark.parametrize(
    ("data", "what"), [(b"", "empty"), (b"\n \t \r\n\xc2\xa0\n", "only white space")]
)
def test_subcommands_say_there_is_nothing_to_read(
    tmp_path: Path, subcommand: str, data: bytes, what: str
) -> None:
    """Empty or whitespace-only input is not an error (exit 0, empty results, as `cat` would),
    but stderr says in one line why there is no output."""
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    result = run_cli([subcommand, str(path)])
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"reader: nothing to read: {path} is {what}\n"
    assert result.stdout == EMPTY_OUTPUT[subcommand]


def test_empty_standard_input(tmp_path: Path) -> None:
    """Nothing on standard input: the same, naming <stdin>."""
    result = run_cli(["render", "-"])
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "reader: nothing to read: <stdin> is empty\n"


def test_a_file_name_cannot_reorder_the_message(tmp_path: Path) -> None:
    """A bidi override in a file name is escaped in the message, like a control character, so
    the name cannot reverse the words after it in a terminal that does bidi."""
    path = tmp_path / "invoice\u202efdp.txt"
    result = run_cli(["render", str(path)])
    assert result.returncode == 2
    assert result.stderr == f"reader: {tmp_path}/invoice\\u202efdp.txt: no such file\n"
