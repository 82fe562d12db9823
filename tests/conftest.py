"""Fixtures every test directory shares: the real texts in the shared data beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_TEXTS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "texts"
"""The real test texts (news, diacritics, mixed, Persian, Urdu, legacy, large), as in CI."""


@pytest.fixture
def texts() -> Path:
    """The directory of real test texts; fails clearly if the shared data is not in place."""
    assert SHARED_TEXTS.is_dir(), f"shared test texts not found at {SHARED_TEXTS}"
    return SHARED_TEXTS
