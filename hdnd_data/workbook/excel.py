"""Excel workbooks generated from the schemas: export a year's tables (or an empty template) and import them back.

An imported workbook is refused with every problem named by sheet, cell and column; CSVs are written only when all
is valid. Export lives in ``workbook/export.py``, reading and validating in ``workbook/reading.py``; this module
writes a validated year.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from hdnd_data.data.files import write_many_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, resolve_data_dir
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
    existing = {p.stem for p in folder.glob("*.csv")} if folder.is_dir() else set()
    if existing and not force:
        raise FileExistsError(_msg("exists", lang, unit=unit, year=year, path=folder))
    # An emptied table whose file exists gets a header-only file, so that the replacement stays all-or-nothing.
    files = {folder / TABLES[name].file_name: text for name, text in texts.items() if not typed[name].empty or name in existing}
    write_many_atomic(files)
    return frames
