"""The registry of tables and the loader that reads and validates their CSV files.

Data live in ``<data_dir>/<unit>/<year>/<table>.csv``; one registry entry per table drives loading,
documentation and the Excel workbook. Every problem in the input is collected and raised at once.
"""

from __future__ import annotations

import copy
import csv
import functools
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hdnd_data.data import schemas as s
from hdnd_data.data.layout import DEFAULT_UNIT, resolve_data_dir, unit_info, units, years
from hdnd_data.data.numbers import nfc

__all__ = [
    "DEFAULT_UNIT",
    "DataValidationError",
    "Problem",
    "TABLES",
    "Table",
    "resolve_data_dir",
    "load",
    "load_all",
    "tables",
    "unit_info",
    "units",
    "validate_frames",
    "years",
]

FACT_KEY = ["unit", "year", "source_id", "locator"]


@dataclass(frozen=True)
class Table:
    """One table of the data model: its file stem, schema and one-line description."""

    name: str
    schema: type[pa.DataFrameModel]
    description: str

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.schema.to_schema().columns)

    @property
    def key(self) -> list[str]:
        return list(getattr(self.schema.Config, "unique", None) or [])


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table("sources", s.Sources, "Source documents"),
        Table("cited_documents", s.CitedDocuments, "Documents the reports cite by number"),
        Table("sessions", s.Sessions, "Council sessions"),
        Table("personnel_changes", s.PersonnelChanges, "Dismissals and elections by role"),
        Table("activity_counts", s.ActivityCounts, "Meetings, oversight and inspections as counted"),
        Table("oversight_missions", s.OversightMissions, "Oversight missions, inspections, questioning topics as listed"),
        Table("voter_contact", s.VoterContact, "Voter-contact rounds"),
        Table("recommendation_settlement", s.RecommendationSettlement, "Settlement of voters' recommendations"),
        Table("citizen_reception", s.CitizenReception, "Citizen reception"),
        Table("petitions", s.Petitions, "Petitions by recipient, type and status"),
        Table("petition_indicators", s.PetitionIndicators, "Stated petition comparisons and rates"),
        Table("budget_execution", s.BudgetExecution, "Budget amounts"),
        Table("budget_percentages", s.BudgetPercentages, "Stated budget percentages and their bases"),
        Table("task_groups", s.TaskGroups, "Key task groups by completion"),
        Table("resolution_targets", s.ResolutionTargets, "Resolution targets met / not met"),
        Table("target_details", s.TargetDetails, "Targets named individually"),
        Table("economy", s.Economy, "Growth, structure, exports"),
    ]
}


def tables() -> list[str]:
    """Names of the tables, in the order of the data model."""
    return list(TABLES)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "")
        where += f", column {self.column!r}" if self.column else ""
        return f"{where}: {self.message}"


class DataValidationError(ValueError):
    """Input that fails validation; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.message))
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"invalid data: {len(self.problems)} problem(s)\n{lines}")


# ---------------------------------------------------------------------------------------- parsing
_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BOOL = {"true": True, "false": False, "1": True, "0": False}


def _kind(dtype: object) -> str:
    text = str(dtype).lower()
    for kind in ("int", "float", "datetime", "bool"):
        if kind in text:
            return kind
    return "str"


def column_kinds(schema: type[pa.DataFrameModel]) -> dict[str, str]:
    """Map each column to ``int``, ``float``, ``datetime``, ``bool`` or ``str``."""
    return {name: _kind(col.dtype) for name, col in schema.to_schema().columns.items()}


def _explain_number(text: str, kind: str) -> str:
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text) and kind == "int":
        return f"{text!r} has a Vietnamese thousands dot; write the plain number {text.replace('.', '')}"
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        return f"{text!r} has a decimal comma; write {text.replace(',', '.')}"
    return f"{text!r} is not {'an integer' if kind == 'int' else 'a number'}"


def parse_cell(text: str, kind: str) -> tuple[object, str | None]:
    """Parse one canonical CSV cell; return ``(value, None)`` or ``(None, reason)``. Empty -> missing."""
    text = text.strip()
    if text == "":
        return None, None
    if kind == "int":
        return (int(text), None) if _INT.match(text) else (None, _explain_number(text, kind))
    if kind == "float":
        return (float(text), None) if _FLOAT.match(text) else (None, _explain_number(text, kind))
    if kind == "datetime":
        if _ISO_DATE.match(text):
            try:
                return pd.Timestamp(date.fromisoformat(text)), None
            except ValueError:
                pass
        return None, f"{text!r} is not a date written YYYY-MM-DD"
    if kind == "bool":
        return (_BOOL[text.lower()], None) if text.lower() in _BOOL else (None, f"{text!r} is not true/false")
    return nfc(text), None


@dataclass
class _Frame:
    """Rows read from files, still untyped, with each row's file and line for error messages."""

    data: pd.DataFrame
    origin: list[tuple[str, int | None]]


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _read_csv(path: Path, root: Path, table: Table, problems: list[Problem]) -> tuple[list[list[str]], list] | None:
    """Rows of one CSV file, in the table's column order, with each row's (file, line).

    The standard library's csv reader is used instead of one ``pd.read_csv`` per file: a province has tens
    of thousands of small files, and the per-call cost of ``read_csv`` dominated loading them. The frame is
    built once per table from all files' rows.
    """
    shown = _display(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, None, None, f"not UTF-8 text ({exc.reason})"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            problems.append(Problem(shown, None, None, "not a readable CSV file: it is empty (a header row is needed)"))
            return None
        header = [nfc(c).strip().lstrip("\ufeff") for c in header]
        expected = table.columns
        for c in expected:
            if c not in header:
                problems.append(Problem(shown, 1, c, "column is missing"))
        for c in header:
            if c not in expected:
                problems.append(Problem(shown, 1, c, f"unknown column (table {table.name} has: {', '.join(expected)})"))
        where = [header.index(c) if c in header else None for c in expected]
        rows, origin = [], []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # blank line
            if len(row) > len(header):
                problems.append(Problem(shown, reader.line_num, None, f"{len(row)} fields but the header has {len(header)}"))
                continue
            rows.append([row[i] if i is not None and i < len(row) else "" for i in where])
            origin.append((shown, reader.line_num))
    except csv.Error as exc:
        problems.append(Problem(shown, reader.line_num, None, f"not a readable CSV file: {exc}"))
        return None
    return rows, origin


def _type_frame(frame: _Frame, table: Table, problems: list[Problem]) -> tuple[pd.DataFrame, set]:
    """Parse strings to typed columns; record unparseable cells and return them so pandera noise is dropped.

    Whole columns are parsed at once (a regex decides which cells are well formed); only the bad cells go
    through :func:`parse_cell`, one by one, for their message. The result is what ``parse_cell`` gives per cell.
    """
    kinds = column_kinds(table.schema)
    bad: set[tuple[int, str]] = set()
    typed = {}
    for column, kind in kinds.items():
        values, wrong = _parse_column(frame.data[column], kind)
        for i in np.flatnonzero(wrong):
            _, reason = parse_cell(frame.data[column].iat[i], kind)
            file, row = frame.origin[i]
            problems.append(Problem(file, row, column, reason))
            bad.add((int(i), column))
        typed[column] = values
    out = pd.DataFrame(typed, index=frame.data.index)
    return s_coerce(out, table), bad


def _parse_column(raw: pd.Series, kind: str) -> tuple[pd.Series, np.ndarray]:
    """One column of text cells to values (missing where empty or malformed) and the mask of malformed cells."""
    text = raw.astype(object).fillna("").astype(str).str.strip()
    empty = (text == "").to_numpy()
    values = pd.Series(None, index=raw.index, dtype=object)
    if kind == "str":
        values[~empty] = text[~empty].str.normalize("NFC")
        return values, np.zeros(len(raw), dtype=bool)
    if kind == "int":
        good = text.str.fullmatch(r"[+-]?\d+").to_numpy(dtype=bool)
        values[good] = text[good].to_numpy(dtype=object).astype("int64")
    elif kind == "float":
        good = text.str.fullmatch(r"[+-]?\d+(\.\d+)?").to_numpy(dtype=bool)
        values[good] = text[good].to_numpy(dtype=object).astype("float64")
    elif kind == "datetime":
        dates = pd.to_datetime(text.where(text.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d", errors="coerce")
        good = dates.notna().to_numpy()
        values[good] = dates[good]
    else:  # bool
        lowered = text.str.lower()
        good = lowered.isin(list(_BOOL)).to_numpy()
        values[good] = lowered[good].map(_BOOL)
    return values, ~good & ~empty


def s_coerce(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Give each column its schema dtype (missing values stay missing)."""
    kinds = column_kinds(table.schema)
    out = {}
    for column, kind in kinds.items():
        col = frame[column]
        if kind == "int":
            out[column] = pd.array(col, dtype="Int64")
        elif kind == "float":
            out[column] = pd.array(col, dtype="Float64").astype("float64") if len(col) else col.astype("float64")
        elif kind == "datetime":
            out[column] = pd.to_datetime(col)
        elif kind == "bool":
            out[column] = pd.array(col, dtype="boolean")
        else:
            out[column] = pd.array(col, dtype="string")
    return pd.DataFrame(out, index=frame.index)


def _schema_problems(exc: pa.errors.SchemaErrors, origin: list[tuple[str, int | None]], bad: set, table: Table) -> list[Problem]:
    out = []
    cases = exc.failure_cases
    for case in cases.itertuples(index=False):
        if case.check == "multiple_fields_uniqueness":
            continue  # reported by _duplicate_problems with both rows named
        idx = case.index
        column = case.column if isinstance(case.column, str) else None
        if idx is None or pd.isna(idx):
            file, row = (origin[0][0] if origin else table.file_name), None
        else:
            idx = int(idx)
            if (idx, column) in bad:
                continue
            file, row = origin[idx]
        out.append(Problem(file, row, column, _describe_check(str(case.check), case.failure_case)))
    return out


def _describe_check(check: str, value: object) -> str:
    shown = "empty" if value is None or (not isinstance(value, str) and pd.isna(value)) else repr(value)
    if check.startswith("isin("):
        return f"{shown} is not an allowed value; allowed: {check[len('isin(['):-2].replace(chr(39), '')}"
    if check.startswith("greater_than_or_equal_to(0)"):
        return f"{shown} is negative; counts and amounts cannot be"
    if check.startswith("not_nullable"):
        return "required value is empty"
    if check.startswith("str_matches"):
        return f"{shown} does not match the pattern {check[len('str_matches('):-1]}"
    if check.startswith("str_length"):
        return "required text is empty"
    return f"{shown} fails {check}"


def _duplicate_problems(frame: pd.DataFrame, origin: list, table: Table) -> list[Problem]:
    key = table.key
    if not key or frame.empty:
        return []
    dup = frame[frame.duplicated(subset=key, keep=False)]
    out = []
    for _, group in dup.groupby(key, dropna=False, sort=False):
        rows = [origin[i] for i in group.index]
        for file, row in rows:
            others = ", ".join(f"{f} row {r}" for f, r in rows if (f, r) != (file, row))
            values = ", ".join(f"{k}={group.iloc[0][k]}" for k in key if k not in ("unit", "year"))
            out.append(Problem(file, row, None, f"duplicate key ({values}); also at {others}"))
    return out


def _placement_problems(frame: pd.DataFrame, origin: list, expected: list[tuple[str, int]]) -> list[Problem]:
    """A row's unit and year must be those of the folder its file sits in."""
    if frame.empty:
        return []
    folder_unit = np.array([u for u, _ in expected], dtype=object)
    folder_year = np.array([y for _, y in expected], dtype="int64")
    unit_off = (frame["unit"].notna() & (frame["unit"].astype(object).to_numpy() != folder_unit)).to_numpy(dtype=bool)
    year_off = (frame["year"].notna() & (frame["year"] != folder_year).fillna(False)).to_numpy(dtype=bool)
    out = []
    for i in np.flatnonzero(unit_off | year_off):
        file, row = origin[i]
        unit, year = expected[i]
        if unit_off[i]:
            out.append(Problem(file, row, "unit", f"{frame.at[i, 'unit']!r} but the file is in folder {unit}/"))
        if year_off[i]:
            out.append(Problem(file, row, "year", f"{frame.at[i, 'year']} but the file is in folder {year}/"))
    return out


# ---------------------------------------------------------------------------------------- loading
def _folders(root: Path, unit: str | None, year: int | Iterable[int] | None) -> list[tuple[str, int, Path]]:
    wanted_units = units(root) if unit is None else [unit]
    wanted_years = None if year is None else ({int(year)} if isinstance(year, (int, str)) else {int(y) for y in year})
    out = []
    for u in wanted_units:
        for y in years(u, root):
            if wanted_years is None or y in wanted_years:
                out.append((u, y, root / u / str(y)))
    return out


def _check_folder_files(folder: Path, root: Path, problems: list[Problem]) -> None:
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix == ".csv" and path.stem not in TABLES:
            problems.append(Problem(_display(path, root), None, None, f"unknown table file; known tables: {', '.join(TABLES)}"))
        elif path.is_file() and path.suffix != ".csv" and not path.name.startswith("."):
            problems.append(Problem(_display(path, root), None, None, "unexpected file; a year folder holds only <table>.csv files"))


def _read_table(table: Table, folders: list[tuple[str, int, Path]], root: Path, problems: list[Problem]) -> tuple[pd.DataFrame, list]:
    rows, origin, expected = [], [], []
    for unit, year, folder in folders:
        path = folder / table.file_name
        if not path.is_file():
            continue
        read = _read_csv(path, root, table, problems)
        if read is None:
            continue
        rows.extend(read[0])
        origin.extend(read[1])
        expected.extend([(unit, year)] * len(read[0]))
    raw = pd.DataFrame(rows, columns=table.columns, dtype=str) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=str) for c in table.columns})
    typed, bad = _type_frame(_Frame(raw, origin), table, problems)
    problems.extend(_placement_problems(typed, origin, expected))
    return typed, origin, bad


@functools.cache
def _row_schema(table: Table) -> pa.DataFrameSchema:
    """The table's schema without its joint-uniqueness check: :func:`_duplicate_problems` reports duplicates
    (naming both rows), so pandera need not hash every key a second time."""
    schema = copy.deepcopy(table.schema.to_schema())
    schema.unique = None
    return schema


def _validate(table: Table, typed: pd.DataFrame, origin: list, bad: set, problems: list[Problem]) -> pd.DataFrame:
    problems.extend(_duplicate_problems(typed, origin, table))
    try:
        return _row_schema(table).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems.extend(_schema_problems(exc, origin, bad, table))
        return typed


def _source_problems(name: str, frame: pd.DataFrame, origin: list, sources: pd.DataFrame) -> list[Problem]:
    if name == "sources" or frame.empty:
        return []
    key = ["unit", "year", "source_id"]
    known = pd.MultiIndex.from_frame(sources[key].astype(object))
    rows = pd.MultiIndex.from_frame(frame[key].astype(object))
    unknown = frame["source_id"].notna().to_numpy(dtype=bool) & ~rows.isin(known)
    out = []
    for i in np.flatnonzero(unknown):
        unit, year, source_id = frame["unit"].iat[i], frame["year"].iat[i], frame["source_id"].iat[i]
        file, row = origin[i]
        out.append(Problem(file, row, "source_id", f"{source_id!r} is not in sources.csv of {unit}/{year}"))
    return out


def load_all(
    unit: str | None = DEFAULT_UNIT,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
    tables_: Iterable[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Load and validate every table for ``unit`` (``None``: all units) and ``year`` (``None``: all years).

    Each table is validated once over all its files. Raises :class:`DataValidationError` listing every
    problem in every file; returns ``{table name: DataFrame}``.
    """
    root = resolve_data_dir(data_dir)
    wanted = list(tables_) if tables_ is not None else list(TABLES)
    unknown = [t for t in wanted if t not in TABLES]
    if unknown:
        raise KeyError(f"unknown table(s) {unknown}; known: {', '.join(TABLES)}")
    problems: list[Problem] = []
    if unit is not None and not (root / unit).is_dir():
        raise DataValidationError([Problem(_display(root / unit, root), None, None, f"no data folder for unit {unit!r} in {root}")])
    folders = _folders(root, unit, year)
    if not folders:
        raise DataValidationError([Problem(_display(root, root) or ".", None, None, f"no data for unit={unit!r}, year={year!r} in {root}")])
    for _, _, folder in folders:
        _check_folder_files(folder, root, problems)
        if not (folder / "sources.csv").is_file():
            problems.append(Problem(_display(folder / "sources.csv", root), None, None, "sources.csv is missing; every year folder needs one"))
    needed = ["sources", *[t for t in wanted if t != "sources"]]
    out, origins = {}, {}
    for name in needed:
        typed, origin, bad = _read_table(TABLES[name], folders, root, problems)
        out[name] = _validate(TABLES[name], typed, origin, bad, problems)
        origins[name] = origin
    for name in needed:
        problems.extend(_source_problems(name, out[name], origins[name], out["sources"]))
    if problems:
        raise DataValidationError(problems)
    return {name: out[name] for name in wanted}


def load(
    table: str,
    *,
    unit: str | None = DEFAULT_UNIT,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Load one validated table.

    >>> import hdnd_data as hd
    >>> int(hd.load("budget_execution", year=2020).amount_mvnd.iloc[0])
    390463
    """
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    return load_all(unit=unit, year=year, data_dir=data_dir, tables_=[table])[table]


class _Positions(Sequence):
    """Where each row of an in-memory table sits: ``(name, position + 2)``, computed when a problem asks."""

    def __init__(self, name: str, length: int):
        self.name, self.length = name, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.length))]
        if not -self.length <= i < self.length:
            raise IndexError(i)
        return self.name, int(i) % self.length + 2


def validate_frames(frames: Mapping[str, pd.DataFrame], origin_name: str = "<frames>") -> dict[str, pd.DataFrame]:
    """Validate in-memory tables (e.g. an analyst's edits, or imported Excel sheets); raise on any problem.

    Rows are named by their position (row 2 is the first, as in a file with a header row).
    """
    problems: list[Problem] = []
    out = {}
    for name, frame in frames.items():
        if name not in TABLES:
            problems.append(Problem(origin_name, None, None, f"unknown table {name!r}"))
            continue
        table = TABLES[name]
        frame = frame.reset_index(drop=True)
        origin = _Positions(f"{origin_name}:{name}", len(frame))
        missing = [c for c in table.columns if c not in frame.columns]
        extra = [c for c in frame.columns if c not in table.columns]
        problems += [Problem(f"{origin_name}:{name}", 1, c, "column is missing") for c in missing]
        problems += [Problem(f"{origin_name}:{name}", 1, c, "unknown column") for c in extra]
        frame = frame.reindex(columns=table.columns)
        out[name] = _validate(table, s_coerce(frame, table), origin, set(), problems)
    if "sources" in out:
        for name, frame in out.items():
            origin = _Positions(f"{origin_name}:{name}", len(frame))
            problems.extend(_source_problems(name, frame, origin, out["sources"]))
    if problems:
        raise DataValidationError(problems)
    return out
