"""What the audit notebook shows for one unit-year: one method per section, each a short call.

Headings and labels come from the glossary, so ``lang="en"`` changes the whole page.
"""

from __future__ import annotations

import dataclasses
import html

import pandas as pd

from hdnd_data.data.files import csv_for_people, write_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, unit_info
from hdnd_data.data.loader import load_all
from hdnd_data.data.numbers import format_percent
from hdnd_data.data.problems import DataValidationError
from hdnd_data.data.records import RECORD_MIME, STATUSES
from hdnd_data.labels import msg, term
from hdnd_data.report import check_sections as findings
from hdnd_data.report import plots
from hdnd_data.report import tables as report
from hdnd_data.report.words import claim_kind


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
    """Charts as PNG in the notebook; they use constrained layout, so the inline backend's second, 'tight' drawing
    pass is wasted time."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the kernel
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "kernel"):
        # The charts are Figure objects on an Agg canvas, never pyplot's: without %matplotlib inline no PNG formatter
        # is registered for them and a chart shows as "<Figure size 900x460 with 1 Axes>".
        shell.run_line_magic("matplotlib", "inline")
        shell.run_line_magic("config", "InlineBackend.print_figure_kwargs = {'bbox_inches': None}")


class YearAudit:
    """Everything the audit notebook shows for one unit-year; each method displays one section.

    The checks run once, at the start; each section ends with the checks of its figures (failing and warning
    ones open, passing ones folded). A section without figures in that year's sources is named once, in the header.
    """

    def __init__(self, unit: str = DEFAULT_UNIT, year: int = 2020, lang: str = "vi", data_dir: str | None = None):
        from hdnd_data.checks.engine import run_checks

        self.unit, self.year, self.lang, self.data_dir = unit, int(year), lang, data_dir
        try:
            self.frames = load_all(unit=unit, year=self.year, data_dir=data_dir, lang=lang)
        except DataValidationError as exc:  # the runner's index row and terminal line say why, in either language
            record("invalid", {code: [str(p.in_language(code)) for p in exc.problems] for code in ("vi", "en")})
            raise
        self.info = unit_info(unit, data_dir)
        self.results = findings.with_sections(
            run_checks(unit=unit, year=self.year, lang=lang, frames=self.frames, validated=True))
        self.shown: set[str] = set()
        self._section = ""
        _fast_inline_figures()

    def _has_data(self, section: str) -> bool:
        return any(not self.frames.get(t, pd.DataFrame()).empty for t in findings.SECTIONS[section])

    # headings come from the glossary so that lang=en changes them too
    def _heading(self, key: str, level: int = 2) -> None:
        _html(f"<h{level}>{html.escape(term(key, self.lang))}</h{level}>")

    def _open(self, section: str) -> bool:
        """Start a section: its heading, or nothing at all when the year's sources have no figures for it."""
        if not self._has_data(section):
            return False
        self._section = section
        self._heading(section)
        return True

    def _table(self, table: report.ReportTable) -> None:
        if table.display.empty:  # an empty table inside a section with figures adds nothing
            return
        if table.caption == term(self._section, self.lang):  # the heading just said it
            table = dataclasses.replace(table, caption="")
        _show(table)

    def _checks_of(self, section: str) -> None:
        self.shown.add(section)
        _html(findings.section_html(self.results[self.results["section"] == section], self.lang))

    def header(self) -> None:
        """Title, unit, year, the source documents and, once, the sections the sources have no figures for."""
        name = self.info["name_vi" if self.lang == "vi" else "name_en"]
        _html(f"<h1>{html.escape(term('audit_title', self.lang))}: {html.escape(name)} — {self.year}</h1>")
        _show(report.sources(self.frames, self.lang))
        absent = [term(s, self.lang) for s in findings.SECTIONS if not self._has_data(s)]
        if absent:
            said = msg("page.sections_absent", self.lang, year=self.year, sections="; ".join(absent))
            _html(f"<p class='hdnd-absent'><em>{html.escape(said)}</em></p>")
        record("unit", self.unit)
        record("year", self.year)
        record("rows", {name: int(len(f)) for name, f in self.frames.items()})
        record("sections_absent", [s for s in findings.SECTIONS if not self._has_data(s)])

    def sessions(self) -> None:
        if not self._open("sessions"):
            return
        table = report.sessions(self.frames, self.lang)
        self._table(table)
        self._table(report.personnel(self.frames, self.lang))
        self._checks_of("sessions")
        record("resolutions", int(table.data["resolutions"].fillna(0).sum()) if not table.data.empty else 0)

    def oversight(self) -> None:
        if not self._open("oversight"):
            return
        self._table(report.oversight(self.frames, self.lang))
        self._table(report.missions(self.frames, self.lang))
        self._checks_of("oversight")

    def voter_contact(self) -> None:
        if not self._open("voter_contact"):
            return
        table = report.voter_contact(self.frames, self.lang)
        self._table(table)
        _figure(plots.voter_contact_flow(self.frames, self.lang))
        self._table(report.settlement(self.frames, self.lang))
        self._checks_of("voter_contact")
        if not table.data.empty:
            record("voters_attending", {r: int(v) for r, v in zip(table.data.round_id, table.data.voters_attending)})

    def reception_and_petitions(self) -> None:
        if self._open("citizen_reception"):
            self._table(report.reception(self.frames, self.lang))
            self._checks_of("citizen_reception")
        if not self._open("petitions"):
            return
        self._table(report.petitions(self.frames, self.lang))
        rates = report.petition_rates(self.frames, self.lang)
        self._table(rates)
        _figure(plots.petitions(self.frames, self.lang))
        self._checks_of("petitions")
        if not rates.data.empty:
            rate = rates.data[rates.data.indicator == "settlement_rate"]
            if not rate.empty and pd.notna(rate.computed.iloc[0]):
                record("settlement_rate", format_percent(float(rate.computed.iloc[0]), 1))

    def budget(self) -> None:
        if not self._open("budget"):
            return
        self._table(report.budget_amounts(self.frames, self.lang))
        pct = report.budget_percentages(self.frames, self.lang)
        self._table(pct)
        _figure(plots.budget_execution(self.frames, self.lang))
        self._checks_of("budget")
        if not pct.data.empty:
            record("budget_percentages", len(pct.data))

    def economy(self) -> None:
        if not self._open("economy"):
            return
        self._table(report.targets(self.frames, self.lang))
        self._table(report.economy(self.frames, self.lang))
        _figure(plots.economy(self.frames, self.lang))
        self._checks_of("economy")

    def checks(self, checks_csv: str | None = None) -> pd.DataFrame:
        """Summary counts of pass/fail/warn, every failing or warning check, and the checks no section showed;
        optionally save all as CSV."""
        results = self.results
        self._heading("checks")
        counts = {s: int((results["status"] == s).sum()) for s in STATUSES}
        _show(findings.counts_table(results, self.lang))
        # a finding a reviewer has decided is folded in the review section below (findings/page.py), not listed twice
        decided = self.frames["reviews"]["fingerprint"] if "reviews" in self.frames else pd.Series([], dtype=object)
        flagged = results[(results["status"] != "pass") & ~results["fingerprint"].isin(decided)]
        _show(findings.checks_table(flagged, self.lang, term("page.flagged_checks", self.lang), term("page.no_flagged", self.lang)))
        rest = results[~results["section"].isin(self.shown)]
        if not rest.empty:
            self._heading("page.other_checks", 3)
            _html(findings.section_html(rest, self.lang))
        record("checks", counts)
        record("flagged", flagged["rule_id"].tolist())
        if checks_csv:
            write_atomic(checks_csv, csv_for_people(results.drop(columns="section")))
        return results.drop(columns="section")

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
                                           kind=found["kind"].map(lambda k: claim_kind(k, self.lang)))
        shown = shown.rename(columns={c: term(k, self.lang) for c, k in labels.items()})
        _html(shown.to_html(index=False, escape=True, border=0, classes="hdnd", na_rep="–"))
        record("claims", {s: int((found["status"] == s).sum()) for s in STATUSES})


def document_link(report_path: str, lang: str) -> str:
    """A link to the document's review page when ``hdnd review`` wrote one into the same output folder.

    The kernel runs in ``<out>/<unit>/<year>``, so the page would be at ``../../documents/<folder>/review.html``
    (:func:`hdnd_data.data.records.document_folder`).
    """
    from pathlib import Path

    from hdnd_data.data.records import document_folder

    page = Path("..", "..", "documents", document_folder(report_path, Path("..", "..")), "review.html")
    if not page.is_file():
        return ""
    return f"<p><a href='{html.escape(page.as_posix(), quote=True)}'>{html.escape(term('review_open_page', lang))}</a></p>"
