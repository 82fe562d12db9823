"""The layers hold: the core never loads Textual, and the reader's first screen loads no NLP.

Each check runs in a fresh interpreter (a subprocess), since this test process has long since
imported everything; each prints the offending modules, so a failure names the import to move.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

CORE = ("reader.layout", "reader.nlp", "reader.text", "reader.search")
"""The packages that must work without any UI."""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter of this environment."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _loaded(stdout: str) -> list[str]:
    """The module names a check printed, one per line."""
    return [line for line in stdout.splitlines() if line]


def test_the_core_does_not_load_textual() -> None:
    """Every module of the core packages (walked, not only their `__init__`) is imported."""
    result = _run(
        f"""
        import importlib, pkgutil, sys
        for name in {CORE!r}:
            package = importlib.import_module(name)
            for module in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
                importlib.import_module(module.name)
        print("imported", len([m for m in sys.modules if m.startswith("reader.")]))
        for module in sorted(sys.modules):
            if module == "textual" or module.startswith("textual."):
                print(module)
        """
    )
    assert result.returncode == 0, result.stderr
    imported, *textual = _loaded(result.stdout)
    assert int(imported.split()[1]) > 20, imported  # the walk really imported the core
    assert textual == []


def test_the_app_module_does_not_load_the_nlp() -> None:
    result = _run(
        """
        import sys
        import reader.ui.app
        assert "textual.app" in sys.modules  # the UI itself was loaded
        print("\\n".join(m for m in sorted(sys.modules) if m.startswith("reader.nlp")))
        """
    )
    assert result.returncode == 0, result.stderr
    assert _loaded(result.stdout) == []


def test_the_first_screen_loads_no_nlp() -> None:
    """The reader is run headless until its first screen is drawn and the panel's tabs are
    built, with the analysis held back (it is what loads `reader.nlp`, on purpose later)."""
    result = _run(
        """
        import asyncio, sys
        from reader.text.load import load_document
        from reader.ui.app import ReaderApp
        from reader.ui.screens import reader_screen
        from reader.ui.widgets.side_panel import SidePanel

        reader_screen.ANALYSIS_DELAY = 3600.0

        async def main():
            app = ReaderApp(load_document(None))
            async with app.run_test(size=(100, 30)) as pilot:
                panel = app.screen.query_one(SidePanel)
                while not panel.built:
                    await pilot.pause(0.02)
                await pilot.pause()
                assert not app.screen.analysis_started
                assert "reader.layout" in sys.modules  # the article was drawn
                print("\\n".join(m for m in sorted(sys.modules) if m.startswith("reader.nlp")))

        asyncio.run(main())
        """
    )
    assert result.returncode == 0, result.stderr
    assert _loaded(result.stdout) == []


NOT_FOR_ENTITIES = (
    "textual",
    "rich",
    "reader.ui",
    "reader.layout",
    "arabic_reshaper",
    "bidi",
    "reader.nlp.topics",
    "reader.text.html_blocks",
    "reader.text.markdown_blocks",
    "reader.text.epub_book",
    "reader.text.fetch",
    "reader.nlp.entities.evaluate",
    "pycrfsuite",
)
"""What `reader entities` on a text file, writing JSON, never uses: the UI, the layout engine
and shaping (only a table on a terminal is laid out), topics, the other formats' loaders,
evaluation, and crfsuite (the CRF runs in NumPy)."""


def test_entities_on_a_text_file_loads_only_what_it_uses(texts: Path) -> None:
    """`reader entities` as a user runs it, to the end, in a fresh interpreter: each module
    loaded here is start-up paid for nothing (the layout engine was ~0.03 s of it)."""
    result = _run(
        f"""
        import io, sys
        from reader.cli import main
        out, sys.stdout = sys.stdout, io.StringIO()
        status = main(["entities", {str(texts / "news-01.ar.txt")!r}])
        assert status == 0 and '"entities"' in sys.stdout.getvalue()
        sys.stdout = out
        for module in sorted(sys.modules):
            if any(module == n or module.startswith(n + ".") for n in {NOT_FOR_ENTITIES!r}):
                print(module)
        """
    )
    assert result.returncode == 0, result.stderr
    assert _loaded(result.stdout) == []
