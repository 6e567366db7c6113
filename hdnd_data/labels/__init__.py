"""One catalogue of every label a reader sees, by key and language (vi default, en).

This module holds the shared glossary (section titles, enum values, chart axes) and the lookup; each wing keeps
its own sentences in a module beside it (``labels/<wing>.py`` with a ``TERMS`` dict of key -> (vi, en)), listed in
``WING_CATALOGUES`` and merged here, so that adding a language or a label touches one place. A key defined twice is
an error at import. Column headers come from the schemas' ``title`` (Vietnamese); English falls back to here.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGS = ("vi", "en")

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # report sections
    "audit_title": ("Kiểm tra số liệu báo cáo HĐND", "Audit of council report figures"),
    "sources": ("Tài liệu nguồn", "Source documents"),
    "sessions": ("Kỳ họp và nghị quyết", "Sessions and resolutions"),
    "personnel_changes": ("Miễn nhiệm, bầu bổ sung", "Dismissals and elections"),
    "oversight": ("Giám sát, kiểm tra, khảo sát", "Oversight and inspections"),
    "voter_contact": ("Tiếp xúc cử tri", "Voter contact"),
    "recommendation_settlement": ("Kết quả giải quyết kiến nghị cử tri", "Settlement of voters' recommendations"),
    "citizen_reception": ("Tiếp công dân", "Citizen reception"),
    "petitions": ("Đơn thư", "Petitions"),
    "budget": ("Thu, chi ngân sách nhà nước", "State budget execution"),
    "economy": ("Chỉ tiêu kinh tế - xã hội", "Socio-economic indicators"),
    "targets": ("Chỉ tiêu nghị quyết và nhóm nhiệm vụ", "Resolution targets and task groups"),
    "checks": ("Kiểm tra tính nhất quán", "Consistency checks"),
    "claims": ("Các số liệu trong văn bản", "Claims in the text"),
    "source_cited": ("Nguồn", "Source"),
    "no_data": ("Không có số liệu trong tài liệu nguồn.", "The source has no figures for this."),
    # enum values
    "regular": ("thường lệ", "regular"),
    "extraordinary": ("bất thường", "extraordinary"),
    "year_end": ("cuối năm", "year-end"),
    "mid_year": ("giữa năm", "mid-year"),
    "ad_hoc": ("đột xuất", "ad hoc"),
    "in_person": ("trực tiếp", "in person"),
    "online": ("trực tuyến", "online"),
    "dismissal": ("miễn nhiệm", "dismissal"),
    "election": ("bầu bổ sung", "election"),
    "people_juror": ("Hội thẩm nhân dân", "People's juror"),
    "people_committee_chair": ("Chủ tịch UBND", "People's Committee chair"),
    "people_committee_vice_chair": ("Phó Chủ tịch UBND", "People's Committee vice chair"),
    "people_committee_member": ("Ủy viên UBND", "People's Committee member"),
    "council_vice_chair": ("Phó Chủ tịch HĐND", "Council vice chair"),
    "legal_committee_head": ("Trưởng ban Pháp chế", "Head of the Legal Committee"),
    "council_delegate": ("Đại biểu HĐND", "Council delegate"),
    "council": ("HĐND", "Council"),
    "council_chair": ("Chủ tịch HĐND", "Council chair"),
    "standing_committee": ("Thường trực HĐND", "Standing Committee"),
    "committees": ("Các Ban HĐND", "Council committees"),
    "legal_committee": ("Ban Pháp chế", "Legal Committee"),
    "economic_social_committee": ("Ban Kinh tế - Xã hội", "Economic-Social Committee"),
    "standing_committee_and_delegates": ("Thường trực và đại biểu HĐND", "Standing Committee and delegates"),
    "ward_councils": ("HĐND phường, xã", "Ward and commune councils"),
    "people_committee": ("UBND thành phố", "City People's Committee"),
    "ward_people_committees": ("UBND phường, xã", "Ward and commune People's Committees"),
    "meeting": ("Cuộc họp", "Meetings"),
    "thematic_oversight": ("Giám sát chuyên đề", "Thematic oversight"),
    "inspection_survey": ("Kiểm tra, khảo sát", "Inspection and survey"),
    "at_session_questioning": ("Chất vấn tại kỳ họp", "Questioning at sessions"),
    "at_session_explanation_request": ("Đề nghị giải trình tại kỳ họp", "Explanation requests at sessions"),
    "oversight_inspection_survey": ("Kiểm tra, giám sát, khảo sát", "Inspection, oversight, survey"),
    "before": ("trước kỳ họp", "before session"),
    "after": ("sau kỳ họp", "after session"),
    "all": ("Tổng số", "All"),
    "complaint": ("Khiếu nại", "Complaints"),
    "denunciation": ("Tố cáo", "Denunciations"),
    "proposal": ("Kiến nghị, đề nghị", "Proposals"),
    "received": ("Tiếp nhận", "Received"),
    "settled": ("Đã giải quyết", "Settled"),
    "in_progress": ("Đang giải quyết", "In progress"),
    "forwarded_to_procuracy": ("Chuyển Viện Kiểm sát", "Sent to the procuracy"),
    "forwarded_to_people_committee": ("Chuyển UBND thành phố", "Sent to the People's Committee"),
    "forwarded_to_ward_people_committees": ("Giao UBND phường, xã", "Sent to ward committees"),
    "received_previous_year": ("Số đơn năm trước", "Received last year"),
    "received_change": ("Tăng/giảm số đơn", "Change in petitions received"),
    "settlement_rate": ("Tỷ lệ giải quyết", "Settlement rate"),
    "settlement_rate_previous_year": ("Tỷ lệ giải quyết năm trước", "Settlement rate last year"),
    "settlement_rate_change": ("Thay đổi tỷ lệ so với năm trước", "Rate change vs last year"),
    "settlement_rate_vs_plan": ("Vượt so với kế hoạch", "Above plan"),
    "revenue": ("Thu ngân sách", "Revenue"),
    "expenditure": ("Chi ngân sách", "Expenditure"),
    "total": ("Tổng số", "Total"),
    "domestic_excl_land_lottery": ("Thu nội địa (trừ tiền sử dụng đất, xổ số)", "Domestic revenue excl. land-use fees and lottery"),
    "actual_to_date": ("Thực hiện", "Actual to date"),
    "year_estimate": ("Ước thực hiện năm", "Year estimate"),
    "province_estimate": ("Dự toán tỉnh giao", "Province-assigned estimate"),
    "city_estimate": ("Dự toán HĐND thành phố giao", "Council-approved estimate"),
    "same_period_last_year": ("Cùng kỳ năm trước", "Same period last year"),
    "none": ("", ""),
    "beginning_of_year": ("đầu năm", "beginning of year"),
    "target": ("phấn đấu", "target"),
    "excellent": ("Hoàn thành xuất sắc", "Completed with distinction"),
    "good": ("Hoàn thành tốt", "Completed well"),
    "fair": ("Hoàn thành", "Completed"),
    "not_completed": ("Không hoàn thành", "Not completed"),
    "met": ("Đạt", "Met"),
    "not_met": ("Không đạt", "Not met"),
    "production_value_growth": ("Tốc độ tăng giá trị sản xuất", "Production value growth"),
    "structure_share": ("Cơ cấu", "Structure share"),
    "export_value": ("Giá trị xuất khẩu", "Export value"),
    "export_growth": ("Tăng so với năm trước", "Growth vs last year"),
    "export_plan_attainment": ("So với kế hoạch", "Against plan"),
    "key_sectors_total": ("Chung các ngành chủ yếu", "Key sectors overall"),
    "agriculture_forestry": ("Nông, lâm nghiệp", "Agriculture and forestry"),
    "industry_construction": ("Công nghiệp - xây dựng", "Industry and construction"),
    "services": ("Dịch vụ", "Services"),
    "local_exports": ("Hàng xuất khẩu địa phương", "Local exports"),
    "pass": ("đạt", "pass"),
    "fail": ("sai lệch", "fail"),
    "warn": ("cần xem xét", "warn"),
    # chart and table labels
    "million_vnd": ("triệu đồng", "million VND"),
    "million_usd": ("triệu USD", "million USD"),
    "percent": ("%", "%"),
    "count": ("số lượng", "count"),
    "voters_attending": ("Cử tri tham dự", "Voters attending"),
    "voters_speaking": ("Cử tri phát biểu", "Voters speaking"),
    "contents_raised": ("Nội dung kiến nghị", "Contents raised"),
    "consolidated": ("Ý kiến tổng hợp", "Consolidated"),
    "to_province": ("Chuyển tỉnh", "To the province"),
    "to_city": ("Chuyển thành phố", "To the city"),
    "round": ("Đợt tiếp xúc", "Round"),
    "session": ("Kỳ họp", "Session"),
    "stated": ("Số báo cáo", "Stated"),
    "computed": ("Số tính lại", "Recomputed"),
    "tolerance": ("Sai số cho phép", "Tolerance"),
    "status": ("Kết quả", "Status"),
    "rule": ("Quy tắc", "Rule"),
    "message": ("Nội dung", "Message"),
    "locator": ("Mục", "Section"),
    "line_no": ("Dòng", "Line"),
    "excerpt": ("Trích đoạn", "Excerpt"),
    "kind": ("Loại", "Kind"),
    "note": ("Ghi chú", "Note"),
    "percent_as_printed": ("Tỷ lệ in trong báo cáo", "Percentage as printed"),
    "percent_recomputed": ("Tỷ lệ tính lại", "Recomputed percentage"),
    "implied_base": ("Cơ sở suy ra", "Implied base"),
    "amount": ("Số tiền", "Amount"),
    "basis": ("So với", "Against"),
    "measure": ("Chỉ tiêu", "Measure"),
    "line": ("Nội dung", "Line"),
    "direction": ("Thu/chi", "Revenue/expenditure"),
    "unit": ("Đơn vị", "Unit"),
    "year": ("Năm", "Year"),
    "report": ("Báo cáo", "Report"),
    "summary": ("Tổng hợp", "Summary"),
    "invalid_data": ("Số liệu không hợp lệ", "Invalid data"),
    "notebook_error": ("Lỗi khi chạy sổ tính", "Notebook error"),
}

# wing catalogues merged into TERMS: every module labels/<wing>.py, each with its TERMS (found, not listed, so that
# a new wing adds its file and nothing else)
WING_CATALOGUES: tuple[str, ...] = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def _merge_wings() -> None:
    for name in WING_CATALOGUES:
        wing = importlib.import_module(f"{__name__}.{name}")
        clash = sorted(set(wing.TERMS) & set(TERMS))
        if clash:
            raise RuntimeError(f"labels/{name}.py redefines keys of the catalogue: {', '.join(clash)}")
        TERMS.update(wing.TERMS)


_merge_wings()


def msg(key: str, lang: str = "vi", /, **values: object) -> str:
    """The sentence of ``key`` in ``lang`` with its ``{placeholders}`` filled from ``values``."""
    return term(key, lang).format(**values) if values else term(key, lang)


def term(key: str, lang: str = "vi") -> str:
    """The label of ``key`` in ``lang``; an unknown key is returned as is (never a crash in a report)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    pair = TERMS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


# The same codes as they read inside a sentence of a check's message (lower case, phrased for the
# sentences in labels/checks.py, read with phrases()); kept here so that every label a reader sees lives in this module.
BODY_VI = {
    "council": "HĐND",
    "council_chair": "Chủ tịch HĐND",
    "standing_committee": "Thường trực HĐND",
    "committees": "các Ban HĐND",
    "legal_committee": "Ban Pháp chế",
    "economic_social_committee": "Ban Kinh tế - Xã hội",
    "standing_committee_and_delegates": "Thường trực và đại biểu HĐND",
    "ward_councils": "HĐND các phường, xã",
}
BODY_EN = {
    "council": "the council",
    "council_chair": "the council chair",
    "standing_committee": "the Standing Committee",
    "committees": "the committees",
    "legal_committee": "the legal committee",
    "economic_social_committee": "the economic-social committee",
    "standing_committee_and_delegates": "the Standing Committee and delegates",
    "ward_councils": "ward and commune councils",
}
ACTIVITY_VI = {
    "meeting": "cuộc họp",
    "thematic_oversight": "giám sát chuyên đề",
    "inspection_survey": "kiểm tra, khảo sát",
    "at_session_questioning": "chất vấn tại kỳ họp",
    "at_session_explanation_request": "đề nghị giải trình tại kỳ họp",
    "oversight_inspection_survey": "kiểm tra, giám sát, khảo sát",
}
ACTIVITY_EN = {
    "meeting": "meetings",
    "thematic_oversight": "thematic oversight",
    "inspection_survey": "inspections and surveys",
    "at_session_questioning": "questioning at sessions",
    "at_session_explanation_request": "explanation requests at sessions",
    "oversight_inspection_survey": "oversight, inspections and surveys",
}
RECIPIENT_VI = {
    "standing_committee": "Thường trực HĐND",
    "people_committee": "UBND",
    "ward_councils": "HĐND các phường, xã",
    "ward_people_committees": "UBND các phường, xã",
}
RECIPIENT_EN = {
    "standing_committee": "Standing Committee",
    "people_committee": "People's Committee",
    "ward_councils": "ward and commune councils",
    "ward_people_committees": "ward and commune People's Committees",
}
PETITION_TYPE_VI = {"all": "tổng số", "complaint": "khiếu nại", "denunciation": "tố cáo", "proposal": "kiến nghị, đề nghị"}
PETITION_TYPE_EN = {"all": "all", "complaint": "complaints", "denunciation": "denunciations", "proposal": "proposals"}
DIRECTION_VI = {"revenue": "Thu ngân sách", "expenditure": "Chi ngân sách"}
DIRECTION_EN = {"revenue": "Budget revenue", "expenditure": "Budget expenditure"}
LINE_VI = {"total": "tổng", "domestic_excl_land_lottery": "thu nội địa trừ tiền sử dụng đất, xổ số"}
LINE_EN = {"total": "total", "domestic_excl_land_lottery": "domestic excl. land-use fees and lottery"}
MEASURE_VI = {"actual_to_date": "thực hiện", "year_estimate": "ước năm"}
MEASURE_EN = {"actual_to_date": "actual", "year_estimate": "year estimate"}
BASIS_EN = {
    "province_estimate": "province-assigned estimate",
    "city_estimate": "city estimate",
    "same_period_last_year": "same period last year",
}
QUALIFIER_EN = {"none": "", "beginning_of_year": " (beginning of year)", "target": " (target)"}
SECTOR_VI = {
    "key_sectors_total": "chung các ngành chủ yếu",
    "agriculture_forestry": "nông, lâm nghiệp",
    "industry_construction": "công nghiệp - xây dựng",
    "services": "dịch vụ",
    "local_exports": "xuất khẩu địa phương",
}
SECTOR_EN = {
    "key_sectors_total": "key sectors overall",
    "agriculture_forestry": "agriculture and forestry",
    "industry_construction": "industry and construction",
    "services": "services",
    "local_exports": "local exports",
}
# A body whose stated count covers the lists of other bodies ("the committees" = each committee).
STATUS_VI = {
    "received": "tiếp nhận",
    "settled": "đã giải quyết",
    "in_progress": "đang giải quyết",
    "forwarded_to_procuracy": "chuyển Viện Kiểm sát",
    "forwarded_to_people_committee": "chuyển UBND",
    "forwarded_to_ward_people_committees": "giao UBND phường, xã",
}
STATUS_EN = {
    "received": "received",
    "settled": "settled",
    "in_progress": "in progress",
    "forwarded_to_procuracy": "forwarded to the procuracy",
    "forwarded_to_people_committee": "forwarded to the People's Committee",
    "forwarded_to_ward_people_committees": "forwarded to ward People's Committees",
}


def phrases(name: str, lang: str = "vi") -> dict[str, str]:
    """The codes of ``name`` (``"BODY"``, ``"RECIPIENT"``, ...) as they read inside a check's sentence in ``lang``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return globals()[f"{name}_{lang.upper()}"]
