"""Text of check results, whole columns at a time: Vietnamese-formatted numbers and dates, and sentences.

A sentence comes from the label catalogue (:mod:`hdnd_data.labels.checks`) by key and language; :func:`say` fills its
``{placeholders}`` row by row from Series, so one call words every result of a rule.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
import pandas as pd

from hdnd_data.data.numbers import format_number
from hdnd_data.labels import term

__all__ = [
    "capitalised", "cat", "choose", "date_text", "distinct_rows", "fmt", "fmt_pct", "join_locators", "label", "per_distinct",
    "round_text", "say",
]


def fmt(values: pd.Series, decimals: int | pd.Series = 0, suffix: str = "", lang: str = "vi") -> pd.Series:
    """Text of each value the way ``lang`` prints numbers (``390.463``, ``97,52``; English ``390,463``, ``97.52``);
    missing values print as ``–``.

    Babel formats one number at a time, so only the distinct values of each precision are formatted.
    """
    values = values if isinstance(values, pd.Series) else pd.Series(values)
    if values.dtype.kind in "iufb":
        v = values.to_numpy(dtype="float64", na_value=np.nan)
    else:
        v = pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()
    if np.ndim(decimals) == 0:  # one precision for the whole column: the common case
        codes, uniq = pd.factorize(v)
        texts = np.array([_formatted(float(u), int(decimals), lang) + suffix for u in uniq] + ["–"], dtype=object)
        return pd.Series(texts[codes], index=values.index, dtype=object)  # code -1 (missing) picks the last: –
    d = np.asarray(decimals, dtype="int64")
    out = np.full(len(v), "–", dtype=object)
    for dec in np.unique(d):  # one pass per printed precision (a handful), never per row
        at = np.flatnonzero(d == dec)
        codes, uniq = pd.factorize(v[at])
        texts = np.array([_formatted(float(u), int(dec), lang) + suffix for u in uniq] + ["–"], dtype=object)
        out[at] = texts[codes]
    return pd.Series(out, index=values.index, dtype=object)


@cache
def _formatted(value: float, decimals: int, lang: str) -> str:
    # Babel takes ~0.5 ms a number; a run formats the same few thousand figures again and again
    return format_number(value, decimals, lang)


def fmt_pct(values: pd.Series, decimals: int | pd.Series = 1, lang: str = "vi") -> pd.Series:
    """``93.2`` -> ``93,2%`` (English ``93.2%``)."""
    return fmt(values, decimals, suffix="%", lang=lang)


def round_text(values: pd.Series, lang: str) -> pd.Series:
    """Voter-contact rounds in words: ``after-11`` -> ``sau kỳ họp 11``; ``before-13;after-13`` -> two, by a comma."""
    words = {when: term(when, lang) for when in ("before", "after")}
    codes, distinct = pd.factorize(values.astype(object).astype(str).to_numpy(dtype=object))  # a few rounds repeat
    text = pd.Series(distinct, dtype=object).str.replace(r"\b(before|after)-(\d+)", lambda m: f"{words[m[1]]} {m[2]}", regex=True)
    texts = np.append(text.str.replace(";", ", ").to_numpy(dtype=object), np.nan)  # a missing round stays missing
    return pd.Series(texts[codes], index=values.index, dtype=object)


def cat(*parts: object) -> pd.Series:
    """Concatenate text Series and plain strings element-wise (the index comes from the first Series)."""
    index = next(p.index for p in parts if isinstance(p, pd.Series))
    columns = [p.astype(object).to_numpy() if isinstance(p, pd.Series) else itertools.repeat(str(p)) for p in parts]
    try:  # each row joined once: no intermediate strings, the cost stays one pass however many parts
        return pd.Series(["".join(row) for row in zip(*columns, strict=False)], index=index, dtype=object)
    except TypeError:  # a missing value among the parts: pandas' element-wise addition lets it propagate
        pass
    out = pd.Series("", index=index, dtype=object)
    for part in parts:
        out = out + (part.astype(object).to_numpy() if isinstance(part, pd.Series) else str(part))
    return out


def choose(conditions: Sequence[object], choices: Sequence[object], default: object, index: pd.Index) -> pd.Series:
    """Vectorised if/elif/else: the first true condition picks its choice (texts or label keys)."""
    n = len(index)

    def truth(c: object) -> np.ndarray:
        if isinstance(c, pd.Series):
            return c.to_numpy(dtype=bool) if c.dtype == bool else c.astype("boolean").fillna(False).to_numpy(dtype=bool)
        return np.broadcast_to(np.asarray(c, dtype=bool), (n,))

    def text(c: object) -> np.ndarray:
        if isinstance(c, pd.Series):
            return c.to_numpy(dtype=object)
        if isinstance(c, np.ndarray):
            return c.astype(object)
        return np.full(n, c, dtype=object)

    chosen = text(default).copy()
    for cond, choice in zip(reversed(conditions), reversed(choices)):  # the first true condition wins
        at = truth(cond)
        chosen[at] = choice if isinstance(choice, str) else text(choice)[at]
    return pd.Series(chosen, index=index, dtype=object)


def label(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """Map codes to display names; unknown codes print as themselves."""
    codes, uniq = pd.factorize(values.astype(object))
    names = np.array([mapping.get(u, u) for u in uniq] + [np.nan], dtype=object)  # missing stays missing
    return pd.Series(names[codes], index=values.index, dtype=object)


def capitalised(text: pd.Series) -> pd.Series:
    """Upper-case the first letter (an English label that starts a message)."""
    return cat(text.str[:1].str.upper(), text.str[1:])


def join_locators(a: pd.Series, b: pd.Series) -> pd.Series:
    """One locator when both figures sit in the same place, else both (``I.4.1; I.1.3``)."""
    a, b = a.astype(object), b.astype(object)
    out = a.to_numpy(dtype=object).copy()
    differ = out != b.to_numpy(dtype=object)
    if differ.any():  # both only where they differ
        out[differ] = cat(a[differ], "; ", b[differ]).to_numpy(dtype=object)
    return pd.Series(out, index=a.index, dtype=object)


def date_text(values: pd.Series) -> pd.Series:
    """``dd/mm/yyyy`` of each date (``–`` when missing); each distinct day is formatted once."""
    codes, uniq = pd.factorize(pd.to_datetime(values))
    texts = np.append(pd.DatetimeIndex(uniq).strftime("%d/%m/%Y").to_numpy(dtype=object), "–")
    return pd.Series(texts[codes], index=values.index, dtype=object)


FEW_ROWS = 16  # below this, finding the distinct rows costs more than it saves


def distinct_rows(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code of each row's combination of values in ``columns`` (missing counts as a value) and the position of the
    first row of each combination: one factorize per column, never a MultiIndex."""
    combined = np.zeros(len(frame), dtype="int64")
    for c in columns:
        codes, distinct = pd.factorize(frame[c])  # by the column's own type: dates and numbers without objects
        combined, _ = pd.factorize(combined * (len(distinct) + 1) + codes + 1)  # re-coded: never overflows
    first = np.empty(combined.max(initial=-1) + 1, dtype="int64")
    first[combined[::-1]] = np.arange(len(combined))[::-1]
    return combined, first


def per_distinct(frame: pd.DataFrame, columns: Sequence[str], build) -> pd.Series:
    """``build(rows)`` (a text per row that reads only ``columns``) computed on one row of each distinct combination
    of them and spread back to every row: an instance's name repeats over every unit and year."""
    if len(frame) < FEW_ROWS:
        return build(frame)
    codes, first = distinct_rows(frame, columns)
    texts = build(frame[list(columns)].iloc[first]).to_numpy(dtype=object)  # only the columns it reads
    return pd.Series(texts[codes], index=frame.index, dtype=object)


@cache
def _pieces(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, field) for literal, field, _, _ in string.Formatter().parse(template))


def say(keys: str | pd.Series, lang: str, index: pd.Index, **values: object) -> pd.Series:
    """The sentence of each row's label key in ``lang``, its ``{placeholders}`` filled from ``values``.

    ``keys`` is one key for every row or a Series of keys (e.g. a pass and a fail sentence chosen with
    :func:`choose`); a value is a Series (row by row) or one text for all rows. A row with a missing value gets
    a missing sentence.
    """
    n = len(index)
    arrays = {k: (v.to_numpy(dtype=object) if isinstance(v, pd.Series) else v) for k, v in values.items()}
    out = np.full(n, None, dtype=object)
    if isinstance(keys, str):
        codes, distinct = np.zeros(n, dtype="int64"), [keys]
    else:  # rows grouped by key once (no comparison of every row per key)
        codes, distinct = pd.factorize(np.asarray(keys, dtype=object))
    for i, key in enumerate(distinct):
        at = np.arange(n) if len(distinct) == 1 and codes.min(initial=0) >= 0 else np.flatnonzero(codes == i)
        columns = []
        for literal, field in _pieces(term(key, lang)):
            if literal:
                columns.append(itertools.repeat(literal))
            if field is not None:
                value = arrays[field]
                columns.append(value[at] if isinstance(value, np.ndarray) else itertools.repeat(str(value)))
        if not any(isinstance(c, np.ndarray) for c in columns):  # the same sentence for every row of this key
            out[at] = "".join(next(c) for c in columns)
            continue
        try:
            out[at] = ["".join(row) for row in zip(*columns, strict=False)]
        except TypeError:  # a missing value in some row: that row's sentence is missing
            out[at] = [
                "".join(row) if all(isinstance(x, str) for x in row) else None for row in zip(*columns, strict=False)
            ]
    return pd.Series(out, index=index, dtype=object)
