"""Constructions of the eighth round of real pages, in sentences written for these tests (other numbers):
each place's own rate after a count of places; traits of people each given with its share; a whole fraction beside
its parts; the rest worded "đang giải quyết c"; "ý kiến, kiến nghị" as one noun; a base a paragraph or two above;
and of the ninth round, a named base ("kế hoạch năm") stated before in the paragraph under its name.
"""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims


def _claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    found = check_claims(text)
    return [(r.kind, r.status, r.computed, [text[a:b] for a, b in r.spans]) for r in found.itertuples()]


@pytest.mark.parametrize("text", [
    # 87/112 = 77,7 %: the 100 % is each commune's turnout, not the share of the communes
    "Toàn tỉnh có 87/112 xã, phường, thị trấn tỷ lệ cử tri đi bầu đạt 100%.",
    # a threshold each district passes: "trên 98%" is no bound on 9/13 = 69,2 %
    "Có 9/13 huyện, thị xã đạt tỷ lệ cử tri đi bầu cao (trên 98%).",
])
def test_each_places_own_rate_is_no_share_of_the_places(text):
    assert [(kind, status) for kind, status, _, _ in _claims(text)] == [("count", "pass")]


def test_a_share_of_places_is_still_checked():
    # 87/112 = 77,68 %, printed 87,7 %: the rate names no measure of its own, so it is the share of the communes
    assert _claims("Đã có 87/112 xã đạt chuẩn nông thôn mới, đạt tỷ lệ 87,7%.")[0][:3] == ("ratio", "fail", "77,68%")


def test_traits_each_with_its_share_are_no_partition():
    # women 27/104 = 25,96 %, re-elected 31/104 = 29,81 %: the traits overlap and need not add up to 104
    text = "Đã bầu đủ 104 đại biểu. Trong đó có 27 đại biểu nữ (chiếm 25,96%); số đại biểu tái cử là 31 người (chiếm 29,81%)."
    assert _claims(text) == [("ratio", "pass", "25,962%", ["27", "104", "25,96"]), ("ratio", "pass", "29,808%", ["31", "104", "29,81"])]


def test_a_partition_with_shares_that_falls_short_is_still_warned():
    # 40 + 50 = 90 of 104, and no share beside the parts: a list that may be open, warned as before
    text = "Đã bầu đủ 104 đại biểu, trong đó 40 đại biểu khối Đảng, 50 đại biểu khối chính quyền."
    assert [(kind, status, computed) for kind, status, computed, _ in _claims(text)] == [("sum", "warn", "90")]


def test_a_whole_fraction_is_a_stage_not_a_part():
    # "thụ lý 7/7 vụ" is every case taken up; "xong 3/7", "đang giải quyết 4": 3 + 4 = 7
    text = "Đã thụ lý 7/7 vụ tố cáo, giải quyết xong 3/7 vụ, đang tiếp tục giải quyết 4 vụ."
    assert _claims(text) == [("count", "pass", "7 ≤ 7", ["7", "7"]), ("sum", "pass", "7", ["7", "3", "4"]),
                             ("count", "pass", "3 ≤ 7", ["3", "7"])]


def test_the_rest_worded_as_still_being_solved():
    # 2 + 29 = 31; 2 + 28 = 30 is a warning naming the assumption
    assert _claims("Đã thụ lý 31 vụ việc, giải quyết xong 2/31 vụ việc, đang tiếp tục thụ lý giải quyết 29 vụ việc.")[:1] == [
        ("sum", "pass", "31", ["31", "2", "29"])]
    found = check_claims("Đã thụ lý 31 vụ việc, giải quyết xong 2/31 vụ việc, đang tiếp tục thụ lý giải quyết 28 vụ việc.")
    assert found[["kind", "status", "computed"]].values.tolist()[0] == ["sum", "warn", "30"]
    assert found.loc[0, "assumption"]


def test_opinions_and_recommendations_count_recommendations():
    # 61 / 148 = 41,2 % printed 41 %; 87 / 148 = 58,8 % printed 59 % (a whole percentage needs a base of the same kind)
    text = "Đã tiếp nhận 148 ý kiến, kiến nghị của cử tri. Đã giải quyết 61 kiến nghị (chiếm 41%); 87 kiến nghị đang xử lý (chiếm 59%)."
    assert _claims(text) == [("ratio", "pass", "41,22%", ["61", "148", "41"]), ("ratio", "pass", "58,78%", ["87", "148", "59"])]


def test_a_base_a_paragraph_above_passes_a_share_printed_to_a_decimal():
    text = ("UBND thành phố tiếp nhận 148 ý kiến, kiến nghị của cử tri.\n\nCác ý kiến được trả lời tại Công văn số 31/UBND-TH.\n\n"
            "Đến nay đã giải quyết dứt điểm 61 kiến nghị (chiếm tỷ lệ 41,2%).")
    assert _claims(text) == [("ratio", "pass", "41,22%", ["61", "148", "41,2"])]


@pytest.mark.parametrize("share", ["42,2", "41"])
def test_a_base_above_never_flags(share):
    # 61 / 148 = 41,22 %: "42,2 %" may be of another base (nothing ties 148), and a whole percentage holds too easily
    text = f"UBND thành phố tiếp nhận 148 ý kiến, kiến nghị của cử tri.\n\nĐến nay đã giải quyết dứt điểm 61 kiến nghị (chiếm tỷ lệ {share}%)."
    assert [status for _, status, _, _ in _claims(text)] == []


def test_a_named_base_stated_before_under_its_name():
    # 118,4 / 206,5 = 57,34 % prints as 57 %: the plan stated before under the base's name ("kế hoạch")
    text = ("Tổng kế hoạch vốn đầu tư công giao năm 2024 cho huyện là 206,5 tỷ đồng. Đến ngày 30/9 đã giải ngân 118,4 tỷ đồng, "
            "đạt 57% kế hoạch năm.")
    assert _claims(text) == [("ratio", "pass", "57,34%", ["118,4", "206,5", "57"])]


@pytest.mark.parametrize("base", [
    # two amounts named "kế hoạch", neither giving 57 % (118,4 / 216,5 = 54,7 %; 118,4 / 198,2 = 59,7 %): no telling which
    "Kế hoạch vốn năm 2024 là 216,5 tỷ đồng; kế hoạch vốn năm 2023 là 198,2 tỷ đồng.",
    "Tổng dự toán chi đầu tư công giao năm 2024 là 206,5 tỷ đồng.",  # the right amount, named as another base
])
def test_no_single_amount_named_as_the_base_leaves_it_unchecked(base):
    text = f"{base} Đến ngày 30/9 đã giải ngân 118,4 tỷ đồng, đạt 57% kế hoạch năm."
    assert _claims(text) == []
    assert check_claims(text, include_unchecked=True)["kind"].tolist() == ["percent_of_base"]


def test_an_amount_named_as_the_base_that_does_not_give_the_share_is_warned():
    # 118,4 / 206,5 = 57,34 %, printed 75 %: the one amount named "kế hoạch" is the base, inferred from its name (a warning)
    text = ("Tổng kế hoạch vốn đầu tư công giao năm 2024 cho huyện là 206,5 tỷ đồng. Đến ngày 30/9 đã giải ngân 118,4 tỷ đồng, "
            "đạt 75% kế hoạch năm.")
    found = check_claims(text)
    assert found[["kind", "status", "computed"]].values.tolist() == [["ratio", "warn", "57,34%"]]
    assert "206,5" in found.loc[0, "assumption"] and "57" in found.loc[0, "hypothesis"]


def test_a_sibling_with_its_own_share_is_no_base():
    # 131 / 212 = 61,79 % and 81 / 212 = 38,21 % (212 in the paragraph above); the 131 before the 81 is a part with
    # its own share, not the 81's base (81 / 131 = 61,83 %)
    text = "Đã tiếp nhận 212 ý kiến, kiến nghị.\n\nĐã giải quyết 131 kiến nghị (chiếm 61,8%); 81 kiến nghị đang giải quyết (chiếm 38,2%)."
    assert _claims(text) == [("ratio", "pass", "61,79%", ["131", "212", "61,8"]), ("ratio", "pass", "38,21%", ["81", "212", "38,2"])]


def test_traits_with_long_names_and_their_shares():
    # 5 / 61 = 8,20 %; 22 / 61 = 36,07 %: the traits need not add up to 61
    text = ("Đã bầu đủ 61 đại biểu. Trong đó có 5 đại biểu là người dân tộc thiểu số ở vùng cao (chiếm 8,20%); "
            "22 đại biểu tái cử (chiếm 36,07%).")
    assert [status for _, status, _, _ in _claims(text)] == ["pass", "pass"]


def test_criteria_each_place_meets_are_no_fraction_of_the_share():
    # "đạt 19/19 tiêu chí" is every criterion of each commune: 42,9 % is of the communes (a base not stated here)
    assert _claims("Huyện có 6 xã đạt 19/19 tiêu chí nông thôn mới, chiếm 42,9% số xã.") == [("count", "pass", "19 ≤ 19", ["19", "19"])]


def test_shares_of_one_unstated_whole_agree():
    # 4.812 / 3,27 % and 3.406 / 2,31 % both imply about 147.300 households (147.129–147.385 and 147.126–147.764)
    text = "Cuối năm, toàn huyện còn 4.812 hộ nghèo, chiếm 3,27%; hộ cận nghèo là 3.406 hộ, chiếm tỷ lệ 2,31%."
    found = check_claims(text)
    assert found[["kind", "status"]].values.tolist() == [["percent_of_base", "pass"]]
    assert [text[a:b] for a, b in found.loc[0, "spans"]] == ["4.812", "3,27", "3.406", "2,31"]
    assert "hộ" in found.loc[0, "assumption"]


@pytest.mark.parametrize("text", [
    # 3.406 / 2,13 % implies about 160.000: another whole (near-poor households may be counted against another base)
    "Cuối năm, toàn huyện còn 4.812 hộ nghèo, chiếm 3,27%; hộ cận nghèo là 3.406 hộ, chiếm tỷ lệ 2,13%.",
    # one decimal: wholes agree by chance too often to pass on that alone
    "Cuối năm, toàn huyện còn 4.812 hộ nghèo, chiếm 3,3%; hộ cận nghèo là 3.406 hộ, chiếm tỷ lệ 2,3%.",
])
def test_shares_whose_wholes_differ_or_are_too_coarse_say_nothing(text):
    assert _claims(text) == []


def test_counts_in_words_beside_their_share():
    # bốn / 58 = 6,90 %; hai / 58 = 3,45 %: counts written in words, each confirmed by its own share of the 58 deputies
    text = ("Đã bầu đủ 58 đại biểu, trong đó 19 đại biểu nữ (chiếm 32,76%); bốn đại biểu dưới 35 tuổi (chiếm 6,90%); "
            "hai đại biểu là chức sắc tôn giáo (3,45%).")
    assert _claims(text) == [("ratio", "pass", "32,759%", ["19", "58", "32,76"]), ("ratio", "pass", "6,897%", ["bốn", "58", "6,90"]),
                             ("ratio", "pass", "3,448%", ["hai", "58", "3,45"])]


@pytest.mark.parametrize("text", [
    "Đã bầu đủ 58 đại biểu; bốn đại biểu dưới 35 tuổi (chiếm 7,90%).",  # 4/58 = 6,90 %: no figure gives 7,90 %, nothing said
    "Đã bầu đủ 58 đại biểu; một số đại biểu tái cử (chiếm 6,90%).",  # "một số" is "some", no count
    "Đã bầu đủ 58 đại biểu; bốn đại biểu dưới 35 tuổi (chiếm 7%).",  # a whole percentage: too many bases give it
])
def test_words_that_are_no_checked_count(text):
    assert [status for _, status, _, _ in _claims(text)] == []
