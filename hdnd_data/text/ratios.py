"""Ratios: a count over its base against the percentage printed beside it, and the numbers left unchecked."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from hdnd_data.data.numbers import Stated, printed_interval
from hdnd_data.text.misprints import explain, truncates_to
from hdnd_data.text.scan import (
    APPROXIMATE_RE,
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
        line.add(match.start(), match.end(), "number", raw, "–", "–", "warn", line.msg("number_malformed", raw=raw))


RATIO_CUE_RE = re.compile(r"\b(?:đạt|chiếm|bằng|tỷ lệ|tỉ lệ|là|được|tương đương)\b|\(\s*$", re.IGNORECASE)
CHANGE_CUE_RE = re.compile(r"\b(?:tăng|giảm|vượt|cao hơn|thấp hơn|so với)\b[^\d]*$", re.IGNORECASE)
STRONG_BASE_RE = re.compile(r"\b(?:tổng số|trong số|trên tổng số|trong tổng số|tổng cộng)\s*$|\(\s*$|\bgiao\s*$", re.IGNORECASE)
# A percentage that opens a bracket, maybe after a word or two: "(84,3%)", "(đạt tỷ lệ 96,6%)".
OPENED_RE = re.compile(r"\(\s*(?:[^\W\d_]+\s+){0,3}$")
CHANGE_AT_RE = re.compile(r"\b(?:tăng|giảm)\s+(?:thêm\s+)?$", re.IGNORECASE)
# A percentage followed by the name of its base: "90,57% tổng số đại biểu", "35,2% số phiếu hợp lệ".
NAMED_BASE_RE = re.compile(r"\s?%\s*(?:của\s+|so với\s+|trên\s+)?(?:tổng số|tổng|số)\s+[^\W\d_]", re.IGNORECASE)
# "160/262 xã có cử tri đi bầu đạt tỷ lệ 100%": after "có" the percentage is a property of each item, not a/b.
HAVING_RE = re.compile(r"(?<!đã )\bcó\b", re.IGNORECASE)  # "đã có văn bản trả lời" is done, not a property
BRACKETS_RE = re.compile(r"\([^()]*\)")
# "123/159 xã … tỷ lệ cử tri đi bầu đạt 100%": a rate naming what it measures, after a count of places, is each
# place's rate (of its voters), not the share of the places counted.
PLACE_AFTER_RE = re.compile(r"\s*(?:xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố|thôn|xóm|ấp|bản|tổ dân phố|khu phố"
                            r"|khu vực|đơn vị|điểm|địa phương|trường|trạm|cơ sở)\b", re.IGNORECASE)
RATE_OF_RE = re.compile(r"\bt[ỷỉ] lệ\s+(?!(?:là|đạt|chung|bình quân|trung bình|gần|khoảng|hơn|trên|dưới|xấp xỉ|ước)\b)[^\W\d_]",
                        re.IGNORECASE)
CRITERIA_RE = re.compile(r"\s*(?:tiêu chí|chỉ tiêu)\b", re.IGNORECASE)
# "58/61 người … được cử tri nơi cư trú tín nhiệm đạt 100%": each person's confidence among the voters (while
# "50/52 phiếu tín nhiệm cao, đạt 96,2%" counts votes, whose share it is).
VOTERS_CONFIDENCE_RE = re.compile(r"\btín nhiệm\b.*\bcử tri\b|\bcử tri\b.*\btín nhiệm\b", re.IGNORECASE | re.DOTALL)


def _each_ones_own(text: str, q: _Quantity, between: str) -> bool:
    """Whether the percentage after figure ``q`` (``between`` the two) is each counted item's own rate rather than the
    share of the items counted: a property after "có", a place's own named rate, the criteria each place meets
    ("9 xã đạt 19/19 tiêu chí"), or each person's confidence among the voters."""
    if HAVING_RE.search(between):
        return True
    if q.role != "denominator":
        return False
    return bool((PLACE_AFTER_RE.match(text, q.end) and RATE_OF_RE.search(between)) or CRITERIA_RE.match(text, q.end)
                or (q.counts == "người" and VOTERS_CONFIDENCE_RE.search(between)))

def _rate_row(line: _Line, start: int, end: int, num: float, den: float, stated: Stated,
              spans: list[tuple[int, int]] | None = None, main: tuple[int, int] | None = None,
              raws: tuple[str, str] | None = None, other_bases: list[_Quantity] = (), strong: bool = True,
              assumption: str = "") -> bool:
    """One ratio claim: ``num``/``den`` against the printed ``stated`` percentage, with the verdict and its why
    (False when a weakly tied base turns out not to be one, and nothing is said)."""
    computed = 100.0 * num / den
    digits = max(2, stated.decimals + 1)
    a_raw, b_raw = raws or (_fmt(num), _fmt(den))
    values = {"a": _fmt(num), "b": _fmt(den), "value": _fmt(computed, digits), "printed": _pct(stated)}
    extra = {"spans": spans, "main": main, "assumption": assumption}
    if _within(computed, stated.interval):
        line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits) + "%", _half(stated.decimals), "pass", "",
                 convention="rounding", **extra)
        return True
    for base in other_bases:
        if _within(100.0 * num / base.value, stated.interval):
            extra["assumption"] = line.msg("ratio_other_base", printed=_pct(stated), base=base.raw, b=b_raw)
            extra["spans"] = [*(spans or []), (base.start, base.end)]
            line.add(start, end, "ratio", _pct(stated), _fmt(100.0 * num / base.value, digits) + "%",
                     _half(stated.decimals), "pass", "", convention="rounding", **extra)
            return True
    if truncates_to(computed, stated.decimals, stated.value):
        line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits + 1) + "%", _half(stated.decimals), "warn",
                 line.msg("ratio_truncated", **values), convention="truncation", **extra)
        return True
    for base in line.unstated_bases:
        if base != den and _within(100.0 * num / base, stated.interval):
            extra["assumption"] = line.msg("ratio_unstated_base", printed=_pct(stated), base=_fmt(base), b=b_raw)
            line.add(start, end, "ratio", _pct(stated), _fmt(100.0 * num / base, digits) + "%", _half(stated.decimals),
                     "warn", line.msg("ratio_off", **values), convention="rounding", **extra)
            return True

    def holds(role: str, raw: str, slip) -> bool:
        if role == "percent":
            return _within(computed, printed_interval(slip.value, slip.decimals))
        a, b = (slip.value, den) if role == "count" else (num, slip.value)
        return b > 0 and _within(100.0 * a / b, stated.interval)

    # a base only guessed from the paragraph is not also assumed misprinted ("31.286 printed as 1.286" would fit anything)
    numbers = [("percent", stated.raw.rstrip("%").strip()), ("count", a_raw)] + ([("base", b_raw)] if strong else [])
    hypothesis = explain(numbers, holds, line.lang)
    if not strong and not hypothesis and not (stated.value and 0.5 <= computed / stated.value <= 2):
        return False  # a base guessed from the paragraph that is far off and explains nothing: likely not its base
    line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits) + "%", _half(stated.decimals),
             "fail" if strong else "warn", line.msg("ratio_off", **values), hypothesis=hypothesis,
             convention="rounding", **extra)
    return True


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
    line.unstated_bases = _unstated_bases(line, quantities)
    for index, percent in enumerate(quantities):
        if percent.role != "percent" or percent.start in line.used:
            continue
        stated = _stated(percent.raw)
        if stated is None or CHANGE_CUE_RE.search(text[max(0, percent.start - 30):percent.start]):
            continue
        found = _element(line, quantities, index)
        if found is None:
            _rate_of_sentence(line, percent, stated)
            continue
        kind, first, second = found
        if first.approximate or (second is not None and second.approximate):
            continue
        spans = [(first.start, first.end)] + ([(second.start, second.end)] if second is not None else [])
        spans.append((percent.start, percent.end))
        lo, hi = min(first.start, percent.start), max(first.end, percent.end)
        if percent.approximate:
            if kind == "fraction" and second.value:
                _bound_row(line, percent, stated, first, second, spans, lo, hi)
            continue
        if kind == "fraction":
            if second.value == 0:
                continue
            line.used.update({percent.start, first.start})
            others = [q for q in _neighbourhood(line, percent) if q.role in ("count", "denominator") and q.value > 0 and q is not second
                      and q is not first and (q.compatible(first) or stated.decimals > 0)]
            _rate_row(line, lo, hi, first.value, second.value, stated, spans, (percent.start, percent.end),
                      (first.raw, second.raw), others)
            continue
        _count_ratio(line, quantities, percent, stated, first, spans, lo, hi)


# "…; Tổng số cử tri đi bầu 2.301.877 người; Tỉ lệ cử tri đi bầu đạt 99,29%": a rate named on its own
RATE_NAMED_RE = re.compile(r"\b(?:tỷ lệ|tỉ lệ)\b[^\d;]{0,60}$", re.IGNORECASE)


def _rate_of_sentence(line: _Line, percent: _Quantity, stated: Stated) -> None:
    """A rate stated on its own after the figures it is of, in earlier clauses of its sentence: passed when exactly one
    pair of those figures gives it at printed precision (a decimal at least, so that it can hardly be chance); it is
    never flagged, as the wording does not say which figures they are."""
    if stated.decimals < 1 or percent.approximate or not RATE_NAMED_RE.search(line.text, max(0, percent.start - 70), percent.start):
        return
    lo, _ = line.sentence_of(percent.start)
    figures = [q for q in line.within(lo, percent.start, limit=8, last=True) if q.role == "count" and q.value > 0
               and q.depth == percent.depth and not q.approximate and not q.currency]
    pairs = [(a, b) for a in figures for b in figures if a is not b and a.value <= b.value and a.compatible(b)
             and _within(100.0 * a.value / b.value, stated.interval)]
    if len(pairs) != 1:
        return
    a, b = pairs[0]
    line.used.add(percent.start)
    _rate_row(line, min(a.start, b.start), percent.end, a.value, b.value, stated,
              sorted([(a.start, a.end), (b.start, b.end)]) + [(percent.start, percent.end)], (percent.start, percent.end),
              (a.raw, b.raw), assumption=line.msg("ratio_sentence_pair", a=a.raw, b=b.raw))


# How an approximate word bounds the figure after it: (lower, upper) as factors of the printed value's interval.
BOUNDS = {"hơn": "above", "trên": "above", "quá": "above", "ít nhất": "above", "tối thiểu": "above",
          "gần": "below", "dưới": "below", "chưa đến": "below", "tối đa": "below", "không quá": "below",
          "khoảng": "about", "xấp xỉ": "about"}
# "khoảng 90%" holds within a point either way, or 5 % of the figure for large ones ("gần" the same, from below).
ABOUT_TOLERANCE = (1.0, 0.05)


def _bound_row(line: _Line, percent: _Quantity, stated: Stated, first: _Quantity, second: _Quantity,
               spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    """"đạt tỷ lệ gần 90%" over 249/277: an approximate word makes the printed figure a bound, checked as one
    (a bound that does not hold is a warning, never a failure); averages ("bình quân") are left unchecked."""
    word = APPROXIMATE_RE.search(line.text[max(0, percent.start - 12):percent.start]).group(0).strip().lower()
    sense = BOUNDS.get(word)
    if sense is None:
        return
    computed = 100.0 * first.value / second.value
    low, high = stated.interval
    if sense == "above":
        holds = computed >= low
    elif sense == "below":
        near = max(ABOUT_TOLERANCE[0], ABOUT_TOLERANCE[1] * stated.value)
        holds = computed <= high and (word != "gần" or computed >= stated.value - near)
    else:
        holds = abs(computed - stated.value) <= max(ABOUT_TOLERANCE[0], ABOUT_TOLERANCE[1] * stated.value)
    line.used.update({percent.start, first.start})
    values = {"word": word, "printed": _pct(stated), "a": first.raw, "b": second.raw, "value": _fmt(computed, 2)}
    line.add(lo, hi, "ratio", f"{word} {_pct(stated)}", _fmt(computed, 2) + "%", "–", "pass" if holds else "warn",
             line.msg("bound_holds" if holds else "bound_off", **values), spans=spans,
             main=(percent.start, percent.end), convention="bound")


# How far a percentage looks for its base: the paragraph around it, as far as a report states a base before its parts.
NEIGHBOURHOOD = (600, 240, 40)


def _neighbourhood(line: _Line, percent: _Quantity) -> list[_Quantity]:
    """The figures of the paragraph near a percentage (a bounded window keeps a long paragraph linear)."""
    before, after, limit = NEIGHBOURHOOD
    return line.within(max(0, percent.start - before), percent.end + after, limit=limit)


def _unstated_bases(line: _Line, quantities: list[_Quantity]) -> list[float]:
    """Bases a paragraph's percentages are of without stating them: "48/48 phiếu, chiếm 90,57% tổng số đại biểu" is
    a share of 53 deputies (48/53 = 90,57 %). Read only from a percentage that names its base after it and is printed
    with two decimals or more, where a whole number that fits can hardly be a coincidence."""
    found = []
    for index, percent in enumerate(quantities):
        stated = _stated(percent.raw) if percent.role == "percent" else None
        if stated is None or stated.decimals < 2 or not NAMED_BASE_RE.match(line.text, percent.end):
            continue
        element = _element(line, quantities, index)
        if element is None or not element[1].value:
            continue
        count = element[1].value
        for base in {math.floor(count * 100.0 / stated.value), math.ceil(count * 100.0 / stated.value)}:
            if base > 0 and _within(100.0 * count / base, stated.interval) and (element[2] is None or base != element[2].value):
                found.append(float(base))
    return found


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
        if CHANGE_AT_RE.search(text[max(0, q.start - 12):q.start]):
            continue  # "giảm 23 hộ" is a change, not the figure a later percentage speaks of
        between = _clause_between(text, q.end, percent.start)
        if between is None or not (opened or RATIO_CUE_RE.search(between)) or _each_ones_own(text, q, between):
            break
        if q.role == "denominator" and j > 0:
            numerator = next((quantities[k] for k in range(j - 1, max(-1, j - 12), -1) if quantities[k].role == "numerator"), None)
            return ("fraction", numerator, q) if numerator is not None else None
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
    bases = [q for q in _neighbourhood(line, percent) if q.role in ("count", "denominator") and q is not count and q.value > 0
             and (q.value >= count.value or stated.value > 100)]
    if count.currency:
        # "bằng p% dự toán (2.150 tỷ đồng)": an amount's base is the one in the bracket after its name; other amounts
        # of the paragraph are other lines or periods (the budget's percentages of a named base are read in bases.py).
        bases = [q for q in line.within(percent.end, percent.end + 60, limit=4) if q.role == "count" and q.currency and q.value > 0
                 and q.depth > percent.depth and q.start - percent.end < 60]
        # "kiến nghị thu hồi 2.517,9 triệu đồng (đã thu hồi 2.306,4 triệu đồng, đạt tỷ lệ 91,6%)": the amount the
        # bracket of the count and its percentage follows
        opened = text.rfind("(", max(0, count.start - 40), count.start)
        owner = line.within(max(0, opened - 40), opened, limit=1, last=True) if opened >= 0 and count.depth else []
        bases += [q for q in owner if q.currency == count.currency and q.depth == count.depth - 1 and q.value > 0
                  and re.fullmatch(r"\s*[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*", text[q.end:opened])]
    near = sorted(bases, key=lambda q: abs(q.start - percent.start))
    holding = [q for q in near if _within(100.0 * count.value / q.value, stated.interval)
               and (q.compatible(count) or stated.decimals > 0 or 100.0 * count.value / q.value == stated.value)]
    named = NAMED_BASE_NOUN_RE.match(text, percent.end)
    if holding:
        base = holding[0]
        line.used.add(percent.start)
        if named and base.noun == named.group(1).lower():
            line.named_bases[base.noun] = (line, base)
        _rate_row(line, min(lo, base.start), max(hi, base.end), count.value, base.value, stated,
                  spans[:1] + [(base.start, base.end)] + spans[1:], (percent.start, percent.end), (count.raw, base.raw),
                  assumption=line.msg("ratio_base_in_text", b=base.raw))
        return
    alike = [q for q in near if q.compatible(count) and (q.noun or q.currency) and q.depth <= count.depth + 1
             and not q.approximate  # "hơn 1.472 kiến nghị" may pass a percentage that holds, never flag one
             and not (q.start < count.start and OWN_SHARE_AFTER_RE.match(text, q.end))]  # a sibling with its own share
    if named:  # "33 phiếu, chiếm 50,8% tổng số đại biểu": the base is of deputies, not the 55 votes stated before
        alike = [q for q in alike if q.noun == named.group(1).lower()]
    # a base tied by wording stands in the percentage's own clause (not after a ";" that starts another statement)
    tied = [q for q in alike if (STRONG_BASE_RE.search(text[max(0, q.start - 16):q.start]) or q.currency)
            and _clause_between(text, *sorted((percent.end, q.start))) is not None]
    # A lone figure of the same kind stated before the count is its base ("Tổng số đơn là 137 đơn. Đã giải quyết
    # 124 đơn, đạt …"); an amount of money is only tied by wording, as a budget percentage names its own base.
    lone = len(alike) == 1 and alike[0].start < count.start and not count.currency
    if tied or lone:
        base = (tied or alike)[0]
        if _rate_row(line, min(lo, base.start), max(hi, base.end), count.value, base.value, stated,
                  spans[:1] + [(base.start, base.end)] + spans[1:], (percent.start, percent.end), (count.raw, base.raw),
                  strong=bool(tied), assumption="" if tied else line.msg("ratio_inferred_base", b=base.raw)):
            line.used.add(percent.start)
        return
    if named and not alike and not count.currency and _named_base_before(line, percent, stated, count, spans, lo, hi,
                                                                        named.group(1).lower()):
        return
    carried = [q for q in _carried(line.previous, line) if q.compatible(count) and q.noun and q.value >= count.value]
    # "đạt 71,3% số đơn đất đai" names its own base: not the total of the paragraph before
    if not alike and len(carried) == 1 and not count.currency and not NAMED_BASE_RE.match(text, percent.end) \
            and not OTHER_BASE_RE.match(text, percent.end):
        # "Tổng số đơn nhận được là 812 đơn." then "… đã giải quyết 790 đơn, đạt 97,3%": the one total of its kind
        # the paragraph before names with "tổng số", and no figure of that kind in this paragraph
        base = carried[0]
        line.used.add(percent.start)
        _rate_row(line, lo, hi, count.value, base.value, stated, spans[:1] + [(base.start, base.end)] + spans[1:],
                  (percent.start, percent.end), (count.raw, base.raw), assumption=line.msg("ratio_base_before", b=base.raw))
        return
    if not count.currency and stated.decimals > 0 and not named and not OTHER_BASE_RE.match(text, percent.end):
        _base_above(line, percent, stated, count, spans, lo, hi)


# "104 kiến nghị (chiếm 60,1%); 69 kiến nghị (chiếm 39,9%)": a figure with its own share is a part, not the next one's base
OWN_SHARE_AFTER_RE = re.compile(rf"(?:\s+[^\W\d_]+){{0,14}}\s*\((?:\s*[^\W\d_]+){{0,3}}\s*{NUM}\s?%", re.IGNORECASE)
# How many paragraphs back a figure that gives a percentage to a decimal is taken as its base (pass only).
BASE_ABOVE_REACH = 2


def _base_above(line: _Line, percent: _Quantity, stated: Stated, count: _Quantity, spans, lo: int, hi: int) -> None:
    """"tiếp nhận 115 ý kiến, kiến nghị." (a paragraph or two above) then "45 kiến nghị (chiếm tỷ lệ 39,1%)": a figure
    of the same kind above that gives the percentage printed to a decimal passes it, as that hardly holds by chance;
    none that does leaves it unchecked (the wording ties no base)."""
    previous, hops = line.earlier, 0
    while previous is not None and hops < BASE_ABOVE_REACH:
        shift = previous.offset - line.offset
        for q in reversed(previous.quantities()):
            if q.role == "count" and q.noun and not q.approximate and q.depth == 0 and q.value > count.value \
                    and q.compatible(count) and _within(100.0 * count.value / q.value, stated.interval):
                line.used.add(percent.start)
                _rate_row(line, lo, hi, count.value, q.value, stated, spans[:1] + [(q.start + shift, q.end + shift)] + spans[1:],
                          (percent.start, percent.end), (count.raw, q.raw), assumption=line.msg("ratio_base_above", b=q.raw))
                return
        previous, hops = previous.earlier, hops + 1


# "chiếm 86,27% tổng số đại biểu HĐND": the noun of the base a percentage names after it
NAMED_BASE_NOUN_RE = re.compile(r"\s?%\s*(?:của\s+|trên\s+)?(?:tổng số|tổng|số)\s+([^\W\d_]+)", re.IGNORECASE)
# How many paragraphs back a named base is looked for ("Trong số 53 đại biểu …" above a list of votes).
NAMED_BASE_REACH = 24


def _named_base_before(line: _Line, percent: _Quantity, stated: Stated, count: _Quantity, spans, lo: int, hi: int,
                       noun: str) -> bool:
    """A percentage of a base it names ("tổng số đại biểu") that its paragraph does not state: the nearest figure of
    that noun in the paragraphs above that gives it at printed precision passes it; when none does, the base that gave
    the percentages of that name before is the one it is warned against (never a failure: the base is inferred)."""
    previous, hops = line.earlier, 0
    while previous is not None and hops < NAMED_BASE_REACH and count.value > 0:  # 0 % is 0 of any base
        shift = previous.offset - line.offset
        for q in reversed(previous.quantities()):
            if q.role in ("count", "denominator") and q.noun == noun and q.value >= count.value \
                    and _within(100.0 * count.value / q.value, stated.interval):
                line.used.add(percent.start)
                base = (q.start + shift, q.end + shift)
                line.named_bases[noun] = (previous, q)
                _rate_row(line, lo, hi, count.value, q.value, stated, spans[:1] + [base] + spans[1:],
                          (percent.start, percent.end), (count.raw, q.raw), assumption=line.msg("ratio_named_base_above", b=q.raw))
                return True
        previous, hops = previous.earlier, hops + 1
    if noun not in line.named_bases or count.value <= 0:
        return False
    # "40 phiếu, chiếm 86,96% tổng số đại biểu; 4 phiếu, chiếm 8,96% tổng số đại biểu": the base that gave the
    # percentages of that name above (46) gives 8,70 % here; a warning naming that base, never a failure
    owner, q = line.named_bases[noun]
    shift = owner.offset - line.offset
    base = (q.start + shift, q.end + shift)
    if _rate_row(line, lo, hi, count.value, q.value, stated, spans[:1] + [base] + spans[1:], (percent.start, percent.end),
                 (count.raw, q.raw), strong=False, assumption=line.msg("ratio_named_base_sibling", b=q.raw)):
        line.used.add(percent.start)
    return True


# "đạt 105% kế hoạch", "bằng 96% cùng kỳ": a percentage of a plan or of an earlier period, not of a count
OTHER_BASE_RE = re.compile(r"\s?%\s*(?:so với\s+|của\s+)?(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|cùng kỳ|năm trước|kỳ trước)",
                           re.IGNORECASE)
# "Tổng số đơn nhận được trong năm là 812 đơn": a total named as such, which the next paragraph may take as its base.
STATED_TOTAL_RE = re.compile(r"\btổng số\b[^\d;:()]{0,60}?(?:\blà|:)?\s*$", re.IGNORECASE)


def _carried(previous: _Line | None, line: _Line) -> list[_Quantity]:
    """The totals the paragraph before states with "tổng số", as figures of ``line`` (their spans shifted so that
    they point back into the paragraph before): at most one of each kind, or none of that kind."""
    if previous is None:
        return []
    found = [q for q in previous.quantities() if q.role == "count" and q.noun and not q.approximate and q.depth == 0
             and STATED_TOTAL_RE.search(previous.text[max(0, q.start - 80):q.start])]
    kinds = [q.counts for q in found]
    shift = previous.offset - line.offset
    return [replace(q, start=q.start + shift, end=q.end + shift) for q in found if kinds.count(q.counts) == 1]


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
                 line.msg("unchecked_unpaired"))
    for match in re.finditer(rf"\b(tăng|giảm)\s+({NUM})\s+([^\W\d_]+)\s+so với", text, re.IGNORECASE):
        if match.start(2) in line.used or _value(match.group(2)) is None:
            continue
        line.add(match.start(), match.end(), "difference", f"{match.group(1)} {match.group(2)} {match.group(3)}", "–", "0",
                 "unchecked", line.msg("unchecked_no_earlier"))




TABLE_CELL_RE = re.compile(r"\s\|\s|\t")


def _table_rows(line: _Line) -> None:
    """A table row read from a document ("Khiếu nại | 14 | 12 | 85,7%"): a percentage cell passes when two figures
    of its row give it at printed precision (which columns are which is not known, so a row is never flagged)."""
    if not TABLE_CELL_RE.search(line.text):
        return
    quantities = line.quantities()
    counts = [q for q in quantities if q.role == "count" and q.value > 0 and q.depth == 0]
    for percent in quantities:
        stated = _stated(percent.raw) if percent.role == "percent" and percent.start not in line.used else None
        if stated is None or stated.decimals == 0 and stated.value in (0, 100):
            continue
        pairs = [(a, b) for a in counts for b in counts if a is not b and a.start < percent.start and b.start < percent.start
                 and _within(100.0 * a.value / b.value, stated.interval)]
        if stated.decimals == 0:  # a whole percentage fits too many pairs by chance
            pairs = [(a, b) for a, b in pairs if 100.0 * a.value / b.value == stated.value]
        if len(pairs) != 1:
            continue
        a, b = pairs[0]
        line.used.add(percent.start)
        _rate_row(line, min(a.start, b.start), percent.end, a.value, b.value, stated,
                  sorted([(a.start, a.end), (b.start, b.end)]) + [(percent.start, percent.end)],
                  (percent.start, percent.end), (a.raw, b.raw), assumption=line.msg("ratio_table_row", a=a.raw, b=b.raw))
