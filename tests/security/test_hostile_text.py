"""A document cannot drive the terminal: its escape sequences, controls, markup and bidi controls
are shown inert, and nothing in it draws outside the article.

Proved on the real app twice over: on every byte it writes to a pseudo-terminal (none of the
document's sequences is there, and every escape sequence there is one of the app's own), and on
the screen tmux draws (the pictures ␛ are visible, tmux's clipboard buffers and pane title are
untouched, the markup reads literally, the status line counts the bidi controls removed). A
control run of `cat` on the same file shows the tmux probes do catch a program that passes the
sequences through.
"""

from __future__ import annotations

import base64
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import HOSTILE_BIDI_CONTROLS, HOSTILE_LINES, PLANTED
from rich.cells import cell_len
from terminals import EXIT_STATUS, PtyRun, Tmux, reader_command, reader_environment, wait_until

from reader.terminals.rows import OPEN
from reader.ui.words import word

REMOVED = word("bidi-removed", "en")
"""The status line's words after the count of bidi controls removed."""

APP_OWN_SEQUENCES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[$ ]?[@-~]"  # CSI: cursor moves, colours, private modes, queries
    rb"|\x1b\]22;[a-z-]*(?:\x07|\x1b\\)"  # OSC 22: the mouse pointer's shape
    rb"|\x1b\]52;c;[A-Za-z0-9+/=]*(?:\x07|\x1b\\)"  # OSC 52: the copy the user asked for (y)
)
"""The escape sequences Textual and the reader write themselves. OSC 52 carries base64 only."""

ACTING_CHARACTERS = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
"""What must never be in the output once decoded: C1 controls (as characters, or as raw bytes
that are not UTF-8, escaped by surrogateescape) and explicit bidi controls."""


@pytest.mark.parametrize("bidi", ["app", "terminal"])
def test_no_byte_of_the_documents_sequences_reaches_the_terminal(
    run_in_pty: Callable[..., PtyRun], hostile_file: Path, bidi: str
) -> None:
    """Everything the app writes, from start to quit (with a copy of the hostile title), holds
    none of the planted sequences, no C1 control, no bidi control, no bell outside the app's own
    sequences, and no escape sequence but the app's own."""
    run = run_in_pty("--bidi", bidi, str(hostile_file))
    run.wait_for("␛".encode())
    run.wait_for(REMOVED.encode())
    run.send(b"y")  # copy the first paragraph: the app's own OSC 52, with the text sanitised
    run.wait_for(b"\x1b]52;c;")
    run.send(b"q")
    assert run.wait_exit(timeout=15) == 0
    output = bytes(run.output)

    for planted in PLANTED:
        assert planted not in output, planted
    text = output.decode("utf-8", "surrogateescape")
    if bidi == "terminal":
        # Terminal mode's own LEFT-TO-RIGHT MARK + OVERRIDE pairs (reader.terminals.rows) are
        # the only bidi controls allowed: never one from the document, never a PDF or an RLO.
        text = text.replace(OPEN, "")
    assert not ACTING_CHARACTERS.findall(text)
    outside = APP_OWN_SEQUENCES.sub(b"", output)
    stray = {byte for byte in outside if (byte < 0x20 and byte not in b"\r\n") or byte == 0x7F}
    assert not stray, sorted(hex(byte) for byte in stray)

    copied = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)", output)
    assert len(copied) == 1
    expected = re.sub("[\x00-\x08\x0a-\x1f\x7f-\x9f]", "", HOSTILE_LINES[0])
    assert base64.b64decode(copied[0]).decode("utf-8") == expected


def article_rows(screen: list[str]) -> list[str]:
    """The rows between the title row and the status line."""
    status = next(i for i, row in enumerate(screen) if row.startswith(" ¶"))
    return screen[1:status]


def test_the_screen_shows_the_sequences_as_pictures(tmux: Tmux, hostile_file: Path) -> None:
    """In tmux (clipboard writes allowed): pictures of the sequences on screen, no tmux buffer
    made, pane title unchanged, markup literal, the bidi controls counted in the status line."""
    tmux.start([*reader_command(), str(hostile_file)], reader_environment(hostile_file.parent))
    screen = tmux.wait_for_reader(REMOVED)
    text = "\n".join(screen)
    for picture in (
        "␛[2JCLEARED",
        "␛[HHOMED",
        "␛cRESET",
        "␛]52;c;UFdORUQtQ0xJUEJPQVJE␇",
        "␛]8;;http://evil.example/␛\\click␛]8;;␛\\",
        "␛]2;PWNED-OSC2␛\\",
        "␛[6nREPORTED",
        "␛P+q544e␛\\DCS",
        "␛[?1049lALTOFF",
    ):
        assert picture in text, picture
    assert "\ufffd31mC1RED" in text  # a C1 control has no picture: U+FFFD stands for it
    for markup in ("[bold]x[/bold]", "[@click=app.quit]q[/]", "[link=http://x]y[/link]"):
        assert markup in text, markup
    assert "invoicefdp.exe" in text  # the override removed: the name reads as it is stored
    # The title bar shows the headline's sequence inert too (in an RTL line: visual order).
    assert all(part in screen[0] for part in ("␛", "PWNED-TITLE", "␇"))
    status = next(row for row in screen if row.startswith(" ¶"))
    assert status.endswith(f"{HOSTILE_BIDI_CONTROLS} {REMOVED}")

    assert tmux.buffers() == ""
    assert "PWNED" not in tmux.pane("pane_title")
    assert not EXIT_STATUS.search(text)  # still running: the markup's click did nothing
    tmux.keys("q")
    assert tmux.wait_exit() == 0


def test_the_tmux_probes_catch_a_program_that_passes_sequences_through(
    tmux: Tmux, hostile_file: Path
) -> None:
    """Control: `cat` on the same file sets tmux's clipboard buffer (OSC 52) and the pane title
    (OSC 0/2), so the checks above would see a reader that let them through."""
    tmux.start(["cat", str(hostile_file)], reader_environment(hostile_file.parent))
    wait_until(lambda: "PWNED-CLIPBOARD" in tmux.buffers(), 10, "cat's OSC 52 to fill a buffer")
    assert "PWNED" in tmux.pane("pane_title")


FLOODS = (
    "عنوان قصير",
    "x" * 3000,
    "ب" * 2500,
    "中文字日本語한국" * 300,
    "a" + "\u0301" * 200 + " b" + "\u0651" * 300 + " end",
    "ب" + "\u0651\u064e" * 150 + " " + "\U0001f468\u200d\U0001f469\u200d\U0001f467" * 50,
    "\t" * 100 + "tabs",
    "e\u0301" * 800,
    "\u0600\u0601\u0602\u06dd" * 100,
    "\u202e" * 100 + "override flood",
    "\u200f\u200e\u061c\u200b\u2060\ufeff" * 100 + "format flood",
)
"""Lines that try to draw outside the article: too long for any line, wide CJK, combining-mark
floods on Latin and Arabic letters, emoji ZWJ sequences, tabs, prepended concession marks,
bidi and format control floods."""


def test_nothing_draws_outside_the_article(tmux: Tmux, tmp_path: Path, texts: Path) -> None:
    """With a document of floods, the title, the panel, the separator, the status line and the
    key bar are exactly where and what they are with an ordinary article."""
    plain = tmp_path / "plain.txt"
    plain.write_text(FLOODS[0] + "\n" + (texts / "news-02.ar.txt").read_text("utf-8"), "utf-8")
    floods = tmp_path / "floods.txt"
    floods.write_text("\n".join(FLOODS) + "\n", encoding="utf-8")
    env = reader_environment(tmp_path)

    tmux.start([*reader_command(), str(plain)], env)
    reference = tmux.wait_for_reader()
    tmux.keys("q")
    tmux.wait_exit()
    tmux.respawn([*reader_command(), str(floods)], env)
    separator = cell_len(reference[1].split("▕")[0])
    for number in range(1, len(FLOODS) + 1):  # each flood in turn the current paragraph
        if number > 1:
            tmux.keys("j")
        screen = tmux.wait_for_reader(f" ¶ {number}/{len(FLOODS)} ")
        assert screen[0] == reference[0]  # the title: the same short first paragraph
        assert screen[-1] == reference[-1]  # the key bar
        rows = article_rows(screen)
        assert len(rows) == len(article_rows(reference))
        assert rows[0].split("▕")[0] == reference[1].split("▕")[0]  # the panel's tabs
        for row in rows:
            assert "▕" in row, row
            assert cell_len(row.split("▕")[0]) == separator, row
            assert cell_len(row) <= tmux.cols, row
        assert any(row.endswith("▍") or "▍ " in row for row in rows)  # the current paragraph
    screen = tmux.wait_for_reader(REMOVED)
    status = next(row for row in screen if row.startswith(" ¶"))
    assert status.endswith(f"{FLOODS[-2].count(chr(0x202E))} {REMOVED}")


def test_a_file_name_is_shown_inert_in_the_title(tmux: Tmux, tmp_path: Path, texts: Path) -> None:
    """A long first paragraph puts the file name in the title bar: its markup reads literally,
    its control and bidi characters are escaped (`\\x1b`, `\\u202e`), not obeyed."""
    name = "[@click=app.quit]evil[b] \x1b[2J \u202egnp.txt"  # no "/" in a file name
    path = tmp_path / name
    lines = (texts / "news-02.ar.txt").read_text("utf-8").splitlines()
    body = [line for line in lines[1:] if line.strip()]  # without the short headline
    assert len(body[0]) > 60  # too long for a title: the title bar shows the file name
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    tmux.start([*reader_command(), str(path)], reader_environment(tmp_path))
    screen = tmux.wait_for_reader()
    assert screen[0].strip() == "[@click=app.quit]evil[b] \\x1b[2J \\u202egnp.txt"


NAMES_WITH_CONTROLS = (
    "التقى الرئيس عبد الفتاح \u202e السيسي بالملك محمد السادس في الرباط\n"
    "وبحث الرئيس عبد الفتاح \u202e السيسي مع الملك محمد السادس ملف الأمن \u202e الغذائي\n"
    "وناقش الأمن \u202e الغذائي في الرباط \x1b[2J \x9b31m\n"
)
"""Names and key phrases with a bidi override between their words (and escapes nearby)."""

HUMAN_OUTPUTS = {
    "render": ["render"],
    "entities-table": ["entities", "--format", "table"],
    "topics-table": ["topics", "--format", "table"],
}
"""The subcommands' outputs meant for people at a terminal (json and tsv are for programs and
keep the text exactly)."""


@pytest.mark.parametrize(
    "output",
    [
        "render",
        "entities-table",
        "topics-table",
    ],
)
def test_subcommand_output_for_people_is_inert(tmp_path: Path, output: str) -> None:
    """`reader render`, `entities --format table` and `topics --format table` print nothing
    that acts on a terminal: no ESC or other control but newline, no C1, no bidi control."""
    path = tmp_path / "names.txt"
    path.write_text(NAMES_WITH_CONTROLS, encoding="utf-8")
    result = subprocess.run(
        [*reader_command(), *HUMAN_OUTPUTS[output], str(path)],
        capture_output=True,
        timeout=120,
        check=False,
        env=reader_environment(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert text.strip()
    acting = re.findall("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    assert not acting, sorted(set(acting))
