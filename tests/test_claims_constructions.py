"""Every construction the claims engine reads and every pitfall it must not flag, in sentences written for these
tests (other numbers than the corpus and the seeds), each with the verdict worked out by hand in the comment."""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims


def _at(text: str, number: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(number, start + 1)
    return start, start + len(number)


def claim_using(text: str, number: str, *, lang: str = "vi", nth: int = 1):
    """The one claim whose numbers include ``number`` (its nth occurrence); fails when none or several do."""
    frame = check_claims(text, include_unchecked=True, lang=lang)
    span = _at(text, number, nth)
    rows = frame[[span in spans for spans in frame["spans"]]]
    assert len(rows) == 1, f"{number!r}: {rows[['kind', 'stated', 'status']].to_string()}\n{frame[['kind', 'stated']]}"
    return rows.iloc[0]


def flagged(text: str) -> list[str]:
    frame = check_claims(text)
    return frame.loc[frame["status"].isin(["fail", "warn"]), "stated"].tolist()


# ---------------------------------------------------------------- ratios: where the percentage finds its figures

@pytest.mark.parametrize(("text", "percent", "computed"), [
    # 61/73 = 83,56 %: fraction, then "đạt tỷ lệ"
    ("Đến nay đã giải quyết 61/73 đơn, đạt tỷ lệ 83,6%.", "83,6", "83,56%"),
    # the base in an earlier sentence: 213/229 = 93,01 %
    ("Năm nay tiếp nhận 229 đơn. Các cơ quan đã giải quyết 213 đơn, đạt 93,0%.", "93,0", "93,01%"),
    # "trong số N" first, count later, percentage in a bracket: 52/57 = 91,23 %
    ("Trong số 57 ý kiến cử tri, đã trả lời 52 ý kiến (đạt 91,2%).", "91,2", "91,23%"),
    # a percentage in a bracket right after the count: 17/40 = 42,5 %
    ("Đã giải quyết 17 kiến nghị (42,5%) trên tổng số 40 kiến nghị.", "42,5", "42,50%"),
    # percentage first, fraction after it: 27/36 = 75 %
    ("Tỷ lệ xã đạt chuẩn là 75,0% (27/36 xã).", "75,0", "75,00%"),
    # a fraction followed by its percentage in a bracket: 5/48 = 10,42 %
    ("Người có phiếu tín nhiệm thấp nhiều nhất được 5/48 phiếu (10,42%).", "10,42", "10,417%"),
    # "lượt ý kiến" and "ý kiến" count the same things: 88/95 = 92,63 %
    ("Cử tri nêu 95 lượt ý kiến; đã trả lời 88 ý kiến, chiếm 92,6%.", "92,6", "92,63%"),
    # an amount over an amount with units on both sides: 412,5/550 = 75 %
    ("Giải ngân đạt 412,5 tỷ đồng/550 tỷ đồng kế hoạch, bằng 75,0%.", "75,0", "75,00%"),
    # an amount and its base in a bracket, tỷ against triệu: 5.670 triệu / 6 tỷ = 94,5 %
    ("Thu ngân sách xã đạt 5.670 triệu đồng, bằng 94,5% dự toán (6 tỷ đồng).", "94,5", "94,50%"),
])
def test_ratio_layouts_pass(text, percent, computed):
    row = claim_using(text, percent)
    assert (row["kind"], row["computed"], row["status"], row["convention"]) == ("ratio", computed, "pass", "rounding")


def test_percentage_of_all_deputies_not_of_those_present():
    # 37/42 present, but 37 of all 45 deputies is 82,22 %: the percentage names the larger base.
    text = "Kỳ họp có 42/45 đại biểu dự. Ông A được 37 phiếu tín nhiệm cao, chiếm 82,22% tổng số đại biểu."
    row = claim_using(text, "82,22")
    assert row["status"] == "pass" and "45" in row["assumption"]


def test_votes_of_present_deputies_against_all():
    # "48/48 phiếu" of those voting, yet 48 of 52 deputies is 92,31 %: the other base stated in the paragraph holds.
    text = "HĐND khóa này có 52 đại biểu. Ở lần lấy phiếu, bà B nhận 48/48 phiếu tín nhiệm cao, chiếm 92,31% số đại biểu."
    row = claim_using(text, "92,31")
    assert row["status"] == "pass" and "52" in row["assumption"]


# ---------------------------------------------------------------- ratios: errors, conventions and misprints

@pytest.mark.parametrize(("text", "percent", "status", "said"), [
    # 61/73 = 83,56 %: 83,6 printed as 8,36 moves the comma
    ("Đến nay đã giải quyết 61/73 đơn, đạt tỷ lệ 8,36%.", "8,36", "fail", "83,6% printed as 8,36%"),
    # 61/73 = 83,56 %: printed 38,6 swaps two digits
    ("Đến nay đã giải quyết 61/73 đơn, đạt tỷ lệ 38,6%.", "38,6", "fail", "83,6% printed as 38,6%"),
    # 40/47 = 85,11 %, 40/48 = 83,33 %: the base 48 printed as 47
    ("Ông C được 40/47 phiếu tín nhiệm cao, đạt 83,33%.", "83,33", "fail", "the base is 48"),
    # 66/91 = 72,527…: 72,52 is the truncation, rounding gives 72,53
    ("Đã giải quyết dứt điểm 66/91 vụ việc, đạt 72,52%.", "72,52", "warn", "truncation"),
    # 745/8.050 = 9,25 %, but 7.245/8.050 = 90,0 %: a digit dropped from the count (its base inferred: a warning)
    ("Tổng số cử tri 8.050 người, số cử tri đã bỏ phiếu 745 người, đạt 90,0%.", "90,0", "warn", "7.245 printed as 745"),
])
def test_ratio_errors_are_flagged_and_explained(text, percent, status, said):
    row = claim_using(text, percent, lang="en")
    assert row["status"] == status, row.to_dict()
    assert said in row["hypothesis"] + " " + row["convention"], row.to_dict()


def test_a_count_against_the_only_base_of_its_kind_is_a_warning_not_a_failure():
    # 124/150 = 82,67 %, printed 86,7 %: the base is inferred from the paragraph, so a warning naming it.
    text = "Tổng số đơn đủ điều kiện là 150 đơn. Đã giải quyết 124 đơn, đạt tỷ lệ 86,7%."
    row = claim_using(text, "86,7")
    assert row["status"] == "warn" and "150" in row["assumption"]


# ---------------------------------------------------------------- parts and totals

@pytest.mark.parametrize(("text", "total", "stated"), [
    ("Thanh tra huyện nhận 83 đơn, gồm 19 đơn khiếu nại, 7 đơn tố cáo và 57 đơn kiến nghị.", "83", "83 = 19 + 7 + 57"),
    # label-first items after "gồm:"
    ("Ban Tiếp công dân nhận 41 đơn, gồm: khiếu nại: 11; tố cáo: 3; kiến nghị, phản ánh: 27.", "41", "41 = 11 + 3 + 27"),
    # "Trong đó" opening the next sentence
    ("Cử tri nêu 37 ý kiến, kiến nghị. Trong đó có 12 ý kiến thuộc thẩm quyền tỉnh và 25 ý kiến thuộc thẩm quyền huyện.",
     "37", "37 = 12 + 25"),
    # dash lines after "cụ thể:"
    ("Năm 2024 nhận 64 đơn, cụ thể:\n- Khiếu nại 15 đơn;\n- Tố cáo 4 đơn;\n- Kiến nghị 45 đơn.", "64", "64 = 15 + 4 + 45"),
    # amounts in money with the items named first
    ("Tổng chi 2.450 tỷ đồng, gồm chi đầu tư 830 tỷ đồng, chi thường xuyên 1.580 tỷ đồng và dự phòng 40 tỷ đồng.",
     "2.450", "2.450 = 830 + 1.580 + 40"),
    # a bracket right after the total, items named first
    ("Tổng số vụ việc phải giải quyết là 71 vụ việc (kỳ trước chuyển sang 13 vụ việc, phát sinh 58 vụ việc).",
     "71", "71 = 13 + 58"),
    # the total after its parts
    ("Kết quả: 41 phiếu tín nhiệm cao, 6 phiếu tín nhiệm, 1 phiếu tín nhiệm thấp, trên tổng số 48 phiếu.",
     "48", "48 = 41 + 6 + 1"),
    # ordinals of voting areas are not parts: "số 1", "số 2"
    ("Xã có 3.210 cử tri, gồm khu vực số 1: 1.460 cử tri; khu vực số 2: 1.750 cử tri.", "3.210", "3.210 = 1.460 + 1.750"),
])
def test_breakdowns_pass(text, total, stated):
    row = claim_using(text, total)
    assert (row["kind"], row["stated"], row["status"]) == ("sum", stated, "pass")


def test_two_partitions_of_one_total():
    text = ("Năm qua nhận 150 đơn, trong đó 30 đơn khiếu nại, 15 đơn tố cáo và 105 đơn kiến nghị; "
            "đã giải quyết 138 đơn, đang giải quyết 12 đơn.")
    frame = check_claims(text)
    sums = frame[frame["kind"] == "sum"]
    assert sums["stated"].tolist() == ["150 = 30 + 15 + 105", "150 = 138 + 12"]
    assert (sums["status"] == "pass").all()


def test_second_partition_in_the_next_sentence():
    text = ("Tổng hợp 96 kiến nghị, gồm 30 kiến nghị thuộc thẩm quyền tỉnh và 66 kiến nghị thuộc thẩm quyền huyện. "
            "Kết quả: đã giải quyết xong 80 kiến nghị, đang giải quyết 11 kiến nghị, chưa giải quyết 5 kiến nghị.")
    row = claim_using(text, "80")
    assert row["stated"] == "96 = 80 + 11 + 5" and row["status"] == "pass" and row["assumption"]


def test_sub_total_with_its_own_breakdown_is_not_a_sibling():
    text = ("Tổng số 75 kiến nghị, trong đó 45 kiến nghị về đất đai (gồm 28 kiến nghị về bồi thường, "
            "17 kiến nghị về cấp giấy) và 30 kiến nghị về lĩnh vực khác.")
    frame = check_claims(text)
    assert sorted(frame.loc[frame["kind"] == "sum", "stated"]) == ["45 = 28 + 17", "75 = 45 + 30"]
    assert (frame["status"] == "pass").all()


@pytest.mark.parametrize(("text", "status", "said"), [
    # 318 + 95 + 1.104 = 1.517, not 1.427; with 1.014 (two digits swapped) the parts add up
    ("Năm 2024 nhận 1.427 đơn, gồm 318 đơn khiếu nại, 95 đơn tố cáo và 1.104 đơn kiến nghị.", "fail", "1.014"),
    # a closed list ("và") that falls short: 20 + 25 = 45, not 50
    ("Trong quý nhận 50 đơn, trong đó 20 đơn khiếu nại và 25 đơn tố cáo.", "fail", "45"),
    # an open list after "trong đó" may leave parts unnamed: a warning
    ("Trong quý nhận 50 đơn, trong đó 20 đơn khiếu nại, 25 đơn tố cáo.", "warn", "may not be all the parts"),
])
def test_breakdowns_that_do_not_add_up(text, status, said):
    frame = check_claims(text, lang="en")
    row = frame[frame["kind"] == "sum"].iloc[0]
    assert row["status"] == status and said in row["note"] + " " + row["hypothesis"], row.to_dict()


# ---------------------------------------------------------------- changes

@pytest.mark.parametrize(("text", "change", "status"), [
    # against a figure in words inside a bracket: 1.432 − 1.318 = 114
    ("Năm nay nhận 1.432 đơn, tăng 114 đơn (cùng kỳ năm trước nhận 1.318 đơn).", "114", "pass"),
    # in the previous sentence: 517 − 486 = 31
    ("Năm 2023 tiếp 486 lượt công dân. Năm 2024 tiếp 517 lượt công dân, tăng 31 lượt so với năm 2023.", "31", "pass"),
    # "từ … xuống …": 640 − 587 = 53
    ("Số hộ nghèo giảm từ 640 hộ xuống 587 hộ, giảm 53 hộ.", "53", "pass"),
    # percentage points: 6,31 − 5,86 = 0,45
    ("Tỷ lệ hộ nghèo giảm từ 6,31% xuống 5,86%, giảm 0,45 điểm phần trăm.", "0,45", "pass"),
    # a relative change against a bracketed amount: 1.230 / 1.150 − 1 = 6,96 %
    ("Thu nội địa đạt 1.230 tỷ đồng, tăng 7,0% so với cùng kỳ (1.150 tỷ đồng).", "7,0", "pass"),
    # digits swapped: 1.432 − 1.318 = 114, printed 141
    ("Năm nay nhận 1.432 đơn, tăng 141 đơn (cùng kỳ năm trước nhận 1.318 đơn).", "141", "fail"),
    # the wrong direction: 1.318 → 1.432 is a rise
    ("Năm nay nhận 1.432 đơn, giảm 114 đơn (cùng kỳ năm trước nhận 1.318 đơn).", "114", "fail"),
])
def test_changes(text, change, status):
    row = claim_using(text, change, lang="en")
    assert row["status"] == status, row.to_dict()
    if status == "fail" and change == "141":
        assert "possibly 114 printed as 141" in row["hypothesis"]


def test_change_with_no_earlier_figure_is_left_unchecked():
    text = "Năm nay nhận 1.432 đơn, tăng 114 đơn so với năm trước."
    assert flagged(text) == []


# ---------------------------------------------------------------- shares

def test_shares_over_100_explained_by_swapped_digits():
    text = "Cơ cấu: nông nghiệp chiếm 21,4%, công nghiệp chiếm 53,2%, dịch vụ chiếm 52,4%."
    row = claim_using(text, "21,4", lang="en")
    # 21,4 + 53,2 + 52,4 = 127: 25,4 printed as 52,4 makes 100
    assert row["status"] == "fail" and "25,4% printed as 52,4%" in row["hypothesis"]


# ---------------------------------------------------------------- pitfalls: nothing to flag

@pytest.mark.parametrize("text", [
    # a threshold, not a ratio
    "Nghị quyết được thông qua khi có trên 50% tổng số đại biểu biểu quyết tán thành; HĐND có 45 đại biểu.",
    # approximate words are bounds: 268/300 = 89,3 %, "khoảng 90%" is not checked as an equality
    "Năm qua nhận gần 300 đơn, đã giải quyết 268 đơn, đạt khoảng 90%.",
    # "còn" that does not mark the rest of the first number
    "Đã giải quyết 43 kiến nghị; còn một số kiến nghị về đất đai chưa xong do 12 hộ chưa bàn giao mặt bằng.",
    # "một phần" is not a fraction; dates, document numbers, years, phone numbers are not figures
    "Một phần kinh phí được bố trí theo Nghị quyết số 15/NQ-HĐND ngày 12/7/2023; đường dây nóng 0205.3871.234.",
    # "lượt/người" pairs two counts, it is not a ratio
    "Các cơ quan đã tiếp 512 lượt/583 người đến kiến nghị trong năm 2024.",
    # shares of different people: each percentage is of its own base
    "Tỷ lệ che phủ rừng đạt 63,5%, tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,2%, tỷ lệ hộ dùng nước sạch đạt 98,1%.",
    # a session and an ordinal number
    "Kỳ họp thứ 12 HĐND huyện khóa XX diễn ra trong 2 ngày, thông qua 14 nghị quyết.",
])
def test_pitfalls_raise_no_alarm(text):
    assert flagged(text) == []


@pytest.mark.parametrize(("points", "status"), [
    # 0,9 + 3,8 + 2,1 = 6,8: the contributions add up to the growth
    (("0,9", "3,8", "2,1"), "pass"),
    # 0,9 + 3,8 + 1,2 = 5,9, not 6,8: a contribution missing or misprinted
    (("0,9", "3,8", "1,2"), "warn"),
])
def test_contributions_in_points_add_up_to_the_growth(points, status):
    a, b, c = points
    text = (f"Tăng trưởng kinh tế đạt 6,8%, trong đó nông nghiệp đóng góp {a} điểm phần trăm, công nghiệp {b} điểm "
            f"phần trăm, dịch vụ {c} điểm phần trăm.")
    row = claim_using(text, "6,8")
    assert (row["kind"], row["status"]) == ("shares", status)


# ---------------------------------------------------------------- the other outcomes of each rule

@pytest.mark.parametrize(("text", "number", "kind", "status"), [
    # a bracket after a total holding parts that exceed it: 50 + 31 = 81 > 71
    ("Tổng số vụ việc là 71 vụ việc (kỳ trước chuyển sang 50 vụ việc, phát sinh 31 vụ việc).", "71", "sum", "warn"),
    # a total after its parts that they do not reach: 41 + 6 = 47, not 48
    ("Kết quả: 41 phiếu tín nhiệm cao, 6 phiếu tín nhiệm, trên tổng số 48 phiếu.", "48", "sum", "warn"),
    # "tổng cộng" closes the list: 41 + 6 = 47, not 48
    ("Kết quả: 41 phiếu tín nhiệm cao, 6 phiếu tín nhiệm, tổng cộng 48 phiếu.", "48", "sum", "fail"),
    # (1.230 − 1.150) / 1.150 = 6,956…%: 6,95 is the truncation, 6,96 the rounding
    ("Thu nội địa đạt 1.230 tỷ đồng, tăng 6,95% so với cùng kỳ (1.150 tỷ đồng).", "6,95", "growth", "warn"),
])
def test_other_outcomes(text, number, kind, status):
    row = claim_using(text, number)
    assert (row["kind"], row["status"]) == (kind, status), row.to_dict()


def test_two_percentages_of_one_base_explained_by_a_misprint():
    # 360 / 0,40 = 900; 846 / 0,49 = 1.727: with 94% (digits swapped), 846 / 0,94 = 900
    text = ("Chi ngân sách 6 tháng đạt 360 tỷ đồng, bằng 40% dự toán tỉnh giao; ước cả năm đạt 846 tỷ đồng, "
            "bằng 49% dự toán tỉnh giao.")
    row = claim_using(text, "40", lang="en")
    assert row["status"] == "fail" and "94% printed as 49%" in row["hypothesis"]


def test_spans_of_a_bulleted_list_point_into_the_text():
    text = "Mở đầu.\nNăm 2024 nhận 64 đơn, cụ thể:\n- Khiếu nại 15 đơn;\n- Tố cáo 4 đơn;\n- Kiến nghị 45 đơn.\nHết."
    row = check_claims(text).iloc[0]
    assert row["line"] == 2 and [text[a:b] for a, b in row["spans"]] == ["64", "15", "4", "45"]


def test_a_base_the_text_names_but_does_not_state():
    # 44/44 voters, "chiếm 88,00% tổng số đại biểu": 44/50 = 88,00 %, so the council has 50 deputies; 31/44 printed
    # 62,00 % is 31/50 as well. Both are warnings naming the base 50, not failures against 44.
    text = ("Phó Chủ tịch UBND nhận 44/44 phiếu tín nhiệm cao, chiếm 88,00% số đại biểu HĐND; "
            "ủy viên ít phiếu nhất nhận 31/44 phiếu, đạt 62,00%.")
    for percent in ("88,00", "62,00"):
        row = claim_using(text, percent, lang="en")
        assert row["status"] == "warn" and "share of 50" in row["assumption"], row.to_dict()
    # with one decimal a whole base fits too easily: no base is inferred, the fraction fails
    assert claim_using(text.replace("88,00", "88,0").replace("62,00", "62,0"), "62,0")["status"] == "fail"


@pytest.mark.parametrize("text", [
    # after "có" the percentage describes each commune, it is not 118/205
    "Cuối ngày, 118/205 tổ bầu cử và 23/31 xã có toàn bộ cử tri đã bỏ phiếu, đạt 100%.",
    # "all of the 2.310 people" — 100 % of themselves, not of the 648.215 voters of the paragraph
    "Có 648.215 người đã bỏ phiếu; riêng 2.310 người đang điều trị tại bệnh viện cũng đều bỏ phiếu, đạt 100%.",
])
def test_percentages_of_something_else_raise_no_alarm(text):
    assert flagged(text) == []


def test_a_guessed_base_far_off_still_warns_when_a_misprint_explains_it():
    # 863/9.420 = 9,16 %, printed 91,6 %: ten times off, but the comma moved explains it
    text = "Toàn xã có 9.420 người trong danh sách cử tri, số cử tri đã bỏ phiếu 863 người, đạt 91,6%."
    row = claim_using(text, "91,6", lang="en")
    assert row["status"] == "warn" and "9,16% printed as 91,6%" in row["hypothesis"]


def test_sub_total_folded_in_and_a_bracket_of_another_total():
    # 4.820 = 3.960 + … is not claimed; 3.960 = 412 + 193 + 3.355 is, and 1.904 = 288 + 96 + 1.520 in the bracket
    text = ("Năm qua huyện nhận 4.820 đơn; trong đó 3.960 đơn đủ điều kiện, chia theo nội dung là 412 đơn khiếu nại, "
            "193 đơn tố cáo, 3.355 đơn kiến nghị. Sau phân loại, 1.310 đơn được chuyển đi; 1.904 đơn do huyện giải quyết "
            "(gồm 288 đơn khiếu nại; 96 đơn tố cáo và 1.520 đơn kiến nghị).")
    frame = check_claims(text)
    assert sorted(frame["stated"]) == ["1.904 = 288 + 96 + 1.520", "3.960 = 412 + 193 + 3.355"]
    assert (frame["status"] == "pass").all()


def test_groups_of_parts_add_up_to_their_own_totals():
    text = ("Các vụ việc đã có kết luận là 152 đơn khiếu nại và 61 đơn tố cáo; trong đó khiếu nại đúng 20 đơn, đúng một "
            "phần 37 đơn, sai 95 đơn; tố cáo đúng 8 đơn, đúng một phần 14 đơn, sai 39 đơn.")
    frame = check_claims(text)
    assert sorted(frame["stated"]) == ["152 = 20 + 37 + 95", "61 = 8 + 14 + 39"]
    assert (frame["status"] == "pass").all()


def test_trong_số_before_its_total():
    row = claim_using("Trong số 412 đơn nhận được, 305 đơn thuộc thẩm quyền; 82 đơn chuyển đi và 25 đơn trả lại.", "412")
    assert (row["stated"], row["status"]) == ("412 = 305 + 82 + 25", "pass")


def test_change_before_its_from_to():
    # 1.917 − 1.664 = 253, printed 235 (two digits swapped)
    assert claim_using("Năm qua giảm 253 hộ nghèo, từ 1.917 hộ xuống còn 1.664 hộ.", "253")["status"] == "pass"
    row = claim_using("Năm qua giảm 235 hộ nghèo, từ 1.917 hộ xuống còn 1.664 hộ.", "235", lang="en")
    assert row["status"] == "fail" and "253 printed as 235" in row["hypothesis"]


def test_closed_list_with_semicolons_and_a_bracket_with_other_nouns_are_explained():
    text = "Thu nội địa đạt 1.874 tỷ đồng, gồm: thu thuế, phí 1.205 tỷ đồng; thu tiền sử dụng đất 696 tỷ đồng."
    row = claim_using(text, "1.874", lang="en")
    # 1.205 + 696 = 1.901; with 669 (two digits swapped) the parts add up to 1.874
    assert row["status"] == "fail" and "669 printed as 696" in row["hypothesis"]
    bracket = claim_using("Có 406 đơn thuộc thẩm quyền (352 khiếu nại, 45 tố cáo).", "406", lang="en")
    # 352 + 45 = 397; with 54 (swapped) it is 406
    assert bracket["status"] == "fail" and "54 printed as 45" in bracket["hypothesis"]


@pytest.mark.parametrize(("words", "status"), [
    ("đạt tỷ lệ gần 90%", "pass"),   # 187/209 = 89,47 %: just under 90
    ("đạt hơn 89%", "pass"),         # above 89
    ("đạt khoảng 90%", "pass"),      # within a point
    ("đạt hơn 92%", "warn"),         # 89,47 is not above 92: a bound that does not hold warns, never fails
    ("đạt gần 95%", "warn"),         # 89,47 is not "nearly 95"
])
def test_approximate_words_are_bounds(words, status):
    row = claim_using(f"Huyện đã giải quyết 187/209 đơn thuộc thẩm quyền, {words}.", words.split()[-1].rstrip("%"))
    assert (row["status"], row["convention"]) == (status, "bound")


def test_an_average_is_not_a_ratio_of_the_totals():
    assert flagged("Các xã tiếp công dân định kỳ 412/960 buổi theo quy định, đạt tỷ lệ bình quân 46%.") == []


def test_fraction_with_a_breakdown_before_the_slash():
    # 203/254 = 79,921…: 79,92 rounds; printed 79,93 would be neither rounding nor truncation
    text = "Tổng kết năm, cơ quan giải quyết xong 203 đơn (171 khiếu nại, 32 tố cáo)/254 đơn phải giải quyết, tỷ lệ 79,92%."
    frame = check_claims(text)
    assert frame.set_index("kind")["stated"].to_dict() == {"ratio": "79,92%", "sum": "203 = 171 + 32"}
    assert (frame["status"] == "pass").all()
    assert claim_using(text.replace("79,92", "79,93"), "79,93")["status"] == "fail"


def test_a_breakdown_after_a_bracketed_base_breaks_down_the_figure_not_its_base():
    # 1.362 = 415 + 947 (the bracketed 1.240 is the estimate the percentage is of)
    text = ("Tổng chi ước thực hiện 1.362 tỷ đồng, bằng 109,8% dự toán (1.240 tỷ đồng); trong đó chi đầu tư "
            "415 tỷ đồng, chi thường xuyên 947 tỷ đồng.")
    frame = check_claims(text)
    assert sorted(frame["stated"]) == ["1.362 = 415 + 947", "109,8%"] and (frame["status"] == "pass").all()


def test_a_bracket_in_another_clause_is_not_the_percentage_base():
    # 2.046 hộ "chiếm 6,50% tổng số hộ" (not stated); the bracketed 2.364 belongs to the change after the semicolon
    text = "Cuối năm còn 2.046 hộ nghèo, chiếm 6,50% tổng số hộ; giảm 318 hộ so với đầu năm (2.364 hộ)."
    assert flagged(text) == []
    assert claim_using(text, "318")["status"] == "pass"


@pytest.mark.parametrize(("text", "number", "status"), [
    # "đúng một phần 14 đơn": a count, so 9 + 14 + 30 = 53
    ("Đã có kết luận 53 đơn; trong đó đúng 9 đơn, đúng một phần 14 đơn, sai 30 đơn.", "53", "pass"),
    # "đã có văn bản trả lời" is done, not a property of each item: 713/745 = 95,7 %
    ("Đến nay 713/745 kiến nghị đã có văn bản trả lời, đạt 95,7%.", "95,7", "pass"),
    # "tương đương" words a ratio: 38/41 = 92,68 %
    ("Bà C nhận 38/41 phiếu tín nhiệm cao, tương đương 92,68%.", "92,68", "pass"),
    # items named by category, not by the total's counter: 205 + 38 = 243
    ("Thuộc thẩm quyền có 243 đơn, chia ra 205 khiếu nại và 38 tố cáo.", "243", "pass"),
])
def test_more_wordings(text, number, status):
    assert claim_using(text, number)["status"] == status


def test_category_items_that_do_not_add_up_are_not_flagged():
    # the nouns do not prove these are parts of the 243: 205 + 29 = 234 says nothing
    assert flagged("Thuộc thẩm quyền có 243 đơn, chia ra 205 khiếu nại và 29 tố cáo.") == []


def test_each_persons_confidence_is_not_a_share_of_the_people_counted():
    # "58/61 người … được cử tri tín nhiệm đạt 100%": each of the 58 had every voter's confidence; 58/61 = 95,08 % is
    # not what the 100 % says, so nothing is flagged; a share of votes is still read ("50/52 phiếu", 96,15 %)
    text = ("Có 58/61 người trong danh sách được cử tri nơi cư trú tín nhiệm đạt 100%. "
            "Có 50/52 phiếu tín nhiệm cao, đạt 96,2%. Có 50/52 phiếu tín nhiệm cao, đạt 92,6%. "
            "Có 49/52 đại biểu tín nhiệm cao, đạt 90,1%.")  # deputies voting: 49/52 = 94,23 %, not 90,1 %
    found = check_claims(text, include_unchecked=True)
    rows = {(r.stated, r.status) for r in found.itertuples()}
    assert ("100%", "unchecked") in rows and ("100%", "fail") not in rows
    assert ("96,2%", "pass") in rows and ("92,6%", "fail") in rows and ("90,1%", "fail") in rows


@pytest.mark.parametrize(("text", "expected"), [
    # 512 = 130 + 382, and their changes: 29 + 12 = 41 fewer visits
    ("Năm qua, toàn huyện tiếp 512 lượt công dân (giảm 41 lượt so với cùng kỳ), trong đó cấp huyện tiếp 130 lượt "
     "(giảm 29 lượt); cấp xã tiếp 382 lượt (giảm 12 lượt).", ("giảm 41 = giảm 29 + giảm 12", "giảm 41", "pass")),
    # 29 + 15 = 44, not the 41 stated
    ("Năm qua, toàn huyện tiếp 512 lượt công dân (giảm 41 lượt so với cùng kỳ), trong đó cấp huyện tiếp 130 lượt "
     "(giảm 29 lượt); cấp xã tiếp 382 lượt (giảm 15 lượt).", ("giảm 41 = giảm 29 + giảm 15", "giảm 44", "fail")),
    # changes of both signs: +10 − 4 = +6
    ("Tiếp nhận 305 đơn (tăng 6 đơn), gồm 200 đơn kiến nghị (tăng 10 đơn) và 105 đơn khiếu nại (giảm 4 đơn).",
     ("tăng 6 = tăng 10 + giảm 4", "tăng 6", "pass")),
])
def test_the_changes_of_the_parts_add_up_to_the_change_of_the_whole(text, expected):
    found = check_claims(text)
    changes = [(r.stated, r.computed, r.status) for r in found.itertuples() if r.stated.startswith(("tăng", "giảm"))]
    assert changes == [expected]
    assert set(found["status"]) - {"pass"} <= {expected[2]}  # the parts themselves add up (512, 305)


@pytest.mark.parametrize("text", [
    # a change in percent, or a part without its change, says nothing about the sum of the changes
    "Tiếp nhận 305 đơn (tăng 6 đơn), gồm 200 đơn kiến nghị (tăng 10%) và 105 đơn khiếu nại (giảm 4 đơn).",
    "Tiếp nhận 305 đơn (tăng 6 đơn), gồm 200 đơn kiến nghị và 105 đơn khiếu nại (giảm 4 đơn).",
    # parts that do not add up are flagged as such, not also on their changes
    "Tiếp nhận 305 đơn (tăng 6 đơn), gồm 200 đơn kiến nghị (tăng 10 đơn) và 115 đơn khiếu nại (giảm 4 đơn).",
])
def test_no_claim_on_changes_without_a_whole_list_of_them(text):
    found = check_claims(text)
    assert not any(r.stated.startswith(("tăng", "giảm")) for r in found.itertuples())
