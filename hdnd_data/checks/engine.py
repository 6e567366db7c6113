"""The checks engine: runs the catalogue's rules over whole frames and turns their findings into verdicts.

Each rule (see ``catalogue.yaml``) yields one finding per relation instance; :func:`run_checks` gives each a status
(``pass``, ``fail``, ``warn``) and returns the results table; :func:`summarise` counts them per unit-year.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from hdnd_data.checks.catalogue import RULES
from hdnd_data.checks.finding import Rule, Run
from hdnd_data.checks.fingerprint import fingerprints
from hdnd_data.data.loader import TABLES, load_all, validate_frames
from hdnd_data.data.records import STATUSES
from hdnd_data.labels import LANGS

__all__ = ["RESULT_COLUMNS", "Rule", "catalogue", "run_checks", "summarise"]

RESULT_COLUMNS = [
    "rule_id",
    "kind",
    "unit",
    "year",
    "status",
    "message",
    "stated",
    "computed",
    "tolerance",
    "stated_text",
    "computed_text",
    "source_id",
    "locator",
    "assumption",
    # the figures a result reads, as table[key=value,...]; stable across languages and runs (for fingerprints)
    "keys",
    # a stable name of the finding (rule, unit, year, keys, locator): reviewers' decisions attach to it
    "fingerprint",
]
NUMERIC = ("stated", "computed", "tolerance")


def catalogue() -> list[Rule]:
    """The rules, in catalogue order (a copy: changing it changes nothing)."""
    return list(RULES)


@functools.cache
def _empty_table(name: str) -> pd.DataFrame:
    # validated once per process: pandera costs ~0.1 s a table even without rows, and rules never modify a frame
    return validate_frames({name: pd.DataFrame(columns=TABLES[name].columns)}, origin_name="<empty>")[name]


def _empty_tables(names: Iterable[str]) -> dict[str, pd.DataFrame]:
    return {name: _empty_table(name) for name in names}


def _years(year: int | Iterable[int] | None) -> set[int] | None:
    if year is None:
        return None
    return {int(year)} if isinstance(year, (int, str, np.integer)) else {int(y) for y in year}


def _prepare(frames, unit, year, data_dir, validated=False) -> dict[str, pd.DataFrame]:
    if frames is None:
        return load_all(unit=unit, year=year, data_dir=data_dir)
    data = dict(frames) if validated else validate_frames(frames)
    missing = [name for name in TABLES if name not in data]
    data.update(_empty_tables(missing))
    wanted = _years(year)
    if unit is None and wanted is None:
        return data
    for name, frame in data.items():
        keep = pd.Series(True, index=frame.index)
        if unit is not None:
            keep &= frame["unit"] == unit
        if wanted is not None:
            keep &= frame["year"].isin(wanted)
        data[name] = frame[keep.to_numpy()].reset_index(drop=True)
    return data


def _status(rule: Rule, found: dict) -> np.ndarray:
    ok = found["ok"]
    assumption = found["assumption"]
    assumed = (assumption != "") & pd.notna(assumption)
    doubtful = np.isnan(ok) | assumed | (rule.severity == "warn")
    return np.where(ok == 1.0, "pass", np.where(doubtful, "warn", "fail")).astype(object)


def _empty_results() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="float64" if c in NUMERIC else object) for c in RESULT_COLUMNS})


def run_checks(
    *,
    unit: str | None = None,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
    frames: Mapping[str, pd.DataFrame] | None = None,
    lang: str = "vi",
    rules: Sequence[Rule] | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """Run every consistency rule over the data of ``unit`` (``None``: all units) and ``year`` (``None``: all).

    With ``frames`` (table name -> DataFrame, any units and years), those tables are validated and checked
    instead of the files; a table left out counts as having no rows (``validated=True`` skips validating
    frames that come straight from :func:`~hdnd_data.data.loader.load_all`). Returns one row per rule instance with
    the columns of :data:`RESULT_COLUMNS`, sorted by unit, year and rule id; messages are in ``lang``
    (``"vi"`` or ``"en"``). Raises :class:`~hdnd_data.data.loader.DataValidationError` on invalid data.

    >>> import hdnd_data as hd
    >>> r = hd.run_checks(year=2020)
    >>> r.loc[r.rule_id == "petition.settlement_rate", "computed_text"].iloc[0]
    '550/564 = 97,52%'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    run = Run(_prepare(frames, unit, year, data_dir, validated), lang)
    parts = []
    for rule in RULES if rules is None else rules:
        found = rule.evaluate(run)
        if len(found["unit"]):
            parts.append((rule, found))
    if not parts:
        return _empty_results()
    columns: dict[str, list[np.ndarray]] = {c: [] for c in RESULT_COLUMNS if c != "fingerprint"}
    for rule, found in parts:  # column by column, so that the result frame is built once
        n = len(found["unit"])
        columns["rule_id"].append(np.full(n, rule.id, dtype=object))
        columns["kind"].append(np.full(n, rule.kind, dtype=object))
        columns["status"].append(_status(rule, found))
        for c in columns:
            if c in found:
                columns[c].append(found[c])
    data = {c: np.concatenate(v) for c, v in columns.items()}
    data["year"] = data["year"].astype("int64")
    data["assumption"] = np.where(pd.isna(data["assumption"]), "", data["assumption"]).astype(object)
    # sorted by unit, year and rule id (stable) on the arrays, before the one frame is built
    order = np.lexsort((_ranks(data["rule_id"]), data["year"], _ranks(data["unit"])))
    result = pd.DataFrame({c: pd.Series(v[order], dtype=v.dtype if c in NUMERIC or c == "year" else object) for c, v in data.items()})
    result["fingerprint"] = fingerprints(result)
    return result


def _ranks(values: np.ndarray) -> np.ndarray:
    """Each value's place in the sorted order of the distinct values (missing last): sorting texts without
    comparing every row."""
    codes, distinct = pd.factorize(values)
    ranks = np.append(np.argsort(np.argsort(distinct, kind="stable"), kind="stable"), len(distinct))
    return ranks[codes]


def summarise(results: pd.DataFrame) -> pd.DataFrame:
    """Counts of ``pass``/``fail``/``warn`` per unit and year, with the number of checks run."""
    counts = pd.crosstab([results["unit"], results["year"]], results["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.columns.name = None
    counts["checks"] = counts[list(STATUSES)].sum(axis=1)
    return counts.reset_index()
