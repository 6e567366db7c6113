"""Hostile text never makes the claims engine raise: zeros where a base or a printed figure should be, huge and
malformed numbers, unbalanced brackets, and a seeded stream of random fragments (issue 13's bounded-cost text)."""

from __future__ import annotations

import random

import pytest

from hdnd_data.text import COLUMNS, check_claims

FRAGMENTS = ["đạt", "tỷ lệ", "chiếm", "(", ")", "%", " ", "/", ";", ".", ", ", "gồm", "trong đó", "tăng", "giảm", "từ",
             "xuống", "tổng số", "trên", "gần", "0", "00", "9" * 30, "1.234", "12,5", "1.2.3", "3,", "5/0", "0/0", "đơn",
             "tỷ đồng", "|", "\n", "- ", "cụ thể:", "một phần", "còn", "có", "lượt", "12/15", "2024", "0,0%", "100%",
             "1e9", "∞", "５", "٣", "điểm phần trăm", "bằng", "dự toán", "khoảng", "chia ra", ":", "0,00", "000.000"]


@pytest.mark.parametrize("text", [
    # found by the random stream below, each once a ZeroDivisionError: a change whose figure is 0 (digits of another
    # script are digits to Python's regular expressions), and a percentage printed "00%" against a far-off base
    "٣ 0 giảm ٣",
    "có/12/15999999999999999999999999999999chiếmtừ |999999999999999999999999999999 (00%",
    # a change from zero, and a rise of zero amounts
    "Năm nay 0 đơn, giảm 0,0% (0 đơn); tăng 3 đơn so với năm trước (0 đơn).",
    # a percentage of zero with a count and a base of the paragraph
    "Tổng số 12 đơn. Đã giải quyết 5 đơn, đạt 0,0%.",
    # zero denominators, a 30-digit count, unbalanced brackets, digits of other scripts
    "Đạt 5/0 và 0/0 ((( 999999999999999999999999999999 đơn, gồm ) 1 đơn và 2 đơn, chiếm ٣% và ５%.",
    "",
    "%%%% //// (((( )))) ;;;; 1.2.3.4 12,,5",
])
def test_known_hostile_texts(text):
    frame = check_claims(text, include_unchecked=True)
    assert list(frame.columns) == COLUMNS


def test_random_fragments_never_raise():
    rng = random.Random(20261206)
    for _ in range(300):
        text = "".join(rng.choice(FRAGMENTS) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(1, 50)))
        frame = check_claims(text, include_unchecked=True, lang=rng.choice(["vi", "en"]))
        for start, end in frame["spans"].explode().dropna():
            assert 0 <= start < end <= len(text)
