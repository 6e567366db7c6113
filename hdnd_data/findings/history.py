"""What changed since the last run: a small record of each unit-year's results, and the comparison of two records.

Each audit writes ``<out>/<unit>/<year>/findings.json`` (atomically): the rule catalogue it ran and every result
by fingerprint with its status and figures. The next run into the same folder compares against it; ``hdnd diff OLD
NEW`` compares two output folders. A finding is *new* (it fails or warns and did not before), *resolved* (it failed
or warned and now passes or is gone), or *changed* (still flagged, with another status or other figures); a finding
of a rule the old run did not have is *new rule*, not new.

A batch run that redoes a unit-year first keeps the record of its last finished run as ``.findings.previous.json``
(:data:`PREVIOUS_FILE`) and removes it once the new run is recorded whole; while it is there the comparison is made
with it, so a run killed after writing ``findings.json`` but before its page never makes the next one compare with
itself.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from hdnd_data.data.files import write_atomic
from hdnd_data.data.records import FINDINGS_PREVIOUS, FINDINGS_RECORD
from hdnd_data.labels import msg, term

__all__ = ["CHANGE_COLUMNS", "CHANGES", "PREVIOUS_FILE", "RECORD_FILE", "change_lines", "compare", "diff_folders", "make_record", "read_record",
           "record_and_compare", "change_counts"]

RECORD_FILE = FINDINGS_RECORD
PREVIOUS_FILE = FINDINGS_PREVIOUS  # the last finished run's record while a new run of the unit-year is under way
FORMAT = 1
CHANGES = ("new", "resolved", "changed", "new_rule")
CHANGE_COLUMNS = ["unit", "year", "change", "fingerprint", "rule_id", "locator", "status_before", "status_after",
                  "stated_before", "stated_after", "computed_before", "computed_after"]
_KEPT = ["fingerprint", "rule_id", "status", "locator", "keys", "stated", "computed", "stated_text", "computed_text"]
FLAGGED = ("fail", "warn")


def _number(value: object) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def make_record(results: pd.DataFrame, unit: str, year: int, rules: Iterable[str]) -> dict:
    """The record of one unit-year's results (JSON-ready): the rules run and each result by fingerprint."""
    rows = results[(results["unit"] == unit) & (results["year"] == int(year))]
    findings = []
    for r in rows[_KEPT].itertuples(index=False):
        findings.append({"fingerprint": r.fingerprint, "rule_id": r.rule_id, "status": r.status, "locator": r.locator,
                         "keys": r.keys, "stated": _number(r.stated), "computed": _number(r.computed),
                         "stated_text": r.stated_text, "computed_text": r.computed_text})
    return {"format": FORMAT, "unit": unit, "year": int(year), "rules": sorted(set(rules)), "findings": findings}


def read_record(folder: str | os.PathLike, name: str = RECORD_FILE) -> dict | None:
    """The record in ``folder`` (``None`` when there is none, or it cannot be read: the next run rewrites it)."""
    path = Path(folder) / name
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("format") == FORMAT else None


def compare(old: dict | None, new: dict) -> pd.DataFrame:
    """The findings of ``new`` that are new, resolved or changed since ``old`` (one row each, :data:`CHANGE_COLUMNS`).

    With no ``old`` record (a first run) nothing is listed: there is nothing to compare with.
    """
    if old is None:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in CHANGE_COLUMNS})
    before = {f["fingerprint"]: f for f in old.get("findings", [])}
    after = {f["fingerprint"]: f for f in new.get("findings", [])}
    old_rules = set(old.get("rules", []))
    rows = []
    for fp, f in after.items():
        b = before.get(fp)
        if f["status"] in FLAGGED:
            if b is None:
                change = "new" if f["rule_id"] in old_rules else "new_rule"
            elif b["status"] not in FLAGGED:
                change = "new"
            elif (b["status"], b["stated_text"], b["computed_text"]) != (f["status"], f["stated_text"], f["computed_text"]):
                change = "changed"
            else:
                continue
        elif b is not None and b["status"] in FLAGGED:
            change = "resolved"
        else:
            continue
        rows.append(_row(new, change, fp, b, f))
    for fp, b in before.items():
        if fp not in after and b["status"] in FLAGGED:
            rows.append(_row(new, "resolved", fp, b, None))
    out = pd.DataFrame(rows, columns=CHANGE_COLUMNS)
    order = {c: i for i, c in enumerate(CHANGES)}
    return out.sort_values(["change", "rule_id"], key=lambda s: s.map(order) if s.name == "change" else s,
                           kind="stable").reset_index(drop=True)


def _row(new: dict, change: str, fp: str, b: dict | None, f: dict | None) -> dict:
    either = f or b
    return {"unit": new["unit"], "year": int(new["year"]), "change": change, "fingerprint": fp, "rule_id": either["rule_id"],
            "locator": either["locator"], "status_before": b["status"] if b else "", "status_after": f["status"] if f else "",
            "stated_before": b["stated_text"] if b else "", "stated_after": f["stated_text"] if f else "",
            "computed_before": b["computed_text"] if b else "", "computed_after": f["computed_text"] if f else ""}


def change_counts(changes: pd.DataFrame) -> dict[str, int]:
    """How many findings of each kind of change (every kind, zero included)."""
    return {c: int((changes["change"] == c).sum()) for c in CHANGES}


def record_and_compare(folder: str | os.PathLike, results: pd.DataFrame, unit: str, year: int,
                       rules: Iterable[str]) -> pd.DataFrame:
    """Compare ``results`` with the record left in ``folder`` by the last finished run (:data:`PREVIOUS_FILE` when a
    batch run kept it, else :data:`RECORD_FILE`), then replace :data:`RECORD_FILE` atomically."""
    new = make_record(results, unit, year, rules)
    previous = PREVIOUS_FILE if (Path(folder) / PREVIOUS_FILE).is_file() else RECORD_FILE
    changes = compare(read_record(folder, previous), new)
    write_atomic(Path(folder) / RECORD_FILE, json.dumps(new, ensure_ascii=False, indent=1))
    return changes


def _records(root: Path) -> dict[tuple[str, int], dict]:
    out = {}
    for path in sorted(root.glob(f"*/*/{RECORD_FILE}")):
        record = read_record(path.parent)
        if record is not None:
            out[record["unit"], int(record["year"])] = record
    return out


def diff_folders(old: str | os.PathLike, new: str | os.PathLike) -> pd.DataFrame:
    """Every unit-year's changes from the audit folder ``old`` to ``new`` (unit-years in only one count as all new or
    all resolved). Raises ``FileNotFoundError`` when a folder has no record at all."""
    olds, news = _records(Path(old)), _records(Path(new))
    for name, found in ((old, olds), (new, news)):
        if not found:
            raise FileNotFoundError(msg("findings.no_records", "vi", folder=name, file=RECORD_FILE))
    parts = []
    for unit, year in sorted(set(olds) | set(news)):
        before = olds.get((unit, year)) or {"unit": unit, "year": year, "rules": news[unit, year]["rules"], "findings": []}
        after = news.get((unit, year)) or {"unit": unit, "year": year, "rules": before["rules"], "findings": []}
        parts.append(compare(before, after))
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else compare({}, {"unit": "", "year": 0, "findings": []}).iloc[0:0]


def change_lines(changes: pd.DataFrame, lang: str = "vi") -> list[str]:
    """One line per change, for a terminal: ``[mới] unit year rule (locator) #fp: before → after``."""
    out = []
    for r in changes.itertuples(index=False):
        before = " / ".join(t for t in (r.stated_before, r.computed_before) if t) or "–"
        after = " / ".join(t for t in (r.stated_after, r.computed_after) if t) or "–"
        out.append(f"[{term(f'findings.change.{r.change}', lang)}] {r.unit} {r.year} {r.rule_id} ({r.locator}) "
                   f"#{r.fingerprint}: {term(r.status_before, lang) if r.status_before else '–'} {before} → "
                   f"{term(r.status_after, lang) if r.status_after else '–'} {after}")
    return out
