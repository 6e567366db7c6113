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


ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def reports(tmp_path_factory) -> Path:
    """Both seed years audited once per test session (the expensive part), two at a time."""
    from hdnd_data.runs.audit import plan, run_audit

    out = tmp_path_factory.mktemp("reports")
    results = run_audit(plan("lang-son-city"), out, jobs=2, progress=False)
    assert [(r.unit, r.year, r.status) for r in results] == [("lang-son-city", 2020, "ok"), ("lang-son-city", 2023, "ok")]
    return out


def pytest_terminal_summary(terminalreporter):
    """Name the artifacts tests left (browser screenshots) so a reviewer can find them."""
    if ARTIFACTS.is_dir():
        for path in sorted(ARTIFACTS.iterdir()):
            terminalreporter.write_line(f"test artifact: {path.relative_to(REPO)}")
