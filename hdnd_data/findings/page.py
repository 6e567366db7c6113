"""The audit page's review of the findings: open ones with their likely misprint, decided ones folded away (still
visible), stale decisions, and what changed since the last run into the same folder.

Called from the audit notebook after the checks (``show_findings(audit, results, checks_csv)``); kept apart from
:mod:`hdnd_data.report.sections` so that each wing edits its own file. Every text from data is escaped.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from hdnd_data.checks.catalogue import RULES
from hdnd_data.findings.history import PREVIOUS_FILE, RECORD_FILE, change_counts, record_and_compare
from hdnd_data.findings.misprint import likely_misprints
from hdnd_data.findings.reviews import attach_reviews, decision_label, folded, open_findings, stale_reviews, strict_failures
from hdnd_data.labels import msg, term

__all__ = ["findings_html", "show_findings"]

_STYLE = ("<style>.hdnd-findings table{border-collapse:collapse;margin:.5em 0}.hdnd-findings td,.hdnd-findings th"
          "{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}.hdnd-findings code{font-size:90%}"
          ".hdnd-findings .misprint{color:#8a4b00}.hdnd-findings details{margin:.5em 0}</style>")


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def findings_html(results: pd.DataFrame, stale: pd.DataFrame, hypotheses: pd.DataFrame, changes: pd.DataFrame | None,
                  lang: str = "vi") -> str:
    """The section as HTML: ``results`` with decision columns, ``stale`` decisions, rank-1 ``hypotheses`` by
    fingerprint, and ``changes`` since the last run (``None``: first run into the folder)."""
    e = html.escape
    said = dict(zip(hypotheses["fingerprint"], hypotheses["sentence"])) if len(hypotheses) else {}
    parts = [_STYLE, "<div class='hdnd-findings'>", f"<h2>{e(term('findings.section', lang))}</h2>"]
    shown = results[open_findings(results)]
    parts.append(f"<h3>{e(term('findings.open', lang))} ({len(shown)})</h3>")
    if shown.empty:
        parts.append(f"<p><em>{e(term('findings.none_open', lang))}</em></p>")
    else:
        rows = []
        for r in shown.itertuples(index=False):
            text = e(r.message) + (f"<br><span class='misprint'>{e(said[r.fingerprint])}</span>" if r.fingerprint in said else "")
            rows.append([e(term(r.status, lang)), e(r.rule_id), text, e(f"{r.source_id}, {r.locator}"), f"<code>{e(r.fingerprint)}</code>"])
        parts.append(_table([term("status", lang), term("rule", lang), term("message", lang), term("locator", lang),
                             term("findings.fingerprint", lang)], rows))
    decided = results[folded(results)]
    if len(decided):
        rows = [[e(term(r.status, lang)), e(r.rule_id), e(decision_label(r.decision, lang)), e(r.note), e(r.reviewer),
                 e(r.decided_on), e(r.locator), f"<code>{e(r.fingerprint)}</code>"] for r in decided.itertuples(index=False)]
        table = _table([term("status", lang), term("rule", lang), term("findings.decision", lang), term("note", lang),
                        term("findings.reviewer", lang), term("findings.decided_on", lang), term("locator", lang),
                        term("findings.fingerprint", lang)], rows)
        parts.append(f"<details><summary>{e(msg('findings.decided', lang, n=len(decided)))}</summary>{table}</details>")
    if len(stale):
        rows = [[f"<code>{e(r.fingerprint)}</code>", e(decision_label(r.decision, lang)), e(r.note), e(str(r.reviewer or ""))]
                for r in stale.itertuples(index=False)]
        parts.append(f"<h3>{e(msg('findings.stale', lang, n=len(stale)))}</h3>" + _table(
            [term("findings.fingerprint", lang), term("findings.decision", lang), term("note", lang), term("findings.reviewer", lang)], rows))
    parts.append(f"<h3>{e(term('findings.changes', lang))}</h3>")
    if changes is None:
        parts.append(f"<p><em>{e(term('findings.changes_first', lang))}</em></p>")
    elif changes.empty:
        parts.append(f"<p><em>{e(term('findings.changes_none', lang))}</em></p>")
    else:
        rows = [[e(term(f"findings.change.{c.change}", lang)), e(c.rule_id), e(c.locator),
                 e(" / ".join(t for t in (c.stated_before, c.computed_before) if t) or "–"),
                 e(" / ".join(t for t in (c.stated_after, c.computed_after) if t) or "–"), f"<code>{e(c.fingerprint)}</code>"]
                for c in changes.itertuples(index=False)]
        parts.append(_table(["", term("rule", lang), term("locator", lang), term("findings.before", lang),
                             term("findings.after", lang), term("findings.fingerprint", lang)], rows))
    parts.append("</div>")
    return "".join(parts)


def show_findings(audit, results: pd.DataFrame, checks_csv: str | None = None) -> pd.DataFrame:
    """Show the section for a :class:`~hdnd_data.report.sections.YearAudit` and its check ``results``.

    With ``checks_csv`` (the batch runner's), the run's record is kept beside it as ``findings.json`` and compared
    with the last one. Records ``findings`` (open failures and warnings, decided, stale, and each kind of change)
    for the runner. Returns the results with their decisions.
    """
    from hdnd_data.report.sections import _html, record

    reviews = audit.frames["reviews"]
    results = attach_reviews(results, reviews)
    stale = stale_reviews(results, reviews)
    hypotheses = likely_misprints(results, audit.frames, lang=audit.lang, best_only=True)
    changes = None
    if checks_csv:
        folder = Path(checks_csv).parent
        first = not any((folder / name).is_file() for name in (RECORD_FILE, PREVIOUS_FILE))
        changes = record_and_compare(folder, results, audit.unit, audit.year, [r.id for r in RULES])
        changes = None if first else changes
    _html(findings_html(results, stale, hypotheses, changes, audit.lang))
    counts = {"open_fail": int(strict_failures(results).sum()),
              "open_warn": int((open_findings(results) & (results["status"] == "warn")).sum()),
              "decided": int(folded(results).sum()), "stale": len(stale), "misprints": len(hypotheses)}
    if changes is not None:
        counts.update(change_counts(changes))
    record("findings", counts)
    return results
