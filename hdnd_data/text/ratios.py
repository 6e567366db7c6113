"""Ratios: a count over its base against the percentage printed beside it, and the numbers left unchecked."""

from __future__ import annotations

import re

from hdnd_data.data.numbers import Stated
from hdnd_data.text.scan import (
    MALFORMED_RE,
    NUM,
    PERCENT_RE,
    _fmt,
    _fractions,
    _half,
    _Line,
    _pct,
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


def _rate_row(line: _Line, start: int, end: int, num: float, den: float, stated: Stated) -> None:
    computed = 100.0 * num / den
    ok = _within(computed, stated.interval)
    digits = max(2, stated.decimals + 1)
    note = "" if ok else line.say(
        f"{_fmt(num)}/{_fmt(den)} = {_fmt(computed, digits)}%, không làm tròn thành {_pct(stated)}",
        f"{_fmt(num)}/{_fmt(den)} = {_fmt(computed, digits)}%, which does not round to {_pct(stated)}")
    line.add(start, end, "ratio", _pct(stated), _fmt(computed, digits) + "%", _half(stated.decimals),
             "pass" if ok else "fail", note)


def _ratios(line: _Line) -> None:
    """x/y followed (after an optional breakdown in brackets) by "đạt tỷ lệ p%", or "p% (x/y)"."""
    text = line.text
    for match, num, den in _fractions(line):
        tail = re.compile(rf"(?:[^\d%().;]{{0,40}}?\([^()]*\))?([^\d%();.]{{0,40}}?)({NUM})\s?%")
        found = tail.match(text, match.end())
        if not found or not re.search(r"\b(đạt|bằng|chiếm|tỷ lệ|tỉ lệ)\b", found.group(1), re.IGNORECASE):
            continue
        stated = _stated(found.group(2))
        if stated is None:
            continue
        line.used.update({match.start(), found.start(2)})
        _rate_row(line, match.start(), found.end(), num, den, stated)
    for match in re.finditer(rf"\b(?:đạt|bằng|chiếm|tỷ lệ|tỉ lệ)\s+({NUM})\s?%\s*\(\s*({NUM})/({NUM})\s*\)", text, re.I):
        stated, num, den = _stated(match.group(1)), _value(match.group(2)), _value(match.group(3))
        if stated is None or num is None or not den or match.start(1) in line.used:
            continue
        line.used.update({match.start(1), match.start(2)})
        _rate_row(line, match.start(), match.end(), num, den, stated)



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


