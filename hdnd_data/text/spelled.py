"""Counts written in words beside their own share ("bảy đại biểu là người ngoài Đảng (7,37%)"), read against a
figure of the same noun in the paragraph that gives that share.

Only such counts are read: a number word elsewhere ("một số", "năm 2024", "một phần") is no count, and a count in
words with no share beside it says nothing checkable. A share no figure of the paragraph gives is left unchecked
(pass only: the base is found by arithmetic, not tied by wording).
"""

from __future__ import annotations

import re

from hdnd_data.data.numbers import Stated
from hdnd_data.text.scan import NUM, _fmt, _half, _Line, _pct, _stated, _within

NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
SPELLED_RE = re.compile(
    rf"(?<![\w])({'|'.join(NUMBER_WORDS)})\s+(đại biểu|người|hộ|xã|đơn|vụ|cuộc|ý kiến|kiến nghị|đồng chí)\b"
    rf"(?:(?!\.\s)[^()%;]){{0,60}}?\(\s*(?:chiếm\s+)?(?:t[ỷỉ] lệ\s+)?({NUM})\s?%\s*\)", re.IGNORECASE)


def _spelled(line: _Line) -> None:
    """Each count in words with its bracketed share, passed on the figure of its noun in the paragraph that gives it."""
    text = line.text
    for match in SPELLED_RE.finditer(text):
        if match.start(3) in line.used:
            continue
        count = NUMBER_WORDS[match.group(1).lower()]
        stated: Stated | None = _stated(match.group(3))
        noun = match.group(2).lower().split()[0]
        if stated is None or stated.decimals < 1:
            continue  # a whole percentage holds for too many bases to pass on arithmetic alone
        for base in line.quantities():
            if base.role == "count" and base.noun == noun and base.value > count and not base.approximate \
                    and _within(100.0 * count / base.value, stated.interval):
                line.used.add(match.start(3))
                spans = [match.span(1), (base.start, base.end), match.span(3)]
                line.add(min(base.start, match.start()), match.end(3), "ratio", _pct(stated),
                         _fmt(100.0 * count / base.value, max(2, stated.decimals + 1)) + "%", _half(stated.decimals), "pass",
                         spans=spans, main=spans[2], convention="rounding",
                         assumption=line.msg("ratio_spelled", word=match.group(1), b=base.raw))
                break
