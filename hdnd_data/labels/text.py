"""Every word a reader sees from the claims engine (hdnd_data.text): kinds, conventions, misprints, read errors.

Keys are grouped by what they name; the engine asks for ``msg(key, lang, **values)`` and never words a sentence
itself, so a claim's note reads the same in the command, the audit page and a data frame.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # a report file that cannot be read (ReportReadError.reason)
    "read_missing": ("{path}: không có tệp này", "{path}: no such file"),
    "read_wrong_type": ("{path}: không đọc được loại tệp «{suffix}»; dùng .txt, .md, .docx hoặc .pdf",
                        "{path}: cannot read a «{suffix}» file; use .txt, .md, .docx or .pdf"),
    "read_empty": ("{path}: tệp không có chữ nào", "{path}: the file holds no text"),
    "read_not_utf8": ("{path}: không phải văn bản UTF-8 (byte {byte}); hãy lưu lại dạng UTF-8",
                      "{path}: not UTF-8 text (byte {byte}); save it as UTF-8"),
    "read_corrupt": ("{path}: tệp {suffix} bị hỏng, không mở được ({detail})",
                     "{path}: a damaged {suffix} file that cannot be opened ({detail})"),
    "read_encrypted": ("{path}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại",
                       "{path}: the PDF is password-protected; remove the password and try again"),
    "read_no_text_layer": ("{path}: PDF không có lớp chữ (bản quét ảnh); cần nhận dạng chữ (OCR) trước",
                           "{path}: the PDF has no text layer (a scanned image); run text recognition (OCR) first"),
    # claim kinds (the codes of the ``kind`` column)
    "kind_ratio": ("tỷ lệ a/b", "ratio a/b"),
    "kind_sum": ("tổng các phần", "parts and total"),
    "kind_count": ("phân số đếm", "count fraction"),
    "kind_difference": ("chênh lệch", "difference"),
    "kind_growth": ("tốc độ tăng", "growth"),
    "kind_shares": ("cơ cấu (tổng 100%)", "shares (to 100%)"),
    "kind_percent_of_base": ("tỷ lệ so với gốc", "percent of a base"),
    "kind_number": ("số viết sai dạng", "malformed number"),
    # rounding conventions (the ``convention`` column)
    "convention_rounding": ("làm tròn", "rounding"),
    "convention_truncation": ("cắt bỏ chữ số (không làm tròn)", "truncation (digits dropped, not rounded)"),
    "convention_exact": ("đúng tuyệt đối", "exact"),
    # ratios
    "ratio_off": ("{a}/{b} = {value}%, không làm tròn thành {printed}", "{a}/{b} = {value}%, which does not round to {printed}"),
    "ratio_truncated": ("{a}/{b} = {value}%: {printed} chỉ khớp khi cắt bỏ chữ số thừa, không làm tròn",
                        "{a}/{b} = {value}%: {printed} holds only when the extra digits are dropped, not rounded"),
    "ratio_base_in_text": ("gốc {b} nêu trong đoạn", "the base {b} is stated in the paragraph"),
    "ratio_other_base": ("{printed} là tỷ lệ trên {base} nêu trong đoạn, không phải trên {b}",
                         "{printed} is a share of the {base} stated in the paragraph, not of {b}"),
    "ratio_inferred_base": ("gốc {b} là số cùng loại duy nhất nêu trong đoạn", "{b} is the only figure of its kind in the paragraph"),
    "approximate": ("số gần đúng («{word}»): chỉ kiểm khi khớp", "an approximate figure («{word}»): checked only when it holds"),
    # parts and totals
    "parts_off": ("các phần cộng lại {computed}, khác tổng {total}", "the parts add up to {computed}, not {total}"),
    "parts_open": ("các phần cộng lại {computed}, khác {total}; giả định các phần là toàn bộ có thể sai",
                   "the parts add up to {computed}, not {total}; they may not be all the parts"),
    "parts_elsewhere": ("một cách chia khác của tổng {total} (ở câu sau)", "another partition of the total {total} (in a later sentence)"),
    # misprint hypotheses
    "hyp_percent": ("có thể {right}% bị in thành {printed}% ({slip})", "possibly {right}% printed as {printed}% ({slip})"),
    "hyp_base": ("có thể gốc là {right}, in thành {printed} ({slip})", "possibly the base is {right}, printed as {printed} ({slip})"),
    "hyp_count": ("có thể {right} bị in thành {printed} ({slip})", "possibly {right} printed as {printed} ({slip})"),
    "hyp_part": ("có thể phần {right} bị in thành {printed} ({slip})", "possibly the part {right} printed as {printed} ({slip})"),
    "hyp_total": ("có thể tổng {right} bị in thành {printed} ({slip})", "possibly the total {right} printed as {printed} ({slip})"),
    "hyp_or": (" hoặc ", " or "),
    "slip_swapped": ("đảo hai chữ số", "two digits swapped"),
    "slip_comma": ("lệch dấu phẩy thập phân", "decimal comma moved"),
    "slip_dropped": ("thiếu một chữ số", "a digit dropped"),
    "slip_added": ("thừa một chữ số", "a digit added"),
    "slip_changed": ("sai một chữ số", "one digit wrong"),
    # the claims table's column headers
    "claim_id": ("Mã", "Id"),
    "convention": ("Quy ước", "Convention"),
    "hypothesis": ("Giả thuyết in sai", "Misprint hypothesis"),
    "assumption": ("Giả định", "Assumption"),
}
