"""Fingerprints of check results: one per finding, the same across runs, languages and unrelated data changes."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.checks.fingerprint import FINGERPRINT_LENGTH, fingerprint, fingerprints

BASES_WARN = "budget.implied_base_agree"


@pytest.fixture(scope="module")
def frames():
    return hd.load_all(unit="lang-son-city")


@pytest.fixture(scope="module")
def real(frames):
    return hd.run_checks(frames=frames, validated=True)


def _warn_on_bases(results: pd.DataFrame) -> pd.Series:
    """The 2020 warn on the two expenditure bases (84,7 % and 96,7 % of two city estimates)."""
    rows = results[(results.rule_id == BASES_WARN) & (results.status == "warn") & (results.year == 2020)]
    assert len(rows) == 1 and "expenditure" in rows["keys"].iloc[0] and "city_estimate" in rows["keys"].iloc[0]
    return rows.iloc[0]


def test_every_result_has_its_own_fingerprint(real):
    assert real["fingerprint"].str.fullmatch(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}").all()
    assert not real["fingerprint"].duplicated().any()


def test_the_row_and_the_scalar_function_agree(real):
    row = _warn_on_bases(real)
    assert row["fingerprint"] == fingerprint(row.rule_id, row.unit, row.year, row["keys"], row.locator)


def test_same_across_runs_and_languages(frames, real):
    en = hd.run_checks(frames=frames, validated=True, lang="en")
    assert (en["message"] != real["message"]).any()  # the wording differs ...
    assert en["fingerprint"].tolist() == real["fingerprint"].tolist()  # ... the names do not
    again = hd.run_checks(unit="lang-son-city")
    assert again["fingerprint"].tolist() == real["fingerprint"].tolist()


def test_same_when_unrelated_figures_change(frames, real):
    changed = {name: f.copy() for name, f in frames.items()}
    petitions = changed["petitions"]
    received = (petitions.recipient == "people_committee") & (petitions.petition_type == "all") & (petitions.status == "received")
    petitions.loc[received & (petitions.year == 2020), "count"] = 565  # printed 564: now some petition rules fail
    changed["voter_contact"] = changed["voter_contact"][changed["voter_contact"].round_id != "after-13"]
    after = hd.run_checks(frames=changed)
    assert (after["status"] == "fail").any()
    before = real.set_index("fingerprint")
    kept = after[after["fingerprint"].isin(before.index)]
    # every finding that still exists keeps its name; only those of the removed round disappear
    assert len(kept) == len(after)
    gone = before.loc[~before.index.isin(after["fingerprint"])]
    assert gone["keys"].str.contains("round_id=after-13").all() and len(gone) > 0
    assert _warn_on_bases(after)["fingerprint"] == _warn_on_bases(real)["fingerprint"]


def test_another_unit_year_or_rule_is_another_finding(real):
    row = _warn_on_bases(real)
    base = fingerprint(row.rule_id, row.unit, row.year, row["keys"], row.locator)
    assert fingerprint(row.rule_id, "other-city", row.year, row["keys"], row.locator) != base
    assert fingerprint(row.rule_id, row.unit, 2021, row["keys"], row.locator) != base
    assert fingerprint("budget.line_within_total", row.unit, row.year, row["keys"], row.locator) != base
    assert fingerprint(row.rule_id, row.unit, row.year, row["keys"], "I.3.3") != base
    assert fingerprint(row.rule_id, row.unit, row.year, row["keys"].replace("expenditure", "revenue"), row.locator) != base


def test_distinct_identities_give_distinct_fingerprints():
    """No collision over a province-sized set of identities (48 bits: collisions expected only near 16 million)."""
    n = 200_000
    frame = pd.DataFrame({"rule_id": "r", "unit": [f"u-{i}" for i in range(n)], "year": 2020, "keys": "k", "locator": "l"})
    assert fingerprints(frame).nunique() == n
    assert fingerprints(frame.iloc[0:0]).empty


def test_fingerprint_does_not_depend_on_the_python_hash_seed(real):
    # built on blake2b, not hash(): a different interpreter run gives the same names (hash() is salted per process)
    row = _warn_on_bases(real)
    code = ("from hdnd_data.checks.fingerprint import fingerprint as f;"
            f"print(f({row.rule_id!r}, {row.unit!r}, {int(row.year)}, {row['keys']!r}, {row.locator!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "123"})
    assert out.stdout.strip() == row["fingerprint"]
