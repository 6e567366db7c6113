"""Every sentence of the findings wing (decisions, what changed, likely misprints, the letter), in vi and en.

Keys are prefixed ``findings.``, except the decision codes of ``reviews.csv``, which are their own labels so that
:func:`hdnd_data.label` shows them like every coded value.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # decisions (codes of reviews.decision)
    "explained": ("đã giải thích", "explained"),
    "confirmed_error": ("xác nhận sai sót", "confirmed error"),
    "forwarded": ("đã chuyển cơ quan ban hành", "forwarded to the issuer"),
    "ignore": ("bỏ qua", "ignored"),
    # columns and headings
    "findings.fingerprint": ("Mã phát hiện", "Fingerprint"),
    "findings.decision": ("Quyết định", "Decision"),
    "findings.reviewer": ("Người rà soát", "Reviewer"),
    "findings.decided_on": ("Ngày quyết định", "Decided on"),
    "findings.open": ("Phát hiện chưa xử lý", "Open findings"),
    "findings.decided": ("Phát hiện đã có quyết định ({n})", "Decided findings ({n})"),
    "findings.none_open": ("Không còn phát hiện nào chưa xử lý.", "No open finding."),
    "findings.stale": ("Quyết định không còn khớp phát hiện nào ({n})", "Decisions that match no finding any more ({n})"),
    "findings.stale_line": (
        "{fingerprint} ({unit} {year}): {decision} — {note} [không còn phát hiện mang mã này]",
        "{fingerprint} ({unit} {year}): {decision} — {note} [no finding has this fingerprint any more]",
    ),
    "findings.decided_line": ("{status} · {decision}: {rule} ({locator}) #{fingerprint} — {note}",
                              "{status} · {decision}: {rule} ({locator}) #{fingerprint} — {note}"),
    "findings.section": ("Rà soát các phát hiện", "Review of the findings"),
    # likely misprints
    "findings.misprint": (
        "có thể in nhầm: {figure} {printed} ({locator}) có lẽ là {proposed} ({edit}): với số này, {n} kiểm tra đạt",
        "likely misprint: {figure} {printed} ({locator}) is probably {proposed} ({edit}): with it, {n} rule(s) pass",
    ),
    "findings.edit.swap": ("đảo hai chữ số liền nhau", "two adjacent digits swapped"),
    "findings.edit.digit": ("sai một chữ số", "one digit wrong"),
    "findings.edit.drop": ("thiếu một chữ số", "a digit dropped"),
    "findings.edit.add": ("thừa một chữ số", "a digit added"),
    "findings.edit.dot": ("đặt sai dấu chấm, dấu phẩy", "separator misplaced"),
    "findings.edit.base": ("nhầm cơ sở so sánh", "wrong base"),
    # what changed since the last run
    "findings.change.new": ("mới", "new"),
    "findings.change.resolved": ("đã hết", "resolved"),
    "findings.change.changed": ("thay đổi", "changed"),
    "findings.change.new_rule": ("quy tắc mới", "new rule"),
    "findings.changes": ("Thay đổi so với lần chạy trước", "Changes since the last run"),
    "findings.changes_none": ("Không có thay đổi so với lần chạy trước.", "Nothing changed since the last run."),
    "findings.changes_first": ("Lần chạy đầu tiên vào thư mục này: chưa có gì để so sánh.",
                               "First run into this folder: nothing to compare with yet."),
    "findings.no_records": ("thư mục {folder} không có tệp {file} nào (chưa chạy hdnd audit vào đó?)",
                            "folder {folder} holds no {file} (was hdnd audit run into it?)"),
    "findings.before": ("Trước", "Before"),
    "findings.after": ("Sau", "After"),
    # the letter of comments (hdnd letter)
    "letter.title": ("GÓP Ý VỀ SỐ LIỆU CỦA BÁO CÁO", "COMMENTS ON THE FIGURES OF THE REPORT"),
    "letter.date": ("ngày {d} tháng {m} năm {y}", "{y}-{m:02d}-{d:02d}"),
    "letter.to": ("Kính gửi: {issuer}", "To: {issuer}"),
    "letter.about": ("Về: {title}{extra}", "Re: {title}{extra}"),
    "letter.number": (", số {number}", ", no. {number}"),
    "letter.issued": (", ngày {date}", ", dated {date}"),
    "letter.intro": (
        "Khi đối chiếu các số liệu của báo cáo năm {year} với nhau, chúng tôi thấy {n} điểm chưa khớp hoặc cần làm rõ, "
        "xin nêu cụ thể dưới đây để cơ quan soạn thảo xem xét.",
        "Cross-checking the figures of the {year} report against each other, we found {n} point(s) that do not agree "
        "or need clarifying; they are listed below for the drafting office to consider.",
    ),
    "letter.none": ("Các số liệu của báo cáo năm {year} đã được đối chiếu; không còn điểm nào cần góp ý.",
                    "The figures of the {year} report were cross-checked; no point remains to comment on."),
    "letter.item_head": ("{i}. Mục {locator} ({status}):", "{i}. Section {locator} ({status}):"),
    "letter.figures": ("Số liệu nêu trong báo cáo: {stated}; tính lại từ các số liệu khác: {computed}.",
                       "As printed: {stated}; recomputed from the other figures: {computed}."),
    "letter.assumption": ("Kết luận này dựa trên giả định: {text}", "This rests on an assumption: {text}"),
    "letter.reviewer_note": ("Ý kiến người rà soát ({decision}): {note}", "Reviewer's note ({decision}): {note}"),
    "letter.reference": ("(Quy tắc {rule}, mã {fingerprint})", "(Rule {rule}, fingerprint {fingerprint})"),
    "letter.request": (
        "Đề nghị cơ quan soạn thảo kiểm tra lại các số liệu nêu trên và đính chính nếu có sai sót, hoặc cho biết "
        "căn cứ của số liệu để hoàn thiện báo cáo.",
        "We ask the drafting office to check these figures and correct any error, or to state the basis of the "
        "figures so that the report can be completed.",
    ),
    "letter.closing": ("Tổng số điểm góp ý: {n}. Trân trọng.", "Points raised: {n}. Yours faithfully."),
    "letter.sender": ("Tổ rà soát số liệu", "The figures review team"),
    "letter.written": ("đã ghi thư góp ý ({n} điểm) vào {path}", "letter of comments ({n} point(s)) written to {path}"),
    # hdnd decide
    "findings.unknown_fingerprint": (
        "không có phát hiện nào mang mã {fingerprint} trong {where}; mã của các kiểm tra sai lệch hoặc cần xem xét: {known}",
        "no finding has the fingerprint {fingerprint} in {where}; fingerprints of failing or warning checks: {known}",
    ),
    "findings.every_unit_year": ("mọi đơn vị và năm", "every unit and year"),
    "findings.written": (
        "đã ghi quyết định “{decision}” cho {fingerprint} ({rule}, {unit} {year}) vào {path}",
        "decision '{decision}' for {fingerprint} ({rule}, {unit} {year}) written to {path}",
    ),
}
