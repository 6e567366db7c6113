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
