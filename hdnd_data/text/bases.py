"""Percentages of a named base (a budget estimate): two percentages of one base must imply one base."""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass

from hdnd_data.data.numbers import Stated, printed_interval
from hdnd_data.text.misprints import explain
from hdnd_data.text.scan import (
    _EPS,
    BASE_QUALIFIERS,
    LINE_CUT_RE,
    LINE_WORD_RE,
    MONEY_RE,
    MONEY_UNITS,
    NUM,
    PAST_PERIOD_RE,
    PERIOD_ONLY_RE,
    PLAN_RE,
    TRONG_DO_RE,
    _fmt,
    _fold,
    _half,
    _Line,
    _pct,
    _stated,
    _value,
)


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
    percent_end: int = 0

    def number_spans(self) -> list[tuple[int, int]]:
        """The amount and the percentage this claim reads, as spans of the paragraph."""
        return [(self.amount_start, self.amount_start + len(self.amount_raw)), (self.percent_start, self.percent_end)]

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
        match_ends, amount_ends = [m.end() for m in matches], [m.end() for m in amounts]  # in order: bisected
        for amount in amounts:
            # The subject of an amount starts after the previous amount and its claims ("..., bằng 50% dự toán; ước...").
            last = bisect.bisect_right(match_ends, amount.start()) - 1
            subject_start = max(previous_end, match_ends[last] if last >= 0 else previous_end)
            sub = split is not None and amount.start() > split.start()
            name = _line_name(text[max(subject_start, split.end()) if sub else subject_start:amount.start()])
            if sub:
                scopes[amount.start()] = ("sub", current_line, name)
            else:
                current_line = name if name is not None else current_line
                scopes[amount.start()] = ("line", current_line)
            previous_end = amount.end()
        for match in matches:
            owner = bisect.bisect_right(amount_ends, match.start()) - 1
            percent = _stated(match.group(1))
            if owner < 0 or percent is None or match.start(1) in line.used:
                continue
            name = re.split(r"\b(?:đạt|bằng|tăng|giảm|vượt|chiếm)\b", match.group(2), flags=re.IGNORECASE)[0]
            name = re.sub(r"\s+", " ", name).strip()
            amount = amounts[owner]
            currency, factor = MONEY_UNITS[amount.group(2).lower()]
            claims.append(_BaseClaim(
                start=match.start(), percent_start=match.start(1), end=match.start(2) + len(match.group(2).rstrip()),
                amount_start=amount.start(), amount_end=amount.end(), percent=percent, name=name,
                amount=_value(amount.group(1)) * factor, amount_raw=amount.group(1), unit=amount.group(2), currency=currency,
                measure=measure_id + owner, scope=scopes[amount.start()],
                percent_end=match.end(1)))
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
        # each claim against the next: one base shared by n claims is n - 1 checks, never n² (a long paragraph)
        for first, second in itertools.pairwise(group):
            _base_pair(line, first, second)


def _claim_text(line: _Line, claim: _BaseClaim) -> str:
    """"390.463 triệu đồng … bằng 88,7% dự toán ...": the amount and the claim, without the claims between."""
    amount, claim_text = line.text[claim.amount_start:claim.amount_end], line.text[claim.start:claim.end]
    return line.text[claim.amount_start:claim.end] if claim.start - claim.amount_end <= 3 else f"{amount} … {claim_text}"


def _range(interval: tuple[float, float]) -> str:
    # Four significant digits at least, so that a base of 13,6 million USD does not print as "14–14".
    decimals = max(0, 3 - int(math.floor(math.log10(max(abs(interval[0]), 1e-9)))))
    return f"{_fmt(interval[0], decimals)}–{_fmt(interval[1], decimals)}"


LAST_FIGURE_RE = re.compile(r"%(?!.*%)", re.DOTALL)  # the base name of another percentage ends there


def _stated_base(line: _Line, claim: _BaseClaim) -> bool:
    """"Kế hoạch vốn … là 412,6 tỷ đồng. … giải ngân 287,3 tỷ đồng, đạt 69,6% kế hoạch": an amount stated before in
    the paragraph under the base's first words, inside the base the percentage implies, passes it. When the one amount
    so named lies outside, the percentage is warned against it (the base is inferred from its name, never failed)."""
    words = claim.name.lower().split()[:2]
    past = PAST_PERIOD_RE.search(claim.name) and not PLAN_RE.search(claim.name)  # "so với cùng kỳ": no amount's name
    if len(words) < 2 or claim.scope[0] == "sub" or past:
        return False
    low, high = claim.implied()
    named = []
    for match in MONEY_RE.finditer(line.text, max(0, claim.amount_start - 600), claim.amount_start):
        value = _value(match.group(1))
        currency, factor = MONEY_UNITS[match.group(2).lower()]
        subject = line.text[max(0, match.start() - 80):match.start()]
        subject = subject[m.end():] if (m := LAST_FIGURE_RE.search(subject)) else subject  # the amount's own words
        if value is None or value <= 0 or currency != claim.currency or " ".join(words) not in subject.lower():
            continue
        named.append((match, value * factor))
        if low * (1 - _EPS) <= value * factor <= high * (1 + _EPS):
            _named_row(line, claim, match, value * factor, "pass")
            return True
    if len(named) == 1:
        _named_row(line, claim, *named[0], "warn")
        return True
    return False


def _named_row(line: _Line, claim: _BaseClaim, match: re.Match, base: float, status: str) -> None:
    spans = [(claim.amount_start, claim.amount_start + len(claim.amount_raw)), (match.start(1), match.end(1)),
             (claim.percent_start, claim.percent_end)]
    computed = 100.0 * claim.amount / base
    digits = max(2, claim.percent.decimals + 1)
    note, hypothesis = "", ""
    if status != "pass":
        note = line.msg("ratio_off", a=claim.amount_raw, b=match.group(1), value=_fmt(computed, digits), printed=_pct(claim.percent))
        factor = MONEY_UNITS[claim.unit.lower()][1]

        def holds(role: str, raw: str, slip) -> bool:
            if role == "percent":
                low, high = printed_interval(slip.value, slip.decimals)
                return low - _EPS <= computed <= high + _EPS
            low, high = claim.percent.interval
            return low - _EPS <= 100.0 * slip.value * factor / base <= high + _EPS

        hypothesis = explain([("percent", claim.percent.raw.rstrip("%").strip()), ("count", claim.amount_raw)], holds, line.lang)
    line.add(min(match.start(), claim.start), claim.end, "ratio", _pct(claim.percent), _fmt(computed, digits) + "%",
             _half(claim.percent.decimals), status, note, spans=spans, main=spans[2], convention="rounding", hypothesis=hypothesis,
             assumption=line.msg("ratio_named_base_stated", b=match.group(1)))


def _unpaired_base(line: _Line, claim: _BaseClaim) -> None:
    if _stated_base(line, claim):
        return
    past = PAST_PERIOD_RE.search(claim.name) and not PLAN_RE.search(claim.name)
    note = line.msg("base_alone")
    if past:
        note += line.msg("base_past_period")
    if claim.scope[0] == "sub":
        note += line.msg("base_sub_line_own")
    line.add(claim.start, claim.end, "percent_of_base", f"{_pct(claim.percent)} «{claim.name}»",
             line.msg("base_range", range=_range(claim.implied()), unit=_unit_in_millions(line, claim)),
             _half(claim.percent.decimals), "unchecked", note, excerpt=f"…{_claim_text(line, claim)}…",
             spans=claim.number_spans(), main=claim.number_spans()[1])


def _unit_in_millions(line: _Line, claim: _BaseClaim) -> str:
    return line.msg("million_vnd") if claim.currency == "VND" else line.msg("million_usd")


def _base_pair(line: _Line, first: _BaseClaim, second: _BaseClaim) -> None:
    a, b = first.implied(), second.implied()
    hypothesis = ""
    overlap = max(a[0], b[0]) <= min(a[1], b[1]) * (1 + _EPS)
    same_name = first.name.lower() == second.name.lower()
    words_a, words_b = first.name.lower().split(), second.name.lower().split()
    only_a = " ".join(w for w in words_a if w not in words_b) or "–"
    only_b = " ".join(w for w in words_b if w not in words_a) or "–"
    differ = line.msg("base_named_differently", a=first.name, b=second.name, only_a=only_a, only_b=only_b)
    if overlap:
        status = "pass"
        common = (max(a[0], b[0]), min(a[1], b[1]))
        note = line.msg("base_common", range=_range(common))
        if not same_name:
            note += "; " + differ
    elif same_name:
        status = "fail"
        note = line.msg("base_conflict")

        def holds(role: str, raw: str, slip) -> bool:
            lo, hi = printed_interval(slip.value, slip.decimals)
            if lo <= 0:
                return False
            claim, other = (first, b) if raw == first.percent.raw.rstrip("%").strip() else (second, a)
            implied = (claim.amount * 100.0 / hi, claim.amount * 100.0 / lo)
            return max(implied[0], other[0]) <= min(implied[1], other[1]) * (1 + _EPS)

        hypothesis = explain([("percent", c.percent.raw.rstrip("%").strip()) for c in (first, second)], holds, line.lang)
    else:
        status = "warn"
        note = line.msg("base_two_estimates", differ=differ)
    scope = line.msg("base_within_sub_line") if first.scope[0] == "sub" else ""
    stated = f"{_pct(first.percent)} × B = {first.amount_raw}; {_pct(second.percent)} × B = {second.amount_raw} {first.unit}"
    excerpt = " | ".join(f"…{_claim_text(line, c)}…" for c in (first, second))
    line.add(first.start, second.end, "percent_of_base", stated,
             f"B ∈ {_range(a)} / {_range(b)} {_unit_in_millions(line, first)}",
             f"{_half(first.percent.decimals)} / {_half(second.percent.decimals)}", status, note + scope, excerpt=excerpt,
             hypothesis=hypothesis, spans=first.number_spans() + second.number_spans(), main=first.number_spans()[1])


