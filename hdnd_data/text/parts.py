"""Parts and totals: breakdowns that must add up to their total, and count fractions of one whole."""

from __future__ import annotations

import re

from hdnd_data.text.misprints import explain
from hdnd_data.text.scan import (
    _START,
    NOT_A_QUANTITY,
    NUM,
    YEAR_RE,
    _counts,
    _fmt,
    _fractions,
    _Line,
    _value,
    _word_before,
)

REMAINDER_WINDOW = 300


def _sums(line: _Line) -> None:
    """Parts against a stated total: "N ... (a X, b Y; c Z)", "N X, trong đó a X và b X", "N X ..., a X, còn b X"."""
    text = line.text
    # A breakdown in brackets right after a total (or after the numerator of x/y).
    for paren in re.finditer(r"\(([^()]*)\)", text):
        # items "12 đơn", or label first "KN 58", "kiến nghị, đề nghị 2.106 đơn" (a label's own comma kept apart)
        items = [s.strip() for s in re.split(r"[,;]|\bvà\b", paren.group(1)) if re.search(r"\d", s)]
        parts = [re.match(rf"({NUM})\s+[^\W\d_]", item) or _labelled(item) for item in items]
        if len(items) < 2 or not all(parts):
            continue
        values = [_value(p.group(1)) for p in parts]
        window = max(0, paren.start() - 120)  # a bounded look back keeps a line of many brackets linear
        head = re.search(rf"{_START}({NUM})(?:/{NUM})?(?:\s+[^\W\d_]+){{0,6}}\s*$", text[window:paren.start()])
        if head is None or any(v is None for v in values) or _value(head.group(1)) is None:
            continue
        head_start = window + head.start(1)
        if head_start in line.totals:
            continue
        total = _value(head.group(1))
        line.used.add(head_start)
        _sum_row(line, head_start, paren.end(), total, head.group(1), [p.group(1) for p in parts], values, closed=True)
    sentences = line.sentences()
    for index, (lo, hi) in enumerate(sentences):
        for rest in re.finditer(r"\bcòn\b", text[lo:hi]):
            at = lo + rest.start()
            # a bounded window around "còn": a paragraph of many of them stays linear
            after = _counts(line, at, min(hi, at + REMAINDER_WINDOW))
            before = _counts(line, max(lo, at - REMAINDER_WINDOW), at)
            if not after or not before:
                continue
            first = before[-1]
            if first[3] != after[0][3]:
                continue
            earlier = [c for c in before[:-1] if c[3] == first[3]]
            if not earlier and index:
                earlier = [c for c in _counts(line, max(sentences[index - 1][0], lo - REMAINDER_WINDOW), lo) if c[3] == first[3]]
            if not earlier:
                continue
            parts = [first] + [c for c in after if c[3] == first[3]]
            total = earlier[-1]
            line.used.update(c[0] for c in parts + [total])
            _sum_row(line, total[0], hi, total[1], total[2], [c[2] for c in parts], [c[1] for c in parts], closed=False,
                     assumed=True)


# "15/47 ý kiến giải quyết xong (đạt 31,91%), còn 32 ý kiến đang …": the rest of the whole after the fraction
# "còn (lại) c X", "đang (tiếp tục) giải quyết c X": the rest of a fraction's whole
REST_WORDS = r"(?:\bcòn\s+(?:lại\s+)?|\bđang\s+(?:tiếp tục\s+)?(?:thụ lý\s+)?(?:giải quyết|xem xét|xác minh|xử lý)\s+)"
FRACTION_REST_RE = re.compile(rf"(?:[^;.\d]|{NUM}\s?%){{0,80}}?(?:\([^()]*\)[^;.\d]{{0,40}}?)?(?:;\s*)?{REST_WORDS}({NUM})\s+([^\W\d_]+)",
                              re.IGNORECASE)  # "212/281 vụ việc, đạt tỷ lệ 75,4%, còn lại 27 vụ việc"


FRACTION_CUE_RE = re.compile(r"[^;.]{0,60}?\b(trong đó|gồm có|gồm|bao gồm|cụ thể)\b", re.IGNORECASE)


REST_OPENING_RE = re.compile(rf"\b(?:số\s+)?còn lại\s+(?:là\s+)?({NUM})\s+([^\W\d_]+)", re.IGNORECASE)


def _rest_of_paragraph(line: _Line) -> None:
    """"1.742 đơn … có 318 đơn thuộc thẩm quyền … Số còn lại 1.424 đơn …": the rest is a total less a part stated
    before it in the paragraph; passed only when one such pair gives it exactly (the wording names neither)."""
    text = line.text
    for match in REST_OPENING_RE.finditer(text):
        value = _value(match.group(1))
        if value is None or match.start(1) in line.used:
            continue
        noun = match.group(2).lower()
        earlier = [q for q in line.within(max(0, match.start() - 600), match.start(), limit=16, last=True)
                   if q.role == "count" and q.noun == noun and q.depth == 0 and not q.approximate]
        pairs = [(t, p) for i, t in enumerate(earlier) for p in earlier[i + 1:] if abs(t.value - p.value - value) < 1e-9]
        if len(pairs) != 1:
            continue
        total, part = pairs[0]
        spans = [(total.start, total.end), (part.start, part.end), match.span(1)]
        line.used.add(match.start(1))
        line.add(total.start, match.end(1), "sum", f"{total.raw} = {part.raw} + {match.group(1)}", _fmt(part.value + value), "0",
                 "pass", "", assumption=line.msg("parts_rest_of_total", total=total.raw, part=part.raw), spans=spans,
                 main=match.span(1), convention="exact")


def _fraction_parts(line: _Line) -> None:
    """"đã giải quyết 53/81 đơn, trong đó khiếu nại 31/47 đơn và tố cáo 22/34 đơn": the parts' done and whole add up
    to the total's (53 = 31 + 22, 81 = 47 + 34); a closed list ("gồm") that does not is a failure, an open one a warning."""
    found = list(_fractions(line))
    for index, (match, num, den) in enumerate(found):
        cue = FRACTION_CUE_RE.match(line.text, match.end())
        if cue is None:
            continue
        lo, hi = line.sentence_of(match.start())
        parts = [f for f in found[index + 1:index + 9] if cue.end() <= f[0].start() < hi]
        parts = parts[:next((i for i in range(1, len(parts)) if ";" in line.text[parts[i - 1][0].end():parts[i][0].start()]),
                            len(parts))]
        if len(parts) < 2:
            continue
        nums, dens = sum(p[1] for p in parts), sum(p[2] for p in parts)
        ok = abs(nums - num) < 1e-9 and abs(dens - den) < 1e-9
        closed = not cue.group(1).lower().startswith("trong")
        computed = f"{_fmt(nums)}/{_fmt(dens)}"
        spans = [match.span(1), match.span(2)] + [span for p in parts for span in (p[0].span(1), p[0].span(2))]
        note = "" if ok else line.msg("parts_off", computed=computed, total=match.group(0))
        line.add(match.start(), parts[-1][0].end(), "sum", f"{match.group(0)} = " + " + ".join(p[0].group(0) for p in parts),
                 computed, "0", "pass" if ok else ("fail" if closed else "warn"), note, spans=spans, main=match.span(1),
                 convention="exact")


# "27/38 vụ việc …, 11 vụ còn lại đang xác minh"
REST_AFTER_RE = re.compile(rf"[^;.\d]{{0,80}}?(?:\([^()]*\)[^;.\d]{{0,40}}?)?(?<![\w.,])({NUM})\s+([^\W\d_]+)(?:\s+[^\W\d_]+)?\s+còn lại\b",
                           re.IGNORECASE)


def _denominators_total(line: _Line) -> None:
    """"… là 83 đơn. Kết quả đã giải quyết 49/57 đơn KN và 21/26 đơn TC": fractions listed together whose wholes add up
    to the figure of their noun stated just before — passed when exactly so, never flagged (the wording ties nothing)."""
    paired = {q.start for q in line.quantities() if q.paired}
    text, found = line.text, [f for f in _fractions(line) if f[0].start(1) not in paired]  # "250/231 người" is a pair
    index = 0
    while index < len(found):
        group = [found[index]]
        while index + len(group) < len(found) and re.fullmatch(r"[^;.\d]{0,40}?(?:,|\bvà\b)[^;.\d]{0,20}",
                                                                 text[group[-1][0].end():found[index + len(group)][0].start()]):
            group.append(found[index + len(group)])
        index += len(group)
        noun = re.match(r"\s+([^\W\d_]+)", text[group[0][0].end():group[0][0].end() + 20])
        if len(group) < 2 or noun is None:
            continue
        dens = sum(g[2] for g in group)
        before = [q for q in line.within(max(0, group[0][0].start() - 300), group[0][0].start(), limit=8, last=True)
                  if q.role == "count" and q.noun == noun.group(1).lower() and q.depth == 0]
        if not before or abs(before[-1].value - dens) > 1e-9:
            continue
        total = before[-1]
        spans = [(total.start, total.end)] + [g[0].span(2) for g in group]
        line.add(total.start, group[-1][0].end(), "sum", f"{total.raw} = " + " + ".join(g[0].group(2) for g in group),
                 _fmt(dens), "0", "pass", "", assumption=line.msg("parts_fraction_wholes", total=total.raw), spans=spans,
                 main=(total.start, total.end), convention="exact")


def _fraction_rest(line: _Line) -> None:
    """"a/b X …, còn c X": the done and the rest make the whole (a + c = b); passed when they do, a warning naming
    the assumption when not, as "còn" may name something else."""
    text = line.text
    fractions = [(m.start(), m.end(), m.span(1), m.span(2), num, den) for m, num, den in _fractions(line)]
    quantities = line.quantities()
    # "57 đơn/63 vụ việc, còn 6 vụ việc": the numerator's counter between it and the slash
    fractions += [(a.start, b.end, (a.start, a.end), (b.start, b.end), a.value, b.value) for a, b in zip(quantities, quantities[1:])
                  if a.role == "numerator" and b.role == "denominator" and not a.currency and text[a.end:b.start] != "/"]
    for start, end, (n0, n1), (d0, d1), num, den in sorted(fractions):
        noun = re.match(r"\s+([^\W\d_]+)", text[end:end + 30])
        rest = FRACTION_REST_RE.match(text, end) or REST_AFTER_RE.match(text, end)
        if noun is None or rest is None or rest.group(2).lower() != noun.group(1).lower() or rest.start(1) in line.used:
            continue
        value = _value(rest.group(1))
        if value is None or value >= den:
            continue
        line.used.add(rest.start(1))
        spans = [(d0, d1), (n0, n1), rest.span(1)]
        ok = abs(num + value - den) < 1e-9
        line.add(start, rest.end(1), "sum", f"{text[d0:d1]} = {text[n0:n1]} + {rest.group(1)}", _fmt(num + value),
                 "0", "pass" if ok else "warn", "" if ok else line.msg("parts_open", computed=_fmt(num + value), total=text[d0:d1]),
                 assumption=line.msg("parts_remainder"), spans=spans, main=spans[0], convention="exact")


LABELLED_ITEM_RE = re.compile(rf"(?:[^\W\d_]+\s+){{1,4}}({NUM})(?:\s+[^\W\d_]+)*")


def _labelled(item: str) -> re.Match | None:
    """"KN 58", "mới phát sinh 05 vụ": a label then the item's one figure (not "Điều 5", "năm 2024")."""
    match = LABELLED_ITEM_RE.fullmatch(item)
    if match is None or _word_before(item, match.start(1)) in NOT_A_QUANTITY or YEAR_RE.fullmatch(match.group(1)):
        return None
    return match


def _sum_row(line: _Line, start: int, end: int, total: float, total_raw: str, raws: list[str], values: list[float],
             *, closed: bool, assumed: bool = False) -> None:
    computed = sum(values)
    ok = abs(computed - total) < 1e-6
    if ok:
        status, note = "pass", ""
    elif closed:
        status, note = "fail", line.msg("parts_off", computed=_fmt(computed), total=total_raw)
    else:
        status = "warn"
        note = line.msg("parts_open", computed=_fmt(computed), total=total_raw)
    if assumed and ok:
        note = line.msg("parts_remainder")
    hypothesis = "" if ok else _explain_sum(line, total, total_raw, raws, values)
    line.add(start, end, "sum", f"{total_raw} = " + " + ".join(raws), _fmt(computed), "0", status, note,
             hypothesis=hypothesis)


def _explain_sum(line: _Line, total: float, total_raw: str, raws: list[str], values: list[float]) -> str:
    """The slip of the total or of one part that would make the parts add up."""
    computed, by_raw = sum(values), dict(zip(raws, values))

    def holds(role: str, raw: str, slip) -> bool:
        if role == "total":
            return abs(slip.value - computed) < 1e-6
        return abs(computed - by_raw[raw] + slip.value - total) < 1e-6

    return explain([("total", total_raw)] + [("part", raw) for raw in raws], holds, line.lang)


def _fraction_counts(line: _Line) -> None:
    """x/y counts ("8/8 điểm"): x ≤ y; fractions of one denominator and noun in a sentence sum to it."""
    text = line.text
    found, paired = [], {q.start for q in line.quantities() if q.paired}
    for match, num, den in _fractions(line):
        noun = re.match(r"\s+([^\W\d_]+)", text[match.end():])
        if match.start() in line.used or match.start(1) in paired or noun is None or num != int(num) or den != int(den):
            continue
        found.append((match, num, den, noun.group(1).lower(), line.sentence_of(match.start())))
    groups: dict[tuple, list] = {}
    for item in found:  # "thụ lý 5/5 vụ …, giải quyết xong 1/5 vụ": the whole itself is a stage, not a part
        whole = item[1] == item[2]
        groups.setdefault((item[4], item[2], item[3], item[0].start() if whole else -1), []).append(item)
    for (_, den, _, _), group in groups.items():
        if len(group) == 1:
            match, num, den, noun, _ = group[0]
            ok = num <= den
            line.add(match.start(), match.end() + len(noun) + 1, "count", match.group(0), f"{_fmt(num)} ≤ {_fmt(den)}",
                     "0", "pass" if ok else "fail", "" if ok else line.msg("count_over_whole"))
            continue
        total = sum(item[1] for item in group)
        start, end = group[0][0].start(), group[-1][0].end()
        negated = re.search(r"\b(không|chưa)\b", text[group[0][0].end():end + 40], re.IGNORECASE)
        if total == den:
            status, note = "pass", ""
        elif negated:
            status, note = "fail", line.msg("count_complement_off", total=_fmt(total), whole=_fmt(den))
        else:
            status, note = "warn", line.msg("count_overlap", total=_fmt(total), whole=_fmt(den))
        line.add(start, end, "count", " + ".join(item[0].group(0) for item in group), f"{_fmt(total)}/{_fmt(den)}", "0",
                 status, note)


SEPARATELY_RE = re.compile(r"\s*riêng\b", re.IGNORECASE)
SOME_PARTS_RE = re.compile(r"\b(?:trong đó|trong số đó)\b", re.IGNORECASE)


def _separately(line: _Line) -> None:
    """"N X, trong đó a X đủ điều kiện. Riêng số X không đủ điều kiện là b X": the part of a later "Riêng …" sentence
    (of the same paragraph or opening the next one) completes the parts named before. Passed when they add up exactly;
    flagged only when its words deny a named part's ("không", "chưa"), as "Riêng" often singles out a part of those
    already counted."""
    text, spans = line.text, line.sentences()
    for index in range(len(spans)):
        lo, hi = spans[index]
        if not SEPARATELY_RE.match(text, lo):
            continue
        if index:
            _separate_part(line, line, spans[index - 1], (lo, hi))
        elif line.previous is not None:  # "Riêng …" opens the paragraph after the one with the total
            _separate_part(line, line.previous, line.previous.sentences()[-1], (lo, hi))


def _separate_part(line: _Line, source: _Line, before_span: tuple[int, int], span: tuple[int, int]) -> None:
    """The "Riêng …" sentence ``span`` of ``line`` against the "trong đó" sentence ``before_span`` of ``source``."""
    (plo, phi), (lo, hi) = before_span, span
    cue = SOME_PARTS_RE.search(source.text, plo, phi)
    if cue is None:
        return

    def counts(of: _Line, a: int, b: int):
        return [q for q in of.within(a, b, limit=12) if q.role == "count" and q.depth == 0 and not q.approximate]

    before, parts, later = counts(source, plo, cue.start()), counts(source, cue.end(), phi), counts(line, lo, hi)
    if not before or not parts or not later:
        return
    total, figure = before[-1], later[0]
    if not all(p.compatible(total) for p in parts) or not figure.compatible(total) or total.start in source.totals \
            or any(q.start in source.used for q in parts) or figure.start in line.used:
        return
    computed = sum(p.value for p in parts) + figure.value
    words = re.match(r"\s*(?:[^\W\d_]+\s+)?([^\W\d_]+\s+[^\W\d_]+)", source.text[parts[0].end:parts[0].end + 40])  # "đơn đủ điều kiện"
    denied = words is not None and re.search(rf"\b(?:không|chưa)\s+{re.escape(words.group(1))}", line.text[lo:hi], re.IGNORECASE)
    ok = abs(computed - total.value) < 1e-6
    if not ok and not denied:
        return
    raws, values = [p.raw for p in parts] + [figure.raw], [p.value for p in parts] + [figure.value]
    shift = source.offset - line.offset  # figures of the paragraph before, as offsets from this one (negative)
    spans_used = [(total.start + shift, total.end + shift)] + [(p.start + shift, p.end + shift) for p in parts] + [(figure.start, figure.end)]
    source.used.update(q.start for q in (total, *parts))
    line.used.add(figure.start)
    source.totals.add(total.start)
    excerpt = None if source is line else f"{source.text[plo:phi].strip()} … {line.text[lo:hi].strip()}"
    line.add(total.start + shift, figure.end, "sum", f"{total.raw} = " + " + ".join(raws), _fmt(computed), "0",
             "pass" if ok else "fail", "" if ok else line.msg("parts_off", computed=_fmt(computed), total=total.raw),
             excerpt=excerpt, hypothesis="" if ok else _explain_sum(line, total.value, total.raw, raws, values),
             assumption=line.msg("parts_separately", total=total.raw), spans=spans_used, main=spans_used[0], convention="exact")
