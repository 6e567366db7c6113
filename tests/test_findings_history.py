"""What changed since the last run: records compared (new, resolved, changed, new rule), the audit page and index,
hdnd diff between two folders, and --strict honouring reviewers' decisions across runs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.checks.catalogue import RULES
from hdnd_data.cli import main
from hdnd_data.findings.history import RECORD_FILE, compare, diff_folders, make_record

UNIT = "lang-son-city"
RULE_IDS = [r.id for r in RULES]


def _swap_proposals(data_dir: Path, before: str, after: str) -> None:
    path = data_dir / UNIT / "2020" / "petitions.csv"
    text = path.read_text(encoding="utf-8")
    assert f"proposal,received,{before}" in text
    path.write_text(text.replace(f"proposal,received,{before}", f"proposal,received,{after}"), encoding="utf-8")


@pytest.fixture(scope="module")
def real():
    return hd.run_checks(unit=UNIT, year=2020)


def _with(results: pd.DataFrame, rule_id: str, **values) -> pd.DataFrame:
    out = results.copy()
    mask = out["rule_id"] == rule_id
    for column, value in values.items():
        out.loc[mask, column] = value
    return out


def test_first_run_lists_nothing_and_the_same_run_twice_nothing(real):
    record = make_record(real, UNIT, 2020, RULE_IDS)
    assert compare(None, record).empty
    assert compare(record, record).empty
    assert len(record["findings"]) == len(real) and json.loads(json.dumps(record)) == record


def test_new_resolved_and_changed(real):
    old = make_record(real, UNIT, 2020, RULE_IDS)
    broken = _with(real, "petition.types_sum_to_all", status="fail", computed_text="49 + 5 + 511 = 565")
    new = make_record(broken, UNIT, 2020, RULE_IDS)
    changes = compare(old, new)
    assert set(changes["change"]) == {"new"} and set(changes["rule_id"]) == {"petition.types_sum_to_all"}
    assert changes["computed_after"].tolist()[0] == "49 + 5 + 511 = 565" and changes["status_before"].tolist()[0] == "pass"
    back = compare(new, old)
    assert set(back["change"]) == {"resolved"} and back["computed_before"].tolist()[0] == "49 + 5 + 511 = 565"
    warned = real[real.status == "warn"]
    shifted = real.copy()
    shifted.loc[warned.index[0], "stated_text"] = "85,7%"
    changed = compare(old, make_record(shifted, UNIT, 2020, RULE_IDS))
    assert changed[["change", "fingerprint"]].values.tolist() == [["changed", warned["fingerprint"].iloc[0]]]
    gone = compare(old, make_record(real[real.status != "warn"], UNIT, 2020, RULE_IDS))
    assert sorted(gone["fingerprint"]) == sorted(warned["fingerprint"]) and set(gone["change"]) == {"resolved"}


def test_a_rule_the_old_run_did_not_have_gives_new_rule_not_new(real):
    warned = real[real.status == "warn"]
    rule = warned["rule_id"].iloc[0]
    old = make_record(real[real.rule_id != rule], UNIT, 2020, [r for r in RULE_IDS if r != rule])
    changes = compare(old, make_record(real, UNIT, 2020, RULE_IDS))
    assert set(changes["change"]) == {"new_rule"} and set(changes["rule_id"]) == {rule}
    # the same finding missing from a run that had the rule is new
    had_rule = make_record(real[real.rule_id != rule], UNIT, 2020, RULE_IDS)
    assert set(compare(had_rule, make_record(real, UNIT, 2020, RULE_IDS))["change"]) == {"new"}


def _page_text(out: Path) -> str:
    page = (out / UNIT / "2020" / "audit.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    return text[text.find("Rà soát các phát hiện"):]


def test_decisions_carry_over_runs_and_a_corrected_figure_is_resolved(data_copy, tmp_path, capsys):
    out, first = tmp_path / "reports", tmp_path / "first"
    audit = ["audit", "--year", "2020", "--unit", UNIT, "--data-dir", str(data_copy), "--output", str(out), "--quiet", "--strict"]
    _swap_proposals(data_copy, "510", "511")
    assert main(audit) == 1  # an open failure fails --strict
    assert "Lần chạy đầu tiên" in _page_text(out)
    shutil.copytree(out, first)
    results = hd.run_checks(year=2020, data_dir=data_copy)
    failing = results.loc[results.status == "fail", "fingerprint"].tolist()
    bases = results.loc[(results.rule_id == "budget.implied_base_agree") & (results.status == "warn"), "fingerprint"].tolist()
    assert len(failing) == 1 and len(bases) == 1
    assert main(["decide", failing[0], "--decision", "ignore", "--note", "sẽ sửa ở bản chính thức", "--data-dir", str(data_copy)]) == 0
    assert main(["decide", bases[0], "--decision", "explained", "--note", "hai dự toán khác nhau", "--data-dir", str(data_copy)]) == 0
    assert main(audit) == 0  # the decided failure no longer fails --strict
    text = _page_text(out)
    assert "Phát hiện đã có quyết định (2)" in text and "hai dự toán khác nhau" in text and "sẽ sửa ở bản chính thức" in text
    assert "Không có thay đổi so với lần chạy trước" in text
    _swap_proposals(data_copy, "511", "510")  # the figure corrected
    assert main(audit) == 0
    capsys.readouterr()
    text = _page_text(out)
    assert "đã hết petition.types_sum_to_all I.4.3 564 / 49 + 5 + 511 = 565 564 / 49 + 5 + 510 = 564" in text
    assert "Phát hiện đã có quyết định (1)" in text  # the bases warn stays explained; the resolved one passes
    index = re.sub(r"<[^>]+>", " ", (out / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"mới 0 · đã hết 1 · thay đổi 0 · quy tắc mới 0", index)
    assert json.loads((out / UNIT / "2020" / RECORD_FILE).read_text(encoding="utf-8"))["unit"] == UNIT
    saved = pd.read_csv(out / UNIT / "2020" / "checks.csv", dtype=str)
    assert set(failing + bases) <= set(saved["fingerprint"])  # checks.csv names every finding as the decisions do
    # and the two folders compared
    changes = diff_folders(first, out)
    assert changes[["change", "rule_id"]].values.tolist() == [["resolved", "petition.types_sum_to_all"]]
    assert main(["diff", str(first), str(out), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert f"[resolved] {UNIT} 2020 petition.types_sum_to_all (I.4.3) #{failing[0]}" in said
    assert "fail 564 / 49 + 5 + 511 = 565 → pass 564 / 49 + 5 + 510 = 564" in said


def test_diff_refuses_a_folder_without_records(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    assert main(["diff", str(tmp_path / "a"), str(tmp_path / "a")]) == 2
    assert RECORD_FILE in capsys.readouterr().err


def test_synthetic_units_decisions_carry_over_and_a_corrected_plant_is_resolved(tmp_path):
    from hdnd_data.findings.reviews import attach_reviews, decide, read_reviews, stale_reviews

    frames, truth = hd.synthetic.generate(4, years=(2020,), seed=5, inconsistency_rate=1.0)
    root = tmp_path / "synthetic"
    hd.synthetic.write_datasets(frames, root)
    before = hd.run_checks(data_dir=root)
    failed = before[before.status == "fail"]
    assert set(zip(failed.unit, failed.rule_id)) == set(zip(truth.unit, truth.rule_id))  # one plant per unit
    for row in failed.itertuples():
        decide(row.fingerprint, "confirmed_error", f"in nhầm ở {row.locator}", data_dir=root)
    # an unrelated figure of every unit changes: every decision still names its finding
    for unit in sorted(set(truth.unit)):
        path = root / unit / "2020" / "sessions.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        cells = lines[1].split(",")
        cells[header.index("delegates_speaking")] = "999"
        path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    after = hd.run_checks(data_dir=root)
    reviews = read_reviews(data_dir=root)
    decided = attach_reviews(after, reviews)
    assert set(decided.loc[decided.decision == "confirmed_error", "fingerprint"]) == set(failed.fingerprint)
    assert stale_reviews(after, reviews).empty
    # a planted count put back: its finding passes, and the comparison lists it as resolved
    counts = {p.name for p in hd.synthetic.PLANTS if p.raw_column is None}
    plant = truth[truth.plant.isin(counts)].iloc[0]
    fixed = {name: f.copy() for name, f in hd.load_all(data_dir=root).items()}
    table = fixed[plant.table]
    where = (table.unit == plant.unit) & (table[plant.column] == plant.after)
    assert where.sum() == 1
    table.loc[where, plant.column] = plant.before
    corrected = hd.run_checks(frames=fixed, validated=True)
    changes = compare(make_record(after, plant.unit, 2020, RULE_IDS), make_record(corrected, plant.unit, 2020, RULE_IDS))
    assert changes[["change", "rule_id"]].values.tolist() == [["resolved", plant.rule_id]]
    resolved = attach_reviews(corrected, reviews)
    assert (resolved.loc[resolved.fingerprint.isin(changes.fingerprint), "status"] == "pass").all()
    assert stale_reviews(corrected, reviews).empty  # the decision still names a finding (now passing): not stale
