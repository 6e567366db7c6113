"""Ratios: a count over its base against the percentage printed beside it, and the numbers left unchecked."""

from __future__ import annotations

import re

from hdnd_data.data.numbers import Stated, printed_interval
from hdnd_data.text.misprints import explain, truncates_to
from hdnd_data.text.scan import (
    MALFORMED_RE,
    NUM,
    PERCENT_RE,
    _fmt,
    _half,
    _Line,
    _pct,
    _Quantity,
    _stated,
    _value,
    _within,
    _word_before,
)


def _malformed(line: _Line) -> None:
    """A number that is not well formed next to a percent sign, a unit or a claim verb: reported, not guessed."""
    for match in MALFORMED_RE.finditer(line.text):
        raw = match.group(1)
        if _value(raw) is not None:
            continue
        after = line.text[match.end():match.end() + 12]
        claimed = re.match(r"\s?%|\s+(triệu|tỷ|nghìn|đồng|USD)\b", after, re.IGNORECASE) or _word_before(
            line.text, match.start()) in {"đạt", "bằng", "là", "tăng", "giảm", "chiếm", "vượt", "có", "tổng"}
        if not claimed:
            continue
        line.used.add(match.start())
        line.add(match.start(), match.end(), "number", raw, "–", "–", "warn", line.say(
            f"không đọc được số «{raw}»: dấu chấm phân cách hàng nghìn (390.463), dấu phẩy là dấu thập phân (93,2)",
            f"cannot read the number «{raw}»: a dot separates thousands (390.463), a comma marks decimals (93,2)"))


RATIO_CUE_RE = re.compile(r"\b(?:đạt|chiếm|bằng|tỷ lệ|tỉ lệ|là|được)\b|\(\s*$", re.IGNORECASE)
CHANGE_CUE_RE = re.compile(r"\b(?:tăng|giảm|vượt|cao hơn|thấp hơn|so với)\b[^\d]*$", re.IGNORECASE)
STRONG_BASE_RE = re.compile(r"\b(?:tổng số|trong số|trên tổng số|trong tổng số|tổng cộng)\s*$|\(\s*$|\bgiao\s*$", re.IGNORECASE)
# A percentage that opens a bracket, maybe after a word or two: "(84,3%)", "(đạt tỷ lệ 96,6%)".
OPENED_RE = re.compile(r"\(\s*(?:[^\W\d_]+\s+){0,3}$")
BRACKETS_RE = re.compile(r"\([^()]*\)")


def _rate_row(line: _Line, start: int, end: int, num: float, den: float, stated: Stated,
              spans: list[tuple[int, int]] | None = None, main: tuple[int, int] | None = None,
              raws: tuple[str, str] | None = None, other_bases: list[_Quantity] = (), strong: bool = True,
              assumption: str = "") -> None:
    """One ratio claim: ``num``/``den`` against the printed ``stated`` percentage, with the verdict and its why."""
    computed = 100.0 * num / den
    digits = max(2, stated.decimals + 1)
    a_raw, b_raw = raws or (_fmt(num), _fmt(den))
    values = {"a": _fmt(num), "b": _fmt(den), "value": _fmt(computed, digits), "printed": _pct(stated)}
    extra = {"spans": spans, "main": main, "assumption": assumption}
    if _within(computed, stated.interval):
        line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits) + "%", _half(stated.decimals), "pass", "",
                 convention="rounding", **extra)
        return
    for base in other_bases:
        if _within(100.0 * num / base.value, stated.interval):
            extra["assumption"] = line.msg("ratio_other_base", printed=_pct(stated), base=base.raw, b=b_raw)
            extra["spans"] = [*(spans or []), (base.start, base.end)]
            line.add(start, end, "ratio", _pct(stated), _fmt(100.0 * num / base.value, digits) + "%",
                     _half(stated.decimals), "pass", "", convention="rounding", **extra)
            return
    if truncates_to(computed, stated.decimals, stated.value):
        line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits + 1) + "%", _half(stated.decimals), "warn",
                 line.msg("ratio_truncated", **values), convention="truncation", **extra)
        return

    def holds(role: str, raw: str, slip) -> bool:
        if role == "percent":
            return _within(computed, printed_interval(slip.value, slip.decimals))
        a, b = (slip.value, den) if role == "count" else (num, slip.value)
        return b > 0 and _within(100.0 * a / b, stated.interval)

    hypothesis = explain([("percent", stated.raw.rstrip("%").strip()), ("count", a_raw), ("base", b_raw)], holds, line.lang)
    line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits) + "%", _half(stated.decimals),
             "fail" if strong else "warn", line.msg("ratio_off", **values), hypothesis=hypothesis,
             convention="rounding", **extra)


def _clause_between(text: str, start: int, end: int) -> str | None:
    """The words between two positions with bracketed asides taken out; None when a clause ends between them."""
    if end - start > 240:
        return None
    between = BRACKETS_RE.sub(" ", text[start:end])
    return None if ";" in between or ". " in between else between


def _ratios(line: _Line) -> None:
    """A percentage and the figures it is a ratio of, in the layouts reports use.

    "đạt a/b (…) đạt tỷ lệ p%", "p% (a/b)", "a/b phiếu (p%)" compare with the fraction; "a người, chiếm p%" looks for
    its base among the paragraph's figures: a base that makes the figure hold passes, a base tied to it by wording
    ("trong tổng số", a bracket, the only figure of its kind) that does not is flagged. Thresholds and approximate
    figures ("trên 50%", "khoảng 90%") are never flagged.
    """
    text, quantities = line.text, line.quantities()
    for index, percent in enumerate(quantities):
        if percent.role != "percent" or percent.start in line.used:
            continue
        stated = _stated(percent.raw)
        if stated is None or CHANGE_CUE_RE.search(text[max(0, percent.start - 30):percent.start]):
            continue
        found = _element(line, quantities, index)
        if found is None:
            continue
        kind, first, second = found
        if percent.approximate or first.approximate or (second is not None and second.approximate):
            continue
        spans = [(first.start, first.end)] + ([(second.start, second.end)] if second is not None else [])
        spans.append((percent.start, percent.end))
        lo, hi = min(first.start, percent.start), max(first.end, percent.end)
        if kind == "fraction":
            if second.value == 0:
                continue
            line.used.update({percent.start, first.start})
            others = [q for q in quantities if q.role in ("count", "denominator") and q.value > 0 and q is not second
                      and q is not first and (q.compatible(first) or stated.decimals > 0)]
            _rate_row(line, lo, hi, first.value, second.value, stated, spans, (percent.start, percent.end),
                      (first.raw, second.raw), others)
            continue
        _count_ratio(line, quantities, percent, stated, first, spans, lo, hi)


def _element(line: _Line, quantities: list[_Quantity], index: int):
    """The figure a percentage speaks of: ("fraction", a, b) or ("count", a, None), before it in its clause (a
    bracketed breakdown in between skipped) or in a bracket right after it; None without a ratio word."""
    text, percent = line.text, quantities[index]
    opened = OPENED_RE.search(text[max(0, percent.start - 24):percent.start]) is not None
    depth = percent.depth - 1 if opened else percent.depth
    for j in range(index - 1, max(-1, index - 40), -1):
        q = quantities[j]
        if q.depth > depth:
            continue
        if q.depth < depth or q.role == "percent":
            break
        between = _clause_between(text, q.end, percent.start)
        if between is None or not (opened or RATIO_CUE_RE.search(between)):
            break
        if q.role == "denominator" and j > 0:
            return "fraction", quantities[j - 1], q
        if q.role == "count":
            return "count", q, None
        break
    after = quantities[index + 1:index + 3]
    if (len(after) == 2 and after[0].role == "numerator" and after[1].role == "denominator"
            and re.fullmatch(r"\s*\(\s*", text[percent.end + 1:after[0].start])
            and RATIO_CUE_RE.search(text[max(0, percent.start - 40):percent.start])):
        return "fraction", after[0], after[1]
    return None


def _count_ratio(line: _Line, quantities: list[_Quantity], percent: _Quantity, stated: Stated, count: _Quantity,
                 spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    """"a X, chiếm p%": the base is a figure of the paragraph; pass on one that holds, flag only a base the wording ties."""
    text = line.text
    bases = [q for q in quantities if q.role in ("count", "denominator") and q is not count and q.value > 0
             and not q.approximate and (q.value >= count.value or stated.value > 100)]
    if count.currency:
        # "bằng p% dự toán (2.150 tỷ đồng)": an amount's base is the one in the bracket after its name; other amounts
        # of the paragraph are other lines or periods (the budget's percentages of a named base are read in bases.py).
        bases = [q for q in bases if q.start > percent.end and q.depth > percent.depth and q.start - percent.end < 60]
    near = sorted(bases, key=lambda q: abs(q.start - percent.start))
    holding = [q for q in near if _within(100.0 * count.value / q.value, stated.interval)
               and (q.compatible(count) or stated.decimals > 0 or 100.0 * count.value / q.value == stated.value)]
    if holding:
        base = holding[0]
        line.used.add(percent.start)
        _rate_row(line, min(lo, base.start), max(hi, base.end), count.value, base.value, stated,
                  spans[:1] + [(base.start, base.end)] + spans[1:], (percent.start, percent.end), (count.raw, base.raw),
                  assumption=line.msg("ratio_base_in_text", b=base.raw))
        return
    alike = [q for q in near if q.compatible(count) and (q.noun or q.currency) and q.depth <= count.depth + 1]
    tied = [q for q in alike if STRONG_BASE_RE.search(text[max(0, q.start - 16):q.start]) or q.currency]
    # A lone figure of the same kind stated before the count is its base ("Tổng số đơn là 137 đơn. Đã giải quyết
    # 124 đơn, đạt …"); an amount of money is only tied by wording, as a budget percentage names its own base.
    lone = len(alike) == 1 and alike[0].start < count.start and not count.currency
    if tied or lone:
        base = (tied or alike)[0]
        line.used.add(percent.start)
        _rate_row(line, min(lo, base.start), max(hi, base.end), count.value, base.value, stated,
                  spans[:1] + [(base.start, base.end)] + spans[1:], (percent.start, percent.end), (count.raw, base.raw),
                  strong=bool(tied), assumption="" if tied else line.msg("ratio_inferred_base", b=base.raw))


def _unchecked(line: _Line) -> None:
    """Every other percentage or change: listed, never scored."""
    text = line.text
    for match in PERCENT_RE.finditer(text):
        if match.start() in line.used or _stated(match.group(1)) is None:
            continue
        before = text[max(0, match.start() - 25):match.start()].lower()
        if re.search(r"\b(tăng|giảm|vượt)\b", before):
            kind = "growth" if "vượt" not in before else "difference"
        elif "chiếm" in before:
            kind = "shares"
        else:
            kind = "percent_of_base" if re.search(r"\b(đạt|bằng)\s*$", before) else "ratio"
        line.add(match.start(), match.end(), kind, match.group(0), "–", _half(_stated(match.group(1)).decimals), "unchecked",
                 line.say("không có số liệu ghép được chắc chắn để tính lại", "nothing to pair it with for certain"))
    for match in re.finditer(rf"\b(tăng|giảm)\s+({NUM})\s+([^\W\d_]+)\s+so với", text, re.IGNORECASE):
        if match.start(2) in line.used or _value(match.group(2)) is None:
            continue
        line.add(match.start(), match.end(), "difference", f"{match.group(1)} {match.group(2)} {match.group(3)}", "–", "0",
                 "unchecked", line.say("không có số của kỳ so sánh", "the figure compared with is not stated"))


