"""Synthetic councils for tests and benchmarks: many units derived from the real one, with known planted errors.

Each synthetic unit-year is a real unit-year (the template) with its counts and amounts scaled by a whole factor,
its dates moved into its year and its printed texts reformatted, so every stated relation still holds; then a known
share of unit-years gets one deliberate inconsistency of a kind a specific rule catches, and ``truth`` says which.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from hdnd_data.data.files import write_many_atomic
from hdnd_data.data.layout import DEFAULT_UNIT
from hdnd_data.data.loader import TABLES, csv_text, load_all
from hdnd_data.data.numbers import format_number

__all__ = ["PLANTS", "Plant", "TRUTH_COLUMNS", "generate", "unit_ids", "write_datasets"]

TRUTH_COLUMNS = ["unit", "year", "rule_id", "plant", "table", "column", "before", "after"]
# A whole factor keeps every sum, every "part within whole" and every ratio exactly as in the template,
# so a synthetic unit is as consistent as the real one; a province's units differ in size by about this much.
FACTORS = (1, 2, 3, 4)
MAX_DAY_SHIFT = 10  # no dated fact of the template lies closer than this to the start of its source's period

# Columns that measure the size of a unit (people, contents, petitions, money) and scale with it. Counts tied to
# a list the source enumerates (missions, targets, sessions, personnel) stay as they are: the list does not grow.
SCALED: dict[str, list[str]] = {
    "voter_contact": ["voters_attending", "voters_speaking", "contents_raised", "clarified_on_spot", "consolidated",
                      "to_province", "to_city"],
    "recommendation_settlement": ["addressed", "settled", "in_progress", "scheduled"],
    "citizen_reception": ["visits", "contents", "answered_directly", "forwarded"],
    "petitions": ["count"],
    "budget_execution": ["amount_mvnd"],
}
DATE_COLUMNS: dict[str, list[str]] = {
    "sources": ["issued", "period_start", "period_end"],
    "cited_documents": ["issued"],
    "sessions": ["start_date", "end_date"],
    "voter_contact": ["start_date", "end_date"],
}


@dataclass(frozen=True)
class Plant:
    """One kind of deliberate inconsistency: the row it changes, how, and the rules that must then object."""

    name: str
    table: str
    where: Mapping[str, object]
    column: str
    change: Callable[[pd.DataFrame, np.ndarray], np.ndarray]  # (rows, random draws in [0, 1)) -> new values
    rule_ids: tuple[str, ...]
    raw_column: str | None = None  # the printed text of ``column``, reformatted after the change


def _more_than(base: str, low: int = 1, high: int = 40):
    return lambda rows, u: rows[base].astype("int64").to_numpy() + low + np.floor(u * (high - low)).astype("int64")


def _shift(low: int, high: int):
    return lambda rows, u, c: rows[c].astype("int64").to_numpy() + low + np.floor(u * (high - low)).astype("int64")


def _plus(column: str, low: int, high: int):
    shift = _shift(low, high)
    return lambda rows, u: shift(rows, u, column)


def _scaled_percent(column: str, low: float, high: float):
    # far outside the printed half-unit, rounded to the printed decimal so that the text and the value agree
    return lambda rows, u: np.round(rows[column].to_numpy("float64") * (low + u * (high - low)), 1)


def _share_off(column: str):
    return lambda rows, u: np.round(rows[column].to_numpy("float64") + 1.0 + np.floor(u * 4.0), 1)


PLANTS: tuple[Plant, ...] = (
    Plant("speakers_exceed_attendees", "voter_contact", {"round_id": "before-13"}, "voters_speaking",
          _more_than("voters_attending"), ("voter.speakers_within_attendees",)),
    Plant("referrals_off", "voter_contact", {"round_id": "before-13"}, "to_province",
          _plus("to_province", 1, 6), ("voter.referrals_sum",)),
    Plant("petition_part_off", "petitions", {"recipient": "people_committee", "petition_type": "denunciation",
                                             "status": "received"}, "count",
          _plus("count", 1, 9), ("petition.types_sum_to_all",)),
    Plant("reception_part_off", "citizen_reception", {"body": "standing_committee_and_delegates"}, "answered_directly",
          _plus("answered_directly", 1, 9), ("reception.contents_sum",)),
    Plant("clarified_part_off", "sessions", {"session_no": 13}, "clarified_in_groups",
          _plus("clarified_in_groups", 1, 9), ("session.contents_clarified_sum",)),
    Plant("budget_percent_off", "budget_percentages", {"direction": "revenue", "line": "total",
                                                       "measure": "actual_to_date", "basis": "province_estimate"},
          "percent", _scaled_percent("percent", 0.8, 0.9), ("budget.implied_base_agree",), "percent_raw"),
    Plant("shares_off", "economy", {"indicator": "structure_share", "sector": "agriculture_forestry"}, "value",
          _share_off("value"), ("economy.shares_sum_to_100",), "value_raw"),
    Plant("task_ratings_off", "task_groups", {"rating": "good"}, "count",
          _plus("count", 1, 3), ("tasks.ratings_sum_to_total",)),
    Plant("target_statuses_off", "resolution_targets", {"status": "met"}, "count",
          _plus("count", -3, -1), ("targets.statuses_sum_to_total",)),
)


def unit_ids(n_units: int) -> list[str]:
    """``syn-0001``, ``syn-0002``, ...: ids that satisfy the schema and sort in order."""
    width = max(4, len(str(n_units)))
    return [f"syn-{i:0{width}d}" for i in range(1, n_units + 1)]


def _formatted(values: np.ndarray, decimals: int) -> np.ndarray:
    """Vietnamese text of each value; babel formats one number at a time, so each distinct value only once."""
    uniq, inverse = np.unique(values, return_inverse=True)
    texts = np.array([format_number(v, decimals) for v in uniq], dtype=object)
    return texts[inverse.ravel()]


def _raw_text(values: pd.Series, like: pd.Series) -> pd.Series:
    """Reformat ``values`` as printed, with as many decimals as the template's text ``like`` shows."""
    if values.empty:
        return pd.Series([], index=values.index, dtype="string")
    text = like.astype("string").str.strip()
    comma = text.str.find(",").to_numpy("int64")
    decimals = np.where(comma >= 0, text.str.len().to_numpy("int64") - comma - 1, 0)
    out = np.empty(len(values), dtype=object)
    magnitude = np.abs(values.to_numpy("float64"))
    for d in np.unique(decimals):
        pick = decimals == d
        out[pick] = _formatted(np.round(magnitude[pick], int(d)), int(d))
    return pd.Series(out, index=values.index, dtype="string")


def _shift_dates(column: pd.Series, years: int, days: np.ndarray) -> pd.Series:
    moved = column + pd.DateOffset(years=years) if years else column
    return moved + pd.to_timedelta(days, unit="D")


def _shift_date_lists(column: pd.Series, years: int, days: np.ndarray) -> pd.Series:
    """Move the ISO dates of a ';'-separated list (citizen reception days); each distinct list once."""
    key = pd.DataFrame({"text": column.astype(object).to_numpy(), "days": days})
    uniq = key.drop_duplicates().copy()

    def move(text: object, d: int) -> object:
        if not isinstance(text, str) or not text:
            return text
        dates = pd.to_datetime(pd.Series(text.split(";")))
        return ";".join(_shift_dates(dates, years, np.full(len(dates), d)).dt.strftime("%Y-%m-%d"))

    uniq["moved"] = [move(t, int(d)) for t, d in zip(uniq["text"], uniq["days"], strict=True)]
    out = key.merge(uniq, on=["text", "days"], how="left")["moved"]
    return pd.Series(out.to_numpy(dtype=object), index=column.index).astype("string")


def _template_years(years: Iterable[int], available: list[int]) -> dict[int, int]:
    """Each wanted year borrows the real year of the same number, else the real years in turn."""
    return {y: (y if y in available else available[i % len(available)]) for i, y in enumerate(years)}


def _replicate(template: Mapping[str, pd.DataFrame], ids: list[str], years: dict[int, int], rng: np.random.Generator):
    n = len(ids)
    factor = rng.choice(FACTORS, size=n)
    day_shift = {y: rng.integers(-MAX_DAY_SHIFT, 1, size=n) for y in years}
    unit_of = np.asarray(ids, dtype=object)
    out: dict[str, list[pd.DataFrame]] = {name: [] for name in template}
    for year, source_year in years.items():
        for name, frame in template.items():
            rows = frame[frame["year"] == source_year].reset_index(drop=True)
            if rows.empty:
                continue
            m = len(rows)
            which = np.repeat(np.arange(n), m)  # unit position of each output row
            big = rows.iloc[np.tile(np.arange(m), n)].reset_index(drop=True)
            big["unit"] = pd.Series(unit_of[which], dtype=rows["unit"].dtype)
            big["year"] = year
            # "lsc-2020-annual-report" -> "syn-0001-2023-annual-report": ids stay unique per unit-year
            suffix = big["source_id"].str.replace(r"^[a-z0-9]+-\d{4}-", "", regex=True)
            big["source_id"] = big["unit"] + f"-{year}-" + suffix
            for column in SCALED.get(name, []):
                big[column] = (big[column] * factor[which]).astype(big[column].dtype)
            # the facts move a few days earlier; a source's period stays the calendar one it covers
            days = day_shift[year][which] if name != "sources" else np.zeros(len(big), dtype="int64")
            for column in DATE_COLUMNS.get(name, []):
                big[column] = _shift_dates(big[column], year - source_year, days)
            if name == "citizen_reception":
                big["dates"] = _shift_date_lists(big["dates"], year - source_year, days)
            _rescale_printed(name, big, factor[which])
            if name == "sources":
                big["title"] = "Synthetic " + big["kind"].str.replace("_", " ") + " of " + big["unit"] + f", {year}"
                big["issuer"] = "HĐND " + big["unit"]
                big["file"] = "synthetic"
            out[name].append(big.astype(rows.dtypes.to_dict()))
    return {name: pd.concat(parts, ignore_index=True) if parts else template[name].iloc[0:0]
            for name, parts in out.items()}


def _rescale_printed(name: str, big: pd.DataFrame, factor: np.ndarray) -> None:
    """Amounts and counts that a scaled table states in print are scaled and reprinted with them."""
    if name == "budget_execution":
        big["amount_raw"] = _raw_text(big["amount_mvnd"], big["amount_raw"])
    elif name == "petition_indicators":
        counts = big["printed_unit"] == "count"  # last year's petitions and the change scale; rates do not
        big.loc[counts, "value"] = big.loc[counts, "value"] * factor[counts.to_numpy()]
        big.loc[counts, "value_raw"] = _raw_text(big.loc[counts, "value"], big.loc[counts, "value_raw"])
    elif name == "economy":
        money = big["value_unit"] == "million_usd"
        big.loc[money, "value"] = np.round(big.loc[money, "value"] * factor[money.to_numpy()], 1)
        big.loc[money, "value_raw"] = _raw_text(big.loc[money, "value"], big.loc[money, "value_raw"])


def _plant(frames: dict[str, pd.DataFrame], rate: float, rng: np.random.Generator) -> pd.DataFrame:
    """Give ``rate`` of the unit-years one inconsistency each, of a kind their data can carry; return the truth."""
    unit_years = frames["sources"][["unit", "year"]].drop_duplicates().reset_index(drop=True)
    chosen = unit_years.iloc[rng.permutation(len(unit_years))[: int(round(rate * len(unit_years)))]]
    candidates = []
    for plant in PLANTS:
        t = frames[plant.table]
        mask = np.ones(len(t), dtype=bool)
        for column, value in plant.where.items():
            mask &= (t[column] == value).fillna(False).to_numpy()
        # a plant needs its row, and a value to change (a missing figure cannot be made inconsistent)
        mask &= t[plant.column].notna().to_numpy()
        hits = t.loc[mask, ["unit", "year"]].assign(plant=plant.name)
        candidates.append(hits.merge(chosen, on=["unit", "year"]))
    options = pd.concat(candidates, ignore_index=True)
    options["draw"] = rng.random(len(options))
    picked = options.sort_values("draw").drop_duplicates(["unit", "year"]).sort_values(["unit", "year"])
    truth = []
    for plant in PLANTS:
        targets = picked.loc[picked["plant"] == plant.name, ["unit", "year"]]
        if targets.empty:
            continue
        t = frames[plant.table]
        mask = t[["unit", "year"]].merge(targets.assign(hit=True), on=["unit", "year"], how="left")["hit"].fillna(False)
        mask = mask.to_numpy(dtype=bool)
        for column, value in plant.where.items():
            mask &= (t[column] == value).fillna(False).to_numpy()
        rows = t.loc[mask]
        before = rows[plant.column].to_numpy()
        after = plant.change(rows, rng.random(len(rows)))
        t.loc[mask, plant.column] = after
        if plant.raw_column:
            t.loc[mask, plant.raw_column] = _raw_text(t.loc[mask, plant.column], t.loc[mask, plant.raw_column])
        for rule_id in plant.rule_ids:
            truth.append(pd.DataFrame({"unit": rows["unit"].to_numpy(dtype=object), "year": rows["year"].to_numpy("int64"),
                                       "rule_id": rule_id, "plant": plant.name, "table": plant.table,
                                       "column": plant.column, "before": before.astype("float64"),
                                       "after": np.asarray(after, dtype="float64")}))
    if not truth:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in TRUTH_COLUMNS})
    return pd.concat(truth, ignore_index=True)[TRUTH_COLUMNS].sort_values(["unit", "year", "rule_id"]).reset_index(drop=True)


def generate(
    n_units: int,
    years: Iterable[int] = (2020, 2023),
    seed: int = 0,
    inconsistency_rate: float = 0.1,
    *,
    template_unit: str = DEFAULT_UNIT,
    template_dir: str | os.PathLike | None = None,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """``n_units`` synthetic units over ``years``, and the truth about the inconsistencies planted in them.

    Returns ``(frames, truth)``: ``frames`` maps every table to one frame over all units and years (it passes
    :func:`~hdnd_data.data.loader.validate_frames`); ``truth`` has one row per planted (unit, year, rule_id) with
    the table, column and the value before and after. ``inconsistency_rate`` is the share of unit-years planted
    (one inconsistency each); with 0 the synthetic units are exactly as consistent as the template.
    """
    if n_units < 1:
        raise ValueError(f"n_units must be at least 1, not {n_units}")
    if not 0 <= inconsistency_rate <= 1:
        raise ValueError(f"inconsistency_rate must be between 0 and 1, not {inconsistency_rate}")
    template = load_all(unit=template_unit, data_dir=template_dir)
    available = sorted(int(y) for y in template["sources"]["year"].unique())
    rng = np.random.default_rng(seed)
    frames = _replicate(template, unit_ids(n_units), _template_years(list(years), available), rng)
    truth = _plant(frames, inconsistency_rate, rng) if inconsistency_rate > 0 else _plant(frames, 0.0, rng)
    return frames, truth


def write_datasets(frames: Mapping[str, pd.DataFrame], root: str | os.PathLike) -> list[Path]:
    """Write ``frames`` in the canonical layout: ``<root>/<unit>/<year>/<table>.csv`` and ``<root>/<unit>/unit.yaml``."""
    root = Path(root)
    files: dict[Path, str] = {}
    for name, frame in frames.items():
        if frame.empty:
            continue
        for (unit, year), rows in frame.groupby(["unit", "year"], sort=True):
            files[root / str(unit) / str(int(year)) / TABLES[name].file_name] = csv_text(rows, TABLES[name])
    for unit in sorted({str(p.parent.parent.name) for p in files}):
        files[root / unit / "unit.yaml"] = f"name_vi: Đơn vị tổng hợp {unit}\nname_en: Synthetic unit {unit}\nlevel: synthetic\n"
    return write_many_atomic(files)
