"""Averages worded as ratios: "bình quân 90 cử tri/buổi", "trung bình mỗi buổi có 12 lượt người", "bình quân 7 triệu
đồng/người", "bình quân 2,1 vụ/1.000 dân", against the total and the count of units stated nearby in the paragraph.
"""

from __future__ import annotations

import re

from hdnd_data.data.numbers import printed_interval
from hdnd_data.text.misprints import explain, truncates_to
from hdnd_data.text.scan import (
    MONEY_UNITS,
    NUM,
    PERSON_NOUNS,
    _fmt,
    _half,
    _Line,
    _Quantity,
    _stated,
    _value,
    _within,
)

AVERAGE_CUE_RE = re.compile(r"\b(?:bình quân|trung bình)\b", re.IGNORECASE)
# "mỗi buổi (tiếp xúc) có", "một người": the unit an average is per, named before the figure
PER_BEFORE_RE = re.compile(r"^\s*(?:mỗi|một|1|(?=đầu\s+người))\s*(?:đầu\s+)?([^\W\d_]+)[^\d;.]*$", re.IGNORECASE)
# "90 cử tri/buổi", "7 triệu đồng/người", "2,1 vụ/1.000 dân", "3 kiến nghị trên một buổi"
PER_AFTER_RE = re.compile(rf"^\s*(?:[^\W\d_]+\s*){{1,3}}(?:/|\s+trên\s+(?:một|mỗi)\s+|\s+(?:mỗi|một)\s+)\s*(?:({NUM})\s+)?([^\W\d_]+)",
                          re.IGNORECASE)
# How far from the average its total and its count of units may stand: the paragraph around it.
WINDOW = (500, 200)
# A base-unit noun and the nouns of the figures it matches ("dân" is counted in "người", "nhân khẩu").
SAME_UNIT = {"dân": {"dân", "người", "nhân"}, "người": PERSON_NOUNS | {"dân", "nhân"}, "hộ": {"hộ"}}


def _unit_of(noun: str) -> set[str]:
    return SAME_UNIT.get(noun, PERSON_NOUNS if noun in PERSON_NOUNS else {noun})


def _averages(line: _Line) -> None:
    """Each average with the words of its unit: passed when a total and a count of units of the paragraph give it at
    its printed precision; flagged only when the paragraph has one figure of each that it can be (never by chance)."""
    text, quantities = line.text, line.quantities()
    for cue in AVERAGE_CUE_RE.finditer(text):
        found = _average_at(line, quantities, cue)
        if found is None:
            continue
        average, per, scale, tail = found
        line.used.add(average.start)
        low, high = max(0, average.start - WINDOW[0]), min(len(text), average.end + WINDOW[1])
        near = [q for q in line.within(low, high, limit=40) if q is not average and q.value > 0 and q.role in (
                "count", "denominator", "numerator") and not average.start <= q.start < tail and (not q.approximate or (
                    AVERAGE_CUE_RE.search(text, max(0, q.start - 14), q.start)))]  # "dân số trung bình 710.000 người"
        totals = [q for q in near if _same_thing(q, average)]
        units = [q for q in near if q.noun and not q.currency and (q.counts in _unit_of(per) or q.noun in _unit_of(per))
                 and q not in totals]
        if not totals or not units:
            continue
        pairs = sorted(((t, u) for t in totals for u in units),
                       key=lambda pair: abs(pair[0].start - average.start) + abs(pair[1].start - average.start))
        stated = _stated(average.raw)
        factor = average.value / stated.value if stated.value else 1.0  # millions per printed unit of money
        holding = [(t, u) for t, u in pairs if _within(t.value / u.value * scale / factor, stated.interval)]
        if holding:
            _row(line, average, *holding[0], scale, factor, "pass")
        elif len(totals) == 1 and len(units) == 1:
            # tied by wording when the three figures stand in one sentence and count things, not money (a
            # paragraph's amounts are of many lines); elsewhere only an average a slip explains is flagged, as a warning
            sentence = line.sentence_of(average.start)
            tied = not average.currency and all(sentence[0] <= q.start < sentence[1] for q in (totals[0], units[0]))
            _row(line, average, totals[0], units[0], scale, factor, "fail" if tied else "warn")


def _average_at(line: _Line, quantities: list[_Quantity], cue: re.Match):
    """The figure an average cue speaks of, the noun of the unit it is per and the scale ("/1.000 dân")."""
    text = line.text
    after = [q for q in line.within(cue.end(), cue.end() + 60, limit=2) if q.role in ("count", "numerator")]
    if not after or after[0].start in line.used:
        return None
    average = after[0]
    between = text[cue.end():average.start]
    if ";" in between or ". " in between:
        return None
    stated = _stated(average.raw)
    if stated is None or not stated.value:
        return None
    before = PER_BEFORE_RE.match(between)
    if before:
        return average, before.group(1).lower(), 1.0, average.end
    unit = MONEY_UNITS_RE.match(text, average.end) if average.currency else None
    tail = text[unit.end() if unit else average.end:average.end + 80]
    words = PER_AFTER_RE.match(("x " + tail) if unit else tail)
    if words is None:
        return None
    scale = _value(words.group(1)) if words.group(1) else 1.0
    if not scale:
        return None
    return average, words.group(2).lower(), scale, (unit.end() if unit else average.end) + words.end() - (2 if unit else 0)


MONEY_UNITS_RE = re.compile(r"\s*(?:" + "|".join(sorted(map(re.escape, MONEY_UNITS), key=len, reverse=True)) + r")", re.IGNORECASE)


def _same_thing(total: _Quantity, average: _Quantity) -> bool:
    """Whether a figure is the total an average divides: money of its currency, or a count of the same thing ("1.260
    lượt cử tri" for "90 cử tri/buổi", "4.875 nhân khẩu" for "3,9 người/hộ"; never deputies for voters)."""
    if average.currency or total.currency:
        return average.currency == total.currency
    if not total.noun or not average.noun:
        return False
    of_total, of_average = _things(total), _things(average)
    if of_total & of_average:
        return True
    return ("lượt" in of_average and total.noun == "lượt") or ("lượt" in of_total and average.noun == "lượt")


# People counted without saying who: one thing ("người", "nhân khẩu", "dân", "công dân"); voters or deputies are not.
ANY_PEOPLE = {"người", "nhân", "dân", "công"}


def _things(q: _Quantity) -> set[str]:
    words = {q.noun, q.alias} - {""}
    words = words - {"lượt"} or words
    return {"người" if w in ANY_PEOPLE else w for w in words}


def _row(line: _Line, average: _Quantity, total: _Quantity, units: _Quantity, scale: float, factor: float, status: str) -> None:
    stated = _stated(average.raw)
    computed = total.value / units.value * scale / factor
    decimals = max(2, stated.decimals + 1)
    spans = sorted([(total.start, total.end), (units.start, units.end)]) + [(average.start, average.end)]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    per = f" × {_fmt(scale)}" if scale != 1 else ""
    shown = f"{total.raw}/{units.raw}{per} = {_fmt(computed, decimals)}"
    values = {"total": total.raw, "units": units.raw, "value": _fmt(computed, decimals), "printed": average.raw}
    extra = {"spans": spans, "main": (average.start, average.end)}
    if status == "pass":
        line.add(start, end, "average", average.raw, shown, _half(stated.decimals), "pass", "", convention="rounding",
                 assumption=line.msg("average_figures", total=total.raw, units=units.raw), **extra)
        return
    if truncates_to(computed, stated.decimals, stated.value):
        line.add(start, end, "average", average.raw, shown, _half(stated.decimals), "warn",
                 line.msg("average_truncated", **values), convention="truncation", **extra)
        return

    def holds(role: str, raw: str, slip) -> bool:
        if role == "count":  # the average itself
            return _within(computed, printed_interval(slip.value, slip.decimals))
        new_total, new_units = (slip.value * total.value / _value(total.raw), units.value) if role == "total" else (
            total.value, slip.value)
        return new_units > 0 and _within(new_total / new_units * scale / factor, stated.interval)

    hypothesis = explain([("count", average.raw), ("total", total.raw), ("base", units.raw)], holds, line.lang)
    if status == "warn" and not hypothesis and not 0.5 <= computed / stated.value <= 2:
        return  # figures found apart from the average that are far off and explain nothing: likely not its figures
    line.add(start, end, "average", average.raw, shown, _half(stated.decimals), status,
             line.msg("average_off", **values), hypothesis=hypothesis, convention="rounding", **extra)
