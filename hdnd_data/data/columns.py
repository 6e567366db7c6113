"""Column types: how each kind of column is read from CSV text, a workbook cell or a Python value, and typed.

One description per column (:class:`Column`, read from the pandera schema) and one :class:`Kind` per column type
(integer, number, date, true/false, text) replace per-reader branches on the type: the CSV loader, the workbook
import and :func:`~hdnd_data.data.loader.validate_frames` all ask the column's kind. A value that cannot be read
gives ``(None, Why)``: a message key of ``labels/data.py`` and its values, never an exception.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd
import pandera.pandas as pa

from hdnd_data.data.numbers import NumberParseError, format_number, format_significant, nfc, parse_number

__all__ = ["Column", "KINDS", "Kind", "Why", "columns_of", "kind_name", "printed_partner"]

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class Why:
    """Why a value was refused: a message key of the label catalogue and the values its sentence needs."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **values: object) -> Why:
        return cls(key, tuple(values.items()))


Read = tuple[object, "Why | None"]
_MISSING: Read = (None, None)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _explain_text_number(text: str, integer: bool) -> Why:
    """Why a text is not a machine number, naming the Vietnamese habit when that is what it is."""
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text) and integer:
        return Why.of("thousands_dot", text=text, plain=text.replace(".", ""))
    if re.fullmatch(r"[+-]?\d+,\d+", text):
        return Why.of("decimal_comma", text=text, plain=text.replace(",", "."))
    return Why.of("not_integer" if integer else "not_number", text=text)


class Kind:
    """One column type. Subclasses say how to read text, cells and Python values and which dtype holds them."""

    name = "str"
    number = False  # a figure (counts, amounts, percentages), as opposed to text, dates and flags
    excel_format = "@"
    excel_check: str | None = None  # Excel's data-validation type for a bounded column ("whole", "decimal")
    excel_list: str | None = None  # a fixed drop-down list, for a kind with few values

    def excel_format_for(self, column: Column) -> str:
        return self.excel_format

    def to_excel(self, value: object) -> object:
        """The cell value for ``value`` (not missing); text kinds return ``None``: written as text by the caller."""
        return None

    def printed(self, value: object) -> str:
        """A number as the documents print it, sign words aside (a decrease is printed "giảm 1", not "-1")."""
        raise TypeError(f"a {self.name} column has no printed figure")

    # ------------------------------------------------------------------ canonical CSV text (strict)
    def read_texts(self, text: pd.Series) -> tuple[pd.Series, np.ndarray]:
        """Stripped non-empty texts of one column to values; returns the values and the mask of refused cells."""
        raise NotImplementedError

    def why_text(self, text: str) -> Why:
        raise NotImplementedError

    # ------------------------------------------------------------------ Python values (an edited frame)
    def read_value(self, value: object) -> Read:
        """One Python value of an analyst's frame (already typed, or text written as in a CSV file)."""
        raise NotImplementedError

    def fast(self, series: pd.Series) -> bool:
        """True when ``series`` already has this kind's dtype, so no value needs reading one by one."""
        return False

    # ------------------------------------------------------------------ workbook cells (what a clerk typed)
    def read_cell(self, value: object, *, percent_formatted: bool, column: Column) -> Read:
        raise NotImplementedError

    # ------------------------------------------------------------------ typed column and canonical text
    def array(self, values: pd.Series) -> object:
        raise NotImplementedError

    def csv_text(self, value: object) -> str:
        return "" if _is_missing(value) else str(value)


def _text_or_missing(value: object) -> str | None:
    return nfc(value).strip() if isinstance(value, str) else None


class Integer(Kind):
    name = "int"
    number = True
    excel_check = "whole"

    def excel_format_for(self, column):
        return "0" if column.unit in (None, "year") else "#,##0"  # ids and years read without a thousands dot

    def to_excel(self, value):
        return int(value)

    def printed(self, value):
        return format_number(abs(int(value)))

    def read_texts(self, text):
        good = text.str.fullmatch(r"[+-]?\d+").to_numpy(dtype=bool).copy()
        # 19 digits or more may not fit in int64: those few are checked exactly, one by one
        long = good & (text.str.len().to_numpy() >= 19)
        for i in np.flatnonzero(long):
            good[i] = INT64_MIN <= int(text.iat[i]) <= INT64_MAX
        values = pd.Series(None, index=text.index, dtype=object)
        values[good] = text[good].to_numpy(dtype=object).astype("int64")
        return values, ~good

    def why_text(self, text):
        if re.fullmatch(r"[+-]?\d+", text):
            return Why.of("too_large", text=text)
        return _explain_text_number(text, integer=True)

    def _from_number(self, value: object, shown: object) -> Read:
        if isinstance(value, (float, np.floating)):
            if not math.isfinite(value):
                return None, Why.of("not_finite", text=shown)
            if not float(value).is_integer():
                return None, Why.of("fraction", value=shown)
        if isinstance(value, Decimal) and value != value.to_integral_value():
            return None, Why.of("fraction", value=shown)
        number = int(value)
        if not INT64_MIN <= number <= INT64_MAX:
            return None, Why.of("too_large", text=shown)
        return number, None

    def read_value(self, value):
        if _is_missing(value):
            return _MISSING
        if isinstance(value, (bool, np.bool_)):
            return None, Why.of("wrong_python_type", value=value, kind="bool", expected="int")
        if isinstance(value, (int, np.integer, float, np.floating, Decimal)):
            return self._from_number(value, value)
        text = _text_or_missing(value)
        if text is None:
            return None, Why.of("wrong_python_type", value=value, kind=type(value).__name__, expected="int")
        if not text:
            return _MISSING
        values, bad = self.read_texts(pd.Series([text]))
        return (None, self.why_text(text)) if bad[0] else (int(values.iat[0]), None)

    def fast(self, series):
        return pd.api.types.is_integer_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype)

    def read_cell(self, value, *, percent_formatted, column):
        if isinstance(value, str):
            return _number_from_vietnamese_text(nfc(value).strip(), integer=True, column=column)
        if isinstance(value, bool):
            return None, Why.of("cell_bool_in_number", value=value)
        if isinstance(value, (int, float)):
            if percent_formatted:
                return None, Why.of("cell_percent_format", value=value)
            return self._from_number(value, value)
        return _cell_of_other_type(value, self)

    def array(self, values):
        return pd.array(values, dtype="Int64")

    def csv_text(self, value):
        return "" if _is_missing(value) else str(int(value))


class Number(Kind):
    name = "float"
    number = True
    excel_format = "#,##0.0##"
    excel_check = "decimal"

    def to_excel(self, value):
        return float(value)

    def printed(self, value):
        return format_significant(abs(float(value)))

    def read_texts(self, text):
        good = text.str.fullmatch(r"[+-]?\d+(\.\d+)?").to_numpy(dtype=bool).copy()
        values = pd.Series(None, index=text.index, dtype=object)
        numbers = text[good].to_numpy(dtype=object).astype("float64")
        finite = np.isfinite(numbers)  # 400 digits of text parse to inf
        good[np.flatnonzero(good)[~finite]] = False
        values[good] = numbers[finite]
        return values, ~good

    def why_text(self, text):
        if re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
            return Why.of("not_finite", text=text)
        return _explain_text_number(text, integer=False)

    def _from_number(self, value: object, shown: object) -> Read:
        number = float(value)
        if not math.isfinite(number):
            return None, Why.of("not_finite", text=shown)
        return number, None

    def read_value(self, value):
        if _is_missing(value):
            return _MISSING
        if isinstance(value, (bool, np.bool_)):
            return None, Why.of("wrong_python_type", value=value, kind="bool", expected="float")
        if isinstance(value, (int, np.integer, float, np.floating, Decimal)):
            return self._from_number(value, value)
        text = _text_or_missing(value)
        if text is None:
            return None, Why.of("wrong_python_type", value=value, kind=type(value).__name__, expected="float")
        if not text:
            return _MISSING
        values, bad = self.read_texts(pd.Series([text]))
        return (None, self.why_text(text)) if bad[0] else (float(values.iat[0]), None)

    def fast(self, series):
        return pd.api.types.is_float_dtype(series.dtype) and bool(np.isfinite(series.dropna().to_numpy(dtype=float)).all())

    def read_cell(self, value, *, percent_formatted, column):
        if isinstance(value, str):
            return _number_from_vietnamese_text(nfc(value).strip(), integer=False, column=column)
        if isinstance(value, bool):
            return None, Why.of("cell_bool_in_number", value=value)
        if isinstance(value, (int, float)):
            if percent_formatted:
                return None, Why.of("cell_percent_format", value=value)
            return self._from_number(value, value)
        return _cell_of_other_type(value, self)

    def array(self, values):
        return pd.array(values, dtype="Float64").astype("float64") if len(values) else values.astype("float64")

    def csv_text(self, value):
        if _is_missing(value):
            return ""
        number = float(value)
        # whole numbers without ".0" and decimals as typed (repr is the shortest exact form)
        return str(int(number)) if number.is_integer() else format(Decimal(repr(number)), "f")


class Day(Kind):
    name = "datetime"
    excel_format = "dd/mm/yyyy"

    def to_excel(self, value):
        return pd.Timestamp(value).to_pydatetime().date()

    def read_texts(self, text):
        dates = pd.to_datetime(text.where(text.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), format="%Y-%m-%d", errors="coerce")
        good = dates.notna().to_numpy()
        values = pd.Series(None, index=text.index, dtype=object)
        values[good] = dates[good]
        return values, ~good

    def why_text(self, text):
        return Why.of("not_iso_date", text=text)

    def read_value(self, value):
        if _is_missing(value):
            return _MISSING
        if isinstance(value, (datetime, date, np.datetime64)):
            return _whole_day(pd.Timestamp(value))
        text = _text_or_missing(value)
        if text is None:
            return None, Why.of("wrong_python_type", value=value, kind=type(value).__name__, expected="date")
        if not text:
            return _MISSING
        values, bad = self.read_texts(pd.Series([text]))
        return (None, self.why_text(text)) if bad[0] else (values.iat[0], None)

    def fast(self, series):
        return pd.api.types.is_datetime64_any_dtype(series.dtype)

    def read_cell(self, value, *, percent_formatted, column):
        if isinstance(value, str):
            return _date_from_text(nfc(value).strip())
        if isinstance(value, (datetime, date)):
            return _whole_day(pd.Timestamp(value))
        if isinstance(value, (time, timedelta)):
            return None, Why.of("cell_not_date", value=str(value))
        return None, Why.of("cell_not_date", value=value)

    def array(self, values):
        return pd.to_datetime(values)

    def csv_text(self, value):
        return "" if _is_missing(value) else pd.Timestamp(value).date().isoformat()


class TrueFalse(Kind):
    name = "bool"
    excel_format = "General"
    excel_list = '"TRUE,FALSE"'

    def to_excel(self, value):
        return bool(value)
    TEXTS = {"true": True, "false": False, "1": True, "0": False}
    CELL_TEXTS = {**TEXTS, "đúng": True, "sai": False}

    def read_texts(self, text):
        lowered = text.str.lower()
        good = lowered.isin(list(self.TEXTS)).to_numpy()
        values = pd.Series(None, index=text.index, dtype=object)
        values[good] = lowered[good].map(self.TEXTS)
        return values, ~good

    def why_text(self, text):
        return Why.of("not_true_false", text=text)

    def read_value(self, value):
        if _is_missing(value):
            return _MISSING
        if isinstance(value, (bool, np.bool_)):
            return bool(value), None
        text = _text_or_missing(value)
        if text is not None and text.lower() in self.TEXTS:
            return self.TEXTS[text.lower()], None
        if text == "":
            return _MISSING
        return None, Why.of("not_true_false", text=value)

    def fast(self, series):
        return pd.api.types.is_bool_dtype(series.dtype)

    def read_cell(self, value, *, percent_formatted, column):
        if isinstance(value, bool):
            return value, None
        if isinstance(value, str):
            key = nfc(value).strip().lower()
            return (self.CELL_TEXTS[key], None) if key in self.CELL_TEXTS else (None, Why.of("cell_not_bool", value=value))
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value), None
        return None, Why.of("cell_not_bool", value=value)

    def array(self, values):
        return pd.array(values, dtype="boolean")

    def csv_text(self, value):
        return "" if _is_missing(value) else ("true" if value else "false")


class Text(Kind):
    name = "str"

    def read_texts(self, text):
        return text.str.normalize("NFC"), np.zeros(len(text), dtype=bool)

    def why_text(self, text):  # pragma: no cover - every text is a text
        raise AssertionError(text)

    def read_value(self, value):
        if _is_missing(value):
            return _MISSING
        if isinstance(value, str):
            return nfc(value), None
        return None, Why.of("not_text", value=value, kind=type(value).__name__)

    def fast(self, series):
        return pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")

    def read_cell(self, value, *, percent_formatted, column):
        if isinstance(value, str):
            return nfc(value).strip(), None
        if isinstance(value, bool):
            return None, Why.of("cell_number_in_text", value=value)
        if isinstance(value, (int, float)):
            if float(value).is_integer() and math.isfinite(value):
                return str(int(value)), None
            return None, Why.of("cell_number_in_text", value=value)
        if isinstance(value, (datetime, date)):
            return None, Why.of("cell_date_in_text")
        return None, Why.of("cell_not_text", value=str(value))

    def array(self, values):
        return pd.array(values, dtype="string")


KINDS: dict[str, Kind] = {kind.name: kind for kind in (Integer(), Number(), Day(), TrueFalse(), Text())}


def kind_name(dtype: object) -> str:
    """The kind of a pandera dtype: ``int``, ``float``, ``datetime``, ``bool`` or ``str``."""
    text = str(dtype).lower()
    return next((k for k in ("int", "float", "datetime", "bool") if k in text), "str")


# ------------------------------------------------------------------------------ cells a clerk typed
_DOT_GROUPS_ONLY = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _vi_decimal(text: str) -> str:
    sign = text[0] if text[0] in "+-" else ""
    return sign + text.lstrip("+-").replace(".", ",")


def _number_from_vietnamese_text(text: str, *, integer: bool, column: Column) -> Read:
    """A number a clerk typed as text: Vietnamese separators accepted, an ambiguous dot refused."""
    if not text:
        return _MISSING
    if not integer:
        if column.unit == "percent" and text.endswith("%"):
            text = text[:-1].rstrip()
        if _DOT_GROUPS_ONLY.match(text):
            # in a decimal column "1.500" may be one and a half written the English way, or fifteen hundred
            return None, Why.of("cell_ambiguous", text=text, thousands=text.replace(".", ""), decimal=text,
                                decimal_vi=_vi_decimal(text))
    try:
        number = parse_number(text)
    except (NumberParseError, InvalidOperation):
        return None, Why.of("cell_text_int" if integer else "cell_text_float", text=text)
    if integer:
        if number != number.to_integral_value():
            return None, Why.of("fraction", value=text)
        value = int(number)
        return (value, None) if INT64_MIN <= value <= INT64_MAX else (None, Why.of("too_large", text=text))
    value = float(number)
    return (value, None) if math.isfinite(value) else (None, Why.of("not_finite", text=text))


def _date_from_text(text: str) -> Read:
    if not text:
        return _MISSING
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return pd.Timestamp(date(year, month, day)), None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return pd.Timestamp(date.fromisoformat(text)), None
    except ValueError:
        pass
    return None, Why.of("cell_not_date", value=text)


def _whole_day(stamp: pd.Timestamp) -> Read:
    if stamp != stamp.normalize():
        return None, Why.of("cell_date_with_time", value=stamp)
    return stamp, None


def _cell_of_other_type(value: object, kind: Kind) -> Read:
    if isinstance(value, (datetime, date)):
        return None, Why.of("cell_date_in_number")
    return None, Why.of("cell_not_number", value=str(value))


# ------------------------------------------------------------------------------ the description
@dataclass(frozen=True)
class Column:
    """What one column is: its kind, Vietnamese title, meanings (vi, en), unit, and the rules its values obey."""

    name: str
    kind: Kind = field(repr=False)
    title: str
    meaning_vi: str
    meaning_en: str
    unit: str | None
    nullable: bool
    allowed: tuple[str, ...] | None
    low: float | None
    high: float | None

    def meaning(self, lang: str) -> str:
        return self.meaning_en if lang == "en" else (self.meaning_vi or self.meaning_en)


def printed_partner(name: str, columns: dict[str, Column]) -> str | None:
    """The number column an as-printed column (``amount_raw``) repeats as text (``amount_mvnd``), if any."""
    if not name.endswith("_raw"):
        return None
    stem = name[: -len("_raw")]
    for other, column in columns.items():
        if (other == stem or other.startswith(stem + "_")) and other != name and column.kind.number:
            return other
    return None


@functools.cache
def columns_of(schema: type[pa.DataFrameModel]) -> dict[str, Column]:
    """The description of every column of ``schema``, in its order."""
    out = {}
    for name, col in schema.to_schema().columns.items():
        allowed, low, high = None, None, None
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                allowed = tuple(stats["allowed_values"])
            elif check.name == "greater_than_or_equal_to":
                low = stats["min_value"]
            elif check.name == "less_than_or_equal_to":
                high = stats["max_value"]
        meta = col.metadata or {}
        out[name] = Column(name, KINDS[kind_name(col.dtype)], col.title or name, meta.get("meaning_vi") or "",
                           col.description or "", meta.get("unit"), col.nullable, allowed, low, high)
    return out
