"""Claims in report text: short passages written for these tests (not the seeds' sentences), with known verdicts."""

import json
import subprocess
import sys
import unicodedata

import pytest

import hdnd_data as hd
from hdnd_data.text.claims import COLUMNS, ReportReadError, check_claims, claims_summary, read_report

from .conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"


def only(frame, kind):
    rows = frame[frame["kind"] == kind]
    assert len(rows) == 1, rows.to_string()
    return rows.iloc[0]


def test_columns_and_export():
    frame = hd.check_claims("Đã trả lời 9/10 ý kiến, đạt tỷ lệ 90%.")
    assert list(frame.columns) == COLUMNS
    assert frame.loc[0, "line"] == 1 and frame.loc[0, "status"] == "pass"


# ---------------------------------------------------------------- ratios and rounding


@pytest.mark.parametrize(
    ("printed", "status"),
    # 12,5 prints as 13 (half up) or 12 (half even): both admitted; 14% is not.
    [("12,5%", "pass"), ("12,4%", "fail"), ("13%", "pass"), ("12%", "pass"), ("14%", "fail")],
)
def test_ratio_rounding_edge(printed, status):
    row = only(check_claims(f"Phường đã xử lý xong 1/8 vụ việc tồn đọng, đạt tỷ lệ {printed}."), "ratio")
    assert (row["computed"], row["status"]) == ("12,50%", status)


@pytest.mark.parametrize(("printed", "status"), [("6,2%", "pass"), ("6,3%", "pass"), ("6,1%", "fail")])
def test_ratio_half_even_and_half_up_both_accepted(printed, status):
    # 1/16 is exactly 6,25: half-even prints 6,2, half-up prints 6,3.
    row = only(check_claims(f"Xã mới hoàn thành 1/16 hạng mục, đạt {printed} khối lượng."), "ratio")
    assert row["status"] == status


def test_ratio_after_a_bracketed_breakdown_and_in_reverse_order():
    text = ("Đã xử lý 285/300 hồ sơ (40 đất đai, 245 hộ tịch) đạt tỷ lệ 95%.\n"
            "Số trường đạt chuẩn chiếm tỷ lệ 70,6% (12/17).")
    frame = check_claims(text)
    ratios = frame[frame["kind"] == "ratio"]
    assert ratios["status"].tolist() == ["pass", "pass"]
    assert ratios["computed"].tolist() == ["95,00%", "70,59%"]
    assert only(frame, "sum")["stated"] == "285 = 40 + 245"


# ---------------------------------------------------------------- strict numerals


def test_thousands_dot_is_not_a_decimal_point():
    frame = check_claims("Khu du lịch đón 1.250 lượt khách, trong đó có 1.000 lượt khách trong nước và 250 lượt khách quốc tế.")
    row = only(frame, "sum")
    assert (row["stated"], row["computed"], row["status"]) == ("1.250 = 1.000 + 250", "1.250", "pass")


def test_decimal_comma_and_units_tỷ_vs_triệu():
    text = ("Thu ngân sách xã 9 tháng đạt 2.700 triệu đồng, bằng 90% dự toán huyện giao. "
            "Ước thực hiện cả năm đạt 3,2 tỷ đồng, bằng 106,7% dự toán huyện giao.")
    row = only(check_claims(text), "percent_of_base")
    # 2.700 / 0,90 = 3.000 and 3.200 / 1,067 ≈ 2.999: one base, if 3,2 tỷ is read as 3.200 triệu.
    assert row["status"] == "pass"
    assert "3.2" not in row["stated"]


@pytest.mark.parametrize("raw", ["3.2", "1.5", "3904.63"])
def test_malformed_number_is_reported_not_guessed(raw):
    frame = check_claims(f"Doanh thu ước đạt {raw} tỷ đồng, bằng 1.5% tổng doanh thu.", include_unchecked=True)
    numbers = frame[frame["kind"] == "number"]
    assert raw in numbers["stated"].tolist()
    assert (numbers["status"] == "warn").all()
    assert numbers["note"].str.contains("không đọc được số").all()
    assert not (frame["kind"] == "percent_of_base").any()


def test_leading_zeros_are_numbers_and_nfc_normalised():
    text = unicodedata.normalize(
        "NFD", "Tổ đại biểu tập hợp 07 kiến nghị, trong đó có 02 kiến nghị gửi tỉnh và 05 kiến nghị gửi huyện.")
    row = only(check_claims(text), "sum")
    assert (row["stated"], row["status"]) == ("07 = 02 + 05", "pass")


def test_half_a_day_is_not_a_count():
    frame = check_claims("Hội nghị họp trong 1/2 ngày 09/4/2021; có 6/6 buổi tiếp dân đúng lịch.")
    assert only(frame, "count")["stated"] == "6/6"


# ---------------------------------------------------------------- sums and counts


def test_sum_of_parts_fails_when_a_closed_list_does_not_add_up():
    frame = check_claims("Hội nghị ghi nhận 40 ý kiến, trong đó có 15 ý kiến về đất đai và 20 ý kiến về môi trường.")
    row = only(frame, "sum")
    assert (row["computed"], row["status"]) == ("35", "fail")
    open_list = check_claims("Hội nghị ghi nhận 40 ý kiến, trong đó 15 ý kiến về đất đai, 20 ý kiến về môi trường.")
    assert only(open_list, "sum")["status"] == "warn"


def test_bracketed_breakdown_after_a_total():
    frame = check_claims("Năm nay tiếp nhận 100 đơn (12 khiếu nại, 3 tố cáo; 86 kiến nghị), đều thuộc thẩm quyền.")
    row = only(frame, "sum")
    assert (row["stated"], row["computed"], row["status"]) == ("100 = 12 + 3 + 86", "101", "fail")


def test_remainder_after_còn():
    row = only(check_claims("Huyện nhận 90 đơn, đã giải quyết 84 đơn, còn 6 đơn đang xác minh."), "sum")
    assert row["status"] == "pass" and "còn" in row["note"]


@pytest.mark.parametrize(
    ("text", "status"),
    [("Có 12/15 xã đạt chuẩn; 3/15 xã chưa đạt chuẩn.", "pass"),
     ("Có 11/15 xã đạt chuẩn; 3/15 xã chưa đạt chuẩn.", "fail"),
     ("Có 4/10 điểm họp trực tiếp, 3/10 điểm họp trực tuyến.", "warn"),
     ("Đoàn đã đến 9/8 điểm.", "fail"),
     ("Các tổ đã tiếp xúc 7/7 điểm.", "pass")],
)
def test_fraction_counts(text, status):
    assert only(check_claims(text), "count")["status"] == status


# ---------------------------------------------------------------- differences and percentage points


def test_count_difference_against_bracketed_figures():
    ok = only(check_claims("Năm nay nhận 120 đơn, tăng 15 đơn so với năm trước (120/105)."), "difference")
    wrong = only(check_claims("Năm nay nhận 120 đơn, tăng 14 đơn so với năm trước (120/105)."), "difference")
    backwards = only(check_claims("Năm nay nhận 120 đơn, giảm 15 đơn so với năm trước (120/105)."), "difference")
    assert (ok["status"], ok["computed"], ok["tolerance"]) == ("pass", "120 − 105 = 15", "0")
    assert wrong["status"] == "fail" and backwards["status"] == "fail"


def test_percentage_point_difference_written_with_percent_sign():
    # 6,0% -> 4,0% is 2 points but a relative fall of 33,3%: the "%" only holds as points.
    row = only(check_claims("Tỷ lệ hộ nghèo còn 4,0%, giảm 2% (4,0/6,0) so với năm trước."), "difference")
    assert row["status"] == "warn"
    assert "điểm phần trăm" in row["note"] and "33,33%" in row["note"]


def test_percentage_point_difference_that_holds_both_ways():
    row = only(check_claims("Tỷ lệ trẻ được tiêm chủng đạt 90,0%, giảm 1% (90,0/91,0) so với năm trước."), "difference")
    assert row["status"] == "pass" and "cả hai cách hiểu" in row["note"]


@pytest.mark.parametrize(("printed", "status"), [("10%", "pass"), ("12%", "fail")])
def test_relative_change_of_counts(printed, status):
    row = only(check_claims(f"Số hộ kinh doanh là 1.320 hộ, tăng {printed} (1.320/1.200) so với năm trước."), "difference")
    assert row["status"] == status


# ---------------------------------------------------------------- growth and shares


def test_growth_of_parts_is_not_summed():
    # 3% + 5% = 8%, but a whole cannot grow faster than all of its parts.
    row = only(check_claims("Giá trị sản xuất tăng 8%; trong đó nông nghiệp tăng 3%, công nghiệp tăng 5%."), "growth")
    assert row["status"] == "warn" and "không cộng" in row["note"]
    inside = only(check_claims("Giá trị sản xuất tăng 7,2%; trong đó nông nghiệp tăng 3,1%, dịch vụ tăng 9,8%."), "growth")
    assert inside["status"] == "pass"


@pytest.mark.parametrize(
    ("shares", "status"),
    [(("30,5", "45,2", "24,3"), "pass"), (("30", "45", "30"), "fail"), (("30", "40", "20"), "warn")],
)
def test_shares_sum_to_100(shares, status):
    a, b, c = shares
    text = f"Trong cơ cấu, thương mại chiếm {a}%, du lịch chiếm {b}%, vận tải chiếm {c}%."
    assert only(check_claims(text), "shares")["status"] == status


# ---------------------------------------------------------------- percentages of a named base


def test_same_base_named_alike_passes_and_fails():
    ok = ("Thu ngân sách 10 tháng đạt 450 tỷ đồng, bằng 90% dự toán tỉnh giao. "
          "Ước cả năm đạt 520 tỷ đồng, bằng 104% dự toán tỉnh giao.")
    bad = ok.replace("104%", "110%")
    assert only(check_claims(ok), "percent_of_base")["status"] == "pass"
    assert only(check_claims(bad), "percent_of_base")["status"] == "fail"


def test_base_named_with_đầu_năm_warns_when_bases_differ():
    text = ("Chi ngân sách huyện 9 tháng đạt 300 tỷ đồng, bằng 60% dự toán huyện giao đầu năm. "
            "Ước cả năm đạt 450 tỷ đồng, bằng 75% dự toán huyện giao.")
    row = only(check_claims(text), "percent_of_base")
    assert row["status"] == "warn" and "đầu năm" in row["note"]
    same = only(check_claims(text.replace("75%", "90%")), "percent_of_base")
    assert same["status"] == "pass" and "đầu năm" in same["note"]


def test_cùng_kỳ_is_not_paired_across_measures():
    text = ("Thu ngân sách 6 tháng đạt 200 tỷ đồng, bằng 80% so với cùng kỳ. "
            "Ước cả năm đạt 420 tỷ đồng, bằng 105% so với cùng kỳ.")
    assert check_claims(text).empty
    listed = check_claims(text, include_unchecked=True)
    assert listed["status"].tolist() == ["unchecked", "unchecked"]


def test_trong_đó_sub_line_has_bases_of_its_own():
    text = ("Thu ngân sách đạt 500 tỷ đồng, bằng 50% dự toán tỉnh giao, trong đó thu nội địa đạt 300 tỷ đồng, "
            "bằng 75% dự toán tỉnh giao. Ước cả năm thu ngân sách đạt 1.000 tỷ đồng, bằng 100% dự toán tỉnh giao.")
    row = only(check_claims(text), "percent_of_base")
    assert row["status"] == "pass" and "50%" in row["stated"] and "100%" in row["stated"]
    unchecked = check_claims(text, include_unchecked=True).query("status == 'unchecked'")
    assert unchecked["stated"].str.contains("75%").any()


def test_estimate_in_the_same_sentence_continues_the_line():
    text = ("Thu ngân sách 6 tháng đạt 500 tỷ đồng, bằng 50% dự toán tỉnh giao; "
            "ước cả năm đạt 990 tỷ đồng, bằng 99% dự toán tỉnh giao.")
    assert only(check_claims(text), "percent_of_base")["status"] == "pass"


def test_revenue_and_expenditure_are_different_lines():
    text = ("Thu ngân sách đạt 500 tỷ đồng, bằng 50% dự toán tỉnh giao. "
            "Chi ngân sách đạt 800 tỷ đồng, bằng 80% dự toán tỉnh giao.")
    assert check_claims(text).empty


def test_plan_met_alone_is_unchecked():
    text = "Sản lượng chè đạt 1.200 tấn, đạt 100% kế hoạch."
    assert check_claims(text).empty
    assert check_claims(text, include_unchecked=True)["status"].tolist() == ["unchecked"]


def test_english_notes():
    row = only(check_claims("Tỷ lệ hộ nghèo còn 4,0%, giảm 2% (4,0/6,0) so với năm trước.", lang="en"), "difference")
    assert "percentage points" in row["note"]
    with pytest.raises(ValueError, match="lang"):
        check_claims("", lang="fr")


def test_summary_counts_per_kind_and_status():
    frame = check_claims("Có 12/15 xã đạt chuẩn; 3/15 xã chưa đạt chuẩn.\nĐã trả lời 1/8 kiến nghị, đạt tỷ lệ 12,4%.")
    summary = claims_summary(frame)
    assert summary.loc["count", "pass"] == 1 and summary.loc["ratio", "fail"] == 1 and summary.loc["total", "total"] == 2


# ---------------------------------------------------------------- files and the command


def test_read_report_markdown_and_errors(tmp_path):
    md = tmp_path / "bao_cao.md"
    md.write_text("## **Kết quả**\n\nĐã trả lời **9/10** ý kiến, đạt tỷ lệ 90%.<sup>1</sup>\n", encoding="utf-8")
    assert only(check_claims(read_report(md)), "ratio")["status"] == "pass"
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Báo cáo".encode("cp1258"))
    with pytest.raises(ReportReadError, match="cu.txt: not UTF-8"):
        read_report(latin)
    with pytest.raises(ReportReadError, match="no such file"):
        read_report(tmp_path / "missing.txt")


def _hdnd(*args):
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "hdnd_data.cli", *args], capture_output=True, text=True, cwd=REPO, env=env)


def test_cli_csv_has_a_header_and_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Khu du lịch đón 1.250 lượt khách, trong đó có 1.000 lượt khách trong nước và 250 lượt khách quốc tế.\n",
                    encoding="utf-8")
    result = _hdnd("claims", str(good), "--format", "csv")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1].startswith("c001,1,") and ",sum," in lines[1] and ",pass,," in lines[1]
    bad = tmp_path / "bad.txt"
    bad.write_text("Đã trả lời 1/8 kiến nghị, đạt tỷ lệ 12,4%.\n", encoding="utf-8")
    result = _hdnd("claims", str(bad), "--format", "json", "--lang", "en")
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["status"] == "fail"
    missing = _hdnd("claims", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "none.txt: không có tệp này" in missing.stderr
    missing = _hdnd("claims", str(tmp_path / "none.txt"), "--lang", "en")
    assert missing.returncode == 2 and "none.txt: no such file" in missing.stderr


# ---------------------------------------------------------------- the two seed documents


@pytest.fixture(scope="module")
def seed_claims():
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 2:
        pytest.skip("seed documents not found next to the repository")
    return {path.name[:3]: check_claims(read_report(path), include_unchecked=True) for path in files}


def test_seed_2020_report(seed_claims):
    frame = seed_claims["004"]
    ratio = frame[(frame["kind"] == "ratio") & (frame["stated"] == "97,5%")].iloc[0]
    assert (ratio["computed"], ratio["status"]) == ("97,52%", "pass")
    sums = dict(zip(frame.loc[frame["kind"] == "sum", "stated"], frame.loc[frame["kind"] == "sum", "status"], strict=True))
    assert sums["32 = 06 + 26"] == "pass" and sums["564 = 49 + 5 + 510"] == "pass" and sums["550 = 47 + 5 + 498"] == "pass"
    bases = frame[frame["kind"] == "percent_of_base"]
    spending = bases[bases["stated"].str.startswith("84,7%")].iloc[0]
    assert spending["status"] == "warn" and "96,7%" in spending["stated"] and "đầu năm" in spending["note"]
    revenue = bases[bases["stated"].str.startswith("93,2%")].iloc[0]
    assert revenue["status"] == "pass" and "105%" in revenue["stated"]
    points = frame[(frame["kind"] == "difference") & (frame["stated"] == "giảm 1%")].iloc[0]
    assert points["status"] == "pass"
    # "cùng kỳ" bases and the "trong đó" sub-line stay unpaired.
    assert set(bases.loc[bases["status"] == "unchecked", "stated"].str[:5]) == {"87,9%", "76,1%", "75,3%", "80,5%", "97,6%"}
    assert not (frame["status"] == "fail").any()


def test_seed_2023_news_report(seed_claims):
    frame = seed_claims["000"]
    shares = only(frame, "shares")
    assert (shares["stated"], shares["computed"], shares["status"]) == ("1,7% + 51,5% + 46,8%", "100,0%", "pass")
    growth = frame[(frame["kind"] == "growth") & (frame["status"] != "unchecked")].iloc[0]
    assert growth["status"] == "pass" and growth["stated"].startswith("10,15%")
    counts = frame[frame["kind"] == "count"].set_index("stated")["status"]
    assert counts["16/18 + 2/18"] == "pass" and counts["1/3 + 2/3"] == "pass"
    plan = frame[frame["kind"] == "percent_of_base"].iloc[0]
    assert plan["status"] == "unchecked" and plan["stated"].startswith("100%")
