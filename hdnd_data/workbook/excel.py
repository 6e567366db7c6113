"""Excel workbooks generated from the schemas: export a year's tables (or an empty template) and import them back.

An imported workbook is refused with every problem named by sheet, cell and column; CSVs are written only when all
is valid. Export lives in ``workbook/export.py``, reading and validating in ``workbook/reading.py``; this module
writes a validated year.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from hdnd_data.data.files import repair_folder, replace_folder
from hdnd_data.data.layout import DEFAULT_UNIT, real_dir, resolve_data_dir
from hdnd_data.data.loader import TABLES, csv_text
from hdnd_data.labels import msg
from hdnd_data.workbook.export import export_workbook
from hdnd_data.workbook.layout import INSTRUCTION_SHEETS, sheet_columns
from hdnd_data.workbook.reading import CellProblem, WorkbookError, validate_workbook

__all__ = [
    "CellProblem",
    "INSTRUCTION_SHEETS",
    "WorkbookError",
    "csv_text",
    "export_workbook",
    "import_workbook",
    "sheet_columns",
]


def _msg(key: str, lang: str, **values: object) -> str:
    return msg(f"wb_{key}", lang, **values)


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
    validated = validate_workbook(path, year=year, unit=unit, lang=lang)
    frames, texts = validated.frames, validated.texts
    typed = frames  # a table the workbook left empty has no row here either
    if dry_run:
        return frames

    folder = resolve_data_dir(data_dir) / unit / str(year)
    _refuse_what_is_in_the_way(folder, lang)
    repair_folder(folder)  # a year left aside by an import killed mid-swap is put back before it is judged
    existing = {p.stem for p in folder.glob("*.csv")} if folder.is_dir() else set()
    if existing and not force:
        raise FileExistsError(_msg("exists", lang, unit=unit, year=year, path=folder))
    # An emptied table whose file exists gets a header-only file, so that the replacement stays all-or-nothing.
    files = {TABLES[name].file_name: text for name, text in texts.items() if not typed[name].empty or name in existing}
    replace_folder(folder, files)  # the whole year swapped in one step: entirely old or entirely new
    return frames


def _refuse_what_is_in_the_way(folder: Path, lang: str) -> None:
    """Before anything changes: the unit and year must be real folders that can be written, and the year folder may
    hold only table files (a folder, link or special file there would be dropped by the swap: the clerk decides)."""
    table_files = {table.file_name for table in TABLES.values()}
    for path in (folder.parent.parent, folder.parent, folder):
        if (path.exists() or path.is_symlink()) and not real_dir(path):
            raise FileExistsError(msg("wb_in_the_way", lang, path=path, why=msg("wb_way_not_folder", lang)))
    writable = next((p for p in (folder.parent, folder.parent.parent) if p.exists()), None)
    if writable is not None and not os.access(writable, os.W_OK | os.X_OK):
        raise FileExistsError(msg("wb_in_the_way", lang, path=writable, why=msg("wb_way_unwritable", lang)))
    if not folder.exists():
        return
    for path in sorted(folder.iterdir()):
        if path.name in table_files and path.is_file() and not path.is_symlink():
            continue
        if path.name.startswith(".") and path.is_file() and not path.is_symlink():
            continue
        why = msg("wb_way_entry", lang)
        raise FileExistsError(msg("wb_in_the_way", lang, path=path, why=why))
