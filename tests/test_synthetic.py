"""Tests of the synthetic councils: they pass the schemas, round-trip through files, and the checks find
exactly the planted inconsistencies (beyond the real data's own warnings), no others."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from hdnd_data import synthetic as syn
from hdnd_data.checks.engine import run_checks
from hdnd_data.data.layout import unit_info, units, years
from hdnd_data.data.loader import load_all, validate_frames

KEY = ["unit", "year", "rule_id"]


@pytest.fixture(scope="module")
def planted():
    """Thirty synthetic units, every unit-year given one planted inconsistency (fixed seed)."""
    return syn.generate(30, seed=7, inconsistency_rate=1.0)


@pytest.fixture(scope="module")
def clean():
    """The same thirty synthetic units (same seed), nothing planted."""
    frames, truth = syn.generate(30, seed=7, inconsistency_rate=0.0)
    assert truth.empty
    return frames


def _flagged(results: pd.DataFrame) -> Counter:
    return Counter(map(tuple, results.loc[results["status"] != "pass", KEY].itertuples(index=False)))


def test_generated_frames_pass_the_schemas(planted, clean):
    for frames in (planted[0], clean):
        checked = validate_frames(frames)
        assert set(checked) == set(frames)
    frames = clean
    assert sorted(frames["sources"]["unit"].unique()) == syn.unit_ids(30) == [f"syn-{i:04d}" for i in range(1, 31)]
    assert sorted(frames["sources"]["year"].unique()) == [2020, 2023]


def test_scaled_units_keep_the_real_relations(clean):
    p = clean["petitions"]
    pc = p[(p["recipient"] == "people_committee") & (p["petition_type"] == "all")].pivot(index="unit", columns="status", values="count")
    factor = pc["received"] // 564
    assert set(factor) <= set(syn.FACTORS) and len(set(factor)) > 1  # units differ in size
    assert (pc["received"] == 564 * factor).all() and (pc["settled"] == 550 * factor).all()
    budget = clean["budget_execution"]
    total = budget[(budget["direction"] == "revenue") & (budget["line"] == "total") & (budget["measure"] == "actual_to_date")]
    big = total[total["amount_mvnd"] == 390463 * 4]
    if len(big):  # printed text reformatted the Vietnamese way
        assert big["amount_raw"].iloc[0] == "1.561.852"
    rates = clean["petition_indicators"]
    assert set(rates.loc[rates["indicator"] == "settlement_rate", "value_raw"]) == {"97,5"}  # ratios do not scale
    s = clean["sessions"]
    shifted = s[(s["year"] == 2020) & (s["session_no"] == 13)]
    assert shifted["start_date"].between("2020-07-18", "2020-07-28").all()  # moved a few days, kept in its year


def test_write_and_load_all_round_trip(planted, tmp_path):
    frames = {name: frame[frame["unit"].isin(["syn-0001", "syn-0002", "syn-0003"])] for name, frame in planted[0].items()}
    syn.write_datasets(frames, tmp_path)
    assert units(tmp_path) == ["syn-0001", "syn-0002", "syn-0003"]
    assert years("syn-0002", tmp_path) == [2020, 2023]
    assert unit_info("syn-0002", tmp_path)["name_en"] == "Synthetic unit syn-0002"
    assert (tmp_path / "syn-0001" / "2023" / "economy.csv").is_file()
    back = load_all(unit=None, data_dir=tmp_path)
    for name, frame in frames.items():
        expected = frame.sort_values(["unit", "year"], kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(back[name].reset_index(drop=True), expected, obj=name)


def test_unplanted_units_raise_only_the_real_warnings(clean):
    real = run_checks()
    real_flags = sorted((y, r, s) for _, y, r, s in real.loc[real["status"] != "pass", ["unit", "year", "rule_id", "status"]].itertuples(index=False))
    assert len(real_flags) == 4 and {s for _, _, s in real_flags} == {"warn"}
    results = run_checks(frames=clean)
    for unit, rows in results.groupby("unit"):
        flags = sorted((y, r, s) for y, r, s in rows.loc[rows["status"] != "pass", ["year", "rule_id", "status"]].itertuples(index=False))
        assert flags == real_flags, unit
    assert (results["status"] == "fail").sum() == 0


def test_checks_find_exactly_the_planted_inconsistencies(planted, clean):
    frames, truth = planted
    assert len(truth) == 60  # every unit-year planted once
    assert set(truth["plant"]) == {p.name for p in syn.PLANTS}  # every kind was planted somewhere
    found, baseline = _flagged(run_checks(frames=frames)), _flagged(run_checks(frames=clean))
    new = {key for key, n in found.items() if n > baseline.get(key, 0)}
    gone = {key for key, n in baseline.items() if n > found.get(key, 0)}
    assert new == set(map(tuple, truth[KEY].itertuples(index=False)))
    assert gone == set()


def test_plants_change_the_value_beyond_print(planted):
    frames, truth = planted
    row = truth[truth["plant"] == "speakers_exceed_attendees"].iloc[0]
    vc = frames["voter_contact"]
    hit = vc[(vc["unit"] == row["unit"]) & (vc["year"] == row["year"]) & (vc["round_id"] == "before-13")].iloc[0]
    assert hit["voters_speaking"] == row["after"] > hit["voters_attending"]
    pct = truth[truth["plant"] == "budget_percent_off"].iloc[0]
    bp = frames["budget_percentages"]
    stated = bp[(bp["unit"] == pct["unit"]) & (bp["year"] == pct["year"]) & (bp["basis"] == "province_estimate")
                & (bp["measure"] == "actual_to_date") & (bp["line"] == "total")].iloc[0]
    assert pct["before"] == 93.2 and stated["percent"] == pct["after"] <= 93.2 * 0.9
    assert stated["percent_raw"] == f"{stated['percent']:.1f}".replace(".", ",")  # the text says what the value says


def test_rate_and_seed(planted):
    frames, truth = syn.generate(20, seed=3, inconsistency_rate=0.25)
    assert len(truth) == 10  # a quarter of 40 unit-years
    again, truth_again = syn.generate(20, seed=3, inconsistency_rate=0.25)
    pd.testing.assert_frame_equal(truth, truth_again)
    assert not syn.generate(20, seed=4, inconsistency_rate=0.25)[1].equals(truth)
    with pytest.raises(ValueError, match="n_units"):
        syn.generate(0)
    with pytest.raises(ValueError, match="inconsistency_rate"):
        syn.generate(2, inconsistency_rate=1.5)


def test_other_years_borrow_a_real_year():
    frames, _ = syn.generate(2, years=[2021, 2022], inconsistency_rate=0)
    sources = frames["sources"].sort_values(["unit", "year"])
    assert list(sources["year"]) == [2021, 2022, 2021, 2022]
    # 2021 is modelled on the 2020 report (its period starts in the previous December), 2022 on 2023
    assert list(sources["period_start"].dt.year) == [2020, 2022, 2020, 2022]
    assert list(sources["period_end"].dt.strftime("%m-%d")) == ["12-31"] * 4
    assert set(frames["economy"]["year"]) == {2022} and set(frames["petitions"]["year"]) == {2021}
    validate_frames(frames)
