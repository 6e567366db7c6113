"""The generic kinds of consistency rule: each relation written once, over whole frames, for any table it fits.

A kind is a function ``kind(run, *, <parameters>, messages)``: the catalogue (``catalogue.yaml``) names the kind of
each rule with its tables, columns and the label keys of the words its sentences use. Sentences come from the label
catalogue under ``check.<kind>.<outcome>``; ``messages`` maps a placeholder to the label key of the rule's words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from hdnd_data import labels
from hdnd_data.checks.finding import Findings, Run, finding, keys_of, no_findings
from hdnd_data.checks.relational import aggregate, merge
from hdnd_data.checks.wording import capitalised, cat, choose, date_text, fmt, label, per_distinct, round_text, say
from hdnd_data.data.loader import TABLES

__all__ = ["INSTANCES", "KINDS", "dates_in_order", "dates_within_period", "group_sum", "row_sum", "row_within", "totals_agree"]


def words(messages: Mapping[str, str], lang: str) -> dict[str, str]:
    """The rule's own words (placeholder -> text) in ``lang``."""
    return {name: labels.term(key, lang) for name, key in messages.items()}


# ------------------------------------------------------------------------------------- naming an instance
def _session(frame: pd.DataFrame, lang: str) -> pd.Series:
    def name(rows: pd.DataFrame) -> pd.Series:
        number = rows["session_no"].astype("int64").astype(str)
        return say("check.name.session", lang, rows.index, number=number, term=rows["term"].astype(object).astype(str))

    return per_distinct(frame, ["session_no", "term"], name)


def _round(frame: pd.DataFrame, lang: str) -> pd.Series:
    return per_distinct(frame, ["round_id"], lambda rows: say("check.name.round", lang, rows.index, round=round_text(rows["round_id"], lang)))


def _reception(frame: pd.DataFrame, lang: str) -> pd.Series:
    def name(rows: pd.DataFrame) -> pd.Series:
        body = label(rows["body"].astype(object).astype(str), labels.phrases("BODY", lang))
        return say("check.name.reception", lang, rows.index, body=body)

    return per_distinct(frame, ["body"], name)


def _activity(frame: pd.DataFrame, lang: str) -> pd.Series:
    def name(rows: pd.DataFrame) -> pd.Series:
        text = cat(label(rows["body"], labels.phrases("BODY", lang)), " – ", label(rows["activity"], labels.phrases("ACTIVITY", lang)))
        return text if lang == "vi" else capitalised(text)

    return per_distinct(frame, ["body", "activity"], name)


# How a message names the row it speaks of ("Kỳ họp thứ 13 (khóa XX)", "Voter-contact round before-13", ...).
INSTANCES: dict[str, Callable[[pd.DataFrame, str], pd.Series]] = {
    "session": _session,
    "round": _round,
    "reception": _reception,
    "activity": _activity,
}


# ------------------------------------------------------------------------------------------- parts, wholes
def _row_parts(frame: pd.DataFrame, parts: Sequence[str], total: str, lang: str) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    """Rows that state every part and the total: the rows, the parts' sum, the total and the text "a + b"."""
    frame = frame[frame[[*parts, total]].notna().all(axis=1)]
    summed = frame[list(parts)].astype("int64").sum(axis=1)
    terms = cat(*[x for p in parts for x in (" + ", fmt(frame[p], lang=lang))][1:]) if not frame.empty else pd.Series(dtype=object)
    return frame, summed, frame[total].astype("int64"), terms


def row_sum(run: Run, *, table: str, parts: Sequence[str], total: str, instance: str, messages: Mapping[str, str]) -> Findings:
    """Parts stated in columns of one row add up to the total stated in another column of it."""
    frame, summed, stated, terms = _row_parts(run[table], parts, total, run.lang)
    if frame.empty:
        return no_findings()
    ok = summed == stated
    computed_text = cat(terms, " = ", fmt(summed, lang=run.lang))
    stated_text = fmt(stated, lang=run.lang)
    return finding(
        run,
        frame,
        ok=ok,
        stated=stated,
        computed=summed,
        tolerance=0.0,
        stated_text=stated_text,
        computed_text=computed_text,
        keys=keys_of(frame, table),
        message=lambda: say(
            choose([ok], ["check.row_sum.pass"], "check.row_sum.fail", frame.index),
            run.lang,
            frame.index,
            instance=INSTANCES[instance](frame, run.lang),
            computed=computed_text,
            stated=stated_text,
            gap=fmt((summed - stated).abs(), lang=run.lang),
            **words(messages, run.lang),
        ),
    )


def row_within(
    run: Run, *, table: str, parts: Sequence[str], whole: str, instance: str, messages: Mapping[str, str]
) -> Findings:
    """A subset (or the sum of disjoint subsets) stated in a row never exceeds the whole stated in it."""
    frame, summed, stated, terms = _row_parts(run[table], parts, whole, run.lang)
    if frame.empty:
        return no_findings()
    ok = summed <= stated
    computed_text = cat(terms, " = ", fmt(summed, lang=run.lang)) if len(parts) > 1 else terms
    stated_text = fmt(stated, lang=run.lang)
    return finding(
        run,
        frame,
        ok=ok,
        stated=stated,
        computed=summed,
        tolerance=0.0,
        stated_text=stated_text,
        computed_text=computed_text,
        keys=keys_of(frame, table),
        message=lambda: say(
            choose([ok], ["check.row_within.pass"], "check.row_within.fail", frame.index),
            run.lang,
            frame.index,
            instance=INSTANCES[instance](frame, run.lang),
            computed=computed_text,
            stated=stated_text,
            **words(messages, run.lang),
        ),
    )


def totals_agree(run: Run, *, table: str, total: str, messages: Mapping[str, str]) -> Findings:
    """Every row of a unit-year repeats the same total (a figure printed as "part/total" on each line)."""
    t = run[table]
    g = aggregate(
        t,
        ["unit", "year"],
        distinct=(total, "nunique"),
        low=(total, "min"),
        high=(total, "max"),
        source_id=("source_id", "first"),
        locator=("locator", "first"),
    )
    if g.empty:
        return no_findings()
    ok = g["distinct"] == 1
    shown = choose([ok], [fmt(g["low"], lang=run.lang)], cat(fmt(g["low"], lang=run.lang), " … ", fmt(g["high"], lang=run.lang)), g.index)
    return finding(
        run,
        g,
        ok=ok,
        stated=g["high"],
        computed=g["low"],
        tolerance=0.0,
        stated_text=shown,
        computed_text=shown,
        keys=keys_of(g, table, [], **{c: "*" for c in row_key(table)}),
        message=lambda: say(
            choose([ok], ["check.totals_agree.pass"], "check.totals_agree.fail", g.index),
            run.lang,
            g.index,
            shown=shown,
            **words(messages, run.lang),
        ),
    )


def group_sum(run: Run, *, table: str, part: str, total: str, messages: Mapping[str, str]) -> Findings:
    """The rows of a unit-year add up to the total they state."""
    t = run[table]
    if t.empty:
        return no_findings()
    g = aggregate(
        t.assign(piece=fmt(t[part], lang=run.lang)),
        ["unit", "year"],
        summed=(part, "sum"), total=(total, "max"), source_id=("source_id", "first"), locator=("locator", "first"),
        parts_text=("piece", "join", " + "),
    )
    ok = g["summed"] == g["total"]
    computed = cat(g["parts_text"], " = ", fmt(g["summed"], lang=run.lang))
    stated_text = fmt(g["total"], lang=run.lang)
    return finding(
        run,
        g,
        ok=ok,
        stated=g["total"],
        computed=g["summed"],
        tolerance=0.0,
        stated_text=stated_text,
        computed_text=computed,
        keys=keys_of(g, table, [], **{c: "*" for c in row_key(table)}),
        message=lambda: say(
            choose([ok], ["check.group_sum.pass"], "check.group_sum.fail", g.index),
            run.lang,
            g.index,
            computed=computed,
            stated=stated_text,
            **words(messages, run.lang),
        ),
    )


def row_key(table: str) -> list[str]:
    """The key columns of ``table`` other than unit and year (for keys that cover every row of a unit-year)."""
    return [c for c in TABLES[table].key if c not in ("unit", "year")]


# ---------------------------------------------------------------------------------------------------- dates
def _dates(frame: pd.DataFrame, start: str, end: str) -> pd.Series:
    """``dd/mm/yyyy – dd/mm/yyyy`` of each row's period (each distinct period written once)."""
    return per_distinct(frame, [start, end], lambda rows: cat(date_text(rows[start]), " – ", date_text(rows[end])))


def dates_in_order(run: Run, *, table: str, start: str, end: str, instance: str, messages: Mapping[str, str]) -> Findings:
    """A period's last day is not before its first day."""
    frame = run[table]
    frame = frame[frame[start].notna() & frame[end].notna()]
    if frame.empty:
        return no_findings()
    ok = frame[end] >= frame[start]
    span = (frame[end] - frame[start]).dt.days
    text = _dates(frame, start, end)
    return finding(
        run,
        frame,
        ok=ok,
        stated=np.nan,
        computed=span,
        stated_text=text,
        computed_text=say("check.text.span_days", run.lang, frame.index, days=fmt(span, lang=run.lang)),
        keys=keys_of(frame, table),
        message=lambda: say(
            choose([ok], ["check.dates_in_order.pass"], "check.dates_in_order.fail", frame.index),
            run.lang,
            frame.index,
            instance=INSTANCES[instance](frame, run.lang),
            dates=text,
            **words(messages, run.lang),
        ),
    )


def dates_within_period(
    run: Run, *, table: str, start: str, end: str, instance: str, messages: Mapping[str, str], frame: pd.DataFrame | None = None
) -> Findings:
    """Dates a source reports lie within the period that source covers (``frame``: rows derived from ``table``)."""
    frame = run[table] if frame is None else frame
    frame = frame[frame[start].notna() & frame[end].notna()]
    sources = run["sources"][["unit", "year", "source_id", "period_start", "period_end"]]
    frame = merge(frame, sources, ["unit", "year", "source_id"])
    if frame.empty:
        return no_findings()
    ok = (frame[start] >= frame["period_start"]) & (frame[end] <= frame["period_end"])
    text = _dates(frame, start, end)
    period = _dates(frame, "period_start", "period_end")
    return finding(
        run,
        frame,
        ok=ok,
        stated=np.nan,
        computed=np.nan,
        stated_text=text,
        computed_text=period,
        keys=per_distinct(frame, [*row_key(table), "source_id"], lambda rows: cat(keys_of(rows, table), "; ", keys_of(rows, "sources"))),
        message=lambda: say(
            choose([ok], ["check.dates_within_period.pass"], "check.dates_within_period.fail", frame.index),
            run.lang,
            frame.index,
            instance=INSTANCES[instance](frame, run.lang),
            dates=text,
            period=period,
            **words(messages, run.lang),
        ),
    )


KINDS: dict[str, Callable[..., pd.DataFrame]] = {
    "row_sum": row_sum,
    "row_within": row_within,
    "totals_agree": totals_agree,
    "group_sum": group_sum,
    "dates_in_order": dates_in_order,
    "dates_within_period": dates_within_period,
}
