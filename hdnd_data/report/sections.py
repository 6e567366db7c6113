"""What the audit notebook shows for one unit-year: one method per section, each a short call.

Headings and labels come from the glossary, so ``lang="en"`` changes the whole page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from hdnd_data.data.files import csv_for_people, write_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, unit_info
from hdnd_data.data.loader import load_all
from hdnd_data.data.numbers import format_percent, format_significant
from hdnd_data.labels import term
from hdnd_data.records import RECORD_MIME, STATUSES
from hdnd_data.report import tables as report


def record(name: str, value: object) -> None:
    """Record a value in the executed notebook (read back by tests and the runner; invisible in HTML)."""
    from IPython.display import display

    display({RECORD_MIME: {"name": name, "value": value}}, raw=True)


def _show(obj: object) -> None:
    from IPython.display import display

    display(obj)


def _html(text: str) -> None:
    from IPython.display import HTML, display

    display(HTML(text))


def _figure(fig) -> None:
    if fig is None:
        return
    import matplotlib.pyplot as plt

    _show(fig)
    plt.close(fig)


def _fast_inline_figures() -> None:
    """Figures use constrained layout, so the inline backend's second, 'tight' drawing pass is wasted time."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the kernel
        return
    shell = get_ipython()
    if shell is not None and "InlineBackend" in shell.config:
        shell.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': None}")


class YearAudit:
    """Everything the audit notebook shows for one unit-year; each method displays one section."""

    def __init__(self, unit: str = DEFAULT_UNIT, year: int = 2020, lang: str = "vi", data_dir: str | None = None):
        self.unit, self.year, self.lang, self.data_dir = unit, int(year), lang, data_dir
        self.frames = load_all(unit=unit, year=self.year, data_dir=data_dir)
        self.info = unit_info(unit, data_dir)
        _fast_inline_figures()

    # headings come from the glossary so that lang=en changes them too
    def _heading(self, key: str, level: int = 2) -> None:
        _html(f"<h{level}>{html.escape(term(key, self.lang))}</h{level}>")

    def header(self) -> None:
        """Title, unit, year and the source documents."""
        name = self.info["name_vi" if self.lang == "vi" else "name_en"]
        _html(f"<h1>{html.escape(term('audit_title', self.lang))}: {html.escape(name)} — {self.year}</h1>")
        _show(report.sources(self.frames, self.lang))
        record("unit", self.unit)
        record("year", self.year)
        record("rows", {name: int(len(f)) for name, f in self.frames.items()})

    def sessions(self) -> None:
        self._heading("sessions")
        table = report.sessions(self.frames, self.lang)
        _show(table)
        _show(report.personnel(self.frames, self.lang))
        record("resolutions", int(table.data["resolutions"].fillna(0).sum()) if not table.data.empty else 0)

    def oversight(self) -> None:
        self._heading("oversight")
        _show(report.oversight(self.frames, self.lang))
        _show(report.missions(self.frames, self.lang))

    def voter_contact(self) -> None:
        from hdnd_data.report import plots

        self._heading("voter_contact")
        table = report.voter_contact(self.frames, self.lang)
        _show(table)
        _figure(plots.voter_contact_flow(self.frames, self.lang))
        _show(report.settlement(self.frames, self.lang))
        if not table.data.empty:
            record("voters_attending", {r: int(v) for r, v in zip(table.data.round_id, table.data.voters_attending)})

    def reception_and_petitions(self) -> None:
        from hdnd_data.report import plots

        self._heading("citizen_reception")
        _show(report.reception(self.frames, self.lang))
        self._heading("petitions")
        _show(report.petitions(self.frames, self.lang))
        rates = report.petition_rates(self.frames, self.lang)
        _show(rates)
        _figure(plots.petitions(self.frames, self.lang))
        if not rates.data.empty:
            rate = rates.data[rates.data.indicator == "settlement_rate"]
            if not rate.empty and pd.notna(rate.computed.iloc[0]):
                record("settlement_rate", format_percent(float(rate.computed.iloc[0]), 1))

    def budget(self) -> None:
        from hdnd_data.report import plots

        self._heading("budget")
        _show(report.budget_amounts(self.frames, self.lang))
        pct = report.budget_percentages(self.frames, self.lang)
        _show(pct)
        _figure(plots.budget_execution(self.frames, self.lang))
        if not pct.data.empty:
            record("budget_percentages", len(pct.data))

    def economy(self) -> None:
        from hdnd_data.report import plots

        self._heading("economy")
        _show(report.targets(self.frames, self.lang))
        _show(report.economy(self.frames, self.lang))
        _figure(plots.economy(self.frames, self.lang))

    def checks(self, checks_csv: str | None = None) -> pd.DataFrame:
        """Summary counts of pass/fail/warn, then every failing or warning check; optionally save all as CSV."""
        from hdnd_data.checks.engine import run_checks

        self._heading("checks")
        results = run_checks(unit=self.unit, year=self.year, lang=self.lang, frames=self.frames, validated=True)
        counts = {s: int((results["status"] == s).sum()) for s in STATUSES}
        _show(_counts_table(counts, self.lang))
        flagged = results[results["status"] != "pass"]
        _show(_checks_table(flagged, self.lang))
        record("checks", counts)
        record("flagged", flagged["rule_id"].tolist())
        if checks_csv:
            write_atomic(checks_csv, csv_for_people(results))
        return results

    def claims(self, report_path: str | None) -> None:
        """Numbers stated in the report's text, checked against each other (when a text is given)."""
        if not report_path:
            return
        from hdnd_data.text import check_claims, read_report

        self._heading("claims")
        link = document_link(report_path, self.lang)
        if link:
            _html(link)
        found = check_claims(read_report(report_path), lang=self.lang)
        labels = {"line": "line_no", "excerpt": "excerpt", "kind": "kind", "stated": "stated", "computed": "computed",
                  "tolerance": "tolerance", "status": "status", "note": "note"}
        shown = found[list(labels)].assign(status=found["status"].map(lambda s: term(s, self.lang)),
                                           kind=found["kind"].map(lambda k: term(f"kind_{k}", self.lang)))
        shown = shown.rename(columns={c: term(k, self.lang) for c, k in labels.items()})
        _html(shown.to_html(index=False, escape=True, border=0, classes="hdnd", na_rep="–"))
        record("claims", {s: int((found["status"] == s).sum()) for s in STATUSES})


def document_link(report_path: str, lang: str) -> str:
    """A link to the document's review page when ``hdnd review`` wrote one into the same output folder.

    The kernel runs in ``<out>/<unit>/<year>``, so the page would be at ``../../documents/<slug>/review.html``.
    """
    from pathlib import Path

    from hdnd_data.records import slug

    page = Path("..", "..", "documents", slug(report_path), "review.html")
    if not page.is_file():
        return ""
    return f"<p><a href='{html.escape(page.as_posix(), quote=True)}'>{html.escape(term('review_open_page', lang))}</a></p>"


def _counts_table(counts: Mapping[str, int], lang: str) -> report.ReportTable:
    display = pd.DataFrame([{term(s, lang): counts[s] for s in STATUSES}])
    return report.ReportTable(term("summary", lang), display, pd.DataFrame([counts]))


def _checks_table(flagged: pd.DataFrame, lang: str) -> report.ReportTable:
    rows = [
        {
            term("rule", lang): r.rule_id,
            term("status", lang): term(r.status, lang),
            term("message", lang): r.message,
            term("stated", lang): r.stated_text,
            term("computed", lang): r.computed_text,
            term("tolerance", lang): "–" if pd.isna(r.tolerance) else "±" + format_significant(r.tolerance),
            term("locator", lang): f"{r.source_id}, {r.locator}",
        }
        for r in flagged.itertuples(index=False)
    ]
    caption = "Các kiểm tra sai lệch hoặc cần xem xét" if lang == "vi" else "Failing or warning checks"
    empty = "Không có kiểm tra nào sai lệch." if lang == "vi" else "No check fails or warns."
    return report.ReportTable(caption, pd.DataFrame(rows), flagged, [], empty)
