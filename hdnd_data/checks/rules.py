"""The catalogue of consistency rules: every relation between figures that the reports allow, as data.

Each :class:`~hdnd_data.checks.engine.Rule` names the tables and fields it reads; its evaluator works on whole frames
(merges, group-bys, pivots), so one pass checks any number of units and years.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from hdnd_data.checks.engine import (
    Rule,
    cat,
    choose,
    column_sum,
    column_within,
    dates_in_order,
    dates_within_source_period,
    finding,
    fmt,
    fmt_pct,
    half_unit,
    instance_of,
    intervals_overlap,
    join_locators,
    label,
    no_findings,
    printed_decimals,
    rate_admitted,
    shared,
)
from hdnd_data.labels import (
    ACTIVITY_EN,
    ACTIVITY_VI,
    BASIS_EN,
    BODY_EN,
    BODY_VI,
    DIRECTION_EN,
    DIRECTION_VI,
    LINE_EN,
    LINE_VI,
    MEASURE_EN,
    MEASURE_VI,
    PETITION_TYPE_EN,
    PETITION_TYPE_VI,
    QUALIFIER_EN,
    RECIPIENT_EN,
    RECIPIENT_VI,
    STATUS_EN,
    STATUS_VI,
)

__all__ = ["RULES", "implied_bases", "rule"]

Frames = Mapping[str, pd.DataFrame]

# The committees whose missions make up the count stated for 'committees' (the council's two boards).
BODY_MEMBERS = [("committees", "legal_committee"), ("committees", "economic_social_committee")]
OUTCOME_STATUSES = [
    "settled",
    "in_progress",
    "forwarded_to_procuracy",
    "forwarded_to_people_committee",
    "forwarded_to_ward_people_committees",
]


def capitalised(text: pd.Series) -> pd.Series:
    """Upper-case the first letter (an English label that starts a message)."""
    return cat(text.str[:1].str.upper(), text.str[1:])


def _session_name(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    number = frame["session_no"].astype("int64").astype(str)
    term = frame["term"].astype(object).astype(str)
    return cat("Kỳ họp thứ ", number, " (khóa ", term, ")"), cat("Session ", number, " (term ", term, ")")


_round = instance_of("Đợt TXCT ", "Voter-contact round ", "round_id")
_reception = instance_of("Tiếp công dân của ", "Citizen reception by ", "body", BODY_VI, BODY_EN)
_activity = instance_of("", "", "body", BODY_VI, BODY_EN)


# ----------------------------------------------------------------------------------------------- sessions
def _session_days(frames: Frames) -> pd.DataFrame:
    s = frames["sessions"]
    s = s[s["start_date"].notna() & s["end_date"].notna() & (s["end_date"] >= s["start_date"])]
    if s.empty:
        return no_findings()
    span = (s["end_date"] - s["start_date"]).dt.days + 1
    # a half-day session spans one calendar day; n days span n calendar days
    ok = (s["days"] > span - 1) & (s["days"] <= span)
    vi, en = _session_name(s)
    text = cat(fmt(s["days"], 1), " ngày (in: ", s["days_raw"].astype(object), ")")
    computed = cat(fmt(span), " ngày lịch")
    return finding(
        s,
        ok=ok,
        stated=s["days"],
        computed=span,
        stated_text=text,
        computed_text=computed,
        message_vi=lambda: cat(
            vi, ": thời gian ", text, choose([ok], [" phù hợp với "], " không phù hợp với ", s.index), computed, " theo ngày họp."
        ),
        message_en=lambda: cat(
            en,
            ": length ",
            fmt(s["days"], 1),
            " days",
            choose([ok], [" fits "], " does not fit ", s.index),
            fmt(span),
            " calendar days between its dates.",
        ),
    )


def _questioning_totals(session_column: str, activity: str, year_column: str, how: str, vi_what: str, en_what: str):
    """Per-session figures against the year's total stated for the council (a subset never exceeds its whole)."""

    def evaluate(frames: Frames) -> pd.DataFrame:
        s = frames["sessions"]
        per = s.groupby(["unit", "year"], as_index=False).agg(part=(session_column, how), n=(session_column, "count"))
        per = per[per["n"] > 0]
        ac = frames["activity_counts"]
        ac = ac[(ac["body"] == "council") & (ac["activity"] == activity) & ac[year_column].notna()]
        m = ac.merge(per, on=["unit", "year"])
        if m.empty:
            return no_findings()
        part, whole = m["part"].astype("int64"), m[year_column].astype("int64")
        ok = part <= whole
        word_vi = "tổng" if how == "sum" else "cao nhất"
        word_en = "total" if how == "sum" else "largest"
        return finding(
            m,
            ok=ok,
            stated=whole,
            computed=part,
            tolerance=0.0,
            stated_text=fmt(whole),
            computed_text=cat(fmt(part), f" ({word_vi} các kỳ họp)"),
            message_vi=lambda: cat(
                f"{vi_what}: {word_vi} theo từng kỳ họp ",
                fmt(part),
                choose([ok], [" không vượt "], " vượt ", m.index),
                "con số cả năm ",
                fmt(whole),
                ".",
            ),
            message_en=lambda: cat(
                f"{en_what}: {word_en} over the sessions ",
                fmt(part),
                choose([ok], [" does not exceed "], " exceeds ", m.index),
                "the year's figure ",
                fmt(whole),
                ".",
            ),
        )

    return evaluate


def _session_reference(table: str, what_vi: str, what_en: str):
    """Rows attached to a session name a session that the same unit-year's sessions table holds."""

    def evaluate(frames: Frames) -> pd.DataFrame:
        t = frames[table]
        t = t[t["session_no"].notna()]
        if t.empty:
            return no_findings()
        refs = t.groupby(["unit", "year", "session_no"], as_index=False).agg(
            rows=("session_no", "size"), source_id=("source_id", "first"), locator=("locator", "first")
        )
        held = frames["sessions"][["unit", "year", "session_no"]].assign(held=True)
        refs["session_no"] = refs["session_no"].astype("int64")
        held = held.assign(session_no=held["session_no"].astype("int64"))
        m = refs.merge(held, on=["unit", "year", "session_no"], how="left")
        ok = m["held"].fillna(False).astype(bool)
        number = fmt(m["session_no"])
        return finding(
            m,
            ok=ok,
            stated=m["session_no"],
            computed=np.nan,
            stated_text=cat("kỳ họp thứ ", number),
            computed_text=choose([ok], ["có trong bảng kỳ họp"], "không có trong bảng kỳ họp", m.index),
            message_vi=lambda: cat(
                fmt(m["rows"]),
                f" {what_vi} gắn với kỳ họp thứ ",
                number,
                choose(
                    [ok],
                    [", kỳ họp có trong danh sách kỳ họp của năm."],
                    ", nhưng kỳ họp này không có trong danh sách kỳ họp của năm.",
                    m.index,
                ),
            ),
            message_en=lambda: cat(
                fmt(m["rows"]),
                f" {what_en} attached to session ",
                number,
                choose([ok], [", which is among the year's sessions."], ", which is not among the year's sessions.", m.index),
            ),
        )

    return evaluate


# ------------------------------------------------------------------------------------ activity vs missions
@shared
def _listed_activities(frames: Frames) -> pd.DataFrame:
    """Stated activity counts joined with what the source lists for the same body (or its members)."""
    ac = frames["activity_counts"]
    ms = frames["oversight_missions"]
    if ac.empty or ms.empty:
        return pd.DataFrame()
    members = pd.DataFrame(BODY_MEMBERS, columns=["body", "member"])
    members = pd.concat([members, pd.DataFrame({"body": ac["body"].unique(), "member": ac["body"].unique()})]).drop_duplicates()
    listed = (
        ms.assign(missing_units=ms["units_count"].isna())
        .groupby(["unit", "year", "body", "activity"], as_index=False)
        .agg(
            listed=("item_no", "size"),
            listed_units=("units_count", "sum"),
            missing_units=("missing_units", "sum"),
            list_locator=("locator", "first"),
        )
    )
    listed = listed.rename(columns={"body": "member"})
    m = ac.merge(members, on="body").merge(listed, on=["unit", "year", "member", "activity"])
    if m.empty:
        return pd.DataFrame()
    return m.groupby(["unit", "year", "body", "activity"], as_index=False).agg(
        count=("count", "first"),
        units_covered=("units_covered", "first"),
        enumerated_in_full=("enumerated_in_full", "first"),
        source_id=("source_id", "first"),
        locator=("locator", "first"),
        list_locator=("list_locator", "first"),
        listed=("listed", "sum"),
        listed_units=("listed_units", "sum"),
        missing_units=("missing_units", "sum"),
    )


def _listed_vs_stated(stated_col: str, listed_col: str, what_vi: str, what_en: str, check_countable: bool):
    def evaluate(frames: Frames) -> pd.DataFrame:
        m = _listed_activities(frames)
        if m.empty:
            return no_findings()
        m = m[m[stated_col].notna()]
        if m.empty:
            return no_findings()
        stated = m[stated_col].astype("int64")
        listed = m[listed_col].astype("int64")
        full = m["enumerated_in_full"].astype(bool)
        uncountable = (m["missing_units"] > 0) if check_countable else pd.Series(False, index=m.index)
        ok = pd.Series(pd.array(listed == stated, dtype="boolean"), index=m.index)
        ok[uncountable] = pd.NA
        partial = ~full & (listed < stated) & ~uncountable
        name_vi = cat(label(m["body"], BODY_VI), " – ", label(m["activity"], ACTIVITY_VI))
        name_en = capitalised(cat(label(m["body"], BODY_EN), " – ", label(m["activity"], ACTIVITY_EN)))
        listed_text = choose([uncountable], [cat(fmt(listed), " (có mục không đếm được)")], fmt(listed), m.index)
        listed_en = choose([uncountable], [cat(fmt(listed), " (some items not countable)")], fmt(listed), m.index)
        verdict_vi = choose(
            [ok.fillna(False), uncountable, partial, full],
            [
                " — khớp.",
                " — danh sách có mục không nêu số đơn vị, không so được.",
                " — danh sách ít hơn, có thể chỉ liệt kê một phần (phụ lục không kèm theo).",
                " — nguồn nói liệt kê cụ thể nên danh sách phải đủ: không khớp.",
            ],
            " — danh sách nhiều hơn số nêu: không khớp.",
            m.index,
        )
        verdict_en = choose(
            [ok.fillna(False), uncountable, partial, full],
            [
                " — consistent.",
                " — some listed items do not state how many units, so the total cannot be compared.",
                " — the list is shorter; it may be partial (the annex is not provided).",
                " — the source says it lists them specifically, so the list should be complete: inconsistent.",
            ],
            " — the list holds more than stated: inconsistent.",
            m.index,
        )
        return finding(
            m,
            ok=ok,
            stated=stated,
            computed=listed,
            tolerance=0.0,
            stated_text=fmt(stated),
            computed_text=listed_text,
            locator=join_locators(m["locator"], m["list_locator"]),
            message_vi=lambda: cat(name_vi, f": nêu {what_vi} ", fmt(stated), ", danh sách có ", listed_text, verdict_vi),
            message_en=lambda: cat(name_en, f": {what_en} stated ", fmt(stated), ", listed ", listed_en, verdict_en),
            assumption_vi=lambda: choose(
                [partial], ["Giả định danh sách trong nguồn là đầy đủ, trong khi nguồn không khẳng định điều đó."], "", m.index
            ),
            assumption_en=lambda: choose(
                [partial], ["Assumes the source's list is complete, which the source does not claim."], "", m.index
            ),
        )

    return evaluate


def _activity_within_plan(frames: Frames) -> pd.DataFrame:
    ac = frames["activity_counts"]
    ac = ac[ac["planned"].notna()]
    if ac.empty:
        return no_findings()
    held, planned = ac["count"].astype("int64"), ac["planned"].astype("int64")
    ok = held <= planned
    name_vi = cat(label(ac["body"], BODY_VI), " – ", label(ac["activity"], ACTIVITY_VI))
    name_en = capitalised(cat(label(ac["body"], BODY_EN), " – ", label(ac["activity"], ACTIVITY_EN)))
    return finding(
        ac,
        ok=ok,
        stated=planned,
        computed=held,
        tolerance=0.0,
        stated_text=fmt(planned),
        computed_text=fmt(held),
        message_vi=lambda: cat(
            name_vi,
            ": đã thực hiện ",
            fmt(held),
            choose([ok], [" không vượt "], " vượt ", ac.index),
            "kế hoạch ",
            fmt(planned),
            ".",
        ),
        message_en=lambda: cat(
            name_en,
            ": held ",
            fmt(held),
            choose([ok], [" does not exceed "], " exceeds ", ac.index),
            "the plan of ",
            fmt(planned),
            ".",
        ),
    )


# ------------------------------------------------------------------------------------------ voter contact
def _round_timing(frames: Frames) -> pd.DataFrame:
    vc = frames["voter_contact"]
    s = frames["sessions"][["unit", "year", "term", "session_no", "start_date", "end_date", "locator"]]
    s = s.rename(columns={"start_date": "s_start", "end_date": "s_end", "locator": "s_locator"})
    m = vc.merge(s, on=["unit", "year", "term", "session_no"])
    before = m["timing"] == "before"
    m = m[(before & m["end_date"].notna()) | (~before & m["start_date"].notna())]
    if m.empty:
        return no_findings()
    before = m["timing"] == "before"
    ok = np.where(before, m["end_date"] < m["s_start"], m["start_date"] > m["s_end"])
    gap = np.where(before, (m["s_start"] - m["end_date"]).dt.days, (m["start_date"] - m["s_end"]).dt.days)
    rnd = cat(
        pd.Series(m["start_date"].dt.strftime("%d/%m/%Y").to_numpy(dtype=object), index=m.index).fillna("–"),
        " – ",
        pd.Series(m["end_date"].dt.strftime("%d/%m/%Y").to_numpy(dtype=object), index=m.index).fillna("–"),
    )
    ses = cat(m["s_start"].dt.strftime("%d/%m/%Y").astype(object), " – ", m["s_end"].dt.strftime("%d/%m/%Y").astype(object))
    vi, en = _round(m)
    return finding(
        m,
        ok=ok,
        stated=np.nan,
        computed=gap,
        stated_text=rnd,
        computed_text=cat("kỳ họp ", ses),
        locator=join_locators(m["locator"], m["s_locator"]),
        message_vi=lambda: cat(
            vi,
            " (",
            rnd,
            "): ",
            choose([before], ["kết thúc"], "bắt đầu", m.index),
            choose([ok], [""], " không", m.index),
            choose([before], [" trước"], " sau", m.index),
            " kỳ họp (",
            ses,
            ").",
        ),
        message_en=lambda: cat(
            en,
            " (",
            rnd,
            "): ",
            choose([before], ["ends"], "starts", m.index),
            choose([ok], [""], " not", m.index),
            choose([before], [" before"], " after", m.index),
            " its session (",
            ses,
            ").",
        ),
    )


def _settlement_vs_referred(columns: tuple[str, ...], equal: bool, what_vi: str, what_en: str):
    """Recommendations settled (or addressed) against those the rounds it covers sent to the city."""

    def evaluate(frames: Frames) -> pd.DataFrame:
        rs = frames["recommendation_settlement"]
        rs = rs[rs[list(columns)].notna().any(axis=1)].reset_index(drop=True)
        if rs.empty:
            return no_findings()
        rs["row"] = np.arange(len(rs))
        rounds = (
            rs[["row", "unit", "year", "rounds"]].assign(round_id=rs["rounds"].astype(object).str.split(";")).explode("round_id")
        )
        rounds["round_id"] = rounds["round_id"].str.strip()
        vc = frames["voter_contact"][["unit", "year", "round_id", "to_city"]].astype({"round_id": object})
        j = rounds.merge(vc, on=["unit", "year", "round_id"], how="left")
        j["unknown"] = j["to_city"].isna()
        per = j.groupby("row").agg(referred=("to_city", "sum"), unknown=("unknown", "sum"))
        rs = rs.join(per, on="row")
        rounds_text = rs["rounds"].astype(object).str.replace(";", ", ")
        total = rs[list(columns)].fillna(0).astype("int64").sum(axis=1)
        referred = rs["referred"].astype("int64")
        unknown = rs["unknown"] > 0
        ok = pd.Series(pd.array((total == referred) if equal else (total <= referred), dtype="boolean"), index=rs.index)
        ok[unknown] = pd.NA
        parts_text = cat(
            *[x for c in columns for x in (" + ", fmt(rs[c].fillna(0)))][1:], *([" = ", fmt(total)] if len(columns) > 1 else [])
        )
        relation_vi, broken_vi = (" bằng ", " không bằng ") if equal else (" không vượt ", " vượt ")
        relation_en, broken_en = (" equals ", " does not equal ") if equal else (" does not exceed ", " exceeds ")
        return finding(
            rs,
            ok=ok,
            stated=referred,
            computed=total,
            tolerance=0.0,
            stated_text=fmt(referred),
            computed_text=parts_text,
            message_vi=lambda: cat(
                "Kết quả giải quyết ",
                rs["settlement_id"].astype(object),
                " (",
                rs["reported_in"].astype(object),
                f"): {what_vi} ",
                parts_text,
                choose([ok.fillna(False), unknown], [relation_vi, " — không tìm thấy đủ các đợt "], broken_vi, rs.index),
                choose(
                    [unknown],
                    [rounds_text],
                    cat("số kiến nghị chuyển UBND thành phố của các đợt ", rounds_text, ": ", fmt(referred)),
                    rs.index,
                ),
                ".",
            ),
            message_en=lambda: cat(
                "Settlement ",
                rs["settlement_id"].astype(object),
                " (",
                rs["reported_in"].astype(object),
                f"): {what_en} ",
                parts_text,
                choose([ok.fillna(False), unknown], [relation_en, " — rounds not all found: "], broken_en, rs.index),
                choose(
                    [unknown],
                    [rounds_text],
                    cat("the recommendations that rounds ", rounds_text, " sent to the city: ", fmt(referred)),
                    rs.index,
                ),
                ".",
            ),
        )

    return evaluate


# ------------------------------------------------------------------------------------- citizen reception
@shared
def _reception_dates(frames: Frames) -> pd.DataFrame:
    cr = frames["citizen_reception"]
    cr = cr[cr["dates"].notna()].reset_index(drop=True)
    if cr.empty:
        return pd.DataFrame()
    d = cr[["dates"]].assign(date=cr["dates"].astype(object).str.split(";")).explode("date")
    d["date"] = pd.to_datetime(d["date"].str.strip(), format="%Y-%m-%d", errors="coerce")
    d["bad"] = d["date"].isna()
    per = d.groupby(level=0).agg(n=("date", "size"), bad=("bad", "sum"), first=("date", "min"), last=("date", "max"))
    return cr.join(per)


def _reception_date_count(frames: Frames) -> pd.DataFrame:
    cr = _reception_dates(frames)
    if cr.empty:
        return no_findings()
    cr = cr[cr["sessions_held"].notna()]
    if cr.empty:
        return no_findings()
    held = cr["sessions_held"].astype("int64")
    ok = cr["n"] == held
    vi, en = _reception(cr)
    return finding(
        cr,
        ok=ok,
        stated=held,
        computed=cr["n"],
        tolerance=0.0,
        stated_text=fmt(held),
        computed_text=cat(fmt(cr["n"]), " ngày"),
        message_vi=lambda: cat(
            vi,
            ": nêu ",
            fmt(held),
            " kỳ tiếp, liệt kê ",
            fmt(cr["n"]),
            " ngày",
            choose([ok], [" — khớp."], " — không khớp.", cr.index),
        ),
        message_en=lambda: cat(
            en,
            ": ",
            fmt(held),
            " sessions stated, ",
            fmt(cr["n"]),
            " dates listed",
            choose([ok], [" — consistent."], " — inconsistent.", cr.index),
        ),
    )


def _reception_dates_in_period(frames: Frames) -> pd.DataFrame:
    cr = _reception_dates(frames)
    if cr.empty:
        return no_findings()
    cr = cr.drop(columns=["dates"]).rename(columns={"first": "first_date", "last": "last_date"})
    found = dates_within_source_period("reception", "first_date", "last_date", instance=_reception)({**frames, "reception": cr})
    # a listed date that is not a date cannot be placed in the period: the check fails and says so
    bad = cr.loc[cr["first_date"].notna(), "bad"].to_numpy() > 0
    if len(found) and bad.any():
        found.loc[bad, "ok"] = False
        found.loc[bad, "message_vi"] = found.loc[bad, "message_vi"] + " Có ngày không đọc được (cần dạng YYYY-MM-DD)."
        found.loc[bad, "message_en"] = found.loc[bad, "message_en"] + " Some dates are unreadable (write YYYY-MM-DD)."
    return found


# ---------------------------------------------------------------------------------------------- petitions
@shared
def _petition_wide(frames: Frames) -> pd.DataFrame:
    p = frames["petitions"]
    wide = p.pivot_table(
        index=["unit", "year", "recipient", "petition_type"], columns="status", values="count", aggfunc="sum", observed=True
    )
    wide = wide.reindex(columns=["received", *OUTCOME_STATUSES]).astype("Float64")
    where = p.groupby(["unit", "year", "recipient", "petition_type"]).agg(
        source_id=("source_id", "first"), locator=("locator", "first")
    )
    return wide.join(where).reset_index()


def _petition_types_sum(frames: Frames) -> pd.DataFrame:
    p = frames["petitions"]
    if p.empty:
        return no_findings()
    parts = (
        p[p["petition_type"] != "all"]
        .groupby(["unit", "year", "recipient", "status"], as_index=False)
        .agg(summed=("count", "sum"), types=("count", "size"))
    )
    typed = p[p["petition_type"] != "all"]
    piece = typed.assign(t=cat(fmt(typed["count"]), " + "))
    texts = piece.groupby(["unit", "year", "recipient", "status"])["t"].sum().str[:-3].rename("parts_text")
    total = p[p["petition_type"] == "all"][["unit", "year", "recipient", "status", "count", "source_id", "locator"]]
    m = total.merge(parts, on=["unit", "year", "recipient", "status"]).join(texts, on=["unit", "year", "recipient", "status"])
    if m.empty:
        return no_findings()
    whole, summed = m["count"].astype("int64"), m["summed"].astype("int64")
    complete = m["types"] == 3
    ok = np.where(complete, summed == whole, summed <= whole)
    name_vi = cat("Đơn thư ", label(m["recipient"], RECIPIENT_VI), ", ", label(m["status"], STATUS_VI))
    name_en = cat("Petitions to the ", label(m["recipient"], RECIPIENT_EN), ", ", label(m["status"], STATUS_EN))
    computed = cat(m["parts_text"], " = ", fmt(summed))
    return finding(
        m,
        ok=ok,
        stated=whole,
        computed=summed,
        tolerance=0.0,
        stated_text=fmt(whole),
        computed_text=computed,
        message_vi=lambda: cat(
            name_vi,
            ": theo loại (khiếu nại + tố cáo + kiến nghị) ",
            computed,
            "; tổng số nêu ",
            fmt(whole),
            choose([ok, complete], [" — khớp.", " — không khớp."], " — vượt tổng số.", m.index),
        ),
        message_en=lambda: cat(
            name_en,
            ": by type (complaints + denunciations + proposals) ",
            computed,
            "; stated total ",
            fmt(whole),
            choose([ok, complete], [" — consistent.", " — inconsistent."], " — exceeds the total.", m.index),
        ),
    )


def _petition_settled_within_received(frames: Frames) -> pd.DataFrame:
    w = _petition_wide(frames)
    w = w[w["received"].notna() & w["settled"].notna()]
    if w.empty:
        return no_findings()
    received, settled = w["received"].astype("int64"), w["settled"].astype("int64")
    ok = settled <= received
    name_vi = cat("Đơn thư ", label(w["recipient"], RECIPIENT_VI), " (", label(w["petition_type"], PETITION_TYPE_VI), ")")
    name_en = cat(
        "Petitions to the ", label(w["recipient"], RECIPIENT_EN), " (", label(w["petition_type"], PETITION_TYPE_EN), ")"
    )
    return finding(
        w,
        ok=ok,
        stated=received,
        computed=settled,
        tolerance=0.0,
        stated_text=fmt(received),
        computed_text=fmt(settled),
        message_vi=lambda: cat(
            name_vi,
            ": đã giải quyết ",
            fmt(settled),
            choose([ok], [" không vượt "], " vượt ", w.index),
            "số tiếp nhận ",
            fmt(received),
            ".",
        ),
        message_en=lambda: cat(
            name_en,
            ": settled ",
            fmt(settled),
            choose([ok], [" does not exceed "], " exceeds ", w.index),
            "received ",
            fmt(received),
            ".",
        ),
    )


def _petition_outcomes(frames: Frames) -> pd.DataFrame:
    """When a report names what is left (in progress, forwarded), the outcomes it names account for all received."""
    w = _petition_wide(frames)
    remainder = [c for c in OUTCOME_STATUSES if c != "settled"]
    w = w[w["received"].notna() & w[remainder].notna().any(axis=1)]
    if w.empty:
        return no_findings()
    received = w["received"].astype("int64")
    present = w[OUTCOME_STATUSES].notna()
    summed = w[OUTCOME_STATUSES].fillna(0).astype("int64").sum(axis=1)
    ok = summed == received
    short = summed < received
    pieces = [cat(fmt(w[c].fillna(0)), " + ").where(present[c], "") for c in OUTCOME_STATUSES]
    computed = cat(cat(*pieces).str[:-3], " = ", fmt(summed))
    name_vi = cat("Đơn thư ", label(w["recipient"], RECIPIENT_VI), " (", label(w["petition_type"], PETITION_TYPE_VI), ")")
    name_en = cat(
        "Petitions to the ", label(w["recipient"], RECIPIENT_EN), " (", label(w["petition_type"], PETITION_TYPE_EN), ")"
    )
    return finding(
        w,
        ok=ok,
        stated=received,
        computed=summed,
        tolerance=0.0,
        stated_text=fmt(received),
        computed_text=computed,
        message_vi=lambda: cat(
            name_vi,
            ": kết quả xử lý ",
            computed,
            "; tiếp nhận ",
            fmt(received),
            choose([ok, short], [" — khớp.", " — thiếu so với số tiếp nhận."], " — vượt số tiếp nhận.", w.index),
        ),
        message_en=lambda: cat(
            name_en,
            ": outcomes ",
            computed,
            "; received ",
            fmt(received),
            choose([ok, short], [" — consistent.", " — fewer than received."], " — more than received.", w.index),
        ),
        assumption_vi=lambda: choose(
            [short],
            ["Giả định các kết quả được nêu (đang giải quyết, chuyển đi) bao quát toàn bộ số đơn tiếp nhận."],
            "",
            w.index,
        ),
        assumption_en=lambda: choose(
            [short], ["Assumes the outcomes named (in progress, forwarded) cover every petition received."], "", w.index
        ),
    )


@shared
def _indicators(frames: Frames) -> pd.DataFrame:
    """Petition indicators side by side, one row per unit, year and recipient."""
    ind = frames["petition_indicators"]
    if ind.empty:
        return pd.DataFrame()
    ind = ind.assign(decimals=printed_decimals(ind["value_raw"]))
    wide = ind.pivot_table(
        index=["unit", "year", "recipient"], columns="indicator", values=["value", "decimals"], aggfunc="first"
    )
    wide.columns = [f"{a}__{b}" for a, b in wide.columns]
    extra = ind.pivot_table(index=["unit", "year", "recipient"], columns="indicator", values="printed_unit", aggfunc="first")
    extra.columns = [f"{c}__unit" for c in extra.columns]
    where = ind.groupby(["unit", "year", "recipient"]).agg(source_id=("source_id", "first"), locator=("locator", "first"))
    return wide.join(extra).join(where).reset_index()


def _settlement_rate(frames: Frames) -> pd.DataFrame:
    ind = frames["petition_indicators"]
    rate = ind[(ind["indicator"] == "settlement_rate") & (ind["printed_unit"] == "percent")]
    w = _petition_wide(frames)
    w = w[(w["petition_type"] == "all") & w["received"].notna() & w["settled"].notna() & (w["received"] > 0)]
    m = rate.merge(
        w[["unit", "year", "recipient", "received", "settled", "locator"]].rename(columns={"locator": "count_locator"}),
        on=["unit", "year", "recipient"],
    )
    if m.empty:
        return no_findings()
    dec = printed_decimals(m["value_raw"])
    settled, received = m["settled"].astype("int64"), m["received"].astype("int64")
    ok, rounding = rate_admitted(settled, received, m["value"], dec)
    computed = 100.0 * settled / received
    h = half_unit(dec)
    upper_closed = np.round(m["value"].abs() * np.power(10.0, dec)).astype("int64") % 2 == 0
    interval = cat(
        "[", fmt(m["value"] - h, dec + 1), "; ", fmt(m["value"] + h, dec + 1), choose([upper_closed], ["]"], ")", m.index)
    )
    computed_text = cat(fmt(settled), "/", fmt(received), " = ", fmt_pct(computed, dec + 1))
    stated_text = cat(m["value_raw"].astype(object), "%")
    note_vi = choose(
        [rounding == "half_up", rounding == "half_even"],
        [" (chỉ khi làm tròn nửa lên)", " (chỉ khi làm tròn nửa chẵn)"],
        "",
        m.index,
    )
    note_en = choose(
        [rounding == "half_up", rounding == "half_even"],
        [" (only under half-up rounding)", " (only under half-even rounding)"],
        "",
        m.index,
    )
    return finding(
        m,
        ok=ok,
        stated=m["value"],
        computed=computed,
        tolerance=h,
        stated_text=stated_text,
        computed_text=computed_text,
        locator=join_locators(m["locator"], m["count_locator"]),
        message_vi=lambda: cat(
            "Tỷ lệ giải quyết đơn của ",
            label(m["recipient"], RECIPIENT_VI),
            ": nêu ",
            stated_text,
            ", tính lại ",
            computed_text,
            choose([ok], [" — nằm trong "], " — nằm ngoài ", m.index),
            "khoảng làm tròn ",
            interval,
            note_vi,
            ".",
        ),
        message_en=lambda: cat(
            "Petition settlement rate of the ",
            label(m["recipient"], RECIPIENT_EN),
            ": stated ",
            stated_text,
            ", recomputed ",
            computed_text,
            choose([ok], [" — within "], " — outside ", m.index),
            "the rounding interval ",
            interval,
            note_en,
            ".",
        ),
    )


def _received_change(frames: Frames) -> pd.DataFrame:
    ind = _indicators(frames)
    need = ["value__received_change", "value__received_previous_year"]
    if ind.empty or not set(need) <= set(ind.columns):
        return no_findings()
    w = _petition_wide(frames)
    w = w[(w["petition_type"] == "all") & w["received"].notna()][["unit", "year", "recipient", "received"]]
    m = ind[ind[need].notna().all(axis=1)].merge(w, on=["unit", "year", "recipient"])
    if m.empty:
        return no_findings()
    stated, prev, cur = m["value__received_change"], m["value__received_previous_year"], m["received"].astype("float64")
    dec = m["decimals__received_change"].astype("int64")
    as_percent = m["received_change__unit"] == "percent"
    computed = np.where(as_percent, (cur / prev - 1.0) * 100.0, cur - prev)
    h = half_unit(dec)
    ok = np.abs(computed - stated) <= h + 1e-9
    shown = choose([as_percent], [fmt_pct(stated, dec)], fmt(stated, dec), m.index)
    computed_text = choose(
        [as_percent],
        [cat(fmt(cur), "/", fmt(prev), " − 1 = ", fmt_pct(pd.Series(computed, index=m.index), dec + 1))],
        cat(fmt(cur), " − ", fmt(prev), " = ", fmt(pd.Series(computed, index=m.index))),
        m.index,
    )
    return finding(
        m,
        ok=ok,
        stated=stated,
        computed=computed,
        tolerance=h,
        stated_text=shown,
        computed_text=computed_text,
        message_vi=lambda: cat(
            "Số đơn ",
            label(m["recipient"], RECIPIENT_VI),
            " tiếp nhận so với năm trước: nêu thay đổi ",
            shown,
            ", tính lại ",
            computed_text,
            choose([ok], [" — khớp."], " — không khớp.", m.index),
        ),
        message_en=lambda: cat(
            "Petitions received by the ",
            label(m["recipient"], RECIPIENT_EN),
            " against last year: stated change ",
            shown,
            ", recomputed ",
            computed_text,
            choose([ok], [" — consistent."], " — inconsistent.", m.index),
        ),
    )


def _settlement_rate_change(frames: Frames) -> pd.DataFrame:
    """A stated change of a rate, read as percentage points and as a relative change, each with rounding intervals."""
    ind = _indicators(frames)
    need = ["value__settlement_rate_change", "value__settlement_rate", "value__settlement_rate_previous_year"]
    if ind.empty or not set(need) <= set(ind.columns):
        return no_findings()
    m = ind[ind[need].notna().all(axis=1)]
    if m.empty:
        return no_findings()
    c, r1, r0 = m[need[0]], m[need[1]], m[need[2]]
    hc = half_unit(m["decimals__settlement_rate_change"])
    h1 = half_unit(m["decimals__settlement_rate"])
    h0 = half_unit(m["decimals__settlement_rate_previous_year"])
    pp_lo, pp_hi = (r1 - h1) - (r0 + h0), (r1 + h1) - (r0 - h0)
    rel_lo, rel_hi = ((r1 - h1) / (r0 + h0) - 1) * 100, ((r1 + h1) / (r0 - h0) - 1) * 100
    pp_ok = intervals_overlap(c - hc, c + hc, pp_lo, pp_hi)
    rel_ok = intervals_overlap(c - hc, c + hc, rel_lo, rel_hi) & (m["settlement_rate_change__unit"] == "percent")
    ok = pp_ok | rel_ok
    pp, rel = r1 - r0, (r1 / r0 - 1) * 100
    dc = m["decimals__settlement_rate_change"].astype("int64")
    computed_text = cat(
        fmt(r1, 1),
        " − ",
        fmt(r0, 1),
        " = ",
        fmt(pp, dc + 1),
        " điểm %; ",
        fmt(r1, 1),
        "/",
        fmt(r0, 1),
        " − 1 = ",
        fmt_pct(rel, dc + 2),
    )
    stated_text = fmt_pct(c, dc)
    both = pp_ok & rel_ok
    note_vi = choose(
        [both, pp_ok, rel_ok],
        [
            " — khớp theo cả hai cách hiểu; dấu % ở đây thực chất là điểm phần trăm (hiệu hai tỷ lệ).",
            " — khớp nếu hiểu là điểm phần trăm.",
            " — khớp nếu hiểu là thay đổi tương đối.",
        ],
        " — không khớp theo cách hiểu nào.",
        m.index,
    )
    note_en = choose(
        [both, pp_ok, rel_ok],
        [
            " — consistent under both readings; the % sign here really denotes percentage points (a difference of rates).",
            " — consistent if read as percentage points.",
            " — consistent if read as a relative change.",
        ],
        " — inconsistent under either reading.",
        m.index,
    )
    return finding(
        m,
        ok=ok,
        stated=c,
        computed=pp,
        tolerance=hc + h1 + h0,
        stated_text=stated_text,
        computed_text=computed_text,
        message_vi=lambda: cat(
            "Thay đổi tỷ lệ giải quyết đơn của ",
            label(m["recipient"], RECIPIENT_VI),
            ": nêu ",
            stated_text,
            "; tính lại ",
            computed_text,
            note_vi,
        ),
        message_en=lambda: cat(
            "Change in the settlement rate of the ",
            label(m["recipient"], RECIPIENT_EN),
            ": stated ",
            stated_text,
            "; recomputed ",
            computed_text,
            note_en,
        ),
        assumption_vi=lambda: choose(
            [both],
            [""],
            choose([pp_ok], ["Dấu % được hiểu là điểm phần trăm."], "Thay đổi được hiểu là tương đối.", m.index),
            m.index,
        ),
        assumption_en=lambda: choose(
            [both],
            [""],
            choose([pp_ok], ["The % sign is read as percentage points."], "The change is read as relative.", m.index),
            m.index,
        ),
    )


# -------------------------------------------------------------------------------------------------- budget
def _budget_amounts_within(group: str, part: str, whole: str, what_vi: str, what_en: str, whole_vi: str, whole_en: str):
    """One budget amount never exceeds another of the same direction (a subset, or a part of the year)."""

    def evaluate(frames: Frames) -> pd.DataFrame:
        b = frames["budget_execution"]
        keys = ["unit", "year", "direction", "line", "measure"]
        other = "measure" if group == "line" else "line"
        a = b[b[group] == part]
        w = b[b[group] == whole][[k for k in keys if k != group] + ["amount_mvnd", "amount_raw"]]
        m = a.merge(w, on=[k for k in keys if k != group], suffixes=("", "_whole"))
        if m.empty:
            return no_findings()
        amount, whole_amount = m["amount_mvnd"].astype("int64"), m["amount_mvnd_whole"].astype("int64")
        ok = amount <= whole_amount
        name_vi = cat(label(m["direction"], DIRECTION_VI), " (", label(m[other], LINE_VI if other == "line" else MEASURE_VI), ")")
        name_en = cat(label(m["direction"], DIRECTION_EN), " (", label(m[other], LINE_EN if other == "line" else MEASURE_EN), ")")
        return finding(
            m,
            ok=ok,
            stated=whole_amount,
            computed=amount,
            tolerance=0.0,
            stated_text=fmt(whole_amount),
            computed_text=fmt(amount),
            message_vi=lambda: cat(
                name_vi,
                f": {what_vi} ",
                fmt(amount),
                choose([ok], [" không vượt "], " vượt ", m.index),
                f"{whole_vi} ",
                fmt(whole_amount),
                " triệu đồng.",
            ),
            message_en=lambda: cat(
                name_en,
                f": {what_en} ",
                fmt(amount),
                choose([ok], [" does not exceed "], " exceeds ", m.index),
                f"{whole_en} ",
                fmt(whole_amount),
                " million VND.",
            ),
        )

    return evaluate


def implied_bases(frames: Frames) -> pd.DataFrame:
    """Each stated budget percentage with the interval of bases it implies: amount / [p + h, p − h].

    Columns ``base_lo``, ``base_mid``, ``base_hi`` (million VND) and ``period`` (the base's period). The
    report's table and chart read the same intervals as the rules, so they can never disagree.
    """
    pct, amounts = frames.get("budget_percentages"), frames.get("budget_execution")
    if pct is None or amounts is None:
        return pd.DataFrame()
    amt = amounts[["unit", "year", "direction", "line", "measure", "amount_mvnd", "months"]]
    m = pct.merge(amt, on=["unit", "year", "direction", "line", "measure"]).reset_index(drop=True)
    if m.empty:
        return m
    dec = printed_decimals(m["percent_raw"])
    h = half_unit(dec)
    amount = m["amount_mvnd"].astype("float64")
    m["base_lo"] = amount * 100.0 / (m["percent"] + h)
    m["base_hi"] = np.where(m["percent"] - h > 0, amount * 100.0 / (m["percent"] - h), np.inf)
    m["base_mid"] = amount * 100.0 / m["percent"]
    # A year's estimate is one figure whatever the measure; "same period last year" differs by measure
    # (11 months last year for an 11-month actual, last year's total for a year estimate).
    m["period"] = np.where(m["basis"] == "same_period_last_year", m["measure"].astype(object), "estimate")
    return m


@shared
def _implied_bases(frames: Frames) -> pd.DataFrame:
    """:func:`implied_bases` with the texts the budget rules print."""
    m = implied_bases(frames)
    if m.empty:
        return m
    dec = printed_decimals(m["percent_raw"])
    m["rid"] = np.arange(len(m))
    m["desc"] = cat(
        fmt_pct(m["percent"], dec),
        " của ",
        fmt(m["amount_mvnd"]),
        " (",
        label(m["measure"], MEASURE_VI),
        ") ⇒ ",
        fmt(m["base_mid"]),
        " [",
        fmt(m["base_lo"]),
        "; ",
        fmt(m["base_hi"]),
        "]",
    )
    m["desc_en"] = cat(
        fmt_pct(m["percent"], dec),
        " of ",
        fmt(m["amount_mvnd"]),
        " (",
        label(m["measure"], MEASURE_EN),
        ") ⇒ ",
        fmt(m["base_mid"]),
        " [",
        fmt(m["base_lo"]),
        "; ",
        fmt(m["base_hi"]),
        "]",
    )
    m["basis_en"] = cat(label(m["basis"], BASIS_EN), label(m["qualifier"], QUALIFIER_EN))
    return m


def _same_base_pairs(frames: Frames) -> pd.DataFrame:
    m = _implied_bases(frames)
    if m.empty:
        return no_findings()
    p = m.merge(m, on=["unit", "year", "direction", "line", "basis", "period"], suffixes=("", "_b"))
    p = p[p["rid"] < p["rid_b"]].reset_index(drop=True)
    if p.empty:
        return no_findings()
    ok = intervals_overlap(p["base_lo"], p["base_hi"], p["base_lo_b"], p["base_hi_b"])
    assumed = p["qualifier"] != p["qualifier_b"]
    name_vi = cat(
        label(p["direction"], DIRECTION_VI), " – ", label(p["line"], LINE_VI), ", cơ sở «", p["basis_text"].astype(object), "»"
    )
    name_vi = choose([assumed], [cat(name_vi, " và «", p["basis_text_b"].astype(object), "»")], name_vi, p.index)
    name_en = cat(label(p["direction"], DIRECTION_EN), " – ", label(p["line"], LINE_EN), ", base: ", p["basis_en"])
    name_en = choose([assumed], [cat(name_en, " and ", p["basis_en_b"])], name_en, p.index)
    tolerance = (p["base_hi"] - p["base_lo"]) / 2 + (p["base_hi_b"] - p["base_lo_b"]) / 2
    return finding(
        p,
        ok=ok,
        stated=p["base_mid"],
        computed=p["base_mid_b"],
        tolerance=tolerance,
        stated_text=p["desc"],
        computed_text=p["desc_b"],
        message_vi=lambda: cat(
            name_vi,
            ": ",
            p["desc"],
            " và ",
            p["desc_b"],
            choose([ok], [" — hai khoảng cơ sở giao nhau."], " — hai khoảng cơ sở không giao nhau.", p.index),
        ),
        message_en=lambda: cat(
            name_en,
            ": ",
            p["desc_en"],
            " and ",
            p["desc_en_b"],
            choose([ok], [" — the implied bases overlap."], " — the implied bases do not overlap.", p.index),
        ),
        assumption_vi=lambda: choose(
            [assumed],
            [
                cat(
                    "Giả định «",
                    p["basis_text"].astype(object),
                    "» và «",
                    p["basis_text_b"].astype(object),
                    "» là cùng một dự toán.",
                )
            ],
            "",
            p.index,
        ),
        assumption_en=lambda: choose(
            [assumed], [cat("Assumes the ", p["basis_en"], " and the ", p["basis_en_b"], " are the same estimate.")], "", p.index
        ),
    )


def _subset_bases(frames: Frames) -> pd.DataFrame:
    """The base a sub-line's percentage implies cannot exceed the base the total line's percentage implies."""
    m = _implied_bases(frames)
    if m.empty:
        return no_findings()
    sub = m[m["line"] != "total"]
    tot = m[m["line"] == "total"]
    p = sub.merge(tot, on=["unit", "year", "direction", "basis", "period"], suffixes=("", "_b")).reset_index(drop=True)
    if p.empty:
        return no_findings()
    ok = p["base_lo"] <= p["base_hi_b"]
    assumed = p["qualifier"] != p["qualifier_b"]
    name_vi = cat(
        label(p["direction"], DIRECTION_VI),
        ", cơ sở «",
        p["basis_text"].astype(object),
        "» của ",
        label(p["line"], LINE_VI),
        " và «",
        p["basis_text_b"].astype(object),
        "» của tổng",
    )
    name_en = cat(
        label(p["direction"], DIRECTION_EN),
        ", ",
        p["basis_en"],
        " of the ",
        label(p["line"], LINE_EN),
        " line and ",
        p["basis_en_b"],
        " of the total",
    )
    return finding(
        p,
        ok=ok,
        stated=p["base_mid_b"],
        computed=p["base_mid"],
        tolerance=(p["base_hi"] - p["base_lo"]) / 2 + (p["base_hi_b"] - p["base_lo_b"]) / 2,
        stated_text=p["desc_b"],
        computed_text=p["desc"],
        message_vi=lambda: cat(name_vi, ": ", p["desc"], choose([ok], [" không vượt "], " vượt ", p.index), p["desc_b"], "."),
        message_en=lambda: cat(
            name_en, ": ", p["desc_en"], choose([ok], [" does not exceed "], " exceeds ", p.index), p["desc_en_b"], "."
        ),
        assumption_vi=lambda: choose(
            [assumed],
            [
                cat(
                    "Giả định «",
                    p["basis_text"].astype(object),
                    "» và «",
                    p["basis_text_b"].astype(object),
                    "» thuộc cùng một dự toán.",
                )
            ],
            "",
            p.index,
        ),
        assumption_en=lambda: choose(
            [assumed],
            [cat("Assumes the ", p["basis_en"], " and the ", p["basis_en_b"], " belong to the same estimate.")],
            "",
            p.index,
        ),
    )


# ---------------------------------------------------------------------------------------- 2023 indicators
def _slash_totals_agree(table: str, what_vi: str, what_en: str):
    def evaluate(frames: Frames) -> pd.DataFrame:
        t = frames[table]
        g = t.groupby(["unit", "year"], as_index=False).agg(
            distinct=("total", "nunique"),
            low=("total", "min"),
            high=("total", "max"),
            source_id=("source_id", "first"),
            locator=("locator", "first"),
        )
        if g.empty:
            return no_findings()
        ok = g["distinct"] == 1
        shown = choose([ok], [fmt(g["low"])], cat(fmt(g["low"]), " … ", fmt(g["high"])), g.index)
        return finding(
            g,
            ok=ok,
            stated=g["high"],
            computed=g["low"],
            tolerance=0.0,
            stated_text=shown,
            computed_text=shown,
            message_vi=lambda: cat(
                f"{what_vi}: tổng số sau dấu «/» ",
                shown,
                choose([ok], [" — thống nhất giữa các dòng."], " — khác nhau giữa các dòng.", g.index),
            ),
            message_en=lambda: cat(
                f"{what_en}: the total after the slash ",
                shown,
                choose([ok], [" — the same on every row."], " — differs between rows.", g.index),
            ),
        )

    return evaluate


def _slash_parts_sum(table: str, category: str, what_vi: str, what_en: str):
    def evaluate(frames: Frames) -> pd.DataFrame:
        t = frames[table]
        if t.empty:
            return no_findings()
        texts = t.assign(piece=cat(fmt(t["count"]), " + ")).groupby(["unit", "year"])["piece"].sum().str[:-3].rename("parts_text")
        g = (
            t.groupby(["unit", "year"], as_index=False)
            .agg(summed=("count", "sum"), total=("total", "max"), source_id=("source_id", "first"), locator=("locator", "first"))
            .join(texts, on=["unit", "year"])
        )
        ok = g["summed"] == g["total"]
        computed = cat(g["parts_text"], " = ", fmt(g["summed"]))
        return finding(
            g,
            ok=ok,
            stated=g["total"],
            computed=g["summed"],
            tolerance=0.0,
            stated_text=fmt(g["total"]),
            computed_text=computed,
            message_vi=lambda: cat(
                f"{what_vi}: cộng theo {category} ",
                computed,
                "; tổng số ",
                fmt(g["total"]),
                choose([ok], [" — khớp."], " — không khớp.", g.index),
            ),
            message_en=lambda: cat(
                f"{what_en}: summed over the categories ",
                computed,
                "; total ",
                fmt(g["total"]),
                choose([ok], [" — consistent."], " — inconsistent.", g.index),
            ),
        )

    return evaluate


def _named_targets(frames: Frames) -> pd.DataFrame:
    td = frames["target_details"]
    rt = frames["resolution_targets"]
    named = td.groupby(["unit", "year", "status"], as_index=False).agg(
        named=("item_no", "size"), named_locator=("locator", "first")
    )
    m = rt.merge(named, on=["unit", "year", "status"])
    if m.empty:
        return no_findings()
    stated, n = m["count"].astype("int64"), m["named"].astype("int64")
    ok = n == stated
    partial = n < stated
    status_vi = label(m["status"], {"met": "đạt", "not_met": "không đạt"})
    status_en = label(m["status"], {"met": "met", "not_met": "not met"})
    return finding(
        m,
        ok=ok,
        stated=stated,
        computed=n,
        tolerance=0.0,
        stated_text=fmt(stated),
        computed_text=fmt(n),
        locator=join_locators(m["locator"], m["named_locator"]),
        message_vi=lambda: cat(
            "Chỉ tiêu ",
            status_vi,
            ": nêu ",
            fmt(stated),
            ", nêu tên ",
            fmt(n),
            choose([ok, partial], [" — khớp.", " — danh sách tên ít hơn."], " — nêu tên nhiều hơn số chỉ tiêu.", m.index),
        ),
        message_en=lambda: cat(
            "Targets ",
            status_en,
            ": ",
            fmt(stated),
            " stated, ",
            fmt(n),
            " named",
            choose([ok, partial], [" — consistent.", " — fewer named."], " — more named than stated.", m.index),
        ),
        assumption_vi=lambda: choose([partial], ["Giả định nguồn nêu tên đủ các chỉ tiêu thuộc nhóm này."], "", m.index),
        assumption_en=lambda: choose([partial], ["Assumes the source names every target of this group."], "", m.index),
    )


# ------------------------------------------------------------------------------------------------ economy
def _economy(frames: Frames, indicator: str) -> pd.DataFrame:
    e = frames["economy"]
    e = e[(e["indicator"] == indicator) & (e["value_unit"] == "percent")]
    return e.assign(decimals=printed_decimals(e["value_raw"]), half=half_unit(printed_decimals(e["value_raw"])))


def _shares_sum(frames: Frames) -> pd.DataFrame:
    e = _economy(frames, "structure_share")
    if e.empty:
        return no_findings()
    texts = (
        e.assign(piece=cat(e["value_raw"].astype(object), " + "))
        .groupby(["unit", "year"])["piece"]
        .sum()
        .str[:-3]
        .rename("parts_text")
    )
    g = e.groupby(["unit", "year"], as_index=False).agg(
        summed=("value", "sum"),
        tol=("half", "sum"),
        d=("decimals", "max"),
        source_id=("source_id", "first"),
        locator=("locator", "first"),
    )
    g = g.join(texts, on=["unit", "year"])
    ok = (g["summed"] - 100.0).abs() <= g["tol"] + 1e-9
    computed = cat(g["parts_text"], " = ", fmt(g["summed"], g["d"]))
    return finding(
        g,
        ok=ok,
        stated=100.0,
        computed=g["summed"],
        tolerance=g["tol"],
        stated_text="100%",
        computed_text=computed,
        message_vi=lambda: cat(
            "Cơ cấu kinh tế: tỷ trọng các ngành ",
            computed,
            "%, sai số làm tròn cho phép ±",
            fmt(g["tol"], g["d"] + 1),
            choose([ok], [" — khớp 100%."], " — không khớp 100%.", g.index),
        ),
        message_en=lambda: cat(
            "Economic structure: sector shares ",
            computed,
            "%, rounding allows ±",
            fmt(g["tol"], g["d"] + 1),
            choose([ok], [" — sums to 100%."], " — does not sum to 100%.", g.index),
        ),
    )


def _growth_parts(frames: Frames) -> tuple[pd.DataFrame, pd.DataFrame]:
    g = _economy(frames, "production_value_growth")
    return g[g["sector"] == "key_sectors_total"], g[g["sector"] != "key_sectors_total"]


def _growth_in_range(frames: Frames) -> pd.DataFrame:
    total, parts = _growth_parts(frames)
    if total.empty or parts.empty:
        return no_findings()
    r = (
        parts.assign(lo=parts["value"] - parts["half"], hi=parts["value"] + parts["half"])
        .groupby(["unit", "year"], as_index=False)
        .agg(lo=("lo", "min"), hi=("hi", "max"), low=("value", "min"), high=("value", "max"), d=("decimals", "max"))
    )
    m = total.merge(r, on=["unit", "year"])
    if m.empty:
        return no_findings()
    ok = (m["value"] + m["half"] >= m["lo"]) & (m["value"] - m["half"] <= m["hi"])
    rng = cat("[", fmt_pct(m["low"], m["d"]), "; ", fmt_pct(m["high"], m["d"]), "]")
    stated = cat(m["value_raw"].astype(object), "%")
    return finding(
        m,
        ok=ok,
        stated=m["value"],
        computed=np.where(m["value"] < m["low"], m["low"], np.where(m["value"] > m["high"], m["high"], m["value"])),
        tolerance=m["half"],
        stated_text=stated,
        computed_text=cat("ngành: ", rng),
        message_vi=lambda: cat(
            "Tăng trưởng chung ",
            stated,
            choose([ok], [" nằm trong "], " nằm ngoài ", m.index),
            "khoảng tăng trưởng của các ngành ",
            rng,
            ".",
        ),
        message_en=lambda: cat(
            "Overall growth ",
            stated,
            choose([ok], [" lies within "], " lies outside ", m.index),
            "the range of its sectors' growth ",
            rng,
            ".",
        ),
    )


def _growth_weighted(frames: Frames) -> pd.DataFrame:
    total, parts = _growth_parts(frames)
    shares = _economy(frames, "structure_share")[["unit", "year", "sector", "value", "half"]]
    w = parts.merge(shares, on=["unit", "year", "sector"], suffixes=("", "_share"))
    if total.empty or w.empty:
        return no_findings()
    w = w.assign(
        sg=w["value_share"] * w["value"],
        err=w["value_share"] * w["half"] + w["value"].abs() * w["half_share"],
        piece=cat(w["value_raw"].astype(object), "×", fmt(w["value_share"], 1), "% + "),
    )
    texts = w.groupby(["unit", "year"])["piece"].sum().str[:-3].rename("parts_text")
    g = (
        w.groupby(["unit", "year"], as_index=False)
        .agg(sg=("sg", "sum"), s=("value_share", "sum"), err=("err", "sum"))
        .join(texts, on=["unit", "year"])
    )
    m = total.merge(g, on=["unit", "year"])
    if m.empty:
        return no_findings()
    weighted = m["sg"] / m["s"]
    tol = m["err"] / m["s"] + m["half"]
    ok = (m["value"] - weighted).abs() <= tol
    stated = cat(m["value_raw"].astype(object), "%")
    computed = cat("(", m["parts_text"], ") / ", fmt(m["s"], 1), "% = ", fmt_pct(weighted, 2))
    return finding(
        m,
        ok=ok,
        stated=m["value"],
        computed=weighted,
        tolerance=tol,
        stated_text=stated,
        computed_text=computed,
        message_vi=lambda: cat(
            "Tăng trưởng chung ",
            stated,
            " so với bình quân tăng trưởng ngành theo tỷ trọng cơ cấu ",
            fmt_pct(weighted, 2),
            " (sai số làm tròn ±",
            fmt(tol, 2),
            ")",
            choose([ok], [" — khớp."], " — lệch ", m.index),
            choose([ok], [""], cat(fmt((m["value"] - weighted).abs(), 2), " điểm %."), m.index),
        ),
        message_en=lambda: cat(
            "Overall growth ",
            stated,
            " against the sectors' growth weighted by the structure shares, ",
            fmt_pct(weighted, 2),
            " (rounding ±",
            fmt(tol, 2),
            ")",
            choose([ok], [" — consistent."], " — off by ", m.index),
            choose([ok], [""], cat(fmt((m["value"] - weighted).abs(), 2), " points."), m.index),
        ),
        assumption_vi=(
            "Giả định tỷ trọng cơ cấu (giá hiện hành, năm nay) là quyền số của tăng trưởng ngành "
            "(giá so sánh, quyền số năm gốc); "
            "hai đại lượng được tính theo giá khác nhau nên có thể lệch mà không sai."
        ),
        assumption_en=(
            "Assumes the structure shares (current prices, this year) weight the sectors' growth (constant prices, base-year "
            "weights); the two are measured at different prices, so they may differ without either being wrong."
        ),
    )


# ----------------------------------------------------------------------------------------------- catalogue
def rule(id, kind, severity, description_vi, description_en, tables, fields, evaluate) -> Rule:
    """A catalogue entry (positional shorthand for :class:`~hdnd_data.checks.engine.Rule`)."""
    return Rule(id, kind, severity, description_vi, description_en, tuple(tables), tuple(fields), evaluate)


_session = _session_name
RULES: list[Rule] = [
    # sessions
    rule(
        "session.dates_in_order",
        "date_order",
        "fail",
        "Ngày kết thúc kỳ họp không trước ngày bắt đầu",
        "A session does not end before it starts",
        ["sessions"],
        ["start_date", "end_date"],
        dates_in_order("sessions", "start_date", "end_date", instance=_session),
    ),
    rule(
        "session.days_match_dates",
        "date_order",
        "fail",
        "Số ngày họp phù hợp với ngày bắt đầu và kết thúc",
        "A session's stated length fits its dates",
        ["sessions"],
        ["start_date", "end_date", "days", "days_raw"],
        _session_days,
    ),
    rule(
        "session.within_period",
        "date_within",
        "fail",
        "Kỳ họp nằm trong kỳ báo cáo của nguồn",
        "A session lies within the period its source covers",
        ["sessions", "sources"],
        ["start_date", "end_date", "period_start", "period_end"],
        dates_within_source_period("sessions", "start_date", "end_date", instance=_session),
    ),
    rule(
        "session.contents_clarified_sum",
        "parts_sum",
        "fail",
        "Nội dung giải trình tại tổ và tại hội trường cộng bằng số nội dung đại biểu nêu",
        "Contents explained in groups and in the hall add up to the contents raised",
        ["sessions"],
        ["clarified_in_groups", "clarified_in_hall", "contents_raised"],
        column_sum(
            "sessions",
            ["clarified_in_groups", "clarified_in_hall"],
            "contents_raised",
            instance=_session,
            parts_vi="giải trình tại tổ + tại hội trường",
            parts_en="explained in groups + in the hall",
            total_vi="số nội dung đại biểu nêu",
            total_en="contents raised",
        ),
    ),
    rule(
        "questioning.questions_within_year",
        "subset",
        "fail",
        "Số câu chất vấn các kỳ họp không vượt số nêu cho cả năm",
        "Questions put at the sessions do not exceed the year's stated total",
        ["sessions", "activity_counts"],
        ["questioning_slips", "count"],
        _questioning_totals(
            "questioning_slips", "at_session_questioning", "count", "sum", "Chất vấn tại kỳ họp", "Questioning at sessions"
        ),
    ),
    rule(
        "questioning.officials_within_year",
        "subset",
        "fail",
        "Số người bị chất vấn ở một kỳ họp không vượt số nêu cho cả năm",
        "Officials questioned at one session do not exceed the year's stated number",
        ["sessions", "activity_counts"],
        ["officials_questioned", "units_covered"],
        _questioning_totals(
            "officials_questioned", "at_session_questioning", "units_covered", "max", "Người bị chất vấn", "Officials questioned"
        ),
    ),
    rule(
        "questioning.explanations_within_year",
        "subset",
        "fail",
        "Nội dung đề nghị giải trình tại hội trường không vượt số nêu cho cả năm",
        "Contents sent for explanation in the hall do not exceed the year's stated number",
        ["sessions", "activity_counts"],
        ["clarified_in_hall", "count"],
        _questioning_totals(
            "clarified_in_hall",
            "at_session_explanation_request",
            "count",
            "sum",
            "Đề nghị giải trình tại hội trường",
            "Explanations requested in the hall",
        ),
    ),
    rule(
        "mission.session_held",
        "reference",
        "fail",
        "Nội dung chất vấn gắn với một kỳ họp có trong năm",
        "Questioning topics belong to a session held that year",
        ["oversight_missions", "sessions"],
        ["session_no"],
        _session_reference("oversight_missions", "nội dung", "topic(s)"),
    ),
    rule(
        "personnel.session_held",
        "reference",
        "fail",
        "Thay đổi nhân sự gắn với một kỳ họp có trong năm",
        "Personnel changes belong to a session held that year",
        ["personnel_changes", "sessions"],
        ["session_no"],
        _session_reference("personnel_changes", "thay đổi nhân sự", "personnel change(s)"),
    ),
    # oversight and activities
    rule(
        "activity.missions_listed",
        "listed_vs_stated",
        "fail",
        "Số cuộc giám sát, kiểm tra nêu khớp với danh sách",
        "The number of missions stated matches the missions listed",
        ["activity_counts", "oversight_missions"],
        ["count", "enumerated_in_full", "item_no"],
        _listed_vs_stated("count", "listed", "số cuộc", "missions", check_countable=False),
    ),
    rule(
        "activity.units_listed",
        "listed_vs_stated",
        "fail",
        "Số đơn vị được giám sát nêu khớp với danh sách",
        "The number of units covered matches the units listed",
        ["activity_counts", "oversight_missions"],
        ["units_covered", "enumerated_in_full", "units_count"],
        _listed_vs_stated("units_covered", "listed_units", "số đơn vị", "units", check_countable=True),
    ),
    rule(
        "activity.held_within_plan",
        "subset",
        "fail",
        "Số cuộc đã thực hiện không vượt kế hoạch",
        "Activities held do not exceed those planned",
        ["activity_counts"],
        ["count", "planned"],
        _activity_within_plan,
    ),
    # voter contact
    rule(
        "voter.speakers_within_attendees",
        "subset",
        "fail",
        "Cử tri phát biểu không vượt số cử tri tham dự",
        "Voters speaking do not exceed voters attending",
        ["voter_contact"],
        ["voters_speaking", "voters_attending"],
        column_within(
            "voter_contact",
            ["voters_speaking"],
            "voters_attending",
            instance=_round,
            parts_vi="cử tri phát biểu",
            parts_en="voters speaking",
            whole_vi="số tham dự",
            whole_en="voters attending",
        ),
    ),
    rule(
        "voter.points_held_within_planned",
        "subset",
        "fail",
        "Số điểm tổ chức không vượt số điểm dự kiến",
        "Contact points held do not exceed those planned",
        ["voter_contact"],
        ["points_held", "points_planned"],
        column_within(
            "voter_contact",
            ["points_held"],
            "points_planned",
            instance=_round,
            parts_vi="điểm tổ chức",
            parts_en="points held",
            whole_vi="số điểm dự kiến",
            whole_en="points planned",
        ),
    ),
    rule(
        "voter.consolidated_within_raised",
        "subset",
        "fail",
        "Ý kiến tổng hợp không vượt số nội dung cử tri nêu",
        "Recommendations consolidated do not exceed the contents raised",
        ["voter_contact"],
        ["consolidated", "contents_raised"],
        column_within(
            "voter_contact",
            ["consolidated"],
            "contents_raised",
            instance=_round,
            parts_vi="ý kiến tổng hợp",
            parts_en="consolidated",
            whole_vi="số nội dung cử tri nêu",
            whole_en="contents raised",
        ),
    ),
    rule(
        "voter.clarified_and_consolidated_within_raised",
        "subset",
        "fail",
        "Nội dung làm rõ tại hội nghị cộng ý kiến tổng hợp không vượt số nội dung cử tri nêu",
        "Contents answered at the meeting plus those consolidated do not exceed the contents raised",
        ["voter_contact"],
        ["clarified_on_spot", "consolidated", "contents_raised"],
        column_within(
            "voter_contact",
            ["clarified_on_spot", "consolidated"],
            "contents_raised",
            instance=_round,
            parts_vi="làm rõ tại hội nghị + tổng hợp",
            parts_en="answered on the spot + consolidated",
            whole_vi="số nội dung cử tri nêu",
            whole_en="contents raised",
        ),
    ),
    rule(
        "voter.referrals_sum",
        "parts_sum",
        "fail",
        "Ý kiến chuyển tỉnh và chuyển thành phố cộng bằng số ý kiến tổng hợp",
        "Recommendations sent to the province and to the city add up to those consolidated",
        ["voter_contact"],
        ["to_province", "to_city", "consolidated"],
        column_sum(
            "voter_contact",
            ["to_province", "to_city"],
            "consolidated",
            instance=_round,
            parts_vi="chuyển tỉnh + chuyển thành phố",
            parts_en="to the province + to the city",
            total_vi="ý kiến tổng hợp",
            total_en="consolidated",
        ),
    ),
    rule(
        "voter.dates_in_order",
        "date_order",
        "fail",
        "Đợt tiếp xúc cử tri không kết thúc trước khi bắt đầu",
        "A voter-contact round does not end before it starts",
        ["voter_contact"],
        ["start_date", "end_date"],
        dates_in_order("voter_contact", "start_date", "end_date", instance=_round),
    ),
    rule(
        "voter.within_period",
        "date_within",
        "fail",
        "Đợt tiếp xúc cử tri nằm trong kỳ báo cáo của nguồn",
        "A voter-contact round lies within the period its source covers",
        ["voter_contact", "sources"],
        ["start_date", "end_date", "period_start", "period_end"],
        dates_within_source_period("voter_contact", "start_date", "end_date", instance=_round),
    ),
    rule(
        "voter.round_around_session",
        "date_order",
        "fail",
        "Đợt tiếp xúc trước kỳ họp kết thúc trước kỳ họp; đợt sau kỳ họp bắt đầu sau kỳ họp",
        "A round before a session ends before it starts; a round after it starts after it ends",
        ["voter_contact", "sessions"],
        ["timing", "session_no", "start_date", "end_date"],
        _round_timing,
    ),
    rule(
        "settlement.outcomes_sum_to_referred",
        "parts_sum",
        "fail",
        "Kiến nghị đã giải quyết, đang giải quyết và sẽ giải quyết cộng bằng số kiến nghị các đợt chuyển UBND thành phố",
        "Recommendations settled, in progress and scheduled add up to those the rounds sent to the city",
        ["recommendation_settlement", "voter_contact"],
        ["settled", "in_progress", "scheduled", "rounds", "to_city"],
        _settlement_vs_referred(
            ("settled", "in_progress", "scheduled"), True, "đã xong + đang + sẽ giải quyết", "settled + in progress + scheduled"
        ),
    ),
    rule(
        "settlement.addressed_within_referred",
        "subset",
        "fail",
        "Kiến nghị đã được xem xét không vượt số kiến nghị chuyển UBND thành phố",
        "Recommendations addressed do not exceed those sent to the city",
        ["recommendation_settlement", "voter_contact"],
        ["addressed", "rounds", "to_city"],
        _settlement_vs_referred(("addressed",), False, "đã xem xét", "addressed"),
    ),
    # citizen reception
    rule(
        "reception.contents_sum",
        "parts_sum",
        "fail",
        "Nội dung trả lời trực tiếp và chuyển giải quyết cộng bằng tổng số nội dung",
        "Contents answered directly and forwarded add up to the contents raised",
        ["citizen_reception"],
        ["answered_directly", "forwarded", "contents"],
        column_sum(
            "citizen_reception",
            ["answered_directly", "forwarded"],
            "contents",
            instance=_reception,
            parts_vi="trả lời trực tiếp + chuyển giải quyết",
            parts_en="answered directly + forwarded",
            total_vi="số nội dung",
            total_en="contents",
        ),
    ),
    rule(
        "reception.sessions_within_planned",
        "subset",
        "fail",
        "Số kỳ tiếp công dân không vượt số kỳ theo quy định",
        "Reception sessions held do not exceed those due",
        ["citizen_reception"],
        ["sessions_held", "sessions_planned"],
        column_within(
            "citizen_reception",
            ["sessions_held"],
            "sessions_planned",
            instance=_reception,
            parts_vi="kỳ đã tiếp",
            parts_en="sessions held",
            whole_vi="số kỳ theo quy định",
            whole_en="sessions due",
        ),
    ),
    rule(
        "reception.dates_match_sessions",
        "listed_vs_stated",
        "fail",
        "Số ngày tiếp công dân liệt kê bằng số kỳ tiếp",
        "The reception dates listed match the number of sessions",
        ["citizen_reception"],
        ["dates", "sessions_held"],
        _reception_date_count,
    ),
    rule(
        "reception.dates_within_period",
        "date_within",
        "fail",
        "Ngày tiếp công dân nằm trong kỳ báo cáo của nguồn",
        "Reception dates lie within the period the source covers",
        ["citizen_reception", "sources"],
        ["dates", "period_start", "period_end"],
        _reception_dates_in_period,
    ),
    # petitions
    rule(
        "petition.types_sum_to_all",
        "parts_sum",
        "fail",
        "Đơn theo loại (khiếu nại, tố cáo, kiến nghị) cộng bằng tổng số",
        "Petitions by type add up to the stated total",
        ["petitions"],
        ["petition_type", "status", "count"],
        _petition_types_sum,
    ),
    rule(
        "petition.settled_within_received",
        "subset",
        "fail",
        "Số đơn đã giải quyết không vượt số đơn tiếp nhận",
        "Petitions settled do not exceed those received",
        ["petitions"],
        ["status", "count"],
        _petition_settled_within_received,
    ),
    rule(
        "petition.outcomes_account_for_received",
        "parts_sum",
        "fail",
        "Khi báo cáo nêu phần còn lại (đang giải quyết, đã chuyển), các kết quả cộng bằng số đơn tiếp nhận",
        "When the report names what is left (in progress, forwarded), the outcomes add up to those received",
        ["petitions"],
        ["status", "count"],
        _petition_outcomes,
    ),
    rule(
        "petition.settlement_rate",
        "percentage",
        "fail",
        "Tỷ lệ giải quyết đơn khớp với số đã giải quyết / số tiếp nhận ở độ chính xác in",
        "The settlement rate matches settled / received at its printed precision",
        ["petition_indicators", "petitions"],
        ["value", "value_raw", "count"],
        _settlement_rate,
    ),
    rule(
        "petition.received_change",
        "difference",
        "fail",
        "Mức tăng, giảm số đơn so với năm trước khớp với hai con số được so sánh",
        "The stated change in petitions received matches the two figures compared",
        ["petition_indicators", "petitions"],
        ["value", "value_raw", "printed_unit", "count"],
        _received_change,
    ),
    rule(
        "petition.settlement_rate_change",
        "difference",
        "fail",
        "Mức thay đổi tỷ lệ giải quyết khớp với hai tỷ lệ được so sánh",
        "The stated change in the settlement rate matches the two rates compared",
        ["petition_indicators"],
        ["value", "value_raw", "printed_unit"],
        _settlement_rate_change,
    ),
    # budget
    rule(
        "budget.year_estimate_covers_actual",
        "subset",
        "fail",
        "Ước thực hiện cả năm không nhỏ hơn số thực hiện đến thời điểm báo cáo",
        "The year estimate is not below the actual to date",
        ["budget_execution"],
        ["measure", "amount_mvnd"],
        _budget_amounts_within(
            "measure", "actual_to_date", "year_estimate", "thực hiện", "actual to date", "ước năm", "the year estimate"
        ),
    ),
    rule(
        "budget.line_within_total",
        "subset",
        "fail",
        "Số thu nội địa (trừ đất, xổ số) không vượt tổng thu",
        "Domestic revenue (excl. land and lottery) does not exceed total revenue",
        ["budget_execution"],
        ["line", "amount_mvnd"],
        _budget_amounts_within(
            "line", "domestic_excl_land_lottery", "total", "thu nội địa", "domestic revenue", "tổng thu", "total revenue"
        ),
    ),
    rule(
        "budget.implied_base_agree",
        "implied_base",
        "fail",
        "Hai tỷ lệ so với cùng một cơ sở (cùng dự toán, cùng kỳ) suy ra các khoảng cơ sở giao nhau",
        "Two percentages of the same base (same estimate, same period) imply overlapping intervals for it",
        ["budget_percentages", "budget_execution"],
        ["percent", "percent_raw", "basis", "qualifier", "amount_mvnd"],
        _same_base_pairs,
    ),
    rule(
        "budget.implied_line_base_within_total",
        "implied_base",
        "fail",
        "Dự toán của khoản thu nội địa suy ra từ tỷ lệ không vượt dự toán tổng thu suy ra từ tỷ lệ",
        "The estimate implied for a sub-line does not exceed the estimate implied for the total",
        ["budget_percentages", "budget_execution"],
        ["percent", "percent_raw", "line", "basis", "amount_mvnd"],
        _subset_bases,
    ),
    # 2023 indicators
    rule(
        "tasks.totals_agree",
        "parts_sum",
        "fail",
        "Tổng số nhóm nhiệm vụ giống nhau ở mọi dòng",
        "Every row states the same number of task groups",
        ["task_groups"],
        ["total"],
        _slash_totals_agree("task_groups", "Nhóm nhiệm vụ trọng tâm", "Key task groups"),
    ),
    rule(
        "tasks.ratings_sum_to_total",
        "parts_sum",
        "fail",
        "Số nhóm nhiệm vụ theo mức hoàn thành cộng bằng tổng số",
        "Task groups by rating add up to the total",
        ["task_groups"],
        ["count", "total"],
        _slash_parts_sum("task_groups", "mức hoàn thành", "Nhóm nhiệm vụ trọng tâm", "Key task groups"),
    ),
    rule(
        "targets.totals_agree",
        "parts_sum",
        "fail",
        "Tổng số chỉ tiêu giống nhau ở mọi dòng",
        "Every row states the same number of targets",
        ["resolution_targets"],
        ["total"],
        _slash_totals_agree("resolution_targets", "Chỉ tiêu nghị quyết", "Resolution targets"),
    ),
    rule(
        "targets.statuses_sum_to_total",
        "parts_sum",
        "fail",
        "Chỉ tiêu đạt và không đạt cộng bằng tổng số chỉ tiêu",
        "Targets met and not met add up to the total",
        ["resolution_targets"],
        ["count", "total"],
        _slash_parts_sum("resolution_targets", "kết quả", "Chỉ tiêu nghị quyết", "Resolution targets"),
    ),
    rule(
        "targets.named_match_count",
        "listed_vs_stated",
        "fail",
        "Số chỉ tiêu được nêu tên khớp với số chỉ tiêu nêu",
        "The targets named match the number stated",
        ["resolution_targets", "target_details"],
        ["status", "count", "item_no"],
        _named_targets,
    ),
    rule(
        "economy.shares_sum_to_100",
        "shares_sum",
        "fail",
        "Tỷ trọng cơ cấu các ngành cộng bằng 100% trong sai số làm tròn",
        "Sector shares sum to 100% within rounding",
        ["economy"],
        ["indicator", "value", "value_raw"],
        _shares_sum,
    ),
    rule(
        "economy.growth_within_sectors",
        "aggregate_range",
        "fail",
        "Tăng trưởng chung nằm trong khoảng tăng trưởng của các ngành",
        "Overall growth lies within the range of its sectors' growth",
        ["economy"],
        ["indicator", "sector", "value", "value_raw"],
        _growth_in_range,
    ),
    rule(
        "economy.growth_weighted_by_structure",
        "weighted_growth",
        "warn",
        "Tăng trưởng chung so với bình quân tăng trưởng ngành theo tỷ trọng cơ cấu",
        "Overall growth against the sectors' growth weighted by the structure shares",
        ["economy"],
        ["indicator", "sector", "value", "value_raw"],
        _growth_weighted,
    ),
]
