"""What ``hdnd check`` prints about findings: open ones in full, decided ones folded to a line, stale decisions.

Plain text for a terminal; the audit page shows the same in HTML (:mod:`hdnd_data.findings.page`).
"""

from __future__ import annotations

import pandas as pd

from hdnd_data.findings.reviews import decision_label, folded, open_findings
from hdnd_data.labels import msg

__all__ = ["finding_lines"]


def finding_lines(results: pd.DataFrame, stale: pd.DataFrame, lang: str = "vi",
                  hypotheses: pd.DataFrame | None = None) -> list[str]:
    """Lines for the failing and warning ``results`` (with decision columns), then the ``stale`` decisions.

    ``hypotheses`` (from :func:`hdnd_data.findings.misprint.likely_misprints`) adds each open failure's likely
    misprint under it.
    """
    out: list[str] = []
    said = {} if hypotheses is None or hypotheses.empty else hypotheses.groupby("fingerprint")["sentence"].first().to_dict()
    for row in results[open_findings(results)].itertuples(index=False):
        out.append(f"\n[{row.status}] {row.unit} {row.year} {row.rule_id} ({row.locator}) #{row.fingerprint}\n  {row.message}")
        if row.assumption:
            out.append(f"  {'giả định' if lang == 'vi' else 'assumption'}: {row.assumption}")
        if row.fingerprint in said:
            out.append(f"  {said[row.fingerprint]}")
    decided = results[folded(results)]
    if len(decided):
        out.append("\n" + msg("findings.decided", lang, n=len(decided)))
        for row in decided.itertuples(index=False):
            out.append("  " + msg("findings.decided_line", lang, status=row.status, decision=decision_label(row.decision, lang),
                                  rule=row.rule_id, locator=row.locator, fingerprint=row.fingerprint, note=row.note))
    if len(stale):
        out.append("\n" + msg("findings.stale", lang, n=len(stale)))
        for row in stale.itertuples(index=False):
            out.append("  " + msg("findings.stale_line", lang, fingerprint=row.fingerprint, unit=row.unit, year=int(row.year),
                                  decision=decision_label(row.decision, lang), note=row.note))
    return out
