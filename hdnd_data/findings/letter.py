"""A letter of comments to a report's issuer: the open findings of a unit-year, as a Vietnamese .docx.

Open findings are those failing or warning that no reviewer decided ``explained`` or ``ignore``; each is cited by
its source and section, with the figures as printed, what they give when recomputed, the likely misprint when one
single correction explains it, and the reviewer's note when there is one. Built with python-docx.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pandas as pd

from hdnd_data.checks.engine import run_checks
from hdnd_data.data.files import write_atomic
from hdnd_data.data.loader import load_all
from hdnd_data.data.numbers import format_number
from hdnd_data.findings.misprint import likely_misprints
from hdnd_data.findings.reviews import SETTLED, attach_reviews, decision_label
from hdnd_data.labels import msg, term

__all__ = ["letter_findings", "write_letter"]


def letter_findings(unit: str, year: int, data_dir: str | os.PathLike | None = None, lang: str = "vi"
                    ) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, pd.DataFrame]]:
    """The open findings of ``unit`` and ``year`` (with decisions), their rank-1 likely misprints, and the frames."""
    frames = load_all(unit=unit, year=year, data_dir=data_dir, lang=lang)
    results = attach_reviews(run_checks(frames=frames, validated=True, lang=lang), frames["reviews"])
    open_ = results[(results["status"] != "pass") & ~results["decision"].isin(SETTLED)]
    open_ = open_.sort_values(["source_id", "locator", "rule_id"], kind="stable").reset_index(drop=True)
    return open_, likely_misprints(results, frames, lang=lang, best_only=True), frames


def _date_words(day: dt.date, lang: str) -> str:
    return msg("letter.date", lang, d=day.day, m=day.month, y=day.year)


def write_letter(unit: str, year: int, output: str | os.PathLike | None = None, *, data_dir: str | os.PathLike | None = None,
                 lang: str = "vi", on: dt.date | None = None, sender: str | None = None) -> Path:
    """Write the letter of comments on ``unit``'s ``year`` report to ``output`` (default ``gop-y-<unit>-<year>.docx``),
    atomically. Raises :class:`~hdnd_data.data.loader.NoDataError` or ``DataValidationError`` like the loader."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    found, hypotheses, frames = letter_findings(unit, year, data_dir, lang)
    said = dict(zip(hypotheses["fingerprint"], hypotheses["sentence"])) if len(hypotheses) else {}
    sources = frames["sources"].set_index("source_id")
    day = on or dt.date.today()
    doc = Document()
    top = doc.add_paragraph(_date_words(day, lang))
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = doc.add_heading(term("letter.title", lang), level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cited = list(dict.fromkeys(found["source_id"])) or list(sources.index)
    issuers = list(dict.fromkeys(str(sources.at[s, "issuer"]) for s in cited if s in sources.index))
    doc.add_paragraph(msg("letter.to", lang, issuer="; ".join(issuers) or "–"))
    for s in cited:
        if s in sources.index:
            row = sources.loc[s]
            extra = "".join([msg("letter.number", lang, number=row["number"]) if pd.notna(row["number"]) and row["number"] else "",
                             msg("letter.issued", lang, date=row["issued"].strftime("%d/%m/%Y")) if pd.notna(row["issued"]) else ""])
            doc.add_paragraph(msg("letter.about", lang, title=row["title"], extra=extra))
    if found.empty:
        doc.add_paragraph(msg("letter.none", lang, year=year))
    else:
        doc.add_paragraph(msg("letter.intro", lang, n=len(found), year=year))
        for i, r in enumerate(found.itertuples(index=False), start=1):
            p = doc.add_paragraph()
            p.add_run(msg("letter.item_head", lang, i=i, locator=r.locator, status=term(r.status, lang))).bold = True
            p.add_run(" " + r.message)
            figures = doc.add_paragraph(msg("letter.figures", lang, stated=r.stated_text or "–", computed=r.computed_text or "–"))
            figures.paragraph_format.left_indent = _indent()
            if r.assumption:
                doc.add_paragraph(msg("letter.assumption", lang, text=r.assumption)).paragraph_format.left_indent = _indent()
            if r.fingerprint in said:
                doc.add_paragraph(said[r.fingerprint][:1].upper() + said[r.fingerprint][1:] + ".").paragraph_format.left_indent = _indent()
            if r.decision:
                note = msg("letter.reviewer_note", lang, decision=decision_label(r.decision, lang), note=r.note)
                doc.add_paragraph(note).paragraph_format.left_indent = _indent()
            doc.add_paragraph(msg("letter.reference", lang, rule=r.rule_id, fingerprint=r.fingerprint)).paragraph_format.left_indent = _indent()
        doc.add_paragraph(msg("letter.request", lang))
    doc.add_paragraph(msg("letter.closing", lang, n=format_number(len(found))))
    sign = doc.add_paragraph(sender or term("letter.sender", lang))
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    target = Path(output) if output else Path(f"gop-y-{unit}-{int(year)}.docx")
    return write_atomic(target, buffer.getvalue())


def _indent():
    from docx.shared import Cm

    return Cm(0.75)
