"""Threads for the analysis workers that never keep the reader from quitting.

Textual runs thread workers on the event loop's default executor, and `asyncio.run` waits for
that executor's threads before it returns; Python then joins them again at exit. The workers
check for cancellation between paragraphs, but one paragraph can take a minute to analyse (a
5 MB file on a single line), so `q` restored the terminal and then the process lingered until
the analysis ended. Here each job runs on a daemon thread that nothing waits for: quitting is
immediate, and the unfinished analysis (whose results nobody will read) ends with the process.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class DaemonThreadExecutor(ThreadPoolExecutor):
    """Runs each job on a new daemon thread; shutting down never waits for them.

    A `ThreadPoolExecutor` only because asyncio requires one for its default executor: none of
    its pooled threads are ever started.
    """

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Start `fn(*args, **kwargs)` on its own daemon thread; its future carries the result."""
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="reader-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Do not wait: the jobs are analyses whose results are no longer wanted."""


def use_daemon_threads() -> None:
    """From inside the running event loop, make its default executor a `DaemonThreadExecutor`."""
    asyncio.get_running_loop().set_default_executor(DaemonThreadExecutor(max_workers=1))
