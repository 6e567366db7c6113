"""The likely misprint behind a failing check: the one printed figure whose correction makes its rules pass.

For every ``fail``, each figure the failing relation reads is edited as a typist's slip would have changed it
(:mod:`hdnd_data.findings.edits`). A correction is kept when the failing relation then passes (first pass, on the
figures of that relation alone) and no rule that reads the figure fails (second pass, on the unit-year's tables
those rules read); hypotheses are ranked by how many of those rules pass, then by how common the slip is. All
candidates of all failures are checked in one vectorised run per rule: each candidate becomes a copy of the
figures it needs under a unit id of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from hdnd_data.checks.catalogue import RULES
from hdnd_data.checks.engine import run_checks
from hdnd_data.checks.finding import Rule
from hdnd_data.data.dictionary import column_label
from hdnd_data.data.loader import TABLES, code_label
from hdnd_data.findings.edits import edit_rank, figure_columns, printed_number, raw_column, variants
from hdnd_data.labels import msg, term

__all__ = ["HYPOTHESIS_COLUMNS", "likely_misprints"]

HYPOTHESIS_COLUMNS = ["fingerprint", "unit", "year", "rule_id", "rank", "table", "row", "column", "figure", "source_id",
                      "locator", "printed", "proposed", "value", "edit", "rules_pass", "sentence"]
_ENTRY = re.compile(r"^(\w+)\[(.*)\]$")


# ------------------------------------------------------------------------------------------- keys -> rows
def _parse_keys(keys: str) -> list[tuple[str, dict[str, set[str] | None]]]:
    """``table[a=x,b=*,c=p|q]; ...`` as (table, {column: allowed texts or None for any})."""
    out = []
    for entry in str(keys).split("; "):
        m = _ENTRY.match(entry.strip())
        if not m:
            continue
        wanted: dict[str, set[str] | None] = {}
        for part in filter(None, m.group(2).split(",")):
            name, _, value = part.partition("=")
            wanted[name] = None if value == "*" else set(value.split("|"))
        out.append((m.group(1), wanted))
    return out


def _text(values: pd.Series) -> np.ndarray:
    """Key values as :func:`~hdnd_data.checks.finding.keys_of` writes them (a whole float without its ``.0``)."""
    out = values.astype(object).to_numpy()
    return np.array([str(int(v)) if isinstance(v, float) and v.is_integer() else str(v) for v in out], dtype=object)


class _Rows:
    """Row positions of every table by unit-year, and which rows a key entry names (each entry matched once)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]):
        self.frames = frames
        self._groups = {name: f.groupby(["unit", "year"], sort=False).indices if len(f) else {} for name, f in frames.items()}
        self._masks: dict[tuple[str, str], np.ndarray] = {}
        self._texts: dict[tuple[str, str], np.ndarray] = {}

    def of_unit_year(self, table: str, unit: str, year: int) -> np.ndarray:
        return self._groups.get(table, {}).get((unit, year), np.empty(0, dtype="int64"))

    def column_text(self, table: str, column: str) -> np.ndarray:
        if (table, column) not in self._texts:
            self._texts[table, column] = _text(self.frames[table][column])
        return self._texts[table, column]

    def named(self, table: str, wanted: dict, entry: str, unit: str, year: int) -> np.ndarray:
        if (table, entry) not in self._masks:
            frame = self.frames[table]
            mask = np.ones(len(frame), dtype=bool)
            for column, allowed in wanted.items():
                if allowed is not None and column in frame:
                    mask &= np.isin(self.column_text(table, column), list(allowed))
            self._masks[table, entry] = mask
        rows = self.of_unit_year(table, unit, year)
        return rows[self._masks[table, entry][rows]]


# ------------------------------------------------------------------------------------------- candidates
def _printed(frame: pd.DataFrame, row: int, column: str) -> tuple[str, bool, bool] | None:
    """The figure as printed, whether it is a whole number, and whether it is a percentage."""
    value = frame[column].iat[row]
    if pd.isna(value):
        return None
    raw = raw_column(list(frame.columns), column)
    percent = "percent" in column or any(frame[c].iat[row] == "percent" for c in ("printed_unit", "value_unit") if c in frame)
    integer = frame[column].dtype.kind in "iu" or str(frame[column].dtype) == "Int64"
    if raw and isinstance(frame[raw].iat[row], str) and frame[raw].iat[row]:
        return frame[raw].iat[row], integer, percent
    if integer:
        return printed_number(int(value), 0), True, percent
    return None


def _candidates(fails: pd.DataFrame, frames: Mapping[str, pd.DataFrame], rows: _Rows, rules: Mapping[str, Rule]):
    """One row per (failure, figure, corrected value), with the rows of each table the failing relation reads."""
    out, reads = [], {}
    for i, fail in enumerate(fails.itertuples(index=False)):
        rule = rules[fail.rule_id]
        read: dict[str, np.ndarray] = {}
        for table, wanted in _parse_keys(fail.keys):
            entry = f"{table}{sorted((k, tuple(sorted(v)) if v else None) for k, v in wanted.items())}"
            found = rows.named(table, wanted, entry, fail.unit, int(fail.year))
            read[table] = np.union1d(read.get(table, np.empty(0, dtype="int64")), found)
        for table in rule.tables:  # a table the rule reads but its keys do not name (amounts behind a percentage)
            if table not in read:
                read[table] = np.sort(rows.of_unit_year(table, fail.unit, int(fail.year)))
        reads[i] = read
        for table, positions in read.items():
            frame = frames[table]
            for column in figure_columns(TABLES[table], rule.fields):
                for row in positions:
                    printed = _printed(frame, int(row), column)
                    if printed is None:
                        continue
                    for value, text, kind in variants(*printed[:1], integer=printed[1], percent=printed[2]):
                        out.append((i, table, int(row), column, printed[0], value, text, kind))
    columns = ["fail", "table", "row", "column", "printed", "value", "proposed", "edit"]
    return pd.DataFrame(out, columns=columns), reads


def _universes(frames: Mapping[str, pd.DataFrame], candidates: pd.DataFrame,
               groups: Sequence[tuple[np.ndarray, Mapping[str, np.ndarray]]]) -> dict[str, pd.DataFrame]:
    """For each group (candidate positions, {table: row positions}), a copy of those rows per candidate, corrected.

    Candidate ``k`` (its position in ``candidates``) becomes unit ``m<k>``: the rules then see each candidate as a
    unit-year of its own. Candidates of a group share the rows they need (those of one failure, or one unit-year).
    """
    picks: dict[str, list[np.ndarray]] = {}
    owners: dict[str, list[np.ndarray]] = {}
    edits: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    offset = dict.fromkeys(frames, 0)
    tables = candidates["table"].to_numpy()
    rows = candidates["row"].to_numpy()
    for members, needed in groups:
        n = len(members)
        for table, positions in needed.items():
            m = len(positions)
            if not m:
                continue
            picks.setdefault(table, []).append(np.tile(positions, n))
            owners.setdefault(table, []).append(np.repeat(members, m))
            mine = members[tables[members] == table]
            if len(mine):
                local = np.searchsorted(positions, rows[mine])
                where = offset[table] + np.searchsorted(members, mine) * m + local
                edits.setdefault(table, []).append((where, mine))
            offset[table] += n * m
    # every table present (empty where no candidate needs it): the engine would otherwise validate empty ones
    out = {name: frame.iloc[0:0] for name, frame in frames.items()}
    for table, parts in picks.items():
        frame = frames[table]
        big = frame.iloc[np.concatenate(parts)].reset_index(drop=True)
        big["unit"] = np.char.add("m", np.concatenate(owners[table]).astype(str)).astype(object)
        if table in edits:
            where = np.concatenate([w for w, _ in edits[table]])
            which = np.concatenate([k for _, k in edits[table]])
            columns = candidates["column"].to_numpy()[which]
            for column in np.unique(columns):
                pick = columns == column
                values = big[column].to_numpy(dtype="float64", na_value=np.nan).copy()
                values[where[pick]] = candidates["value"].to_numpy()[which[pick]]
                big[column] = pd.Series(values).astype(frame[column].dtype)
                raw = raw_column(list(frame.columns), column)
                if raw:
                    texts = big[raw].astype(object).to_numpy().copy()
                    texts[where[pick]] = candidates["proposed"].to_numpy()[which[pick]]
                    big[raw] = pd.Series(texts, dtype=frame[raw].dtype)
        out[table] = big
    return out


def _touches(keys: str, table: str, key_texts: dict[str, str], cache: dict) -> bool:
    """Does a result reading ``keys`` read the row of ``table`` whose key columns print as ``key_texts``?

    A result whose keys do not name ``table`` at all (while its rule reads it) may read any of its rows: yes.
    """
    marker = (keys, table, tuple(key_texts.items()))
    if marker not in cache:
        entries = _parse_keys(keys)
        cache[marker] = all(t != table for t, _ in entries) or any(
            t == table and all(v is None or key_texts.get(c) in v for c, v in wanted.items()) for t, wanted in entries)
    return cache[marker]


def _figure_name(frame: pd.DataFrame, table: str, row: int, column: str, lang: str) -> str:
    codes = [code_label(str(frame[c].iat[row]), lang) for c in TABLES[table].key if c not in ("unit", "year") and c in frame
             and TABLES[table].described[c].allowed]
    return f"{term(table, lang)} – " + ", ".join([*codes, column_label(table, column, lang)])


# ------------------------------------------------------------------------------------------- the search
def likely_misprints(results: pd.DataFrame, frames: Mapping[str, pd.DataFrame], *, lang: str = "vi",
                     rules: Sequence[Rule] | None = None, best_only: bool = False) -> pd.DataFrame:
    """The likely misprints behind the failures of ``results`` (the output of ``run_checks`` on ``frames``).

    Returns one row per hypothesis (:data:`HYPOTHESIS_COLUMNS`), ``rank`` 1 the most likely for its failure;
    a failure no single correction explains has none. ``best_only`` keeps rank 1 only.
    """
    by_id = {r.id: r for r in (RULES if rules is None else rules)}
    fails = results[(results["status"] == "fail") & results["rule_id"].isin(by_id)].reset_index(drop=True)
    empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in HYPOTHESIS_COLUMNS})
    if fails.empty:
        return empty
    rows = _Rows(frames)
    candidates, reads = _candidates(fails, frames, rows, by_id)
    if candidates.empty:
        return empty
    # first pass: the failing relation alone, on the figures it reads
    passed = np.zeros(len(candidates), dtype=bool)
    fail_of = candidates["fail"].to_numpy()
    for rule_id, group in candidates.groupby(fails["rule_id"].to_numpy()[fail_of]).indices.items():
        members = [(group[fail_of[group] == i], reads[i]) for i in np.unique(fail_of[group])]
        found = run_checks(frames=_universes(frames, candidates, members), validated=True, rules=[by_id[rule_id]], lang="en")
        found = found[found["status"] == "pass"]
        ok = set(zip(found["unit"], found["keys"]))
        keys = fails["keys"].to_numpy()[fail_of[group]]
        passed[group] = [(f"m{k}", key) in ok for k, key in zip(group, keys)]
    survivors = candidates[passed].reset_index(drop=True)
    if survivors.empty:
        return empty
    # second pass: every rule reading the corrected figure's table, on the unit-year's tables those rules read
    hypotheses = _second_pass(survivors, fails, frames, rows, by_id)
    if hypotheses.empty:
        return empty
    return _describe(hypotheses, fails, frames, lang, best_only)


def _second_pass(survivors, fails, frames, rows: _Rows, by_id) -> pd.DataFrame:
    touching = {t: [r for r in by_id.values() if t in r.tables] for t in TABLES}
    fail_of = survivors["fail"].to_numpy()
    units = fails["unit"].to_numpy()[fail_of]
    years = fails["year"].to_numpy()[fail_of].astype("int64")
    table_of = survivors["table"].to_numpy()
    groups = []
    for (unit, year, table), members in survivors.groupby([units, years, table_of]).indices.items():
        needed = {t for r in touching[table] for t in r.tables}
        groups.append((members, {t: rows.of_unit_year(t, unit, int(year)) for t in needed}))
    wanted = sorted({r.id for t in np.unique(table_of) for r in touching[t]})
    found = run_checks(frames=_universes(frames, survivors, groups), validated=True, rules=[by_id[i] for i in wanted],
                       lang="en")
    k = found["unit"].str.slice(1).astype("int64").to_numpy()
    status = found["status"].to_numpy()
    result_keys = found["keys"].to_numpy()
    rule_of = found["rule_id"].to_numpy()
    # does each result read its candidate's figure? (decided once per distinct keys, table and row key)
    key_columns = {t: [c for c in TABLES[t].key if c not in ("unit", "year")] for t in np.unique(table_of)}
    row_key = [tuple(rows.column_text(t, c)[r] for c in key_columns[t]) for t, r in zip(table_of, survivors["row"].to_numpy())]
    cache: dict = {}
    reads_table = np.array([table_of[j] in by_id[r].tables for r, j in zip(rule_of, k)], dtype=bool)
    touched = reads_table & np.array([_touches(keys, table_of[j], dict(zip(key_columns[table_of[j]], row_key[j])), cache)
                                      for keys, j in zip(result_keys, k)], dtype=bool)
    own = (rule_of == fails["rule_id"].to_numpy()[fail_of[k]]) & (result_keys == fails["keys"].to_numpy()[fail_of[k]])
    n = len(survivors)
    own_pass = np.bincount(k[own & (status == "pass")], minlength=n)
    touched_fail = np.bincount(k[touched & (status == "fail")], minlength=n)
    touched_pass = np.bincount(k[touched & (status == "pass")], minlength=n)
    keep = (own_pass > 0) & (touched_fail == 0)
    return survivors.assign(rules_pass=touched_pass)[keep].reset_index(drop=True)


def _describe(hypotheses: pd.DataFrame, fails: pd.DataFrame, frames, lang: str, best_only: bool) -> pd.DataFrame:
    h = hypotheses.assign(edit_rank=[edit_rank(k) for k in hypotheses["edit"]])
    h = h.sort_values(["fail", "rules_pass", "edit_rank"], ascending=[True, False, True], kind="stable")
    h["rank"] = h.groupby("fail").cumcount() + 1
    if best_only:
        h = h[h["rank"] == 1]
    f = fails.iloc[h["fail"].to_numpy()]
    out = pd.DataFrame({
        "fingerprint": f["fingerprint"].to_numpy(), "unit": f["unit"].to_numpy(), "year": f["year"].to_numpy(),
        "rule_id": f["rule_id"].to_numpy(), "rank": h["rank"].to_numpy(), "table": h["table"].to_numpy(),
        "row": h["row"].to_numpy(), "column": h["column"].to_numpy(),
    })
    out["figure"] = [_figure_name(frames[t], t, int(r), c, lang) for t, r, c in zip(out["table"], out["row"], out["column"])]
    out["source_id"] = [frames[t]["source_id"].iat[int(r)] for t, r in zip(out["table"], out["row"])]
    out["locator"] = [frames[t]["locator"].iat[int(r)] for t, r in zip(out["table"], out["row"])]
    out["printed"] = h["printed"].to_numpy()
    out["proposed"] = h["proposed"].to_numpy()
    out["value"] = h["value"].to_numpy()
    out["edit"] = h["edit"].to_numpy()
    out["rules_pass"] = h["rules_pass"].to_numpy()
    out["sentence"] = [msg("findings.misprint", lang, figure=fig, printed=p, locator=loc, proposed=q, n=n,
                           edit=term(f"findings.edit.{e}", lang))
                       for fig, p, loc, q, n, e in zip(out["figure"], out["printed"], out["locator"], out["proposed"],
                                                      out["rules_pass"], out["edit"])]
    return out[HYPOTHESIS_COLUMNS].reset_index(drop=True)
