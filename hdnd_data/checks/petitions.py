"""Rules on petitions (đơn thư) where a generic kind is not enough: counts by type and outcome in a long table,
and the rates and changes the report prints about them, recomputed at their printed precision.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from hdnd_data.checks.finding import Findings, Run, finding, no_findings
from hdnd_data.checks.printed import half_unit, intervals_overlap, printed_decimals, rate_admitted
from hdnd_data.checks.relational import aggregate, merge, spread
from hdnd_data.checks.wording import cat, choose, fmt, fmt_pct, join_locators, label, per_distinct, say
from hdnd_data.labels import phrases

__all__ = ["KINDS", "OUTCOME_STATUSES"]

Frames = Mapping[str, pd.DataFrame]
OUTCOME_STATUSES = [
    "settled",
    "in_progress",
    "forwarded_to_procuracy",
    "forwarded_to_people_committee",
    "forwarded_to_ward_people_committees",
]


def _petition_wide(frames: Frames) -> pd.DataFrame:
    """Petition counts with one column per status, one row per unit, year, recipient and type."""
    wide = spread(frames["petitions"], ["unit", "year", "recipient", "petition_type"], "status", ["count"],
                  codes=["received", *OUTCOME_STATUSES], name=lambda value, status: status, carry=["source_id", "locator"])
    return wide.astype({status: "Float64" for status in ["received", *OUTCOME_STATUSES]})


def _indicators(frames: Frames) -> pd.DataFrame:
    """Petition indicators side by side, one row per unit, year and recipient."""
    ind = frames["petition_indicators"]
    if ind.empty:
        return pd.DataFrame()
    return spread(
        ind.assign(decimals=printed_decimals(ind["value_raw"])), ["unit", "year", "recipient"], "indicator",
        ["value", "decimals", "printed_unit"], name=lambda value, code: f"{code}__unit" if value == "printed_unit" else f"{value}__{code}",
        carry=["source_id", "locator"],
    )


def _recipient(frame: pd.DataFrame, lang: str) -> pd.Series:
    return label(frame["recipient"], phrases("RECIPIENT", lang))


def _by_type(frame: pd.DataFrame, lang: str) -> pd.Series:
    def name(rows: pd.DataFrame) -> pd.Series:
        kind = label(rows["petition_type"], phrases("PETITION_TYPE", lang))
        return say("check.name.petitions_type", lang, rows.index, recipient=_recipient(rows, lang), type=kind)

    return per_distinct(frame, ["recipient", "petition_type"], name)


def _figure(frame: pd.DataFrame, petition_type: str | None = None, status: str | None = None) -> pd.Series:
    """Keys of one petition count per row (``petition_type``/``status``: a fixed code, or None for the row's own)."""
    def keys(rows: pd.DataFrame) -> pd.Series:
        kind = rows["petition_type"].astype(object) if petition_type is None else petition_type
        state = rows["status"].astype(object) if status is None else status
        return cat("petitions[recipient=", rows["recipient"].astype(object), ",petition_type=", kind, ",status=", state, "]")

    read = ["recipient"] + (["petition_type"] if petition_type is None else []) + (["status"] if status is None else [])
    return per_distinct(frame, read, keys)


def _indicator(frame: pd.DataFrame, indicator: str) -> pd.Series:
    return per_distinct(
        frame, ["recipient"], lambda rows: cat("petition_indicators[recipient=", rows["recipient"].astype(object), f",indicator={indicator}]")
    )


def types_sum_to_all(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """Petitions by type (complaints, denunciations, proposals) add up to the total; fewer types stay within it."""
    p = run["petitions"]
    if p.empty:
        return no_findings()
    keys = ["unit", "year", "recipient", "status"]
    typed = p[p["petition_type"] != "all"]
    parts = aggregate(typed.assign(t=fmt(typed["count"], lang=run.lang)), keys, summed=("count", "sum"), types=("count", "size"),
                      parts_text=("t", "join", " + "))
    total = p[p["petition_type"] == "all"][[*keys, "count", "source_id", "locator"]]
    m = merge(total, parts, keys)
    if m.empty:
        return no_findings()
    whole, summed = m["count"].astype("int64"), m["summed"].astype("int64")
    complete = m["types"] == 3
    ok = pd.Series(np.where(complete, summed == whole, summed <= whole), index=m.index)
    computed = cat(m["parts_text"], " = ", fmt(summed, lang=run.lang))
    return finding(
        run,
        m,
        ok=ok,
        stated=whole,
        computed=summed,
        tolerance=0.0,
        stated_text=fmt(whole, lang=run.lang),
        computed_text=computed,
        keys=cat(_figure(m, "all"), "; ", _figure(m, "*")),
        message=lambda: say(
            choose([ok, complete], ["check.petition_types.pass", "check.petition_types.fail"], "check.petition_types.over", m.index),
            run.lang,
            m.index,
            name=say(
                "check.name.petitions_status", run.lang, m.index,
                recipient=_recipient(m, run.lang), status=label(m["status"], phrases("STATUS", run.lang)),
            ),
            computed=computed,
            stated=fmt(whole, lang=run.lang),
        ),
    )


def settled_within_received(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """Petitions settled never exceed those received."""
    w = run.shared(_petition_wide)
    w = w[w["received"].notna() & w["settled"].notna()]
    if w.empty:
        return no_findings()
    received, settled = w["received"].astype("int64"), w["settled"].astype("int64")
    ok = settled <= received
    return finding(
        run,
        w,
        ok=ok,
        stated=received,
        computed=settled,
        tolerance=0.0,
        stated_text=fmt(received, lang=run.lang),
        computed_text=fmt(settled, lang=run.lang),
        keys=cat(_figure(w, status="received"), "; ", _figure(w, status="settled")),
        message=lambda: say(
            choose([ok], ["check.petition_settled.pass"], "check.petition_settled.fail", w.index),
            run.lang,
            w.index,
            name=_by_type(w, run.lang),
            settled=fmt(settled, lang=run.lang),
            received=fmt(received, lang=run.lang),
        ),
    )


def outcomes_account_for_received(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """When a report names what is left (in progress, forwarded), the outcomes it names account for all received."""
    w = run.shared(_petition_wide)
    remainder = [c for c in OUTCOME_STATUSES if c != "settled"]
    w = w[w["received"].notna() & w[remainder].notna().any(axis=1)]
    if w.empty:
        return no_findings()
    received = w["received"].astype("int64")
    present = w[OUTCOME_STATUSES].notna()
    summed = w[OUTCOME_STATUSES].fillna(0).astype("int64").sum(axis=1)
    ok = summed == received
    short = summed < received
    pieces = [cat(fmt(w[c].fillna(0), lang=run.lang), " + ").where(present[c], "") for c in OUTCOME_STATUSES]
    computed = cat(cat(*pieces).str[:-3], " = ", fmt(summed, lang=run.lang))
    return finding(
        run,
        w,
        ok=ok,
        stated=received,
        computed=summed,
        tolerance=0.0,
        stated_text=fmt(received, lang=run.lang),
        computed_text=computed,
        keys=cat(_figure(w, status="received"), "; ", _figure(w, status="*")),
        message=lambda: say(
            choose([ok, short], ["check.petition_outcomes.pass", "check.petition_outcomes.short"],
                   "check.petition_outcomes.over", w.index),
            run.lang,
            w.index,
            name=_by_type(w, run.lang),
            computed=computed,
            received=fmt(received, lang=run.lang),
        ),
        assumption=lambda: say(choose([short], ["check.petition_outcomes.assumption"], "check.none", w.index), run.lang, w.index),
    )


def settlement_rate(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """The settlement rate printed matches settled / received at its printed precision (half-up or half-even)."""
    ind = run["petition_indicators"]
    rate = ind[(ind["indicator"] == "settlement_rate") & (ind["printed_unit"] == "percent")]
    w = run.shared(_petition_wide)
    w = w[(w["petition_type"] == "all") & w["received"].notna() & w["settled"].notna() & (w["received"] > 0)]
    m = merge(
        rate,
        w[["unit", "year", "recipient", "received", "settled", "locator"]].rename(columns={"locator": "count_locator"}),
        ["unit", "year", "recipient"],
    )
    if m.empty:
        return no_findings()
    dec = printed_decimals(m["value_raw"])
    settled, received = m["settled"].astype("int64"), m["received"].astype("int64")
    ok, rounding = rate_admitted(settled, received, m["value"], dec)
    computed = 100.0 * settled / received
    h, lang = half_unit(dec), run.lang
    upper_closed = np.round(m["value"].abs() * np.power(10.0, dec)).astype("int64") % 2 == 0
    interval = cat(
        "[", fmt(m["value"] - h, dec + 1, lang=lang), "; ", fmt(m["value"] + h, dec + 1, lang=lang), choose([upper_closed], ["]"], ")", m.index)
    )
    computed_text = cat(fmt(settled, lang=run.lang), "/", fmt(received, lang=run.lang), " = ", fmt_pct(computed, dec + 1, lang=run.lang))
    stated_text = fmt_pct(m["value"], dec, lang=run.lang)  # the digits as printed, the reader's way
    note = choose([rounding == "half_up", rounding == "half_even"], ["check.rate.half_up", "check.rate.half_even"],
                  "check.none", m.index)
    return finding(
        run,
        m,
        ok=ok,
        stated=m["value"],
        computed=computed,
        tolerance=h,
        stated_text=stated_text,
        computed_text=computed_text,
        keys=cat(_indicator(m, "settlement_rate"), "; ", _figure(m, "all", "settled"), "; ", _figure(m, "all", "received")),
        locator=join_locators(m["locator"], m["count_locator"]),
        message=lambda: say(
            choose([ok], ["check.rate.pass"], "check.rate.fail", m.index),
            run.lang,
            m.index,
            recipient=_recipient(m, run.lang),
            stated=stated_text,
            computed=computed_text,
            interval=interval,
            note=say(note, run.lang, m.index),
        ),
    )


def received_change(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """The change in petitions received (a number or a percentage) matches this year's and last year's figures."""
    ind = run.shared(_indicators)
    need = ["value__received_change", "value__received_previous_year"]
    if ind.empty or not set(need) <= set(ind.columns):
        return no_findings()
    w = run.shared(_petition_wide)
    w = w[(w["petition_type"] == "all") & w["received"].notna()][["unit", "year", "recipient", "received"]]
    m = merge(ind[ind[need].notna().all(axis=1)], w, ["unit", "year", "recipient"])
    if m.empty:
        return no_findings()
    stated, prev, cur = m["value__received_change"], m["value__received_previous_year"], m["received"].astype("float64")
    dec = m["decimals__received_change"].astype("int64")
    as_percent = m["received_change__unit"] == "percent"
    computed = np.where(as_percent, (cur / prev - 1.0) * 100.0, cur - prev)
    h = half_unit(dec)
    ok = pd.Series(np.abs(computed - stated) <= h + 1e-9, index=m.index)
    shown = choose([as_percent], [fmt_pct(stated, dec, lang=run.lang)], fmt(stated, dec, lang=run.lang), m.index)
    computed_text = choose(
        [as_percent],
        [cat(fmt(cur, lang=run.lang), "/", fmt(prev, lang=run.lang), " − 1 = ", fmt_pct(pd.Series(computed, index=m.index), dec + 1, lang=run.lang))],
        cat(fmt(cur, lang=run.lang), " − ", fmt(prev, lang=run.lang), " = ", fmt(pd.Series(computed, index=m.index), lang=run.lang)),
        m.index,
    )
    return finding(
        run,
        m,
        ok=ok,
        stated=stated,
        computed=computed,
        tolerance=h,
        stated_text=shown,
        computed_text=computed_text,
        keys=cat(_indicator(m, "received_change"), "; ", _indicator(m, "received_previous_year"), "; ",
                 _figure(m, "all", "received")),
        message=lambda: say(
            choose([ok], ["check.received_change.pass"], "check.received_change.fail", m.index),
            run.lang,
            m.index,
            recipient=_recipient(m, run.lang),
            stated=shown,
            computed=computed_text,
        ),
    )


def settlement_rate_change(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """A stated change of a rate, read as percentage points and as a relative change, each with rounding intervals."""
    ind = run.shared(_indicators)
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
    dc, lang = m["decimals__settlement_rate_change"].astype("int64"), run.lang
    computed_text = say(
        "check.text.rate_change", run.lang, m.index,
        now=fmt(r1, 1, lang=lang), before=fmt(r0, 1, lang=lang), points=fmt(pp, dc + 1, lang=lang), relative=fmt_pct(rel, dc + 2, lang=lang),
    )
    stated_text = fmt_pct(c, dc, lang=run.lang)
    both = pp_ok & rel_ok
    outcome = choose([both, pp_ok, rel_ok], ["check.rate_change.both", "check.rate_change.points", "check.rate_change.relative"],
                     "check.rate_change.fail", m.index)
    # when no reading fits, the verdict still rests on reading the change as relative: a warning, as the rule always said
    assumed = choose([both, pp_ok], ["check.none", "check.rate_change.assume_points"], "check.rate_change.assume_relative", m.index)
    return finding(
        run,
        m,
        ok=ok,
        stated=c,
        computed=pp,
        tolerance=hc + h1 + h0,
        stated_text=stated_text,
        computed_text=computed_text,
        keys=cat(_indicator(m, "settlement_rate_change"), "; ", _indicator(m, "settlement_rate"), "; ",
                 _indicator(m, "settlement_rate_previous_year")),
        message=lambda: say(outcome, run.lang, m.index, recipient=_recipient(m, run.lang), stated=stated_text,
                            computed=computed_text),
        assumption=lambda: say(assumed, run.lang, m.index),
    )


KINDS = {
    "petition_types_sum": types_sum_to_all,
    "petition_settled_within_received": settled_within_received,
    "petition_outcomes": outcomes_account_for_received,
    "rate_at_printed_precision": settlement_rate,
    "difference": received_change,
    "rate_change": settlement_rate_change,
}
