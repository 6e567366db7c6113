"""Excel round trip of the real 2020 and 2023 figures, the template for a new year, and every kind of bad workbook."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import hdnd_data as hd
from hdnd_data.cli import main
from hdnd_data.data.loader import DataValidationError
from hdnd_data.labels import term
from hdnd_data.workbook.excel import (
    INSTRUCTION_SHEETS,
    WorkbookError,
    csv_text,
    export_workbook,
    import_workbook,
    sheet_columns,
)
from hdnd_data.workbook.layout import LIST_SHEET, code_of

from .conftest import DATASETS, REPO

UNIT = "lang-son-city"


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _edit(path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def exported_2020(tmp_path_factory) -> Path:
    return export_workbook(tmp_path_factory.mktemp("export") / "hdnd-2020.xlsx", year=2020)


@pytest.fixture
def book_2020(exported_2020: Path, tmp_path: Path) -> Path:
    """A fresh copy of the exported 2020 workbook that the test may spoil."""
    return Path(shutil.copy(exported_2020, tmp_path / exported_2020.name))


def _problems(path: Path, year: int = 2020, **kwargs) -> list[str]:
    target = Path(kwargs.pop("data_dir", path.parent / "imported"))
    before = _snapshot(target) if target.exists() else None
    with pytest.raises(WorkbookError) as info:
        import_workbook(path, year=year, data_dir=target, **kwargs)
    assert (_snapshot(target) if target.exists() else None) == before
    return [str(p) for p in info.value.problems]


def _only(problems: list[str], where: str) -> str:
    found = [p for p in problems if p.startswith(where + ",") or p.startswith(where + ":")]
    assert len(found) == 1, (where, problems)
    return found[0]


# ------------------------------------------------------------------------------------------- round trip
def _canonical(text: str) -> str:
    """The text re-written with minimal quoting: what any CSV writer would produce for the same fields."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
    return buffer.getvalue()


@pytest.mark.parametrize("year", [2020, 2023])
def test_export_then_import_gives_back_identical_tables(tmp_path, year):
    book = export_workbook(tmp_path / f"{year}.xlsx", year=year)
    target = tmp_path / "data"
    returned = import_workbook(book, year=year, data_dir=target)

    before, after = hd.load_all(UNIT, year), hd.load_all(UNIT, year, target)
    for name in hd.tables():
        pd.testing.assert_frame_equal(after[name], before[name])
        pd.testing.assert_frame_equal(returned[name], before[name])
    original_dir, written_dir = DATASETS / UNIT / str(year), target / UNIT / str(year)
    assert sorted(p.name for p in written_dir.iterdir()) == sorted(p.name for p in original_dir.glob("*.csv"))
    for written in written_dir.iterdir():
        original = (original_dir / written.name).read_text(encoding="utf-8")
        new = written.read_text(encoding="utf-8")
        # Same fields everywhere; the same bytes wherever the canonical file does not quote a field needlessly.
        assert list(csv.reader(io.StringIO(new))) == list(csv.reader(io.StringIO(original))), written.name
        if _canonical(original) == original:
            assert new == original, written.name


def test_round_trip_keeps_the_reported_figures(book_2020, tmp_path):
    import_workbook(book_2020, year=2020, data_dir=tmp_path / "data")
    budget = hd.load("budget_execution", year=2020, data_dir=tmp_path / "data").set_index(["direction", "line", "measure"])
    assert budget.loc[("revenue", "total", "actual_to_date"), "amount_mvnd"] == 390463
    assert budget.loc[("revenue", "total", "actual_to_date"), "amount_raw"] == "390.463"
    sessions = hd.load("sessions", year=2020, data_dir=tmp_path / "data").set_index("session_no")
    assert sessions.loc[12, "days"] == 0.5 and sessions.loc[12, "days_raw"] == "1/2"
    assert sessions.loc[11, "days_raw"] == "02" and sessions.loc[13, "start_date"] == pd.Timestamp("2020-07-28")


def test_csv_text_of_loaded_table_is_the_canonical_file():
    text = csv_text(hd.load("petitions", year=2020), hd.TABLES["petitions"])
    assert text == (DATASETS / UNIT / "2020" / "petitions.csv").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------- workbook layout
def test_sheets_headers_notes_dropdowns_and_formats(book_2020):
    wb = openpyxl.load_workbook(book_2020)
    assert wb.sheetnames[0] == INSTRUCTION_SHEETS["vi"]
    assert wb.sheetnames[1:-1] == hd.tables()
    assert wb.sheetnames[-1] == LIST_SHEET and wb[LIST_SHEET].sheet_state == "hidden"
    ws = wb["budget_execution"]
    assert [c.value for c in ws[2]] == sheet_columns(hd.TABLES["budget_execution"])
    assert "unit" not in sheet_columns(hd.TABLES["budget_execution"])
    assert ws["G1"].value == "Số tiền (triệu đồng)"
    assert "Đơn vị tính: triệu đồng" in ws["G1"].comment.text and "Bắt buộc" in ws["G1"].comment.text
    assert ws["G3"].value == 390463 and ws["G3"].number_format == "#,##0"
    assert ws.freeze_panes == "A3"
    # coded columns show and offer their Vietnamese labels; the list sits on the hidden sheet (labels hold commas)
    assert (ws["C3"].value, ws["D4"].value) == ("Thu ngân sách", "Thu nội địa (trừ tiền sử dụng đất, xổ số)")
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    sheet, cells = lists["C3"].split("!")
    first, last = cells.replace("$", "").split(":")
    offered = [c.value for row in wb[sheet.strip("'")][first:last] for c in row]
    assert offered == ["Thu ngân sách", "Chi ngân sách"]
    sessions = wb["sessions"]
    assert sessions["H3"].value.date() == date(2019, 12, 17) and sessions["H3"].number_format == "dd/mm/yyyy"
    assert sessions["K3"].value == "02" and sessions["K3"].number_format == "@"


def test_text_that_looks_like_a_formula_is_written_as_text(data_copy, tmp_path):
    path = data_copy / UNIT / "2023" / "target_details.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    risky = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+84 traffic", "-2 targets", "@SUM(A1:A2)"]
    frame = pd.concat([frame] * 2, ignore_index=True).iloc[: len(risky)]
    frame["item_no"] = [str(i) for i in range(1, len(risky) + 1)]
    frame["target"] = risky
    frame.to_csv(path, index=False, lineterminator="\n")
    book = export_workbook(tmp_path / "risky.xlsx", year=2023, data_dir=data_copy)

    ws = openpyxl.load_workbook(book)["target_details"]
    cells = [ws.cell(row, sheet_columns(hd.TABLES["target_details"]).index("target") + 1) for row in range(3, 3 + len(risky))]
    assert [c.value for c in cells] == risky
    assert {c.data_type for c in cells} == {"s"}
    assert all(c.quotePrefix for c in cells)
    back = import_workbook(book, year=2023, data_dir=data_copy, force=True)
    assert back["target_details"]["target"].tolist() == risky


# ------------------------------------------------------------------------------------------ new year
def test_template_for_a_new_year_filled_and_imported(data_copy, tmp_path):
    book = export_workbook(tmp_path / "2024.xlsx", year=2024, data_dir=data_copy, template=True)
    wb = openpyxl.load_workbook(book)
    assert all(wb[name].max_row == 2 for name in hd.tables())
    guide = "\n".join(str(c.value) for row in wb[INSTRUCTION_SHEETS["vi"]].iter_rows() for c in row if c.value)
    assert "năm 2024" in guide and "trang sources là bắt buộc" in guide and "--year 2024" in guide
    assert wb["budget_execution"].column_dimensions["G"].number_format == "#,##0"

    sources, budget, pct = wb["sources"], wb["budget_execution"], wb["budget_percentages"]
    sources.append(["bc-2024", "annual_activity_report", "Test report for a new year", "Thường trực HĐND", None, None,
                    date(2024, 1, 1), "31/12/2024", "none.txt"])
    budget.append(["bc-2024", "I.3.2", "revenue", "total", "actual_to_date", 11, "390.463", "390.463"])
    pct.append(["bc-2024", "I.3.2", "revenue", "total", "actual_to_date", "province_estimate", "none", "dự toán tỉnh giao",
                "93,2", "93,2"])
    wb.save(book)
    before = _snapshot(data_copy / UNIT / "2020")

    import_workbook(book, year=2024, data_dir=data_copy)
    row = hd.load("budget_execution", year=2024, data_dir=data_copy).iloc[0]
    assert (row.unit, row.year, row.amount_mvnd, row.amount_raw) == (UNIT, 2024, 390463, "390.463")
    assert hd.load("budget_percentages", year=2024, data_dir=data_copy).percent.tolist() == [93.2]
    src = hd.load("sources", year=2024, data_dir=data_copy).iloc[0]
    assert (src.period_start, src.period_end) == (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"))
    assert sorted(p.name for p in (data_copy / UNIT / "2024").iterdir()) == [
        "budget_execution.csv", "budget_percentages.csv", "sources.csv"]
    assert _snapshot(data_copy / UNIT / "2020") == before
    hd.load_all(UNIT, None, data_copy)


def test_existing_year_is_overwritten_only_with_force(book_2020, data_copy):
    before = _snapshot(data_copy)
    with pytest.raises(FileExistsError, match="--force"):
        import_workbook(book_2020, year=2020, data_dir=data_copy)
    assert _snapshot(data_copy) == before
    import_workbook(book_2020, year=2020, data_dir=data_copy, force=True)
    assert _snapshot(data_copy) == before  # every 2020 file is rewritten byte for byte


def test_emptied_sheet_replaces_the_file_with_a_header(book_2020, data_copy):
    def clear(wb):
        wb["petitions"].delete_rows(3, wb["petitions"].max_row)

    import_workbook(_edit(book_2020, clear), year=2020, data_dir=data_copy, force=True)
    with pytest.warns(hd.NoRowsWarning):
        assert hd.load("petitions", year=2020, data_dir=data_copy).empty
    assert (data_copy / UNIT / "2020" / "petitions.csv").read_text(encoding="utf-8").count("\n") == 1


def test_dry_run_writes_nothing(book_2020, tmp_path):
    frames = import_workbook(book_2020, year=2020, data_dir=tmp_path / "data", dry_run=True)
    assert frames["petitions"]["count"].sum() > 0 and not (tmp_path / "data").exists()


# ------------------------------------------------------------------------------------------ bad input
def _set(sheet: str, cell: str, value, number_format: str | None = None):
    def change(wb):
        wb[sheet][cell].value = value
        if number_format:
            wb[sheet][cell].number_format = number_format

    return change


def test_text_in_a_number_cell(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_execution", "G3", "nhiều")))
    assert _only(problems, "budget_execution!G3") == (
        "budget_execution!G3, cột amount_mvnd (Số tiền): 'nhiều' không phải số nguyên viết kiểu Việt Nam (ví dụ 390.463)")


def test_vietnamese_number_typed_as_text_is_accepted_when_unambiguous(book_2020, tmp_path):
    def change(wb):
        wb["budget_execution"]["G3"].value = "390.463"
        wb["budget_percentages"]["I3"].value = "93,2"
        wb["voter_contact"]["K3"].value = "1.766"

    frames = import_workbook(_edit(book_2020, change), year=2020, data_dir=tmp_path / "d", dry_run=True)
    assert frames["budget_execution"]["amount_mvnd"].iloc[0] == 390463
    assert frames["budget_percentages"]["percent"].iloc[0] == 93.2
    assert frames["voter_contact"]["voters_attending"].iloc[0] == 1766


@pytest.mark.parametrize(
    ("sheet", "cell", "text", "reason"),
    [
        ("budget_execution", "G3", "3904.63", "không phải số nguyên viết kiểu Việt Nam"),
        ("budget_execution", "G3", "390,5", "có phần thập phân"),
        ("budget_percentages", "I3", "1.5", "không phải số viết kiểu Việt Nam"),
        ("budget_percentages", "I3", "1.500", "'1.500' có hai cách hiểu (1500 hay 1.500)"),
    ],
)
def test_ambiguous_or_malformed_text_numbers_are_reported(book_2020, sheet, cell, text, reason):
    message = _only(_problems(_edit(book_2020, _set(sheet, cell, text))), f"{sheet}!{cell}")
    assert reason in message


def test_real_number_with_a_fraction_in_a_whole_number_column(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_execution", "G3", 390463.5)))
    assert "390463.5 có phần thập phân; cột này chỉ nhận số nguyên" in _only(problems, "budget_execution!G3")


def test_percentage_formatted_cell_is_refused(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_percentages", "I3", 0.932, "0.0%")))
    assert "ô định dạng phần trăm" in _only(problems, "budget_percentages!I3")


def test_empty_required_cell(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_execution", "B3", None)))
    assert _only(problems, "budget_execution!B3") == "budget_execution!B3, cột locator (Mục): giá trị bắt buộc đang trống"


def test_unknown_dropdown_value(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_execution", "C3", "income")))
    assert _only(problems, "budget_execution!C3").endswith(
        "'income' không có trong danh sách; chọn một trong: Thu ngân sách, Chi ngân sách")


def test_negative_count(book_2020):
    ws = openpyxl.load_workbook(book_2020)["petitions"]
    assert ws["F3"].value == 11  # standing committee: petitions received
    problems = _problems(_edit(book_2020, _set("petitions", "F3", -11)))
    assert _only(problems, "petitions!F3") == "petitions!F3, cột count (Số đơn): -11 là số âm; số lượng và số tiền không được âm"


def test_duplicate_key_names_both_rows(book_2020):
    def copy_row(wb):
        ws = wb["budget_execution"]
        for col in range(1, ws.max_column + 1):
            ws.cell(4, col).value = ws.cell(3, col).value

    problems = _problems(_edit(book_2020, copy_row))
    first = _only(problems, "budget_execution!C3")
    assert first.endswith("trùng khóa (direction=revenue, line=total, measure=actual_to_date); trùng với dòng 4")
    assert "trùng với dòng 3" in _only(problems, "budget_execution!C4")


def test_unknown_source(book_2020):
    problems = _problems(_edit(book_2020, _set("petitions", "A5", "no-such-report")))
    assert "nguồn 'no-such-report' không có trong trang sources" in _only(problems, "petitions!A5")


def test_missing_and_extra_sheet(book_2020):
    def change(wb):
        del wb["economy"]
        wb.create_sheet("Ghi chú")

    problems = _problems(_edit(book_2020, change))
    assert _only(problems, "economy") == "economy: thiếu trang economy; không được xóa hay đổi tên trang"
    assert _only(problems, "Ghi chú").startswith("Ghi chú: trang không thuộc mẫu")


def test_missing_and_extra_column(book_2020):
    def change(wb):
        wb["budget_execution"].delete_cols(8)  # amount_raw
        wb["petitions"]["G2"].value = "ghi_chu"
        wb["petitions"]["G3"].value = "a note"
        wb["sessions"]["W5"].value = "stray"

    problems = _problems(_edit(book_2020, change))
    missing = _only(problems, "budget_execution, cột amount_raw (Nguyên văn)")
    assert missing.endswith("thiếu cột này; mã cột của nó phải có ở dòng 2")
    assert "cột 'ghi_chu' không thuộc bảng petitions" in _only(problems, "petitions!G2")
    assert "có dữ liệu ngoài các cột của bảng" in _only(problems, "sessions!W5")


def test_merged_cells(book_2020):
    problems = _problems(_edit(book_2020, lambda wb: wb["budget_execution"].merge_cells("A3:B3")))
    assert _only(problems, "budget_execution!A3:B3") == "budget_execution!A3:B3: ô gộp A3:B3; hãy bỏ gộp ô"


def test_formula_cell(book_2020):
    problems = _problems(_edit(book_2020, _set("budget_execution", "G3", "=390000+463")))
    assert "ô chứa công thức =390000+463; chỉ nhập giá trị" in _only(problems, "budget_execution!G3")


def test_workbook_of_another_year(book_2020):
    problems = _problems(book_2020, year=2021)
    assert any("tệp được lập cho lang-son-city năm 2020, nhưng lệnh nhập vào lang-son-city năm 2021" in p for p in problems)


def test_every_problem_at_once_and_nothing_written(book_2020, data_copy):
    def spoil(wb):
        wb["budget_execution"]["G3"].value = "nhiều"
        wb["budget_execution"]["C4"].value = "income"
        wb["petitions"]["F3"].value = -11
        wb["sessions"]["H3"].value = "=TODAY()"
        wb["voter_contact"].merge_cells("A3:B3")
        del wb["economy"]

    before = _snapshot(data_copy)
    with pytest.raises(WorkbookError) as info:
        import_workbook(_edit(book_2020, spoil), year=2020, data_dir=data_copy, force=True)
    assert _snapshot(data_copy) == before
    cells = [getattr(p, "cell", None) for p in info.value.problems]
    assert {"G3", "C4", "F3", "H3", "A3:B3"} <= set(cells)
    text = str(info.value)
    assert text.startswith("Tệp Excel hdnd-2020.xlsx không hợp lệ: 6 lỗi; chưa ghi tệp nào.")
    assert isinstance(info.value, DataValidationError)


def test_messages_in_english_on_request(book_2020):
    problems = _problems(_edit(book_2020, _set("petitions", "F3", -11)), lang="en")
    assert _only(problems, "petitions!F3") == "petitions!F3, column count (Số đơn): -11 is negative; counts and amounts cannot be"


def test_not_a_workbook(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    assert _problems(bad)[0].startswith("notes.xlsx: không phải tệp Excel .xlsx")


# ----------------------------------------------------------------------------------------------- CLI
def test_cli_template_export_and_invalid_import(tmp_path, capsys):
    book = tmp_path / "2024.xlsx"
    assert main(["excel", "export", "--year", "2024", "--template", "--output", str(book)]) == 0
    assert main(["excel", "import", str(book), "--year", "2024", "--data-dir", str(tmp_path / "data")]) == 2
    assert "sources!A3: trang sources chưa có dòng nào" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
    assert main(["excel", "export", "--year", "2024", "--output", str(tmp_path / "none.xlsx")]) == 2
    assert "dùng --template" in capsys.readouterr().err


def test_cli_round_trip_in_a_subprocess(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    book = tmp_path / "2023.xlsx"
    run = [sys.executable, "-m", "hdnd_data.cli", "excel"]
    subprocess.run([*run, "export", "--year", "2023", "--output", str(book)], cwd=REPO, env=env, check=True, capture_output=True)
    done = subprocess.run([*run, "import", str(book), "--year", "2023", "--data-dir", str(tmp_path / "data")],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "economy 10" in done.stdout
    assert hd.load("economy", year=2023, data_dir=tmp_path / "data")["value_raw"].iloc[0] == "10,15"


def test_english_instructions_and_notes_on_request(tmp_path):
    book = export_workbook(tmp_path / "en.xlsx", year=2023, lang="en")
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == INSTRUCTION_SHEETS["en"] == "Instructions"
    assert wb["economy"]["E1"].value == "Giá trị" and "Number (decimals allowed)" in wb["economy"]["E1"].comment.text
    assert wb["economy"]["E3"].value == 10.15 and wb["economy"]["F3"].value == "10,15"
    assert import_workbook(book, year=2023, data_dir=tmp_path / "data")["economy"]["value"].iloc[0] == 10.15


# ------------------------------------------------------------------------------------------ the clerk's points
def test_header_notes_give_the_meaning_in_the_clerks_language(book_2020, tmp_path):
    vi = openpyxl.load_workbook(book_2020)["voter_contact"]
    column = sheet_columns(hd.TABLES["voter_contact"]).index("consolidated") + 1
    note = vi.cell(1, column).comment.text
    assert "Số ý kiến, kiến nghị Thường trực HĐND tổng hợp" in note and "Recommendations" not in note
    en = openpyxl.load_workbook(export_workbook(tmp_path / "en.xlsx", year=2020, lang="en"))["voter_contact"]
    assert "Recommendations consolidated by the Standing Committee" in en.cell(1, column).comment.text


def test_import_takes_the_label_in_either_language_or_the_code(book_2020, tmp_path):
    described = hd.TABLES["petitions"].described

    def change(wb):
        ws = wb["petitions"]
        assert (ws["C3"].value, ws["D3"].value, ws["E3"].value) == ("Thường trực HĐND", "Tổng số", "Tiếp nhận")
        ws["D4"].value = code_of(ws["D4"].value, described["petition_type"])  # the code
        ws["E5"].value = "  " + ws["E5"].value.upper() + " "  # a label typed by hand, other case and spacing
        ws["C6"].value = term(code_of(ws["C6"].value, described["recipient"]), "en")  # the English label
        assert ws["C6"].value == "City People's Committee"

    frames = import_workbook(_edit(book_2020, change), year=2020, data_dir=tmp_path / "d", dry_run=True)
    pd.testing.assert_frame_equal(frames["petitions"], hd.load("petitions", year=2020))


def test_a_figure_is_typed_once_the_printed_text_is_derived(book_2020, tmp_path):
    indicators = openpyxl.load_workbook(book_2020)["petition_indicators"]
    decrease = next(row for row in range(3, indicators.max_row + 1) if indicators[f"E{row}"].value == -1)
    assert indicators[f"F{decrease}"].value == "1"  # printed "giảm 1": the sign is a word, not in the figure

    def change(wb):
        wb["budget_execution"]["H3"].value = None  # amount_raw of 390.463
        wb["budget_percentages"]["J3"].value = None  # percent_raw of 93,2
        wb["petition_indicators"][f"F{decrease}"].value = None
    frames = import_workbook(_edit(book_2020, change), year=2020, data_dir=tmp_path / "d", dry_run=True)
    for name in ("budget_execution", "budget_percentages", "petition_indicators"):
        pd.testing.assert_frame_equal(frames[name], hd.load(name, year=2020))


def test_an_empty_figure_is_named_once_at_its_number(book_2020):
    def change(wb):
        wb["budget_execution"]["G3"].value = None
        wb["budget_execution"]["H3"].value = None

    problems = _problems(_edit(book_2020, change))
    assert problems == ["budget_execution!G3, cột amount_mvnd (Số tiền): giá trị bắt buộc đang trống"]


def test_a_source_is_described_without_a_file_name(data_copy, tmp_path):
    book = export_workbook(tmp_path / "2024.xlsx", year=2024, data_dir=data_copy, template=True)
    wb = openpyxl.load_workbook(book)
    assert "Báo cáo hoạt động năm" in wb["sources"]["B1"].comment.text  # the drop-down's entries, named in the note
    wb["sources"].append(["bc-2024", "Báo cáo hoạt động năm", "Báo cáo thử cho năm mới", "Thường trực HĐND", None,
                          date(2024, 12, 5), date(2024, 1, 1), date(2024, 12, 31)])
    wb.save(book)
    import_workbook(book, year=2024, data_dir=data_copy)
    source = hd.load("sources", year=2024, data_dir=data_copy).iloc[0]
    assert (source.kind, source.issued, pd.isna(source.file)) == ("annual_activity_report", pd.Timestamp("2024-12-05"), True)


def test_messages_name_no_python_argument(book_2020, data_copy):
    with pytest.raises(FileExistsError) as info:
        import_workbook(book_2020, year=2020, data_dir=data_copy)
    assert "--force" in str(info.value) and "force=True" not in str(info.value)
