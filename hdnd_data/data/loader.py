"""The registry of tables and the loader that reads and validates their CSV files.

Data live in ``<data_dir>/<unit>/<year>/<table>.csv``; one registry entry per table drives loading,
documentation and the Excel workbook. Every problem in the input is collected and raised at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import yaml

from hdnd_data.data import schemas as s
from hdnd_data.data.columns import Column, Why, columns_of
from hdnd_data.data.layout import DEFAULT_UNIT, UNIT_ID, YEAR_FOLDER, real_dir, resolve_data_dir, special_kind, unit_info, units, years
from hdnd_data.data.numbers import nfc
from hdnd_data.data.problems import DataValidationError, FileRows, FrameRows, NoDataError, Problem, source_problems, validate_rows
from hdnd_data.labels import LANGS, msg, term

__all__ = [
    "DEFAULT_UNIT",
    "DataValidationError",
    "NoDataError",
    "NoRowsWarning",
    "Problem",
    "TABLES",
    "Table",
    "csv_text",
    "resolve_data_dir",
    "load",
    "label",
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

    @property
    def cites_source(self) -> bool:
        """A table of facts read in a document (every row names its source and section); reviews do not."""
        return "source_id" in self.columns and "locator" in self.columns

    @property
    def described(self) -> dict[str, Column]:
        """Each column's description: kind, titles, meanings, unit, rules (see :mod:`hdnd_data.data.columns`)."""
        return columns_of(self.schema)


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
        Table("reviews", s.Reviews, "Reviewers' decisions on findings of the checks"),
    ]
}


def tables() -> list[str]:
    """Names of the tables, in the order of the data model."""
    return list(TABLES)



class NoRowsWarning(UserWarning):
    """A table with no rows in the sources of the unit-years asked for (the documents print no such figures)."""


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _file_problem(shown: str, key: str, row: int | None = None, column: str | None = None, **values: object) -> Problem:
    return Problem.of(Why.of(key, **values), shown, row, column)


# ---------------------------------------------------------------------------------------- reading files
def _read_csv(path: Path, root: Path, table: Table, problems: list[Problem]) -> tuple[list[list[str]], list, list] | None:
    """Rows of one CSV file, in the table's column order, with each row's (file, line) and where each column was.

    The standard library's csv reader is used instead of one ``pd.read_csv`` per file: a province has tens
    of thousands of small files, and the per-call cost of ``read_csv`` dominated loading them. The frame is
    built once per table from all files' rows.
    """
    shown = _display(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        what = _what_it_is(exc.object[:8])
        problems.append(_file_problem(shown, "csv_is_other", what=msg(what)) if what else
                        _file_problem(shown, "not_utf8", byte=exc.start + 1))
        return None
    except OSError as exc:  # no permission, an I/O error: named, never a traceback
        problems.append(_file_problem(shown, "file_unreadable", reason=exc.strerror or exc))
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            problems.append(_file_problem(shown, "empty_csv"))
            return None
        header = [nfc(c).strip().lstrip("\ufeff") for c in header]
        expected = table.columns
        for c in expected:
            if c not in header:
                problems.append(_file_problem(shown, "column_missing", 1, c))
        for c, count in Counter(header).items():
            if c not in expected:
                problems.append(_file_problem(shown, "column_unknown", 1, c, table=table.name, columns=", ".join(expected)))
            elif count > 1:
                # which of two same-named columns holds the figures is anyone's guess: refuse, never pick one
                problems.append(_file_problem(shown, "column_repeated", 1, c, count=count))
        where = [header.index(c) if c in header else None for c in expected]
        rows, origin = [], []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # blank line
            if len(row) > len(header):
                problems.append(_file_problem(shown, "too_many_fields", reader.line_num, fields=len(row), header=len(header)))
                continue
            rows.append([row[i] if i is not None and i < len(row) else "" for i in where])
            origin.append((shown, reader.line_num))
    except csv.Error as exc:
        problems.append(_file_problem(shown, "unreadable_csv", reader.line_num, error=exc))
        return None
    return rows, origin, where


# the first bytes of files that are often saved under a .csv name by mistake
_SIGNATURES = {b"PK\x03\x04": "what_xlsx", b"\xd0\xcf\x11\xe0": "what_xls", b"%PDF": "what_pdf"}


def _what_it_is(head: bytes) -> str | None:
    """The label key of what a file that is not UTF-8 text really is, when its first bytes say so."""
    return next((what for signature, what in _SIGNATURES.items() if head.startswith(signature)), None)


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
            out.append(_file_problem(file, "wrong_unit_folder", row, "unit", value=frame.at[i, "unit"], folder=unit))
        if year_off[i]:
            out.append(_file_problem(file, "wrong_year_folder", row, "year", value=int(frame.at[i, "year"]), folder=year))
    return out


# ---------------------------------------------------------------------------------------- folders
def _wanted_years(year: int | Iterable[int] | None) -> set[int] | None:
    if year is None:
        return None
    return {int(year)} if isinstance(year, (int, np.integer, str)) else {int(y) for y in year}


def _folders(root: Path, unit: str | None, year: int | Iterable[int] | None, lang: str) -> list[tuple[str, int, Path]]:
    """The (unit, year, folder) to read; :class:`NoDataError` when a unit or a year asked for has none."""
    available_units = units(root)
    if unit is not None and not real_dir(root / unit):
        raise NoDataError("no_unit_folder", lang=lang, unit=unit, root=root, available=", ".join(available_units) or "–")
    chosen = available_units if unit is None else [unit]
    wanted = _wanted_years(year)
    present = {(u, y) for u in chosen for y in years(u, root)}
    available = sorted({y for _, y in present})
    missing = sorted(wanted - set(available)) if wanted is not None else []
    if missing or not present:
        if not available and wanted is None:
            raise NoDataError("no_data_at_all", lang=lang, root=root)
        shown = ", ".join(str(y) for y in missing) or "–"
        raise NoDataError("no_data_year", lang=lang, year=shown, available=", ".join(map(str, available)) or "–")
    return [(u, y, root / u / str(y)) for u, y in sorted(present) if wanted is None or y in wanted]


def _entry_problem(path: Path, root: Path, files: Iterable[str] = ()) -> Problem | None:
    """A symbolic link or a special file (FIFO, socket, device) anywhere in the data folder is refused by name, never
    followed or read; so is a folder where one of ``files`` belongs."""
    shown = _display(path, root)
    if path.is_symlink():
        return _file_problem(shown, "symlink_refused", target=os.readlink(path))
    what = special_kind(path)
    if what is not None:
        return _file_problem(shown, "special_file", what=msg(what))
    if path.name in files and path.is_dir():
        return _file_problem(shown, "folder_in_file_place", name=path.name)
    return None


def _unit_problems(root: Path, unit: str, problems: list[Problem]) -> None:
    """A unit folder holds year folders named like 2020 and an optional unit.yaml naming the unit."""
    folder = root / unit
    for path in sorted(folder.iterdir()):
        refused = _entry_problem(path, root, ("unit.yaml",))
        if refused is not None:
            problems.append(refused)
        # "0202" or "20201" would read as another year (202, 20201): only a plain year names a year folder
        elif path.is_dir() and path.name.isdigit() and not re.fullmatch(YEAR_FOLDER, path.name):
            problems.append(_file_problem(_display(path, root), "not_a_year_folder", name=path.name))
    path = folder / "unit.yaml"
    if not path.is_file() or path.is_symlink():
        return
    shown = _display(path, root)
    try:
        info = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(_file_problem(shown, "not_utf8", byte=exc.start + 1))
        return
    except yaml.YAMLError as exc:  # named at its line, in the user's words, not PyYAML's
        mark = getattr(exc, "problem_mark", None)
        if mark is None:
            problems.append(_file_problem(shown, "unit_yaml_unreadable", error=type(exc).__name__))
        else:
            problems.append(_file_problem(shown, "unit_yaml_syntax", mark.line + 1, char=mark.column + 1))
        return
    except OSError as exc:
        problems.append(_file_problem(shown, "file_unreadable", reason=exc.strerror or exc))
        return
    if info is None:
        return
    if not isinstance(info, dict):
        problems.append(_file_problem(shown, "unit_yaml_shape", found=type(info).__name__))
        return
    for field in ("name_vi", "name_en"):
        if field in info and not isinstance(info[field], str):
            problems.append(_file_problem(shown, "unit_yaml_field", field=field, found=type(info[field]).__name__))


def _check_folder_files(folder: Path, root: Path, problems: list[Problem]) -> None:
    table_files = {t.file_name for t in TABLES.values()}
    for path in sorted(folder.iterdir()):
        refused = _entry_problem(path, root, table_files)
        if refused is not None:
            problems.append(refused)
        elif path.is_file() and path.suffix == ".csv" and path.stem not in TABLES:
            problems.append(_file_problem(_display(path, root), "unknown_table_file", tables=", ".join(TABLES)))
        elif not path.name.startswith(".") and (path.is_dir() or path.suffix != ".csv"):
            problems.append(_file_problem(_display(path, root), "unexpected_file"))


def _root_problems(root: Path, unit: str | None, problems: list[Problem]) -> None:
    """Links and special files among the unit folders asked for (all of them when ``unit`` is None)."""
    if not root.is_dir():
        return
    entries = sorted(root.iterdir()) if unit is None else [root / unit]
    for path in entries:
        refused = _entry_problem(path, root) if path.is_symlink() or path.exists() else None
        if refused is not None:
            problems.append(refused)


def _read_table(table: Table, folders: list[tuple[str, int, Path]], root: Path, problems: list[Problem]) -> tuple[pd.DataFrame, list]:
    rows, origin, expected, refused = [], [], [], set()
    for unit, year, folder in folders:
        path = folder / table.file_name
        if not path.is_file() or path.is_symlink():  # a link is named by _check_folder_files, never followed
            continue
        read = _read_csv(path, root, table, problems)
        if read is None:
            continue
        # a column missing from the file is named once, at its header, not again as an empty cell on every row
        absent = [c for c, p in zip(table.columns, read[2], strict=True) if p is None]
        refused.update((len(rows) + i, c) for i in range(len(read[0])) for c in absent)
        rows.extend(read[0])
        origin.extend(read[1])
        expected.extend([(unit, year)] * len(read[0]))
    raw = pd.DataFrame(rows, columns=table.columns, dtype=str) if rows else pd.DataFrame(
        {c: pd.Series([], dtype=str) for c in table.columns})
    places = FileRows(origin)
    typed = validate_rows(table, raw, places, from_text=True, problems=problems, refused=refused)
    problems.extend(_placement_problems(typed, origin, expected))
    return typed, places


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")


def load_all(
    unit: str | None = None,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
    *,
    tables: Iterable[str] | None = None,
    lang: str = "vi",
    labels: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Load and validate every table (or those named in ``tables``) of ``unit`` and ``year``.

    ``unit=None`` (the default, as in :func:`~hdnd_data.checks.engine.run_checks`) reads every unit; ``year=None``
    every year. Each table is validated once over all its files. Raises :class:`NoDataError` when a unit or
    year asked for has no folder, and :class:`DataValidationError` listing every problem in every file (in
    ``lang``). ``labels="vi"`` (or ``"en"``) replaces coded values by their labels (see :func:`label`).
    Returns ``{table name: DataFrame}``.
    """
    _check_lang(lang)
    root = resolve_data_dir(data_dir)
    wanted = list(TABLES) if tables is None else list(tables)
    unknown = [t for t in wanted if t not in TABLES]
    if unknown:
        raise KeyError(msg("unknown_table", lang, name=", ".join(unknown), tables=", ".join(TABLES)))
    if unit is not None and not (isinstance(unit, str) and re.fullmatch(UNIT_ID, unit)):
        raise ValueError(msg("not_an_id", lang, value=unit))  # "../x" would name a folder outside the data directory
    problems: list[Problem] = []
    _root_problems(root, unit, problems)
    for u in units(root) if unit is None else [unit]:
        if real_dir(root / u):
            _unit_problems(root, u, problems)
    try:
        folders = _folders(root, unit, year, lang)
    except NoDataError:
        if problems:  # a linked unit or year folder is not followed: say why, not only that there are no data
            raise DataValidationError(problems, lang=lang) from None
        raise
    for _, _, folder in folders:
        _check_folder_files(folder, root, problems)
        if not (folder / "sources.csv").is_file():
            problems.append(_file_problem(_display(folder / "sources.csv", root), "sources_missing"))
    needed = ["sources", *[t for t in wanted if t != "sources"]]
    out, places = {}, {}
    for name in needed:
        out[name], places[name] = _read_table(TABLES[name], folders, root, problems)
    for name in needed:
        if name != "sources":
            problems.extend(source_problems(out[name], places[name], out["sources"], key=["unit", "year", "source_id"],
                                            message="unknown_source"))
    if problems:
        raise DataValidationError(problems, lang=lang)
    return {name: label(out[name], name, labels) if labels else out[name] for name in wanted}


def load(
    table: str,
    *,
    unit: str | None = None,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
    lang: str = "vi",
    labels: str | None = None,
) -> pd.DataFrame:
    """Load one validated table of ``unit`` (``None``: every unit) and ``year`` (``None``: every year).

    A year with no data folder raises :class:`NoDataError` naming the years there are. A table can be empty
    for a year that has data: the year's documents print no such figures (the 2023 session report has no
    budget table); the frame then has the table's columns and no row, and a :class:`NoRowsWarning` says so.
    ``labels="vi"`` or ``"en"`` shows coded values by their labels (``revenue`` -> ``Thu ngân sách``).

    >>> import hdnd_data as hd
    >>> int(hd.load("budget_execution", year=2020).amount_mvnd.iloc[0])
    390463
    >>> hd.load("budget_execution", year=2020, labels="vi").direction.iloc[0]
    'Thu ngân sách'
    """
    if table not in TABLES:
        raise KeyError(msg("unknown_table", lang, name=table, tables=", ".join(TABLES)))
    frame = load_all(unit=unit, year=year, data_dir=data_dir, tables=[table], lang=lang, labels=labels)[table]
    if frame.empty:
        where = " ".join([unit or msg("every_unit", lang), *(str(y) for y in sorted(_wanted_years(year) or []))])
        warnings.warn(msg("no_rows", lang, table=table, where=where), NoRowsWarning, stacklevel=2)
    return frame


def label(frame: pd.DataFrame, table: str | None = None, lang: str = "vi") -> pd.DataFrame:
    """A copy of ``frame`` with each coded value (``revenue``, ``complaint``) replaced by its label in ``lang``.

    ``table`` is found from the frame's columns when not given.

    >>> import hdnd_data as hd
    >>> hd.label(hd.load("petitions", year=2020), lang="en").petition_type.iloc[0]
    'All'
    """
    _check_lang(lang)
    if table is None:
        matches = [name for name, t in TABLES.items() if set(t.columns) == set(frame.columns)]
        if len(matches) != 1:
            raise ValueError("name the table: label(frame, table=...)")
        table = matches[0]
    out = frame.copy()
    for name, column in TABLES[table].described.items():
        if column.allowed and name in out:
            out[name] = out[name].map(lambda code: code_label(code, lang), na_action="ignore").astype("string")
    return out


def code_label(code: str, lang: str = "vi") -> str:
    """The label of one coded value; the code itself when the glossary has none (or an empty one)."""
    return term(code, lang) or code


def validate_frames(frames: Mapping[str, pd.DataFrame], origin_name: str | None = None, *, lang: str = "vi") -> dict[str, pd.DataFrame]:
    """Validate in-memory tables (e.g. an analyst's edits); raise :class:`DataValidationError` on any problem.

    Every problem is listed like the CSV loader does, located by table, index label and column
    (``budget_execution, index 3, column 'amount_mvnd'``); a text such as ``'390.463'`` or a ``390463.5`` in an
    integer column is named, never a crash. ``origin_name`` prefixes the table names (``<frames>:petitions``).
    """
    _check_lang(lang)
    problems: list[Problem] = []
    out = {}
    places = {}
    for name, frame in frames.items():
        shown = f"{origin_name}:{name}" if origin_name else name
        if name not in TABLES:
            problems.append(_file_problem(shown, "unknown_table", name=name, tables=", ".join(TABLES)))
            continue
        table = TABLES[name]
        problems += [_file_problem(shown, "column_missing", None, c) for c in table.columns if c not in frame.columns]
        problems += [_file_problem(shown, "column_unknown", None, str(c), table=name, columns=", ".join(table.columns))
                     for c in frame.columns if c not in table.columns]
        problems += [_file_problem(shown, "column_repeated", None, str(c), count=n)
                     for c, n in Counter(frame.columns).items() if n > 1]
        if frame.columns.duplicated().any():
            continue
        places[name] = FrameRows(shown, frame.index)
        raw = {c: frame[c] if c in frame.columns else pd.Series([None] * len(frame), dtype=object) for c in table.columns}
        absent = {(i, c) for c in table.columns if c not in frame.columns for i in range(len(frame))}
        out[name] = validate_rows(table, raw, places[name], from_text=False, problems=problems, refused=absent)
    if "sources" in out:
        for name, frame in out.items():
            if name != "sources":
                problems.extend(source_problems(frame, places[name], out["sources"], key=["unit", "year", "source_id"],
                                                message="unknown_source"))
    if problems:
        raise DataValidationError(problems, lang=lang)
    return out


def csv_text(frame: pd.DataFrame, table: Table) -> str:
    """``frame`` as the canonical CSV text of ``table``: schema column order, ISO dates, plain numbers, LF lines."""
    kinds = [column.kind for column in table.described.values()]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in frame[table.columns].itertuples(index=False):
        writer.writerow([kind.csv_text(value) for kind, value in zip(kinds, row, strict=True)])
    return buffer.getvalue()
