"""Constructions read beyond a single ratio: averages worded as ratios, "a lượt/b người" pairs, a table's total row
and a base stated in the paragraph before. Sentences written for these tests (other numbers than the corpus and the
seeds), each verdict worked out by hand in the comment."""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims

from .test_claims_constructions import claim_using, flagged

# ---------------------------------------------------------------- averages


@pytest.mark.parametrize(("text", "average", "computed"), [
    # 1.512 voters over 18 meetings = 84 per meeting
    ("Các tổ đại biểu tổ chức 18 buổi tiếp xúc với 1.512 lượt cử tri tham dự, bình quân 84 cử tri/buổi.", "84", "1.512/18 = 84,00"),
    # "mỗi buổi" before the figure: 693/63 = 11
    ("Trung bình mỗi buổi tiếp dân có 11 lượt người đến; cả năm tổ chức 63 buổi với 693 lượt người.", "11", "693/63 = 11,00"),
    # money per person: 1.827 tỷ / 290.000 người = 6,3 triệu (in millions: 1.827.000 / 290.000)
    ("Năm 2025 thu ngân sách đạt 1.827 tỷ đồng; dân số 290.000 người, bình quân 6,3 triệu đồng/người.", "6,3",
     "1.827/290.000 = 6,30"),
    # a rate per thousand: 868/620.000 × 1.000 = 1,4
    ("Năm qua xảy ra 868 vụ tai nạn trên dân số 620.000 người, bình quân 1,4 vụ/1.000 dân.", "1,4",
     "868/620.000 × 1.000 = 1,40"),
    # "mỗi tháng" after a period: 372/12 = 31
    ("Trong 12 tháng, Ban tiếp 372 lượt công dân, trung bình mỗi tháng 31 lượt.", "31", "372/12 = 31,00"),
    # rounding: 1.000/12 = 83,33 printed 83,3
    ("Tổ chức 12 buổi với 1.000 lượt cử tri, bình quân 83,3 cử tri/buổi.", "83,3", "1.000/12 = 83,33"),
])
def test_average_passes_against_its_total_and_units(text, average, computed):
    row = claim_using(text, average)
    assert (row["kind"], row["computed"], row["status"]) == ("average", computed, "pass")


def test_average_off_fails_with_the_slip():
    # 1.512/18 = 84: printed 48 swaps the two digits
    row = claim_using("Các tổ tổ chức 18 buổi tiếp xúc với 1.512 lượt cử tri, bình quân 48 cử tri/buổi.", "48")
    assert (row["status"], row["convention"]) == ("fail", "rounding")
    assert "84" in row["note"] and "48" in row["hypothesis"] and "đảo hai chữ số" in row["hypothesis"]


def test_average_cut_not_rounded_is_a_warning_naming_truncation():
    # 1.190/17 = 70,0; 1.207/17 = 71,0 ... 1.215/17 = 71,47: "71" rounds (pass); 1.222/17 = 71,88 printed 71 truncates
    row = claim_using("Tổ chức 17 buổi với 1.222 lượt cử tri, bình quân 71 cử tri/buổi.", "71")
    assert (row["status"], row["convention"]) == ("warn", "truncation")


@pytest.mark.parametrize("text", [
    # per-capita income: the paragraph's revenue and population are not its total and units (3.100.000/810.000 ≠ 72)
    "Tổ chức 15 buổi với 1.350 lượt cử tri. Thu nhập bình quân đầu người đạt 72 triệu đồng/người/năm; dân số 810.000 người, "
    "thu ngân sách 3.100 tỷ đồng.",
    # an average with no count of units in the paragraph: nothing to divide by
    "Năm 2025 tiếp 455 lượt công dân, bình quân 38 lượt/tháng.",
    # a growth average in percent is not a per-unit figure
    "Giai đoạn 2021-2025, tổng thu ngân sách tăng bình quân 9,4%/năm, từ 1.200 tỷ đồng lên 1.715 tỷ đồng.",
    # two voter counts and two meeting counts: no unique pair, so a mismatch is not flagged
    "Đợt một có 12 buổi với 960 lượt cử tri; đợt hai có 10 buổi với 870 lượt cử tri; bình quân 95 cử tri/buổi.",
])
def test_average_pitfalls_raise_no_alarm(text):
    assert flagged(text) == []


# ---------------------------------------------------------------- "a lượt / b người" pairs


def test_pair_is_two_counts_not_a_ratio():
    # 318/402 = 79,10 % would pass by chance: a reception count over a people count is not a share
    frame = check_claims("Trụ sở đã tiếp 318 lượt/402 lượt người đến kiến nghị, đạt 79,1%.")
    assert not ((frame["kind"] == "ratio") & (frame["status"] == "pass")).any()


def test_pair_breakdown_checked_column_by_column():
    # 731 = 486 + 245 receptions; 968 = 655 + 313 people
    text = "Năm 2025 các cơ quan tiếp 731 lượt/968 người, trong đó Ban Tiếp công dân tiếp 486 lượt/655 người, các xã tiếp 245 lượt/313 người."
    assert claim_using(text, "731")["status"] == "pass"
    assert claim_using(text, "968")["status"] == "pass"


def test_pair_breakdown_one_column_off_fails():
    # receptions add up (731 = 486 + 245), so the list is whole: people 655 + 331 = 986 ≠ 968 (two digits swapped)
    text = "Năm 2025 các cơ quan tiếp 731 lượt/968 người, trong đó Ban Tiếp công dân tiếp 486 lượt/655 người, các xã tiếp 245 lượt/331 người."
    row = claim_using(text, "968")
    assert row["status"] == "fail" and "986" in row["computed"] + row["note"] and "đảo hai chữ số" in row["hypothesis"]


def test_pair_change_compares_like_with_like():
    # receptions 731 − 684 = 47 (people 968 − 903 = 65 would not be 47)
    text = "Năm 2025 tiếp 731 lượt/968 người, tăng 47 lượt so với cùng kỳ (684 lượt/903 người)."
    row = claim_using(text, "47")
    assert (row["status"], row["computed"]) == ("pass", "731 − 684 = 47")
    wrong = "Năm 2025 tiếp 731 lượt/968 người, tăng 65 lượt so với cùng kỳ (684 lượt/903 người)."
    assert claim_using(wrong, "65")["status"] == "fail"  # 65 is the people's change, not the receptions'


def test_visits_of_people_are_not_people():
    # 140 + 87 = 227 people are not parts of 259 lượt công dân (visits): no sum is read between them
    frame = check_claims("Đã tiếp 259 lượt công dân, trong đó 140 người khiếu nại và 87 người tố cáo.")
    assert not (frame["kind"] == "sum").any()
