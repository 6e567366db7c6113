"""Breakdowns named by a heading in the sentence after their total, and partitions interleaved column by column.

"N người. Về thành phần: khối A a người, …" lists the whole (a closed list); "a vụ KN, b vụ TC đúng; c vụ KN, d vụ TC
sai" breaks each part of "gồm x vụ khiếu nại và y vụ tố cáo" down by outcome: each column adds up to its part. The
sentences are written for these tests (other numbers than any report).
"""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims


def _claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    found = check_claims(text)
    return [(r.kind, r.status, r.computed, [text[a:b] for a, b in r.spans]) for r in found.itertuples()]


@pytest.mark.parametrize("heading", ["Về thành phần", "Cơ cấu", "Xét về cơ cấu đại biểu", "Phân theo lĩnh vực", "Theo nội dung"])
def test_a_heading_names_the_breakdown_of_the_total_before(heading):
    # 11 + 46 + 26 = 83
    text = f"Hội nghị có 83 đại biểu tham dự. {heading}: khối Đảng 11 người, khối chính quyền 46 người, khối đoàn thể 26 người."
    assert _claims(text) == [("sum", "pass", "83", ["83", "11", "46", "26"])]


def test_a_heading_list_that_does_not_add_up_fails():
    # 11 + 46 + 25 = 82, not 83: the heading names the whole composition, so the list is closed
    text = "Hội nghị có 83 đại biểu tham dự. Về thành phần: khối Đảng 11 người, khối chính quyền 46 người, khối đoàn thể 25 người."
    assert _claims(text) == [("sum", "fail", "82", ["83", "11", "46", "25"])]


def test_a_heading_opening_the_next_paragraph():
    # 93 + 58 + 21 = 172; then 93 + 57 + 21 = 171, not 172
    assert _claims("Tiếp nhận 172 đơn.\nPhân loại theo nội dung: đất đai 93 đơn, chính sách 58 đơn, nội dung khác 21 đơn.") == [
        ("sum", "pass", "172", ["172", "93", "58", "21"])]
    assert _claims("Tiếp nhận 172 đơn.\nPhân loại theo nội dung: đất đai 93 đơn, chính sách 57 đơn, nội dung khác 21 đơn.") == [
        ("sum", "fail", "171", ["172", "93", "57", "21"])]


@pytest.mark.parametrize("heading", ["Kết quả", "Theo báo cáo của Sở", "Đến nay"])
def test_a_colon_after_other_words_is_no_breakdown_of_the_sentence_before(heading):
    # 40 + 20 = 60 is not 83, and nothing says these figures share out the 83 deputies
    text = f"Hội nghị có 83 đại biểu tham dự. {heading}: khối Đảng 40 người, khối chính quyền 20 người."
    assert _claims(text) == []


def test_interleaved_columns_each_add_up_to_their_part():
    # 19 + 33 = 52 complaints and 7 + 10 = 17 denunciations, of 52 + 17 = 69 cases
    text = ("Đã giải quyết 69 vụ, gồm 52 vụ khiếu nại và 17 vụ tố cáo. Qua giải quyết: 19 vụ KN, 7 vụ TC đúng; "
            "33 vụ KN, 10 vụ TC sai.")
    assert _claims(text) == [("sum", "pass", "69", ["69", "52", "17"]), ("sum", "pass", "52", ["52", "19", "33"]),
                             ("sum", "pass", "17", ["17", "7", "10"])]


def test_an_interleaved_column_that_does_not_add_up_fails():
    # the complaints add up (19 + 33 = 52); the denunciations do not: 7 + 11 = 18, not 17
    text = ("Đã giải quyết 69 vụ, gồm 52 vụ khiếu nại và 17 vụ tố cáo. Kết quả: khiếu nại đúng 19 vụ, tố cáo đúng 7 vụ; "
            "khiếu nại sai 33 vụ, tố cáo sai 11 vụ.")
    assert _claims(text) == [("sum", "pass", "69", ["69", "52", "17"]), ("sum", "pass", "52", ["52", "19", "33"]),
                             ("sum", "fail", "18", ["17", "7", "11"])]


@pytest.mark.parametrize("later", [
    # another year's figures, named by the same words: no column of them is this year's breakdown
    "Cùng kỳ năm trước có 19 vụ khiếu nại và 7 vụ tố cáo; năm 2023 có 33 vụ khiếu nại và 11 vụ tố cáo.",
    # no column adds up: nothing shows the figures are the parts' breakdown, so nothing is flagged
    "Qua giải quyết: 20 vụ KN, 7 vụ TC đúng; 30 vụ KN, 11 vụ TC sai.",
])
def test_figures_named_like_the_parts_that_are_not_their_breakdown(later):
    text = f"Đã giải quyết 69 vụ, gồm 52 vụ khiếu nại và 17 vụ tố cáo. {later}"
    assert _claims(text) == [("sum", "pass", "69", ["69", "52", "17"])]
