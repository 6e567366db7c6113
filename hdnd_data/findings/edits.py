"""The slips of a typist, as edits of a printed figure: what a misprinted number could have been.

One digit changed, two adjacent digits swapped, a digit dropped or added, the thousands dot (or the decimal comma)
one place off, and for a percentage a wrong base (a growth ``2,5%`` printed for the ratio ``102,5%``, or the
reverse). :func:`variants` lists the values a printed figure may have been meant as; :func:`plant_misprints` makes
such slips in synthetic data, for tests and the benchmark.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import numpy as np
import pandas as pd

from hdnd_data.data.numbers import format_number

__all__ = ["EDIT_KINDS", "figure_columns", "misprint_columns", "plant_misprints", "raw_column", "variants"]

# the kinds of slip, most likely first (ties between hypotheses are broken in this order)
EDIT_KINDS = ("swap", "digit", "drop", "add", "dot", "base")
_RANK = {kind: i for i, kind in enumerate(EDIT_KINDS)}


def raw_column(table_columns: list[str], column: str) -> str | None:
    """The column holding ``column`` as printed (``amount_mvnd`` -> ``amount_raw``), if the table has one."""
    for name in (f"{column}_raw", f"{column.split('_')[0]}_raw"):
        if name in table_columns:
            return name
    return None


def figure_columns(table, fields: tuple[str, ...]) -> list[str]:
    """The printed figures among ``fields`` of ``table``: numbers that are not part of a row's key."""
    described = table.described
    return [c for c in fields if c in described and described[c].kind.number and c not in table.key
            and not c.endswith("_raw") and c not in ("item_no", "session_no", "units_count")]


def printed_number(value: float, decimals: int = 0) -> str:
    """``390463`` as ``390.463``, ``93.2`` as ``93,2``: :func:`~hdnd_data.data.numbers.format_number` without babel's
    per-call cost (the search prints tens of thousands of candidates; a test holds the two to the same text)."""
    return f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _digits(text: str) -> tuple[str, int]:
    """The digits of a printed number and how many of them follow the decimal comma (``"1.234,5"`` -> ``12345``, 1)."""
    text = text.strip().rstrip("%").strip().lstrip("+-")
    whole, _, frac = text.partition(",")
    return whole.replace(".", "") + frac, len(frac)


@functools.lru_cache(maxsize=65536)
def _edits(digits: str) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}

    def add(candidate: str, kind: str) -> None:
        if candidate and candidate != digits and candidate not in out:
            out[candidate] = kind

    n = len(digits)
    for i in range(n - 1):
        if digits[i] != digits[i + 1]:
            add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:], "swap")
    for i in range(n):
        for d in "0123456789":
            add(digits[:i] + d + digits[i + 1:], "digit")
    for i in range(n):
        add(digits[:i] + digits[i + 1:], "drop")
    for i in range(n + 1):
        for d in "0123456789":
            add(digits[:i] + d + digits[i:], "add")
    return tuple(out.items())


@functools.lru_cache(maxsize=65536)
def _variants(printed: str, integer: bool, percent: bool) -> tuple[tuple[float, str, str], ...]:
    digits, decimals = _digits(printed)
    if not digits.isdigit():
        return ()
    value = int(digits) / 10**decimals
    found: dict[float, tuple[str, str]] = {}

    def keep(new: float, kind: str) -> None:
        if round(new, decimals) != round(new, decimals + 6):
            return  # the comma moved right would print more digits than the figure has
        new = round(new, decimals)
        if new != value and new not in found and (not integer or float(new).is_integer()):
            found[new] = (printed_number(new, decimals), kind)

    for candidate, kind in _edits(digits):
        if len(candidate) > 1 and candidate[0] == "0" and len(candidate) - decimals > 1:
            continue  # a leading zero is never printed
        keep(int(candidate) / 10**decimals, kind)
    for k in (1, 2, 3):  # the thousands dot or the decimal comma one to three places off
        keep(value * 10**k, "dot")
        keep(value / 10**k, "dot")
    if percent:
        keep(value + 100, "base")
        if value > 100:
            keep(value - 100, "base")
    return tuple((v, text, kind) for v, (text, kind) in found.items())


def variants(printed: str, *, integer: bool = True, percent: bool = False) -> list[tuple[float, str, str]]:
    """What the figure printed as ``printed`` may have been meant as: ``(value, as printed, kind of slip)``.

    >>> [v for v in variants("564") if v[2] == "swap"]
    [(654.0, '654', 'swap'), (546.0, '546', 'swap')]
    """
    return list(_variants(str(printed), bool(integer), bool(percent)))


def edit_rank(kind: str) -> int:
    return _RANK[kind]


def misprint_columns(rules) -> list[tuple[str, str]]:
    """The (table, column) of every whole-number figure some rule reads: where a slip can be planted."""
    from hdnd_data.data.loader import TABLES

    found = []
    for rule in rules:
        for table in rule.tables:
            for column in figure_columns(TABLES[table], rule.fields):
                if (table, column) not in found and str(TABLES[table].described[column].kind.name) == "int":
                    found.append((table, column))
    return found


def plant_misprints(frames: Mapping[str, pd.DataFrame], columns: list[tuple[str, str]], rate: float,
                    seed: int = 0) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Swap two adjacent digits of one figure in ``rate`` of the unit-years (for tests and the benchmark).

    The figure is drawn among the ``columns`` (table, column) of the unit-year, e.g. :func:`misprint_columns`, from
    those with two different adjacent digits. Returns the changed frames (row labels kept) and the truth: one row
    per planted slip with ``unit, year, table, row, column, before, after, printed_before, printed_after``.
    """
    rng = np.random.default_rng(seed)
    out = {name: frame.copy() for name, frame in frames.items()}
    unit_years = frames["sources"][["unit", "year"]].drop_duplicates()
    chosen = unit_years.iloc[rng.permutation(len(unit_years))[: int(round(rate * len(unit_years)))]]
    cells = []
    for table, column in columns:
        frame = frames[table]
        hit = frame[["unit", "year"]].merge(chosen.assign(_hit=True), on=["unit", "year"], how="left")["_hit"].notna()
        hit &= frame[column].notna().to_numpy()
        picked = frame.loc[hit.to_numpy(), ["unit", "year", column]]
        cells.append(pd.DataFrame({"unit": picked["unit"].to_numpy(dtype=object), "year": picked["year"].to_numpy("int64"),
                                   "table": table, "row": picked.index.to_numpy(), "column": column,
                                   "before": picked[column].to_numpy(dtype="float64")}))
    pool = pd.concat(cells, ignore_index=True)
    swapped = {v: next((w for w, _, kind in variants(format_number(v, 0)) if kind == "swap"), np.nan)
               for v in pool["before"].unique()}
    pool["after"] = pool["before"].map(swapped)
    pool = pool[pool["after"].notna()]
    pool = pool.assign(draw=rng.random(len(pool))).sort_values("draw").drop_duplicates(["unit", "year"])
    pool = pool.drop(columns="draw").sort_values(["unit", "year"]).reset_index(drop=True)
    for (table, column), group in pool.groupby(["table", "column"]):
        frame = out[table]
        frame.loc[group["row"].to_numpy(), column] = pd.array(group["after"].to_numpy(), dtype=frame[column].dtype)
        raw = raw_column(list(frame.columns), column)
        if raw:
            frame.loc[group["row"].to_numpy(), raw] = [format_number(v, 0) for v in group["after"]]
    pool["printed_before"] = [format_number(v, 0) for v in pool["before"]]
    pool["printed_after"] = [format_number(v, 0) for v in pool["after"]]
    return out, pool[["unit", "year", "table", "row", "column", "before", "after", "printed_before", "printed_after"]]
