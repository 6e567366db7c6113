"""One problem pipeline: each bad value is named once, at its place, the same way in a CSV file, a workbook and a frame.

Every case spoils the first budget row of 2020 (390.463 million VND of revenue, row 2 of the CSV file, row 3 of
the sheet, index 0 of the frame) and expects exactly one problem there, in Vietnamese, never pandera's wording.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.data.loader import csv_text
from hdnd_data.workbook.excel import WorkbookError, export_workbook, import_workbook, sheet_columns

from .conftest import DATASETS

BUDGET = "budget_execution"
SKIP = object()  # the case does not apply to this input (e.g. a workbook accepts "390.463" typed as text)


@dataclass(frozen=True)
class Case:
    name: str
    column: str
    csv: object  # text written into the CSV cell
    cell: object  # value typed into the workbook cell
    frame: object  # value put into the analyst's frame
    expect_csv: str
    expect_cell: str
    expect_frame: str


CASES = [
    Case("30-digit count", "amount_mvnd", "1" + "0" * 29, "1" + "0" * 29, 10**29,
         "vượt quá số nguyên lớn nhất", "vượt quá số nguyên lớn nhất", "vượt quá số nguyên lớn nhất"),
    Case("1e20 in an integer column", "amount_mvnd", "1e20", 1e20, 1e20,
         "'1e20' không phải số nguyên", "vượt quá số nguyên lớn nhất", "vượt quá số nguyên lớn nhất"),
    Case("non-finite number", "amount_mvnd", "1" + "0" * 400, "1e400", float("inf"),
         "vượt quá số nguyên lớn nhất", "'1e400' không phải số nguyên viết kiểu Việt Nam", "inf không phải một số hữu hạn"),
    Case("Vietnamese number in a machine column", "amount_mvnd", "390.463", SKIP, "390.463",
         "'390.463' có dấu chấm ngăn hàng nghìn", "", "'390.463' có dấu chấm ngăn hàng nghìn"),
    Case("fraction in an integer column", "amount_mvnd", "390463.5", 390463.5, 390463.5,
         "'390463.5' không phải số nguyên", "390463.5 có phần thập phân", "390463.5 có phần thập phân"),
    Case("empty required amount", "amount_mvnd", "", None, None,
         "giá trị bắt buộc đang trống", "giá trị bắt buộc đang trống", "giá trị bắt buộc đang trống"),
    Case("negative amount", "amount_mvnd", "-5", -5, -5,
         "-5 là số âm", "-5 là số âm", "-5 là số âm"),
    Case("months above twelve", "months", "13", 13, 13, "13 lớn hơn 12", "13 lớn hơn 12", "13 lớn hơn 12"),
    Case("unknown coded value", "direction", "income", "income", "income",
         "'income' không có trong danh sách; chọn một trong: revenue, expenditure",
         "'income' không có trong danh sách; chọn một trong: Thu ngân sách, Chi ngân sách",
         "'income' không có trong danh sách; chọn một trong: revenue, expenditure"),
    Case("empty key cell", "direction", "", None, None,
         "giá trị bắt buộc đang trống", "giá trị bắt buộc đang trống", "giá trị bắt buộc đang trống"),
    Case("unknown source", "source_id", "no-such-report", "no-such-report", "no-such-report",
         "'no-such-report' không có trong sources.csv của lang-son-city/2020",
         "nguồn 'no-such-report' không có trong trang sources", "'no-such-report' không có trong sources.csv"),
    # the figure as printed and the number stored beside it must agree (a typist's slip in one of them)
    Case("figure as printed differs from the number", "amount_raw", "390.436", "390.436", "390.436",
         "'390.436' đọc là 390.436, khác amount_mvnd = 390.463", "'390.436' đọc là 390.436, khác amount_mvnd = 390.463",
         "'390.436' đọc là 390.436, khác amount_mvnd = 390.463"),
    Case("figure as printed that is not a Vietnamese number", "amount_raw", "390,46.3", "390,46.3", "390,46.3",
         "'390,46.3' không đọc được", "'390,46.3' không đọc được", "'390,46.3' không đọc được"),
    Case("date in a text column", "locator", SKIP, pd.Timestamp("2020-01-01").to_pydatetime(), pd.Timestamp("2020-01-01"),
         "", "ngày tháng trong cột văn bản", "là Timestamp, không phải văn bản"),
]
IDS = [c.name for c in CASES]


def _assert_one(problems: list, place: str, expected: str) -> str:
    texts = [str(p) for p in problems]
    assert len(texts) == 1, texts
    assert texts[0].startswith(place), texts
    assert expected in texts[0], texts
    assert "coerce_dtype" not in texts[0] and "fails" not in texts[0]
    return texts[0]


def _set_csv_cell(path: Path, row: int, column: str, text: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row - 1][rows[0].index(column)] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_csv_file(case: Case, data_copy: Path):
    if case.csv is SKIP:
        pytest.skip("a CSV cell is always text")
    _set_csv_cell(data_copy / "lang-son-city" / "2020" / f"{BUDGET}.csv", 2, case.column, case.csv)
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(unit=None, data_dir=data_copy)
    _assert_one(info.value.problems, f"lang-son-city/2020/{BUDGET}.csv, dòng 2, cột '{case.column}'", case.expect_csv)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    return export_workbook(tmp_path_factory.mktemp("book") / "2020.xlsx", year=2020)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_workbook_sheet(case: Case, book: Path, tmp_path: Path):
    if case.cell is SKIP:
        pytest.skip("a clerk may type 390.463 as text: it is read the Vietnamese way")
    path = Path(shutil.copy(book, tmp_path / book.name))
    wb = openpyxl.load_workbook(path)
    letter = openpyxl.utils.get_column_letter(sheet_columns(hd.TABLES[BUDGET]).index(case.column) + 1)
    wb[BUDGET][f"{letter}3"].value = case.cell
    wb.save(path)
    with pytest.raises(WorkbookError) as info:
        import_workbook(path, year=2020, data_dir=tmp_path / "data")
    title = hd.TABLES[BUDGET].described[case.column].title
    _assert_one(info.value.problems, f"{BUDGET}!{letter}3, cột {case.column} ({title})", case.expect_cell)
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_edited_frame(case: Case):
    frames = hd.load_all(year=2020)
    budget = frames[BUDGET].astype({case.column: object})
    budget.index = budget.index + 100  # problems name the analyst's own index labels
    budget.at[100, case.column] = case.frame
    with pytest.raises(hd.DataValidationError) as info:
        hd.validate_frames({**frames, BUDGET: budget})
    _assert_one(info.value.problems, f"{BUDGET}, chỉ mục 100, cột '{case.column}'", case.expect_frame)


def test_the_same_problem_in_english_on_request(data_copy: Path):
    _set_csv_cell(data_copy / "lang-son-city" / "2020" / f"{BUDGET}.csv", 2, "amount_mvnd", "-5")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy, lang="en")
    assert str(info.value) == (
        "invalid data: 1 problem(s)\n"
        f"  - lang-son-city/2020/{BUDGET}.csv, row 2, column 'amount_mvnd': -5 is negative; counts and amounts cannot be")
    assert info.value.text("vi").startswith("Số liệu không hợp lệ: 1 lỗi")


# ------------------------------------------------------------------------------------ duplicates
def test_duplicate_key_in_every_input(data_copy: Path, book: Path, tmp_path: Path):
    path = data_copy / "lang-son-city" / "2020" / f"{BUDGET}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[1], lines[1], *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy)
    texts = [str(p) for p in info.value.problems]
    assert texts == [
        f"lang-son-city/2020/{BUDGET}.csv, dòng 2: trùng khóa (unit=lang-son-city, year=2020, direction=revenue, line=total, "
        f"measure=actual_to_date); trùng với lang-son-city/2020/{BUDGET}.csv dòng 3",
        f"lang-son-city/2020/{BUDGET}.csv, dòng 3: trùng khóa (unit=lang-son-city, year=2020, direction=revenue, line=total, "
        f"measure=actual_to_date); trùng với lang-son-city/2020/{BUDGET}.csv dòng 2",
    ]

    frames = hd.load_all(year=2020)
    doubled = pd.concat([frames[BUDGET].iloc[:1], frames[BUDGET]], ignore_index=True)
    with pytest.raises(hd.DataValidationError) as info:
        hd.validate_frames({**frames, BUDGET: doubled})
    assert [str(p).split(":")[0] for p in info.value.problems] == [f"{BUDGET}, chỉ mục 0", f"{BUDGET}, chỉ mục 1"]
    assert "trùng với chỉ mục 1" in str(info.value.problems[0])


# ------------------------------------------------------------------------------------ the shape of the input
def test_duplicate_header_names(data_copy: Path):
    path = data_copy / "lang-son-city" / "2020" / f"{BUDGET}.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace("amount_raw", "amount_mvnd")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy, lang="en")
    texts = [str(p) for p in info.value.problems]
    assert f"lang-son-city/2020/{BUDGET}.csv, row 1, column 'amount_mvnd': column name repeated in the header (2 times)" in texts
    assert f"lang-son-city/2020/{BUDGET}.csv, row 1, column 'amount_raw': column is missing" in texts

    frames = hd.load_all(year=2020)
    frame = frames[BUDGET].rename(columns={"amount_raw": "amount_mvnd"})
    with pytest.raises(hd.DataValidationError) as info:
        hd.validate_frames({BUDGET: frame}, lang="en")
    assert f"{BUDGET}, column 'amount_mvnd': column name repeated in the header (2 times)" in [str(p) for p in info.value.problems]


def test_duplicate_column_code_in_a_sheet(book: Path, tmp_path: Path):
    path = Path(shutil.copy(book, tmp_path / book.name))
    wb = openpyxl.load_workbook(path)
    wb[BUDGET]["H2"].value = "amount_mvnd"  # amount_raw's code replaced by amount_mvnd's
    wb.save(path)
    with pytest.raises(WorkbookError) as info:
        import_workbook(path, year=2020, data_dir=tmp_path / "data")
    texts = [str(p) for p in info.value.problems]
    assert f"{BUDGET}!H2, cột amount_mvnd (Số tiền): mã cột amount_mvnd lặp lại (đã có ở ô G2)" in texts


def test_a_year_folder_that_is_not_a_plain_year(data_copy: Path):
    shutil.copytree(data_copy / "lang-son-city" / "2020", data_copy / "lang-son-city" / "0202")
    assert hd.years(data_dir=data_copy) == [2020, 2023]  # never read as year 202
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy)
    assert [str(p) for p in info.value.problems] == [
        "lang-son-city/0202: thư mục '0202' không phải một năm (tên thư mục năm viết như 2020)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name_vi: [unclosed\n", "lang-son-city/unit.yaml, dòng 2: không đọc được unit.yaml: sai cú pháp YAML ở ký tự thứ 1"),
        ("- a list\n- not a mapping\n", "lang-son-city/unit.yaml: unit.yaml phải là bảng khóa: giá trị, có name_vi và name_en là văn "),
        ("name_vi: 12\nname_en: Lạng Sơn city\n", "lang-son-city/unit.yaml: unit.yaml: name_vi phải là văn bản (đang là int)"),
    ],
    ids=["malformed", "a list", "a number for a name"],
)
def test_unit_yaml_that_is_malformed_or_wrong_shaped(data_copy: Path, text: str, expected: str):
    (data_copy / "lang-son-city" / "unit.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy)
    texts = [str(p) for p in info.value.problems]
    assert len(texts) == 1 and texts[0].startswith(expected), texts


def test_every_problem_of_every_input_at_once(data_copy: Path):
    year = data_copy / "lang-son-city" / "2020"
    _set_csv_cell(year / f"{BUDGET}.csv", 2, "amount_mvnd", "1e20")
    _set_csv_cell(year / f"{BUDGET}.csv", 3, "direction", "")
    _set_csv_cell(year / "petitions.csv", 2, "count", "-3")
    (data_copy / "lang-son-city" / "unit.yaml").write_text("[", encoding="utf-8")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy)
    places = [str(p).split(":")[0] for p in info.value.problems]
    assert places == [
        f"lang-son-city/2020/{BUDGET}.csv, dòng 2, cột 'amount_mvnd'",
        f"lang-son-city/2020/{BUDGET}.csv, dòng 3, cột 'direction'",
        "lang-son-city/2020/petitions.csv, dòng 2, cột 'count'",
        "lang-son-city/unit.yaml, dòng 1",
    ]


def test_the_command_names_a_missing_year_in_one_line(capsys):
    from hdnd_data.cli import main

    assert main(["summary", "--year", "2021"]) == 2
    assert capsys.readouterr().err.strip() == "không có dữ liệu năm 2021 (có: 2020, 2023)"
    assert main(["check", "--year", "2021", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "no data for 2021 (available: 2020, 2023)"


def test_a_missing_column_is_named_once_not_on_every_row(data_copy: Path):
    path = data_copy / "lang-son-city" / "2020" / f"{BUDGET}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="locator")
    frame.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(hd.DataValidationError) as info:
        hd.load_all(data_dir=data_copy)
    assert [str(p) for p in info.value.problems] == [f"lang-son-city/2020/{BUDGET}.csv, dòng 1, cột 'locator': thiếu cột này"]

    frames = hd.load_all(year=2020)
    with pytest.raises(hd.DataValidationError) as info:
        hd.validate_frames({**frames, BUDGET: frames[BUDGET].drop(columns="locator")})
    assert [str(p) for p in info.value.problems] == [f"{BUDGET}, cột 'locator': thiếu cột này"]


@pytest.mark.parametrize("path", sorted(p.relative_to(DATASETS).as_posix() for p in DATASETS.glob("*/*/*.csv")))
def test_loading_then_writing_gives_back_each_canonical_file(path: str):
    """Typing is lossless: every real file, loaded and written by its column kinds, is the same text."""
    unit, year, name = path.removesuffix(".csv").split("/")
    original = (DATASETS / path).read_text(encoding="utf-8")
    frame = hd.load(name, unit=unit, year=int(year))
    written = csv_text(frame, hd.TABLES[name])
    assert list(csv.reader(io.StringIO(written))) == list(csv.reader(io.StringIO(original)))


def test_a_figure_as_printed_agrees_with_its_number_in_the_ways_reports_print_it():
    # the 2020 report prints a fall of one point as "giảm 1" (stored -1), half a day as "1/2" (0.5); a length in
    # words ("hai ngày") has no digits to compare; a slip in either figure is named at the printed cell
    frames = hd.load_all(year=2020)
    sessions = frames["sessions"].copy()
    assert {("1/2", 0.5), ("02", 2.0)} <= set(zip(sessions["days_raw"], sessions["days"]))
    sessions.loc[0, "days_raw"] = "hai"
    indicators = frames["petition_indicators"]
    change = indicators.loc[indicators["indicator"] == "settlement_rate_change"]
    assert (change["value"].tolist(), change["value_raw"].tolist()) == ([-1.0], ["1"])
    hd.validate_frames({**frames, "sessions": sessions})  # nothing to say
    sessions.loc[1, "days_raw"] = "1/3"  # a third of a day is not the half stored
    with pytest.raises(hd.DataValidationError) as info:
        hd.validate_frames({**frames, "sessions": sessions})
    _assert_one(info.value.problems, "sessions, chỉ mục 1, cột 'days_raw'", "'1/3' đọc là 0,333, khác days = 0,5")
