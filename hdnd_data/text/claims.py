"""Numeric claims in the text of a report, read and recomputed (statcheck for Vietnamese public reports).

:func:`check_claims` finds the figures a report states about each other and says whether they agree.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from hdnd_data.data.numbers import NumberParseError, Stated, decimals_of, format_number, parse_number, parse_stated
from hdnd_data.text.reading import ReportReadError, read_report

__all__ = ["COLUMNS", "ReportReadError", "check_claims", "claims_csv", "claims_summary", "read_report"]

COLUMNS = ["claim_id", "line", "excerpt", "kind", "stated", "computed", "tolerance", "status", "note", "convention",
           "hypothesis", "assumption", "start", "end", "spans"]
STATUSES = ["pass", "fail", "warn", "unchecked"]

# A number token: digits with dots (thousands) and a comma (decimals); strictness is left to parse_number so
# that a malformed token ("3904.63") is seen, reported and never guessed.
NUM = r"\d+(?:[.,]\d+)*"
# Not inside a word, a date ("14-15/12"), a code ("45-CT") or another number.
_START = r"(?<![\w.,/-])"
_EPS = 1e-9

PERCENT_RE = re.compile(rf"{_START}({NUM})\s?%")
FRACTION_RE = re.compile(rf"{_START}({NUM})/({NUM})(?![\w/])")
MONEY_RE = re.compile(
    rf"{_START}({NUM})\s+(nghìn tỷ đồng|tỷ đồng|triệu đồng|nghìn đồng|đồng|tỷ USD|triệu USD|USD)(?!\w)", re.IGNORECASE
)
COUNT_RE = re.compile(rf"{_START}({NUM})(?![\d/%]|\s?%|/)\s+([^\W\d_]+)")
MALFORMED_RE = re.compile(rf"{_START}(\d+(?:[.,]\d+)+)")
TRONG_DO_RE = re.compile(r"\btrong đó\b", re.IGNORECASE)
CHANGE_WORD_RE = re.compile(r"\b(tăng|giảm|vượt)\b", re.IGNORECASE)

# Money units, in millions of the currency, so that "3,5 tỷ đồng" and "3.500 triệu đồng" are one amount.
MONEY_UNITS = {
    "nghìn tỷ đồng": ("VND", 1_000_000.0), "tỷ đồng": ("VND", 1000.0), "triệu đồng": ("VND", 1.0),
    "nghìn đồng": ("VND", 0.001), "đồng": ("VND", 1e-6),
    "tỷ usd": ("USD", 1000.0), "triệu usd": ("USD", 1.0), "usd": ("USD", 1e-6),
}
# A number right after one of these words is a date, an ordinal or a document number, not a quantity.
NOT_A_QUANTITY = {"năm", "ngày", "tháng", "số", "thứ", "quý", "lần", "khóa", "khoá", "điều", "khoản", "giờ", "lúc",
                  "mục", "phần", "biểu", "kỳ", "đến", "từ", "hết", "nhiệm"}
# "1/2 ngày" is half a day, not a count of days nor the 1st of February ("6/6 buổi" is still a count).
DURATION_AFTER_FRACTION = re.compile(r"\s+(ngày|buổi|giờ|tháng|năm)\b", re.IGNORECASE)

# Words naming a budget or economic line; a subject without one ("Ước thực hiện năm 2020") continues the last line.
LINE_WORD_RE = re.compile(
    r"\b(?:tổng\s+)?(?:số\s+)?(thu|chi|xuất khẩu|nhập khẩu|giải ngân|vốn|doanh thu|kim ngạch|giá trị sản xuất)\b",
    re.IGNORECASE,
)
LINE_CUT_RE = re.compile(r"\d|[,;:()]|\b(đạt|là|bằng|ước|thực hiện|tháng|năm|quý|lũy kế|đến nay)\b", re.IGNORECASE)
PERIOD_ONLY_RE = re.compile(
    r"\b(ước tính|ước|dự kiến|thực hiện|cả năm|đầu năm|lũy kế|tháng|quý|năm|đạt|là|được|đến nay|tính đến|trong)\b|[\d\W_]",
    re.IGNORECASE,
)
# Comparisons with an earlier period: the base differs for each measure (an 11-month actual vs a year estimate).
PAST_PERIOD_RE = re.compile(r"cùng kỳ|năm trước|kỳ trước|tháng trước|\bnăm \d{4}\b", re.IGNORECASE)
PLAN_RE = re.compile(r"dự toán|kế hoạch|chỉ tiêu|mục tiêu", re.IGNORECASE)
# Words by which two names of one base may differ (compared without diacritics: "phân đấu" is "phấn đấu" mistyped).
BASE_QUALIFIERS = [("dau", "nam"), ("phan", "dau"), ("hdnd",), ("ubnd",), ("giao",), ("duoc",), ("de", "ra")]


# ---------------------------------------------------------------- text and numbers


def _say(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _clean(line: str) -> str:
    """Markdown and HTML markup blanked out (same length, so offsets hold), so "<sup>1</sup>" is not a number."""
    line = re.sub(r"<sup>.*?</sup>", _blank, line)
    line = re.sub(r"<[^>]+>", _blank, line)
    line = re.sub(r"^\s*#+\s*", _blank, line)
    return re.sub(r"\\\*|\*", _blank, line)


COMBINING = r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def _nfc_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` in NFC and, when that changed it, the offset in ``text`` of every character of the result (+ end)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces, back = [], []
    for match in re.finditer(rf".{COMBINING}*", text, re.DOTALL):
        piece = unicodedata.normalize("NFC", match.group(0))
        pieces.append(piece)
        back.extend([match.start()] * len(piece))
    back.append(len(text))
    return "".join(pieces), back


def _value(raw: str) -> float | None:
    try:
        return float(parse_number(raw))
    except NumberParseError:
        return None


def _stated(raw: str) -> Stated | None:
    try:
        return parse_stated(raw)
    except NumberParseError:
        return None


def _within(value: float, interval: tuple[float, float]) -> bool:
    return interval[0] - _EPS <= value <= interval[1] + _EPS


def _fmt(value: float, decimals: int = 0) -> str:
    return format_number(value, decimals)


def _pct(stated: Stated) -> str:
    return stated.raw if stated.raw.endswith("%") else stated.raw + "%"


def _half(decimals: int) -> str:
    return "±" + _fmt(0.5 * 10.0 ** (-decimals), decimals + 1)


def _fold(text: str) -> str:
    """Lower case without diacritics, for comparing names that differ in a mistyped accent."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _word_before(text: str, pos: int) -> str:
    # A bounded window: searching text[:pos] made a line of many numbers quadratic.
    match = re.search(r"([^\W\d_]+)\W*$", text[max(0, pos - 40):pos])
    return match.group(1).lower() if match else ""


def _excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """A short window around text[start:end]; a long claim shows its beginning and its end."""
    if width and end - start > 2 * width + 40:
        head, tail = _excerpt(text, start, start + width, width), _excerpt(text, end - width, end, width)
        return head.rstrip("…") + " … " + tail.lstrip("…")
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut > 0 else right
    snippet = text[left:right].strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


@dataclass
class _Row:
    start: int
    end: int
    excerpt: str
    kind: str
    stated: str
    computed: str
    tolerance: str
    status: str
    note: str = ""


@dataclass
class _Line:
    """One paragraph of the report and the numbers in it already claimed by an extractor."""

    number: int
    text: str
    lang: str
    used: set[int] = field(default_factory=set)
    rows: list[_Row] = field(default_factory=list)

    def sentences(self) -> list[tuple[int, int]]:
        # A sentence ends at ". " — a dot inside a number ("390.463") is never followed by a space.
        spans, start = [], 0
        for match in re.finditer(r"(?<=[.!?…])\s+", self.text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(self.text)))
        return spans

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return next(span for span in self.sentences() if span[0] <= pos <= span[1])

    def add(self, start: int, end: int, kind: str, stated: str, computed: str, tolerance: str, status: str,
            note: str = "", excerpt: str | None = None) -> None:
        excerpt = excerpt if excerpt is not None else _excerpt(self.text, start, end)
        self.rows.append(_Row(start, end, excerpt, kind, stated, computed, tolerance, status, note))

    def say(self, vi: str, en: str) -> str:
        return _say(self.lang, vi, en)


def _fractions(line: _Line):
    """Fractions x/y that are counts or ratios: not dates, not "1/2 ngày", both sides readable."""
    for match in FRACTION_RE.finditer(line.text):
        if _word_before(line.text, match.start()) in {"ngày", "tháng", "số"}:
            continue
        num, den = _value(match.group(1)), _value(match.group(2))
        if num is None or den is None or den == 0:
            continue
        if num < den <= 4 and DURATION_AFTER_FRACTION.match(line.text, match.end()):
            continue
        yield match, num, den


def _counts(line: _Line, lo: int, hi: int) -> list[tuple[int, float, str, str]]:
    """Quantities "N noun" in text[lo:hi]: (start, value, raw, head noun). Money keeps its unit as the noun."""
    out = []
    for match in COUNT_RE.finditer(line.text, lo, hi):
        if _word_before(line.text, match.start()) in NOT_A_QUANTITY or match.start() in line.used:
            continue
        value = _value(match.group(1))
        if value is None:
            continue
        money = MONEY_RE.match(line.text, match.start())
        noun = money.group(2).lower() if money else match.group(2).lower()
        out.append((match.start(), value, match.group(1), noun))
    return out


# ---------------------------------------------------------------- extractors


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


@dataclass
class _BaseClaim:
    start: int
    percent_start: int
    end: int
    amount_start: int
    amount_end: int
    percent: Stated
    name: str
    amount: float
    amount_raw: str
    unit: str
    currency: str
    measure: int
    scope: tuple

    def implied(self) -> tuple[float, float] | None:
        low, high = self.percent.interval
        if low <= 0:
            return None
        return self.amount * 100.0 / high, self.amount * 100.0 / low


def _line_name(subject: str) -> str | None:
    """The budget or economic line a subject names ("Tổng chi ngân sách thành phố ..."), or None if it names none."""
    found = list(LINE_WORD_RE.finditer(subject))
    if found:
        text = subject[found[-1].start():]
        cut = LINE_CUT_RE.search(text, len(found[-1].group(0)))
        text = text[:cut.start()] if cut else text
    else:
        if not PERIOD_ONLY_RE.sub("", subject).strip():
            return None
        text = subject
    text = re.sub(r"^(tổng|số)\s+", "", re.sub(r"\s+", " ", text.lower()).strip())
    return " ".join(text.split()[:8])


def _core(name: str) -> tuple[str, ...]:
    """A base's name without qualifiers ("dự toán tỉnh giao đầu năm" -> "du toan tinh"), for grouping."""
    words = [_fold(w) for w in name.split()]
    out, i = [], 0
    while i < len(words):
        for qualifier in BASE_QUALIFIERS:
            if tuple(words[i:i + len(qualifier)]) == qualifier:
                i += len(qualifier)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


BASE_RE = re.compile(rf"\b(?:đạt|bằng)\s+({NUM})\s?%\s*(?:so với\s+)?([^,;.()]*)", re.IGNORECASE)


def _base_claims(line: _Line) -> list[_BaseClaim]:
    """Every "đạt|bằng p% <base>" with the amount it is a percentage of, its line and its scope."""
    text, claims, measure_id = line.text, [], 0
    current_line: str | None = None
    for lo, hi in line.sentences():
        split = TRONG_DO_RE.search(text, lo, hi)
        amounts = [m for m in MONEY_RE.finditer(text, lo, hi) if _value(m.group(1)) is not None]
        matches = list(BASE_RE.finditer(text, lo, hi))
        previous_end, scopes = lo, {}
        for amount in amounts:
            # The subject of an amount starts after the previous amount and its claims ("..., bằng 50% dự toán; ước...").
            subject_start = max([previous_end] + [m.end() for m in matches if m.end() <= amount.start()])
            sub = split is not None and amount.start() > split.start()
            name = _line_name(text[max(subject_start, split.end()) if sub else subject_start:amount.start()])
            if sub:
                scopes[amount.start()] = ("sub", current_line, name)
            else:
                current_line = name if name is not None else current_line
                scopes[amount.start()] = ("line", current_line)
            previous_end = amount.end()
        for match in matches:
            owner = [m for m in amounts if m.end() <= match.start()]
            percent = _stated(match.group(1))
            if not owner or percent is None or match.start(1) in line.used:
                continue
            name = re.split(r"\b(?:đạt|bằng|tăng|giảm|vượt|chiếm)\b", match.group(2), flags=re.IGNORECASE)[0]
            name = re.sub(r"\s+", " ", name).strip()
            amount = owner[-1]
            currency, factor = MONEY_UNITS[amount.group(2).lower()]
            claims.append(_BaseClaim(
                start=match.start(), percent_start=match.start(1), end=match.start(2) + len(match.group(2).rstrip()),
                amount_start=amount.start(), amount_end=amount.end(), percent=percent, name=name,
                amount=_value(amount.group(1)) * factor, amount_raw=amount.group(1), unit=amount.group(2), currency=currency,
                measure=measure_id + amounts.index(amount), scope=scopes[amount.start()]))
        measure_id += len(amounts)
    return claims


def _bases(line: _Line) -> None:
    """Percentages of one named base, in one paragraph, must imply overlapping intervals for that base."""
    claims = [c for c in _base_claims(line) if c.name and c.implied() is not None]
    groups: dict[tuple, list[_BaseClaim]] = {}
    for claim in claims:
        line.used.add(claim.percent_start)
        per_measure = claim.measure if PAST_PERIOD_RE.search(claim.name) and not PLAN_RE.search(claim.name) else None
        groups.setdefault((claim.scope, claim.currency, _core(claim.name.lower()), per_measure), []).append(claim)
    for group in groups.values():
        if len(group) == 1:
            _unpaired_base(line, group[0])
            continue
        for first, second in itertools.combinations(group, 2):
            _base_pair(line, first, second)


def _claim_text(line: _Line, claim: _BaseClaim) -> str:
    """"390.463 triệu đồng … bằng 88,7% dự toán ...": the amount and the claim, without the claims between."""
    amount, claim_text = line.text[claim.amount_start:claim.amount_end], line.text[claim.start:claim.end]
    return line.text[claim.amount_start:claim.end] if claim.start - claim.amount_end <= 3 else f"{amount} … {claim_text}"


def _range(interval: tuple[float, float]) -> str:
    # Four significant digits at least, so that a base of 13,6 million USD does not print as "14–14".
    decimals = max(0, 3 - int(math.floor(math.log10(max(abs(interval[0]), 1e-9)))))
    return f"{_fmt(interval[0], decimals)}–{_fmt(interval[1], decimals)}"


def _unpaired_base(line: _Line, claim: _BaseClaim) -> None:
    past = PAST_PERIOD_RE.search(claim.name) and not PLAN_RE.search(claim.name)
    note = line.say("không có khẳng định khác về cùng gốc trong đoạn để đối chiếu",
                    "no other claim in the paragraph names the same base")
    if past:
        note += line.say(" («cùng kỳ»/năm trước là gốc riêng của từng chỉ tiêu và kỳ)",
                         " (a same-period-last-year base belongs to one measure and period)")
    if claim.scope[0] == "sub":
        note += line.say("; dòng con «trong đó» có gốc riêng", "; a «trong đó» sub-line has bases of its own")
    line.add(claim.start, claim.end, "percent_of_base", f"{_pct(claim.percent)} «{claim.name}»",
             line.say("gốc ", "base ") + _range(claim.implied()) + f" {_unit_in_millions(line, claim)}",
             _half(claim.percent.decimals), "unchecked", note, excerpt=f"…{_claim_text(line, claim)}…")


def _unit_in_millions(line: _Line, claim: _BaseClaim) -> str:
    return line.say("triệu đồng", "million VND") if claim.currency == "VND" else line.say("triệu USD", "million USD")


def _base_pair(line: _Line, first: _BaseClaim, second: _BaseClaim) -> None:
    a, b = first.implied(), second.implied()
    overlap = max(a[0], b[0]) <= min(a[1], b[1]) * (1 + _EPS)
    same_name = first.name.lower() == second.name.lower()
    words_a, words_b = first.name.lower().split(), second.name.lower().split()
    only_a = " ".join(w for w in words_a if w not in words_b) or "–"
    only_b = " ".join(w for w in words_b if w not in words_a) or "–"
    differ = line.say(f"tên gốc khác nhau: «{first.name}» / «{second.name}» (khác: {only_a} / {only_b})",
                      f"the base is named differently: «{first.name}» / «{second.name}» (differ: {only_a} / {only_b})")
    if overlap:
        status = "pass"
        common = (max(a[0], b[0]), min(a[1], b[1]))
        note = line.say(f"gốc chung {_range(common)}", f"common base {_range(common)}")
        if not same_name:
            note += "; " + differ
    elif same_name:
        status = "fail"
        note = line.say("hai tỷ lệ của cùng một gốc cho ra hai gốc khác nhau",
                        "two percentages of the same base imply different bases")
    else:
        status = "warn"
        note = line.say("hai gốc suy ra khác nhau — ", "the implied bases differ — ") + differ + line.say(
            ": có thể là hai dự toán khác nhau", ": they may be two different estimates")
    scope = line.say("; trong dòng con «trong đó»", "; within a «trong đó» sub-line") if first.scope[0] == "sub" else ""
    stated = f"{_pct(first.percent)} × B = {first.amount_raw}; {_pct(second.percent)} × B = {second.amount_raw} {first.unit}"
    excerpt = " | ".join(f"…{_claim_text(line, c)}…" for c in (first, second))
    line.add(first.start, second.end, "percent_of_base", stated,
             f"B ∈ {_range(a)} / {_range(b)} {_unit_in_millions(line, first)}",
             f"{_half(first.percent.decimals)} / {_half(second.percent.decimals)}", status, note + scope, excerpt=excerpt)


def _sums(line: _Line) -> None:
    """Parts against a stated total: "N ... (a X, b Y; c Z)", "N X, trong đó a X và b X", "N X ..., a X, còn b X"."""
    text = line.text
    # A breakdown in brackets right after a total (or after the numerator of x/y).
    for paren in re.finditer(r"\(([^()]*)\)", text):
        items = [s.strip() for s in re.split(r"[,;]|\bvà\b", paren.group(1)) if s.strip()]
        parts = [re.match(rf"({NUM})\s+[^\W\d_]", item) for item in items]
        if len(items) < 2 or not all(parts):
            continue
        values = [_value(p.group(1)) for p in parts]
        head = re.search(rf"{_START}({NUM})(?:/{NUM})?(?:\s+[^\W\d_]+){{0,6}}\s*$", text[:paren.start()])
        if head is None or any(v is None for v in values) or _value(head.group(1)) is None:
            continue
        total = _value(head.group(1))
        line.used.add(head.start(1))
        _sum_row(line, head.start(1), paren.end(), total, head.group(1), [p.group(1) for p in parts], values, closed=True)
    sentences = line.sentences()
    for index, (lo, hi) in enumerate(sentences):
        split = TRONG_DO_RE.search(text, lo, hi)
        if split:
            parts = _counts(line, split.end(), hi)
            total_from = sentences[index - 1][0] if index and split.start() - lo < 3 else lo
            totals = _counts(line, total_from, split.start())
            _grouped_sum(line, totals, parts, hi)
        for rest in re.finditer(r"\bcòn\b", text[lo:hi]):
            at = lo + rest.start()
            after = _counts(line, at, hi)
            before = _counts(line, lo, at)
            if not after or not before:
                continue
            first = before[-1]
            if first[3] != after[0][3]:
                continue
            earlier = [c for c in before[:-1] if c[3] == first[3]]
            if not earlier and index:
                earlier = [c for c in _counts(line, sentences[index - 1][0], lo) if c[3] == first[3]]
            if not earlier:
                continue
            parts = [first] + [c for c in after if c[3] == first[3]]
            total = earlier[-1]
            line.used.update(c[0] for c in parts + [total])
            _sum_row(line, total[0], hi, total[1], total[2], [c[2] for c in parts], [c[1] for c in parts], closed=False,
                     assumed=True)


def _grouped_sum(line: _Line, totals: list, parts: list, hi: int) -> None:
    """Parts after "trong đó" against the last total before it with the same noun ("32 ý kiến ... 06 ý kiến")."""
    by_noun: dict[str, list] = {}
    for part in parts:
        by_noun.setdefault(part[3], []).append(part)
    for noun, group in by_noun.items():
        candidates = [t for t in totals if t[3] == noun]
        if len(group) < 2 or not candidates:
            continue
        total = candidates[-1]
        between = line.text[group[-2][0]:group[-1][0]]
        # "a X và b X" closes the list: a shortfall is then an error, not a part left unnamed.
        is_closed = bool(re.search(r"\b(và|còn)\b", between))
        line.used.update(c[0] for c in group + [total])
        _sum_row(line, total[0], min(hi, group[-1][0] + 40), total[1], total[2], [c[2] for c in group],
                 [c[1] for c in group], closed=is_closed)


def _sum_row(line: _Line, start: int, end: int, total: float, total_raw: str, raws: list[str], values: list[float],
             *, closed: bool, assumed: bool = False) -> None:
    computed = sum(values)
    ok = abs(computed - total) < 1e-6
    if ok:
        status, note = "pass", ""
    elif closed:
        status, note = "fail", line.say(f"các phần cộng lại {_fmt(computed)}, khác tổng {total_raw}",
                                        f"the parts add up to {_fmt(computed)}, not {total_raw}")
    else:
        status = "warn"
        note = line.say(f"các phần cộng lại {_fmt(computed)}, khác {total_raw}; giả định các phần là toàn bộ có thể sai",
                        f"the parts add up to {_fmt(computed)}, not {total_raw}; they may not be all the parts")
    if assumed and ok:
        note = line.say("giả định: số đầu là tổng, các số sau «còn» là phần còn lại",
                        "assumed: the first figure is the total and «còn» introduces the remainder")
    line.add(start, end, "sum", f"{total_raw} = " + " + ".join(raws), _fmt(computed), "0", status, note)


def _fraction_counts(line: _Line) -> None:
    """x/y counts ("8/8 điểm"): x ≤ y; fractions of one denominator and noun in a sentence sum to it."""
    text = line.text
    found = []
    for match, num, den in _fractions(line):
        noun = re.match(r"\s+([^\W\d_]+)", text[match.end():])
        if match.start() in line.used or noun is None or num != int(num) or den != int(den):
            continue
        found.append((match, num, den, noun.group(1).lower(), line.sentence_of(match.start())))
    groups: dict[tuple, list] = {}
    for item in found:
        groups.setdefault((item[4], item[2], item[3]), []).append(item)
    for (_, den, _), group in groups.items():
        if len(group) == 1:
            match, num, den, noun, _ = group[0]
            ok = num <= den
            line.add(match.start(), match.end() + len(noun) + 1, "count", match.group(0), f"{_fmt(num)} ≤ {_fmt(den)}",
                     "0", "pass" if ok else "fail", "" if ok else line.say("tử số lớn hơn mẫu số", "more than the whole"))
            continue
        total = sum(item[1] for item in group)
        start, end = group[0][0].start(), group[-1][0].end()
        negated = re.search(r"\b(không|chưa)\b", text[group[0][0].end():end + 40], re.IGNORECASE)
        if total == den:
            status, note = "pass", ""
        elif negated:
            status, note = "fail", line.say(f"các phần bù nhau cộng lại {_fmt(total)}, không bằng {_fmt(den)}",
                                            f"the complementary parts add up to {_fmt(total)}, not {_fmt(den)}")
        else:
            status, note = "warn", line.say(f"cộng lại {_fmt(total)} ≠ {_fmt(den)}; các phần có thể chồng lấn",
                                            f"they add up to {_fmt(total)} ≠ {_fmt(den)}; the parts may overlap")
        line.add(start, end, "count", " + ".join(item[0].group(0) for item in group), f"{_fmt(total)}/{_fmt(den)}", "0",
                 status, note)


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


EXTRACTORS = (_malformed, _ratios, _differences, _growth, _shares, _bases, _sums, _fraction_counts, _unchecked)


def _number_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every number token in text[start:end] (a fraction's two sides apart), as (start, end) in ``text``."""
    return [m.span(1) for m in NUMBER_TOKEN_RE.finditer(text, start, end)]


NUMBER_TOKEN_RE = re.compile(rf"(?<![\w.,])({NUM})")


def _main_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The claim's stated number: its percentage when it has one, else its first number."""
    for lo, hi in spans:
        if re.match(r"\s?%", text[hi:hi + 2]):
            return lo, hi
    return spans[0] if spans else (0, 0)


def check_claims(text: str, *, lang: str = "vi", include_unchecked: bool = False) -> pd.DataFrame:
    """Find the numeric claims in a report's text and recompute them.

    Returns one row per claim with the columns of :data:`COLUMNS`; ``status`` is ``pass``, ``fail`` or ``warn``
    (``unchecked`` rows only with ``include_unchecked=True``). ``start``/``end`` is the span of the claim's stated
    number and ``spans`` the spans of every number it uses, as offsets into ``text`` itself. ``claim_id`` numbers the
    claims in the order of the text, unchecked ones included, so that an id is the same with or without them.

    >>> df = check_claims("Đã giải quyết 45/48 đơn, đạt tỷ lệ 93,8%.")
    >>> df.loc[0, ["kind", "stated", "computed", "status"]].tolist()
    ['ratio', '93,8%', '93,75%', 'pass']
    >>> int(df.loc[0, "start"]), int(df.loc[0, "end"])
    (35, 39)
    """
    if lang not in {"vi", "en"}:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    normal, back = _nfc_map(text)
    records, offset = [], 0
    for number, raw in enumerate(normal.splitlines(keepends=True), start=1):
        line_start, offset = offset, offset + len(raw)
        line = _Line(number, _clean(raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")), lang)
        if not re.search(r"\d", line.text):
            continue
        for extract in EXTRACTORS:
            extract(line)
        for row in line.rows:
            spans = _number_spans(line.text, row.start, row.end)
            main = _main_span(line.text, spans)
            shift = [(line_start + lo, line_start + hi) for lo, hi in [main, *spans]]
            if back is not None:
                shift = [(back[lo], back[hi]) for lo, hi in shift]
            convention = "rounding" if row.status in {"pass", "warn", "fail"} and row.tolerance not in {"–", "0"} else (
                "exact" if row.tolerance == "0" else "")
            records.append((number, line_start + row.start, " ".join(row.excerpt.split()), row.kind, row.stated,
                            row.computed, row.tolerance, row.status, row.note, convention, "", "",
                            shift[0][0], shift[0][1], shift[1:]))
    frame = pd.DataFrame(records, columns=["line", "_start", *COLUMNS[2:]])
    frame = frame.sort_values(["line", "_start"], kind="stable").drop(columns="_start").reset_index(drop=True)
    frame.insert(0, "claim_id", [f"c{i:03d}" for i in range(1, len(frame) + 1)])
    if not include_unchecked:
        frame = frame[frame["status"] != "unchecked"].reset_index(drop=True)
    return frame.astype({"line": "int64", "start": "int64", "end": "int64"})


def claims_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims per kind (rows) and status (columns), with totals."""
    table = pd.crosstab(claims["kind"], claims["status"], margins=True, margins_name="total")
    order = [s for s in STATUSES if s in table.columns] + ["total"]
    return table.reindex(columns=order, fill_value=0)



# A cell a spreadsheet would run as a formula starts with one of these; such a cell is written after a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def claims_csv(claims: pd.DataFrame) -> str:
    """The claims as CSV text that a spreadsheet opens without running any cell as a formula.

    >>> print(claims_csv(pd.DataFrame({"stated": ["=1+1", "-5", "93,2%"], "n": [1, 2, 3]})), end="")
    stated,n
    '=1+1,1
    '-5,2
    "93,2%",3
    """
    safe = claims.astype(object).map(lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return safe.to_csv(index=False)
