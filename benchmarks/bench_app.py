"""The app's speed, each figure side by side with a reference, as ratios.

    python benchmarks/bench_app.py [--runs 5] [--presses 30]

1. Launch to first paint in tmux (100×30), measured with shared/tools/first-paint (the time from
   starting the command until the pane shows a marker): `reader` on the default article against
   a minimal Textual app that shows one line (target ratio ≤ 1.3). The marker is `¶ 1/`, which
   the reader's status line shows once the article is drawn (the status is composed with it).
2. The same for `reader large-01.ar.txt` (10 MB) against `reader` on the default article
   (target ratio ≤ 1.5): the first screen must not wait for the whole document.
3. In process (Textual's pilot, headless, 100×30): the median time from a `j` key event to the
   screen drawn again (handlers run, then the frame Textual's update timer would draw),
   on both documents (target ≤ 16 ms), while the entity and topic workers still run (the worst
   case: the reader presses keys while the panel fills) and after they finished or were
   stopped (the large one's run for minutes), and on the large one once its topics are found
   and drawn in the topic map (entities stopped); beside the same measure on a minimal
   app whose `j` rewrites one line. (`pilot.press` + `pilot.pause` is not used for the timing:
   it waits a fixed ~80 ms even in an empty app.)

Commands run alternately so load on this shared machine hits both alike; XDG directories are
temporary so no reading position is restored. Needs tmux.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
LARGE = SHARED / "data" / "texts" / "large-01.ar.txt"
FIRST_PAINT = SHARED / "tools" / "first-paint"
MARKER = "¶ 1/"
"""What both the reader and the minimal app show once their first screen is drawn."""


def minimal_app() -> None:
    """The reference: the smallest Textual app that paints one line holding the marker."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class OneLine(App[None]):
        """One line of text, then nothing."""

        def compose(self) -> ComposeResult:
            """The one line."""
            yield Static(f"{MARKER}1 minimal")

    OneLine().run()


def first_paint(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Seconds to first paint of `command`, one run at a time (`runs` runs)."""
    times = []
    for _ in range(runs):
        line = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        result = subprocess.run(
            [
                sys.executable,
                str(FIRST_PAINT),
                "--runs",
                "1",
                "--size",
                "100x30",
                MARKER,
                "--",
                "env",
                *line.split(),
                *command,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        match = re.search(r"median ([0-9.]+)", result.stdout)
        assert match, result.stdout + result.stderr
        times.append(float(match.group(1)))
    return times


def compare(
    name: str, ours: list[str], reference: list[str], env: dict[str, str], runs: int
) -> float:
    """Time `ours` and `reference` alternately; print medians and the ratio."""
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        theirs += first_paint(reference, env, 1)
        mine += first_paint(ours, env, 1)
    ratio = statistics.median(mine) / statistics.median(theirs)
    print(
        f"{name}: {statistics.median(mine) * 1000:.0f} ms vs reference "
        f"{statistics.median(theirs) * 1000:.0f} ms (median of {runs}); ratio {ratio:.2f}"
    )
    return ratio


class _Counter:
    """The reference for key latency: a minimal app whose `j` updates one line."""

    @staticmethod
    def app() -> Any:
        """A Textual app with a `j` binding that rewrites a Static, like a status line."""
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Counter(App[None]):
            """`j` counts up in one line."""

            BINDINGS: ClassVar = [("j", "bump", "bump")]
            count = 0

            def compose(self) -> ComposeResult:
                """The one line."""
                yield Static("¶ 0", id="line")

            def action_bump(self) -> None:
                """Count up and show it."""
                self.count += 1
                self.query_one("#line", Static).update(f"¶ {self.count}")

        return Counter()


async def _press_and_draw(app: Any, changed: Any) -> float:
    """Milliseconds from a `j` key event to its effect drawn: post the key, wait until
    `changed()` holds (the handlers ran), then draw the frame now (what Textual's update timer
    does next: lay out if needed, render the widgets marked dirty, write to the driver).
    Textual's own frame pacing (at most 60 frames a second) comes on top, for any app."""
    from textual import events

    start = time.perf_counter()
    app.post_message(events.Key("j", "j"))
    while not changed():
        await asyncio.sleep(0)
    for _ in range(3):  # let the messages the change posted (status, marker) be handled
        await asyncio.sleep(0)
    app.screen._on_timer_update()  # the frame Textual's update timer would draw next
    return (time.perf_counter() - start) * 1000


async def key_latency(path: str | None, presses: int, workers: str) -> list[float]:
    """Milliseconds from pressing `j` to the drawn screen in the reader, `presses` times."""
    from reader.text.load import load_document
    from reader.ui.app import ReaderApp

    app = ReaderApp(load_document(path))
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        while not screen.analysis_started:
            await pilot.pause(0.02)
        if workers == "stopped":  # cancelled: they stop after their current paragraph
            for worker in app.workers:
                worker.cancel()
            await pilot.pause(0.5)
        if workers == "topics":  # entities stopped, the topics (and the topic map) found
            for worker in list(app.workers):
                if worker.name == "entities":
                    worker.cancel()
                elif worker.name == "topics":
                    await worker.wait()
            await pilot.pause()
        if workers in ("done", "stopped"):
            await app.workers.wait_for_complete()
            await pilot.pause()
        last = len(app.document.paragraphs) - 1
        for _ in range(presses):
            if screen.current >= last:
                await pilot.press("g")
                await pilot.pause()
            before = screen.current
            status = screen.query_one("#status")
            times.append(
                await _press_and_draw(
                    app,
                    lambda: f"¶ {before + 2}/" in status.position,  # noqa: B023
                )
            )
            await pilot.pause()
        for worker in app.workers:
            worker.cancel()
    return times


async def reference_latency(presses: int) -> list[float]:
    """The same measure on the minimal counter app."""
    app = _Counter.app()
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(presses):
            before = app.count
            times.append(await _press_and_draw(app, lambda: app.count > before))  # noqa: B023
            await pilot.pause()
    return times


def main() -> int:
    """Run the three measurements and print the figures."""
    if len(sys.argv) > 1 and sys.argv[1] == "minimal-app":
        minimal_app()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {"XDG_CONFIG_HOME": f"{home}/config", "XDG_STATE_HOME": f"{home}/state"}
        os.environ.update(env)
        reader = [sys.executable, "-m", "reader"]
        minimal = [sys.executable, str(Path(__file__).resolve()), "minimal-app"]
        print("first paint in tmux at 100x30 (marker: the status line's '¶ 1/')")
        compare("reader (default article) vs minimal Textual app", reader, minimal, env, args.runs)
        compare(
            "reader large-01.ar.txt vs reader (default article)",
            [*reader, str(LARGE)],
            reader,
            env,
            args.runs,
        )
        print(f"press j to the screen drawn, in process (headless), {args.presses} presses")
        reference = statistics.median(asyncio.run(reference_latency(args.presses)))
        print(f"reference (minimal app, j rewrites one line): median {reference:.1f} ms")
        for label, path, workers in [
            ("default article, workers running", None, "running"),
            ("default article, workers done", None, "done"),
            ("large-01.ar.txt, workers running", str(LARGE), "running"),
            ("large-01.ar.txt, workers stopped", str(LARGE), "stopped"),
            ("large-01.ar.txt, topics found (entities stopped)", str(LARGE), "topics"),
        ]:
            times = asyncio.run(key_latency(path, args.presses, workers))
            median = statistics.median(times)
            print(
                f"{label}: median {median:.1f} ms, max {max(times):.1f} ms"
                f" (target ≤ 16 ms median; ratio to reference {median / reference:.1f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
