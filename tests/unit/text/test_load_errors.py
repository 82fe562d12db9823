"""Input that cannot be read as an article gives one clear LoadError line naming the file."""

from __future__ import annotations

import codecs
import errno
import io
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.errors import UserError
from reader.text import LoadError, decode_document, load_document
from reader.text.load import SIZE_LIMIT

MIB = 1024 * 1024


def load_error(path: str, **options: io.BytesIO) -> str:
    """Load a path that must fail; return the message after checking it is one line."""
    with pytest.raises(LoadError) as caught:
        load_document(path, **options)
    message = str(caught.value)
    assert message and "\n" not in message and "\r" not in message
    return message


def test_load_error_is_a_user_error() -> None:
    """The CLI and the app show UserError as one line: LoadError must be one."""
    assert issubclass(LoadError, UserError)


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is named, with what is wrong."""
    path = tmp_path / "missing.ar.txt"
    assert load_error(str(path)) == f"{path}: no such file"


def test_directory(tmp_path: Path) -> None:
    """A directory is refused as such."""
    assert load_error(str(tmp_path)) == f"{tmp_path}: is a directory, not a file"


def test_other_os_errors_give_their_reason(tmp_path: Path) -> None:
    """Any other OSError (here a file used as a directory, a name too long) gives its strerror."""
    inside_file = tmp_path / "file.txt"
    inside_file.write_text("نص", encoding="utf-8")
    message = load_error(str(inside_file / "article.txt"))
    assert message == f"{inside_file / 'article.txt'}: cannot be read: {os.strerror(errno.ENOTDIR)}"
    long_name = str(tmp_path / ("ا" * 300))
    assert load_error(long_name).endswith(f": cannot be read: {os.strerror(errno.ENAMETOOLONG)}")


def test_file_names_with_line_breaks_stay_on_one_line(tmp_path: Path) -> None:
    """A file name holding a newline is escaped, so the message is still one line."""
    message = load_error(str(tmp_path / "two\nlines.txt"))
    assert "two\\nlines.txt" in message


class FailingStream(io.RawIOBase):
    """A standard input whose read fails, as a broken pipe or a terminal error would."""

    def readable(self) -> bool:
        """It claims to be readable, like any stdin."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Every read fails with an I/O error."""
        raise OSError(errno.EIO, os.strerror(errno.EIO))


def test_stdin_read_error() -> None:
    """An OSError reading stdin becomes a LoadError naming <stdin> and the reason."""
    with pytest.raises(LoadError) as caught:
        load_document("-", stdin=FailingStream())  # type: ignore[arg-type]
    assert str(caught.value) == f"<stdin>: cannot be read: {os.strerror(errno.EIO)}"


CHILD = """
import sys
from reader.text.load import LoadError, load_document
try:
    load_document(sys.argv[1])
except LoadError as error:
    print(error)
else:
    print("loaded: permission was not denied")
    sys.exit(1)
"""
"""What the unprivileged child runs: load the file and print the LoadError message."""


@pytest.fixture
def unreadable_file(texts: Path) -> Iterator[Path]:
    """A real article with mode 000, in a world-traversable directory (for a user like nobody)."""
    directory = Path(tempfile.mkdtemp(prefix="reader-permission-"))
    try:
        directory.chmod(0o755)
        path = directory / "locked.ar.txt"
        shutil.copyfile(texts / "news-01.ar.txt", path)
        path.chmod(0o000)
        yield path
    finally:
        shutil.rmtree(directory)


def as_nobody(arguments: list[str]) -> list[str] | None:
    """The command running `arguments` as the user nobody, or None if no tool can do it."""
    setpriv = shutil.which("setpriv")
    if setpriv:
        return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", *arguments]
    su = shutil.which("su")
    if su:
        return [su, "nobody", "-s", "/bin/sh", "-c", shlex.join(arguments)]
    return None


def test_permission_denied(unreadable_file: Path) -> None:
    """A file the user may not read is refused as such (checked as a non-root user)."""
    expected = f"{unreadable_file}: permission denied (the file cannot be read)"
    if os.geteuid() != 0:
        assert load_error(str(unreadable_file)) == expected
        return
    command = as_nobody([sys.executable, "-c", CHILD, str(unreadable_file)])
    if command is None:
        if os.environ.get("CI"):
            pytest.fail("running as root without setpriv or su: cannot test permission denied")
        pytest.skip("running as root without setpriv or su")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == expected
    assert "Traceback" not in result.stderr


def test_an_executable_is_binary_data() -> None:
    """A real executable (/bin/ls) is refused as binary data, not decoded into garbage."""
    executable = Path("/bin/ls") if Path("/bin/ls").is_file() else Path(sys.executable).resolve()
    message = load_error(str(executable))
    assert message == f"{executable}: binary data, not text (it contains NUL bytes)"


def test_nul_bytes_in_text_are_binary(texts: Path) -> None:
    """Text with NUL bytes in it is binary data, however Arabic the rest is."""
    raw = (texts / "news-06.ar.txt").read_bytes()
    with pytest.raises(LoadError, match=r"^nul\.txt: binary data, not text \(it contains NUL"):
        decode_document(raw[:100] + b"\x00\x00" + raw[100:], "nul.txt")


def test_utf16_without_a_byte_order_mark_is_binary(texts: Path) -> None:
    """UTF-16 needs its byte order mark: without it, its NUL bytes make it binary data."""
    text = (texts / "mixed-03.ar.txt").read_text(encoding="utf-8")
    with pytest.raises(LoadError, match="binary data"):
        decode_document(text.encode("utf-16-le"), "utf16.txt")


def test_many_control_bytes_are_binary(texts: Path) -> None:
    """A high share of control bytes, with no NUL, is binary data too."""
    raw = (texts / "news-03.ar.txt").read_bytes()
    data = bytes(range(1, 9)) * (len(raw) // 8) + raw
    with pytest.raises(LoadError, match=r"^ctl\.bin: binary data, not text \(\d+ control bytes\)$"):
        decode_document(data, "ctl.bin")


def test_a_few_control_bytes_are_still_text(texts: Path) -> None:
    """Escapes, form feeds and a stray control byte or two do not make a text binary."""
    raw = (texts / "news-03.ar.txt").read_bytes()
    document = decode_document(b"\x1b[1m\x0c\x01" + raw, "ctl.txt")
    assert document.encoding == "utf-8"
    assert document.text.endswith(raw.decode("utf-8"))


def test_utf16_with_nul_characters_is_binary(texts: Path) -> None:
    """In UTF-16 the NUL test applies to the decoded characters, not to the bytes."""
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    data = codecs.BOM_UTF16_BE + (text + "\x00").encode("utf-16-be")
    with pytest.raises(LoadError, match="binary data"):
        decode_document(data, "nul16.txt")


def test_utf32_is_refused_by_name(texts: Path) -> None:
    """UTF-32 (its BOM starts like UTF-16's) gets a message that says what it is."""
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    with pytest.raises(LoadError, match=r"^u32\.txt: UTF-32 text is not supported"):
        decode_document(text.encode("utf-32"), "u32.txt")


@pytest.mark.parametrize("name", ["news-01.ar.txt", "news-05.ar.txt", "mixed-03.ar.txt"])
def test_undecodable_data(texts: Path, write_file: Callable[[str, bytes], Path], name: str) -> None:
    """Arabic in ISO-8859-6 (neither UTF-8 nor Windows-1256) is refused, not shown as garbage."""
    data = (texts / name).read_text(encoding="utf-8").encode("iso-8859-6")
    path = write_file("iso.txt", data)
    message = load_error(str(path))
    assert message.startswith(f"{path}: cannot decode the text (")
    assert message.endswith("convert it to UTF-8")


def test_a_file_over_the_limit_is_refused_before_reading(
    write_file: Callable[[str, bytes], Path],
) -> None:
    """A 100 MB (sparse) file is refused from its size alone, naming the size and the limit."""
    path = write_file("huge.ar.txt", b"")
    os.truncate(path, 100 * MIB)
    assert SIZE_LIMIT == 64 * MIB
    assert load_error(str(path)) == f"{path} is 100 MB; reader opens files up to 64 MB"


class EndlessStream(io.RawIOBase):
    """A standard input that never ends (like `yes |`), counting the bytes handed out."""

    def __init__(self) -> None:
        """Start with nothing read."""
        super().__init__()
        self.handed_out = 0

    def readable(self) -> bool:
        """It is read like any stdin."""
        return True

    def read(self, size: int = -1) -> bytes:
        """Return as many Arabic-letter bytes as asked (a chunk if asked for all)."""
        size = MIB if size < 0 else size
        self.handed_out += size
        return b"\xc7" * size


def test_stdin_stops_reading_past_the_limit() -> None:
    """Reading stdin stops at the limit plus one byte and refuses the input as too large."""
    stream = EndlessStream()
    with pytest.raises(LoadError) as caught:
        load_document("-", stdin=stream)  # type: ignore[arg-type]
    assert str(caught.value) == "<stdin> is over 64 MB; reader opens files up to 64 MB"
    assert stream.handed_out == SIZE_LIMIT + 1


def test_decoding_more_than_the_limit_is_refused() -> None:
    """decode_document applies the same limit to bytes handed to it directly."""
    with pytest.raises(LoadError, match=r"^big is over 64 MB; reader opens files up to 64 MB$"):
        decode_document(bytes(SIZE_LIMIT + 1), "big")


def test_utf16_full_of_broken_surrogates_is_undecodable(texts: Path) -> None:
    """UTF-16 whose code units are mostly unpaired surrogates is refused, not shown as U+FFFD."""
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    body = b"".join(b"\xdc\x00" + char.encode("utf-16-be") for char in text[:200])
    with pytest.raises(LoadError, match=r"^bad16\.txt: cannot decode the text \(400 bytes"):
        decode_document(codecs.BOM_UTF16_BE + body, "bad16.txt")
