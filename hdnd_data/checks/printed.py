"""Rounding maths of printed figures: the precision a number was printed at, and which exact values it admits.

A figure printed as ``97,5`` stands for any value in [97,45; 97,55]; the checks compare such intervals, never the
printed digits, so that a rounding difference is never reported as an inconsistency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["half_unit", "intervals_overlap", "printed_decimals", "rate_admitted"]


def printed_decimals(raw: pd.Series) -> pd.Series:
    """Digits printed after the decimal comma (``"93,2"`` -> 1, ``"105"`` -> 0, ``"10,15%"`` -> 2)."""
    codes, uniq = pd.factorize(raw.to_numpy(dtype=object))  # a column repeats few printed forms: read each once
    found = np.array([_decimals(str(u).strip().rstrip("%").strip()) for u in uniq] + [0], dtype="int64")  # missing: 0
    return pd.Series(found[codes], index=raw.index, dtype="int64")


def _decimals(text: str) -> int:
    comma = text.find(",")
    return len(text) - comma - 1 if comma >= 0 else 0


def half_unit(decimals: pd.Series | int) -> pd.Series | float:
    """Half a unit of the last printed digit: the rounding tolerance of a printed number."""
    if isinstance(decimals, pd.Series):
        return 0.5 * np.power(10.0, -np.asarray(decimals, dtype="float64"))
    return 0.5 * 10.0**-decimals


def rate_admitted(numerator: pd.Series, denominator: pd.Series, value: pd.Series, decimals: pd.Series, factor: int = 100):
    """Does ``factor * numerator / denominator`` print as ``value`` (at ``decimals`` digits)?

    Exact integer arithmetic, so that the edges of the interval are decided right (GRIM-style). A value exactly
    half a unit below the printed one prints as it under half-up rounding (and under half-even only when the
    last printed digit is even); exactly half a unit above, only under half-even with an even last digit.
    Returns ``(admitted, rounding)`` where ``rounding`` is ``"half_up"``/``"half_even"`` when only one rule admits it.

    >>> ok, how = rate_admitted(pd.Series([3898]), pd.Series([4000]), pd.Series([97.5]), pd.Series([1]))
    >>> bool(ok[0]), how[0]
    (True, 'half_up')
    """
    num = numerator.astype("int64").to_numpy()
    den = denominator.astype("int64").to_numpy()
    dec = decimals.astype("int64").to_numpy()
    scale = np.power(10, dec).astype("int64")
    scaled = np.round(np.abs(value.astype("float64").to_numpy()) * scale).astype("int64")
    lhs = 2 * factor * num * scale
    lo, hi = (2 * scaled - 1) * den, (2 * scaled + 1) * den
    even = scaled % 2 == 0
    at_lo, at_hi = lhs == lo, lhs == hi
    admitted = ((lhs > lo) & (lhs < hi)) | at_lo | (at_hi & even)
    rounding = np.select([at_lo & ~even, at_hi & even], ["half_up", "half_even"], "")
    return pd.Series(admitted, index=value.index), pd.Series(rounding, index=value.index, dtype=object)


def intervals_overlap(lo_a, hi_a, lo_b, hi_b) -> pd.Series:
    """Closed intervals [lo_a, hi_a] and [lo_b, hi_b] share a point."""
    return (lo_a <= hi_b) & (lo_b <= hi_a)
