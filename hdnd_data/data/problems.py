"""The one problem pipeline: a CSV file, a workbook sheet and an analyst's frame are typed and validated here.

Each reader hands over its raw columns and where each row sits (:class:`FileRows`, :class:`SheetRows`,
:class:`FrameRows`); the same steps then type every cell by its column's kind, apply the schema's rules, find
duplicate keys and unknown sources, and name each problem once at its own place (file/row/column, sheet!cell,
frame index/column), in Vietnamese or English from ``labels/data.py``.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hdnd_data.data.columns import Column, Kind, Why, columns_of, printed_partner
from hdnd_data.data.numbers import NumberParseError, format_significant, parse_fraction, parse_number
from hdnd_data.data.schemas import SLUG
from hdnd_data.labels import msg

__all__ = [
    "DataValidationError",
    "FileRows",
    "FrameRows",
    "NoDataError",
    "Problem",
    "SheetRows",
    "source_problems",
    "validate_rows",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    ``file`` is a file (or a sheet, or a frame's table name), ``row`` its line (Excel row), ``cell`` an Excel cell
    (``G7``), ``index`` a frame's index label. A problem made from a message ``key`` renders its ``message`` in
    ``lang``; :meth:`in_language` gives the same problem in another language.
    """

    file: str
    row: int | None
    column: str | None
    message: str = ""
    key: str | None = None
    values: tuple[tuple[str, object], ...] = ()
    cell: str | None = None
    index: object = None
    title: str | None = None
    lang: str = "vi"

    def __post_init__(self) -> None:
        if self.key is not None:
            object.__setattr__(self, "message", msg(self.key, self.lang, **dict(self.values)))

    @classmethod
    def of(cls, why: Why, file: str, row: int | None = None, column: str | None = None, **where: object) -> Problem:
        return cls(file, row, column, key=why.key, values=why.values, **where)

    def in_language(self, lang: str) -> Problem:
        return self if lang == self.lang else dataclasses.replace(self, lang=lang)

    def __str__(self) -> str:
        column_word = msg("where_column", self.lang)
        if self.cell is not None or self.title is not None:  # a workbook: sheet!cell, column code (title)
            where = self.file + (f"!{self.cell}" if self.cell else "")
            if self.column:
                where += f", {column_word} {self.column}" + (f" ({self.title})" if self.title else "")
        else:
            where = self.file
            if self.index is not None:
                where += f", {msg('where_index', self.lang)} {self.index!r}"
            elif self.row is not None:
                where += f", {msg('where_row', self.lang)} {self.row}"
            if self.column:
                where += f", {column_word} {self.column!r}"
        return f"{where}: {self.message}"


def _order(p: Problem) -> tuple:
    return (p.file, p.row or 0, str(p.index) if p.index is not None else "", p.column or "", p.message)


class DataValidationError(ValueError):
    """Input that fails validation; ``problems`` lists every problem found, not only the first.

    Messages are in ``lang`` (Vietnamese by default); :meth:`text` renders them in another language.
    """

    header_key = "invalid_header"

    def __init__(self, problems: Iterable[Problem], *, lang: str = "vi", **header: object):
        self.lang, self.header = lang, header
        self.problems = self._sorted({p.in_language(lang) for p in problems})
        super().__init__(self.text(lang))

    def _sorted(self, problems: Iterable[Problem]) -> list[Problem]:
        return sorted(problems, key=_order)

    def text(self, lang: str | None = None) -> str:
        """The whole message (a header line, then one line per problem) in ``lang``."""
        lang = lang or self.lang
        lines = "\n".join(f"  - {p.in_language(lang)}" for p in self.problems)
        return f"{msg(self.header_key, lang, n=len(self.problems), **self.header)}\n{lines}"


class NoDataError(LookupError):
    """A unit or year with no data folder: the message lists what is available; :meth:`text` in another language."""

    def __init__(self, key: str, *, lang: str = "vi", **values: object):
        self.key, self.values, self.lang = key, values, lang
        super().__init__(self.text(lang))

    def text(self, lang: str | None = None) -> str:
        return msg(self.key, lang or self.lang, **self.values)


# ---------------------------------------------------------------------------------------- places
class FileRows:
    """Rows read from CSV files: each row's file and line."""

    def __init__(self, origin: Sequence[tuple[str, int | None]]):
        self.origin = origin

    def place(self, i: int, column: str | None) -> dict:
        file, row = self.origin[i]
        return {"file": file, "row": row}

    def whole(self) -> dict:
        return {"file": self.origin[0][0] if len(self.origin) else "", "row": None}


class SheetRows:
    """Rows read from a workbook sheet: each row's Excel row and each column's letter."""

    def __init__(self, sheet: str, rows: Sequence[int], letters: Mapping[str, str], titles: Mapping[str, str]):
        self.sheet, self.rows, self.letters, self.titles = sheet, rows, letters, titles

    def place(self, i: int, column: str | None) -> dict:
        row = self.rows[i]
        cell = f"{self.letters[column]}{row}" if column in self.letters else ""
        return {"file": self.sheet, "row": row, "cell": cell, "title": self.titles.get(column, "")}

    def whole(self) -> dict:
        return {"file": self.sheet, "row": None, "cell": ""}


class FrameRows:
    """Rows of an analyst's frame: each row's index label."""

    def __init__(self, name: str, labels: Sequence[object]):
        self.name, self.labels = name, labels

    def place(self, i: int, column: str | None) -> dict:
        label = self.labels[i]
        return {"file": self.name, "row": None, "index": label.item() if isinstance(label, np.generic) else label}

    def whole(self) -> dict:
        return {"file": self.name, "row": None}


def _problem(why: Why, places, i: int | None, column: str | None) -> Problem:
    where = places.whole() if i is None else places.place(i, column)
    return Problem.of(why, column=column, **where)


# ---------------------------------------------------------------------------------------- typing
def _type_column(raw: pd.Series, kind: Kind, from_text: bool) -> tuple[object, list[tuple[int, Why]]]:
    """One raw column to its typed array, and the refused cells (position, why) left missing."""
    refused: list[tuple[int, Why]] = []
    if from_text:
        text = raw.astype(object).fillna("").astype(str).str.strip()
        filled = (text != "").to_numpy()
        values = pd.Series(None, index=raw.index, dtype=object)
        if filled.any():
            read, bad = kind.read_texts(text[filled])
            values[filled] = read
            for j in np.flatnonzero(bad):
                i = int(np.flatnonzero(filled)[j])
                refused.append((i, kind.why_text(text.iat[i])))
                values.iat[i] = None
    elif kind.fast(raw):
        values = raw
    else:
        out = []
        for i, value in enumerate(raw.to_numpy(dtype=object)):
            read, why = kind.read_value(value)
            if why is not None:
                refused.append((i, why))
            out.append(read)
        values = pd.Series(out, index=raw.index, dtype=object)
    return kind.array(values), refused


# ---------------------------------------------------------------------------------------- rules
@functools.cache
def _row_schema(schema: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    """The table's schema without its joint-uniqueness check: duplicates are found below, naming every row, so
    pandera need not hash every key a second time."""
    out = copy.deepcopy(schema.to_schema())
    out.unique = None
    return out


def _rule_why(check: str, value: object, column: Column | None) -> Why:
    """The message of one failed schema check, in the catalogue's words rather than pandera's."""
    shown = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
    shown = shown.item() if isinstance(shown, np.generic) else shown
    if check.startswith("isin") and column is not None:
        return Why.of("not_allowed", value=shown, allowed=", ".join(column.allowed or ()))
    if check.startswith("greater_than_or_equal_to") and column is not None:
        return Why.of("negative", value=shown) if column.low == 0 else Why.of("below", value=shown, bound=column.low)
    if check.startswith("less_than_or_equal_to") and column is not None:
        return Why.of("above", value=shown, bound=column.high)
    if check.startswith(("not_nullable", "str_length")):
        return Why.of("required")
    if check == f"str_matches('{SLUG}')":
        return Why.of("not_an_id", value=shown)
    if check.startswith("str_matches"):
        return Why.of("pattern", value=shown, pattern=check[len("str_matches(") : -1])
    return Why.of("failed_check", value=shown, check=check)


def _key_text(frame: pd.DataFrame, i: int, key: list[str]) -> str:
    return ", ".join(f"{k}={frame[k].iat[i]}" for k in key)


def _duplicates(frame: pd.DataFrame, key: list[str], places, column: str | None, lang: str) -> list[Problem]:
    """Rows sharing a key, each named with the other rows that share it."""
    if not key or frame.empty:
        return []
    dup = np.flatnonzero(frame.duplicated(subset=key, keep=False).to_numpy())
    if not len(dup):
        return []
    out = []
    groups = frame.iloc[dup].groupby(key, dropna=False, sort=False).indices
    for positions in groups.values():
        members = [int(dup[p]) for p in positions]
        shown = _key_text(frame, members[0], key)
        for i in members:
            others = "; ".join(_short_place(places.place(j, column), lang) for j in members if j != i)
            out.append(_problem(Why.of("duplicate_key", values=shown, others=others), places, i, column))
    return out


def _short_place(where: dict, lang: str) -> str:
    if where.get("cell"):
        return f"{msg('where_row', lang)} {where['row']}"
    if where.get("index") is not None:
        return f"{msg('where_index', lang)} {where['index']!r}"
    return f"{where['file']} {msg('where_row', lang)} {where['row']}"


def validate_rows(
    table,
    raw: Mapping[str, pd.Series],
    places,
    *,
    from_text: bool,
    problems: list[Problem],
    refused: Iterable[tuple[int, str]] = (),
    key: Sequence[str] | None = None,
    duplicate_column: str | None = None,
    lang: str = "vi",
) -> pd.DataFrame:
    """Type ``raw`` (column -> values, every column of ``table``), apply the schema's rules and find duplicate keys.

    ``from_text`` says the values are CSV text (strict: plain numbers, ISO dates); otherwise they are Python
    values. ``refused`` lists cells a reader already refused (position, column): they are not named again.
    Appends every problem to ``problems`` and returns the typed frame (its index is the row position).
    """
    columns = columns_of(table.schema)
    bad = set(refused)
    typed = {}
    for name, column in columns.items():
        typed[name], refused_here = _type_column(pd.Series(raw[name]).reset_index(drop=True), column.kind, from_text)
        for i, why in refused_here:
            problems.append(_problem(why, places, i, name))
            bad.add((i, name))
    frame = pd.DataFrame(typed)
    if len(frame) and frame.index[0] != 0:
        frame = frame.reset_index(drop=True)
    key = list(table.key if key is None else key)
    problems.extend(_duplicates(frame, key, places, duplicate_column, lang))
    try:
        validated = _row_schema(table.schema).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        validated = frame
        for case in exc.failure_cases.itertuples(index=False):
            if case.check == "multiple_fields_uniqueness":
                continue
            column = case.column if isinstance(case.column, str) else None
            i = None if case.index is None or pd.isna(case.index) else int(case.index)
            if i is not None and (i, column) in bad:
                continue  # already named as a cell that could not be read
            if str(case.check).startswith("coerce_dtype") and pd.isna(case.failure_case):
                continue  # an empty cell of a whole-number column: named by its not_nullable check
            problems.append(_problem(_rule_why(str(case.check), case.failure_case, columns.get(column)), places, i, column))
            bad.add((i, column))
    problems.extend(_printed_problems(frame, columns, places, bad))  # a value already refused is not compared
    return validated


def _read_printed(text: str) -> float | None:
    """A figure as the documents print it (``390.463``, ``93,2``, ``1/2`` of a day); None for words (``hai``)."""
    try:
        return float(parse_number(text))
    except NumberParseError:
        pass
    try:
        numerator, denominator = parse_fraction(text)
        return numerator / denominator
    except NumberParseError:
        pass
    if any(c.isdigit() for c in text):
        raise NumberParseError(text)
    return None  # a figure printed in words: nothing to compare


def _printed_problems(frame: pd.DataFrame, columns: Mapping[str, Column], places, bad: set) -> list[Problem]:
    """Rows whose figure as printed (``amount_raw``) does not read as the number stored beside it (``amount_mvnd``;
    a signed change is printed without its sign): a transcription slip in one of the two. Each distinct text is read
    once, so a thousand units cost no more than a few hundred distinct figures."""
    out = []
    for name in columns:
        partner = printed_partner(name, columns)
        if partner is None or name not in frame or partner not in frame or frame.empty:
            continue
        texts = frame[name].to_numpy(dtype=object)
        values = pd.to_numeric(frame[partner], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        codes, distinct = pd.factorize(texts)
        read, unreadable = np.full(len(distinct) + 1, np.nan), np.zeros(len(distinct) + 1, dtype=bool)
        for k, text in enumerate(distinct):
            if isinstance(text, str):
                try:
                    number = _read_printed(text.strip())
                except NumberParseError:
                    unreadable[k] = True
                    continue
                read[k] = np.nan if number is None else number
        got, odd = read[codes], unreadable[codes]  # code -1 (missing text) picks the last: nothing to compare
        known = ~np.isnan(values)
        differs = known & ~np.isnan(got) & ~np.isclose(got, np.abs(values), rtol=1e-12, atol=1e-9)
        for i in np.flatnonzero(differs | (odd & known)):
            if (i, name) in bad or (i, partner) in bad:
                continue
            if odd[i]:
                why = Why.of("printed_unreadable", text=texts[i], partner=partner)
            else:
                why = Why.of("printed_differs", text=texts[i], read=format_significant(got[i]), partner=partner,
                             value=format_significant(abs(values[i])))
            out.append(_problem(why, places, int(i), name))
    return out


def source_problems(frame: pd.DataFrame, places, sources: pd.DataFrame, *, key: Sequence[str], message: str) -> list[Problem]:
    """Rows whose ``source_id`` is not in ``sources`` (matched on ``key``, e.g. unit, year and source id)."""
    if frame.empty or "source_id" not in frame:
        return []
    known = pd.MultiIndex.from_frame(sources[list(key)].astype(object))
    rows = pd.MultiIndex.from_frame(frame[list(key)].astype(object))
    unknown = frame["source_id"].notna().to_numpy(dtype=bool) & ~rows.isin(known)
    out = []
    for i in np.flatnonzero(unknown):
        why = Why.of(message, value=frame["source_id"].iat[i], unit=frame["unit"].iat[i], year=frame["year"].iat[i])
        out.append(_problem(why, places, int(i), "source_id"))
    return out
