"""The entities package's shape: its public names, and evaluation kept out of what runs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader.nlp.entities as entities

SRC = Path(__file__).resolve().parents[3] / "src" / "reader"
EVALUATE = "reader.nlp.entities.evaluate"


def _imports(path: Path) -> set[str]:
    """Every module a source file imports, at top level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_public_names_import_from_the_package() -> None:
    for name in entities.__all__:
        assert getattr(entities, name) is not None
    assert callable(entities.extract_document)
    assert entities.NameMemory.__module__ == "reader.nlp.entities.memory"


def test_no_source_module_but_evaluate_imports_evaluate() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "evaluate.py" and EVALUATE in _imports(path)
    ]
    assert offenders == []


def test_scoring_reads_the_span_reader_the_runtime_owns() -> None:
    evaluate_imports = _imports(SRC / "nlp" / "entities" / "evaluate.py")
    assert "reader.nlp.entities.spans" in evaluate_imports  # scoring reads the runtime's spans


def test_the_command_runs_without_loading_evaluation(tmp_path: Path) -> None:
    text = tmp_path / "one.txt"
    text.write_text("قال الرئيس محمد السادس في الرباط\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from reader.cli import main\n"
        f"status = main(['entities', {str(text)!r}])\n"
        f"sys.exit(10 if {EVALUATE!r} in sys.modules else status)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "الرباط" in run.stdout
