"""`reader render` as a user runs it: a subprocess, real files, stdout read back as cells."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

from rich.cells import cell_len

from reader.layout import layout_paragraph
from reader.text.load import load_document

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
ARTICLE = ROOT / "assets" / "article.ar.txt"
NEWS = DATA / "texts" / "news-01.ar.txt"
MIXED = DATA / "texts" / "mixed-03.ar.txt"


def run_render(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """`python -m reader render ARGS`, stdout and stderr captured as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "render", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def output_lines(result: subprocess.CompletedProcess[bytes]) -> list[str]:
    """The lines a successful run printed (its exit status checked)."""
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode("utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def blocks(lines: list[str]) -> list[list[str]]:
    """The printed lines grouped by paragraph (blank lines separate them)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        else:
            groups.append([])
    return groups


def test_default_article_without_a_file() -> None:
    """No file: the bundled article, one block of lines per paragraph."""
    lines = output_lines(run_render("--width", "60"))
    document = load_document(None)
    assert len(blocks(lines)) == len(document.paragraphs)
    first = layout_paragraph(document.paragraphs[0].text, 60).lines[0].text.rstrip(" ")
    assert lines[0].lstrip(" ") == first.lstrip(" ")


def test_width_40_lines_fit_and_rtl_lines_are_right_aligned() -> None:
    """Every line is at most 40 cells; RTL lines are padded on the left so that they end at
    the right edge, with no trailing space."""
    lines = output_lines(run_render(str(NEWS), "--width", "40"))
    document = load_document(str(NEWS))
    expected: list[str] = []
    for paragraph in document.paragraphs:
        layout = layout_paragraph(paragraph.text, 40)
        assert layout.rtl
        expected.extend(line.text for line in layout.lines)
    printed = [line for line in lines if line]
    assert len(printed) == len(expected)
    for shown, line_text in zip(printed, expected, strict=True):
        assert cell_len(shown) <= 40
        assert not shown.endswith(" ")
        assert shown.strip(" ") == line_text.strip(" ")
        if not line_text.endswith(" "):
            assert cell_len(shown) == 40  # right-aligned: the last cell at the right edge
    assert sum(shown.startswith(" ") for shown in printed) > len(printed) // 2


def test_width_0_gives_one_unpadded_line_per_paragraph() -> None:
    """`--width 0`: no wrapping, one line per paragraph, no padding."""
    lines = output_lines(run_render(str(NEWS), "--width", "0"))
    document = load_document(str(NEWS))
    groups = blocks(lines)
    assert [len(group) for group in groups] == [1] * len(document.paragraphs)
    for group, paragraph in zip(groups, document.paragraphs, strict=True):
        assert group[0] == layout_paragraph(paragraph.text, None).lines[0].text.rstrip(" ")
        assert not group[0].startswith(" ")


def test_one_blank_line_between_paragraphs() -> None:
    """Paragraphs are separated by exactly one blank line; none before the first or after the
    last."""
    lines = output_lines(run_render(str(NEWS), "--width", "50"))
    assert lines[0] and lines[-1]
    assert all(not (a == "" and b == "") for a, b in itertools.pairwise(lines))
    assert lines.count("") == len(load_document(str(NEWS)).paragraphs) - 1


def test_dash_reads_stdin() -> None:
    """`-` reads the document from standard input: the same lines as from the file."""
    from_stdin = output_lines(run_render("-", "--width", "50", stdin=NEWS.read_bytes()))
    from_file = output_lines(run_render(str(NEWS), "--width", "50"))
    assert from_stdin == from_file


def test_direction_ltr_forces_left_aligned_ltr_lines() -> None:
    """`--direction ltr`: Arabic paragraphs laid out LTR, so nothing is padded on the left and
    the paragraph's first word comes first."""
    lines = output_lines(run_render(str(NEWS), "--width", "40", "--direction", "ltr"))
    document = load_document(str(NEWS))
    printed = [line for line in lines if line]
    assert not any(line.startswith(" ") for line in printed)
    first = layout_paragraph(document.paragraphs[0].text, 40, "ltr")
    assert not first.rtl
    assert printed[0] == first.lines[0].text.rstrip(" ")
    assert printed != [
        line.lstrip(" ") for line in output_lines(run_render(str(NEWS), "--width", "40")) if line
    ]


def test_no_escape_sequence_reaches_the_output(tmp_path: Path) -> None:
    """A document full of escape sequences and other C0/C1 controls prints none of them: no
    ESC, no C0 control except the newlines between lines, no C1 control. (NUL is left out: the
    loader refuses such a file as binary.)"""
    hostile = (
        "\x1b[2J\x1b[31mأحمر\x1b[0m \x1b]0;title\x07 نص\x9b31m\n"
        "\x1b[?1049h\x08\x0b\x0c\x7f مرحبا \x1bP+q\x1b\\ \x01\x0d\x1b[6n\n"
        "\t\x1b(0lqk\x1b(B \u202eexe.txt \u2067RTL\u2069\n"
    )
    path = tmp_path / "hostile.txt"
    path.write_bytes(hostile.encode("utf-8"))
    for width in ("0", "12", "40"):
        result = run_render(str(path), "--width", width)
        assert result.returncode == 0, result.stderr.decode()
        out = result.stdout.decode("utf-8")
        assert "\x1b" not in out
        assert not any(ord(c) < 0x20 and c != "\n" for c in out)
        assert not any(0x7F <= ord(c) < 0xA0 for c in out)
        assert "\u202e" not in out and "\u2067" not in out
        assert "\u241b" in out  # ESC shown as the visible ␛


def test_missing_file_is_one_line_on_stderr_exit_2(tmp_path: Path) -> None:
    """A missing file: exit status 2, one line on stderr, no traceback, nothing on stdout."""
    result = run_render(str(tmp_path / "no-such-file.txt"))
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert "Traceback" not in err and "no-such-file.txt" in err


def test_negative_width_is_a_clear_error() -> None:
    """`--width -3`: a one-line message naming the option, exit status 2, no traceback."""
    result = run_render(str(NEWS), "--width", "-3")
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode("utf-8")
    assert err.count("\n") == 1 and "--width" in err and "-3" in err
    assert "Traceback" not in err


def test_mixed_text_every_line_fits() -> None:
    """A mixed Arabic/English/code document (RTL and LTR paragraphs): every line fits the width,
    RTL lines are right-aligned, LTR lines are not padded."""
    width = 33
    lines = output_lines(run_render(str(MIXED), "--width", str(width)))
    document = load_document(str(MIXED))
    groups = blocks(lines)
    assert len(groups) == len(document.paragraphs)
    for group, paragraph in zip(groups, document.paragraphs, strict=True):
        rtl = layout_paragraph(paragraph.text, width).rtl
        for line in group:
            assert cell_len(line) <= width
            if not rtl:
                assert line == line.rstrip(" ")
                assert not line.startswith(" ") or paragraph.text.startswith(" ")
