"""Counts each given with its share of a whole the text does not state: the wholes they imply must be one.

"còn 4.812 hộ nghèo, chiếm 3,27%; hộ cận nghèo 3.406 hộ, chiếm 2,31%" implies about 147.200 households twice. The
shares may be of different wholes (poor households of all households, near-poor ones of the poor), so wholes that do
not agree are never flagged; wholes that agree pass, as two shares printed to two decimals hardly agree by chance.
"""

from __future__ import annotations

import re

from hdnd_data.text.scan import _fmt, _half, _Line, _pct, _stated

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
