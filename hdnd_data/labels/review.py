"""Every word a reader sees on a document's review page and on the index of a run (vi, en).

The claims' own sentences (notes, conventions, hypotheses) come from the claims engine; here are the page's
headings, the claim kinds, the reading problems and the index's columns and statuses.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # the review page
    "review_title": ("Rà soát số liệu trong văn bản", "Review of the figures in a document"),
    "review_document": ("Văn bản", "Document"),
    "review_summary": ("Tóm tắt", "Summary"),
    "review_to_check": ("Các số cần xem lại", "Figures to look at"),
    "review_nothing_to_check": ("Không có số nào sai lệch hay cần xem xét.", "No figure fails or needs a look."),
    "review_text": ("Toàn văn, các số được đánh dấu", "The text, every checked figure marked"),
    "review_claims": ("Bảng các khẳng định về số liệu", "Table of the claims about figures"),
    "review_no_claims": ("Không tìm thấy khẳng định nào về số liệu.", "No claim about figures was found."),
    "review_explanation": ("Giải thích", "Explanation"),
    "review_hint": (
        "Di chuột hoặc dùng phím Tab đến một số được đánh dấu để xem cách tính lại.",
        "Hover over a marked figure, or reach it with the Tab key, to see how it was recomputed.",
    ),
    "review_line": ("dòng {line}", "line {line}"),
    "review_claim_no": ("Số", "No."),
    "review_convention": ("Quy ước", "Convention"),
    "review_hypothesis": ("Giả thuyết in nhầm", "Misprint hypothesis"),
    "review_assumption": ("Giả định", "Assumption"),
    "review_stated_as": ("nêu {stated}", "stated {stated}"),
    "review_computed_as": ("tính lại {computed}", "recomputed {computed}"),
    "review_tolerance_as": ("sai số cho phép {tolerance}", "tolerance {tolerance}"),
    "review_open_page": ("Xem văn bản với các số được đánh dấu", "Open the document with its figures marked"),
    "review_unreadable": ("Không đọc được văn bản", "The document cannot be read"),
    "review_unchecked": ("chưa kiểm tra được", "unchecked"),
    # a claim kind the engine has no label for (its own kinds are labelled in labels/text.py)
    "review_kind_other": ("khẳng định khác", "other claim"),
    # paths the review runner refuses before any kernel starts (the reader's own words for the others)
    "review_read_missing": ("không có tệp này", "no such file"),
    "review_read_wrong_type": ("không phải loại văn bản đọc được (.txt, .md, .docx, .pdf)",
                               "not a kind of document that can be read (.txt, .md, .docx, .pdf)"),
    # why a document's review or a unit-year's audit failed (one line in its index row) and what a re-run kept
    "run_failed_cell": ("một ô của sổ tính báo lỗi {error}", "a notebook cell raised {error}"),
    "run_failed_kernel": ("nhân Python dừng hoặc không khởi động được ({error})", "the Python kernel died or did not start ({error})"),
    "run_failed_output": ("không ghi được kết quả vào {path} ({error})", "cannot write the output to {path} ({error})"),
    "review_kept": ("giữ nguyên {n} văn bản không thay đổi từ lần rà soát trước (rà soát lại tất cả: --force)",
                    "kept {n} up to date: unchanged since their review (to review them again: --force)"),
    "audit_kept": ("giữ nguyên {n} năm không thay đổi từ lần chạy trước (chạy lại tất cả: --force)",
                   "kept {n} unit-years up to date: unchanged since their audit (to audit them again: --force)"),
    "review_no_documents": ("không có văn bản nào (.txt, .md, .docx, .pdf)", "no document found (.txt, .md, .docx, .pdf)"),
    # the index of a run
    "index_title": ("Kết quả kiểm tra số liệu", "Results of the figure checks"),
    "index_audits": ("Báo cáo theo đơn vị và năm", "Unit-year audits"),
    "index_documents": ("Văn bản được rà soát", "Documents reviewed"),
    "index_none": ("Chưa có kết quả nào.", "No results yet."),
    "index_result": ("Tình trạng", "Result"),
    "index_when": ("Thời điểm chạy", "Run at"),
    "index_files": ("Tệp", "Files"),
    "index_page": ("trang báo cáo", "report page"),
    "index_notebook": ("sổ tính", "notebook"),
    "index_table": ("bảng CSV", "CSV table"),
    "index_stale": ("cũ", "stale"),
    "index_stale_missing": ("tệp kết quả không còn", "the output is missing"),
    "index_stale_older": ("trang là của một lần chạy trước", "the page is from an earlier run"),
    "index_stale_inputs": ("nguồn đã thay đổi sau lần chạy", "the input changed after the run"),
    "index_stale_gone": ("nguồn không còn ở chỗ cũ (đã xoá hoặc chuyển đi)", "the input is no longer there (deleted or moved)"),
    "row_done": ("hoàn tất", "done"),
    "row_invalid": ("số liệu không hợp lệ", "invalid data"),
    "row_error": ("lỗi khi chạy sổ tính", "notebook error"),
    "row_unreadable": ("không đọc được", "unreadable"),
}
