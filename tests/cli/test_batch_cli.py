"""`reader entities` and `reader topics` over many documents: JSON Lines with paths, in order,
on --jobs processes and on a Dask cluster, bad files reported and skipped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / ".." / "shared" / "data" / "texts"
NEWS = [TEXTS / f"news-0{n}.ar.txt" for n in range(1, 6)]


def reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of real news texts, two of them in a subfolder, and a file of other kind."""
    (tmp_path / "sub").mkdir()
    for k, path in enumerate(NEWS):
        shutil.copy(path, tmp_path / ("sub" if k >= 3 else "") / path.name)
    (tmp_path / "notes.md").write_text("ليس نصا للقراءة", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["entities", "topics"])
def test_each_document_is_the_line_its_own_run_gives(command: str) -> None:
    result = reader(command, "--jobs", "2", *map(str, NEWS[:3]))
    assert result.returncode == 0, result.stderr.decode()
    found = lines(result)
    assert [line["path"] for line in found] == [str(p) for p in NEWS[:3]]
    for line, path in zip(found, NEWS[:3], strict=True):
        alone = json.loads(reader(command, str(path)).stdout)
        assert {k: v for k, v in line.items() if k != "path"} == alone


def test_a_folder_is_read_recursively_in_order_with_glob(corpus: Path) -> None:
    result = reader("entities", "--jobs", "2", str(corpus))
    assert result.returncode == 0, result.stderr.decode()
    expected = sorted(p.name for p in NEWS)
    assert [Path(str(line["path"])).name for line in lines(result)] == expected
    only = reader("entities", "--jobs", "1", "--glob", "*-0[45].ar.txt", str(corpus))
    assert [Path(str(line["path"])).name for line in lines(only)] == expected[3:]
    markdown = reader("topics", "--glob", "*.md", str(corpus))
    assert [line["path"] for line in lines(markdown)] == [str(corpus / "notes.md")]


def test_a_list_on_stdin(corpus: Path) -> None:
    listed = "\n".join(str(p) for p in NEWS[:2]) + "\n\n"
    result = reader("entities", "--files-from", "-", stdin=listed.encode())
    assert [line["path"] for line in lines(result)] == [str(p) for p in NEWS[:2]]
    nul = "\0".join(str(p) for p in NEWS[1:3]).encode()
    result = reader("entities", "--files-from", "-", "--null", stdin=nul)
    assert [line["path"] for line in lines(result)] == [str(p) for p in NEWS[1:3]]


@pytest.mark.parametrize("command", ["entities", "topics"])
def test_bad_files_are_reported_and_skipped_with_a_failing_status(
    command: str, tmp_path: Path
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.txt"
    args = [str(NEWS[0]), str(binary), str(NEWS[1]), str(missing), str(NEWS[2])]
    result = reader(command, "--jobs", "2", *args)
    assert result.returncode == 1
    assert [line["path"] for line in lines(result)] == [str(p) for p in NEWS[:3]]
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 2, errors
    assert str(binary) in errors[0] and "binary" in errors[0]
    assert str(missing) in errors[1] and "no such file" in errors[1]


def test_jobs_give_the_same_lines_as_one_process(corpus: Path) -> None:
    one = reader("entities", "--jobs", "1", str(corpus))
    two = reader("entities", "--jobs", "2", str(corpus))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and len(lines(one)) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", str(NEWS[0])], "--files-from -"),
        (["--format", "table", str(NEWS[0]), str(NEWS[1])], "use jsonl"),
        (["--jobs", "0", str(NEWS[0])], "between 1 and 1024"),
    ],
)
def test_what_a_batch_cannot_do_is_one_line(args: list[str], message: str) -> None:
    result = reader("entities", *args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_a_dask_cluster_gives_what_jobs_give(corpus: Path) -> None:
    """A LocalCluster of two worker processes runs the same per-document function."""
    distributed = pytest.importorskip("distributed")  # reader[dask], in the test extra
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = reader("entities", "--scheduler", cluster.scheduler_address, str(corpus))
        topics_on_dask = reader("topics", "--scheduler", cluster.scheduler_address, str(corpus))
    local = reader("entities", "--jobs", "2", str(corpus))
    assert on_dask.returncode == 0, on_dask.stderr.decode()
    assert on_dask.stdout == local.stdout and len(lines(local)) == 5
    assert topics_on_dask.stdout == reader("topics", "--jobs", "2", str(corpus)).stdout


def test_an_unreachable_scheduler_is_one_line() -> None:
    pytest.importorskip("distributed")
    result = reader("entities", "--scheduler", "tcp://127.0.0.1:9", str(NEWS[0]))
    assert result.returncode == 2
    assert "cannot reach the Dask scheduler" in result.stderr.decode()
    assert b"Traceback" not in result.stderr
