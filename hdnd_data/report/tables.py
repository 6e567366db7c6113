"""Tables of the audit report, rebuilt from the validated data for one unit-year.

Each builder returns a :class:`ReportTable`: display strings in Vietnamese number format, the raw numbers
behind them (for tests and charts), a caption and the source sections it cites. Text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from hdnd_data.checks.budget import implied_bases
from hdnd_data.data.dictionary import column_label
from hdnd_data.data.numbers import decimals_of, format_number, format_percent, printed_interval
from hdnd_data.labels import msg, phrases, term
from hdnd_data.report.words import locators, round_name

Frames = Mapping[str, pd.DataFrame]
# Text reads best left-aligned and from the top of its cell; nbconvert's template right-aligns by default.
_STYLE = ("<style>table.hdnd td, table.hdnd th, .jp-RenderedHTMLCommon table.hdnd td, "
          ".jp-RenderedHTMLCommon table.hdnd th {text-align: left; vertical-align: top;}</style>")


@dataclass
class ReportTable:
    """A table ready to show: formatted cells, the numbers behind them, caption and sources."""

    caption: str
    display: pd.DataFrame
    data: pd.DataFrame
    sources: list[str] = field(default_factory=list)
    empty_text: str = ""

    def to_html(self) -> str:
        parts = [_STYLE, "<div class='hdnd-table'>"]
        if self.caption:
            parts.append(f"<p class='hdnd-caption'><strong>{html.escape(self.caption)}</strong></p>")
        if self.display.empty:
            parts.append(f"<p><em>{html.escape(self.empty_text)}</em></p>")
        else:
            parts.append(self.display.to_html(index=False, escape=True, border=0, classes="hdnd", na_rep="–", justify="left"))
        if self.sources:
            parts.append(f"<p class='hdnd-source'><small>{html.escape('; '.join(self.sources))}</small></p>")
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.display.to_string(index=False)}"


def _cite(frame: pd.DataFrame, lang: str) -> list[str]:
    if frame.empty:
        return []
    label = term("source_cited", lang)
    return [f"{label}: {source_id}, {locators(group['locator'], lang)}" for source_id, group in frame.groupby("source_id", sort=False)]


def _count(value: object, lang: str) -> str:
    return format_number(value, 0, lang)


def _printed(raw: str, value: float, lang: str) -> str:
    """A figure as the report printed it; on an English page the same digits the English way (``93,2`` -> ``93.2``)."""
    if lang == "vi" or value is None or pd.isna(value) or not any(ch.isdigit() for ch in str(raw)):
        return raw
    return format_number(value, decimals_of(raw), lang)


def _label(value: object, lang: str) -> str:
    return "–" if value is None or pd.isna(value) else term(str(value), lang)


def _date(value: object) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%d/%m/%Y")


def _span(start: object, end: object) -> str:
    if pd.isna(start) and pd.isna(end):
        return "–"
    if pd.isna(end) or start == end:
        return _date(start)
    return f"{_date(start)} – {_date(end)}"


def _table(frames: Frames, name: str) -> pd.DataFrame:
    frame = frames.get(name)
    return frame if frame is not None else pd.DataFrame()


def _build(caption_key: str, frames: Frames, lang: str, source: pd.DataFrame, rows: list[dict], data: pd.DataFrame) -> ReportTable:
    return ReportTable(
        caption=term(caption_key, lang),
        display=pd.DataFrame(rows),
        data=data.reset_index(drop=True),
        sources=_cite(source, lang),
        empty_text=term("no_data", lang),
    )


# ------------------------------------------------------------------------------------------ sections
def sessions(frames: Frames, lang: str = "vi") -> ReportTable:
    """Sessions: kind, format, dates, length and what they adopted and discussed."""
    s = _table(frames, "sessions").sort_values(["year", "session_no"]) if not _table(frames, "sessions").empty else _table(frames, "sessions")
    cols = ["resolutions", "questioning_slips", "officials_questioned", "delegates_speaking", "contents_raised",
            "clarified_in_groups", "clarified_in_hall", "confidence_vote_positions"]
    rows = []
    for r in s.itertuples(index=False):
        row = {
            term("session", lang): f"{r.session_no} ({r.term})",
            column_label("sessions", "kind", lang): f"{_label(r.kind, lang)}, {_label(r.timing, lang)}",
            column_label("sessions", "format", lang): _label(r.format, lang),
            column_label("sessions", "start_date", lang): _span(r.start_date, r.end_date),
            column_label("sessions", "days", lang): r.days_raw,
        }
        row.update({column_label("sessions", c, lang): _count(getattr(r, c), lang) for c in cols})
        rows.append(row)
    return _build("sessions", frames, lang, s, rows, s)


def personnel(frames: Frames, lang: str = "vi") -> ReportTable:
    """Dismissals and elections by role."""
    p = _table(frames, "personnel_changes")
    rows = [
        {
            term("session", lang): f"{r.session_no} ({r.term})",
            column_label("personnel_changes", "action", lang): _label(r.action, lang),
            column_label("personnel_changes", "role", lang): _label(r.role, lang),
            column_label("personnel_changes", "count", lang): _count(r.count, lang),
        }
        for r in p.itertuples(index=False)
    ]
    return _build("personnel_changes", frames, lang, p, rows, p)


def oversight(frames: Frames, lang: str = "vi") -> ReportTable:
    """Meetings, oversight missions and inspections as counted, with the number listed in the text."""
    a = _table(frames, "activity_counts")
    m = _table(frames, "oversight_missions")
    listed = pd.Series(dtype="Int64")
    if not m.empty:
        bodies = m["body"].replace({"legal_committee": "committees", "economic_social_committee": "committees"})
        listed = m.assign(body=bodies).groupby(["body", "activity"]).size()
    rows = []
    for r in a.itertuples(index=False):
        rows.append({
            column_label("activity_counts", "body", lang): _label(r.body, lang),
            column_label("activity_counts", "activity", lang): _label(r.activity, lang),
            column_label("activity_counts", "count", lang): _count(r.count, lang),
            column_label("activity_counts", "planned", lang): _count(r.planned, lang),
            column_label("activity_counts", "units_covered", lang): _count(r.units_covered, lang),
            term("page.listed_in_text", lang): _count(listed.get((r.body, r.activity), pd.NA), lang),
        })
    return _build("oversight", frames, lang, a, rows, a)


def missions(frames: Frames, lang: str = "vi") -> ReportTable:
    """Each listed mission, inspection or questioning topic."""
    m = _table(frames, "oversight_missions")

    def quoted(column: str) -> str:  # the source's own words, not translated: an English page says so
        label = column_label("oversight_missions", column, lang)
        return label if lang == "vi" else msg("page.topic_as_in_source", lang, label=label)

    rows = [
        {
            column_label("oversight_missions", "body", lang): _label(r.body, lang),
            column_label("oversight_missions", "activity", lang): _label(r.activity, lang),
            quoted("topic"): r.topic,
            quoted("units"): "–" if pd.isna(r.units) else r.units,
            column_label("oversight_missions", "units_count", lang): _count(r.units_count, lang),
        }
        for r in m.itertuples(index=False)
    ]
    table = _build("oversight", frames, lang, m, rows, m)
    table.caption = ("Danh sách các cuộc giám sát, kiểm tra, nội dung chất vấn" if lang == "vi"
                     else "Listed missions, inspections and questioning topics")
    return table


VOTER_FLOW = ["voters_attending", "voters_speaking", "contents_raised", "consolidated", "to_province", "to_city"]


def voter_contact(frames: Frames, lang: str = "vi") -> ReportTable:
    """Each voter-contact round from voters attending to recommendations forwarded."""
    v = _table(frames, "voter_contact")
    rows = []
    for r in v.itertuples(index=False):
        row = {
            term("round", lang): f"{_label(r.timing, lang)} {r.session_no}",
            column_label("voter_contact", "start_date", lang): _span(r.start_date, r.end_date),
            column_label("voter_contact", "points_held", lang): f"{_count(r.points_held, lang)}/{_count(r.points_planned, lang)}",
        }
        row.update({column_label("voter_contact", c, lang): _count(getattr(r, c), lang) for c in VOTER_FLOW[:3]})
        row[column_label("voter_contact", "clarified_on_spot", lang)] = _count(r.clarified_on_spot, lang)
        row.update({column_label("voter_contact", c, lang): _count(getattr(r, c), lang) for c in VOTER_FLOW[3:]})
        rows.append(row)
    return _build("voter_contact", frames, lang, v, rows, v)


def settlement(frames: Frames, lang: str = "vi") -> ReportTable:
    """How the People's Committee settled the recommendations sent to it."""
    r_ = _table(frames, "recommendation_settlement")
    cols = ["addressed", "settled", "in_progress", "scheduled"]
    rows = []
    for r in r_.itertuples(index=False):
        row = {
            column_label("recommendation_settlement", "rounds", lang): round_name(r.rounds, lang),
            column_label("recommendation_settlement", "reported_in", lang): r.reported_in,
        }
        row.update({column_label("recommendation_settlement", c, lang): _count(getattr(r, c), lang) for c in cols})
        rows.append(row)
    return _build("recommendation_settlement", frames, lang, r_, rows, r_)


def reception(frames: Frames, lang: str = "vi") -> ReportTable:
    """Citizen reception by body."""
    c = _table(frames, "citizen_reception")
    cols = ["visits", "contents", "answered_directly", "forwarded"]
    rows = []
    for r in c.itertuples(index=False):
        row = {
            column_label("citizen_reception", "body", lang): _label(r.body, lang),
            column_label("citizen_reception", "sessions_held", lang): (
                "–" if pd.isna(r.sessions_held) else f"{_count(r.sessions_held, lang)}/{_count(r.sessions_planned, lang)}"),
            column_label("citizen_reception", "dates", lang): "–" if pd.isna(r.dates) else ", ".join(
                _date(d) for d in r.dates.split(";")),
        }
        row.update({column_label("citizen_reception", k, lang): _count(getattr(r, k), lang) for k in cols})
        rows.append(row)
    return _build("citizen_reception", frames, lang, c, rows, c)


def petitions(frames: Frames, lang: str = "vi") -> ReportTable:
    """Petitions by recipient and type (rows) and status (columns), as stated."""
    p = _table(frames, "petitions")
    if p.empty:
        return _build("petitions", frames, lang, p, [], p)
    wide = p.pivot_table(index=["recipient", "petition_type"], columns="status", values="count", aggfunc="sum", sort=False)
    rows = []
    for (recipient, ptype), r in wide.iterrows():
        row = {
            column_label("petitions", "recipient", lang): _label(recipient, lang),
            column_label("petitions", "petition_type", lang): _label(ptype, lang),
        }
        row.update({term(status, lang): _count(r[status], lang) for status in wide.columns})
        rows.append(row)
    return _build("petitions", frames, lang, p, rows, wide.reset_index())


def petition_rates(frames: Frames, lang: str = "vi") -> ReportTable:
    """Settlement rate recomputed from the counts, beside the stated rate, last year's and the plan."""
    p = _table(frames, "petitions")
    ind = _table(frames, "petition_indicators")
    if ind.empty:
        return _build("petitions", frames, lang, ind, [], ind)
    rows, data = [], []
    for recipient, group in ind.groupby("recipient", sort=False):
        counts = p[(p.recipient == recipient) & (p.petition_type == "all")].set_index("status")["count"] if not p.empty else {}
        stated = group.set_index("indicator")
        settled, received = counts.get("settled", pd.NA), counts.get("received", pd.NA)
        computed = float(settled) / float(received) * 100 if not (pd.isna(settled) or pd.isna(received)) else float("nan")
        for indicator, r in stated.iterrows():
            shown = _printed(r.value_raw, abs(r.value), lang) + ("%" if r.printed_unit == "percent" else "")
            sign = "" if r.value >= 0 or indicator.endswith("rate") else "−"
            recomputed = "–"
            if indicator == "settlement_rate" and computed == computed:
                recomputed = f"{_count(settled, lang)}/{_count(received, lang)} = {format_percent(computed, 2, lang=lang)}"
            elif indicator == "settlement_rate_change" and "settlement_rate_previous_year" in stated.index:
                prev = stated.loc["settlement_rate_previous_year", "value"]
                recomputed = f"{format_number(stated.loc['settlement_rate', 'value'] - prev, 1, lang=lang)} điểm %" if lang == "vi" else \
                    f"{format_number(stated.loc['settlement_rate', 'value'] - prev, 1, lang=lang)} pp"
            elif indicator == "settlement_rate_vs_plan" and "settlement_rate" in stated.index:
                plan = stated.loc["settlement_rate", "value"] - r.value
                recomputed = ("kế hoạch suy ra ≈ " if lang == "vi" else "implied plan ≈ ") + format_percent(plan, 1, lang=lang)
            elif indicator == "received_change" and "received_previous_year" in stated.index and not pd.isna(received):
                recomputed = f"{_count(received, lang)} − {_count(stated.loc['received_previous_year', 'value'], lang)} = " \
                             f"{_count(float(received) - stated.loc['received_previous_year', 'value'], lang)}"
            rows.append({
                column_label("petition_indicators", "recipient", lang): _label(recipient, lang),
                column_label("petition_indicators", "indicator", lang): _label(indicator, lang),
                term("stated", lang): sign + shown,
                term("computed", lang): recomputed,
            })
            data.append({"recipient": recipient, "indicator": indicator, "stated": r.value,
                         "computed": computed if indicator == "settlement_rate" else float("nan")})
    table = _build("petitions", frames, lang, ind, rows, pd.DataFrame(data))
    table.caption = "Tỷ lệ giải quyết đơn thư" if lang == "vi" else "Petition settlement rate"
    return table


def budget_amounts(frames: Frames, lang: str = "vi") -> ReportTable:
    """Budget amounts in million VND, as printed."""
    b = _table(frames, "budget_execution")
    rows = [
        {
            term("direction", lang): _label(r.direction, lang),
            term("line", lang): _label(r.line, lang),
            term("measure", lang): f"{_label(r.measure, lang)} ({r.months} {'tháng' if lang == 'vi' else 'months'})",
            f"{term('amount', lang)} ({term('million_vnd', lang)})": _count(r.amount_mvnd, lang),
        }
        for r in b.itertuples(index=False)
    ]
    return _build("budget", frames, lang, b, rows, b)


def _basis_name(r, lang: str, quoted: bool = True) -> str:
    """The base a percentage names: the report's words; on an English page, English (with the words quoted)."""
    if lang == "vi":
        return r.basis_text
    name = f"{phrases('BASIS', 'en')[r.basis]}{phrases('QUALIFIER', 'en')[r.qualifier]}"
    return f"{name} («{r.basis_text}»)" if quoted else name


def budget_percentages(frames: Frames, lang: str = "vi") -> ReportTable:
    """Every budget percentage as printed, and as recomputed against the base the statement names.

    The estimates themselves are not printed; a percentage of the other measure (actual vs year estimate)
    of the same named base implies it, so each percentage is recomputed from that. Where the report names
    the base differently for the two measures ("giao đầu năm" / "giao"), the pairing is an assumption and
    says so; a recomputed percentage whose base interval does not meet the statement's is marked.
    """
    m = implied_bases(frames)
    if m.empty:
        return _build("budget", frames, lang, m, [], m)
    estimates = m[m.basis != "same_period_last_year"]
    rows, data = [], []
    for r in m.itertuples(index=False):
        others = estimates[(estimates.direction == r.direction) & (estimates.line == r.line)
                           & (estimates.basis == r.basis) & (estimates.measure != r.measure)]
        named = others[others.qualifier == r.qualifier]  # the very base this statement names, if stated again
        other = None if r.basis == "same_period_last_year" or others.empty else (named if len(named) else others).iloc[0]
        decimals = decimals_of(r.percent_raw)
        low, high = printed_interval(r.percent, decimals)
        printed = _printed(r.percent_raw, r.percent, lang) + "%"
        recomputed, agrees, assumed = float("nan"), None, False
        if other is None:
            verdict = term("page.base_unpaired", lang) if r.basis != "same_period_last_year" else "–"
        else:
            recomputed = r.amount_mvnd / other.base_mid * 100
            agrees = bool(r.base_lo <= other.base_hi and other.base_lo <= r.base_hi)  # as the rule compares them
            shown = format_percent(recomputed, decimals + 1, lang=lang)
            verdict = "✓ " + term("page.base_agrees", lang) if agrees else "✗ " + msg("page.base_disagrees", lang, computed=shown, printed=printed)
            assumed = other.qualifier != r.qualifier
            if assumed:
                verdict += " (" + msg("page.base_assumed", lang, a=_basis_name(r, lang, False), b=_basis_name(other, lang, False)) + ")"
        rows.append({
            term("direction", lang): _label(r.direction, lang),
            term("line", lang): _label(r.line, lang),
            term("measure", lang): _label(r.measure, lang),
            term("basis", lang): _basis_name(r, lang),
            term("percent_as_printed", lang): printed,
            f"{term('implied_base', lang)} ({term('million_vnd', lang)})": f"{_count(r.base_lo, lang)} – {_count(r.base_hi, lang)}",
            term("percent_recomputed", lang): "–" if other is None else format_percent(recomputed, decimals + 1, lang=lang),
            term("page.base_check", lang): verdict,
        })
        data.append({"direction": r.direction, "line": r.line, "measure": r.measure, "basis": r.basis,
                     "qualifier": r.qualifier, "percent": r.percent, "low": low, "high": high,
                     "base_mid": r.base_mid, "recomputed": recomputed, "agrees": agrees, "assumed": assumed})
    table = _build("budget", frames, lang, m, rows, pd.DataFrame(data))
    table.caption = ("Các tỷ lệ thu, chi ngân sách: như báo cáo và tính lại" if lang == "vi"
                     else "Budget percentages: as printed and recomputed")
    return table


def targets(frames: Frames, lang: str = "vi") -> ReportTable:
    """Resolution targets met / not met and task groups by rating, as x/total."""
    t, g, d = (_table(frames, n) for n in ("resolution_targets", "task_groups", "target_details"))
    rows = []
    for r in t.itertuples(index=False):
        rows.append({term("measure", lang): ("Chỉ tiêu nghị quyết" if lang == "vi" else "Resolution targets"),
                     term("status", lang): _label(r.status, lang), term("count", lang): f"{r.count}/{r.total}"})
    for r in g.itertuples(index=False):
        rows.append({term("measure", lang): ("Nhóm nhiệm vụ trọng tâm" if lang == "vi" else "Key task groups"),
                     term("status", lang): _label(r.rating, lang), term("count", lang): f"{r.count}/{r.total}"})
    for r in d.itertuples(index=False):
        target = r.target if lang == "vi" else f"«{r.target}»"  # the source's own words: quoted on an English page
        rows.append({term("measure", lang): target, term("status", lang): _label(r.status, lang), term("count", lang): ""})
    source = pd.concat([x for x in (t, g, d) if not x.empty]) if any(not x.empty for x in (t, g, d)) else t
    return _build("targets", frames, lang, source, rows, source)


def economy(frames: Frames, lang: str = "vi") -> ReportTable:
    """Growth by sector, economic structure and exports, as printed."""
    e = _table(frames, "economy")
    rows = [
        {
            column_label("economy", "indicator", lang): _label(r.indicator, lang),
            column_label("economy", "sector", lang): _label(r.sector, lang),
            column_label("economy", "value", lang): (_printed(r.value_raw, r.value, lang) + "%") if r.value_unit == "percent"
            else f"{_printed(r.value_raw, r.value, lang)} {term(r.value_unit, lang)}",
        }
        for r in e.itertuples(index=False)
    ]
    return _build("economy", frames, lang, e, rows, e)


def sources(frames: Frames, lang: str = "vi") -> ReportTable:
    """The documents the figures come from."""
    s = _table(frames, "sources")
    rows = [
        {
            column_label("sources", "source_id", lang): r.source_id,
            column_label("sources", "title", lang): r.title,
            column_label("sources", "issuer", lang): r.issuer,
            column_label("sources", "period_start", lang): _span(r.period_start, r.period_end),
            column_label("sources", "file", lang): r.file,
        }
        for r in s.itertuples(index=False)
    ]
    table = ReportTable(term("sources", lang), pd.DataFrame(rows), s.reset_index(drop=True), [], term("no_data", lang))
    return table
