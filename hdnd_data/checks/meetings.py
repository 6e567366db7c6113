"""Rules of the council's own work where a generic kind is not enough: sessions, oversight lists, voter contact,
settlement of recommendations and citizen reception (each relation reads two tables joined in its own way).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from hdnd_data.checks.finding import Findings, Run, finding, keys_of, no_findings
from hdnd_data.checks.kinds import INSTANCES, dates_within_period, words
from hdnd_data.checks.relational import aggregate, merge
from hdnd_data.checks.wording import cat, choose, date_text, fmt, join_locators, round_text, say
from hdnd_data.labels import term

__all__ = ["KINDS"]

Frames = Mapping[str, pd.DataFrame]
# The committees whose missions make up the count stated for 'committees' (the council's two boards).
BODY_MEMBERS = [("committees", "legal_committee"), ("committees", "economic_social_committee")]


# ----------------------------------------------------------------------------------------------- sessions
def session_days(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """A session's stated length (in days, halves allowed) fits the calendar days between its dates."""
    s = run["sessions"]
    s = s[s["start_date"].notna() & s["end_date"].notna() & (s["end_date"] >= s["start_date"])]
    if s.empty:
        return no_findings()
    span = (s["end_date"] - s["start_date"]).dt.days + 1
    # a half-day session spans one calendar day; n days span n calendar days
    ok = (s["days"] > span - 1) & (s["days"] <= span)
    days = fmt(s["days"], 1, lang=run.lang)
    text = say("check.text.days_printed", run.lang, s.index, days=days, raw=s["days_raw"].astype(object))
    computed = say("check.text.calendar_days", run.lang, s.index, days=fmt(span, lang=run.lang))
    return finding(
        run,
        s,
        ok=ok,
        stated=s["days"],
        computed=span,
        stated_text=text,
        computed_text=computed,
        keys=keys_of(s, "sessions"),
        message=lambda: say(
            choose([ok], ["check.session_days.pass"], "check.session_days.fail", s.index),
            run.lang,
            s.index,
            instance=INSTANCES["session"](s, run.lang),
            stated=text,
            computed=computed,
            days=days,
            span=fmt(span, lang=run.lang),
        ),
    )


def sessions_within_year(
    run: Run, *, column: str, activity: str, year_column: str, how: str, messages: Mapping[str, str]
) -> Findings:
    """Per-session figures (their sum or largest) never exceed the year's figure stated for the council."""
    s = run["sessions"]
    per = aggregate(s, ["unit", "year"], part=(column, how), n=(column, "count"))
    per = per[per["n"] > 0]
    ac = run["activity_counts"]
    ac = ac[(ac["body"] == "council") & (ac["activity"] == activity) & ac[year_column].notna()]
    m = merge(ac, per, ["unit", "year"])
    if m.empty:
        return no_findings()
    part, whole = m["part"].astype("int64"), m[year_column].astype("int64")
    ok = part <= whole
    return finding(
        run,
        m,
        ok=ok,
        stated=whole,
        computed=part,
        tolerance=0.0,
        stated_text=fmt(whole, lang=run.lang),
        computed_text=say(f"check.text.over_sessions_{how}", run.lang, m.index, part=fmt(part, lang=run.lang)),
        keys=cat("sessions[session_no=*]; ", keys_of(m, "activity_counts")),
        message=lambda: say(
            choose([ok], ["check.sessions_within_year.pass"], "check.sessions_within_year.fail", m.index),
            run.lang,
            m.index,
            part=fmt(part, lang=run.lang),
            whole=fmt(whole, lang=run.lang),
            word=term(f"check.word.{how}", run.lang),
            **words(messages, run.lang),
        ),
    )


def session_held(run: Run, *, table: str, messages: Mapping[str, str]) -> Findings:
    """Rows attached to a session name a session that the same unit-year's sessions table holds."""
    t = run[table]
    t = t[t["session_no"].notna()]
    if t.empty:
        return no_findings()
    refs = aggregate(t, ["unit", "year", "session_no"], rows=("session_no", "size"), source_id=("source_id", "first"),
                     locator=("locator", "first"))
    held = run["sessions"][["unit", "year", "session_no"]].assign(held=True)
    refs["session_no"] = refs["session_no"].astype("int64")
    held = held.assign(session_no=held["session_no"].astype("int64"))
    m = merge(refs, held, ["unit", "year", "session_no"], how="left")
    ok = m["held"].fillna(False).astype(bool)
    number = fmt(m["session_no"], lang=run.lang)
    return finding(
        run,
        m,
        ok=ok,
        stated=m["session_no"],
        computed=np.nan,
        stated_text=say("check.text.session_no", run.lang, m.index, number=number),
        computed_text=say(choose([ok], ["check.text.session_listed"], "check.text.session_unlisted", m.index), run.lang, m.index),
        keys=cat(keys_of(m, table, ["session_no"]), "; ", keys_of(m, "sessions", ["session_no"])),
        message=lambda: say(
            choose([ok], ["check.session_held.pass"], "check.session_held.fail", m.index),
            run.lang,
            m.index,
            rows=fmt(m["rows"], lang=run.lang),
            number=number,
            **words(messages, run.lang),
        ),
    )


# ------------------------------------------------------------------------------------ activity vs missions
def _listed_activities(frames: Frames) -> pd.DataFrame:
    """Stated activity counts joined with what the source lists for the same body (or its members)."""
    ac = frames["activity_counts"]
    ms = frames["oversight_missions"]
    if ac.empty or ms.empty:
        return pd.DataFrame()
    members = pd.DataFrame(BODY_MEMBERS, columns=["body", "member"])
    members = pd.concat([members, pd.DataFrame({"body": ac["body"].unique(), "member": ac["body"].unique()})]).drop_duplicates()
    listed = aggregate(
        ms.assign(missing_units=ms["units_count"].isna()),
        ["unit", "year", "body", "activity"],
        listed=("item_no", "size"),
        listed_units=("units_count", "sum"),
        missing_units=("missing_units", "sum"),
        list_locator=("locator", "first"),
    )
    listed = listed.rename(columns={"body": "member"})
    m = merge(merge(ac, members, ["body"]), listed, ["unit", "year", "member", "activity"])
    if m.empty:
        return pd.DataFrame()
    return aggregate(
        m,
        ["unit", "year", "body", "activity"],
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


def listed_vs_stated(run: Run, *, stated: str, listed: str, countable: bool, messages: Mapping[str, str]) -> Findings:
    """A count the report states matches the items it lists (a shorter list may be partial: a warning)."""
    m = run.shared(_listed_activities)
    if m.empty:
        return no_findings()
    m = m[m[stated].notna()]
    if m.empty:
        return no_findings()
    said = m[stated].astype("int64")
    found = m[listed].astype("int64")
    full = m["enumerated_in_full"].astype(bool)
    uncountable = (m["missing_units"] > 0) if countable else pd.Series(False, index=m.index)
    ok = pd.Series(pd.array(found == said, dtype="boolean"), index=m.index)
    ok[uncountable] = pd.NA
    partial = ~full & (found < said) & ~uncountable
    shown = choose([uncountable], ["check.text.listed_uncountable"], "check.text.listed", m.index)
    outcome = choose(
        [ok.fillna(False), uncountable, partial, full],
        ["check.listed.pass", "check.listed.uncountable", "check.listed.partial", "check.listed.short"],
        "check.listed.more",
        m.index,
    )
    return finding(
        run,
        m,
        ok=ok,
        stated=said,
        computed=found,
        tolerance=0.0,
        stated_text=fmt(said, lang=run.lang),
        computed_text=say(shown, run.lang, m.index, listed=fmt(found, lang=run.lang)),
        keys=cat(keys_of(m, "activity_counts"), "; ", keys_of(m, "oversight_missions", ["body", "activity"], item_no="*")),
        locator=join_locators(m["locator"], m["list_locator"]),
        message=lambda: say(
            outcome,
            run.lang,
            m.index,
            instance=INSTANCES["activity"](m, run.lang),
            stated=fmt(said, lang=run.lang),
            listed=say(shown, run.lang, m.index, listed=fmt(found, lang=run.lang)),
            **words(messages, run.lang),
        ),
        assumption=lambda: say(choose([partial, uncountable], ["check.listed.assumption", "check.listed.uncountable_assumption"],
                                      "check.none", m.index), run.lang, m.index),
    )


# ------------------------------------------------------------------------------------------ voter contact
def round_around_session(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """A round before a session ends before the session starts; a round after it starts after it ends."""
    vc = run["voter_contact"]
    s = run["sessions"][["unit", "year", "term", "session_no", "start_date", "end_date", "locator"]]
    s = s.rename(columns={"start_date": "s_start", "end_date": "s_end", "locator": "s_locator"})
    m = merge(vc, s, ["unit", "year", "term", "session_no"])
    before = m["timing"] == "before"
    m = m[(before & m["end_date"].notna()) | (~before & m["start_date"].notna())]
    if m.empty:
        return no_findings()
    before = m["timing"] == "before"
    ok = pd.Series(np.where(before, m["end_date"] < m["s_start"], m["start_date"] > m["s_end"]), index=m.index)
    gap = np.where(before, (m["s_start"] - m["end_date"]).dt.days, (m["start_date"] - m["s_end"]).dt.days)
    rnd = cat(date_text(m["start_date"]), " – ", date_text(m["end_date"]))
    ses = cat(date_text(m["s_start"]), " – ", date_text(m["s_end"]))
    outcome = choose(
        [before & ok, before, ok], ["check.round.before.pass", "check.round.before.fail", "check.round.after.pass"],
        "check.round.after.fail", m.index,
    )
    return finding(
        run,
        m,
        ok=ok,
        stated=np.nan,
        computed=gap,
        stated_text=rnd,
        computed_text=say("check.text.session_dates", run.lang, m.index, dates=ses),
        keys=cat(keys_of(m, "voter_contact"), "; ", keys_of(m, "sessions")),
        locator=join_locators(m["locator"], m["s_locator"]),
        message=lambda: say(outcome, run.lang, m.index, instance=INSTANCES["round"](m, run.lang), dates=rnd, session=ses),
    )


def _referred(frames: Frames) -> pd.DataFrame:
    """Each settlement row with what the rounds it covers sent to the city (``referred``) and how many of those
    rounds state no such figure (``unknown``)."""
    rs = frames["recommendation_settlement"].reset_index(drop=True)
    rs["row"] = np.arange(len(rs))
    rounds = rs[["row", "unit", "year", "rounds"]].assign(round_id=rs["rounds"].astype(object).str.split(";")).explode("round_id")
    rounds["round_id"] = rounds["round_id"].str.strip()
    vc = frames["voter_contact"][["unit", "year", "round_id", "to_city"]].astype({"round_id": object})
    j = merge(rounds, vc, ["unit", "year", "round_id"], how="left")
    j["unknown"] = j["to_city"].isna()
    per = aggregate(j, ["row"], referred=("to_city", "sum"), unknown=("unknown", "sum"))
    return merge(rs, per, ["row"], how="left")


def settlement_vs_referred(run: Run, *, columns: Sequence[str], relation: str, messages: Mapping[str, str]) -> Findings:
    """Recommendations settled (or addressed) against those the rounds it covers sent to the city.

    ``relation`` is ``equal`` (the outcomes account for every recommendation) or ``within`` (a subset).
    """
    rs = run.shared(_referred)
    rs = rs[rs[list(columns)].notna().any(axis=1)].reset_index(drop=True)
    if rs.empty:
        return no_findings()
    lang = run.lang
    rounds_text = round_text(rs["rounds"], lang)
    total = rs[list(columns)].fillna(0).astype("int64").sum(axis=1)
    referred = rs["referred"].astype("int64")
    unknown = rs["unknown"] > 0
    ok = pd.Series(pd.array((total == referred) if relation == "equal" else (total <= referred), dtype="boolean"), index=rs.index)
    ok[unknown] = pd.NA
    parts_text = cat(
        *[x for c in columns for x in (" + ", fmt(rs[c].fillna(0), lang=lang))][1:], *([" = ", fmt(total, lang=lang)] if len(columns) > 1 else [])
    )
    outcome = choose(
        [ok.fillna(False), unknown], [f"check.referred.{relation}.pass", "check.referred.unknown"],
        f"check.referred.{relation}.fail", rs.index,
    )
    round_keys = rs["rounds"].astype(object).str.replace(r"\s*;\s*", "|", regex=True)
    return finding(
        run,
        rs,
        ok=ok,
        stated=referred,
        computed=total,
        tolerance=0.0,
        stated_text=fmt(referred, lang=run.lang),
        computed_text=parts_text,
        keys=cat(keys_of(rs, "recommendation_settlement"), "; voter_contact[round_id=", round_keys, "]"),
        message=lambda: say(
            outcome,
            run.lang,
            rs.index,
            id=round_text(rs["settlement_id"], lang),  # named after its rounds: after-11 reads sau kỳ họp 11
            reported_in=rs["reported_in"].astype(object),
            computed=parts_text,
            rounds=rounds_text,
            referred=fmt(referred, lang=run.lang),
            **words(messages, run.lang),
        ),
    )


# ------------------------------------------------------------------------------------- citizen reception
def _reception_dates(frames: Frames) -> pd.DataFrame:
    cr = frames["citizen_reception"]
    cr = cr[cr["dates"].notna()].reset_index(drop=True)
    if cr.empty:
        return pd.DataFrame()
    d = pd.DataFrame({"row": np.arange(len(cr)), "date": cr["dates"].astype(object).str.split(";")}).explode("date")
    d["date"] = pd.to_datetime(d["date"].str.strip(), format="%Y-%m-%d", errors="coerce")
    d["bad"] = d["date"].isna()
    per = aggregate(d, ["row"], n=("date", "size"), bad=("bad", "sum"), first=("date", "min"), last=("date", "max"))
    return cr.join(per.drop(columns="row"))


def reception_dates_listed(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """The reception days listed are as many as the reception sessions stated."""
    cr = run.shared(_reception_dates)
    if cr.empty:
        return no_findings()
    cr = cr[cr["sessions_held"].notna()]
    if cr.empty:
        return no_findings()
    held = cr["sessions_held"].astype("int64")
    ok = cr["n"] == held
    return finding(
        run,
        cr,
        ok=ok,
        stated=held,
        computed=cr["n"],
        tolerance=0.0,
        stated_text=fmt(held, lang=run.lang),
        computed_text=say("check.text.days", run.lang, cr.index, days=fmt(cr["n"], lang=run.lang)),
        keys=keys_of(cr, "citizen_reception"),
        message=lambda: say(
            choose([ok], ["check.reception_days.pass"], "check.reception_days.fail", cr.index),
            run.lang,
            cr.index,
            instance=INSTANCES["reception"](cr, run.lang),
            held=fmt(held, lang=run.lang),
            listed=fmt(cr["n"], lang=run.lang),
        ),
    )


def reception_dates_in_period(run: Run, *, messages: Mapping[str, str]) -> Findings:
    """The reception days lie within the period the source covers; an unreadable day fails the check."""
    cr = run.shared(_reception_dates)
    if cr.empty:
        return no_findings()
    cr = cr.drop(columns=["dates"]).rename(columns={"first": "first_date", "last": "last_date"})
    found = dates_within_period(
        run, table="citizen_reception", start="first_date", end="last_date", instance="reception", messages=messages, frame=cr
    )
    # a listed date that is not a date cannot be placed in the period: the check fails and says so
    bad = cr.loc[cr["first_date"].notna(), "bad"].to_numpy() > 0
    if len(found["ok"]) and bad.any():
        found["ok"][bad] = 0.0
        found["message"][bad] = found["message"][bad] + term("check.reception.unreadable_dates", run.lang)
    return found


KINDS = {
    "session_days": session_days,
    "sessions_within_year": sessions_within_year,
    "session_held": session_held,
    "listed_vs_stated": listed_vs_stated,
    "round_around_session": round_around_session,
    "settlement_vs_referred": settlement_vs_referred,
    "reception_dates_listed": reception_dates_listed,
    "reception_dates_in_period": reception_dates_in_period,
}
