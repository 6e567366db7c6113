"""Excel export: a year's tables (or an empty template) as a workbook a clerk fills in, instructions first.

Headers carry a note with each column's meaning in the reader's language; coded columns offer their labels in a
drop-down; text is always written as text, never as a formula.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.packaging.custom import IntProperty, StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from hdnd_data.data.columns import Column
from hdnd_data.data.files import write_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, resolve_data_dir, unit_info
from hdnd_data.data.loader import TABLES, Table, load_all
from hdnd_data.labels import msg
from hdnd_data.workbook.layout import (
    CODE_ROW,
    FIRST_DATA_ROW,
    FORMULA_PREFIXES,
    INJECTED,
    INSTRUCTION_SHEETS,
    LIST_SHEET,
    PROP_UNIT,
    PROP_YEAR,
    TITLE_ROW,
    choices,
    raw_partner,
    sheet_columns,
)

__all__ = ["export_workbook"]

# Drop-downs and number checks cover this many rows below the header; the import reads every row regardless.
VALIDATED_ROWS = 2000
# Units worth repeating in the header itself; the others are evident from the title and stated in the note.
HEADER_UNITS = {"million VND", "percent"}
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
CODE_FONT = Font(italic=True, size=9, color="808080")


def _unit_label(unit: str | None, lang: str) -> str | None:
    if unit is None:
        return None
    if unit.startswith("see "):
        return msg("note_see_column", lang, column=unit[4:])
    text = msg(f"unit_{unit}", lang)
    return unit if text == f"unit_{unit}" else text


def _header(col: Column) -> str:
    label = _unit_label(col.unit, "vi") if col.unit in HEADER_UNITS else None
    return f"{col.title} ({label})" if label else col.title


def _note(col: Column, table: Table, lang: str) -> str:
    lines = [f"{col.name} — {col.title}", col.meaning(lang)]
    label = _unit_label(col.unit, lang)
    if label:
        lines.append(msg("note_unit", lang, unit=label))
    partner = raw_partner(col.name, table)
    if partner:
        lines.append(msg("note_raw_optional", lang, column=partner))
    else:
        lines.append(msg("note_optional" if col.nullable else "note_required", lang))
    lines.append(msg(f"note_kind_{col.kind.name}", lang))
    if col.allowed:
        lines.append(msg("note_allowed", lang, values="; ".join(choices(col, lang))))
    return "\n".join(lines)


def _number_format(col: Column) -> str:
    return col.kind.excel_format_for(col)


def _put_text(cell, text: str) -> None:
    """Write ``text`` as a string cell: never a formula, and kept as text if Excel re-reads it."""
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True


def _put_value(cell, value: object, col: Column, lang: str) -> None:
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        cell.value = None
    elif col.allowed:
        _put_text(cell, choices(col, lang)[col.allowed.index(value)] if value in col.allowed else str(value))
    elif (typed := col.kind.to_excel(value)) is not None:
        cell.value = typed
    else:
        _put_text(cell, str(value))
    cell.number_format = _number_format(col)


def _validation(col: Column, letter: str, lang: str, lists: dict[tuple[str, ...], str]) -> DataValidation | None:
    cells = f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + VALIDATED_ROWS - 1}"
    if col.allowed:
        dv = DataValidation(type="list", formula1=lists[col.allowed], allow_blank=col.nullable)
        dv.error = msg("dv_list_error", lang)
    elif col.kind.excel_list:
        dv = DataValidation(type="list", formula1=col.kind.excel_list, allow_blank=col.nullable)
        dv.error = msg("dv_bool_error", lang)
    elif col.kind.excel_check and (col.low is not None or col.high is not None):
        low, high = col.low, col.high
        kind = col.kind.excel_check
        if low is not None and high is not None:
            dv = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
        elif low is not None:
            dv = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low), allow_blank=True)
        else:
            dv = DataValidation(type=kind, operator="lessThanOrEqual", formula1=str(high), allow_blank=True)
        what = msg(f"dv_{kind}", lang)
        span = " – ".join(str(b) for b in (low, high) if b is not None)
        dv.error = msg("dv_range_error", lang, what=what, range=(msg("dv_from", lang) if high is None else "") + span)
    else:
        return None
    dv.showErrorMessage = True
    dv.errorTitle = col.title
    dv.add(cells)
    return dv


def _write_lists(ws, lang: str) -> dict[tuple[str, ...], str]:
    """One column per distinct list of codes, holding its labels; returns each list's range for a drop-down."""
    ranges: dict[tuple[str, ...], str] = {}
    for table in TABLES.values():
        for col in table.described.values():
            if col.allowed and col.allowed not in ranges:
                j = len(ranges) + 1
                for i, entry in enumerate(choices(col, lang), start=1):
                    _put_text(ws.cell(i, j), entry)
                letter = get_column_letter(j)
                ranges[col.allowed] = f"{quote_sheetname(LIST_SHEET)}!${letter}$1:${letter}${len(col.allowed)}"
    ws.sheet_state = "hidden"
    return ranges


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


def _write_table_sheet(ws, table: Table, frame: pd.DataFrame | None, lang: str, lists) -> None:
    cols = table.described
    names = sheet_columns(table)
    for j, name in enumerate(names, start=1):
        col = cols[name]
        letter = get_column_letter(j)
        title = ws.cell(TITLE_ROW, j)
        _put_text(title, _header(col))
        title.font = Font(bold=True)
        title.fill = OPTIONAL_FILL if col.nullable or raw_partner(name, table) else REQUIRED_FILL
        title.alignment = Alignment(wrap_text=True, vertical="top")
        note = Comment(_note(col, table, lang), "hdnd_data")
        note.width, note.height = 320, 180
        title.comment = note
        code = ws.cell(CODE_ROW, j)
        _put_text(code, name)
        code.font = CODE_FONT
        # A column style formats the rows a clerk fills in later, not only the rows written here.
        ws.column_dimensions[letter].number_format = _number_format(col)
        dv = _validation(col, letter, lang, lists)
        if dv is not None:
            ws.add_data_validation(dv)
    widths = [max(len(_header(cols[n])) // 2 + 2, len(n) + 2, 10) for n in names]
    if frame is not None:
        for i, row in enumerate(frame[names].itertuples(index=False), start=FIRST_DATA_ROW):
            for j, (name, value) in enumerate(zip(names, row, strict=True), start=1):
                cell = ws.cell(i, j)
                _put_value(cell, value, cols[name], lang)
                widths[j - 1] = max(widths[j - 1], _shown_width(cell.value) + 2)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(width, 60)
    ws.row_dimensions[TITLE_ROW].height = 45
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1).coordinate
    _print_setup(ws)


GUIDE_RULES = 11


def _write_instructions(ws, *, unit: str, year: int, data_dir, frames: Mapping[str, pd.DataFrame] | None, lang: str) -> None:
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

    line([msg("guide_title", lang, name=name, year=year)], bold=True, size=14)
    line([f"unit = {unit}", f"year = {year}"])
    line([msg("guide_intro", lang)])
    row += 1
    line([msg("guide_how", lang)], bold=True)
    for i in range(1, GUIDE_RULES + 1):
        line([f"{i}.", msg(f"guide_rule_{i}", lang)])
    row += 1
    line([msg("guide_import", lang)], bold=True)
    line(["", msg("guide_import_command", lang, year=year, unit=unit)])
    line(["", msg("guide_import_note", lang)])
    row += 1
    line([msg("guide_sheets", lang)], bold=True)
    line([msg(f"guide_head_{k}", lang) for k in ("sheet", "contents", "rows", "key")], bold=True)
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
            raise FileNotFoundError(msg("wb_no_data", lang, unit=unit, year=year))
        frames = load_all(unit, year, data_dir, lang=lang)
    wb = Workbook()
    ws = wb.active
    ws.title = INSTRUCTION_SHEETS[lang]
    _write_instructions(ws, unit=unit, year=year, data_dir=data_dir, frames=frames, lang=lang)
    sheets = [wb.create_sheet(table.name) for table in TABLES.values()]
    lists = _write_lists(wb.create_sheet(LIST_SHEET), lang)
    for ws, table in zip(sheets, TABLES.values()):
        _write_table_sheet(ws, table, frames[table.name] if frames is not None else None, lang, lists)
    wb.custom_doc_props.append(StringProperty(name=PROP_UNIT, value=unit))
    wb.custom_doc_props.append(IntProperty(name=PROP_YEAR, value=int(year)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_atomic(path, buffer.getvalue())
