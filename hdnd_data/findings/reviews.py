"""Reviewers' decisions on findings: reading ``reviews.csv``, attaching decisions to results, ``hdnd decide``.

A decision names a finding by its fingerprint, so it stays attached across runs and languages. A decision whose
fingerprint matches no finding any more is *stale*: it is listed, never dropped. Failures decided ``explained``
or ``ignore`` no longer count for ``--strict``; ``confirmed_error`` and ``forwarded`` still do.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from hdnd_data.data.files import write_atomic
from hdnd_data.data.layout import resolve_data_dir
from hdnd_data.data.loader import TABLES, csv_text, load_all, validate_frames
from hdnd_data.data.schemas import REVIEW_DECISIONS
from hdnd_data.labels import msg, term

__all__ = [
    "DECISION_COLUMNS",
    "SETTLED",
    "UnknownFindingError",
    "attach_reviews",
    "decide",
    "folded",
    "open_findings",
    "read_reviews",
    "stale_reviews",
    "strict_failures",
]

DECISION_COLUMNS = ["decision", "note", "reviewer", "decided_on"]
SETTLED = ("explained", "ignore")  # decisions after which a failure no longer counts for --strict
KEY = ["unit", "year", "fingerprint"]


class UnknownFindingError(LookupError):
    """``hdnd decide`` was given a fingerprint that no current finding has (a typo, or the figure was corrected)."""


def read_reviews(unit: str | None = None, year: int | Iterable[int] | None = None,
                 data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """The validated decisions of ``unit`` and ``year`` (``None``: all), from each unit-year's ``reviews.csv``."""
    return load_all(unit=unit, year=year, data_dir=data_dir, tables=["reviews"])["reviews"]


def attach_reviews(results: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """``results`` with the columns :data:`DECISION_COLUMNS` (empty text where no decision was taken)."""
    decided = reviews[KEY + ["decision", "note", "reviewer", "date"]].rename(columns={"date": "decided_on"})
    decided = decided.assign(year=decided["year"].astype("int64"))
    out = results.drop(columns=[c for c in DECISION_COLUMNS if c in results]).merge(
        decided, on=KEY, how="left", validate="many_to_one")
    for column in ("decision", "note", "reviewer"):
        out[column] = out[column].astype(object).where(out[column].notna(), "")
    out["decided_on"] = pd.to_datetime(out["decided_on"]).dt.strftime("%Y-%m-%d").astype(object).where(out["decided_on"].notna(), "")
    out.index = results.index
    return out


def open_findings(results: pd.DataFrame) -> pd.Series:
    """True for a failing or warning result nobody has decided on (results with :func:`attach_reviews` columns)."""
    return (results["status"] != "pass") & (results["decision"] == "")


def folded(results: pd.DataFrame) -> pd.Series:
    """True for a failing or warning result that has a decision: shown folded away, never hidden."""
    return (results["status"] != "pass") & (results["decision"] != "")


def strict_failures(results: pd.DataFrame) -> pd.Series:
    """Failures that still count for ``--strict``: not decided ``explained`` or ``ignore``."""
    decision = results["decision"] if "decision" in results else pd.Series("", index=results.index)
    return (results["status"] == "fail") & ~decision.isin(SETTLED)


def stale_reviews(results: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """Decisions of the unit-years in ``results`` whose fingerprint matches none of their findings."""
    if reviews.empty:
        return reviews
    checked = pd.MultiIndex.from_frame(results[["unit", "year"]].drop_duplicates().astype({"year": "int64"}))
    found = pd.MultiIndex.from_frame(results[KEY].astype({"year": "int64"}))
    keys = reviews[KEY].astype({"year": "int64"})
    mine = pd.MultiIndex.from_frame(keys[["unit", "year"]]).isin(checked)
    matched = pd.MultiIndex.from_frame(keys).isin(found)
    return reviews[mine & ~matched].reset_index(drop=True)


def _reviews_path(root: Path, unit: str, year: int) -> Path:
    return root / unit / str(int(year)) / TABLES["reviews"].file_name


def decide(fingerprint: str, decision: str, note: str, *, reviewer: str | None = None, unit: str | None = None,
           year: int | None = None, data_dir: str | os.PathLike | None = None, on: dt.date | None = None,
           lang: str = "vi") -> tuple[Path, pd.Series]:
    """Record a decision on the finding ``fingerprint`` in its unit-year's ``reviews.csv`` (atomically).

    The finding is looked for among the current results of ``unit`` and ``year`` (``None``: every one); a decision
    already taken on it is replaced. Raises :class:`UnknownFindingError` when no finding has that fingerprint, and
    :class:`~hdnd_data.data.loader.DataValidationError` when the decision is invalid (an unknown decision, an empty
    note): nothing is written then. Returns the file written and the finding decided on.
    """
    from hdnd_data.checks.engine import run_checks

    root = resolve_data_dir(data_dir)
    results = run_checks(unit=unit, year=year, data_dir=root, lang=lang)
    match = results[results["fingerprint"] == fingerprint]
    if match.empty:
        flagged = results.loc[results["status"] != "pass", "fingerprint"]
        where = " ".join(str(p) for p in (unit, year) if p is not None) or msg("findings.every_unit_year", lang)
        raise UnknownFindingError(msg("findings.unknown_fingerprint", lang, fingerprint=fingerprint, where=where,
                                      known=", ".join(flagged) or "–"))
    finding = match.iloc[0]
    unit_, year_ = str(finding["unit"]), int(finding["year"])
    path = _reviews_path(root, unit_, year_)
    existing = read_reviews(unit_, year_, root)
    row = {"unit": unit_, "year": year_, "fingerprint": fingerprint, "decision": decision, "note": (note or "").strip(),
           "reviewer": reviewer or None, "date": pd.Timestamp(on or dt.date.today())}
    kept = existing[existing["fingerprint"] != fingerprint].astype(object)
    frame = pd.concat([kept, pd.DataFrame([row]).astype(object)], ignore_index=True)
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    valid = validate_frames({"reviews": frame}, origin_name=shown, lang=lang)["reviews"]
    valid = valid.sort_values(["date", "fingerprint"], kind="stable").reset_index(drop=True)
    write_atomic(path, csv_text(valid, TABLES["reviews"]))
    return path, finding


def decision_label(code: str, lang: str = "vi") -> str:
    """A decision as a reader sees it (``explained`` -> ``đã giải thích``); empty stays empty."""
    return term(code, lang) if code in REVIEW_DECISIONS else code
