"""Shared fixtures: the real datasets, and copies of them that tests may spoil."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "datasets"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of datasets/ (real figures) for tests that break or extend it."""
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target)
    return target
