"""The consistency checks on the reviewer's page: each under the section whose figures it reads, failing and
warning ones open (with the assumption a warning rests on), passing ones folded with their recomputation.
"""

from __future__ import annotations

import html

import pandas as pd

from hdnd_data.checks.catalogue import RULES
from hdnd_data.data.numbers import format_significant
from hdnd_data.data.records import STATUSES
from hdnd_data.labels import msg, term
from hdnd_data.report.tables import ReportTable
from hdnd_data.report.words import locator

# The page's sections, in order, with the tables whose figures each shows.
SECTIONS: dict[str, tuple[str, ...]] = {
    "sessions": ("sessions", "personnel_changes"),
    "oversight": ("activity_counts", "oversight_missions"),
    "voter_contact": ("voter_contact", "recommendation_settlement"),
    "citizen_reception": ("citizen_reception",),
    "petitions": ("petitions", "petition_indicators"),
    "budget": ("budget_execution", "budget_percentages"),
    "economy": ("economy", "resolution_targets", "task_groups", "target_details"),
}
_SECTION_OF_TABLE = {table: section for section, tables in SECTIONS.items() for table in tables}
OTHER = "other"


def section_of_rule(rule_id: str) -> str:
    """The section a rule belongs under: that of the first table it reads which the page shows."""
    rule = next((r for r in RULES if r.id == rule_id), None)
    tables = rule.tables if rule is not None else ()
    return next((_SECTION_OF_TABLE[t] for t in tables if t in _SECTION_OF_TABLE), OTHER)


def with_sections(results: pd.DataFrame) -> pd.DataFrame:
    """``results`` of :func:`~hdnd_data.checks.engine.run_checks` with a ``section`` column."""
    sections = {rule_id: section_of_rule(rule_id) for rule_id in results["rule_id"].unique()}
    return results.assign(section=results["rule_id"].map(sections).fillna(OTHER))


def checks_table(results: pd.DataFrame, lang: str, caption: str, empty: str = "") -> ReportTable:
    """One row per check: what it checks, the outcome, the sentence, stated and recomputed figures, tolerance,
    the assumption (when any check shown rests on one) and where in the source."""
    assumed = results["assumption"].fillna("").astype(str).str.len().gt(0).any() if "assumption" in results else False
    rows = []
    for r in results.itertuples(index=False):
        row = {
            term("page.check", lang): term(f"rule.{r.rule_id}", lang),
            term("status", lang): term(r.status, lang),
            term("message", lang): r.message,
            term("stated", lang): r.stated_text,
            term("computed", lang): r.computed_text,
            term("tolerance", lang): "–" if pd.isna(r.tolerance) else "±" + format_significant(r.tolerance, lang=lang),
        }
        if assumed:
            row[term("page.assumption", lang)] = r.assumption or "–"
        row[term("locator", lang)] = f"{r.source_id}, {locator(r.locator, lang)}"
        rows.append(row)
    return ReportTable(caption, pd.DataFrame(rows), results.reset_index(drop=True), [], empty)


def section_html(results: pd.DataFrame, lang: str) -> str:
    """The checks of one section: failing and warning ones in a table, passing ones folded under it."""
    if results.empty:
        return ""
    flagged = results[results["status"] != "pass"]
    passed = results[results["status"] == "pass"]
    parts = ["<div class='hdnd-checks'>"]
    if not flagged.empty:
        parts.append(checks_table(flagged, lang, term("page.section_checks", lang)).to_html())
    if not passed.empty:
        summary = html.escape(msg("page.passing_folded", lang, n=len(passed)))
        table = checks_table(passed, lang, "").to_html()
        parts.append(f"<details class='hdnd-passed'><summary>{summary}</summary>{table}</details>")
    parts.append("</div>")
    return "".join(parts)


def counts_table(results: pd.DataFrame, lang: str) -> ReportTable:
    """Pass / fail / warn counts of a unit-year."""
    counts = {s: int((results["status"] == s).sum()) for s in STATUSES}
    display = pd.DataFrame([{term(s, lang): counts[s] for s in STATUSES}])
    return ReportTable(term("summary", lang), display, pd.DataFrame([counts]))
