"""Words of the reviewer's page and its charts (report wing): locators, claim kinds, checks by section, budget marks.

Merged into the catalogue by ``labels/__init__.py``; each key maps to (Vietnamese, English).
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    # charts
    "page.log_scale": ("thang log", "log scale"),
    "page.implied_from": ("suy ra từ {percents}", "implied by {percents}"),
    # where in a source
    "locator.section": ("mục {at}", "section {at}"),
    "locator.note": ("ghi chú {n}", "note {n}"),
    "locator.para": ("đoạn {n}", "paragraph {n}"),
    "locator.preamble": ("phần mở đầu", "preamble"),
    # checks under their section
    "page.check": ("Kiểm tra", "Check"),
    "page.assumption": ("Giả định", "Assumption"),
    "page.section_checks": ("Kiểm tra số liệu phần này", "Checks of this section"),
    "page.passing_folded": ("{n} kiểm tra đạt (bấm để xem cách tính lại)", "{n} passing checks (click to see the recomputation)"),
    "page.other_checks": ("Các kiểm tra khác", "Other checks"),
    "page.flagged_checks": ("Các kiểm tra sai lệch hoặc cần xem xét", "Failing or warning checks"),
    "page.no_flagged": ("Không có kiểm tra nào sai lệch hoặc cần xem xét.", "No check fails or warns."),
    "page.sections_absent": ("Tài liệu nguồn năm {year} không có số liệu về: {sections}.", "The {year} sources have no figures on: {sections}."),
    "page.listed_in_text": ("Số cuộc liệt kê", "Listed in text"),
    "page.topic_as_in_source": ("{label} (nguyên văn)", "{label} (Vietnamese, as in the source)"),
    # budget percentages recomputed against the base they name
    "page.base_check": ("Đối chiếu", "Comparison"),
    "page.base_agrees": ("khớp", "agrees"),
    "page.base_disagrees": ("KHÔNG KHỚP: tính lại {computed}, báo cáo in {printed}", "DISAGREES: recomputed {computed}, printed {printed}"),
    "page.base_assumed": ("giả định «{a}» và «{b}» là một dự toán", "assuming «{a}» and «{b}» are one estimate"),
    "page.base_unpaired": ("không có tỷ lệ khác cùng gốc để tính lại", "no other percentage of this base to recompute from"),
}
