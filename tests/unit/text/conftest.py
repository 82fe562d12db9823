"""Fixtures for the text-loading tests: the shared real texts, and files written from them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"
"""The real test texts (news, legacy Windows-1256, large), beside the checkout as in CI."""


@pytest.fixture
def texts() -> Path:
    """The directory of real test texts; fails clearly if the shared data is not in place."""
    assert TEXTS.is_dir(), f"shared test texts not found at {TEXTS}"
    return TEXTS


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Write bytes to a file of the given name in the test's temporary directory."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write
