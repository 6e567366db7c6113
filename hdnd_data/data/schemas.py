"""Pandera schemas of every table: the data dictionary of the project.

Each field carries its Vietnamese term (``title``), its meaning (``description``) and its unit
(``metadata['unit']``); ``datasets/README.md`` is generated from these, and so are the Excel headers.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from hdnd_data.data.layout import UNIT_ID

# Enumerations are module constants so that Excel drop-downs, docs and checks share one definition.
SOURCE_KINDS = ["annual_activity_report", "session_news_report"]
SESSION_KINDS = ["regular", "extraordinary"]
SESSION_TIMINGS = ["year_end", "mid_year", "ad_hoc"]
SESSION_FORMATS = ["in_person", "online"]
PERSONNEL_ACTIONS = ["dismissal", "election"]
ROLES = [
    "people_juror",
    "people_committee_chair",
    "people_committee_vice_chair",
    "people_committee_member",
    "council_vice_chair",
    "legal_committee_head",
    "council_delegate",
]
BODIES = [
    "council",
    "council_chair",
    "standing_committee",
    "committees",
    "legal_committee",
    "economic_social_committee",
    "standing_committee_and_delegates",
    "ward_councils",
]
ACTIVITIES = [
    "meeting",
    "thematic_oversight",
    "inspection_survey",
    "at_session_questioning",
    "at_session_explanation_request",
    "oversight_inspection_survey",
]
ROUND_TIMINGS = ["before", "after"]
RECIPIENTS = ["standing_committee", "people_committee", "ward_councils", "ward_people_committees"]
PETITION_TYPES = ["all", "complaint", "denunciation", "proposal"]
PETITION_STATUSES = [
    "received",
    "settled",
    "in_progress",
    "forwarded_to_procuracy",
    "forwarded_to_people_committee",
    "forwarded_to_ward_people_committees",
]
PETITION_INDICATORS = [
    "received_previous_year",
    "received_change",
    "settlement_rate",
    "settlement_rate_previous_year",
    "settlement_rate_change",
    "settlement_rate_vs_plan",
]
PRINTED_UNITS = ["count", "percent"]
BUDGET_DIRECTIONS = ["revenue", "expenditure"]
BUDGET_LINES = ["total", "domestic_excl_land_lottery"]
BUDGET_MEASURES = ["actual_to_date", "year_estimate"]
BUDGET_BASES = ["province_estimate", "city_estimate", "same_period_last_year"]
BUDGET_QUALIFIERS = ["none", "beginning_of_year", "target"]
TASK_RATINGS = ["excellent", "good", "fair", "not_completed"]
TARGET_STATUSES = ["met", "not_met"]
ECONOMY_INDICATORS = [
    "production_value_growth",
    "structure_share",
    "export_value",
    "export_growth",
    "export_plan_attainment",
]
SECTORS = ["key_sectors_total", "agriculture_forestry", "industry_construction", "services", "local_exports"]
VALUE_UNITS = ["percent", "million_usd"]
# what a reviewer decided about a finding of the checks (reviews.csv); see hdnd_data/findings/reviews.py
REVIEW_DECISIONS = ["explained", "confirmed_error", "forwarded", "ignore"]
FINGERPRINT = r"^[0-9a-f]{12}$"


def _field(title: str, description: str, unit: str | None = None, *, vi: str, **kwargs) -> object:
    """A column: its Vietnamese name (``title``), meaning in English and in Vietnamese (``vi``), unit and rules."""
    return pa.Field(title=title, description=description, metadata={"unit": unit, "meaning_vi": vi}, **kwargs)


def _count(title: str, description: str, *, vi: str, nullable: bool = True, unit: str = "count") -> object:
    return _field(title, description, unit, vi=vi, ge=0, nullable=nullable)


def _enum(title: str, description: str, values: list[str], *, vi: str, **kwargs) -> object:
    return _field(title, description, None, vi=vi, isin=values, **kwargs)


SLUG = f"^{UNIT_ID}$"
_SLUG = re.compile(SLUG)


def slug_ok(series: pd.Series) -> pd.Series:
    """True where the text is a lower-case id (``lang-son-city``).

    Ids repeat on every row (one unit, thousands of rows), so each distinct value is matched once, not
    per row as pandera's ``str_matches`` does; failures are still reported row by row.
    """
    codes, distinct = pd.factorize(series)
    ok = np.fromiter((bool(_SLUG.match(str(v))) for v in distinct), dtype=bool, count=len(distinct))
    return pd.Series(np.where(codes >= 0, ok[np.maximum(codes, 0)], True), index=series.index)


_SLUG_CHECK = {"name": "str_matches", "error": f"str_matches('{SLUG}')"}


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True


class Fact(_Strict):
    """Columns every fact row carries: where it belongs and where it was read."""

    unit: Series[str] = _field("Đơn vị", "Council unit id (folder name under datasets/)", vi="Mã đơn vị HĐND (tên thư mục trong datasets/)")
    year: Series[int] = _field("Năm báo cáo", "Reporting year of the document", "year", ge=1990, le=2100, vi="Năm báo cáo của tài liệu")
    source_id: Series[str] = _field("Nguồn", "Id of the source document (see table sources)", vi="Mã tài liệu nguồn (xem bảng sources)")
    locator: Series[str] = _field(
        "Mục",
        "Section (or paragraph) of the source where the figure is printed",
        str_length={"min_value": 1},
        vi="Mục (hoặc đoạn) của tài liệu nơi in con số",
    )

    @pa.check("unit", **_SLUG_CHECK)
    @classmethod
    def _unit_is_an_id(cls, series: pd.Series) -> pd.Series:
        return slug_ok(series)


class Sources(_Strict):
    """Documents the figures come from (tài liệu nguồn)."""

    unit: Series[str] = _field("Đơn vị", "Council unit id", vi="Mã đơn vị HĐND")
    year: Series[int] = _field("Năm báo cáo", "Reporting year", "year", ge=1990, le=2100, vi="Năm báo cáo")
    source_id: Series[str] = _field("Mã nguồn", "Document id, unique within a unit-year", vi="Mã tài liệu, không trùng trong một đơn vị và năm")
    kind: Series[str] = _enum("Loại tài liệu", "Kind of document", SOURCE_KINDS, vi="Loại tài liệu")
    title: Series[str] = _field(
        "Tiêu đề",
        "Short description of the document in Vietnamese, in our own words",
        vi="Mô tả ngắn tài liệu bằng tiếng Việt, bằng lời của người nhập",
    )
    issuer: Series[str] = _field("Cơ quan ban hành", "Body that issued or published it", vi="Cơ quan ban hành hoặc đăng tải tài liệu")
    number: Series[str] = _field("Số hiệu", "Document number as printed, if any", nullable=True, vi="Số hiệu văn bản như in, nếu có")
    issued: Series[pd.Timestamp] = _field("Ngày ban hành", "Date of issue, if printed", "date", nullable=True, vi="Ngày ban hành, nếu có in")
    period_start: Series[pd.Timestamp] = _field("Từ ngày", "First day of the period the figures cover", "date", vi="Ngày đầu của kỳ số liệu")
    period_end: Series[pd.Timestamp] = _field("Đến ngày", "Last day of the period the figures cover", "date", vi="Ngày cuối của kỳ số liệu")
    file: Series[str] = _field(
        "Tệp",
        "File name of the source text, if kept with the data (optional)",
        nullable=True,
        vi="Tên tệp văn bản nguồn, nếu có lưu (không bắt buộc)",
    )

    @pa.check("unit", "source_id", **_SLUG_CHECK)
    @classmethod
    def _ids(cls, series: pd.Series) -> pd.Series:
        return slug_ok(series)

    class Config:
        unique = ["unit", "year", "source_id"]


class CitedDocuments(Fact):
    """Other documents a report cites by number (văn bản được viện dẫn)."""

    doc_number: Series[str] = _field("Số văn bản", "Number as printed, e.g. 113/BC-UBND", vi="Số văn bản như in, ví dụ 113/BC-UBND")
    issuer: Series[str] = _field("Cơ quan ban hành", "Issuing body", vi="Cơ quan ban hành")
    issued: Series[pd.Timestamp] = _field("Ngày ban hành", "Date of issue", "date", vi="Ngày ban hành")
    subject: Series[str] = _field(
        "Trích yếu", "What it is about, in Vietnamese, in our own words", vi="Nội dung văn bản, bằng tiếng Việt, bằng lời của người nhập"
    )

    class Config:
        unique = ["unit", "year", "doc_number"]


class Sessions(Fact):
    """Council sessions (kỳ họp) reported in the year, with what they passed and discussed."""

    term: Series[str] = _field("Khóa", "Council term in Roman numerals, e.g. XX", vi="Khóa HĐND, số La Mã, ví dụ XX")
    session_no: Series[int] = _field("Kỳ họp thứ", "Session number within the term", ge=1, vi="Số thứ tự kỳ họp trong khóa")
    kind: Series[str] = _enum("Loại kỳ họp", "Regular (thường lệ) or extraordinary (bất thường)", SESSION_KINDS, vi="Kỳ họp thường lệ hay bất thường")
    timing: Series[str] = _enum("Thời điểm", "Year-end, mid-year or ad hoc", SESSION_TIMINGS, vi="Cuối năm, giữa năm hay đột xuất")
    format: Series[str] = _enum("Hình thức", "In person or online (trực tuyến)", SESSION_FORMATS, vi="Họp trực tiếp hay trực tuyến")
    start_date: Series[pd.Timestamp] = _field("Ngày bắt đầu", "First day", "date", vi="Ngày đầu kỳ họp")
    end_date: Series[pd.Timestamp] = _field("Ngày kết thúc", "Last day", "date", vi="Ngày cuối kỳ họp")
    days: Series[float] = _field("Số ngày", "Length in days as printed (1/2 day is 0.5)", "day", ge=0, vi="Số ngày họp như in (nửa ngày là 0,5)")
    days_raw: Series[str] = _field("Số ngày (nguyên văn)", "Length as printed, e.g. 02 or 1/2", vi="Số ngày như in, ví dụ 02 hoặc 1/2")
    resolutions: Series[pd.Int64Dtype] = _count("Số nghị quyết", "Resolutions adopted", vi="Số nghị quyết được thông qua")
    questioning_slips: Series[pd.Int64Dtype] = _count(
        "Phiếu chất vấn", "Questioning slips or questions put to officials", vi="Số phiếu chất vấn hoặc câu hỏi chất vấn"
    )
    officials_questioned: Series[pd.Int64Dtype] = _count("Người bị chất vấn", "Officials questioned", vi="Số người bị chất vấn")
    delegates_speaking: Series[pd.Int64Dtype] = _count("Đại biểu phát biểu", "Delegates who spoke", vi="Số đại biểu phát biểu")
    contents_raised: Series[pd.Int64Dtype] = _count("Nội dung nêu", "Contents delegates raised", vi="Số nội dung đại biểu nêu")
    clarified_in_groups: Series[pd.Int64Dtype] = _count(
        "Giải trình tại tổ", "Contents explained in group discussion", vi="Số nội dung được giải trình tại tổ"
    )
    clarified_in_hall: Series[pd.Int64Dtype] = _count(
        "Giải trình tại hội trường",
        "Contents the chair asked to be explained in the plenary hall",
        vi="Số nội dung chủ tọa đề nghị giải trình tại hội trường",
    )
    confidence_vote_positions: Series[pd.Int64Dtype] = _count(
        "Chức vụ lấy phiếu tín nhiệm", "Positions put to a confidence vote", vi="Số chức vụ được lấy phiếu tín nhiệm"
    )

    class Config:
        unique = ["unit", "year", "term", "session_no"]


class PersonnelChanges(Fact):
    """Dismissals (miễn nhiệm) and elections (bầu) at a session, counted by role."""

    term: Series[str] = _field("Khóa", "Council term", vi="Khóa HĐND")
    session_no: Series[int] = _field("Kỳ họp thứ", "Session at which the change was decided", ge=1, vi="Kỳ họp quyết định việc miễn nhiệm, bầu")
    action: Series[str] = _enum("Hình thức", "Dismissal or election", PERSONNEL_ACTIONS, vi="Miễn nhiệm hay bầu")
    role: Series[str] = _enum("Chức danh", "Position concerned", ROLES, vi="Chức danh liên quan")
    count: Series[pd.Int64Dtype] = _count(
        "Số người", "People concerned; empty when the source does not print a number", vi="Số người; để trống khi tài liệu không nêu số"
    )

    class Config:
        unique = ["unit", "year", "term", "session_no", "action", "role"]


class ActivityCounts(Fact):
    """Counts of meetings, oversight missions and inspections as stated for a body (số cuộc)."""

    body: Series[str] = _enum("Chủ thể", "Body that held the activity", BODIES, vi="Cơ quan thực hiện hoạt động")
    activity: Series[str] = _enum("Hoạt động", "Kind of activity", ACTIVITIES, vi="Loại hoạt động")
    count: Series[int] = _count(
        "Số cuộc", "Activities held (for questioning: questions put)", nullable=False, vi="Số cuộc đã thực hiện (chất vấn: số câu hỏi)"
    )
    planned: Series[pd.Int64Dtype] = _count("Kế hoạch", "Activities planned", vi="Số cuộc theo kế hoạch")
    units_covered: Series[pd.Int64Dtype] = _count(
        "Số đơn vị",
        "Agencies or units covered (for questioning: officials questioned)",
        vi="Số cơ quan, đơn vị được giám sát (chất vấn: số người bị chất vấn)",
    )
    enumerated_in_full: Series[bool] = _field(
        "Liệt kê đầy đủ",
        "True when the source lists every activity ('cụ thể'): the list must match the count",
        vi="TRUE khi tài liệu liệt kê từng cuộc ('cụ thể'): danh sách phải khớp số cuộc",
    )

    class Config:
        unique = ["unit", "year", "body", "activity"]


class OversightMissions(Fact):
    """Each oversight mission, inspection or questioning topic the source lists (cuộc giám sát)."""

    body: Series[str] = _enum("Chủ thể", "Body that held it", BODIES, vi="Cơ quan thực hiện")
    activity: Series[str] = _enum("Hoạt động", "Kind of activity", ACTIVITIES, vi="Loại hoạt động")
    item_no: Series[int] = _field("STT", "Order in the source's list", ge=1, vi="Số thứ tự trong danh sách của tài liệu")
    session_no: Series[pd.Int64Dtype] = _field(
        "Kỳ họp thứ", "Session, for questioning topics", nullable=True, ge=1, vi="Kỳ họp, với nội dung chất vấn"
    )
    topic: Series[str] = _field("Nội dung", "Topic, in Vietnamese, in our own words", vi="Nội dung, bằng tiếng Việt, bằng lời của người nhập")
    units: Series[str] = _field(
        "Đơn vị được giám sát", "Units covered, separated by '; '", nullable=True, vi="Các đơn vị được giám sát, ngăn bằng '; '"
    )
    units_count: Series[pd.Int64Dtype] = _count(
        "Số đơn vị", "Number of units covered, when the source makes it countable", vi="Số đơn vị được giám sát, khi tài liệu cho đếm được"
    )

    class Config:
        unique = ["unit", "year", "body", "activity", "item_no"]


class VoterContact(Fact):
    """Voter-contact rounds (tiếp xúc cử tri) before or after a session."""

    round_id: Series[str] = _field(
        "Mã đợt", "Round id, e.g. before-13", str_matches=r"^(before|after)-\d+$", vi="Mã đợt, ví dụ before-13 (trước kỳ họp 13)"
    )
    timing: Series[str] = _enum("Trước/sau kỳ họp", "Before or after the session", ROUND_TIMINGS, vi="Trước hay sau kỳ họp")
    term: Series[str] = _field("Khóa", "Council term", vi="Khóa HĐND")
    session_no: Series[int] = _field("Kỳ họp thứ", "Session the round is attached to", ge=1, vi="Kỳ họp mà đợt tiếp xúc gắn với")
    start_date: Series[pd.Timestamp] = _field("Từ ngày", "First day of the round", "date", nullable=True, vi="Ngày đầu đợt tiếp xúc")
    end_date: Series[pd.Timestamp] = _field("Đến ngày", "Last day of the round", "date", nullable=True, vi="Ngày cuối đợt tiếp xúc")
    points_planned: Series[pd.Int64Dtype] = _count("Điểm dự kiến", "Contact points planned", vi="Số điểm tiếp xúc dự kiến")
    points_held: Series[pd.Int64Dtype] = _count("Điểm tổ chức", "Contact points held in person", vi="Số điểm tổ chức trực tiếp")
    voters_attending: Series[int] = _count("Cử tri tham dự", "Voters attending", nullable=False, unit="person", vi="Số cử tri tham dự")
    voters_speaking: Series[int] = _count("Cử tri phát biểu", "Voters who spoke", nullable=False, unit="person", vi="Số cử tri phát biểu")
    contents_raised: Series[int] = _count(
        "Nội dung kiến nghị", "Contents (recommendations, reflections) raised", nullable=False, vi="Số nội dung kiến nghị, phản ánh cử tri nêu"
    )
    clarified_on_spot: Series[pd.Int64Dtype] = _count(
        "Làm rõ tại hội nghị", "Contents answered at the meeting, when counted", vi="Số nội dung được làm rõ tại hội nghị, khi có đếm"
    )
    consolidated: Series[int] = _count(
        "Ý kiến tổng hợp",
        "Recommendations consolidated by the Standing Committee",
        nullable=False,
        vi="Số ý kiến, kiến nghị Thường trực HĐND tổng hợp",
    )
    to_province: Series[pd.Int64Dtype] = _count(
        "Chuyển tỉnh", "Of those, sent to the province council/committee", vi="Trong đó, chuyển HĐND, UBND tỉnh"
    )
    to_city: Series[pd.Int64Dtype] = _count("Chuyển thành phố", "Of those, sent to the city People's Committee", vi="Trong đó, chuyển UBND thành phố")

    class Config:
        unique = ["unit", "year", "round_id"]


class RecommendationSettlement(Fact):
    """How the People's Committee settled voters' recommendations sent to it (kết quả giải quyết)."""

    settlement_id: Series[str] = _field("Mã", "Id of this settlement statement", vi="Mã của kết quả giải quyết này")
    rounds: Series[str] = _field(
        "Các đợt", "Round ids whose recommendations it covers, separated by ';'", vi="Các mã đợt tiếp xúc mà kiến nghị được giải quyết, ngăn bằng ';'"
    )
    reported_in: Series[str] = _field(
        "Báo cáo",
        "Number of the People's Committee report that states it (see cited_documents)",
        vi="Số báo cáo của UBND nêu kết quả (xem bảng cited_documents)",
    )
    addressed: Series[pd.Int64Dtype] = _count(
        "Đã xem xét", "Recommendations for which a response was proposed", vi="Số kiến nghị đã được xem xét, đề xuất trả lời"
    )
    settled: Series[pd.Int64Dtype] = _count("Đã giải quyết xong", "Recommendations settled", vi="Số kiến nghị đã giải quyết xong")
    in_progress: Series[pd.Int64Dtype] = _count("Đang giải quyết", "Recommendations being settled", vi="Số kiến nghị đang giải quyết")
    scheduled: Series[pd.Int64Dtype] = _count("Sẽ giải quyết", "Recommendations to be settled later", vi="Số kiến nghị sẽ giải quyết")

    class Config:
        unique = ["unit", "year", "settlement_id"]


class CitizenReception(Fact):
    """Citizen reception (tiếp công dân) by a body."""

    body: Series[str] = _enum("Chủ thể", "Who received citizens", BODIES, vi="Cơ quan tiếp công dân")
    sessions_held: Series[pd.Int64Dtype] = _count("Kỳ tiếp đã tổ chức", "Reception sessions held", vi="Số kỳ tiếp công dân đã tổ chức")
    sessions_planned: Series[pd.Int64Dtype] = _count("Kỳ tiếp theo quy định", "Reception sessions due", vi="Số kỳ tiếp công dân theo quy định")
    dates: Series[str] = _field(
        "Các ngày tiếp", "ISO dates of the sessions, separated by ';'", nullable=True, vi="Các ngày tiếp (YYYY-MM-DD), ngăn bằng ';'"
    )
    visits: Series[pd.Int64Dtype] = _count("Lượt công dân", "Citizen visits received", unit="visit", vi="Số lượt công dân được tiếp")
    contents: Series[pd.Int64Dtype] = _count("Nội dung", "Contents (requests, reflections) raised", vi="Số nội dung kiến nghị, phản ánh")
    answered_directly: Series[pd.Int64Dtype] = _count(
        "Trả lời trực tiếp", "Contents answered and guided on the spot", vi="Số nội dung được trả lời, hướng dẫn trực tiếp"
    )
    forwarded: Series[pd.Int64Dtype] = _count(
        "Chuyển giải quyết", "Contents passed to agencies to settle", vi="Số nội dung chuyển cơ quan có thẩm quyền giải quyết"
    )

    class Config:
        unique = ["unit", "year", "body"]


class Petitions(Fact):
    """Written petitions (đơn thư) by recipient, type and status; totals are kept as stated."""

    recipient: Series[str] = _enum("Nơi nhận", "Body that received the petitions", RECIPIENTS, vi="Cơ quan tiếp nhận đơn")
    petition_type: Series[str] = _enum(
        "Loại đơn",
        "All, complaint (khiếu nại), denunciation (tố cáo), proposal (kiến nghị, đề nghị)",
        PETITION_TYPES,
        vi="Tổng số, khiếu nại, tố cáo hay kiến nghị, đề nghị",
    )
    status: Series[str] = _enum(
        "Tình trạng",
        "Received, settled, in progress or forwarded",
        PETITION_STATUSES,
        vi="Tiếp nhận, đã giải quyết, đang giải quyết hay chuyển cơ quan khác",
    )
    count: Series[int] = _count("Số đơn", "Petitions", nullable=False, unit="petition", vi="Số đơn")

    class Config:
        unique = ["unit", "year", "recipient", "petition_type", "status"]


class PetitionIndicators(Fact):
    """Stated comparisons about petitions: last year's figures, changes, rates, the plan."""

    recipient: Series[str] = _enum("Nơi nhận", "Body the figures refer to", RECIPIENTS, vi="Cơ quan mà con số nói đến")
    indicator: Series[str] = _enum("Chỉ tiêu", "Which stated figure", PETITION_INDICATORS, vi="Con số nào được nêu")
    value: Series[float] = _field("Giá trị", "Value, signed: a decrease is negative", "see printed_unit", vi="Giá trị, có dấu: giảm là số âm")
    value_raw: Series[str] = _field("Nguyên văn", "Number as printed, without sign words", vi="Con số như in, không kèm chữ tăng/giảm")
    printed_unit: Series[str] = _enum("Đơn vị in", "What the print shows: a count, or a '%' sign", PRINTED_UNITS, vi="Tài liệu in số lượng hay dấu %")

    class Config:
        unique = ["unit", "year", "recipient", "indicator"]


class BudgetExecution(Fact):
    """State-budget amounts (thu, chi ngân sách): actual to date and year estimate."""

    direction: Series[str] = _enum("Thu/chi", "Revenue or expenditure", BUDGET_DIRECTIONS, vi="Thu hay chi ngân sách")
    line: Series[str] = _enum(
        "Nội dung",
        "Total, or domestic revenue excluding land-use fees and lottery",
        BUDGET_LINES,
        vi="Tổng số, hoặc thu nội địa trừ tiền sử dụng đất và xổ số",
    )
    measure: Series[str] = _enum(
        "Chỉ tiêu",
        "Actual to date (thực hiện) or year estimate (ước thực hiện năm)",
        BUDGET_MEASURES,
        vi="Thực hiện đến nay hay ước thực hiện cả năm",
    )
    months: Series[int] = _field("Số tháng", "Months the amount covers", "month", ge=1, le=12, vi="Số tháng mà số tiền bao gồm")
    amount_mvnd: Series[int] = _field("Số tiền", "Amount", "million VND", ge=0, vi="Số tiền")
    amount_raw: Series[str] = _field("Nguyên văn", "Amount as printed, e.g. 390.463", vi="Số tiền như in, ví dụ 390.463")

    class Config:
        unique = ["unit", "year", "direction", "line", "measure"]


class BudgetPercentages(Fact):
    """Each stated percentage of a budget amount, with the base it is stated against."""

    direction: Series[str] = _enum("Thu/chi", "Revenue or expenditure", BUDGET_DIRECTIONS, vi="Thu hay chi ngân sách")
    line: Series[str] = _enum("Nội dung", "Budget line", BUDGET_LINES, vi="Dòng ngân sách")
    measure: Series[str] = _enum("Chỉ tiêu", "Amount the percentage is of", BUDGET_MEASURES, vi="Số tiền mà tỷ lệ tính trên")
    basis: Series[str] = _enum(
        "Cơ sở so sánh",
        "Province-assigned or city (council-approved) estimate, or same period last year",
        BUDGET_BASES,
        vi="Dự toán tỉnh giao, dự toán HĐND thành phố giao, hay cùng kỳ năm trước",
    )
    qualifier: Series[str] = _enum(
        "Ghi chú cơ sở",
        "Extra word in the base name: đầu năm (beginning of year), phấn đấu (target)",
        BUDGET_QUALIFIERS,
        vi="Chữ thêm trong tên cơ sở: đầu năm, phấn đấu",
    )
    basis_text: Series[str] = _field("Cơ sở (nguyên văn)", "Name of the base as printed", vi="Tên cơ sở so sánh như in")
    percent: Series[float] = _field("Tỷ lệ", "Stated percentage", "percent", ge=0, vi="Tỷ lệ phần trăm được nêu")
    percent_raw: Series[str] = _field("Tỷ lệ (nguyên văn)", "Percentage as printed, e.g. 93,2", vi="Tỷ lệ như in, ví dụ 93,2")

    class Config:
        unique = ["unit", "year", "direction", "line", "measure", "basis", "qualifier"]


class TaskGroups(Fact):
    """Key task groups (nhóm nhiệm vụ trọng tâm) by how well they were completed."""

    rating: Series[str] = _enum("Mức hoàn thành", "Completion rating", TASK_RATINGS, vi="Mức hoàn thành")
    count: Series[int] = _count("Số nhóm", "Task groups with this rating", nullable=False, vi="Số nhóm nhiệm vụ đạt mức này")
    total: Series[int] = _count(
        "Tổng số nhóm", "Task groups in all, as printed after the slash", nullable=False, vi="Tổng số nhóm nhiệm vụ, số in sau dấu gạch chéo"
    )

    class Config:
        unique = ["unit", "year", "rating"]


class ResolutionTargets(Fact):
    """Targets of the council's annual resolution (chỉ tiêu nghị quyết) met or not met."""

    status: Series[str] = _enum("Kết quả", "Met or not met", TARGET_STATUSES, vi="Đạt hay không đạt")
    count: Series[int] = _count("Số chỉ tiêu", "Targets with this status", nullable=False, vi="Số chỉ tiêu có kết quả này")
    total: Series[int] = _count(
        "Tổng số chỉ tiêu", "Targets in all, as printed after the slash", nullable=False, vi="Tổng số chỉ tiêu, số in sau dấu gạch chéo"
    )

    class Config:
        unique = ["unit", "year", "status"]


class TargetDetails(Fact):
    """Targets the source names individually."""

    item_no: Series[int] = _field("STT", "Order in the source", ge=1, vi="Số thứ tự trong tài liệu")
    target: Series[str] = _field("Chỉ tiêu", "The target, in Vietnamese, in our own words", vi="Chỉ tiêu, bằng tiếng Việt, bằng lời của người nhập")
    status: Series[str] = _enum("Kết quả", "Met or not met", TARGET_STATUSES, vi="Đạt hay không đạt")

    class Config:
        unique = ["unit", "year", "item_no"]


class Economy(Fact):
    """Growth, structure and exports (tăng trưởng, cơ cấu kinh tế, xuất khẩu)."""

    indicator: Series[str] = _enum(
        "Chỉ tiêu",
        "Growth, structure share, export value, export growth, plan attainment",
        ECONOMY_INDICATORS,
        vi="Tăng trưởng, cơ cấu, giá trị xuất khẩu, tăng xuất khẩu, so với kế hoạch",
    )
    sector: Series[str] = _enum("Ngành", "Sector or aggregate", SECTORS, vi="Ngành hoặc chung các ngành")
    value: Series[float] = _field("Giá trị", "Stated value", "see value_unit", vi="Giá trị được nêu")
    value_raw: Series[str] = _field("Nguyên văn", "Value as printed, e.g. 10,15", vi="Giá trị như in, ví dụ 10,15")
    value_unit: Series[str] = _enum("Đơn vị", "Percent or million USD", VALUE_UNITS, vi="Phần trăm hay triệu USD")

    class Config:
        unique = ["unit", "year", "indicator", "sector"]


class Reviews(_Strict):
    """Reviewers' decisions on findings of the checks (quyết định của người rà soát), one per fingerprint.

    Not a fact of a document: it has no source. A decision whose fingerprint no longer matches a finding stays
    in the file and is shown as stale, never dropped.
    """

    unit: Series[str] = _field("Đơn vị", "Council unit id", vi="Mã đơn vị HĐND")
    year: Series[int] = _field("Năm báo cáo", "Reporting year", "year", ge=1990, le=2100, vi="Năm báo cáo")
    fingerprint: Series[str] = _field(
        "Mã phát hiện", "Fingerprint of the finding (12 hex digits, see hdnd check)", str_matches=FINGERPRINT,
        vi="Mã của phát hiện (12 ký tự thập lục phân, xem hdnd check)",
    )
    decision: Series[str] = _enum(
        "Quyết định", "explained, confirmed_error, forwarded or ignore", REVIEW_DECISIONS,
        vi="Đã giải thích, xác nhận sai sót, đã chuyển hoặc bỏ qua",
    )
    note: Series[str] = _field("Ghi chú", "Why: what the reviewer found", str_length={"min_value": 1},
                               vi="Lý do: người rà soát đã tìm thấy gì")
    reviewer: Series[str] = _field("Người rà soát", "Who decided", nullable=True, vi="Người quyết định")
    date: Series[pd.Timestamp] = _field("Ngày", "Date of the decision", "date", vi="Ngày quyết định")

    @pa.check("unit", **_SLUG_CHECK)
    @classmethod
    def _unit_is_an_id(cls, series: pd.Series) -> pd.Series:
        return slug_ok(series)

    class Config:
        unique = ["unit", "year", "fingerprint"]
