"""The catalogue of rules: ``catalogue.yaml`` read once and each entry bound to the function of its kind.

Adding a rule of an existing kind is one entry in the YAML (and its words in labels/checks.py); a new kind is a
function in :mod:`~hdnd_data.checks.kinds` (or a domain module) listed in :data:`KINDS`.
"""

from __future__ import annotations

import functools
from importlib import resources

import pandas as pd
import yaml

from hdnd_data.checks import budget, indicators, kinds, meetings, petitions
from hdnd_data.checks.finding import Rule
from hdnd_data.data.loader import TABLES

__all__ = ["KINDS", "RULES", "example_frames", "load_rules"]

KINDS = {**kinds.KINDS, **meetings.KINDS, **petitions.KINDS, **budget.KINDS, **indicators.KINDS}
ENTRY_KEYS = {"id", "kind", "severity", "tables", "fields", "parameters", "messages", "examples"}
REQUIRED = {"id", "kind", "severity", "tables", "fields"}


class CatalogueError(ValueError):
    """An entry of the catalogue that cannot be bound (every problem of the file at once)."""


def _bind(entry: dict) -> Rule:
    params = dict(entry.get("parameters") or {})
    evaluate = functools.partial(KINDS[entry["kind"]], **params, messages=dict(entry.get("messages") or {}))
    return Rule(
        id=entry["id"],
        kind=entry["kind"],
        severity=entry["severity"],
        tables=tuple(entry["tables"]),
        fields=tuple(entry["fields"]),
        evaluate=evaluate,
        parameters=params,
        examples=tuple(entry.get("examples") or ()),
    )


def load_rules(text: str | None = None) -> list[Rule]:
    """The rules of ``text`` (default: the package's ``catalogue.yaml``), in catalogue order."""
    if text is None:
        text = resources.files("hdnd_data.checks").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    entries = yaml.safe_load(text) or []
    problems, seen = [], set()
    for i, entry in enumerate(entries, start=1):
        where = f"catalogue.yaml entry {i} ({entry.get('id', '?')})"
        if missing := REQUIRED - set(entry):
            problems.append(f"{where}: missing {', '.join(sorted(missing))}")
        if unknown := set(entry) - ENTRY_KEYS:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if entry.get("kind") not in KINDS:
            problems.append(f"{where}: unknown kind {entry.get('kind')!r}")
        if entry.get("severity") not in ("fail", "warn"):
            problems.append(f"{where}: severity must be fail or warn, not {entry.get('severity')!r}")
        if entry.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(entry.get("id"))
    if problems:
        raise CatalogueError("\n".join(problems))
    return [_bind(entry) for entry in entries]


RULES: list[Rule] = load_rules()


# What every fact of an example shares (the catalogue's rows give only the figures that matter to the rule).
EXAMPLE_FACT = {"unit": "example-unit", "year": 2021, "source_id": "example-source", "locator": "x.1"}


def example_frames(rule: Rule) -> list[tuple[str, dict[str, pd.DataFrame]]]:
    """Each example of ``rule`` as (expected status, frames): the passing facts, then each change applied to them.

    A change maps a table to ``{column: value}`` (every row) or to ``[{row: i, column: value}, ...]``.
    """
    examples = list(rule.examples)
    facts = next((e["facts"] for e in examples if "facts" in e), {})
    base = {
        table: pd.DataFrame([{**EXAMPLE_FACT, **row} for row in rows]).reindex(columns=TABLES[table].columns)
        for table, rows in facts.items()
    }
    out = []
    for example in examples:
        frames = {table: frame.copy() for table, frame in base.items()}
        for table, change in (example.get("change") or {}).items():
            updates = [change] if isinstance(change, dict) else change
            for update in updates:
                update = dict(update)
                rows = [update.pop("row")] if "row" in update else list(range(len(frames[table])))
                for column, value in update.items():
                    frames[table][column] = frames[table][column].astype(object)
                    frames[table].loc[rows, column] = value
        out.append((example["status"], frames))
    return out
