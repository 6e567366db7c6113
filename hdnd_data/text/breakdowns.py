"""Breakdowns of a total into parts, in the layouts reports use: "N X, gồm a X, b X và c X", "trong đó" (also opening
the next sentence), "cụ thể:" with dash or bullet lines, label-first items ("khiếu nại: 14; tố cáo: 6"), a second
partition of the same total (by type, then by outcome), sub-totals with their own bracketed breakdown, and a total
stated after its parts ("…, trên tổng số 45 phiếu").
"""

from __future__ import annotations

import re

from hdnd_data.text.misprints import explain
from hdnd_data.text.scan import NOT_AFTER_ABBREVIATION, NUM, _fmt, _Line, _Quantity, _value

CUE_RE = re.compile(r"\b(?:bao gồm|gồm có|gồm|trong đó|trong số đó|trong số|cụ thể là|cụ thể|chia ra)\b\s*(?:có\s+)?:?|\((?=[^()]*\d)"
                    r"|:(?=\s*[^\W\d_])|^\s*theo đó\b\s*,?", re.IGNORECASE)
# Where a cue opens its paragraph, the total is the last figure of the paragraph before.
OPENING_RE = re.compile(r"^\s*(?:[-+•–]\s*)?$")
# A heading that names the breakdown before its colon, label-first items after it: "Về thành phần: khối A 7 người, …"
HEADING_RE = re.compile(r"^\s*(?:[-+•–]\s*)?(?:(?:(?:xét\s+)?về\s+|phân\s+)?(?:thành phần|cơ cấu|phân loại)(?:\s+[^\W\d_]+){0,3}"
                        r"|(?:chia |phân )?theo\s+(?:lĩnh vực|loại|nội dung|đối tượng|thẩm quyền|hình thức|giới tính|độ tuổi|trình độ|dân tộc)"
                        r"(?:\s+[^\W\d_]+){0,2})\s*$", re.IGNORECASE)
OF_TOTAL_RE = re.compile(r"\s*\d")
# A bracket is a breakdown only right after its total and its noun: "58 vụ việc (kỳ trước chuyển sang 9 vụ việc, …)".
BRACKET_HEAD_RE = re.compile(r"^\s*(?:[^\W\d_]+\s*){0,4}$")
# Cues after which the list is the whole breakdown; "trong đó" may name only some parts.
CLOSED_CUES = ("gồm", "bao gồm", "gồm có", "cụ thể", "cụ thể là", "chia ra")
TOTAL_AFTER_RE = re.compile(r"\b(?:trên|trong)?\s*tổng (?:số|cộng)(?:\s+là)?\s*$", re.IGNORECASE)
BULLET_RE = re.compile(r"\s*[-+•*–]\s")
GROUP_BREAK_RE = re.compile(rf";|{NOT_AFTER_ABBREVIATION}\.\s|\bkết quả\b", re.IGNORECASE)
BRACKETS_RE = re.compile(r"\([^()]*\)")
# A sum that holds by chance: two or three small counts adding up to a small total in another sentence.
MIN_TOTAL_ELSEWHERE = 10
# A total counted by other nouns than its parts' is read only when they add up exactly to a total of some size.
MIN_TOTAL_ANY_NOUN = 100


def _block_end(line: _Line, hi: int) -> int:
    """The end of a list that continues a sentence on dash or bullet lines."""
    text, spans = line.text, line.sentences()
    end = hi
    for lo2, hi2 in spans[line.sentence_index(max(0, hi - 1)) + 1:]:
        if lo2 < len(text) and text[lo2] in "-+•*–":
            end = hi2
        else:
            break
    return end


def _depth_at(line: _Line, lo: int, pos: int) -> int:
    """Brackets open at ``pos``, counted from the last figure before it (bounded work, not from the sentence start)."""
    previous = line.within(lo, pos, limit=1, last=True)
    start, depth = (previous[0].start, previous[0].depth) if previous else (lo, 0)
    return max(0, depth + line.text.count("(", start, pos) - line.text.count(")", start, pos))


def _groups(text: str, parts: list[_Quantity]) -> list[list[_Quantity]]:
    """Parts split where a clause ends between two of them (";", ". ", "Kết quả"), bracketed asides ignored."""
    groups = [[parts[0]]] if parts else []
    for before, part in zip(parts, parts[1:]):
        between = BRACKETS_RE.sub(" ", text[before.end:part.start])
        if GROUP_BREAK_RE.search(between):
            groups.append([part])
        else:
            groups[-1].append(part)
    return groups


def _row(line: _Line, total: _Quantity, parts: list[_Quantity], status: str, note: str = "", hypothesis: str = "",
         assumption: str = "") -> None:
    spans = [(total.start, total.end)] + [(p.start, p.end) for p in parts]
    line.used.update(s for s, _ in spans)
    line.totals.add(total.start)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    computed = sum(p.value for p in parts)
    shown = _fmt(computed, max(_decimals(p.raw) for p in parts)) if not total.currency else _fmt(
        computed / _scale(total), _decimals(total.raw))
    line.add(start, end, "sum", f"{total.raw} = " + " + ".join(p.raw for p in parts), shown, "0", status, note,
             spans=spans, main=(total.start, total.end), hypothesis=hypothesis, assumption=assumption, convention="exact")


def _decimals(raw: str) -> int:
    return len(raw.split(",", 1)[1]) if "," in raw else 0


def _scale(quantity: _Quantity) -> float:
    """Millions per unit of an amount's printed figure (money is kept in millions); 1 for a count."""
    printed = _value(quantity.raw)
    return quantity.value / printed if printed else 1.0


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


# "512 lượt (giảm 41 lượt so với cùng kỳ)": a change in a bracket right after its figure, a few words of noun between
CHANGE_AFTER_RE = re.compile(r"[^\d();.]{0,40}\(\s*(tăng|giảm)\s+(?:thêm\s+)?", re.IGNORECASE)


def _change_after(line: _Line, figure: _Quantity) -> tuple[int, _Quantity] | None:
    """The change bracketed right after ``figure``, as (sign, its figure), or None."""
    found = [q for q in line.within(figure.end, figure.end + 80, limit=2) if q.depth == figure.depth + 1]
    if not found or found[0].role != "count" or found[0].approximate:
        return None
    change = found[0]
    match = CHANGE_AFTER_RE.fullmatch(line.text, figure.end, change.start)
    if match is None or not (change.compatible(figure) or not change.noun):
        return None
    return (-1 if match.group(1).lower() == "giảm" else 1), change


def _part_changes(line: _Line, total: _Quantity, parts: list[_Quantity]) -> None:
    """"512 lượt (giảm 41 lượt), trong đó 130 lượt (giảm 29 lượt), 382 lượt (giảm 12 lượt)": when the parts add up to
    their total and each of them, and the total, carries its change, the parts' changes add up to the total's."""
    changes = [_change_after(line, q) for q in (total, *parts)]
    if any(c is None or c[1].start in line.used for c in changes):
        return
    (sign, whole), rest = changes[0], changes[1:]
    summed = sum(s * c.value for s, c in rest)
    words = {1: line.msg("change_up"), -1: line.msg("change_down")}

    def said(value: float) -> str:
        return f"{words[1 if value >= 0 else -1]} {_fmt(abs(value), 0)}"

    stated = f"{words[sign]} {whole.raw} = " + " + ".join(f"{words[s]} {c.raw}" for s, c in rest)
    holds = _equal(summed, sign * whole.value)
    spans = [(c.start, c.end) for _, c in changes]
    line.used.update(s for s, _ in spans)
    note = "" if holds else line.msg("part_changes_off", computed=said(summed), total=f"{words[sign]} {whole.raw}")
    line.add(min(s for s, _ in spans), max(e for _, e in spans), "sum", stated, said(summed), "0", "pass" if holds else "fail",
             note, spans=spans, main=(whole.start, whole.end), convention="exact")


def _judge(line: _Line, total: _Quantity, parts: list[_Quantity], closed: bool) -> None:
    """Pass when the parts add up; otherwise fail (closed list) or warn (an open list may leave parts unnamed)."""
    computed = sum(p.value for p in parts)
    if _equal(computed, total.value):
        _row(line, total, parts, "pass")
        _part_changes(line, total, parts)
        return
    shown = _fmt(computed / _scale(total), _decimals(total.raw)) if total.currency else _fmt(
        computed, max(_decimals(p.raw) for p in parts))
    by_raw = {p.raw: p for p in parts}

    def holds(role: str, raw: str, slip) -> bool:
        if role == "total":
            return _equal(slip.value * _scale(total), computed)
        part = by_raw[raw]
        return _equal(computed - part.value + slip.value * _scale(part), total.value)

    hypothesis = explain([("total", total.raw)] + [("part", p.raw) for p in parts], holds, line.lang)
    if closed or computed > total.value:
        status, note = ("fail" if closed else "warn"), line.msg("parts_off", computed=shown, total=total.raw)
    else:
        status, note = "warn", line.msg("parts_open", computed=shown, total=total.raw)
    _row(line, total, parts, status, note, hypothesis)


def _breakdowns(line: _Line) -> None:
    """Every total with a breakdown cue after it; each partition of the total is one claim."""
    text, quantities = line.text, line.quantities()
    counts = [q for q in quantities if q.role == "count" and not q.approximate]

    def counted(found: list[_Quantity]) -> list[_Quantity]:
        return [q for q in found if q.role == "count" and not q.approximate]

    for cue in CUE_RE.finditer(text):
        lo, hi = line.sentence_of(cue.start())
        headed = cue.group(0) == ":" and bool(HEADING_RE.match(text[lo:cue.start()]))  # names a whole: a closed list
        after = counted(line.within(cue.end(), _block_end(line, hi)))
        before = counted(line.within(lo, cue.start(), limit=16, last=True))
        if cue.group(0).lower().startswith("trong số") and after and OF_TOTAL_RE.match(text, cue.end()):
            before, after = after[:1], after[1:]  # "Trong số 376 đơn, có 277 …; 71 …; 28 …"
        elif not before and line.sentence_index(cue.start()) > 0 and (
                OPENING_RE.match(text[lo:cue.start()]) or headed):
            plo, phi = line.sentences()[line.sentence_index(cue.start()) - 1]
            before = counted(line.within(plo, phi, limit=16, last=True))
        elif not before and (OPENING_RE.match(text[:cue.start()]) or not line.within(0, cue.start(), limit=1)):
            # a paragraph that opens with the breakdown of the one before: its total is the one figure of that kind
            # closing the paragraph before ("… 287 đơn." then "Trong đó: …"), or there is no telling which it is
            closing = counted(line.closing())
            alike = [q for q in closing if after and q.compatible(after[0])]
            before = alike if len(alike) == 1 else []
        # the total stands at the cue's own depth: "X, bằng p% dự toán (B); trong đó …" breaks down X, not B
        depth = _depth_at(line, lo, cue.start()) if cue.group(0) != "(" else None
        if depth:  # "45 kiến nghị về đất đai (gồm 28 …, 17 …)": a cue inside a bracket breaks down the figure before it
            outer = [q for q in before if q.depth == depth - 1]
            before = outer if outer and not [q for q in before if q.depth == depth] else []
        else:
            before = [q for q in before if q.depth == (depth if depth is not None else before[-1].depth if before else 0)]
        parts = _until_new_total(text, [q for q in after if q.depth == (after[0].depth if after else 0)])
        bracket = cue.group(0) == "("
        if bracket:
            close = text.find(")", cue.end())
            parts = [q for q in parts if q.start < close and q.depth == (before[-1].depth + 1 if before else 1)]
            if not before or not BRACKET_HEAD_RE.match(text[before[-1].end:cue.start()]):
                continue
        listed = _block_end(line, hi) > hi  # a list on dash or bullet lines is one breakdown
        if not before or len(parts) < 2 or before[-1].start in line.totals:
            continue
        parts = [p for p in parts if p.start not in line.used]
        totals = [t for t in before if t.compatible(parts[0]) if parts] if parts else []
        if not totals and len(parts) >= 2 and before:
            categories = _groups(text, parts)[0]
            if len(categories) >= 2 and _equal(sum(p.value for p in categories), before[-1].value):
                _row(line, before[-1], categories, "pass")  # items named by category (see below)
            elif before[-1].value >= MIN_TOTAL_ANY_NOUN and _equal(sum(p.value for p in parts), before[-1].value):
                _row(line, before[-1], parts, "pass")  # "1.382 lượt …" broken down by its cases: exact, so hardly chance
            continue
        if not totals or len(parts) < 2:
            continue
        total = totals[-1]
        # "845 lượt/1.120 người, trong đó 500 lượt/700 người, …": each side of a pair has its own column of parts
        partner = next((t for t in before[-3:] if t.paired and total.paired and abs(t.start - total.start) < 40
                        and not t.compatible(total)), None)
        whole = False  # the other side's column adds up: the list is whole, so this side must add up too
        if partner is not None:
            other = [p for p in parts if p.paired and p.compatible(partner)]
            whole = len(other) >= 2 and _equal(sum(p.value for p in other), partner.value)
            side = [p for p in parts if p.paired and p.compatible(total)]
            _pair_column(line, partner, [p for p in parts if p.paired and p.compatible(partner)], cue, listed,
                         closed=len(side) >= 2 and _equal(sum(p.value for p in side), total.value))
        categories = _groups(text, parts)[0]
        parts = [p for p in parts if p.compatible(total) and p.start != total.start]
        slots = [p.slot for p in parts if p.slot]  # an ambiguous total ("164 lượt") takes one side of its pairs only
        parts = [p for p in parts if not p.slot or p.slot == slots[0]] if slots else parts
        if len(parts) < 2:
            # "318 đơn, chia ra 271 khiếu nại và 47 tố cáo": items named by category, not by the total's counter;
            # read only when they add up, as their nouns do not prove they are parts of this total
            if len(categories) >= 2 and _equal(sum(p.value for p in categories), before[-1].value):
                _row(line, before[-1], categories, "pass")
            continue
        if bracket:  # a bracket may hold some of the parts only: a shortfall is a warning
            if _equal(sum(p.value for p in parts), total.value) or sum(p.value for p in parts) > total.value:
                _judge(line, total, parts, closed=False)
            continue
        if not _equal(sum(p.value for p in parts), total.value):  # all the parts adding up outweighs a sub-total by chance
            parts = _nested(line, parts)
        if len(parts) < 2:
            continue
        _partitions(line, total, parts, cue, listed, others=[t for t in totals[:-1] if t.compatible(total)][-4:], headed=headed or whole)
        _interleaved(line, parts, hi)
        _elsewhere(line, total, hi)
    _totals_after(line, counts)
    _with_other(line)


# "phát hiện sai phạm 5.214,36 triệu đồng, kiến nghị thu hồi 3.870,11 triệu đồng, kiến nghị khác 1.344,25 triệu đồng"
OTHER_ITEM_RE = re.compile(r"\bkhác\s*(?:là\s*)?:?\s*$", re.IGNORECASE)


def _with_other(line: _Line) -> None:
    """Amounts of a sentence whose last item is "… khác": the items after the first amount share it out, passed when
    they add up to it exactly (the first amount is not called a total, so a gap is not flagged)."""
    text = line.text
    for lo, hi in line.sentences():
        amounts = [q for q in line.within(lo, hi, limit=24) if q.role == "count" and q.currency and q.depth == 0
                   and not q.approximate]
        for index, other in enumerate(amounts):
            if index < 2 or not OTHER_ITEM_RE.search(text, max(lo, other.start - 20), other.start):
                continue
            total, parts = amounts[0], [q for q in amounts[1:index + 1] if q.currency == amounts[0].currency]
            if len(parts) >= 2 and total.start not in line.totals and _equal(sum(p.value for p in parts), total.value):
                _row(line, total, parts, "pass")
            break


# A clause that opens with a total or a rate starts another statement: "…, trong đó 1.214.530 cử tri nữ; Tổng số cử
# tri đi bầu 2.301.877 người" lists no part after the ";".
NEW_STATEMENT_RE = re.compile(r"[;.]\s*(?:\S+\s+){0,3}?(?:tổng số|tổng cộng|tỷ lệ|tỉ lệ)\b", re.IGNORECASE)


def _until_new_total(text: str, parts: list[_Quantity]) -> list[_Quantity]:
    """The parts up to the first clause that opens another statement (a new total or a rate)."""
    for index in range(1, len(parts)):
        if NEW_STATEMENT_RE.search(text, parts[index - 1].end, parts[index].start):
            return parts[:index]
    return parts


def _pair_column(line: _Line, total: _Quantity, parts: list[_Quantity], cue: re.Match, listed: bool, closed: bool) -> None:
    """The other side of a pair ("1.120 người" of "845 lượt/1.120 người") against the same side of its parts; when
    the first side's parts add up to their total (``closed``), the list is whole and this side must add up too."""
    if len(parts) < 2 or total.start in line.totals:
        return
    if closed:
        _judge(line, total, parts, closed=True)
    else:
        _partitions(line, total, parts, cue, listed)


def _nested(line: _Line, parts: list[_Quantity]) -> list[_Quantity]:
    """Parts with each sub-total that the parts right after it add up to folded in: "7.156 đơn, trong đó 5.591 đơn
    đủ điều kiện với 651 …, 281 … và 4.659 …" checks 5.591 = 651 + 281 + 4.659 and leaves 5.591 as the one part."""
    out, index = [], 0
    while index < len(parts):
        part, running, end = parts[index], 0.0, None
        for j in range(index + 1, len(parts)):
            running += parts[j].value
            if running > part.value + 1e-9:
                break
            if j - index >= 2 and _equal(running, part.value):
                end = j
                break
        if end is not None:
            _judge(line, part, parts[index + 1:end + 1], closed=True)
            index = end
        out.append(part)
        index += 1
    return out


def _partitions(line: _Line, total: _Quantity, parts: list[_Quantity], cue: re.Match, listed: bool = False,
                others: list[_Quantity] = (), headed: bool = False) -> None:
    text = line.text
    if _equal(sum(p.value for p in parts), total.value):
        _judge(line, total, parts, closed=True)
        _subtotals(line, parts)
        return
    groups = [g for g in ([parts] if listed else _groups(text, parts)) if len(g) >= 2]
    holding = [g for g in groups if _equal(sum(p.value for p in g), total.value)]
    for group in holding:
        _judge(line, total, group, closed=True)
        _subtotals(line, group)
    # "274 đơn khiếu nại và 105 đơn tố cáo; trong đó …": a group may add up to an earlier total of the sentence
    matched = [(t, g) for g in groups if g not in holding for t in others if _equal(sum(p.value for p in g), t.value)]
    for other, group in matched:
        _judge(line, other, group, closed=True)
    if holding or matched:
        return
    word = cue.group(0).lower().strip(" :")
    # "gồm: a X; b Y": items of a closed list may be separated by semicolons, one to a clause
    # (an open cue's label-first items, one to a clause, are one list too: parts beyond the total are flagged)
    claimed = parts if all(len(g) == 1 for g in _groups(text, parts)) else groups[0] if groups else []
    if len(claimed) < 2:
        return
    closed = headed or word.startswith(CLOSED_CUES) or bool(re.search(r"\bvà\b", text[claimed[-2].end:claimed[-1].start]))
    if not closed and sum(p.value for p in claimed) < total.value and all(OWN_SHARE_RE.match(text, p.end) for p in claimed):
        return  # "trong đó có 23 đại biểu nữ (chiếm …%); … tái cử là 24 người (chiếm …%)": traits, each with its share
    _judge(line, total, claimed, closed=closed)
    _subtotals(line, claimed)


# A part followed by its own share in brackets: "23 đại biểu nữ (chiếm 24,2%)".
OWN_SHARE_RE = re.compile(rf"(?:\s+[^\W\d_]+){{0,14}}\s*\((?:\s*[^\W\d_]+){{0,3}}\s*{NUM}\s?%", re.IGNORECASE)


def _subtotals(line: _Line, parts: list[_Quantity]) -> None:
    """A part followed by its own bracketed breakdown ("60 kiến nghị … (gồm 35 …, 25 …)")."""
    for part in parts:
        inner = [q for q in line.within(part.end, part.end + 400, limit=12) if q.role == "count"
                 and q.depth == part.depth + 1 and q.start not in line.used and q.compatible(part)]
        opened = line.text.find("(", part.end, inner[0].start) if inner else -1
        # the bracket must open right after the part and its noun, not at a later figure of the paragraph
        inner = inner if opened >= 0 and BRACKET_HEAD_RE.match(line.text[part.end:opened]) else []
        close = line.text.find(")", inner[0].start) if inner else -1
        inner = [q for q in inner if q.start < close]
        if len(inner) >= 2:
            _judge(line, part, inner, closed=True)


LABEL_END_RE = re.compile(r"[,;.:()]|\bvà\b|\d", re.IGNORECASE)
LABEL_START_RE = re.compile(r"(?:[,;.:()]|\bvà\b|\d)(?!.*(?:[,;.:()]|\bvà\b|\d))", re.IGNORECASE | re.DOTALL)


def _label(text: str, quantity: _Quantity) -> tuple[list[str], list[str]]:
    """The words naming a figure after it, up to the end of its item, and before it, from the item's start
    ("30 vụ khiếu nại" → "vụ khiếu nại"; "tố cáo sai 11 vụ" → "tố cáo sai", "vụ")."""
    after = text[quantity.end:quantity.end + 60]
    after = after[:m.start()] if (m := LABEL_END_RE.search(after)) else after
    before = text[max(0, quantity.start - 60):quantity.start]
    before = before[m.end():] if (m := LABEL_START_RE.search(before)) else before
    return after.lower().split(), before.lower().split()


def _names(text: str, part: _Quantity) -> tuple[str, str] | None:
    """A part's label without its counter ("khiếu nại") and the initials reports shorten it to ("kn")."""
    after, before = _label(text, part)
    words = [w for w in after if w not in {part.noun, part.alias}][:3] or [w for w in before if w not in CUE_WORDS][-3:]
    if not words or not all(w.isalpha() for w in words):
        return None
    return " ".join(words), "".join(w[0] for w in words) if len(words) >= 2 else ""


# figures of another time or a change are not the parts' breakdown: "Cùng kỳ năm trước có 26 vụ khiếu nại, …"
COMPARED_RE = re.compile(r"\b(?:cùng kỳ|năm trước|kỳ trước|so với|tăng|giảm)\b", re.IGNORECASE)
CUE_WORDS = {"gồm", "bao", "có", "trong", "đó", "số", "cụ", "thể", "là", "chia", "ra"}


def _interleaved(line: _Line, parts: list[_Quantity], hi: int) -> None:
    """Each part's own breakdown interleaved with the others' in the next sentence, every figure naming its part
    ("30 vụ khiếu nại và 15 vụ tố cáo. … 12 vụ KN, 4 vụ TC đúng; 18 vụ KN, 11 vụ TC sai"): each column adds up to its
    part. Flagged only when another column adds up, which shows the figures are read as the report meant them."""
    text = line.text
    names = [_names(text, p) for p in parts]
    if len(parts) < 2 or None in names or len({n for n, _ in names}) < len(names):
        return
    index = line.sentence_index(max(0, hi - 1))
    spans = line.sentences()[index + 1:index + 3]
    if not spans or COMPARED_RE.search(text, spans[0][0], spans[-1][1]):
        return
    figures = [q for q in line.within(spans[0][0], spans[-1][1], limit=24) if q.role == "count" and q.depth == 0
               and q.start not in line.used and not q.approximate and q.compatible(parts[0])]
    columns: dict[int, list[_Quantity]] = {}
    for figure in figures:
        words = [w for side in _label(text, figure) for w in side]
        label = " ".join(words)
        owners = [i for i, (name, initials) in enumerate(names) if f" {name} " in f" {label} " or initials in words]
        if len(owners) != 1:
            continue
        columns.setdefault(owners[0], []).append(figure)
    if len(columns) < len(parts) or any(len(c) < 2 for c in columns.values()):
        return
    adding = [i for i, column in columns.items() if _equal(sum(q.value for q in column), parts[i].value)]
    if not adding:
        return
    for i, column in columns.items():
        _judge(line, parts[i], column, closed=True)


def _elsewhere(line: _Line, total: _Quantity, hi: int) -> None:
    """A second partition of the total in the next sentences ("Kết quả: đã giải quyết a, đang giải quyết b…"):
    reported only when it adds up exactly, as arithmetic hardly holds by chance for a total of some size."""
    if total.value < MIN_TOTAL_ELSEWHERE:
        return
    index = line.sentence_index(max(0, hi - 1))
    for lo2, hi2 in line.sentences()[index + 1:index + 4]:
        group = [q for q in line.within(lo2, hi2, limit=12) if q.role == "count" and q.depth == 0
                 and q.start not in line.used and q.compatible(total) and not q.approximate]
        if len(group) >= 2 and _equal(sum(q.value for q in group), total.value):
            _row(line, total, group, "pass", assumption=line.msg("parts_elsewhere", total=total.raw))
    if total.value < MIN_TOTAL_ANY_NOUN:
        return
    # "…; tổng số vụ việc cũ 604 vụ việc, vụ việc mới 778 vụ việc": the same total counted by another noun, in a later
    # clause of its sentence or the next ones; only two or more figures of one noun that add up to it exactly
    text = line.text
    end = line.sentences()[min(len(line.sentences()) - 1, index + 2)][1]
    figures = [q for q in line.within(total.end, end, limit=24) if q.role == "count" and q.depth == 0 and q.noun
               and q.start not in line.used and not q.approximate]
    for group in _groups(text, figures):
        if len(group) >= 2 and len({q.noun for q in group}) == 1 and _equal(sum(q.value for q in group), total.value) \
                and not group[0].compatible(total) and re.search(r"[;.]", text[total.end:group[0].start]):
            _row(line, total, group, "pass", assumption=line.msg("parts_elsewhere", total=total.raw))


def _totals_after(line: _Line, counts: list[_Quantity]) -> None:
    """Parts then their total: "38 phiếu …, 5 phiếu …, 2 phiếu …, trên tổng số 45 phiếu"."""
    text = line.text
    for index, total in enumerate(counts):
        if total.start in line.used or not TOTAL_AFTER_RE.search(text[max(0, total.start - 24):total.start]):
            continue
        lo, _ = line.sentence_of(total.start)
        parts = [q for q in counts[max(0, index - 12):index] if q.start >= lo and q.depth == total.depth
                 and q.compatible(total) and q.start not in line.used]
        if len(parts) >= 2:
            _judge(line, total, parts, closed="cộng" in text[max(0, total.start - 24):total.start].lower())
