"""Counts each given with its share of a whole the text does not state: the wholes they imply must be one.

"còn 4.812 hộ nghèo, chiếm 3,27%; hộ cận nghèo 3.406 hộ, chiếm 2,31%" implies about 147.200 households twice. The
shares may be of different wholes (poor households of all households, near-poor ones of the poor), so wholes that do
not agree are never flagged; wholes that agree pass, as two shares printed to two decimals hardly agree by chance.
"""

from __future__ import annotations

import re

from hdnd_data.text.scan import NUM, _fmt, _half, _Line, _pct, _stated

# "4.812 hộ nghèo, chiếm 3,27%", "hộ cận nghèo là 3.406 hộ, chiếm tỷ lệ 2,31%": a count, then its share
SHARE_AFTER_RE = re.compile(r"[^\d;.()%]{0,40}?\bchiếm(?:\s+t[ỷỉ] lệ)?\s*$", re.IGNORECASE)
MIN_DECIMALS = 2  # whole or one-decimal percentages agree by chance too often


def _implied_wholes(line: _Line) -> None:
    """Two or more counts of one noun in a sentence, each with its own share: one pass when their wholes agree."""
    for lo, hi in line.sentences():
        found = line.within(lo, hi, limit=24)
        pairs = []
        for count, share in zip(found, found[1:]):
            stated = _stated(share.raw + "%") if share.role == "percent" else None
            if count.role != "count" or count.currency or not count.noun or count.approximate or stated is None \
                    or share.start in line.used or count.start in line.used or stated.decimals < MIN_DECIMALS \
                    or not 0 < stated.value < 100 or not SHARE_AFTER_RE.search(line.text, count.end, share.start):
                continue
            low, high = stated.interval
            pairs.append((count, share, stated, (count.value * 100.0 / high, count.value * 100.0 / low)))
        by_noun: dict[str, list] = {}
        for pair in pairs:
            by_noun.setdefault(pair[0].counts, []).append(pair)
        for group in by_noun.values():
            low, high = max(p[3][0] for p in group), min(p[3][1] for p in group)
            if len(group) < 2 or low > high:
                continue
            spans = [span for count, share, _, _ in group for span in ((count.start, count.end), (share.start, share.end))]
            line.used.update(s for s, _ in spans)
            decimals = max(0, 3 - len(str(int(low))))
            line.add(group[0][0].start, group[-1][1].end, "percent_of_base", " + ".join(_pct(p[2]) for p in group),
                     f"{_fmt(low, decimals)}–{_fmt(high, decimals)}", _half(min(p[2].decimals for p in group)), "pass",
                     line.msg("base_common", range=f"{_fmt(low, decimals)}–{_fmt(high, decimals)}"), spans=spans,
                     main=spans[1], assumption=line.msg("base_implied_one", noun=group[0][0].counts), convention="rounding")


# "45 kiến nghị (chiếm tỷ lệ 39,1%)": a count with its own share in the bracket after it
OWN_SHARE_RE = re.compile(rf"(?:\s+[^\W\d_]+){{0,14}}\s*\((?:\s*[^\W\d_]+){{0,3}}\s*({NUM})\s?%\s*\)", re.IGNORECASE)
PARTS_ABOVE_REACH = 2  # paragraphs back


def _parts_of_total_above(line: _Line) -> None:
    """"tiếp nhận 115 ý kiến, kiến nghị." (a paragraph or two above), then "45 kiến nghị (chiếm 39,1%); 70 kiến nghị
    (chiếm 60,9%)": parts of one noun, each with its share of that total, that add up to it exactly pass (pass only)."""
    for lo, hi in line.sentences():
        parts = []
        for q in line.within(lo, hi, limit=24):
            share = OWN_SHARE_RE.match(line.text, q.end) if q.role == "count" and q.depth == 0 and not q.currency else None
            stated = _stated(share.group(1)) if share else None
            if stated is not None and q.noun and not q.approximate and q.start not in line.totals:
                parts.append((q, stated))
        if len(parts) < 2 or len({q.counts for q, _ in parts}) > 1:
            continue
        whole = sum(q.value for q, _ in parts)
        previous, hops = line.earlier, 0
        while previous is not None and hops < PARTS_ABOVE_REACH:
            total = next((t for t in previous.quantities() if t.role == "count" and t.depth == 0 and not t.approximate
                          and t.compatible(parts[0][0]) and t.noun and abs(t.value - whole) < 1e-6), None)
            if total is not None:
                if all(stated.interval[0] - 1e-9 <= 100.0 * q.value / total.value <= stated.interval[1] + 1e-9 for q, stated in parts):
                    shift = previous.offset - line.offset
                    spans = [(total.start + shift, total.end + shift)] + [(q.start, q.end) for q, _ in parts]
                    line.add(parts[0][0].start, parts[-1][0].end, "sum", f"{total.raw} = " + " + ".join(q.raw for q, _ in parts),
                             _fmt(whole), "0", "pass", spans=spans, main=spans[0], convention="exact",
                             assumption=line.msg("parts_total_above", total=total.raw))
                break
            previous, hops = previous.earlier, hops + 1
