"""Rules on the session report's indicators where a generic kind is not enough: targets named against targets
counted, and the economy's shares and growth rates compared within their rounding.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from hdnd_data.checks.finding import Findings, Run, finding, no_findings
from hdnd_data.checks.printed import half_unit, printed_decimals
from hdnd_data.checks.relational import aggregate, merge
from hdnd_data.checks.wording import cat, choose, fmt, fmt_pct, join_locators, say

__all__ = ["KINDS"]

GROWTH = "economy[indicator=production_value_growth,sector="


def named_match_count(run: Run, *, messages: dict) -> Findings:
    """The targets the source names are as many as it counts (fewer named: perhaps a partial list, a warning)."""
    td = run["target_details"]
    rt = run["resolution_targets"]
    named = aggregate(td, ["unit", "year", "status"], named=("item_no", "size"), named_locator=("locator", "first"))
    m = merge(rt, named, ["unit", "year", "status"])
    if m.empty:
        return no_findings()
    stated, n = m["count"].astype("int64"), m["named"].astype("int64")
    ok = n == stated
    partial = n < stated
    status = m["status"].astype(object)
    return finding(
        run,
        m,
        ok=ok,
        stated=stated,
        computed=n,
        tolerance=0.0,
        stated_text=fmt(stated, lang=run.lang),
        computed_text=fmt(n, lang=run.lang),
        keys=cat("resolution_targets[status=", status, "]; target_details[status=", status, ",item_no=*]"),
        locator=join_locators(m["locator"], m["named_locator"]),
        message=lambda: say(
            choose([ok, partial], ["check.named.pass", "check.named.fewer"], "check.named.more", m.index),
            run.lang,
            m.index,
            status=say(cat("check.target_status.", status), run.lang, m.index),
            stated=fmt(stated, lang=run.lang),
            named=fmt(n, lang=run.lang),
        ),
        assumption=lambda: say(choose([partial], ["check.named.assumption"], "check.none", m.index), run.lang, m.index),
    )


def _economy(frames, indicator: str) -> pd.DataFrame:
    e = frames["economy"]
    e = e[(e["indicator"] == indicator) & (e["value_unit"] == "percent")]
    return e.assign(decimals=printed_decimals(e["value_raw"]), half=half_unit(printed_decimals(e["value_raw"])))


def shares_to_100(run: Run, *, messages: dict) -> Findings:
    """Sector shares sum to 100% within the sum of their rounding half-units."""
    e = _economy(run.frames, "structure_share")
    if e.empty:
        return no_findings()
    g = aggregate(
        e.assign(piece=fmt(e["value"], printed_decimals(e["value_raw"]), lang=run.lang)),
        ["unit", "year"],
        summed=("value", "sum"),
        tol=("half", "sum"),
        d=("decimals", "max"),
        source_id=("source_id", "first"),
        locator=("locator", "first"),
        parts_text=("piece", "join", " + "),
    )
    ok = (g["summed"] - 100.0).abs() <= g["tol"] + 1e-9
    computed = cat(g["parts_text"], " = ", fmt(g["summed"], g["d"], lang=run.lang))
    return finding(
        run,
        g,
        ok=ok,
        stated=100.0,
        computed=g["summed"],
        tolerance=g["tol"],
        stated_text="100%",
        computed_text=computed,
        keys="economy[indicator=structure_share,sector=*]",
        message=lambda: say(
            choose([ok], ["check.shares.pass"], "check.shares.fail", g.index),
            run.lang,
            g.index,
            computed=computed,
            tolerance=fmt(g["tol"], g["d"] + 1, lang=run.lang),
        ),
    )


def _growth_parts(frames) -> tuple[pd.DataFrame, pd.DataFrame]:
    g = _economy(frames, "production_value_growth")
    return g[g["sector"] == "key_sectors_total"], g[g["sector"] != "key_sectors_total"]


def growth_within_sectors(run: Run, *, messages: dict) -> Findings:
    """Overall growth lies within the range of its sectors' growth (each widened by its rounding)."""
    total, parts = _growth_parts(run.frames)
    if total.empty or parts.empty:
        return no_findings()
    r = aggregate(
        parts.assign(lo=parts["value"] - parts["half"], hi=parts["value"] + parts["half"]),
        ["unit", "year"],
        lo=("lo", "min"), hi=("hi", "max"), low=("value", "min"), high=("value", "max"), d=("decimals", "max"),
    )
    m = merge(total, r, ["unit", "year"])
    if m.empty:
        return no_findings()
    ok = (m["value"] + m["half"] >= m["lo"]) & (m["value"] - m["half"] <= m["hi"])
    rng = cat("[", fmt_pct(m["low"], m["d"], lang=run.lang), "; ", fmt_pct(m["high"], m["d"], lang=run.lang), "]")
    stated = cat(fmt(m["value"], printed_decimals(m["value_raw"]), lang=run.lang), "%")
    return finding(
        run,
        m,
        ok=ok,
        stated=m["value"],
        computed=np.where(m["value"] < m["low"], m["low"], np.where(m["value"] > m["high"], m["high"], m["value"])),
        tolerance=m["half"],
        stated_text=stated,
        computed_text=say("check.text.sectors", run.lang, m.index, range=rng),
        keys=f"{GROWTH}key_sectors_total]; {GROWTH}*]",
        message=lambda: say(
            choose([ok], ["check.growth_range.pass"], "check.growth_range.fail", m.index), run.lang, m.index, stated=stated, range=rng
        ),
    )


def growth_weighted(run: Run, *, messages: dict) -> Findings:
    """Overall growth against the sectors' growth weighted by the structure shares (an approximation: a warning)."""
    total, parts = _growth_parts(run.frames)
    shares = _economy(run.frames, "structure_share")[["unit", "year", "sector", "value", "half"]]
    w = merge(parts, shares, ["unit", "year", "sector"], suffixes=("", "_share"))
    if total.empty or w.empty:
        return no_findings()
    w = w.assign(
        sg=w["value_share"] * w["value"],
        err=w["value_share"] * w["half"] + w["value"].abs() * w["half_share"],
        piece=cat(fmt(w["value"], printed_decimals(w["value_raw"]), lang=run.lang), "×", fmt(w["value_share"], 1, lang=run.lang), "%"),
    )
    g = aggregate(w, ["unit", "year"], sg=("sg", "sum"), s=("value_share", "sum"), err=("err", "sum"), parts_text=("piece", "join", " + "))
    m = merge(total, g, ["unit", "year"])
    if m.empty:
        return no_findings()
    weighted = m["sg"] / m["s"]
    tol = m["err"] / m["s"] + m["half"]
    ok = (m["value"] - weighted).abs() <= tol
    stated = cat(fmt(m["value"], printed_decimals(m["value_raw"]), lang=run.lang), "%")
    computed = cat("(", m["parts_text"], ") / ", fmt(m["s"], 1, lang=run.lang), "% = ", fmt_pct(weighted, 2, lang=run.lang))
    return finding(
        run,
        m,
        ok=ok,
        stated=m["value"],
        computed=weighted,
        tolerance=tol,
        stated_text=stated,
        computed_text=computed,
        keys=f"{GROWTH}key_sectors_total]; {GROWTH}*]; economy[indicator=structure_share,sector=*]",
        message=lambda: say(
            choose([ok], ["check.growth_weighted.pass"], "check.growth_weighted.fail", m.index),
            run.lang,
            m.index,
            stated=stated,
            weighted=fmt_pct(weighted, 2, lang=run.lang),
            tolerance=fmt(tol, 2, lang=run.lang),
            gap=fmt((m["value"] - weighted).abs(), 2, lang=run.lang),
        ),
        assumption=lambda: say("check.growth_weighted.assumption", run.lang, m.index),
    )


KINDS = {
    "named_match_count": named_match_count,
    "shares_to_100": shares_to_100,
    "growth_within_sectors": growth_within_sectors,
    "weighted_growth": growth_weighted,
}
