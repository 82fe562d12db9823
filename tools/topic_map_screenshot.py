"""Draw the README's picture of the topic map: the reader on a news text with its Topics tab.

    python tools/topic_map_screenshot.py [docs/topic-map.png] [--text news-08.ar.txt]

Runs the real app headless at 120×40 in a truecolour terminal, waits until its entities and
topics are found, shows the Topics tab (the map's legend), moves to the fourth paragraph and
saves the screen as SVG, then as PNG through `tools/snapshot_png.py` (cell by cell, so no
renderer reorders the Arabic again; needs rsvg-convert from Debian's librsvg2-bin).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / ".." / "shared" / "data" / "texts"


async def screenshot_svg(text: Path, size: tuple[int, int]) -> str:
    """The app's screen on `text` as SVG, once the analysis is done and the Topics tab shown."""
    from reader.config import Settings
    from reader.positions import ReadingPositions
    from reader.text.load import load_document
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reader_screen import ReaderScreen
    from reader.ui.widgets.side_panel import SidePanel

    app = ReaderApp(load_document(str(text)), settings=Settings(), positions=ReadingPositions())
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        while not screen.analysis_started:
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.query_one(SidePanel).show_tab("topics")
        await pilot.press("j", "j", "j")
        await pilot.pause(0.3)
        return app.export_screenshot(title="reader: the topic map")


def main() -> int:
    """Write the PNG."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "topic-map.png"))
    parser.add_argument("--text", default="news-08.ar.txt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        # No reading position or setting of the user's; colours as a truecolour terminal has them.
        os.environ.update(
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_STATE_HOME=f"{home}/state",
            COLORTERM="truecolor",
            TEXTUAL_COLOR_SYSTEM="truecolor",
        )
        os.environ.pop("NO_COLOR", None)
        svg = asyncio.run(screenshot_svg(TEXTS / args.text, (120, 40)))
        source = Path(home) / "topic-map.svg"
        source.write_text(svg, encoding="utf-8")
        sys.path.insert(0, str(ROOT / "tools"))
        from snapshot_png import main as to_png

        return to_png(["snapshot_png", str(source), args.out])


if __name__ == "__main__":
    sys.exit(main())
