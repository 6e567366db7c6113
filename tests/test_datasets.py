"""The real figures load, validate and say what the reports say; bad input is refused with every problem."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.data.loader import DataValidationError

from .conftest import DATASETS


def test_every_table_of_both_years_loads():
    frames = hd.load_all(unit=None)
    assert set(frames) == set(hd.tables())
    assert hd.units() == ["lang-son-city"]
    assert hd.years("lang-son-city") == [2020, 2023]
    for name, frame in frames.items():
        assert list(frame.columns) == hd.TABLES[name].columns
    # Each year's data exists where its report has figures.
    assert set(frames["sessions"]["year"]) == {2020, 2023}
    assert set(frames["budget_execution"]["year"]) == {2020}
    assert set(frames["economy"]["year"]) == {2023}


def test_registry_matches_files_on_disk():
    on_disk = {p.stem for p in DATASETS.glob("*/*/*.csv")}
    assert on_disk <= set(hd.tables())
    assert {"sources", "sessions"} <= on_disk


def test_files_are_utf8_nfc():
    for path in DATASETS.rglob("*.csv"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path


def test_voter_contact_before_13th_session():
    rounds = hd.load("voter_contact", year=2020).set_index("round_id")
    r = rounds.loc["before-13"]
    assert (r.voters_attending, r.voters_speaking, r.contents_raised) == (877, 73, 154)
    assert (r.consolidated, r.to_province, r.to_city) == (32, 6, 26)
    assert (r.points_planned, r.points_held) == (8, 8)
    assert r.start_date == pd.Timestamp("2020-06-02") and r.end_date == pd.Timestamp("2020-06-12")
    assert rounds.loc["after-13", "points_held"] == 4
    assert rounds.loc["before-14", "clarified_on_spot"] == 54


def test_petitions_and_settlement_rate():
    p = hd.load("petitions", year=2020)
    pc = p[p.recipient == "people_committee"].set_index(["petition_type", "status"])["count"]
    assert pc[("all", "received")] == 564 and pc[("all", "settled")] == 550
    assert pc[("complaint", "received")] == 49 and pc[("proposal", "settled")] == 498
    ind = hd.load("petition_indicators", year=2020).set_index("indicator")
    assert ind.loc["settlement_rate", "value_raw"] == "97,5"
    assert ind.loc["settlement_rate_change", "value"] == -1


def test_budget_amounts_and_percentages():
    b = hd.load("budget_execution", year=2020).set_index(["direction", "line", "measure"])
    assert b.loc[("revenue", "total", "actual_to_date"), "amount_mvnd"] == 390463
    assert b.loc[("revenue", "total", "actual_to_date"), "months"] == 11
    assert b.loc[("expenditure", "total", "year_estimate"), "amount_mvnd"] == 656800
    pct = hd.load("budget_percentages", year=2020)
    rev = pct[(pct.direction == "revenue") & (pct.line == "total") & (pct.measure == "actual_to_date")]
    assert rev.set_index("basis")["percent_raw"].to_dict() == {
        "province_estimate": "93,2", "city_estimate": "88,7", "same_period_last_year": "87,9"}
    boy = pct[pct.qualifier == "beginning_of_year"]
    assert sorted(boy.percent) == [84.7, 119.1]


def test_sessions_2020_and_2023():
    s = hd.load("sessions").set_index(["year", "session_no"])
    assert s.loc[(2020, 12), "days"] == 0.5 and s.loc[(2020, 12), "format"] == "online"
    assert s.loc[(2020, 13), "resolutions"] == 16 and s.loc[(2020, 13), "contents_raised"] == 48
    assert s.loc[(2023, 12), "confidence_vote_positions"] == 18 and s.loc[(2023, 12), "resolutions"] == 6


def test_2023_economy_and_targets():
    e = hd.load("economy", year=2023).set_index(["indicator", "sector"])["value"]
    assert e[("production_value_growth", "key_sectors_total")] == 10.15
    assert e[("structure_share", "industry_construction")] == 51.5
    assert e[("export_value", "local_exports")] == 13.6
    t = hd.load("resolution_targets", year=2023).set_index("status")
    assert (t.loc["met", "count"], t.loc["met", "total"]) == (16, 18)


def test_every_fact_row_cites_a_known_source():
    frames = hd.load_all(unit=None)
    sources = set(zip(frames["sources"].unit, frames["sources"].year, frames["sources"].source_id))
    assert [name for name, t in hd.TABLES.items() if not t.cites_source] == ["sources", "reviews"]
    for name, frame in frames.items():
        if hd.TABLES[name].cites_source:
            assert frame.locator.str.len().min() > 0, name
            assert set(zip(frame.unit, frame.year, frame.source_id)) <= sources, name


def test_a_second_unit_needs_only_a_folder(data_copy: Path):
    (data_copy / "other-town").mkdir()
    (data_copy / "lang-son-city" / "2020").rename(data_copy / "other-town" / "2020")
    for path in (data_copy / "other-town" / "2020").glob("*.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace("lang-son-city", "other-town"), encoding="utf-8")
    assert hd.units(data_copy) == ["lang-son-city", "other-town"]
    frame = hd.load("petitions", unit="other-town", data_dir=data_copy)
    assert set(frame.unit) == {"other-town"}
    both = hd.load("sessions", unit=None, data_dir=data_copy)
    assert set(zip(both.unit, both.year)) == {("other-town", 2020), ("lang-son-city", 2023)}


def test_data_dir_from_environment(data_copy: Path, monkeypatch):
    monkeypatch.setenv("HDND_DATA_DIR", str(data_copy))
    (data_copy / "lang-son-city" / "2023").rename(data_copy / "lang-son-city" / "2024")
    assert hd.years() == [2020, 2024]


# ------------------------------------------------------------------------------------------ bad input
def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        hd.load_all(unit=None, data_dir=data_dir, lang="en")
    return [str(p) for p in info.value.problems]


def test_all_bad_input_kinds_are_reported_at_once(data_copy: Path):
    y2020 = data_copy / "lang-son-city" / "2020"
    _edit(y2020 / "budget_execution.csv", ",390463,", ",390.463,")  # Vietnamese number in a machine column
    _edit(y2020 / "voter_contact.csv", ",877,", ",-877,")  # negative count
    _edit(y2020 / "sessions.csv", ",extraordinary,", ",bogus,")  # unknown enum value
    _edit(y2020 / "petitions.csv", "all,received,564", "all,received,many")  # wrong type
    _edit(y2020 / "citizen_reception.csv", "I.4.2,council_chair", "I.4.2,standing_committee_and_delegates")  # duplicate key
    _edit(y2020 / "petition_indicators.csv", "lsc-2020-annual-report,I.4.3,people_committee,received_previous_year",
          "no-such-source,I.4.3,people_committee,received_previous_year")  # unknown source
    _edit(y2020 / "budget_percentages.csv", ",93.2,", ",\"93,2\",")  # decimal comma
    problems = _problems(data_copy)
    text = "\n".join(problems)
    assert "lang-son-city/2020/budget_execution.csv, row 2, column 'amount_mvnd': '390.463' has a Vietnamese thousands dot" in text
    assert "voter_contact.csv, row 3, column 'voters_attending': -877 is negative" in text
    assert "sessions.csv, row 3, column 'kind': 'bogus' is not an allowed value" in text
    assert "petitions.csv, row 5, column 'count': 'many' is not an integer" in text
    assert "citizen_reception.csv, row 2: duplicate key" in text and "citizen_reception.csv, row 3: duplicate key" in text
    assert "petition_indicators.csv, row 2, column 'source_id': 'no-such-source' is not in sources.csv" in text
    assert "budget_percentages.csv, row 2, column 'percent': '93,2' has a decimal comma; write 93.2" in text
    assert len(problems) == 8


def test_wrong_columns_and_files(data_copy: Path):
    y2023 = data_copy / "lang-son-city" / "2023"
    _edit(y2023 / "economy.csv", "value_raw", "value_as_printed")
    (y2023 / "sesions.csv").write_text("unit\n", encoding="utf-8")
    text = "\n".join(_problems(data_copy))
    assert "2023/economy.csv, row 1, column 'value_raw': column is missing" in text
    assert "2023/economy.csv, row 1, column 'value_as_printed': unknown column" in text
    assert "2023/sesions.csv: unknown table file" in text


def test_missing_sources_file_and_required_value(data_copy: Path):
    y2023 = data_copy / "lang-son-city" / "2023"
    (y2023 / "sources.csv").unlink()
    _edit(y2023 / "task_groups.csv", "good,1,3", "good,,3")
    text = "\n".join(_problems(data_copy))
    assert "2023/sources.csv: sources.csv is missing" in text
    assert "task_groups.csv, row 2, column 'count': required value is empty" in text


def test_row_in_wrong_folder_and_bad_date(data_copy: Path):
    y2020 = data_copy / "lang-son-city" / "2020"
    _edit(y2020 / "sessions.csv", "lang-son-city,2020,lsc-2020-annual-report,I.1.2", "lang-son-city,2021,lsc-2020-annual-report,I.1.2")
    _edit(y2020 / "sessions.csv", "2020-07-28", "28/07/2020")
    text = "\n".join(_problems(data_copy))
    assert "sessions.csv, row 3, column 'year': 2021 but the file is in folder 2020/" in text
    assert "sessions.csv, row 4, column 'start_date': '28/07/2020' is not a date written YYYY-MM-DD" in text


def test_unknown_table_and_unit():
    with pytest.raises(KeyError):
        hd.load("no_such_table")
    with pytest.raises(hd.NoDataError, match="không có thư mục dữ liệu của đơn vị 'atlantis'"):
        hd.load("sessions", unit="atlantis")


def test_data_dictionary_is_up_to_date():
    from hdnd_data.data.dictionary import BEGIN, render_markdown

    text = (DATASETS / "README.md").read_text(encoding="utf-8")
    assert text.split(BEGIN, 1)[1] == render_markdown().split(BEGIN, 1)[1], "run: python -m hdnd_data.data.dictionary"


def test_malformed_csv_rows_and_empty_files(data_copy: Path):
    y2020 = data_copy / "lang-son-city" / "2020"
    text = (y2020 / "petitions.csv").read_text(encoding="utf-8").splitlines()
    text.insert(3, "")  # a blank line is skipped, and later rows keep their true line numbers
    text[5] = text[5] + ",extra"
    (y2020 / "petitions.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    (y2020 / "economy.csv").write_text("", encoding="utf-8")
    _edit(y2020 / "sessions.csv", "lang-son-city,2020,lsc-2020-annual-report,I.1.2,XX,12,extraordinary",
          "lang-son-city,2020,lsc-2020-annual-report,I.1.2,XX,12,bogus")
    text = "\n".join(_problems(data_copy))
    assert "petitions.csv, row 6: 9 fields but the header has 8" in text
    assert "2020/economy.csv: not a readable CSV file: it is empty" in text
    assert "sessions.csv, row 3, column 'kind': 'bogus' is not an allowed value" in text


# ------------------------------------------------------------------------------------------ the analyst's API
def test_a_year_without_data_is_its_own_clear_error():
    with pytest.raises(hd.NoDataError) as info:
        hd.load("budget_execution", year=2021, lang="en")
    assert str(info.value) == "no data for 2021 (available: 2020, 2023)"
    assert not isinstance(info.value, DataValidationError)
    with pytest.raises(hd.NoDataError, match=r"^không có dữ liệu năm 2021 \(có: 2020, 2023\)$"):
        hd.load_all(year=[2020, 2021])


def test_a_table_with_no_rows_in_that_years_sources_says_so():
    with pytest.warns(hd.NoRowsWarning, match="economy: không có dòng nào trong tài liệu nguồn của mọi đơn vị 2020"):
        frame = hd.load("economy", year=2020)
    assert frame.empty and list(frame.columns) == hd.TABLES["economy"].columns


def test_one_default_unit_and_no_odd_parameter_names():
    import inspect

    defaults = {f.__name__: inspect.signature(f).parameters["unit"].default for f in (hd.load, hd.load_all, hd.run_checks)}
    assert defaults == {"load": None, "load_all": None, "run_checks": None}
    for function in (hd.load, hd.load_all, hd.validate_frames, hd.run_checks):
        assert not [p for p in inspect.signature(function).parameters if p.endswith("_")], function.__name__
    assert list(hd.load_all(year=2023, tables=["economy"])) == ["economy"]


def test_vietnamese_labels_for_coded_values_on_request():
    coded = hd.load("budget_percentages", year=2020)
    shown = hd.load("budget_percentages", year=2020, labels="vi")
    first = coded.index[(coded.direction == "revenue") & (coded.basis == "province_estimate")][0]
    assert (shown.at[first, "direction"], shown.at[first, "basis"]) == ("Thu ngân sách", "Dự toán tỉnh giao")
    assert shown.at[first, "percent"] == 93.2  # figures untouched
    pd.testing.assert_frame_equal(hd.label(coded), shown)
    assert hd.label(coded, lang="en").at[first, "basis"] == "Province-assigned estimate"
