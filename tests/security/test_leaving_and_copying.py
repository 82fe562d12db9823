"""The small pieces behind two promises, tested directly: a copy holds nothing a paste would act
on (`reader.text.clipboard`), and the analysis threads never hold the reader back when it quits
(`reader.ui.workers`); signals map to the shell's exit statuses (`reader.ui.signals`)."""

from __future__ import annotations

import asyncio
import signal
import threading
from pathlib import Path

import pytest

from reader.text.clipboard import clipboard_text
from reader.text.load import load_document
from reader.ui import signals
from reader.ui.workers import DaemonThreadExecutor


def test_a_copy_keeps_the_text_and_drops_what_acts(texts: Path) -> None:
    """Arabic with harakat, ZWNJ (Persian), tabs and LRM stay; ESC, BEL, C1, NUL, DEL, line
    breaks and the explicit bidi controls go."""
    persian = load_document(str(texts / "persian-01.fa.txt")).paragraphs[0].text
    diacritised = load_document(str(texts / "diacritics-01.ar.txt")).paragraphs[0].text
    for text in (persian, diacritised, "a\tb", "x\u200ey"):
        assert clipboard_text(text) == text
    hostile = "ok\x1b[201~rm -rf ~\x07\x9b2J\x00\x7f\r\n\u202egnp.exe\u2066x\u2069"
    assert clipboard_text(hostile) == "ok[201~rm -rf ~2Jgnp.exex"


def test_daemon_executor_runs_jobs_on_daemon_threads() -> None:
    """Results and exceptions reach the futures; the threads are daemons; shutdown returns at
    once even while a job still runs."""
    executor = DaemonThreadExecutor(max_workers=1)
    release = threading.Event()
    seen: list[bool] = []

    def job(value: int) -> int:
        seen.append(threading.current_thread().daemon)
        release.wait(5)
        return value * 2

    def failing() -> None:
        raise ValueError("bad paragraph")

    pending = executor.submit(job, 21)
    executor.shutdown(wait=True)  # must not wait for the running job
    assert not pending.done()
    release.set()
    assert pending.result(timeout=5) == 42
    assert seen == [True]
    with pytest.raises(ValueError, match="bad paragraph"):
        executor.submit(failing).result(timeout=5)


def test_asyncio_runs_thread_jobs_on_it_and_does_not_wait_at_the_end() -> None:
    """As the app uses it: the loop's default executor; `asyncio.run` returns while a job that
    nobody awaits any more is still running."""
    release = threading.Event()
    started = threading.Event()

    def slow() -> None:
        started.set()
        release.wait(10)

    async def main() -> None:
        from reader.ui.workers import use_daemon_threads

        use_daemon_threads()
        asyncio.get_running_loop().run_in_executor(None, slow)
        await asyncio.to_thread(started.wait, 5)

    asyncio.run(main())  # would block ten seconds with the standard executor
    assert started.is_set() and not release.is_set()
    release.set()


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_exit_status_after_a_signal(signum: int, status: int) -> None:
    """128 + the signal's number, as shells report a program ended by it."""
    assert signals.exit_status(signum) == status
