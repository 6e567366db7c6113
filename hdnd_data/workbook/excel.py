"""Excel workbooks generated from the schemas: export a year's tables (or an empty template) and import them back.

An imported workbook is refused with every problem named by sheet, cell and column; CSVs are written only when all is valid.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from hdnd_data.data.files import write_atomic, write_many_atomic
from hdnd_data.data.loader import (
    DEFAULT_UNIT,
    TABLES,
    DataValidationError,
    Problem,
    Table,
    column_kinds,
    load_all,
    resolve_data_dir,
    s_coerce,
    unit_info,
)
from hdnd_data.data.numbers import NumberParseError, nfc, parse_number

__all__ = ["CellProblem", "WorkbookError", "csv_text", "export_workbook", "import_workbook", "sheet_columns"]

TITLE_ROW, CODE_ROW, FIRST_DATA_ROW = 1, 2, 3
# unit and year are the same on every row of a unit-year: they come from --unit/--year, so a clerk cannot get them wrong.
INJECTED = ("unit", "year")
INSTRUCTION_SHEETS = {"vi": "Hướng dẫn", "en": "Instructions"}
# Drop-downs and number checks cover this many rows below the header; the import reads every row regardless.
VALIDATED_ROWS = 2000
# Excel caps an inline drop-down list at 255 characters; a longer list is checked on import only.
INLINE_LIST_MAX = 255
# Text starting with one of these can be taken for a formula by Excel or by a later edit of the cell.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PROP_UNIT, PROP_YEAR = "hdnd_unit", "hdnd_year"

UNIT_LABELS = {
    "count": ("số lượng", "count"),
    "person": ("người", "persons"),
    "visit": ("lượt", "visits"),
    "petition": ("đơn", "petitions"),
    "million VND": ("triệu đồng", "million VND"),
    "percent": ("%", "percent"),
    "day": ("ngày", "days"),
    "month": ("tháng", "months"),
    "year": ("năm", "year"),
    "date": ("ngày tháng", "date"),
}
# Units worth repeating in the header itself; the others are evident from the title and stated in the note.
HEADER_UNITS = {"million VND", "percent"}

REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
CODE_FONT = Font(italic=True, size=9, color="808080")
_PERCENT_FORMAT = re.compile(r"%")
_DOT_GROUPS_ONLY = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TEXT_BOOLS = {"true": True, "false": False, "1": True, "0": False, "đúng": True, "sai": False}

MESSAGES = {
    "unreadable": ("không đọc được tệp Excel ({error})", "cannot read the Excel file ({error})"),
    "wrong_target": (
        "tệp được lập cho {wb_unit} năm {wb_year}, nhưng lệnh nhập vào {unit} năm {year}",
        "the workbook was made for {wb_unit} {wb_year}, but the import is into {unit} {year}",
    ),
    "missing_sheet": (
        "thiếu trang {sheet}; không được xóa hay đổi tên trang",
        "sheet {sheet} is missing; sheets must not be deleted or renamed",
    ),
    "extra_sheet": ("trang không thuộc mẫu; các trang của mẫu: {sheets}", "sheet not in the template; its sheets are: {sheets}"),
    "merged": ("ô gộp {range}; hãy bỏ gộp ô", "merged cells {range}; unmerge them"),
    "missing_column": (
        "thiếu cột này; mã cột của nó phải có ở dòng 2",
        "column is missing; its code belongs in row 2",
    ),
    "extra_column": (
        "cột {code!r} không thuộc bảng {table}; các cột: {columns}",
        "column {code!r} is not in table {table}; its columns: {columns}",
    ),
    "injected_column": (
        "không nhập cột {code}: giá trị lấy từ --unit/--year của lệnh nhập",
        "column {code} is not entered: it comes from --unit/--year of the import",
    ),
    "duplicate_column": ("mã cột {code} lặp lại (đã có ở ô {first})", "column code {code} repeated (already at {first})"),
    "data_outside": (
        "có dữ liệu ngoài các cột của bảng (ô {cell} không có mã cột ở dòng 2)",
        "data outside the table's columns ({cell} has no code in row 2)",
    ),
    "formula": ("ô chứa công thức {formula}; chỉ nhập giá trị", "cell holds the formula {formula}; enter a value"),
    "error_value": ("ô chứa lỗi {value}", "cell holds the error {value}"),
    "fraction": (
        "{value} có phần thập phân; cột này chỉ nhận số nguyên",
        "{value} has a fractional part; this column takes whole numbers",
    ),
    "text_int": (
        "{text!r} không phải số nguyên viết kiểu Việt Nam (ví dụ 390.463)",
        "{text!r} is not a whole number written the Vietnamese way (e.g. 390.463)",
    ),
    "text_float": (
        "{text!r} không phải số viết kiểu Việt Nam (ví dụ 93,2 hoặc 1.234,5)",
        "{text!r} is not a number written the Vietnamese way (e.g. 93,2 or 1.234,5)",
    ),
    "ambiguous": (
        "{text!r} có hai cách hiểu ({thousands} hay {decimal}); hãy nhập dạng số, hoặc viết {decimal_vi} nếu là số thập phân",
        "{text!r} is ambiguous ({thousands} or {decimal}); enter it as a number, or write {decimal_vi} for a decimal",
    ),
    "percent_format": (
        "ô định dạng phần trăm (giá trị {value}); hãy nhập số phần trăm, ví dụ 93,2, trong ô số thường",
        "cell is formatted as a percentage (value {value}); enter the number of percent, e.g. 93,2, in a plain number cell",
    ),
    "bool_not_number": ("giá trị đúng/sai {value} trong cột số", "true/false value {value} in a number column"),
    "date_not_number": ("ngày tháng trong cột số", "a date in a number column"),
    "not_date": ("{value!r} không phải ngày; nhập ngày dd/mm/yyyy", "{value!r} is not a date; enter a date dd/mm/yyyy"),
    "date_with_time": ("{value} có giờ phút; chỉ nhập ngày", "{value} has a time of day; enter the date only"),
    "not_bool": ("{value!r} không phải TRUE/FALSE", "{value!r} is not TRUE/FALSE"),
    "number_in_text": (
        "số {value} trong cột văn bản; hãy nhập dạng văn bản, đúng như in trong tài liệu",
        "number {value} in a text column; enter it as text, as printed in the source",
    ),
    "date_in_text": ("ngày tháng trong cột văn bản", "a date in a text column"),
    "isin": (
        "{value!r} không có trong danh sách; chọn một trong: {allowed}",
        "{value!r} is not an allowed value; allowed: {allowed}",
    ),
    "negative": ("{value} là số âm; số lượng và số tiền không được âm", "{value} is negative; counts and amounts cannot be"),
    "below": ("{value} nhỏ hơn {bound}", "{value} is below {bound}"),
    "above": ("{value} lớn hơn {bound}", "{value} is above {bound}"),
    "required": ("ô bắt buộc đang trống", "required cell is empty"),
    "pattern": (
        "{value!r} không đúng dạng {pattern} (chữ thường không dấu, số, dấu gạch ngang)",
        "{value!r} does not match {pattern} (lower-case ASCII letters, digits, hyphens)",
    ),
    "failed": ("{value!r} không đạt kiểm tra {check}", "{value!r} fails {check}"),
    "duplicate": ("trùng khóa ({values}) với dòng {rows}", "duplicate key ({values}); also in row {rows}"),
    "unknown_source": ("nguồn {value!r} không có trong trang sources", "source {value!r} is not in sheet sources"),
    "no_sources": (
        "trang sources chưa có dòng nào; cần ít nhất một tài liệu nguồn",
        "sheet sources has no row; at least one source is needed",
    ),
    "argument": ("{name}: {message}", "{name}: {message}"),
    "header": (
        "Tệp Excel {name} không hợp lệ: {n} lỗi; chưa ghi tệp nào.",
        "invalid workbook {name}: {n} problem(s); nothing was written.",
    ),
    "column_word": ("cột", "column"),
    "exists": (
        "đã có dữ liệu {unit} năm {year} trong {path}; thêm --force (force=True) để ghi đè",
        "data for {unit} {year} already exist in {path}; add --force (force=True) to overwrite",
    ),
    "no_data": (
        "không có dữ liệu {unit} năm {year}; dùng --template để tạo mẫu trống",
        "no data for {unit} {year}; use --template for an empty one",
    ),
}


def _msg(key: str, lang: str, **values: object) -> str:
    vi, en = MESSAGES[key]
    return (en if lang == "en" else vi).format(**values)


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem of a workbook: ``file`` is the sheet, ``row`` the Excel row, ``cell`` e.g. ``"G7"``."""

    cell: str | None = None
    title: str | None = None
    lang: str = "vi"

    def __str__(self) -> str:
        where = self.file + (f"!{self.cell}" if self.cell else "")
        if self.column:
            where += f", {_msg('column_word', self.lang)} {self.column}" + (f" ({self.title})" if self.title else "")
        return f"{where}: {self.message}"


class WorkbookError(DataValidationError):
    """A workbook that cannot be imported; ``problems`` lists every problem, in workbook order."""

    def __init__(self, problems: Iterable[Problem], *, workbook: str = "workbook", lang: str = "vi"):
        super().__init__(problems)
        order = {name: i for i, name in enumerate(TABLES)}
        self.problems = sorted(
            self.problems,
            key=lambda p: (order.get(p.file, -1), p.row or 0, _column_index(getattr(p, "cell", None)), p.column or "", p.message),
        )
        lines = "\n".join(f"  - {p}" for p in self.problems)
        self.args = (f"{_msg('header', lang, name=workbook, n=len(self.problems))}\n{lines}",)


def _column_index(cell: str | None) -> int:
    letters = re.match(r"[A-Z]*", cell or "").group(0)
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


# ------------------------------------------------------------------------------------------- schema facts
@dataclass(frozen=True)
class _Column:
    name: str
    kind: str
    title: str
    description: str
    unit: str | None
    nullable: bool
    allowed: list[str] | None
    bounds: tuple[float | None, float | None]


def sheet_columns(table: Table) -> list[str]:
    """Columns of ``table`` as they appear in its sheet: every column but ``unit`` and ``year``."""
    return [c for c in table.columns if c not in INJECTED]


def _columns(table: Table) -> dict[str, _Column]:
    kinds = column_kinds(table.schema)
    out = {}
    for name, col in table.schema.to_schema().columns.items():
        allowed, low, high = None, None, None
        for check in col.checks:
            stats = check.statistics or {}
            allowed = stats.get("allowed_values", allowed)
            low = stats.get("min_value", low) if check.name == "greater_than_or_equal_to" else low
            high = stats.get("max_value", high) if check.name == "less_than_or_equal_to" else high
        out[name] = _Column(
            name,
            kinds[name],
            col.title or name,
            col.description or "",
            (col.metadata or {}).get("unit"),
            col.nullable,
            list(allowed) if allowed is not None else None,
            (low, high),
        )
    return out


def _unit_label(unit: str | None, lang: str) -> str | None:
    if unit is None:
        return None
    if unit.startswith("see "):
        return ("xem cột " if lang != "en" else "see column ") + unit[4:]
    labels = UNIT_LABELS.get(unit)
    return (labels[1] if lang == "en" else labels[0]) if labels else unit


def _header(col: _Column) -> str:
    label = _unit_label(col.unit, "vi") if col.unit in HEADER_UNITS else None
    return f"{col.title} ({label})" if label else col.title


def _note(col: _Column, lang: str) -> str:
    en = lang == "en"
    lines = [f"{col.name} — {col.title}", col.description]
    label = _unit_label(col.unit, lang)
    if label:
        lines.append(("Unit: " if en else "Đơn vị tính: ") + label)
    if col.nullable:
        lines.append(
            "Optional: leave empty when the source does not print it" if en else "Không bắt buộc: để trống khi tài liệu không nêu"
        )
    else:
        lines.append("Required" if en else "Bắt buộc")
    kind_text = {
        "int": ("Số nguyên", "Whole number"),
        "float": ("Số (có thể có phần thập phân)", "Number (decimals allowed)"),
        "datetime": ("Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
        "bool": ("TRUE hoặc FALSE", "TRUE or FALSE"),
        "str": ("Văn bản", "Text"),
    }[col.kind]
    lines.append(kind_text[1] if en else kind_text[0])
    if col.allowed:
        # the codes stay English (they are the data); the note says what each one means in the reader's language
        from hdnd_data.labels import TERMS, term

        shown = [f"{code} = {term(code, lang)}" if code in TERMS and term(code, lang) not in ("", code) else code
                 for code in col.allowed]
        lines.append(("Allowed: " if en else "Giá trị được chọn: ") + "; ".join(shown))
    return "\n".join(lines)


def _number_format(col: _Column) -> str:
    if col.kind == "str":
        return "@"
    if col.kind == "datetime":
        return "dd/mm/yyyy"
    if col.kind == "int":
        return "0" if col.unit in (None, "year") else "#,##0"
    if col.kind == "float":
        return "#,##0.0##"
    return "General"


# ------------------------------------------------------------------------------------------------ export
def _put_text(cell, text: str) -> None:
    """Write ``text`` as a string cell: never a formula, and kept as text if Excel re-reads it."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True


def _put_value(cell, value: object, col: _Column) -> None:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        cell.value = None
    elif col.kind == "int":
        cell.value = int(value)
    elif col.kind == "float":
        cell.value = float(value)
    elif col.kind == "datetime":
        cell.value = pd.Timestamp(value).to_pydatetime().date()
    elif col.kind == "bool":
        cell.value = bool(value)
    else:
        _put_text(cell, str(value))
    cell.number_format = _number_format(col)


def _validation(col: _Column, letter: str, lang: str) -> DataValidation | None:
    en = lang == "en"
    cells = f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + VALIDATED_ROWS - 1}"
    if col.allowed:
        formula = '"' + ",".join(col.allowed) + '"'
        if len(formula) - 2 > INLINE_LIST_MAX:
            return None
        dv = DataValidation(type="list", formula1=formula, allow_blank=col.nullable)
        dv.error = "Choose a value from the list" if en else "Hãy chọn một giá trị trong danh sách"
    elif col.kind == "bool":
        dv = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=col.nullable)
        dv.error = "TRUE or FALSE" if en else "Chọn TRUE hoặc FALSE"
    elif col.kind in ("int", "float") and (col.bounds[0] is not None or col.bounds[1] is not None):
        low, high = col.bounds
        kind = "whole" if col.kind == "int" else "decimal"
        if low is not None and high is not None:
            dv = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
        elif low is not None:
            dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low), allow_blank=True)
        else:
            dv = DataValidation(type=kind, operator="lessThanOrEqual", formula1=str(high), allow_blank=True)
        what = ("a whole number" if en else "số nguyên") if col.kind == "int" else ("a number" if en else "số")
        range_text = " – ".join(str(b) for b in (low, high) if b is not None)
        dv.error = f"Enter {what} ({range_text})" if en else f"Hãy nhập {what} ({'từ ' if high is None else ''}{range_text})"
    else:
        return None
    dv.showErrorMessage = True
    dv.errorTitle = col.title
    dv.add(cells)
    return dv


def _shown_width(value: object) -> int:
    if isinstance(value, float):
        return len(f"{value:,.3f}")
    if isinstance(value, (date, datetime)):
        return 10
    return len(str(value)) if value is not None else 0


def _print_setup(ws) -> None:
    """Landscape, one page wide: council offices print these sheets for review."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_table_sheet(ws, table: Table, frame: pd.DataFrame | None, lang: str) -> None:
    cols = _columns(table)
    names = sheet_columns(table)
    for j, name in enumerate(names, start=1):
        col = cols[name]
        letter = get_column_letter(j)
        title = ws.cell(TITLE_ROW, j)
        _put_text(title, _header(col))
        title.font = Font(bold=True)
        title.fill = OPTIONAL_FILL if col.nullable else REQUIRED_FILL
        title.alignment = Alignment(wrap_text=True, vertical="top")
        note = Comment(_note(col, lang), "hdnd_data")
        note.width, note.height = 320, 160
        title.comment = note
        code = ws.cell(CODE_ROW, j)
        _put_text(code, name)
        code.font = CODE_FONT
        # A column style formats the rows a clerk fills in later, not only the rows written here.
        ws.column_dimensions[letter].number_format = _number_format(col)
        dv = _validation(col, letter, lang)
        if dv is not None:
            ws.add_data_validation(dv)
    widths = [max(len(_header(cols[n])) // 2 + 2, len(n) + 2, 10) for n in names]
    if frame is not None:
        for i, row in enumerate(frame[names].itertuples(index=False), start=FIRST_DATA_ROW):
            for j, (name, value) in enumerate(zip(names, row, strict=True), start=1):
                cell = ws.cell(i, j)
                _put_value(cell, value, cols[name])
                widths[j - 1] = max(widths[j - 1], _shown_width(cell.value) + 2)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(width, 60)
    ws.row_dimensions[TITLE_ROW].height = 45
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1).coordinate
    _print_setup(ws)


INSTRUCTIONS = {
    "vi": {
        "title": "Mẫu nhập số liệu báo cáo HĐND — {name}, năm {year}",
        "intro": "Tệp được tạo tự động từ lược đồ dữ liệu (hdnd_data). Mỗi trang sau trang này là một bảng, mang tên bảng.",
        "how": "Cách điền",
        "rules": [
            "Dòng 1 là tên cột tiếng Việt, dòng 2 là mã cột dùng khi nhập lại: không sửa, không xóa hai dòng này. "
            "Số liệu nhập từ dòng 3, mỗi dòng một bản ghi.",
            "Tiêu đề màu cam: cột bắt buộc. Màu xanh: cột để trống được khi tài liệu không nêu con số đó. "
            "Rê chuột lên ô tiêu đề để xem ý nghĩa, đơn vị tính và các giá trị được chọn.",
            "Không thêm, xóa, đổi tên trang hoặc cột; không gộp ô; không dùng công thức, chỉ nhập giá trị.",
            "Số nhập dưới dạng số. Nếu nhập dạng văn bản thì viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân "
            "(390.463; 93,2). Cách viết hiểu được hai nghĩa, như 1.5 hay 1.500 trong cột số thập phân, sẽ bị từ chối.",
            "Tỷ lệ phần trăm nhập số phần trăm (93,2), không định dạng ô kiểu %.",
            "Ngày nhập dưới dạng ngày của Excel (dd/mm/yyyy), hoặc văn bản 28/07/2020 hay 2020-07-28.",
            "Cột có danh sách thả xuống: chọn một mã trong danh sách.",
            "Cột nguyên văn (mã kết thúc bằng _raw): ghi con số đúng như in trong tài liệu, dạng văn bản, ví dụ 93,2.",
            "Nguồn: trang sources là bắt buộc, mỗi tài liệu một dòng. Mọi dòng ở các trang khác ghi mã nguồn (source_id, phải có "
            "trong trang sources) và mục (locator) nơi in con số, ví dụ I.3.2 hoặc para 4.",
            "Đơn vị (unit) và năm (year) không có trong các trang: khi nhập lại, chúng lấy từ --unit và --year của lệnh.",
            "Trang không có số liệu trong năm thì để trống, giữ hai dòng tiêu đề.",
        ],
        "import": "Nhập lại",
        "import_lines": [
            "hdnd excel import <tệp>.xlsx --year {year} --unit {unit}",
            "Mọi lỗi được liệt kê theo trang, ô và cột. Chưa tệp nào được ghi khi tệp Excel còn lỗi. "
            "Dữ liệu đã có của năm chỉ bị ghi đè khi thêm --force.",
        ],
        "sheets": "Các trang",
        "table_head": ["Trang", "Nội dung", "Số dòng", "Khóa (không được trùng)"],
    },
    "en": {
        "title": "Council (HĐND) report figures — {name}, year {year}",
        "intro": "Generated from the data schemas (hdnd_data). Each following sheet is one table, named after it.",
        "how": "How to fill it in",
        "rules": [
            "Row 1 holds the Vietnamese column names, row 2 the column codes used on import: do not change or delete them. "
            "Enter data from row 3, one record per row.",
            "Orange headers: required columns. Blue: may stay empty when the source does not print the figure. "
            "Hover over a header for its meaning, unit and allowed values.",
            "Do not add, delete or rename sheets or columns; do not merge cells; do not use formulas, only values.",
            "Enter numbers as numbers. Text numbers must be written the Vietnamese way: dot for thousands, comma for decimals "
            "(390.463; 93,2). A text that reads two ways, like 1.5 or 1.500 in a decimal column, is refused.",
            "Percentages: enter the number of percent (93,2); do not format the cell as %.",
            "Dates as Excel dates (dd/mm/yyyy), or the text 28/07/2020 or 2020-07-28.",
            "Columns with a drop-down: pick a code from the list.",
            "As-printed columns (codes ending in _raw): the figure exactly as printed, as text, e.g. 93,2.",
            "Provenance: sheet sources is required, one row per document. Every row of the other sheets names its source "
            "(source_id, which must be in sheet sources) and the place (locator) the figure is printed, e.g. I.3.2 or para 4.",
            "Unit and year are not in the sheets: the import takes them from --unit and --year.",
            "Leave a sheet with no figures for the year empty, keeping its two header rows.",
        ],
        "import": "Import",
        "import_lines": [
            "hdnd excel import <file>.xlsx --year {year} --unit {unit}",
            "Every problem is listed with its sheet, cell and column; nothing is written while the workbook has any. "
            "Existing data of the year are overwritten only with --force.",
        ],
        "sheets": "Sheets",
        "table_head": ["Sheet", "Contents", "Rows", "Key (must be unique)"],
    },
}


def _write_instructions(ws, *, unit: str, year: int, data_dir, frames: Mapping[str, pd.DataFrame] | None, lang: str) -> None:
    text = INSTRUCTIONS["en" if lang == "en" else "vi"]
    info = unit_info(unit, data_dir)
    name = info["name_en"] if lang == "en" else info["name_vi"]
    widths = {"A": 28, "B": 90, "C": 10, "D": 50}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    row = 1

    def line(values: list[str | int], *, bold: bool = False, size: int | None = None) -> None:
        nonlocal row
        lines = 1
        for j, value in enumerate(values, start=1):
            cell = ws.cell(row, j)
            if isinstance(value, int):
                cell.value = value
            else:
                _put_text(cell, value)
            # A lone text in column A overflows to the right; texts beside others wrap within their column.
            wrap = len(values) > 1
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if wrap:
                lines = max(lines, -(-len(str(value)) // int(widths[cell.column_letter] * 1.1)))
            if bold or size:
                cell.font = Font(bold=bold, size=size or 11)
        # Excel does not grow a row for wrapped text written by a program; give it the height the text needs.
        ws.row_dimensions[row].height = max(15 * lines, 20 if size else 15)
        row += 1

    line([text["title"].format(name=name, year=year)], bold=True, size=14)
    line([f"unit = {unit}", f"year = {year}"])
    line([text["intro"]])
    row += 1
    line([text["how"]], bold=True)
    for i, rule in enumerate(text["rules"], start=1):
        line([f"{i}.", rule])
    row += 1
    line([text["import"]], bold=True)
    for value in text["import_lines"]:
        line(["", value.format(year=year, unit=unit)])
    row += 1
    line([text["sheets"]], bold=True)
    line(text["table_head"], bold=True)
    for table in TABLES.values():
        doc = (table.schema.__doc__ or table.description).strip().splitlines()[0]
        rows = len(frames[table.name]) if frames is not None else 0
        key = ", ".join(k for k in table.key if k not in INJECTED)
        line([table.name, doc, rows, key])
    _print_setup(ws)


def export_workbook(
    path: str | os.PathLike,
    *,
    year: int,
    unit: str = DEFAULT_UNIT,
    data_dir: str | os.PathLike | None = None,
    template: bool = False,
    lang: str = "vi",
) -> Path:
    """Write a workbook with one sheet per table holding the rows of ``unit``/``year`` (none with ``template``).

    The first sheet explains how to fill it in. Raises :class:`DataValidationError` when the year's data are
    invalid, and :class:`FileNotFoundError` when there are none and ``template`` is not set.
    """
    frames = None
    if not template:
        root = resolve_data_dir(data_dir)
        if not (root / unit / str(year) / "sources.csv").is_file():
            raise FileNotFoundError(_msg("no_data", lang, unit=unit, year=year))
        frames = load_all(unit, year, data_dir)
    wb = Workbook()
    ws = wb.active
    ws.title = INSTRUCTION_SHEETS["en" if lang == "en" else "vi"]
    _write_instructions(ws, unit=unit, year=year, data_dir=data_dir, frames=frames, lang=lang)
    for table in TABLES.values():
        _write_table_sheet(wb.create_sheet(table.name), table, frames[table.name] if frames is not None else None, lang)
    wb.custom_doc_props.append(StringProperty(name=PROP_UNIT, value=unit))
    wb.custom_doc_props.append(IntProperty(name=PROP_YEAR, value=int(year)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_atomic(path, buffer.getvalue())


# ------------------------------------------------------------------------------------------------ import
def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _percent_formatted(number_format: str) -> bool:
    # Quoted literals and escaped characters do not make a percentage format.
    bare = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return bool(_PERCENT_FORMAT.search(bare))


def _vi_decimal(text: str) -> str:
    sign = text[0] if text[0] in "+-" else ""
    digits = text.lstrip("+-")
    return sign + digits.replace(".", ",")


def _number_from_text(text: str, col: _Column, lang: str) -> tuple[object, str | None]:
    if col.kind == "float":
        if col.unit == "percent" and text.endswith("%"):
            text = text[:-1].rstrip()
        if _DOT_GROUPS_ONLY.match(text):
            # In a decimal column "1.500" may be one and a half written the English way, or fifteen hundred.
            return None, _msg(
                "ambiguous", lang, text=text, thousands=text.replace(".", ""), decimal=text, decimal_vi=_vi_decimal(text)
            )
    try:
        number = parse_number(text)
    except NumberParseError:
        return None, _msg("text_int" if col.kind == "int" else "text_float", lang, text=text)
    if col.kind == "int":
        if number != number.to_integral_value():
            return None, _msg("fraction", lang, value=text)
        return int(number), None
    return float(number), None


def _date_from_text(text: str, lang: str) -> tuple[object, str | None]:
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year_ = (int(g) for g in match.groups())
            return pd.Timestamp(date(year_, month, day)), None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return pd.Timestamp(date.fromisoformat(text)), None
    except ValueError:
        pass
    return None, _msg("not_date", lang, value=text)


def _cell_value(cell, col: _Column, lang: str) -> tuple[object, str | None]:
    """The typed value of one cell for ``col``, or ``(None, reason)``; empty cells give ``(None, None)``."""
    value = cell.value
    if value is None:
        return None, None
    if cell.data_type == "e":
        return None, _msg("error_value", lang, value=value)
    if isinstance(value, str):
        text = nfc(value).strip()
        if not text:
            return None, None
        if col.kind in ("int", "float"):
            return _number_from_text(text, col, lang)
        if col.kind == "datetime":
            return _date_from_text(text, lang)
        if col.kind == "bool":
            key = text.lower()
            return (_TEXT_BOOLS[key], None) if key in _TEXT_BOOLS else (None, _msg("not_bool", lang, value=text))
        return text, None
    if isinstance(value, bool):
        if col.kind == "bool":
            return value, None
        if col.kind in ("int", "float"):
            return None, _msg("bool_not_number", lang, value=value)
        return None, _msg("number_in_text", lang, value=value) if col.kind == "str" else _msg("not_date", lang, value=value)
    if isinstance(value, (int, float)):
        if col.kind in ("int", "float"):
            if _percent_formatted(cell.number_format):
                return None, _msg("percent_format", lang, value=value)
            if col.kind == "int":
                if isinstance(value, float) and not value.is_integer():
                    return None, _msg("fraction", lang, value=value)
                return int(value), None
            return float(value), None
        if col.kind == "bool":
            return (bool(value), None) if value in (0, 1) else (None, _msg("not_bool", lang, value=value))
        if col.kind == "str":
            if float(value).is_integer():
                return str(int(value)), None
            return None, _msg("number_in_text", lang, value=value)
        return None, _msg("not_date", lang, value=value)
    if isinstance(value, (datetime, date)):
        if col.kind == "datetime":
            stamp = pd.Timestamp(value)
            if stamp != stamp.normalize():
                return None, _msg("date_with_time", lang, value=stamp)
            return stamp, None
        if col.kind in ("int", "float"):
            return None, _msg("date_not_number", lang)
        return None, _msg("date_in_text", lang) if col.kind == "str" else _msg("not_bool", lang, value=value)
    if isinstance(value, (time, timedelta)):
        return None, _msg("not_date", lang, value=str(value))
    return None, _msg("failed", lang, value=value, check=col.kind)


@dataclass
class _Sheet:
    """One table's rows as read from its sheet, with each row's Excel row number and each column's letter."""

    table: Table
    frame: pd.DataFrame
    rows: list[int]
    letters: dict[str, str]
    bad_cells: set[tuple[int, str]]
    sound: bool  # no structural problem: missing or extra column, merged cells


def _read_sheet(ws, table: Table, lang: str, problems: list[Problem]) -> _Sheet:
    cols = _columns(table)
    expected = sheet_columns(table)
    sheet = table.name
    sound = True

    def problem(row: int | None, column: str | None, cell: str | None, message: str) -> None:
        title = cols[column].title if column in cols else None
        problems.append(CellProblem(sheet, row, column, message, cell=cell, title=title, lang=lang))

    for merged in ws.merged_cells.ranges:
        sound = False
        problem(merged.min_row, None, str(merged), _msg("merged", lang, range=str(merged)))
    letters: dict[str, str] = {}
    positions: dict[str, int] = {}
    for j in range(1, ws.max_column + 1):
        code_cell = ws.cell(CODE_ROW, j)
        code = nfc(str(code_cell.value)).strip() if not _is_blank(code_cell.value) else ""
        if code in cols and code not in INJECTED:
            if code in letters:
                sound = False
                problem(
                    CODE_ROW,
                    code,
                    code_cell.coordinate,
                    _msg("duplicate_column", lang, code=code, first=f"{letters[code]}{CODE_ROW}"),
                )
            else:
                letters[code], positions[code] = get_column_letter(j), j
        elif code in INJECTED:
            sound = False
            problem(CODE_ROW, code, code_cell.coordinate, _msg("injected_column", lang, code=code))
        elif code:
            sound = False
            problem(
                CODE_ROW,
                None,
                code_cell.coordinate,
                _msg("extra_column", lang, code=code, table=sheet, columns=", ".join(expected)),
            )
        else:
            filled = next((c for row in ws.iter_rows(min_col=j, max_col=j) for c in row if not _is_blank(c.value)), None)
            if filled is not None:
                sound = False
                problem(filled.row, None, filled.coordinate, _msg("data_outside", lang, cell=filled.coordinate))
    for name in expected:
        if name not in letters:
            sound = False
            problem(None, name, None, _msg("missing_column", lang, column=name, title=cols[name].title))

    records, rows, bad = [], [], set()
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        cells = {name: ws.cell(r, j) for name, j in positions.items()}
        if all(_is_blank(c.value) for c in cells.values()):
            continue
        record = {}
        for name, cell in cells.items():
            if cell.data_type == "f":
                problem(r, name, cell.coordinate, _msg("formula", lang, formula=str(cell.value)))
                value, reason = None, "formula"
            else:
                value, reason = _cell_value(cell, cols[name], lang)
                if reason:
                    problem(r, name, cell.coordinate, reason)
            if reason:
                bad.add((len(records), name))
            record[name] = value
        records.append(record)
        rows.append(r)
    frame = (
        pd.DataFrame.from_records(records, columns=expected) if records else pd.DataFrame({c: [] for c in expected}, dtype=object)
    )
    return _Sheet(table, frame, rows, letters, bad, sound)


def _typed(sheet: _Sheet, unit: str, year: int) -> pd.DataFrame:
    frame = sheet.frame.copy()
    frame["unit"] = unit
    frame["year"] = int(year)
    return s_coerce(frame.reindex(columns=sheet.table.columns).reset_index(drop=True), sheet.table)


def _check_message(check: str, value: object, col: _Column | None, lang: str) -> str:
    shown = value if not (value is None or (not isinstance(value, str) and pd.isna(value))) else ""
    if check.startswith("isin") and col is not None:
        return _msg("isin", lang, value=shown, allowed=", ".join(col.allowed or []))
    if check.startswith("greater_than_or_equal_to") and col is not None:
        low = col.bounds[0]
        return _msg("negative", lang, value=shown) if low == 0 else _msg("below", lang, value=shown, bound=low)
    if check.startswith("less_than_or_equal_to") and col is not None:
        return _msg("above", lang, value=shown, bound=col.bounds[1])
    if check.startswith(("not_nullable", "str_length")):
        return _msg("required", lang)
    if check.startswith("str_matches"):
        return _msg("pattern", lang, value=shown, pattern=check[len("str_matches(") : -1])
    return _msg("failed", lang, value=shown, check=check)


def _schema_problems(sheet: _Sheet, typed: pd.DataFrame, lang: str) -> list[Problem]:
    cols = _columns(sheet.table)
    out: list[Problem] = []
    try:
        sheet.table.schema.validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        for case in exc.failure_cases.itertuples(index=False):
            if case.check == "multiple_fields_uniqueness":
                continue  # duplicates are reported with every row named, below
            column = case.column if isinstance(case.column, str) else None
            pos = None if case.index is None or pd.isna(case.index) else int(case.index)
            if pos is not None and (pos, column) in sheet.bad_cells:
                continue  # already reported as an unreadable cell
            message = _check_message(str(case.check), case.failure_case, cols.get(column), lang)
            if column in INJECTED:
                out.append(CellProblem(f"--{column}", None, column, message, lang=lang))
                continue
            row = sheet.rows[pos] if pos is not None else None
            cell = f"{sheet.letters[column]}{row}" if row is not None and column in sheet.letters else None
            out.append(
                CellProblem(
                    sheet.table.name, row, column, message, cell=cell, title=cols[column].title if column else None, lang=lang
                )
            )
    return out


def _duplicate_problems(sheet: _Sheet, typed: pd.DataFrame, lang: str) -> list[Problem]:
    key = [k for k in sheet.table.key if k not in INJECTED]
    if not key or typed.empty:
        return []
    out: list[Problem] = []
    first = key[0]
    dup = typed[typed.duplicated(subset=key, keep=False)]
    for _, group in dup.groupby(key, dropna=False, sort=False):
        rows = [sheet.rows[i] for i in group.index]
        values = ", ".join(f"{k}={group.iloc[0][k]}" for k in key)
        for row in rows:
            others = ", ".join(str(r) for r in rows if r != row)
            out.append(
                CellProblem(
                    sheet.table.name,
                    row,
                    first,
                    _msg("duplicate", lang, values=values, rows=others),
                    cell=f"{sheet.letters[first]}{row}",
                    title=_columns(sheet.table)[first].title,
                    lang=lang,
                )
            )
    return out


def _source_problems(sheet: _Sheet, typed: pd.DataFrame, known: set[str], lang: str) -> list[Problem]:
    out: list[Problem] = []
    letter = sheet.letters.get("source_id")
    for i, value in enumerate(typed["source_id"]):
        if value is not pd.NA and value not in known and letter:
            row = sheet.rows[i]
            out.append(
                CellProblem(
                    sheet.table.name,
                    row,
                    "source_id",
                    _msg("unknown_source", lang, value=value),
                    cell=f"{letter}{row}",
                    title=_columns(sheet.table)["source_id"].title,
                    lang=lang,
                )
            )
    return out


def _from_loader(exc: DataValidationError, sheets: Mapping[str, _Sheet], lang: str) -> list[Problem]:
    """Locate problems found by the loader's own validation (a safety net) at their cells."""
    out: list[Problem] = []
    for p in exc.problems:
        name = p.file.removesuffix(".csv").rsplit("/", 1)[-1]
        sheet = sheets.get(name)
        if sheet is None or p.row is None or p.row - 2 >= len(sheet.rows):
            out.append(CellProblem(name, None, p.column, p.message, lang=lang))
            continue
        row = sheet.rows[p.row - 2]
        cell = f"{sheet.letters[p.column]}{row}" if p.column in sheet.letters else None
        out.append(CellProblem(name, row, p.column, p.message, cell=cell, lang=lang))
    return out


def _format_csv_value(value: object, kind: str) -> str:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if kind == "int":
        return str(int(value))
    if kind == "float":
        number = float(value)
        # The canonical files write whole numbers without ".0" and decimals as typed (repr is the shortest exact form).
        return str(int(number)) if number.is_integer() else format(Decimal(repr(number)), "f")
    if kind == "datetime":
        return pd.Timestamp(value).date().isoformat()
    if kind == "bool":
        return "true" if value else "false"
    return str(value)


def csv_text(frame: pd.DataFrame, table: Table) -> str:
    """``frame`` as the canonical CSV text of ``table``: schema column order, ISO dates, plain numbers, LF lines."""
    kinds = column_kinds(table.schema)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in frame[table.columns].itertuples(index=False):
        writer.writerow([_format_csv_value(v, kinds[c]) for c, v in zip(table.columns, row, strict=True)])
    return buffer.getvalue()


def _workbook_target(wb) -> tuple[str | None, int | None]:
    props = {p.name: p.value for p in wb.custom_doc_props}
    year = props.get(PROP_YEAR)
    return props.get(PROP_UNIT), int(year) if year is not None else None


def import_workbook(
    path: str | os.PathLike,
    *,
    year: int,
    unit: str = DEFAULT_UNIT,
    data_dir: str | os.PathLike | None = None,
    lang: str = "vi",
    dry_run: bool = False,
    force: bool = False,
) -> dict[str, pd.DataFrame]:
    """Read a workbook, validate every table with its schema and write ``<data_dir>/<unit>/<year>/<table>.csv``.

    Nothing is written unless the whole workbook is valid (:class:`WorkbookError` lists every problem with its
    sheet and cell), nor with ``dry_run``; existing data of the year are replaced only with ``force``
    (else :class:`FileExistsError`). Returns the validated tables, as ``hd.load`` will read them.
    """
    path = Path(path)
    year = int(year)
    problems: list[Problem] = []
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(
            [CellProblem(path.name, None, None, _msg("unreadable", lang, error=exc), lang=lang)], workbook=path.name, lang=lang
        ) from exc
    wb_unit, wb_year = _workbook_target(wb)
    if (wb_unit is not None and wb_unit != unit) or (wb_year is not None and wb_year != year):
        problems.append(
            CellProblem(
                path.name,
                None,
                None,
                _msg("wrong_target", lang, wb_unit=wb_unit, wb_year=wb_year, unit=unit, year=year),
                lang=lang,
            )
        )
    names = [n for n in wb.sheetnames if n not in INSTRUCTION_SHEETS.values()]
    for name in names:
        if name not in TABLES:
            problems.append(CellProblem(name, None, None, _msg("extra_sheet", lang, sheets=", ".join(TABLES)), lang=lang))
    sheets: dict[str, _Sheet] = {}
    for table in TABLES.values():
        if table.name not in wb.sheetnames:
            problems.append(CellProblem(table.name, None, None, _msg("missing_sheet", lang, sheet=table.name), lang=lang))
            continue
        sheets[table.name] = _read_sheet(wb[table.name], table, lang, problems)

    typed: dict[str, pd.DataFrame] = {}
    for name, sheet in sheets.items():
        if not sheet.sound:
            continue  # a missing or misplaced column would make every row look wrong
        typed[name] = _typed(sheet, unit, year)
        problems.extend(_schema_problems(sheet, typed[name], lang))
        problems.extend(_duplicate_problems(sheet, typed[name], lang))
    if "sources" in typed:
        if typed["sources"].empty:
            problems.append(
                CellProblem("sources", FIRST_DATA_ROW, None, _msg("no_sources", lang), cell=f"A{FIRST_DATA_ROW}", lang=lang)
            )
        known = set(typed["sources"]["source_id"].dropna())
        for name, frame in typed.items():
            if name != "sources":
                problems.extend(_source_problems(sheets[name], frame, known, lang))
    if problems:
        raise WorkbookError(problems, workbook=path.name, lang=lang)

    # The loader itself, run on the very files about to be written, has the final word.
    texts = {name: csv_text(frame, TABLES[name]) for name, frame in typed.items()}
    try:
        with tempfile.TemporaryDirectory() as staging:
            folder = Path(staging) / unit / str(year)
            folder.mkdir(parents=True)
            for name, text in texts.items():
                if not typed[name].empty:
                    (folder / TABLES[name].file_name).write_text(text, encoding="utf-8")
            frames = load_all(unit, year, staging)
    except DataValidationError as exc:
        raise WorkbookError(_from_loader(exc, sheets, lang), workbook=path.name, lang=lang) from exc
    if dry_run:
        return frames

    folder = resolve_data_dir(data_dir) / unit / str(year)
    existing = {p.stem for p in folder.glob("*.csv")} if folder.is_dir() else set()
    if existing and not force:
        raise FileExistsError(_msg("exists", lang, unit=unit, year=year, path=folder))
    # An emptied table whose file exists gets a header-only file, so that the replacement stays all-or-nothing.
    files = {folder / TABLES[name].file_name: text for name, text in texts.items() if not typed[name].empty or name in existing}
    write_many_atomic(files)
    return frames
