"""The checks' behaviour pinned: `hdnd check` rows on the real data and on synthetic units, against committed files.

The files in tests/expected/ were written before the checks were rebuilt as a catalogue over kinds (issue 14); the
rebuild must give the same rows, in both languages. Regenerate them only for a deliberate change of behaviour:
``PYTHONPATH=$PWD python3 tests/test_checks_behaviour.py`` (and say why in the commit).
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pandas as pd
import pytest

from hdnd_data.checks.engine import run_checks

EXPECTED = Path(__file__).parent / "expected"
# the columns `hdnd check --format csv` printed before the rebuild (later columns may be added, never changed)
PINNED = [
    "rule_id",
    "unit",
    "year",
    "status",
    "message",
    "stated",
    "computed",
    "tolerance",
    "stated_text",
    "computed_text",
    "source_id",
    "locator",
    "assumption",
]
SYNTHETIC_UNITS = 300
SYNTHETIC_SEED = 14  # the number: any fixed seed would do
CASES = [f"{data}_{lang}" for data in ("real", "synthetic") for lang in ("vi", "en")]


def _synthetic_frames():
    from hdnd_data.synthetic import generate

    frames, _ = generate(SYNTHETIC_UNITS, years=(2020, 2023), seed=SYNTHETIC_SEED)
    return frames


def current(case: str, synthetic_frames=None) -> str:
    """Today's rows of ``case`` as CSV text (the form in which they are committed)."""
    data, lang = case.split("_")
    if data == "real":
        results = run_checks(unit="lang-son-city", year=[2020, 2023], lang=lang)
    else:
        results = run_checks(frames=synthetic_frames if synthetic_frames is not None else _synthetic_frames(), lang=lang)
    buffer = io.StringIO()
    results[PINNED].to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def expected(case: str) -> str:
    return gzip.decompress((EXPECTED / f"checks_{case}.csv.gz").read_bytes()).decode("utf-8")


@pytest.fixture(scope="module")
def synthetic_frames():
    return _synthetic_frames()


@pytest.mark.parametrize("case", CASES)
def test_check_rows_unchanged(case, synthetic_frames):
    now, then = current(case, synthetic_frames), expected(case)
    if now != then:  # show the first differing rows, not two walls of text
        a, b = pd.read_csv(io.StringIO(then)), pd.read_csv(io.StringIO(now))
        assert len(a) == len(b), f"{case}: {len(b)} rows now, {len(a)} expected"
        differ = ~((a == b) | (a.isna() & b.isna())).all(axis=1)
        raise AssertionError(f"{case}: rows differ:\n{a[differ].head(3).T}\nnow:\n{b[differ].head(3).T}")


def test_expected_files_hold_both_verdicts_of_planted_errors():
    # the synthetic case is only worth pinning if it holds failures (planted) beside passes
    rows = pd.read_csv(io.StringIO(expected("synthetic_en")))
    assert {"pass", "fail", "warn"} <= set(rows["status"])
    assert rows["unit"].nunique() == SYNTHETIC_UNITS


if __name__ == "__main__":  # regenerate (a deliberate change of behaviour only)
    frames = _synthetic_frames()
    for name in CASES:
        (EXPECTED / f"checks_{name}.csv.gz").write_bytes(gzip.compress(current(name, frames).encode("utf-8"), mtime=0))
