"""Reviewers' decisions: hdnd decide writes reviews.csv, check shows them folded, stale ones listed, --strict honours them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.cli import main
from hdnd_data.findings.reviews import attach_reviews, read_reviews, stale_reviews, strict_failures

UNIT = "lang-son-city"


def _bases_warn(data_dir: Path | None = None) -> pd.Series:
    """The 2020 warn on the two expenditure bases (84,7 % and 96,7 % of two city estimates)."""
    r = hd.run_checks(year=2020, data_dir=data_dir)
    rows = r[(r.rule_id == "budget.implied_base_agree") & (r.status == "warn")]
    assert len(rows) == 1 and "84,7%" in rows["stated_text"].iloc[0] and "96,7%" in rows["computed_text"].iloc[0]
    return rows.iloc[0]


def _plant_failure(data_dir: Path) -> None:
    """Proposals received 510 printed as 511: the three types then sum to 565, not the 564 stated in I.4.3."""
    path = data_dir / UNIT / "2020" / "petitions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("proposal,received,510", "proposal,received,511"), encoding="utf-8")


def test_the_bases_warn_marked_explained_stays_so_across_runs_and_languages(data_copy, capsys):
    fp = _bases_warn(data_copy)["fingerprint"]
    note = "Hai dự toán khác nhau: dự toán đầu năm và dự toán điều chỉnh"
    assert main(["decide", fp, "--decision", "explained", "--note", note, "--reviewer", "Tổ rà soát",
                 "--data-dir", str(data_copy)]) == 0
    assert f"{fp} (budget.implied_base_agree, {UNIT} 2020)" in capsys.readouterr().out
    saved = pd.read_csv(data_copy / UNIT / "2020" / "reviews.csv", dtype=str)
    assert saved[["fingerprint", "decision", "note", "reviewer"]].values.tolist() == [[fp, "explained", note, "Tổ rà soát"]]
    for lang, word in (("vi", "đã giải thích"), ("en", "explained")):
        assert main(["check", "--year", "2020", "--data-dir", str(data_copy), "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert f"[warn] {UNIT} 2020 budget.implied_base_agree" not in out  # folded away ...
        folded = [line for line in out.splitlines() if f"#{fp}" in line]
        assert len(folded) == 1 and word in folded[0] and note in folded[0]  # ... but visible, with its note
    # a second decision on the same finding replaces the first
    assert main(["decide", fp, "--decision", "forwarded", "--note", "gửi UBND", "--data-dir", str(data_copy), "--year", "2020"]) == 0
    again = read_reviews(UNIT, 2020, data_copy)
    assert again["decision"].tolist() == ["forwarded"] and again["reviewer"].isna().all()


def test_strict_ignores_failures_decided_explained_or_ignored(data_copy, capsys):
    _plant_failure(data_copy)
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 1
    r = hd.run_checks(year=2020, data_dir=data_copy)
    failed = r[r.status == "fail"]
    assert set(failed.rule_id) == {"petition.types_sum_to_all"}
    for row in failed.itertuples():
        assert main(["decide", row.fingerprint, "--decision", "confirmed_error", "--note", "in nhầm", "--data-dir", str(data_copy)]) == 0
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 1  # a confirmed error still fails
    for row in failed.itertuples():
        assert main(["decide", row.fingerprint, "--decision", "ignore", "--note", "đã sửa ở văn bản khác", "--data-dir", str(data_copy)]) == 0
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 0
    capsys.readouterr()
    results = attach_reviews(hd.run_checks(year=2020, data_dir=data_copy), read_reviews(UNIT, 2020, data_copy))
    assert not strict_failures(results).any() and (results["status"] == "fail").sum() == len(failed)


def test_a_decision_matching_no_finding_is_listed_as_stale(data_copy, capsys):
    fp = _bases_warn(data_copy)["fingerprint"]
    assert main(["decide", fp, "--decision", "explained", "--note", "hai dự toán", "--data-dir", str(data_copy)]) == 0
    # the year-estimate percentage of expenditure against the city estimate is no longer transcribed
    path = data_copy / UNIT / "2020" / "budget_percentages.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(f"{UNIT},2020,") or "expenditure,total,year_estimate,city_estimate" not in line]
    assert len(kept) == len(lines) - 1
    path.write_text("".join(kept), encoding="utf-8")
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 0
    out = capsys.readouterr().out
    stale = out.split("Quyết định không còn khớp phát hiện nào (1)")[1]
    assert f"{fp} ({UNIT} 2020)" in stale and "hai dự toán" in stale
    assert read_reviews(UNIT, 2020, data_copy)["fingerprint"].tolist() == [fp]  # never dropped
    results = hd.run_checks(year=2020, data_dir=data_copy)
    assert stale_reviews(results, read_reviews(UNIT, 2020, data_copy))["fingerprint"].tolist() == [fp]
    # another year's check does not call 2020's decisions stale
    assert stale_reviews(hd.run_checks(year=2023, data_dir=data_copy), read_reviews(UNIT, None, data_copy)).empty


def test_unknown_fingerprint_is_refused_and_nothing_written(data_copy, capsys):
    assert main(["decide", "0123456789ab", "--decision", "explained", "--note", "x", "--data-dir", str(data_copy)]) == 2
    err = capsys.readouterr().err
    assert "0123456789ab" in err and _bases_warn(data_copy)["fingerprint"] in err
    assert not (data_copy / UNIT / "2020" / "reviews.csv").exists()


def test_empty_note_is_refused_and_nothing_written(data_copy, capsys):
    fp = _bases_warn(data_copy)["fingerprint"]
    assert main(["decide", fp, "--decision", "explained", "--note", "  ", "--data-dir", str(data_copy)]) == 2
    assert "cột 'note'" in capsys.readouterr().err
    assert not (data_copy / UNIT / "2020" / "reviews.csv").exists()


def test_reviews_csv_by_hand_is_validated_every_problem_at_once(data_copy, capsys):
    path = data_copy / UNIT / "2020" / "reviews.csv"
    path.write_text("unit,year,fingerprint,decision,note,reviewer,date\n"
                    f"{UNIT},2020,ABC,maybe,,,2020-02-30\n", encoding="utf-8")
    assert main(["check", "--year", "2020", "--data-dir", str(data_copy)]) == 2
    err = capsys.readouterr().err
    for column in ("fingerprint", "decision", "note", "date"):
        assert f"reviews.csv, dòng 2, cột '{column}'" in err, err


def test_the_workbook_carries_the_decisions(data_copy, tmp_path):
    from hdnd_data.workbook.excel import export_workbook, import_workbook

    fp = _bases_warn(data_copy)["fingerprint"]
    assert main(["decide", fp, "--decision", "explained", "--note", "hai dự toán", "--data-dir", str(data_copy)]) == 0
    book = export_workbook(tmp_path / "y2020.xlsx", year=2020, unit=UNIT, data_dir=data_copy)
    import openpyxl

    sheet = openpyxl.load_workbook(book)["reviews"]
    assert fp in [c.value for row in sheet.iter_rows() for c in row]
    other = tmp_path / "other"
    shutil.copytree(data_copy, other)
    (other / UNIT / "2020" / "reviews.csv").unlink()
    import_workbook(book, year=2020, unit=UNIT, data_dir=other, force=True)
    assert read_reviews(UNIT, 2020, other)[["fingerprint", "decision", "note"]].values.tolist() == [[fp, "explained", "hai dự toán"]]


@pytest.mark.parametrize("decision", ["explained", "confirmed_error", "forwarded", "ignore"])
def test_every_decision_has_words_in_both_languages(decision):
    from hdnd_data.labels import term

    assert term(decision, "vi") != decision  # a Vietnamese label, not the code
    assert term(decision, "en").split()[0] in decision.replace("_", " ").split() + ["ignored"]
