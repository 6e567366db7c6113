"""Stable fingerprints of check results: the same finding keeps its name across runs, languages and data changes.

A fingerprint hashes what identifies a finding (rule id, unit, year, the figures' keys, the locator), never its
wording or its numbers, so a reviewer's decision stays attached to it. This module imports nothing of the project:
the checks engine calls it, and every other part of the findings wing builds on it.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

__all__ = ["FINGERPRINT_LENGTH", "IDENTITY", "fingerprint", "fingerprints"]

IDENTITY = ("rule_id", "unit", "year", "keys", "locator")  # what names a finding; nothing language-dependent
FINGERPRINT_LENGTH = 12  # hex digits: 48 bits, no collision expected below millions of findings per folder
_SEPARATOR = "\x1f"  # the unit separator cannot occur in an id, a key or a locator
_MASK = np.uint64((1 << (4 * FINGERPRINT_LENGTH)) - 1)


def _hash64(texts) -> np.ndarray:
    return np.array([int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "big") for t in texts],
                    dtype=np.uint64)


def _mix(what: np.ndarray, where: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser over the two halves: every bit of both reaches every bit of the result."""
    with np.errstate(over="ignore"):
        z = what ^ (where * np.uint64(0x9E3779B97F4A7C15))
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return (z ^ (z >> np.uint64(31))) & _MASK


def _hex(values: np.ndarray) -> np.ndarray:
    """The low :data:`FINGERPRINT_LENGTH` hex digits of each value, without a Python call per value."""
    digits = np.frombuffer(values.astype(">u8").tobytes().hex().encode("ascii"), dtype="S1").reshape(-1, 16)
    return np.ascontiguousarray(digits[:, 16 - FINGERPRINT_LENGTH:]).view(f"S{FINGERPRINT_LENGTH}").ravel().astype(str).astype(object)


def _distinct_rows(*columns: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Code of each row's combination of ``columns`` and the first row of each combination (a factorize per column)."""
    combined = np.zeros(len(columns[0]), dtype="int64")
    for column in columns:
        codes, distinct = pd.factorize(column)
        combined = combined * len(distinct) + codes
    codes, distinct = pd.factorize(combined)
    first = np.empty(len(distinct), dtype="int64")
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    return codes, first


def fingerprint(rule_id: str, unit: str, year: int, keys: str, locator: str) -> str:
    """The fingerprint of one finding (the same as :func:`fingerprints` gives its row)."""
    what = _hash64([_SEPARATOR.join([str(rule_id), str(keys), str(locator)])])
    where = _hash64([f"{unit}{_SEPARATOR}{int(year)}"])
    return str(_hex(_mix(what, where))[0])


def fingerprints(results: pd.DataFrame) -> pd.Series:
    """One fingerprint per row of a results table (columns :data:`IDENTITY`).

    Rules and figures repeat over every unit-year, and unit-years over every rule: each distinct (rule, keys,
    locator) and each distinct (unit, year) is hashed once, and the two are mixed arithmetically per row.
    """
    if results.empty:
        return pd.Series([], index=results.index, dtype=object)
    what_codes, what_rows = _distinct_rows(results["rule_id"], results["keys"], results["locator"])
    where_codes, where_rows = _distinct_rows(results["unit"], results["year"])
    what = results.iloc[what_rows]
    where = results.iloc[where_rows]
    what_hash = _hash64(_SEPARATOR.join(map(str, t)) for t in zip(what["rule_id"], what["keys"], what["locator"]))
    where_hash = _hash64(f"{u}{_SEPARATOR}{int(y)}" for u, y in zip(where["unit"], where["year"]))
    return pd.Series(_hex(_mix(what_hash[what_codes], where_hash[where_codes])), index=results.index, dtype=object)
