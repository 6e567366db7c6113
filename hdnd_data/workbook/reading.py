"""Excel import, first half: read a filled workbook and validate it on the loader's problem pipeline.

Each cell is read by its column's kind (numbers typed the Vietnamese way, dates, drop-down labels or codes), then
the same pipeline as the CSV loader applies the schema's rules and finds duplicates and unknown sources; every
problem is named by sheet, cell and column. Nothing here writes a file: :func:`validate_workbook` returns the
tables and their canonical CSV texts, and ``excel.import_workbook`` writes them.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from hdnd_data.data.columns import Column, Why
from hdnd_data.data.loader import TABLES, Table, csv_text, load_all
from hdnd_data.data.numbers import nfc
from hdnd_data.data.problems import DataValidationError, Problem, SheetRows, source_problems, validate_rows
from hdnd_data.data.schemas import SLUG
from hdnd_data.workbook.layout import (
    CODE_ROW,
    FIRST_DATA_ROW,
    INJECTED,
    INSTRUCTION_SHEETS,
    LIST_SHEET,
    PROP_UNIT,
    PROP_YEAR,
    choices,
    code_of,
    printed_from,
    raw_partner,
    sheet_columns,
)

__all__ = ["CellProblem", "Validated", "WorkbookError", "validate_workbook"]

_PERCENT_FORMAT = re.compile(r"%")
# A problem of a workbook is a Problem with a sheet for its file and a cell; the name stays for readers of old code.
CellProblem = Problem


def _column_index(cell: str | None) -> int:
    letters = re.match(r"[A-Z]*", cell or "").group(0)
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


class WorkbookError(DataValidationError):
    """A workbook that cannot be imported; ``problems`` lists every problem, in workbook order."""

    header_key = "wb_invalid_header"

    def __init__(self, problems: Iterable[Problem], *, workbook: str = "workbook", lang: str = "vi"):
        super().__init__(problems, lang=lang, name=workbook)

    def _sorted(self, problems):
        order = {name: i for i, name in enumerate(TABLES)}
        return sorted(problems, key=lambda p: (order.get(p.file, -1), p.row or 0, _column_index(p.cell), p.column or "", p.message))


def _sheet_problem(sheet: str, key: str, /, *, row: int | None = None, column: str | None = None, cell: str | None = None,
                   title: str | None = None, **values: object) -> Problem:
    return Problem.of(Why.of(key, **values), sheet, row, column, cell=cell, title=title)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _percent_formatted(number_format: str) -> bool:
    # Quoted literals and escaped characters do not make a percentage format.
    bare = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return bool(_PERCENT_FORMAT.search(bare))


def _cell_value(cell, col: Column, lang: str) -> tuple[object, Why | None]:
    """The value of one cell for ``col``, or ``(None, why)``; an empty cell gives ``(None, None)``."""
    value = cell.value
    if _is_blank(value):
        return None, None
    if cell.data_type == "f":
        return None, Why.of("cell_formula", formula=str(value))
    if cell.data_type == "e":
        return None, Why.of("cell_error_value", value=value)
    if col.allowed:
        code = code_of(value, col)
        if code is None:
            return None, Why.of("wb_not_allowed", value=nfc(str(value)).strip(), allowed=", ".join(choices(col, lang)))
        return code, None
    return col.kind.read_cell(value, percent_formatted=_percent_formatted(cell.number_format), column=col)


@dataclass
class _Sheet:
    """One table's rows as read from its sheet, with each row's Excel row number and each column's letter."""

    table: Table
    frame: pd.DataFrame
    places: SheetRows
    refused: set[tuple[int, str]]
    sound: bool  # no structural problem: missing or extra column, merged cells


def _columns_of_sheet(ws, table: Table, problems: list[Problem]) -> tuple[dict[str, int], bool]:
    """Where each column's code sits in row 2; a sheet whose columns are not the table's is not sound."""
    cols = table.described
    expected = sheet_columns(table)
    sheet, sound = table.name, True
    positions: dict[str, int] = {}
    for merged in ws.merged_cells.ranges:
        sound = False
        problems.append(_sheet_problem(sheet, "wb_merged", row=merged.min_row, cell=str(merged), range=str(merged)))
    for j in range(1, ws.max_column + 1):
        code_cell = ws.cell(CODE_ROW, j)
        code = nfc(str(code_cell.value)).strip() if not _is_blank(code_cell.value) else ""
        where = {"row": CODE_ROW, "cell": code_cell.coordinate}
        if code in cols and code not in INJECTED:
            if code in positions:
                sound = False
                first = f"{get_column_letter(positions[code])}{CODE_ROW}"
                problems.append(_sheet_problem(sheet, "wb_duplicate_column", column=code, title=cols[code].title, code=code,
                                               first=first, **where))
            else:
                positions[code] = j
        elif code in INJECTED:
            sound = False
            problems.append(_sheet_problem(sheet, "wb_injected_column", column=code, title=cols[code].title, code=code, **where))
        elif code:
            sound = False
            problems.append(_sheet_problem(sheet, "wb_extra_column", code=code, table=sheet, columns=", ".join(expected), **where))
        else:
            filled = next((c for row in ws.iter_rows(min_col=j, max_col=j) for c in row if not _is_blank(c.value)), None)
            if filled is not None:
                sound = False
                why = Why.of("wb_data_outside", cell=filled.coordinate)
                problems.append(Problem.of(why, sheet, filled.row, None, cell=filled.coordinate))
    for name in expected:
        if name not in positions:
            sound = False
            problems.append(_sheet_problem(sheet, "wb_missing_column", column=name, title=cols[name].title))
    return positions, sound


def _read_sheet(ws, table: Table, lang: str, problems: list[Problem]) -> _Sheet:
    cols = table.described
    positions, sound = _columns_of_sheet(ws, table, problems)
    letters = {name: get_column_letter(j) for name, j in positions.items()}
    records, rows, refused = [], [], set()
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        cells = {name: ws.cell(r, j) for name, j in positions.items()}
        if all(_is_blank(c.value) for c in cells.values()):
            continue
        record = {}
        for name, cell in cells.items():
            value, why = _cell_value(cell, cols[name], lang)
            if why is not None:
                problems.append(Problem.of(why, table.name, r, name, cell=cell.coordinate, title=cols[name].title))
                refused.add((len(records), name))
            record[name] = value
        _derive_printed(record, table, len(records), refused)
        records.append(record)
        rows.append(r)
    names = sheet_columns(table)
    frame = pd.DataFrame.from_records(records, columns=names) if records else pd.DataFrame({c: [] for c in names}, dtype=object)
    places = SheetRows(table.name, rows, letters, {name: col.title for name, col in cols.items()})
    return _Sheet(table, frame.astype(object), places, refused, sound)


def _derive_printed(record: dict, table: Table, i: int, refused: set) -> None:
    """An as-printed cell left empty is written from its number, so that a figure is typed once."""
    for name in list(record):
        partner = raw_partner(name, table)
        if partner is None or not _is_blank(record[name]):
            continue
        number = record.get(partner)
        if number is None:
            # the number is missing (or refused) too: it is named once, at the number's cell
            refused.add((i, name))
        else:
            record[name] = printed_from(number, table.described[partner])


def _target(wb) -> tuple[str | None, int | None]:
    props = {p.name: p.value for p in wb.custom_doc_props}
    year = props.get(PROP_YEAR)
    return props.get(PROP_UNIT), int(year) if year is not None else None


def _from_loader(exc: DataValidationError, sheets: Mapping[str, _Sheet]) -> list[Problem]:
    """Locate problems found by the loader's own reading of the staged files (a safety net) at their cells."""
    out: list[Problem] = []
    for p in exc.problems:
        name = p.file.removesuffix(".csv").rsplit("/", 1)[-1]
        sheet = sheets.get(name)
        if sheet is None or p.row is None or p.row - 2 >= len(sheet.places.rows):
            out.append(Problem(name, None, p.column, key=p.key, values=p.values, title=""))
            continue
        where = sheet.places.place(p.row - 2, p.column)
        out.append(Problem(name, where["row"], p.column, key=p.key, values=p.values, cell=where["cell"] or None,
                           title=where["title"]))
    return out


@dataclass
class Validated:
    """A workbook that passed: the tables as ``hd.load`` reads them and the canonical CSV text of each."""

    frames: dict[str, pd.DataFrame]
    texts: dict[str, str]
    filled: set[str]  # tables with at least one row


def validate_workbook(path: str | os.PathLike, *, year: int, unit: str, lang: str = "vi") -> Validated:
    """Read and validate every sheet of the workbook at ``path`` for ``unit``/``year``; write nothing.

    Raises :class:`WorkbookError` naming every problem by sheet, cell and column.
    """
    path = Path(path)
    year = int(year)
    problems: list[Problem] = []
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook; its wording stays out
        key = "wb_not_zip" if isinstance(exc, (zipfile.BadZipFile, InvalidFileException)) else "wb_unreadable"
        raise WorkbookError([_sheet_problem(path.name, key, error=type(exc).__name__)], workbook=path.name, lang=lang) from exc
    if not re.fullmatch(SLUG, unit):
        problems.append(Problem.of(Why.of("not_an_id", value=unit), path.name, None, "unit"))
    wb_unit, wb_year = _target(wb)
    if (wb_unit is not None and wb_unit != unit) or (wb_year is not None and wb_year != year):
        problems.append(_sheet_problem(path.name, "wb_wrong_target", wb_unit=wb_unit, wb_year=wb_year, unit=unit, year=year))
    skipped = {*INSTRUCTION_SHEETS.values(), LIST_SHEET}
    for name in wb.sheetnames:
        if name not in TABLES and name not in skipped:
            problems.append(_sheet_problem(name, "wb_extra_sheet", sheets=", ".join(TABLES)))
    sheets: dict[str, _Sheet] = {}
    for table in TABLES.values():
        if table.name not in wb.sheetnames:
            problems.append(_sheet_problem(table.name, "wb_missing_sheet", sheet=table.name))
            continue
        sheets[table.name] = _read_sheet(wb[table.name], table, lang, problems)

    typed: dict[str, pd.DataFrame] = {}
    for name, sheet in sheets.items():
        if not sheet.sound:
            continue  # a missing or misplaced column would make every row look wrong
        raw = {**{c: sheet.frame[c] for c in sheet.frame.columns}, "unit": [unit] * len(sheet.frame), "year": [year] * len(sheet.frame)}
        key = [k for k in sheet.table.key if k not in INJECTED]
        typed[name] = validate_rows(sheet.table, raw, sheet.places, from_text=False, problems=problems, refused=sheet.refused,
                                    key=key, duplicate_column=key[0] if key else None, lang=lang)
    if "sources" in typed:
        if typed["sources"].empty:
            problems.append(_sheet_problem("sources", "wb_no_sources", row=FIRST_DATA_ROW, cell=f"A{FIRST_DATA_ROW}"))
        for name, frame in typed.items():
            if name != "sources":
                problems.extend(source_problems(frame, sheets[name].places, typed["sources"], key=["source_id"],
                                                message="wb_unknown_source"))
    if problems:
        raise WorkbookError(problems, workbook=path.name, lang=lang)

    # The loader itself, run on the very files about to be written, has the final word.
    texts = {name: csv_text(frame, TABLES[name]) for name, frame in typed.items()}
    filled = {name for name, frame in typed.items() if not frame.empty}
    try:
        with tempfile.TemporaryDirectory() as staging:
            folder = Path(staging) / unit / str(year)
            folder.mkdir(parents=True)
            for name in filled:
                (folder / TABLES[name].file_name).write_text(texts[name], encoding="utf-8")
            frames = load_all(unit, year, staging, lang=lang)
    except DataValidationError as exc:
        raise WorkbookError(_from_loader(exc, sheets), workbook=path.name, lang=lang) from exc
    return Validated(frames, texts, filled)
