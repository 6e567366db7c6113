"""The rest of a whole given apart: in a later "Riêng …" sentence, after a fraction of two counters ("a đơn/b vụ việc,
còn c vụ việc") or after "; còn", and the pairs of a list whose fractions leave out the visits' counter.

The sentences are written for these tests (other numbers than any report).
"""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims


def _claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    found = check_claims(text)
    return [(r.kind, r.status, r.computed, [text[a:b] for a, b in r.spans]) for r in found.itertuples()]


def test_the_rest_in_a_later_riêng_sentence():
    # 173 + 58 = 231
    text = "Tiếp nhận 231 đơn, trong đó 173 đơn đủ điều kiện xử lý. Riêng số đơn không đủ điều kiện là 58 đơn, đã hướng dẫn công dân."
    assert _claims(text) == [("sum", "pass", "231", ["231", "173", "58"])]
    # several parts before, the last in the "Riêng" sentence: 96 + 41 + 94 = 231
    text = "Tiếp nhận 231 đơn, trong đó 96 đơn kiến nghị, 41 đơn khiếu nại. Riêng đơn tố cáo có 94 đơn."
    assert _claims(text) == [("sum", "pass", "231", ["231", "96", "41", "94"])]


def test_a_riêng_rest_that_denies_the_named_part_and_does_not_complete_it_fails():
    # 173 + 85 = 258, not 231: the eligible and the not eligible letters make the whole; 58 printed as 85 explains it
    found = check_claims("Tiếp nhận 231 đơn, trong đó 173 đơn đủ điều kiện xử lý. Riêng số đơn không đủ điều kiện là 85 đơn.")
    assert found[["stated", "computed", "status"]].values.tolist() == [["231 = 173 + 85", "258", "fail"]]
    assert "58" in found.loc[0, "hypothesis"]


@pytest.mark.parametrize("later", [
    "Riêng đơn khiếu nại có 37 đơn.",  # a part singled out of those counted, not the rest
    "Riêng số đơn tồn đọng từ năm trước là 12 đơn.",
])
def test_a_riêng_sentence_that_singles_out_a_part_is_no_rest(later):
    assert _claims(f"Tiếp nhận 231 đơn, trong đó 173 đơn đủ điều kiện xử lý. {later}") == []


def test_the_rest_after_a_fraction_of_two_counters():
    # 88 + 9 = 97 cases; 88 + 10 = 98 is a warning (the "còn" may count something else)
    assert _claims("Đã giải quyết 88 đơn/97 vụ việc, còn 9 vụ việc đang xác minh.") == [("sum", "pass", "97", ["97", "88", "9"])]
    assert _claims("Đã giải quyết 88 đơn/97 vụ việc, còn 10 vụ việc đang xác minh.") == [("sum", "warn", "98", ["97", "88", "10"])]


def test_the_rest_after_a_semicolon_and_a_rate():
    # 88 / 97 = 90,72 % prints as 90,7 %; 88 + 9 = 97
    assert _claims("Đã giải quyết 88/97 đơn, đạt 90,7%; còn 9 đơn đang giải quyết.") == [
        ("ratio", "pass", "90,72%", ["88", "97", "90,7"]), ("sum", "pass", "97", ["97", "88", "9"])]
    # "còn" counting another noun is no rest of the fraction
    assert _claims("Đã giải quyết 88/97 vụ việc; còn 4 đơn không thuộc thẩm quyền.") == [("count", "pass", "88 ≤ 97", ["88", "97"])]


def test_pairs_whose_visits_lack_their_counter():
    # 305 + 187 = 492 visits and 271 + 179 = 450 people
    text = "Đã tiếp 492 lượt/450 người, trong đó tại trụ sở 305/271 người, tại các xã 187/179 người."
    assert _claims(text) == [("sum", "pass", "492", ["492", "305", "187"]), ("sum", "pass", "450", ["450", "271", "179"])]


def test_a_pair_column_that_does_not_add_up_fails_when_the_other_does():
    # the people add up (271 + 179 = 450), the visits do not: 305 + 188 = 493, not 492
    text = "Đã tiếp 492 lượt/450 người, trong đó tại trụ sở 305/271 người, tại các xã 188/179 người."
    assert _claims(text) == [("sum", "fail", "493", ["492", "305", "188"]), ("sum", "pass", "450", ["450", "271", "179"])]


def test_a_fraction_over_its_whole_without_pairs_is_still_flagged():
    # no "lượt/người" pair before it: 31 of 27 people is more than the whole
    assert _claims("Có 31/27 người được hướng dẫn.") == [("count", "fail", "31 ≤ 27", ["31", "27"])]


def test_a_riêng_paragraph_after_the_total():
    # "Riêng …" opens the next paragraph: 173 + 58 = 231 passes, 173 + 85 = 258 fails (58 printed as 85)
    text = "Tiếp nhận 231 đơn, trong đó 173 đơn đủ điều kiện xử lý.\nRiêng số đơn không đủ điều kiện là 58 đơn, đã hướng dẫn công dân."
    assert _claims(text) == [("sum", "pass", "231", ["231", "173", "58"])]
    found = check_claims(text.replace("58", "85"))
    assert found[["line", "status", "computed"]].values.tolist() == [[2, "fail", "258"]]
    assert "58" in found.loc[0, "hypothesis"]
    # a "Riêng" paragraph singling out a part says nothing
    assert _claims("Tiếp nhận 231 đơn, trong đó 173 đơn đủ điều kiện xử lý.\n\nRiêng đơn khiếu nại có 37 đơn.") == []
