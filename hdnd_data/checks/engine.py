"""Consistency checks: the engine that confronts the stated figures with each other, rounding-aware.

A rule (see :mod:`hdnd_data.checks.rules` for the catalogue) evaluates whole frames at once and yields one finding per
relation it can test; the engine turns findings into verdicts (``pass``, ``fail``, ``warn``) and a results table.
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hdnd_data.data.loader import TABLES, load_all, validate_frames
from hdnd_data.data.numbers import format_number

__all__ = [
    "FINDING_COLUMNS",
    "RESULT_COLUMNS",
    "Rule",
    "catalogue",
    "run_checks",
    "summarise",
]

STATUSES = ("pass", "fail", "warn")
# The language run_checks was asked for; finding() builds message texts in that language only.
_ACTIVE_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("hdnd_check_lang", default=None)
LANGS = ("vi", "en")
RESULT_COLUMNS = [
    "rule_id",
    "kind",
    "unit",
    "year",
    "status",
    "message",
    "stated",
    "computed",
    "tolerance",
    "stated_text",
    "computed_text",
    "source_id",
    "locator",
    "assumption",
]
# What a rule's evaluator returns: one row per relation instance. ``ok`` is True (holds), False (violated) or
# missing (cannot be decided from what is printed: always a warn).
FINDING_COLUMNS = [
    "unit",
    "year",
    "ok",
    "stated",
    "computed",
    "tolerance",
    "stated_text",
    "computed_text",
    "source_id",
    "locator",
    "message_vi",
    "message_en",
    "assumption_vi",
    "assumption_en",
]
UNIT_YEAR = ["unit", "year"]


@dataclass(frozen=True)
class Rule:
    """One consistency rule: what it checks, what it reads, and the function that evaluates it over whole frames.

    ``severity`` is the status a violation gets when nothing in it rests on an assumption: ``fail`` for relations
    that must hold, ``warn`` for relations that hold only under an assumption the rule names.
    """

    id: str
    kind: str
    severity: str
    description_vi: str
    description_en: str
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    evaluate: Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]

    def __post_init__(self) -> None:
        if self.severity not in ("fail", "warn"):
            raise ValueError(f"rule {self.id}: severity must be 'fail' or 'warn', not {self.severity!r}")


# ------------------------------------------------------------------------------------------- text helpers
def fmt(values: pd.Series, decimals: int | pd.Series = 0, suffix: str = "") -> pd.Series:
    """Vietnamese-formatted text of each value (``390.463``, ``97,52``); missing values print as ``–``.

    Babel formats one number at a time, so only the distinct values of each precision are formatted.
    """
    values = pd.Series(values)
    v = pd.to_numeric(values, errors="coerce").astype("float64").to_numpy()
    d = np.broadcast_to(np.asarray(decimals, dtype="int64"), v.shape)
    out = np.full(len(v), "–", dtype=object)
    for dec in np.unique(d):  # one pass per printed precision (a handful), never per row
        at = np.flatnonzero(d == dec)
        codes, uniq = pd.factorize(v[at])
        texts = np.array([format_number(u, int(dec)) + suffix for u in uniq] + ["–"], dtype=object)
        out[at] = texts[np.where(codes >= 0, codes, len(uniq))]
    return pd.Series(out, index=values.index, dtype=object)


def fmt_pct(values: pd.Series, decimals: int | pd.Series = 1) -> pd.Series:
    """``93.2`` -> ``93,2%``."""
    return fmt(values, decimals, suffix="%")


def cat(*parts: object) -> pd.Series:
    """Concatenate text Series and plain strings element-wise (the index comes from the first Series)."""
    index = next(p.index for p in parts if isinstance(p, pd.Series))
    columns = [p.astype(object).to_numpy() if isinstance(p, pd.Series) else itertools.repeat(str(p)) for p in parts]
    try:  # each row joined once: no intermediate strings, the cost stays one pass however many parts
        return pd.Series(["".join(row) for row in zip(*columns, strict=False)], index=index, dtype=object)
    except TypeError:  # a missing value among the parts: pandas' element-wise addition lets it propagate
        pass
    out = pd.Series("", index=index, dtype=object)
    for part in parts:
        out = out + (part.astype(object).to_numpy() if isinstance(part, pd.Series) else str(part))
    return out


def choose(conditions: Sequence[object], choices: Sequence[object], default: object, index: pd.Index) -> pd.Series:
    """Vectorised if/elif/else over text: the first true condition picks its choice."""
    conds = [np.asarray(pd.Series(c, index=index).fillna(False), dtype=bool) for c in conditions]
    opts = [np.asarray(pd.Series(c, index=index).astype(object), dtype=object) for c in choices]
    fallback = np.asarray(pd.Series(default, index=index).astype(object), dtype=object)
    return pd.Series(np.select(conds, opts, fallback), index=index, dtype=object)


def label(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """Map codes to display names; unknown codes print as themselves."""
    values = values.astype(object)
    return values.map(dict(mapping)).fillna(values).astype(object)


def join_locators(a: pd.Series, b: pd.Series) -> pd.Series:
    """One locator when both figures sit in the same place, else both (``I.4.1; I.1.3``)."""
    a, b = a.astype(object), b.astype(object)
    return pd.Series(np.where(a.to_numpy() == b.to_numpy(), a, cat(a, "; ", b)), index=a.index, dtype=object)


# ---------------------------------------------------------------------------------------- printed numbers
def printed_decimals(raw: pd.Series) -> pd.Series:
    """Digits printed after the decimal comma (``"93,2"`` -> 1, ``"105"`` -> 0, ``"10,15%"`` -> 2)."""
    codes, uniq = pd.factorize(raw.astype(object))  # a column repeats few printed forms: read each once
    text = pd.Series(uniq, dtype=object).astype(str).str.strip().str.rstrip("%").str.strip()
    comma = text.str.find(",").to_numpy("int64")
    found = np.append(np.where(comma >= 0, text.str.len().to_numpy("int64") - comma - 1, 0), 0)  # missing: 0
    return pd.Series(found[codes], index=raw.index, dtype="int64")


def half_unit(decimals: pd.Series | int) -> pd.Series | float:
    """Half a unit of the last printed digit: the rounding tolerance of a printed number."""
    return (
        0.5 * np.power(10.0, -np.asarray(decimals, dtype="float64")) if isinstance(decimals, pd.Series) else 0.5 * 10.0**-decimals
    )


def rate_admitted(numerator: pd.Series, denominator: pd.Series, value: pd.Series, decimals: pd.Series, factor: int = 100):
    """Does ``factor * numerator / denominator`` print as ``value`` (at ``decimals`` digits)?

    Exact integer arithmetic, so that the edges of the interval are decided right (GRIM-style). A value exactly
    half a unit below the printed one prints as it under half-up rounding (and under half-even only when the
    last printed digit is even); exactly half a unit above, only under half-even with an even last digit.
    Returns ``(admitted, rounding)`` where ``rounding`` is ``"half_up"``/``"half_even"`` when only one rule admits it.
    """
    num = numerator.astype("int64").to_numpy()
    den = denominator.astype("int64").to_numpy()
    dec = decimals.astype("int64").to_numpy()
    scale = np.power(10, dec).astype("int64")
    scaled = np.round(np.abs(value.astype("float64").to_numpy()) * scale).astype("int64")
    lhs = 2 * factor * num * scale
    lo, hi = (2 * scaled - 1) * den, (2 * scaled + 1) * den
    even = scaled % 2 == 0
    at_lo, at_hi = lhs == lo, lhs == hi
    admitted = ((lhs > lo) & (lhs < hi)) | at_lo | (at_hi & even)
    rounding = np.select([at_lo & ~even, at_hi & even], ["half_up", "half_even"], "")
    return pd.Series(admitted, index=value.index), pd.Series(rounding, index=value.index, dtype=object)


def intervals_overlap(lo_a, hi_a, lo_b, hi_b) -> pd.Series:
    """Closed intervals [lo_a, hi_a] and [lo_b, hi_b] share a point."""
    return (lo_a <= hi_b) & (lo_b <= hi_a)


# ------------------------------------------------------------------------------------------------ findings
def finding(
    frame: pd.DataFrame,
    *,
    ok: object,
    stated: object,
    computed: object,
    stated_text: object,
    computed_text: object,
    message_vi: object,
    message_en: object,
    tolerance: object = np.nan,
    assumption_vi: object = "",
    assumption_en: object = "",
    locator: object = None,
) -> pd.DataFrame:
    """Assemble an evaluator's output from ``frame`` (which carries unit, year, source_id, locator)."""
    out = pd.DataFrame(index=frame.index)
    out["unit"] = frame["unit"].astype(object)
    out["year"] = frame["year"].astype("int64")
    out["ok"] = pd.array(pd.Series(ok, index=frame.index), dtype="boolean")
    for name, value in [("stated", stated), ("computed", computed), ("tolerance", tolerance)]:
        out[name] = pd.to_numeric(pd.Series(value, index=frame.index), errors="coerce").astype("float64")
    texts = [
        ("stated_text", stated_text),
        ("computed_text", computed_text),
        ("message_vi", message_vi),
        ("message_en", message_en),
        ("assumption_vi", assumption_vi),
        ("assumption_en", assumption_en),
    ]
    active = _ACTIVE_LANG.get()
    for name, value in texts:
        if callable(value):
            # messages are built only in the language asked for: text is most of the cost at scale
            value = value() if active is None or name.endswith("_" + active) else ""
        out[name] = pd.Series(value, index=frame.index).astype(object)
    out["source_id"] = frame["source_id"].astype(object)
    out["locator"] = (frame["locator"] if locator is None else pd.Series(locator, index=frame.index)).astype(object)
    return out[FINDING_COLUMNS]


def no_findings() -> pd.DataFrame:
    """An evaluator's answer when the data hold no instance of its relation."""
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in FINDING_COLUMNS})


# ------------------------------------------------------------------------------------- generic rule kinds
Instance = Callable[[pd.DataFrame], tuple[pd.Series, pd.Series]]


def instance_of(prefix_vi: str, prefix_en: str, column: str, mapping_vi=None, mapping_en=None) -> Instance:
    """Name each row in messages, e.g. ``Đợt before-13`` / ``Round before-13``."""

    def name(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
        values = frame[column].astype(object).astype(str)
        vi = label(values, mapping_vi) if mapping_vi else values
        en = label(values, mapping_en) if mapping_en else values
        return cat(prefix_vi, vi), cat(prefix_en, en)

    return name


def _row_parts(frame: pd.DataFrame, parts: Sequence[str], total: str) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    """Rows that state every part and the total: the rows, the parts' sum, the total and the text "a + b"."""
    frame = frame[frame[[*parts, total]].notna().all(axis=1)]
    summed = frame[list(parts)].astype("int64").sum(axis=1)
    terms = cat(*[x for p in parts for x in (" + ", fmt(frame[p]))][1:]) if not frame.empty else pd.Series(dtype=object)
    return frame, summed, frame[total].astype("int64"), terms


def column_sum(
    table: str,
    parts: Sequence[str],
    total: str,
    *,
    instance: Instance,
    parts_vi: str,
    parts_en: str,
    total_vi: str,
    total_en: str,
) -> Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]:
    """Parts stated in columns of one row must add up to the total stated in another column of it."""

    def evaluate(frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        frame, summed, stated, terms = _row_parts(frames[table], parts, total)
        if frame.empty:
            return no_findings()
        ok = summed == stated
        computed_text = cat(terms, " = ", fmt(summed))
        stated_text = fmt(stated)
        gap = fmt((summed - stated).abs())
        vi, en = instance(frame)
        return finding(
            frame,
            ok=ok,
            stated=stated,
            computed=summed,
            tolerance=0.0,
            stated_text=stated_text,
            computed_text=computed_text,
            message_vi=lambda: cat(
                vi,
                f": {parts_vi} = ",
                computed_text,
                f"; {total_vi}: ",
                stated_text,
                choose([ok], [" — khớp."], cat(" — lệch ", gap, "."), frame.index),
            ),
            message_en=lambda: cat(
                en,
                f": {parts_en} = ",
                computed_text,
                f"; {total_en}: ",
                stated_text,
                choose([ok], [" — consistent."], cat(" — off by ", gap, "."), frame.index),
            ),
        )

    return evaluate


def column_within(
    table: str,
    parts: Sequence[str],
    whole: str,
    *,
    instance: Instance,
    parts_vi: str,
    parts_en: str,
    whole_vi: str,
    whole_en: str,
) -> Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]:
    """A subset (or the sum of disjoint subsets) stated in a row never exceeds the whole stated in it."""

    def evaluate(frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        frame, summed, stated, terms = _row_parts(frames[table], parts, whole)
        if frame.empty:
            return no_findings()
        ok = summed <= stated
        computed_text = cat(terms, " = ", fmt(summed)) if len(parts) > 1 else terms
        vi, en = instance(frame)
        return finding(
            frame,
            ok=ok,
            stated=stated,
            computed=summed,
            tolerance=0.0,
            stated_text=fmt(stated),
            computed_text=computed_text,
            message_vi=lambda: cat(
                vi,
                f": {parts_vi} ",
                computed_text,
                choose([ok], [" không vượt "], " vượt ", frame.index),
                f"{whole_vi} ",
                fmt(stated),
                ".",
            ),
            message_en=lambda: cat(
                en,
                f": {parts_en} ",
                computed_text,
                choose([ok], [" does not exceed "], " exceeds ", frame.index),
                f"{whole_en} ",
                fmt(stated),
                ".",
            ),
        )

    return evaluate


def _date_text(values: pd.Series) -> pd.Series:
    codes, uniq = pd.factorize(pd.to_datetime(values))  # each distinct day formatted once
    texts = np.append(pd.DatetimeIndex(uniq).strftime("%d/%m/%Y").to_numpy(dtype=object), "–")  # missing: –
    return pd.Series(texts[codes], index=values.index, dtype=object)


def dates_in_order(
    table: str, start: str, end: str, *, instance: Instance
) -> Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]:
    """A period's last day is not before its first day."""

    def evaluate(frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        frame = frames[table]
        frame = frame[frame[start].notna() & frame[end].notna()]
        if frame.empty:
            return no_findings()
        ok = frame[end] >= frame[start]
        span = (frame[end] - frame[start]).dt.days
        text = cat(_date_text(frame[start]), " – ", _date_text(frame[end]))
        vi, en = instance(frame)
        return finding(
            frame,
            ok=ok,
            stated=np.nan,
            computed=span,
            stated_text=text,
            computed_text=cat("chênh ", fmt(span), " ngày"),
            message_vi=lambda: cat(
                vi,
                ": ",
                text,
                choose([ok], [" — ngày kết thúc không trước ngày bắt đầu."], " — ngày kết thúc trước ngày bắt đầu.", frame.index),
            ),
            message_en=lambda: cat(
                en,
                ": ",
                text,
                choose([ok], [" — the end is not before the start."], " — the end is before the start.", frame.index),
            ),
        )

    return evaluate


def dates_within_source_period(
    table: str, start: str, end: str, *, instance: Instance
) -> Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]:
    """Dates a source reports lie within the period that source covers."""

    def evaluate(frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
        frame = frames[table]
        frame = frame[frame[start].notna() & frame[end].notna()]
        sources = frames["sources"][["unit", "year", "source_id", "period_start", "period_end"]]
        frame = frame.merge(sources, on=["unit", "year", "source_id"], how="inner")
        if frame.empty:
            return no_findings()
        ok = (frame[start] >= frame["period_start"]) & (frame[end] <= frame["period_end"])
        text = cat(_date_text(frame[start]), " – ", _date_text(frame[end]))
        period = cat(_date_text(frame["period_start"]), " – ", _date_text(frame["period_end"]))
        vi, en = instance(frame)
        return finding(
            frame,
            ok=ok,
            stated=np.nan,
            computed=np.nan,
            stated_text=text,
            computed_text=period,
            message_vi=lambda: cat(vi, ": ", text, choose([ok], [" nằm trong "], " nằm ngoài ", frame.index), "kỳ báo cáo ", period, "."),
            message_en=lambda: cat(
                en,
                ": ",
                text,
                choose([ok], [" lies within "], " lies outside ", frame.index),
                "the reporting period ",
                period,
                ".",
            ),
        )

    return evaluate


# ----------------------------------------------------------------------------------------------- engine
class _RunFrames(dict):
    """The tables of one run, with room for what several rules derive from them (see :func:`shared`)."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]):
        super().__init__(frames)
        self.memo: dict[Callable, pd.DataFrame] = {}


def shared(derive: Callable[[Mapping[str, pd.DataFrame]], object]) -> Callable[[Mapping[str, pd.DataFrame]], object]:
    """Derive once per run what several rules read (e.g. the wide petition table); rules must not modify it."""

    @functools.wraps(derive)
    def wrapper(frames: Mapping[str, pd.DataFrame]) -> object:
        memo = getattr(frames, "memo", None)
        if memo is None:  # frames a rule built for itself, or a direct call: nothing to share
            return derive(frames)
        if derive not in memo:
            memo[derive] = derive(frames)
        return memo[derive]

    return wrapper


def catalogue() -> list[Rule]:
    """The rules, as data (see :mod:`hdnd_data.checks.rules`)."""
    from hdnd_data.checks.rules import RULES  # the catalogue is built from the kinds above, so it is imported after them

    return list(RULES)


def _empty_tables(names: Iterable[str]) -> dict[str, pd.DataFrame]:
    return validate_frames({name: pd.DataFrame(columns=TABLES[name].columns) for name in names}, origin_name="<empty>")


def _years(year: int | Iterable[int] | None) -> set[int] | None:
    if year is None:
        return None
    return {int(year)} if isinstance(year, (int, str, np.integer)) else {int(y) for y in year}


def _prepare(frames, unit, year, data_dir, validated=False) -> dict[str, pd.DataFrame]:
    if frames is None:
        return load_all(unit=unit, year=year, data_dir=data_dir)
    data = dict(frames) if validated else validate_frames(frames)
    missing = [name for name in TABLES if name not in data]
    data.update(_empty_tables(missing))
    wanted = _years(year)
    if unit is None and wanted is None:
        return data
    for name, frame in data.items():
        keep = pd.Series(True, index=frame.index)
        if unit is not None:
            keep &= frame["unit"] == unit
        if wanted is not None:
            keep &= frame["year"].isin(wanted)
        data[name] = frame[keep.to_numpy()].reset_index(drop=True)
    return data


def _verdicts(rule: Rule, found: pd.DataFrame, lang: str) -> pd.DataFrame:
    ok = pd.array(found["ok"], dtype="boolean")
    assumption = found[f"assumption_{lang}"].fillna("").astype(str)
    doubtful = np.asarray(pd.isna(ok)) | (assumption != "").to_numpy() | (rule.severity == "warn")
    holds = np.asarray(pd.Series(ok).fillna(False), dtype=bool)
    out = found.drop(columns=["ok", "message_vi", "message_en", "assumption_vi", "assumption_en"]).copy()
    out["status"] = np.where(holds, "pass", np.where(doubtful, "warn", "fail"))
    out["message"] = found[f"message_{lang}"].astype(object)
    out["assumption"] = assumption.astype(object)
    out["rule_id"] = rule.id
    out["kind"] = rule.kind
    return out[RESULT_COLUMNS]


def run_checks(
    *,
    unit: str | None = None,
    year: int | Iterable[int] | None = None,
    data_dir: str | os.PathLike | None = None,
    frames: Mapping[str, pd.DataFrame] | None = None,
    lang: str = "vi",
    rules: Sequence[Rule] | None = None,
    validated: bool = False,
) -> pd.DataFrame:
    """Run every consistency rule over the data of ``unit`` (``None``: all units) and ``year`` (``None``: all).

    With ``frames`` (table name -> DataFrame, any units and years), those tables are validated and checked
    instead of the files; a table left out counts as having no rows (``validated=True`` skips validating
    frames that come straight from :func:`~hdnd_data.data.loader.load_all`). Returns one row per rule instance with
    the columns of :data:`RESULT_COLUMNS`, sorted by unit, year and rule id; messages are in ``lang``
    (``"vi"`` or ``"en"``). Raises :class:`~hdnd_data.data.loader.DataValidationError` on invalid data.

    >>> import hdnd_data as hd
    >>> r = hd.run_checks(year=2020)
    >>> r.loc[r.rule_id == "petition.settlement_rate", "computed_text"].iloc[0]
    '550/564 = 97,52%'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    data = _RunFrames(_prepare(frames, unit, year, data_dir, validated))
    parts = []
    token = _ACTIVE_LANG.set(lang)
    try:
        for rule in catalogue() if rules is None else rules:
            found = rule.evaluate(data)
            if len(found):
                parts.append(_verdicts(rule, found, lang))
    finally:
        _ACTIVE_LANG.reset(token)
    if not parts:
        return pd.DataFrame(
            {c: pd.Series([], dtype="float64" if c in ("stated", "computed", "tolerance") else object) for c in RESULT_COLUMNS}
        )
    result = pd.concat(parts, ignore_index=True)
    result["year"] = result["year"].astype("int64")
    return result.sort_values(["unit", "year", "rule_id"], kind="stable").reset_index(drop=True)


def summarise(results: pd.DataFrame) -> pd.DataFrame:
    """Counts of ``pass``/``fail``/``warn`` per unit and year, with the number of checks run."""
    counts = pd.crosstab([results["unit"], results["year"]], results["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.columns.name = None
    counts["checks"] = counts[list(STATUSES)].sum(axis=1)
    return counts.reset_index()
