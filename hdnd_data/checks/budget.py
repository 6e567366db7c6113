"""Rules on the state budget: amounts of one table compared row with row, and the bases that printed percentages
imply (``amount / percent``), compared as intervals because each percentage is rounded.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from hdnd_data.checks.finding import Findings, Run, finding, keys_of, no_findings
from hdnd_data.checks.printed import half_unit, intervals_overlap, printed_decimals
from hdnd_data.checks.relational import merge, pairs
from hdnd_data.checks.wording import cat, choose, fmt, fmt_pct, label, say
from hdnd_data.labels import phrases

__all__ = ["KINDS", "implied_bases"]

Frames = Mapping[str, pd.DataFrame]
BUDGET_KEY = ["unit", "year", "direction", "line", "measure"]


def amounts_within(run: Run, *, group: str, part: str, whole: str, messages: Mapping[str, str]) -> Findings:
    """One budget amount never exceeds another of the same direction (a subset, or a part of the year)."""
    b = run["budget_execution"]
    other = "measure" if group == "line" else "line"
    on = [k for k in BUDGET_KEY if k != group]
    a = b[b[group] == part]
    w = b[b[group] == whole][[*on, "amount_mvnd", "amount_raw"]]
    m = merge(a, w, on, suffixes=("", "_whole"))
    if m.empty:
        return no_findings()
    amount, whole_amount = m["amount_mvnd"].astype("int64"), m["amount_mvnd_whole"].astype("int64")
    ok = amount <= whole_amount
    return finding(
        run,
        m,
        ok=ok,
        stated=whole_amount,
        computed=amount,
        tolerance=0.0,
        stated_text=fmt(whole_amount, lang=run.lang),
        computed_text=fmt(amount, lang=run.lang),
        keys=cat(keys_of(m, "budget_execution"), "; ", keys_of(m.assign(**{group: whole}), "budget_execution")),
        message=lambda: say(
            choose([ok], ["check.amounts_within.pass"], "check.amounts_within.fail", m.index),
            run.lang,
            m.index,
            direction=label(m["direction"], phrases("DIRECTION", run.lang)),
            other=label(m[other], phrases(other.upper(), run.lang)),
            amount=fmt(amount, lang=run.lang),
            whole_amount=fmt(whole_amount, lang=run.lang),
            **{name: say(key, run.lang, m.index) for name, key in messages.items()},
        ),
    )


def implied_bases(frames: Frames) -> pd.DataFrame:
    """Each stated budget percentage with the interval of bases it implies: amount / [p + h, p − h].

    Columns ``base_lo``, ``base_mid``, ``base_hi`` (million VND) and ``period`` (the base's period). The
    report's table and chart read the same intervals as the rules, so they can never disagree.
    """
    pct, amounts = frames.get("budget_percentages"), frames.get("budget_execution")
    if pct is None or amounts is None:
        return pd.DataFrame()
    amt = amounts[["unit", "year", "direction", "line", "measure", "amount_mvnd", "months"]]
    m = merge(pct, amt, ["unit", "year", "direction", "line", "measure"])
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


def _described_bases(frames: Frames, lang: str) -> pd.DataFrame:
    """:func:`implied_bases` with the texts the budget rules print in ``lang`` (``desc_<lang>``, ``basis_<lang>``)
    and their keys."""
    m = implied_bases(frames)
    if m.empty:
        return m
    dec = printed_decimals(m["percent_raw"])
    m["rid"] = np.arange(len(m))
    m[f"desc_{lang}"] = say(
        "check.text.implied_base", lang, m.index,
        percent=fmt_pct(m["percent"], dec, lang), amount=fmt(m["amount_mvnd"], lang=lang),
        measure=label(m["measure"], phrases("MEASURE", lang)),
        base=fmt(m["base_mid"], lang=lang), lo=fmt(m["base_lo"], lang=lang), hi=fmt(m["base_hi"], lang=lang),
    )
    if lang == "vi":
        m["basis_vi"] = m["basis_text"].astype(object)
    else:
        m[f"basis_{lang}"] = cat(label(m["basis"], phrases("BASIS", lang)), label(m["qualifier"], phrases("QUALIFIER", lang)))
    m["keys"] = keys_of(m, "budget_percentages")
    return m


def _paired_columns(lang: str) -> list[str]:
    """The columns of :func:`_described_bases` that the rules comparing two bases read."""
    return ["unit", "year", "source_id", "locator", "direction", "line", "basis", "qualifier", "period", "rid",
            "base_lo", "base_mid", "base_hi", f"desc_{lang}", f"basis_{lang}", "keys"]


def same_base_agree(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """Two percentages of the same base (same estimate, same period) imply overlapping intervals for it."""
    m = run.shared(_described_bases, run.lang)
    if m.empty:
        return no_findings()
    m = m[_paired_columns(run.lang)]  # only what a pair prints: the self-merge copies every column it carries
    p = pairs(m, ["unit", "year", "direction", "line", "basis", "period"])  # each two percentages of one base once
    if p.empty:
        return no_findings()
    ok = intervals_overlap(p["base_lo"], p["base_hi"], p["base_lo_b"], p["base_hi_b"])
    assumed = p["qualifier"] != p["qualifier_b"]
    tolerance = (p["base_hi"] - p["base_lo"]) / 2 + (p["base_hi_b"] - p["base_lo_b"]) / 2
    lang = run.lang
    outcome = choose([ok], ["check.same_base.pass"], "check.same_base.fail", p.index)
    return finding(
        run,
        p,
        ok=ok,
        stated=p["base_mid"],
        computed=p["base_mid_b"],
        tolerance=tolerance,
        stated_text=p[f"desc_{run.lang}"],
        computed_text=p[f"desc_{run.lang}_b"],
        keys=cat(p["keys"], "; ", p["keys_b"]),
        message=lambda: say(
            outcome, lang, p.index,
            name=say(
                choose([assumed], ["check.name.two_bases"], "check.name.one_base", p.index), lang, p.index,
                direction=label(p["direction"], phrases("DIRECTION", lang)), line=label(p["line"], phrases("LINE", lang)),
                basis=p[f"basis_{lang}"], basis_b=p[f"basis_{lang}_b"],
            ),
            desc=p[f"desc_{lang}"], desc_b=p[f"desc_{lang}_b"],
        ),
        assumption=lambda: say(
            choose([assumed], ["check.same_base.assumption"], "check.none", p.index), lang, p.index,
            basis=p[f"basis_{lang}"], basis_b=p[f"basis_{lang}_b"],
        ),
    )


def line_base_within_total(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """The base a sub-line's percentage implies cannot exceed the base the total line's percentage implies."""
    m = run.shared(_described_bases, run.lang)
    if m.empty:
        return no_findings()
    m = m[_paired_columns(run.lang)]
    sub = m[m["line"] != "total"]
    tot = m[m["line"] == "total"]
    p = merge(sub, tot, ["unit", "year", "direction", "basis", "period"], suffixes=("", "_b"))
    if p.empty:
        return no_findings()
    ok = p["base_lo"] <= p["base_hi_b"]
    assumed = p["qualifier"] != p["qualifier_b"]
    lang = run.lang
    return finding(
        run,
        p,
        ok=ok,
        stated=p["base_mid_b"],
        computed=p["base_mid"],
        tolerance=(p["base_hi"] - p["base_lo"]) / 2 + (p["base_hi_b"] - p["base_lo_b"]) / 2,
        stated_text=p[f"desc_{run.lang}_b"],
        computed_text=p[f"desc_{run.lang}"],
        keys=cat(p["keys"], "; ", p["keys_b"]),
        message=lambda: say(
            choose([ok], ["check.line_base.pass"], "check.line_base.fail", p.index), lang, p.index,
            direction=label(p["direction"], phrases("DIRECTION", lang)), line=label(p["line"], phrases("LINE", lang)),
            basis=p[f"basis_{lang}"], basis_b=p[f"basis_{lang}_b"], desc=p[f"desc_{lang}"], desc_b=p[f"desc_{lang}_b"],
        ),
        assumption=lambda: say(
            choose([assumed], ["check.line_base.assumption"], "check.none", p.index), lang, p.index,
            basis=p[f"basis_{lang}"], basis_b=p[f"basis_{lang}_b"],
        ),
    )


KINDS = {
    "amounts_within": amounts_within,
    "implied_base_agree": same_base_agree,
    "implied_base_within": line_base_within_total,
}
