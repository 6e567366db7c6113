"""Changes and shares: differences against earlier figures, growth of a whole and its parts, shares of one whole."""

from __future__ import annotations

import re

from hdnd_data.data.numbers import decimals_of, printed_interval
from hdnd_data.text.misprints import explain, truncates_to
from hdnd_data.text.scan import (
    _EPS,
    NUM,
    PERCENT_RE,
    TRONG_DO_RE,
    _fmt,
    _half,
    _Line,
    _pct,
    _Quantity,
    _stated,
    _value,
    _within,
)

CHANGE_RE = re.compile(
    rf"\b(tăng|giảm)\s+(?:thêm\s+)?({NUM})\s?(%|điểm phần trăm|điểm %|[^\W\d_]+)?([^()\d]{{0,60}}?)"
    rf"\(\s*({NUM})\s*/\s*({NUM})\s*\)",
    re.IGNORECASE,
)


def _differences(line: _Line) -> None:
    """"tăng 21 đơn (564/543)" and "giảm 1% (97,5/98,5)": the change against the two figures in brackets."""
    text = line.text
    for match in CHANGE_RE.finditer(text):
        direction, unit = match.group(1).lower(), (match.group(3) or "").lower()
        stated, now, before = _stated(match.group(2)), _value(match.group(5)), _value(match.group(6))
        if stated is None or now is None or before is None:
            continue
        line.used.update({match.start(2), match.start(5)})
        places = max(decimals_of(match.group(5)), decimals_of(match.group(6)))
        shown_now, shown_before = _fmt(now, places), _fmt(before, places)
        sign = 1 if direction == "tăng" else -1
        diff = now - before
        width = _half(stated.decimals)
        if sign * diff < 0:
            line.add(match.start(), match.end(), "difference", f"{direction} {match.group(2)}{unit and ' ' + unit}",
                     f"{shown_now} − {shown_before} = {_fmt(diff, places)}", width, "fail", line.msg(
                         "change_bracket_direction", word=direction))
            continue
        decimals = max(2, stated.decimals + 1)
        if unit and unit != "%" and "điểm" not in unit:
            ok = _within(abs(diff), stated.interval)
            exact = "0" if places == 0 and stated.decimals == 0 else width  # whole counts: ±0,5 means exactly
            line.add(match.start(), match.end(), "difference", f"{direction} {match.group(2)} {unit}",
                     f"{shown_now} − {shown_before} = {_fmt(abs(diff), places)}", exact, "pass" if ok else "fail")
            continue
        points, relative = abs(diff), abs(100.0 * diff / before) if before else float("nan")
        sentence = text[line.sentence_of(match.start())[0]:match.start()]
        are_percentages = "điểm" in unit or "tỷ lệ" in sentence.lower() or re.search(
            rf"(?<![\d.,]){re.escape(match.group(5))}\s?%", sentence)
        computed = line.msg("change_both_readings", points=_fmt(points, decimals), relative=_fmt(relative, decimals))
        if "điểm" in unit:
            readings = {"points": _within(points, stated.interval)}
        elif are_percentages:
            readings = {"points": _within(points, stated.interval), "relative": _within(relative, stated.interval)}
        else:
            readings = {"relative": _within(relative, stated.interval)}
            computed = f"({shown_now} − {shown_before}) / {shown_before} = {_fmt(relative, decimals)}%"
        shown = f"{direction} {match.group(2)}{'%' if unit == '%' else ' ' + unit}"
        if all(readings.values()):
            status = "pass"
            note = line.msg("change_holds_both") if len(readings) == 2 else ""
        elif not any(readings.values()):
            status, note = "fail", line.msg("change_bracket_off")
        elif readings["points"]:
            status = "warn"
            note = line.msg("change_only_points", points=_fmt(points, decimals), relative=_fmt(relative, decimals))
        else:
            status = "warn"
            note = line.msg("change_only_relative", points=_fmt(points, decimals))
        line.add(match.start(), match.end(), "difference", shown, computed, width, status, note)


GROWTH_PART_RE = re.compile(rf"\b(tăng|giảm)\s+({NUM})\s?%", re.IGNORECASE)
# "chiếm 33,61%", "chiếm từ 7,15% đến 7,18%" (a range), "đóng góp 49,37%" (a share of the growth)
SHARE_RE = re.compile(rf"\b(?:chiếm|đóng góp)\s+(?:tỷ lệ\s+|khoảng\s+|từ\s+)?({NUM})\s?%(?:\s*(?:đến|-|–)\s*({NUM})\s?%)?",
                      re.IGNORECASE)


def _growth(line: _Line) -> None:
    """A whole's growth "tăng g%; trong đó A tăng a%, B tăng b%": g must lie within the parts' range."""
    text = line.text
    for lo, hi in line.sentences():
        split = TRONG_DO_RE.search(text, lo, hi)
        found = _whole_before(line, lo, split.start()) if split else None
        if found is None or not re.search(r"\btăng\b", found[3], re.IGNORECASE):
            continue
        w_start, w_end, w_raw, clause = found
        parts = list(GROWTH_PART_RE.finditer(text, split.end(), hi))
        parts = [m for m in parts if m.start(2) not in line.used]
        if len(parts) < 2:
            continue
        whole = _stated(w_raw)
        stated_parts = [(_stated(m.group(2)), -1 if m.group(1).lower() == "giảm" else 1) for m in parts]
        if whole is None or any(s is None for s, _ in stated_parts):
            continue
        whole_sign = -1 if "giảm" in clause[-60:].lower() else 1
        bounds = [sorted((sign * s.interval[0], sign * s.interval[1])) for s, sign in stated_parts]
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        interval = sorted((whole_sign * whole.interval[0], whole_sign * whole.interval[1]))
        ok = interval[1] >= low - _EPS and interval[0] <= high + _EPS
        line.used.add(w_start)
        line.used.update(m.start(2) for m in parts)
        decimals = max(s.decimals for s, _ in stated_parts)
        summed = sum(sign * s.value for s, sign in stated_parts)
        note = line.msg("growth_within_parts", summed=_fmt(summed, decimals))
        if not ok:
            note += line.msg("growth_outside")
        spans = [(w_start, w_end)] + [m.span(2) for m in parts]
        line.add(max(0, w_start), parts[-1].end(), "growth",
                 f"{_pct(whole)} / " + ", ".join(_pct(s) for s, _ in stated_parts),
                 f"[{_fmt(low, decimals + 1)}; {_fmt(high, decimals + 1)}]%", _half(decimals), "pass" if ok else "warn", note,
                 spans=spans, main=(w_start, w_end))


def _whole_before(line: _Line, lo: int, split: int):
    """The whole's percentage before "trong đó": in its clause, or, when "Trong đó" opens the sentence, the last one of
    the sentence before (of the paragraph before when it opens the paragraph) — (start, end, printed, words before)."""
    text = line.text
    same = [m for m in PERCENT_RE.finditer(text, lo, split) if m.start() not in line.used]
    if same:
        return same[-1].start(1), same[-1].end(1), same[-1].group(1), text[lo:same[-1].start()]
    if text[lo:split].strip(" -+•–\t"):
        return None
    index = line.sentence_index(lo)
    if index > 0:
        source, (plo, phi) = line, line.sentences()[index - 1]
    elif line.previous is not None:
        source = line.previous
        plo, phi = source.sentences()[-1]
    else:
        return None
    found = list(PERCENT_RE.finditer(source.text, plo, phi))
    if not found:
        return None
    shift = source.offset - line.offset
    return found[-1].start(1) + shift, found[-1].end(1) + shift, found[-1].group(1), source.text[plo:found[-1].start()]


MIN_SHARES_TOTAL = 50.0
OWN_BASE_RE = re.compile(r"\s?%\s*(?:của\s+|trên\s+)?(?:tổng số|tổng|số)\s+[^\W\d_]", re.IGNORECASE)


def _own_rate(line: _Line, share: re.Match) -> bool:
    """Whether a "chiếm p% tổng số X" is the rate of its own count (stated right before it in its clause) against a
    named base, as each person's votes are, rather than one part of a whole."""
    if not OWN_BASE_RE.match(line.text, share.end(1)):
        return False
    before = line.within(max(0, share.start() - 60), share.start(), limit=1, last=True)
    return bool(before) and before[0].role == "count" and not re.search(r"[;.]", line.text[before[0].end:share.start()])


def _shares(line: _Line) -> None:
    """Two or more "chiếm p%" in one sentence: shares of one whole, summing to 100 within rounding."""
    for lo, hi in line.sentences():
        found = [m for m in SHARE_RE.finditer(line.text, lo, hi) if m.start(1) not in line.used]
        shares = [_stated(m.group(1)) for m in found]
        tops = [_stated(m.group(2)) if m.group(2) else s for m, s in zip(found, shares)]
        if len(found) < 2 or any(s is None for s in shares + tops):
            continue
        low, high = sum(s.interval[0] for s in shares), sum(s.interval[1] for s in tops)
        if high < MIN_SHARES_TOTAL:
            continue  # "hộ nghèo chiếm 2,86%; hộ cận nghèo chiếm 1,93%": small shares of a whole, not its partition
        if all(_own_rate(line, m) for m in found):
            continue  # "bà A 55 phiếu, chiếm 84,6% tổng số đại biểu; ông B 33 phiếu, chiếm 50,8% …": rates of each one
        total = sum(s.value for s in shares)
        decimals = max(s.decimals for s in shares)
        hypothesis = ""
        if low - _EPS <= 100 <= high + _EPS:
            status, note = "pass", ""
        elif low > 100 and tops == shares:
            status, note = "fail", line.msg("shares_over")

            def holds(role: str, raw: str, slip, shares=shares, low=low, high=high) -> bool:
                share = next(s for s in shares if s.raw.rstrip("%").strip() == raw)
                lo2, hi2 = printed_interval(slip.value, slip.decimals)
                return low - share.interval[0] + lo2 - _EPS <= 100 <= high - share.interval[1] + hi2 + _EPS

            hypothesis = explain([("percent", s.raw.rstrip("%").strip()) for s in shares], holds, line.lang)
        else:
            status, note = "warn", line.msg("shares_over" if low > 100 else "shares_under")
        line.used.update(m.start(1) for m in found)
        line.add(found[0].start(), found[-1].end(), "shares",
                 " + ".join(_pct(s) if s is top else f"{s.raw}–{_pct(top)}" for s, top in zip(shares, tops)),
                 f"{_fmt(total, decimals)}%", "±" + _fmt(high - total, decimals + 1), status, note, hypothesis=hypothesis)




# "21,4% đơn khiếu nại đúng, 57,1% đơn khiếu nại sai, 21,5% đơn khiếu nại đúng một phần": shares named by what follows
PERCENT_OF_RE = re.compile(rf"(?<![\w.,])({NUM})\s?%\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)", re.IGNORECASE)


def _named_shares(line: _Line) -> None:
    """Percentages each followed by the same words, listed in one sentence without "chiếm": passed when they add up to
    100 within rounding (hardly by chance); anything else is not claimed, as the wording does not say they are all."""
    text = line.text
    for lo, hi in line.sentences():
        found = [m for m in PERCENT_OF_RE.finditer(text, lo, hi) if m.start(1) not in line.used]
        groups: list[list[re.Match]] = []
        for match in found:
            if groups and groups[-1][-1].group(2).lower() == match.group(2).lower() \
                    and not re.search(r"\d", text[groups[-1][-1].end():match.start()]):
                groups[-1].append(match)
            else:
                groups.append([match])
        for group in groups:
            shares = [_stated(m.group(1)) for m in group]
            if len(group) < 2 or any(s is None for s in shares):
                continue
            low, high = sum(s.interval[0] for s in shares), sum(s.interval[1] for s in shares)
            if not low - _EPS <= 100 <= high + _EPS:
                continue
            decimals = max(s.decimals for s in shares)
            line.used.update(m.start(1) for m in group)
            line.add(group[0].start(), group[-1].end(1), "shares", " + ".join(_pct(s) for s in shares),
                     f"{_fmt(sum(s.value for s in shares), decimals)}%", "±" + _fmt(high - sum(s.value for s in shares), decimals + 1),
                     "pass", "", spans=[m.span(1) for m in group], main=group[0].span(1), convention="rounding")


CHANGE_WORD_AT_RE = re.compile(r"\b(tăng|giảm)\s+(?:thêm\s+)?(?:được\s+)?$", re.IGNORECASE)
FROM_TO_RE = re.compile(r"\btừ\s*$", re.IGNORECASE)
TO_RE = re.compile(r"^[^\d;]{0,30}?\b(?:xuống|lên|còn|tới)\s+(?:còn\s+)?$", re.IGNORECASE)
POINTS_RE = re.compile(r"\s*(?:điểm phần trăm|điểm %|điểm)", re.IGNORECASE)


def _changes(line: _Line) -> None:
    """"tăng/giảm X" against the figures it compares: "từ Y xuống N", the figure N before it and an earlier figure
    Y in a bracket after it ("(cùng kỳ năm trước 1.169 đơn)", "(99,27%)"), or Y stated earlier in the paragraph
    (passed only when it holds exactly). X is a count, a relative change in %, or percentage points."""
    text, quantities = line.text, line.quantities()
    listed: tuple[int, bool] | None = None  # the last change word's figure: "giảm 161 lượt, 162 lượt người" lists two
    changes: set[int] = set()  # a change is never the figure that changed
    for index, change in enumerate(quantities):
        if change.start in line.used or change.role not in ("count", "percent"):
            continue
        word = CHANGE_WORD_AT_RE.search(text[max(0, change.start - 24):change.start])
        if word is not None:
            rising = word.group(1).lower() == "tăng"
        elif listed is not None and listed[0] == index - 1 and change.role == "count" \
                and LISTED_CHANGE_RE.fullmatch(text, quantities[index - 1].end, change.start):
            rising = listed[1]
        else:
            continue
        listed = (index, rising)
        changes.add(change.start)
        points = bool(POINTS_RE.match(text, change.end)) and change.role == "count"
        lo, hi = line.sentence_of(change.start)
        earlier = [q for q in quantities[max(0, index - 12):index] if q.start >= lo and q.depth == change.depth
                   and q.start not in changes]
        pair = _from_to(text, earlier) or _from_to_after(text, quantities[index + 1:index + 3], hi)
        assumption, strong = "", True
        if pair is None:
            now = _now(change, [q for q in earlier if not (q.role == "percent" and q.start in line.used)], points)
            if now is None:
                # "… tiếp 742 lượt/815 lượt người. So với cùng kỳ giảm 161 lượt, 162 lượt người (… 903 lượt/977
                # lượt người)": the changed figure closes the sentence before, the earlier one is in the bracket
                now = _previous_now(line, quantities, change, index, points, hi)
                if now is None:
                    continue
            before = _bracketed(quantities[index + 1:index + 8], now, change, hi)
            if before is None:
                before, assumption, strong = _stated_earlier(line, quantities, now, change, rising), "", False
                if before is None:
                    continue
                assumption = line.msg("change_before_found", before=before.raw)
            pair = (before, now)
        _change_row(line, change, pair[0], pair[1], rising, points, strong, assumption)


LISTED_CHANGE_RE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*(?:,|và)\s*")
COMPARED_RE = re.compile(r"\bso với\b", re.IGNORECASE)


def _previous_now(line: _Line, quantities: list[_Quantity], change: _Quantity, index: int, points: bool,
                  hi: int) -> _Quantity | None:
    """The changed figure in the sentence before, taken only when the change's sentence compares ("So với cùng kỳ …
    giảm") and brackets the earlier figure: the last figure of that sentence of the change's kind."""
    sentence = line.sentence_index(change.start)
    lo = line.sentences()[sentence][0]
    if not sentence or not COMPARED_RE.search(line.text, lo, change.start):
        return None
    plo, phi = line.sentences()[sentence - 1]
    earlier = [q for q in line.within(plo, phi, limit=12, last=True) if q.depth == change.depth]
    now = _now(change, earlier, points)
    if now is None or _bracketed(quantities[index + 1:index + 8], now, change, hi) is None:
        return None
    return now


def _from_to(text: str, earlier: list[_Quantity]):
    """"từ Y … xuống N" right before the change: (Y, N)."""
    if len(earlier) >= 2:
        before, now = earlier[-2], earlier[-1]
        if FROM_TO_RE.search(text[max(0, before.start - 8):before.start]) and TO_RE.match(text[before.end:now.start]):
            return before, now
    return None


def _from_to_after(text: str, after: list[_Quantity], hi: int):
    """"giảm 312 hộ, từ 2.145 hộ xuống còn 1.833 hộ": the two figures right after the change."""
    if len(after) == 2 and after[1].start < hi:
        return _from_to(text, after)
    return None


def _now(change: _Quantity, earlier: list[_Quantity], points: bool) -> _Quantity | None:
    """The figure that changed: the last figure of the clause before the change word, of the change's kind (one
    counted by the change's own words first: "giảm 161 lượt" is the "742 lượt" of "742 lượt/815 lượt người")."""
    if change.role == "count" and not points and change.noun:
        same = [q for q in earlier if q.role == "count" and q.counts == change.counts and q.compatible(change)]
        if same:
            return same[-1]
    for q in reversed(earlier):
        if change.role == "percent" and not points:
            if q.role == "count" and (q.noun or q.currency):
                return q
            if q.role == "percent":
                return q
        elif points and q.role == "percent":
            return q
        elif not points and q.role == "count" and q.compatible(change):
            return q
    return None


def _bracketed(after: list[_Quantity], now: _Quantity, change: _Quantity, hi: int) -> _Quantity | None:
    """The earlier figure in a bracket after the change ("(240 lượt)", "(cùng kỳ năm trước 1.169 đơn)")."""
    for q in after:
        if q.start >= hi:
            break
        if q.depth > change.depth and q.role == now.role and (q.role == "percent" or q.compatible(now)):
            return q
    return None


def _stated_earlier(line: _Line, quantities: list[_Quantity], now: _Quantity, change: _Quantity,
                    rising: bool) -> _Quantity | None:
    """A figure stated earlier in the paragraph that differs from ``now`` by exactly the change (counts only)."""
    if change.role != "count":
        return None
    for q in line.within(max(0, now.start - 600), now.start, limit=24, last=True):
        if q.role == "count" and q.compatible(now) and q is not now and _close(abs(now.value - q.value), change.value) \
                and (now.value > q.value) == rising:
            return q
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _change_row(line: _Line, change: _Quantity, before: _Quantity, now: _Quantity, rising: bool, points: bool,
                strong: bool, assumption: str) -> None:
    stated = _stated(change.raw)
    if stated is None or before.value == 0:
        return
    word = "tăng" if rising else "giảm"
    spans = [(now.start, now.end), (before.start, before.end), (change.start, change.end)]
    line.used.add(change.start)  # the changed figure stays free: it may be the total or a part of a breakdown
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    diff = now.value - before.value
    places = max(decimals_of(now.raw), decimals_of(before.raw))
    relative = change.role == "percent" and not (now.role == "percent" and before.role == "percent")
    printed_now = _value(now.raw)
    factor = now.value / printed_now if printed_now else 1.0  # millions per printed unit of an amount; 1 for a count
    extra = {"spans": spans, "main": (change.start, change.end), "assumption": assumption}
    values = {"now": now.raw, "before": before.raw, "printed": change.raw + ("%" if change.role == "percent" else ""),
              "word": word}
    shown = f"{word} {change.raw}{'%' if change.role == 'percent' else ''}"
    if diff and (diff > 0) != rising:
        line.add(start, end, "difference", shown, f"{now.raw} − {before.raw}", _half(stated.decimals), "fail",
                 line.msg("change_wrong_direction", **values), **extra)
        return
    if relative:
        value, kind = abs(100.0 * diff / before.value), "growth"
        computed = f"({now.raw} − {before.raw}) / {before.raw} = {_fmt(value, stated.decimals + 2)}%"
    else:
        value, kind = abs(diff) / factor, "difference"
        computed = f"{now.raw} − {before.raw} = {_fmt(value, max(places, stated.decimals))}"
    values["value"] = _fmt(value, stated.decimals + (2 if relative else 1))
    if _within(value, stated.interval):
        line.add(start, end, kind, shown, computed, _half(stated.decimals), "pass", "",
                 convention="rounding" if stated.decimals or relative else "exact", **extra)
        return
    if relative and truncates_to(value, stated.decimals, stated.value):
        line.add(start, end, kind, shown, computed, _half(stated.decimals), "warn",
                 line.msg("change_truncated", **values), convention="truncation", **extra)
        return

    def holds(role: str, raw: str, slip) -> bool:
        if role == "change":
            return _within(value, printed_interval(slip.value, slip.decimals))
        new_now, new_before = (slip.value * factor, before.value) if role == "count" else (now.value, slip.value * factor)
        if not new_before:
            return False
        got = abs(100.0 * (new_now - new_before) / new_before) if relative else abs(new_now - new_before) / factor
        return _within(got, stated.interval)

    hypothesis = explain([("change", change.raw), ("count", now.raw), ("count_before", before.raw)], holds, line.lang)
    line.add(start, end, kind, shown, computed, _half(stated.decimals), "fail" if strong else "warn",
             line.msg("change_rel_off" if relative else "change_off", **values), hypothesis=hypothesis,
             convention="rounding" if stated.decimals or relative else "exact", **extra)


def _contributions(line: _Line) -> None:
    """"tăng trưởng g%, trong đó A đóng góp a điểm phần trăm, B b điểm …": the contributions add up to the growth."""
    text, quantities = line.text, line.quantities()
    for split in TRONG_DO_RE.finditer(text):
        lo, hi = line.sentence_of(split.start())
        found = _whole_before(line, lo, split.start())
        parts = [q for q in quantities if split.end() <= q.start < hi and q.role == "count" and POINTS_RE.match(text, q.end)]
        if found is None or len(parts) < 2:
            continue
        whole, stated = found, [_stated(p.raw) for p in parts]
        whole_stated = _stated(whole[2])
        if whole_stated is None or any(s is None for s in stated):
            continue
        low, high = sum(s.interval[0] for s in stated), sum(s.interval[1] for s in stated)
        ok = low - _EPS <= whole_stated.interval[1] and whole_stated.interval[0] <= high + _EPS
        decimals = max(s.decimals for s in stated)
        total = _fmt(sum(s.value for s in stated), decimals)
        spans = [(whole[0], whole[1])] + [(p.start, p.end) for p in parts]
        line.used.update(s for s, _ in spans)
        line.add(max(0, whole[0]), parts[-1].end, "shares", f"{_pct(whole_stated)} = " + " + ".join(p.raw for p in parts),
                 total + "%", _half(decimals), "pass" if ok else "warn",
                 "" if ok else line.msg("contributions_off", total=total, whole=_pct(whole_stated)),
                 spans=spans, main=(whole[0], whole[1]), convention="rounding")
