"""Changes and shares: differences against earlier figures, growth of a whole and its parts, shares of one whole."""

from __future__ import annotations

import re

from hdnd_data.data.numbers import decimals_of
from hdnd_data.text.scan import (
    _EPS,
    NUM,
    PERCENT_RE,
    TRONG_DO_RE,
    _fmt,
    _half,
    _Line,
    _pct,
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
                     f"{shown_now} − {shown_before} = {_fmt(diff, places)}", width, "fail", line.say(
                         f"văn bản nói «{direction}» nhưng số liệu trong ngoặc cho thay đổi ngược chiều",
                         f"the text says «{direction}» but the bracketed figures change the other way"))
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
        computed = line.say(f"{_fmt(points, decimals)} điểm %; tương đối {_fmt(relative, decimals)}%",
                            f"{_fmt(points, decimals)} points; relative {_fmt(relative, decimals)}%")
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
            note = line.say("khớp theo cả hai cách hiểu (điểm phần trăm và thay đổi tương đối)",
                            "holds both as percentage points and as a relative change") if len(readings) == 2 else ""
        elif not any(readings.values()):
            status, note = "fail", line.say("không khớp với số liệu trong ngoặc", "does not match the bracketed figures")
        elif readings["points"]:
            status = "warn"
            note = line.say(
                f"chỉ khớp nếu «%» là điểm phần trăm ({_fmt(points, decimals)} điểm); thay đổi tương đối là "
                f"{_fmt(relative, decimals)}%",
                f"holds only if «%» means percentage points ({_fmt(points, decimals)}); the relative change is "
                f"{_fmt(relative, decimals)}%")
        else:
            status = "warn"
            note = line.say(f"chỉ khớp như thay đổi tương đối; hiệu là {_fmt(points, decimals)} điểm phần trăm",
                            f"holds only as a relative change; the difference is {_fmt(points, decimals)} points")
        line.add(match.start(), match.end(), "difference", shown, computed, width, status, note)


def _growth(line: _Line) -> None:
    """A whole's growth "tăng g%; trong đó A tăng a%, B tăng b%": g must lie within the parts' range."""
    text = line.text
    for lo, hi in line.sentences():
        split = TRONG_DO_RE.search(text, lo, hi)
        if not split or not re.search(r"\btăng\b", text[lo:split.start()], re.IGNORECASE):
            continue
        wholes = [m for m in PERCENT_RE.finditer(text, lo, split.start()) if m.start() not in line.used]
        parts = [m for m in re.finditer(rf"\b(tăng|giảm)\s+({NUM})\s?%", text[:hi]) if m.start() >= split.end()]
        parts = [m for m in parts if m.start(2) not in line.used]
        if not wholes or len(parts) < 2:
            continue
        whole = _stated(wholes[-1].group(1))
        stated_parts = [(_stated(m.group(2)), -1 if m.group(1).lower() == "giảm" else 1) for m in parts]
        if whole is None or any(s is None for s, _ in stated_parts):
            continue
        clause = text[max(lo, wholes[-1].start() - 25):wholes[-1].start()].lower()
        whole_sign = -1 if "giảm" in clause else 1
        bounds = [sorted((sign * s.interval[0], sign * s.interval[1])) for s, sign in stated_parts]
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        interval = sorted((whole_sign * whole.interval[0], whole_sign * whole.interval[1]))
        ok = interval[1] >= low - _EPS and interval[0] <= high + _EPS
        line.used.add(wholes[-1].start())
        line.used.update(m.start(2) for m in parts)
        decimals = max(s.decimals for s, _ in stated_parts)
        summed = sum(sign * s.value for s, sign in stated_parts)
        note = line.say(
            f"tốc độ chung phải nằm trong khoảng tốc độ các phần; không cộng các phần (tổng {_fmt(summed, decimals)}% "
            "không có nghĩa)", f"the whole's rate must lie within its parts' range; parts are not added up "
            f"(their sum {_fmt(summed, decimals)}% means nothing)")
        if not ok:
            note += line.say("; nằm ngoài khoảng — có thể các phần chưa đủ hoặc số liệu sai",
                             "; outside the range — the parts may be incomplete or a figure wrong")
        line.add(wholes[-1].start(), parts[-1].end(), "growth",
                 f"{_pct(whole)} / " + ", ".join(_pct(s) for s, _ in stated_parts),
                 f"[{_fmt(low, decimals + 1)}; {_fmt(high, decimals + 1)}]%", _half(decimals), "pass" if ok else "warn", note)


def _shares(line: _Line) -> None:
    """Two or more "chiếm p%" in one sentence: shares of one whole, summing to 100 within rounding."""
    for lo, hi in line.sentences():
        found = [m for m in re.finditer(rf"\bchiếm\s+(?:tỷ lệ\s+|khoảng\s+)?({NUM})\s?%", line.text[:hi], re.I)
                 if m.start() >= lo and m.start(1) not in line.used]
        shares = [_stated(m.group(1)) for m in found]
        if len(found) < 2 or any(s is None for s in shares):
            continue
        low, high = sum(s.interval[0] for s in shares), sum(s.interval[1] for s in shares)
        total = sum(s.value for s in shares)
        decimals = max(s.decimals for s in shares)
        if low - _EPS <= 100 <= high + _EPS:
            status, note = "pass", ""
        elif low > 100:
            status, note = "fail", line.say("các phần vượt quá 100%", "the shares exceed 100%")
        else:
            status, note = "warn", line.say("tổng dưới 100%: có thể chưa kể hết các phần",
                                            "below 100%: some parts may not be listed")
        line.used.update(m.start(1) for m in found)
        line.add(found[0].start(), found[-1].end(), "shares", " + ".join(_pct(s) for s in shares),
                 f"{_fmt(total, decimals)}%", "±" + _fmt(high - total, decimals + 1), status, note)


