"""What export and import agree on: the rows of a sheet, its columns, drop-down labels and as-printed columns.

A coded column shows its values by their labels (``Thu ngân sách`` for ``revenue``) and the import takes the label
in either language or the code; an as-printed column (``amount_raw``) may be left empty and is then written from
its number, so that a clerk types each figure once.
"""

from __future__ import annotations

import re

from hdnd_data.data.columns import Column, printed_partner
from hdnd_data.data.loader import Table, code_label
from hdnd_data.data.numbers import nfc
from hdnd_data.labels import LANGS, msg

__all__ = [
    "CODE_ROW",
    "FIRST_DATA_ROW",
    "INJECTED",
    "INSTRUCTION_SHEETS",
    "LIST_SHEET",
    "TITLE_ROW",
    "choices",
    "code_of",
    "printed_from",
    "raw_partner",
    "sheet_columns",
]

TITLE_ROW, CODE_ROW, FIRST_DATA_ROW = 1, 2, 3
# unit and year are the same on every row of a unit-year: they come from the import's unit and year, so a clerk
# cannot get them wrong.
INJECTED = ("unit", "year")
INSTRUCTION_SHEETS = {lang: msg("guide_sheet", lang) for lang in LANGS}
# A hidden sheet holds the drop-down lists: labels contain commas, which an inline list cannot.
LIST_SHEET = "_lists"
PROP_UNIT, PROP_YEAR = "hdnd_unit", "hdnd_year"
# Text starting with one of these can be taken for a formula by Excel or by a later edit of the cell.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def sheet_columns(table: Table) -> list[str]:
    """Columns of ``table`` as they appear in its sheet: every column but ``unit`` and ``year``."""
    return [c for c in table.columns if c not in INJECTED]


def choices(column: Column, lang: str) -> list[str]:
    """The drop-down entries of a coded column: each code's label, made unique within the column."""
    # a code whose label is empty (the qualifier "none") still needs an entry a clerk can pick
    labels = [code_label(code, lang) if msg(code, lang) else msg("no_qualifier", lang) for code in column.allowed or ()]
    return [f"{text} ({code})" if labels.count(text) > 1 else text for text, code in zip(labels, column.allowed or ())]


def code_of(text: str, column: Column) -> str | None:
    """The code a clerk meant: the code itself, or its label in either language (case and spacing aside)."""
    wanted = _loose(text)
    for lang in LANGS:
        for entry, code in zip(choices(column, lang), column.allowed or ()):
            if _loose(entry) == wanted:
                return code
    return next((code for code in column.allowed or () if _loose(code) == wanted), None)


def _loose(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(str(text)).strip().casefold())


def raw_partner(name: str, table: Table) -> str | None:
    """The number column an as-printed column (``amount_raw``) repeats as text (``amount_mvnd``), if any."""
    return printed_partner(name, table.described)


def printed_from(value: object, column: Column) -> str:
    """A number as the documents print it, sign words aside (a decrease is printed "giảm 1", not "-1")."""
    return column.kind.printed(value)
